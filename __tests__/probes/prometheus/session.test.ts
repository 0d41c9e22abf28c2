import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeError, type Fields, type ProbeEnvironment } from '../../../src/probes/probe.js';
import { prometheusProbe } from '../../../src/probes/prometheus/index.js';
import { prometheusSpecSchema } from '../../../src/probes/prometheus/schema.js';
import type { PrometheusSource } from '../../../src/probes/prometheus/source.js';
import {
  matrixText,
  startPrometheusSim,
  vector,
  type PrometheusSim,
} from '../../support/prometheus-sim/index.js';

let sim: PrometheusSim;
let secrets: string[] = [];

beforeAll(async () => {
  sim = await startPrometheusSim();
});
afterAll(() => sim.close());

function environment(source: Partial<PrometheusSource> = {}): ProbeEnvironment {
  return {
    sources: {
      postgres: { statementTimeoutMs: 15_000 },
      kubernetes: {},
      github: {},
      prometheus: { url: sim.url, headers: {}, ...source },
    },
    env: {},
    workspace: '/',
    addSecret: (value) => void secrets.push(value),
    debug: () => {},
  };
}

interface Options {
  expect?: string;
  evidence?: string;
  timeoutMs?: number;
  source?: Partial<PrometheusSource>;
  signal?: AbortSignal;
}

async function probe(input: unknown, options: Options = {}): Promise<Fields> {
  secrets = [];
  const spec = prometheusSpecSchema.parse(input);
  const session = await prometheusProbe.open(environment(options.source));
  const extras: Record<string, unknown> = { expect: options.expect ?? 'max < 1' };
  if (options.evidence !== undefined) extras.evidence = options.evidence;
  try {
    return await session.run({
      spec,
      extras,
      signal: options.signal ?? new AbortController().signal,
      timeoutMs: options.timeoutMs ?? 5000,
    });
  } finally {
    await session.close();
  }
}

async function probeError(input: unknown, options: Options = {}): Promise<string> {
  const error: unknown = await probe(input, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProbeError);
  return (error as Error).message;
}

