import { formatDuration } from '../../shared/duration.js';
import { headerPlaceholder } from '../http/secrets.js';
import { DEFAULT_SOURCE } from '../../shared/named-sources.js';
import { singleQuote } from '../../shared/quote.js';
import { urlWithoutPassword } from '../../shared/url.js';
import type { PrometheusSource } from './source.js';
import type { PrometheusSpec } from './schema.js';

/** Names the base URL variable the command uses: the person reading it sets it once. */
const URL_WORD = '$PROMETHEUS_URL';

/**
 * `curl -sG "$PROMETHEUS_URL/api/v1/query" --data-urlencode 'query=…'`, or query_range over the same
 * window ending when it is run. Header values are secrets: they appear as shell variables. A named
 * source's command is written against its own URL (without credentials), not PROMETHEUS_URL.
 */
export function prometheusReproduce(
  spec: PrometheusSpec,
  source: PrometheusSource | undefined,
  sourceName?: string,
): string {
  const named = sourceName !== undefined && sourceName !== DEFAULT_SOURCE;
  const base = (named ? urlWithoutPassword(source?.url) : undefined)?.replace(/\/+$/, '');
  const words: string[] = [];
  const range = spec.rangeMs !== undefined && spec.stepMs !== undefined;
  if (range) words.push('end=$(date +%s);');
  words.push('curl', '-sG');
  for (const name of Object.keys(source?.headers ?? {}))
    words.push('-H', `"${name}: ${headerPlaceholder(name)}"`);
  const path = `/api/v1/${range ? 'query_range' : 'query'}`;
  words.push(
    base === undefined ? `"${URL_WORD}${path}"` : singleQuote(`${base}${path}`),
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
