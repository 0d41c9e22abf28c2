import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGate } from '../../../src/config/load.js';
import { ConfigError } from '../../../src/config/problems.js';
import { exactNumber, jsonFields } from '../../../src/probes/http/json-fields.js';
import { httpProbe } from '../../../src/probes/http/index.js';
import { httpSpecSchema } from '../../../src/probes/http/schema.js';
import { ProbeError, type Fields, type ProbeEnvironment } from '../../../src/probes/probe.js';
import { probeRegistry } from '../../../src/probes/registry.js';

const STATUS_TEXT =
  '{"healthy":true,"latency":{"p50":12.5,"p99":480},"regions":[{"name":"eu","up":true,"errors":0},{"name":"us","up":false,"errors":3}],' +
  '"requests":12345678901234567890,"ratio":0.1000000000000000000001,"build":null,"a b":{"c":1}}';

let origin = '';
const server = http.createServer((request, response) => {
  if (request.url === '/status')
    return void response.writeHead(200, { 'content-type': 'application/json' }).end(STATUS_TEXT);
  if (request.url === '/down')
    return void response.writeHead(503, { 'content-type': 'application/json' }).end('{"healthy":false}');
  if (request.url === '/html')
    return void response.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>');
  if (request.url === '/large') {
    // 300 KiB: past the 64 KiB the body field keeps, well within what json: reads.
    const items = Array.from({ length: 6000 }, (_, index) => ({ id: index, note: 'x'.repeat(40) }));
    return void response.writeHead(200).end(JSON.stringify({ items, total: 6000 }));
  }
  if (request.url === '/huge') {
    response.writeHead(200);
    const chunk = `"${'y'.repeat(1024 * 1024 - 3)}",`;
    response.write('[');
    for (let index = 0; index < 9; index++) response.write(chunk);
    return void response.end('0]');
  }
  response.writeHead(404).end();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function environment(): ProbeEnvironment {
  return {
    sources: { postgres: { statementTimeoutMs: 15_000 }, kubernetes: {}, github: {} },
    env: {},
    workspace: '/',
    addSecret: () => {},
    debug: () => {},
  };
}

async function probe(input: unknown): Promise<Fields> {
  const spec = httpSpecSchema.parse(input);
  const session = await httpProbe.open(environment());
  return session.run({ spec, extras: {}, signal: new AbortController().signal, timeoutMs: 5000 });
}

async function probeError(input: unknown): Promise<string> {
  const error: unknown = await probe(input).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProbeError);
  return (error as Error).message;
}

describe('http json: fields from a JSON answer', () => {
  it('reads scalars, a map, a list of several matches, null, and the RFC 9535 negative index', async () => {
    const fields = await probe({
      url: `${origin}/status`,
      json: {
        ok: '$.healthy',
        p99: '$.latency.p99',
        latency: '$.latency',
        region_names: '$.regions[*].name',
        errors: '$..errors',
        last_region: '$.regions[-1].name',
        spaced: "$['a b'].c",
        build: '$.build',
      },
    });
    expect(fields).toMatchObject({
      status: 200,
      ok: true,
      p99: 480,
      latency: { p50: '12.5', p99: '480' },
      region_names: ['eu', 'us'],
      errors: ['0', '3'],
      last_region: 'us',
      spaced: 1,
      build: null,
    });
  });

  it('keeps numbers exact: a bigint past 2^53, decimal text past float precision', async () => {
    const fields = await probe({
      url: `${origin}/status`,
      json: { requests: '$.requests', ratio: '$.ratio' },
    });
    expect(fields.requests).toBe(12345678901234567890n);
    expect(fields.ratio).toBe('0.1000000000000000000001');
    expect(exactNumber('1.50')).toBe(1.5);
    expect(exactNumber('1e-7')).toBe(1e-7);
    expect(exactNumber('-0.0')).toBe(-0);
    // expect reads the double 1e30 as exactly 10^30 (shortest round-trip text), so it stays a number.
    expect(exactNumber('1e30')).toBe(1e30);
  });

  it('reads the JSON of an error status too, so expect can judge it', async () => {
    const fields = await probe({ url: `${origin}/down`, json: { ok: '$.healthy' } });
    expect(fields).toMatchObject({ status: 503, ok: false });
  });

  it('is an error, naming the field, the path and the top-level keys, when a path matches nothing', async () => {
    const message = await probeError({ url: `${origin}/status`, json: { p95: '$.latency.p95' } });
    expect(message).toBe(
      "http: json field 'p95': $.latency.p95 matched nothing in the answer (top-level keys: healthy, latency, regions, requests, ratio, build, a b)",
    );
  });

  it('is an error when the answer is not JSON, saying its content type', async () => {
    const message = await probeError({ url: `${origin}/html`, json: { ok: '$.healthy' } });
    expect(message).toMatch(/^http: the answer is not JSON \(content-type text\/html\): .*check the URL/);
  });

  it('reads an answer past the 64 KiB body field whole, and refuses one past 8 MiB', async () => {
    const fields = await probe({
      url: `${origin}/large`,
      json: { total: '$.total', last: '$.items[-1].id' },
    });
    expect(fields).toMatchObject({ total: 6000, last: 5999 });
    expect(Buffer.byteLength(fields.body as string)).toBe(64 * 1024);
    expect(await probeError({ url: `${origin}/huge`, json: { first: '$[0]' } })).toMatch(/larger than 8 MiB/);
  });

  it('never runs code: filter and script expressions are refused when the file loads and when evaluated', () => {
    const attack = "$[?(@.constructor.constructor('globalThis.pwned = 1')())]";
    const parsed = httpSpecSchema.safeParse({ url: origin, json: { x: attack } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('filter selectors and script expressions');
    // Past the schema (a caller that skipped it), jsonpath-plus still refuses: eval is off.
    expect(() => jsonFields({ x: attack }, STATUS_TEXT, 'application/json')).toThrow();
    expect(() => jsonFields({ x: '$[(@.length-1)]' }, STATUS_TEXT, 'application/json')).toThrow();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('refuses paths RFC 9535 does not define, names that expect cannot read, and built-in names', () => {
    const problems = (json: Record<string, string>): string[] =>
      httpSpecSchema.safeParse({ url: origin, json }).error?.issues.map((issue) => issue.message) ?? [];
    expect(problems({ x: 'latency.p99' })).toEqual([
      "json field 'x': 'latency.p99' must start with $ (the answer's root), e.g. $.status",
    ]);
    expect(problems({ x: '$.latency^' })[0]).toContain("'^' is a jsonpath-plus extension");
    expect(problems({ x: '$.latency~' })[0]).toContain("'~' is a jsonpath-plus extension");
    expect(problems({ x: '$.regions[?@.up]' })[0]).toContain('filter selectors');
    expect(problems({ 'p-99': '$.a' })[0]).toContain("json field 'p-99': use letters, digits and _");
    expect(problems({ status: '$.status' })[0]).toBe(
      "json field 'status' would hide the http field status; pick another name",
    );
    // Quoted names are data: '?' or '^' inside them are fine.
    expect(problems({ x: "$['what?^']" })).toEqual([]);
  });

  it('lets expect and evidence name the json fields, and reports a field that is not declared', () => {
    const gate = (expect: string): string => `version: 1
gate: { id: G, title: t }
scenarios:
  - name: status
    checks:
      - http: { url: "${origin}/status", json: { p99: '$.latency.p99', ok: '$.healthy' } }
        expect: ${expect}
`;
    expect(() =>
      parseGate(gate('ok and p99 < 500'), { file: 'g.yml', env: {}, probes: probeRegistry }),
    ).not.toThrow();
    let error: unknown;
    try {
      parseGate(gate('p95 < 500'), { file: 'g.yml', env: {}, probes: probeRegistry });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('p95');
  });

  it('reproduces with curl printing the answer, not only the status', () => {
    const spec = httpSpecSchema.parse({ url: `${origin}/status`, json: { ok: '$.healthy' } });
    expect(httpProbe.reproduce(spec, {}, environment().sources)).toBe(`curl -sS -X GET '${origin}/status'`);
  });
});
