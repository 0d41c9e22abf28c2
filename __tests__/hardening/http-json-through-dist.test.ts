// http `json:` through dist/, as a user runs it: named JSONPath fields of a JSON answer feed `expect`
// (a pass and a fail in the summary), a path that matches nothing and an answer that is not JSON
// are `error`s that say so — never a pass. The server is local, on a free 127.0.0.1 port, and
// stops with the test file (closed after the tests, unref'd so it cannot hold the process).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { readBundleJson } from './artefacts.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/status') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          service: 'checkout',
          healthy: true,
          latency: { p50: 0.041, p99: 0.62 },
          errors: [{ code: 500, count: 3 }],
        }),
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>maintenance</body></html>');
  });
  server.unref();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Check {
  status: string;
  error?: string;
  fields: Record<string, unknown>;
}

const gate = (): string => `version: 1
gate: { id: REG-JSON, title: JSON fields }
scenarios:
  - name: Service says it is healthy
    checks:
      - http: { url: '${base}/status', json: { ok: '$.healthy', p50: '$.latency.p50' } }
        expect: ok == true and p50 < 0.1
        evidence: 'healthy {{ok}}, p50 {{p50}} s'
  - name: p99 below 500 ms
    checks:
      - http: { url: '${base}/status', json: { p99: '$.latency.p99' } }
        expect: p99 < 0.5
        evidence: 'p99 {{p99}} s'
  - name: A path that matches nothing
    checks:
      - http: { url: '${base}/status', json: { queue: '$.queue.depth' } }
        expect: queue < 10
  - name: An answer that is not JSON
    checks:
      - http: { url: '${base}/maintenance', json: { ok: '$.healthy' } }
        expect: ok == true
`;

describe('http json: through dist/', () => {
  it('feeds expect from named JSONPath fields, and errors on an empty match or a non-JSON answer', async () => {
    const run = await runAction({
      inputs: { config: 'gate.yml', 'fail-on': 'never' },
      files: { 'gate.yml': gate() },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ decision: 'no-go', passed: '1', failed: '1', errors: '2' });
    expect(run.summary).toMatch(/\| Service says it is healthy \| healthy true, p50 0\.041 s \| ✅ pass \|/);
    expect(run.summary).toMatch(/\| p99 below 500 ms \| p99 0\.62 s\b.*\| ❌ \*\*fail\*\* \|/);
    expect(run.summary).toMatch(
      /\| A path that matches nothing \|.*\$\.queue\.depth matched nothing.*\| .*error/,
    );
    expect(run.summary).toMatch(/\| An answer that is not JSON \|.*not JSON.*\| .*error/);

    const bundle = (await readBundleJson(run, 'REG-JSON')) as { scenarios: Array<{ checks: Check[] }> };
    const [healthy, p99, nothing, notJson] = bundle.scenarios.map((row) => row.checks[0]!);
    expect(healthy).toMatchObject({ status: 'pass', fields: { ok: true, p50: 0.041 } });
    expect(p99).toMatchObject({ status: 'fail', fields: { p99: 0.62 } });
    expect(nothing!.status).toBe('error');
    expect(nothing!.error).toBe(
      "http: json field 'queue': $.queue.depth matched nothing in the answer (top-level keys: service, healthy, latency, errors)",
    );
    expect(notJson!.status).toBe('error');
    expect(notJson!.error).toMatch(/^http: the answer is not JSON.*json: fields need a JSON answer/);
  });
});
