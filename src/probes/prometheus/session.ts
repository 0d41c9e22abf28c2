// The heavy half of the prometheus probe: loaded only when a gate has a `prometheus:` check.
import { formatDuration } from '../../shared/duration.js';
import { ProbeError } from '../probe.js';
import type { Fields, ProbeCall, ProbeEnvironment, ProbeSession } from '../probe.js';
import { isSecretHeader, secretValuesOf } from '../http/secrets.js';
import { AnswerReader, type Envelope } from './answer.js';
import { refusalError, transportError, type ApiRefusal } from './errors.js';
import { singleSeriesFieldRead } from './fields.js';
import type { PrometheusSpec } from './schema.js';

/** How much of an error answer is read. */
const ERROR_BODY_LIMIT = 64 * 1024;

/** Where queries go, after credentials in the URL have become a header. */
interface Endpoint {
  base: URL;
  headers: Record<string, string>;
  /** The base URL as messages show it (no credentials). */
  where: string;
}

/** Opens the prometheus probe's session: validates the source and registers its secrets once. */
export function openPrometheusSession(environment: ProbeEnvironment): Promise<ProbeSession<PrometheusSpec>> {
  const endpoint = prepareEndpoint(environment);
  return Promise.resolve({
    run: (call) => runQuery(endpoint, call, environment),
    close: () => Promise.resolve(),
  });
}

function prepareEndpoint(environment: ProbeEnvironment): Endpoint {
  const source = environment.sources.prometheus;
  const headers: Record<string, string> = {};
  // Every header value is a secret: Authorization, but also tenant ids and API keys under any name.
  for (const [name, value] of Object.entries(source?.headers ?? {})) {
    headers[name] = value;
    if (value.trim().length > 0) environment.addSecret(value);
    for (const secret of secretValuesOf(name, value)) environment.addSecret(secret);
  }
  if (source?.url === undefined) {
    throw new ProbeError(
      "prometheus: no Prometheus URL; set sources.prometheus.url (e.g. url: '${PROMETHEUS_URL}') or the PROMETHEUS_URL environment variable",
    );
  }
  const base = new URL(source.url);
  for (const [name, value] of base.searchParams)
    if (isSecretHeader(name) && value !== '') environment.addSecret(value);
  if (base.password !== '' || base.username !== '') {
    // fetch refuses URLs with credentials: they travel as Basic auth, as curl would send them.
    const user = decodeURIComponent(base.username);
    const password = decodeURIComponent(base.password);
    if (password !== '') environment.addSecret(password);
    const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
    if (!hasAuthorization) {
      const credential = Buffer.from(`${user}:${password}`).toString('base64');
      environment.addSecret(credential);
      headers.Authorization = `Basic ${credential}`;
    }
    base.username = '';
    base.password = '';
  }
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return { base, headers, where: base.origin + base.pathname.replace(/\/$/, '') };
}

async function runQuery(
  endpoint: Endpoint,
  call: ProbeCall<PrometheusSpec>,
  environment: ProbeEnvironment,
): Promise<Fields> {
  const { spec } = call;
  const range = spec.rangeMs !== undefined && spec.stepMs !== undefined;
  const url = new URL(range ? 'api/v1/query_range' : 'api/v1/query', endpoint.base);
  url.searchParams.set('query', spec.query);
  if (range) {
    const end = Date.now() / 1000;
    url.searchParams.set('start', String(end - spec.rangeMs! / 1000));
    url.searchParams.set('end', String(end));
    url.searchParams.set('step', String(spec.stepMs! / 1000));
  }
  // The server stops evaluating a second before the check gives up, so its own timeout error is what the user reads.
  url.searchParams.set('timeout', String(Math.max(1, (call.timeoutMs - 1000) / 1000)));
  environment.debug(`prometheus: ${range ? 'query_range' : 'query'} ${spec.query}`);

  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = AbortSignal.any([call.signal, timeout]);
  const where = `${endpoint.where}/api/v1/${range ? 'query_range' : 'query'}`;
  const reader = new AnswerReader(range ? 'range' : 'instant');
  let envelope: Envelope;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json', ...endpoint.headers },
      signal,
      // A redirect is usually a login page; its answer would not be the metrics.
      redirect: 'manual',
    });
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location') ?? 'nowhere';
      throw new ProbeError(
        `prometheus: ${where} redirects (${response.status}) to ${location.split('?')[0]}, usually a login page; give credentials in sources.prometheus.headers or point url at the API itself`,
      );
    }
    if (!response.ok) throw await refusalFrom(response, spec.query, where);
    if (/^text\/html/i.test(response.headers.get('content-type') ?? '')) {
      throw new ProbeError(
        `prometheus: ${where} answered with an HTML page, not the API's JSON; point sources.prometheus.url at the API (Grafana Cloud: …/api/prom)`,
      );
    }
    if (response.body === null)
      throw new ProbeError(`prometheus: ${where} answered ${response.status} without a body`);
    for await (const chunk of chunksOf(response.body)) {
      reader.push(chunk);
    }
    envelope = reader.end();
  } catch (error) {
    throw transportError(error, endpoint.where, call.timeoutMs, timeout.aborted);
  }
  return fieldsOf(spec, envelope, reader, call.extras, where);
}

