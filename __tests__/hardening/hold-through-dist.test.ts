// `hold` through dist/, as a user runs it: an http check against a local server whose answer flaps
// is No-Go with the samples' summary, a steady one is Go. Real (short) durations; the tests assert
// outcomes, never timings.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { readBundleJson } from './artefacts.js';

let server: Server;
let base: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    // /flapping: healthy on the first answers, then every third answer is a 503.
    const healthy = path !== '/flapping' || hit < 3 || hit % 3 !== 0;
    response.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' }).end(healthy ? 'ok' : 'down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Check {
  status: string;
  error?: string;
  hold?: {
    total: number;
    passed: number;
    failed: number;
    samples: Array<{ status: string; values?: object }>;
  };
}

const gate = (path: string): string => `version: 1
gate: { id: REG-HOLD, title: Hold }
scenarios:
  - name: Service stays up
    checks:
      - http: { url: '${base}${path}' }
        expect: status == 200
        hold: 2s
        interval: 200ms
`;

describe('hold through dist/', () => {
  it('is No-Go when the answer flaps during the hold, with the samples in the summary and the bundle', async () => {
    const run = await runAction({
      inputs: { config: 'gate.yml', 'fail-on': 'never' },
      files: { 'gate.yml': gate('/flapping') },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ decision: 'no-go', failed: '1', passed: '0', warned: '0' });
    expect(run.summary).toMatch(
      /\| Service stays up \| 2\/3 samples pass, 1 fail \(failure_limit 0\) after \d+ms of 2s \(stopped: failure_limit 0 exceeded\), expected status == 200 \| ❌ \*\*fail\*\* \|/,
    );
    const bundle = (await readBundleJson(run, 'REG-HOLD')) as { scenarios: Array<{ checks: Check[] }> };
    const check = bundle.scenarios[0]!.checks[0]!;
    expect(check.hold).toMatchObject({ total: 3, passed: 2, failed: 1 });
    expect(check.hold!.samples.map((sample) => sample.status)).toEqual(['pass', 'pass', 'fail']);
    expect(check.hold!.samples[2]!.values).toEqual({ status: 503 });
  });

  it('is Go when the answer stays healthy for the whole hold', async () => {
    const run = await runAction({ inputs: { config: 'gate.yml' }, files: { 'gate.yml': gate('/steady') } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ decision: 'go', passed: '1' });
    expect(run.summary).toMatch(/\| Service stays up \| (\d+)\/\1 samples pass over 2s \| ✅ pass \|/);
    const bundle = (await readBundleJson(run, 'REG-HOLD')) as { scenarios: Array<{ checks: Check[] }> };
    const hold = bundle.scenarios[0]!.checks[0]!.hold!;
    // A sample every 200ms over 2s, however slow the machine: at least two, each one kept.
    expect(hold.total).toBeGreaterThan(1);
    expect(hold.samples).toHaveLength(hold.total);
  });

  it('refuses a hold longer than the gate deadline as an error, and still writes every report', async () => {
    const run = await runAction({
      inputs: { config: 'gate.yml', 'fail-on': 'never', timeout: '1s' },
      files: { 'gate.yml': gate('/steady') },
    });
    expect(run.outputs).toMatchObject({ decision: 'no-go', errors: '1' });
    // The summary escapes the parentheses (values from the run are inert Markdown).
    expect(run.summary).toContain("error: hold 2s cannot end before the gate's deadline \\(1s\\)");
    const bundle = (await readBundleJson(run, 'REG-HOLD')) as { scenarios: Array<{ checks: Check[] }> };
    expect(bundle.scenarios[0]!.checks[0]!.status).toBe('error');
  });
});