/** A port nothing listens on: listened on once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const ratio = 'sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))';

describe('prometheus probe against the API simulator', () => {
  it('reads an instant query: value and last for one series, min/max/avg/sum', async () => {
    sim.answer(ratio, { body: vector([{ metric: {}, value: '0.0042' }]) });
    expect(await probe(ratio, { expect: 'value < 0.01' })).toEqual({
      series: 1,
      samples: 1,
      min: 0.0042,
      max: 0.0042,
      avg: 0.0042,
      sum: 0.0042,
      value: 0.0042,
      last: 0.0042,
      warnings: [],
    });
    const request = sim.requests.at(-1)!;
    expect(request.path).toBe('/api/v1/query');
    expect(request.params).toEqual({ query: ratio, timeout: '4' });
  });

  it('reads a range query ending now: every sample of every series, last of the one series', async () => {
    const query = 'max(latency_p99)';
    sim.answer(query, { body: matrixText(1, 31, (_series, point) => String(point / 100)) });
    const before = Date.now() / 1000;
    const fields = await probe({ query, range: '30m', step: '1m' }, { expect: 'max < 0.5' });
    expect(fields).toMatchObject({ series: 1, samples: 31, min: 0, max: 0.3, last: 0.3, value: 0.3 });
    expect(fields.sum).toBeCloseTo(4.65, 12);
    const params = sim.requests.at(-1)!.params;
    expect(sim.requests.at(-1)!.path).toBe('/api/v1/query_range');
    expect(Number(params.end) - Number(params.start)).toBeCloseTo(1800, 6);
    expect(Number(params.end)).toBeGreaterThanOrEqual(before);
    expect(params.step).toBe('60');
  });

  it('aggregates across series; value and last are absent for several series', async () => {
    const query = 'rate(requests_total[5m])';
    sim.answer(query, {
      body: vector([
        { metric: { __name__: 'x', code: '200' }, value: '5' },
        { metric: { code: '500' }, value: '1' },
        { metric: { code: '503' }, value: '0' },
        { metric: { code: '504' }, value: '2' },
      ]),
    });
    const fields = await probe(query, { expect: 'max < 10 and series == 4' });
    expect(fields).toEqual({ series: 4, samples: 4, min: 0, max: 5, avg: 2, sum: 8, warnings: [] });
  });

  it('is an error naming the series count and the first label sets when a check reads value or last of several series', async () => {
    const query = 'rate(requests_total[5m])';
    const expected =
      /^prometheus: 'value' needs exactly one series, but the query returned 4: x\{code="200"\}, \{code="500"\}, \{code="503"\}, …; aggregate them/;
    expect(await probeError(query, { expect: 'value < 1' })).toMatch(expected);
    expect(await probeError(query, { expect: 'series > 1 and last < 1' })).toContain(
      "'last' needs exactly one series",
    );
    expect(await probeError(query, { expect: 'max < 10', evidence: 'rate {{ value }}' })).toContain(
      "'value' needs exactly one series",
    );
    // A quoted word is not a field.
    expect((await probe(query, { expect: "max < 10 and warnings contains 'value'" })).series).toBe(4);
    expect((await probe(query, { expect: "max < 10 or series == 'value'" })).series).toBe(4);
  });

  it('is an error, teaching `or vector(0)`, when the result is empty; never 0', async () => {
    const query = 'sum(rate(errors_total[5m]))';
    sim.answer(query, { body: vector([]) });
    expect(await probeError(query)).toBe(
      "prometheus: the query returned no series at gate time; an empty result is never read as 0 or as a pass. If no data means zero (no errors yet), append 'or vector(0)': sum(rate(errors_total[5m])) or vector(0); if the series should exist, check the metric name and labels (absent(…) says when a metric is missing)",
    );
    sim.answer('empty_range', { body: { status: 'success', data: { resultType: 'matrix', result: [] } } });
    expect(await probeError({ query: 'empty_range', range: '30m' })).toContain('no samples in the last 30m');
  });

  it('is an error for NaN and ±Inf anywhere, saying where they come from and how to guard', async () => {
    sim.answer('nan', {
      body: matrixText(3, 5, (series, point) => (series === 2 && point === 3 ? 'NaN' : '1')),
    });
    const nan = await probeError({ query: 'nan', range: '5m', step: '1m' });
    expect(nan).toMatch(
      /^prometheus: http_requests_total\{pod="web-2", code="200"\} is NaN at 2023-11-14T22:14:05\.000Z/,
    );
    expect(nan).toContain('(…) >= 0 or vector(0)');
    sim.answer('inf', { body: vector([{ metric: {}, value: '+Inf' }]) });
    expect(await probeError('inf')).toMatch(/^prometheus: \{\} \(no labels\) is \+Inf .*division by zero/);
    sim.answer('-inf', { body: vector([{ metric: { a: 'b' }, value: '-Inf' }]) });
    expect(await probeError('-inf')).toContain('{a="b"} is -Inf');
  });

  it('gives bad PromQL with its position and the text around it', async () => {
    const query = 'sum(rate(http_requests_total[5m]';
    sim.answer(query, {
      status: 400,
      body: {
        status: 'error',
        errorType: 'bad_data',
        error: 'invalid parameter "query": 1:34: parse error: unclosed left parenthesis',
      },
    });
    expect(await probeError(query)).toBe(
      "prometheus: bad PromQL at line 1, column 34: unclosed left parenthesis — near 'sum(rate(http_requests_total[5m]'; try it in the Prometheus UI (Graph tab) to see the whole error",
    );
  });

  it('turns API refusals, proxies and transport failures into one line that says what to do', async () => {
    sim.answer('slow_eval', {
      status: 503,
      body: { status: 'error', errorType: 'timeout', error: 'query timed out in expression evaluation' },
    });
    expect(await probeError('slow_eval')).toMatch(
      /^prometheus: the server gave up on the query \(timeout: query timed out.*raise the check's timeout$/,
    );
    sim.answer('exec', {
      status: 422,
      body: { status: 'error', errorType: 'execution', error: 'many-to-many matching not allowed' },
    });
    expect(await probeError('exec')).toBe(
      'prometheus: the query failed while it ran: many-to-many matching not allowed',
    );
    sim.answer('gateway', {
      status: 502,
      contentType: 'text/html',
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    });
    expect(await probeError('gateway')).toBe(
      `prometheus: ${sim.url}/api/v1/query answered 502 Bad Gateway: 502 Bad Gateway`,
    );
    sim.answer('denied', { status: 401, contentType: 'text/plain', body: 'invalid token' });
    expect(await probeError('denied')).toContain(
      'answered 401 Unauthorized: invalid token; check the credentials in sources.prometheus.headers',
    );
    sim.answer('limited', { status: 429, contentType: 'text/plain', body: 'slow down' });
    expect(await probeError('limited')).toContain('rate limiting queries (429)');
    expect(await probeError('up', { source: { url: `${sim.url}/wrong-prefix` } })).toContain(
      `no Prometheus API at ${sim.url}/wrong-prefix/api/v1/query (404); sources.prometheus.url is the base URL before /api/v1`,
    );
    sim.answer('login', {
      status: 302,
      body: '',
      headers: { location: 'https://sso.example.com/login?next=x' },
    });
    expect(await probeError('login')).toContain(
      'redirects (302) to https://sso.example.com/login, usually a login page',
    );
    sim.answer('page', { contentType: 'text/html; charset=utf-8', body: '<html>Grafana</html>' });
    expect(await probeError('page')).toContain('answered with an HTML page');
    const closed = await closedPort();
    expect(await probeError('up', { source: { url: `http://127.0.0.1:${closed}` } })).toBe(
      `prometheus: connection refused by http://127.0.0.1:${closed}; is Prometheus up and listening there?`,
    );
  });

  it('is an error for malformed or cut answers, never a partial aggregate', async () => {
    sim.answer('garbage', {
      body: '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]},{"metric":',
    });
    expect(await probeError('garbage')).toMatch(
      /^prometheus: the answer is not a valid Prometheus API response \(it ended before its last bracket\)/,
    );
    sim.answer('bad-json', {
      body: '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"}]}}',
    });
    expect(await probeError('bad-json')).toContain('not a valid Prometheus API response');
    sim.answer('not-number', { body: vector([{ metric: {}, value: 'abc' }]) });
    expect(await probeError('not-number')).toContain("a sample value 'abc' that is not a number");
    sim.answer('no-data', { body: { status: 'success' } });
    expect(await probeError('no-data')).toContain('no vector or matrix result');
    sim.answer('hist', {
      body: {
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: {}, histogram: [1, {}] }] },
      },
    });
    expect(await probeError('hist')).toContain('native histogram');
    sim.answer('text', { body: { status: 'success', data: { resultType: 'string', result: [1, 'x'] } } });
    expect(await probeError('text')).toContain('returned a string');
  });

  it('keeps API warnings as a field, and in every error it gives', async () => {
    sim.answer('warned', {
      body: vector([{ metric: {}, value: '1' }], { warnings: ['partial response: store eu-1 unavailable'] }),
    });
    expect((await probe('warned')).warnings).toEqual(['partial response: store eu-1 unavailable']);
    sim.answer('warned-empty', {
      body: vector([], { warnings: ['store down'], infos: ['PromQL info: metric might not be a counter'] }),
    });
    expect(await probeError('warned-empty')).toMatch(
      /; the server warned: store down \| PromQL info: metric might not be a counter$/,
    );
    expect(prometheusProbe.failureFields).toEqual(['warnings']);
  });

  it('reads a scalar answer as one series', async () => {
    sim.answer('scalar(up)', {
      body: { status: 'success', data: { resultType: 'scalar', result: [1, '3'] } },
    });
    expect(await probe('scalar(up)', { expect: 'value == 3' })).toMatchObject({ series: 1, value: 3 });
  });

  it('gives up on a slow answer at the check timeout, and stops when the gate aborts', async () => {
    sim.answer('slow', { delayMs: 3000, body: vector([{ metric: {}, value: '1' }]) });
    expect(await probeError('slow', { timeoutMs: 200 })).toBe(
      `prometheus: no answer from ${sim.url} within 200 ms (timeout); raise the check's timeout if the query is just slow`,
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(await probeError('slow', { signal: controller.signal })).toContain('was stopped');
  });

  it('reads the same aggregate whatever the chunk boundaries (one byte at a time)', async () => {
    const text = matrixText(3, 4, (series, point) => `${series}.${point}5`).replace(
      '"pod":"web-1"',
      '"pod":"w\\"e{b}[1]"',
    );
    sim.answer('chunked', { body: text, chunkBytes: 1 });
    sim.answer('whole', { body: text });
    const whole = await probe({ query: 'whole', range: '1m', step: '15s' });
    expect(await probe({ query: 'chunked', range: '1m', step: '15s' })).toEqual(whole);
    expect(whole).toMatchObject({ series: 3, samples: 12, min: 0.05, max: 2.35 });
  });

  it('sends the source headers, registers every value as a secret, and turns URL credentials into Basic auth', async () => {
    sim.answer('up', { body: vector([{ metric: {}, value: '1' }]) });
    await probe('up', {
      source: { headers: { Authorization: 'Bearer tok-12345', 'X-Scope-OrgID': 'tenant-7' } },
    });
    expect(sim.requests.at(-1)!.headers).toMatchObject({
      authorization: 'Bearer tok-12345',
      'x-scope-orgid': 'tenant-7',
    });
    expect(secrets).toEqual(expect.arrayContaining(['Bearer tok-12345', 'tok-12345', 'tenant-7']));
    const credentialed = sim.url.replace('http://', 'http://gate:pa55word@');
    await probe('up', { source: { url: credentialed } });
    expect(sim.requests.at(-1)!.headers.authorization).toBe(
      `Basic ${Buffer.from('gate:pa55word').toString('base64')}`,
    );
    expect(secrets).toContain('pa55word');
  });

  it('says which setting to make when there is no URL', async () => {
    const session = prometheusProbe.open({
      ...environment(),
      sources: { ...environment().sources, prometheus: { headers: {} } },
    });
    await expect(session).rejects.toThrow(
      "prometheus: no Prometheus URL; set sources.prometheus.url (e.g. url: '${PROMETHEUS_URL}') or the PROMETHEUS_URL environment variable",
    );
  });
});
