import { formatDuration } from '../../shared/duration.js';
import { headerPlaceholder } from '../http/secrets.js';
import { singleQuote } from '../../shared/quote.js';
import type { PrometheusSource } from './source.js';
import type { PrometheusSpec } from './schema.js';

/** Names the base URL variable the command uses: the person reading it sets it once. */
const URL_WORD = '$PROMETHEUS_URL';

/**
 * `curl -sG "$PROMETHEUS_URL/api/v1/query" --data-urlencode 'query=…'`, or query_range over the same
 * window ending when it is run. Header values are secrets: they appear as shell variables.
 */
export function prometheusReproduce(spec: PrometheusSpec, source: PrometheusSource | undefined): string {
  const words: string[] = [];
  const range = spec.rangeMs !== undefined && spec.stepMs !== undefined;
  if (range) words.push('end=$(date +%s);');
  words.push('curl', '-sG');
  for (const name of Object.keys(source?.headers ?? {}))
    words.push('-H', `"${name}: ${headerPlaceholder(name)}"`);
  words.push(
    `"${URL_WORD}/api/v1/${range ? 'query_range' : 'query'}"`,
    '--data-urlencode',
    singleQuote(`query=${spec.query}`),
  );
  if (range) {
    words.push(
      '--data-urlencode',
      `"start=$((end - ${Math.round(spec.rangeMs! / 1000)}))"`,
      '--data-urlencode',
      '"end=$end"',
      '--data-urlencode',
      `step=${spec.stepMs! / 1000}`,
    );
  }
  return words.join(' ');
}

/** One line: `instant query sum(…)` or `range query sum(…) over 30m at 1m steps`. */
export function prometheusDescribe(spec: PrometheusSpec): string {
  const query = spec.query.replace(/\s+/g, ' ');
  if (spec.rangeMs === undefined || spec.stepMs === undefined) return `instant query ${query}`;
  return `range query ${query} over ${formatDuration(spec.rangeMs)} at ${formatDuration(spec.stepMs)} steps`;
}