async function refusalFrom(response: Response, query: string, where: string): Promise<ProbeError> {
  const text = await boundedText(response);
  let refusal: ApiRefusal | undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null) refusal = parsed;
  } catch {
    // Not the API's JSON (a proxy's page): the status and the text say what happened.
  }
  return refusalError(response.status, response.statusText, refusal, text, query, where);
}

async function boundedText(response: Response): Promise<string> {
  if (response.body === null) return '';
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of chunksOf(response.body)) {
    chunks.push(chunk);
    kept += chunk.length;
    if (kept >= ERROR_BODY_LIMIT) break;
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, ERROR_BODY_LIMIT));
}

function fieldsOf(
  spec: PrometheusSpec,
  envelope: Envelope,
  reader: AnswerReader,
  extras: Record<string, unknown>,
  where: string,
): Fields {
  const warnings = [...strings(envelope.warnings), ...strings(envelope.infos)];
  const warned = warnings.length > 0 ? `; the server warned: ${warnings.join(' | ')}` : '';
  if (envelope.status !== 'success') {
    throw refusalError(200, 'OK', envelope, '', spec.query, where);
  }
  const data = envelope.data as { resultType?: unknown; result?: unknown } | undefined;
  const aggregate = reader.aggregate;
  if (data?.resultType === 'scalar') aggregate.addScalar(data.result);
  else if (data?.resultType === 'string') {
    throw new ProbeError('prometheus: the query returned a string, not a number; ask for a number');
  } else if (data?.resultType !== 'vector' && data?.resultType !== 'matrix') {
    throw new ProbeError(
      `prometheus: the answer has no vector or matrix result (resultType ${JSON.stringify(data?.resultType ?? null)}); is sources.prometheus.url a Prometheus API?`,
    );
  }
  if (aggregate.series === 0 || aggregate.samples === 0) throw emptyResult(spec, warned);
  const read = singleSeriesFieldRead(extras);
  if (aggregate.series !== 1 && read !== undefined) {
    const more = aggregate.series > aggregate.labelSets.length ? ', …' : '';
    throw new ProbeError(
      `prometheus: '${read}' needs exactly one series, but the query returned ${aggregate.series}: ${aggregate.labelSets.join(', ')}${more}; aggregate them (sum(…), max(…), sum by (…) with one group) or use min, max, avg or sum${warned}`,
    );
  }
  const fields: Fields = {
    series: aggregate.series,
    samples: aggregate.samples,
    min: aggregate.min,
    max: aggregate.max,
    avg: aggregate.sum / aggregate.samples,
    sum: aggregate.sum,
    warnings,
  };
  if (aggregate.series === 1 && aggregate.last !== undefined) {
    fields.value = aggregate.last;
    fields.last = aggregate.last;
  }
  return fields;
}

function emptyResult(spec: PrometheusSpec, warned: string): ProbeError {
  const when =
    spec.rangeMs === undefined
      ? 'no series at gate time'
      : `no samples in the last ${formatDuration(spec.rangeMs)}`;
  return new ProbeError(
    `prometheus: the query returned ${when}; an empty result is never read as 0 or as a pass. If no data means zero (no errors yet), append 'or vector(0)': ${spec.query} or vector(0); if the series should exist, check the metric name and labels (absent(…) says when a metric is missing)${warned}`,
  );
}

/** The body's chunks as Buffers over the same memory (no copy). */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Buffer> {
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
