// What a user sees when the metrics API misbehaves, run from dist/: the simulator plays the faults a
// real Prometheus will not produce on demand, and the token it echoes never reaches a report.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../support/action-runner.js';
import { startPrometheusSim, vector, type PrometheusSim } from '../../support/prometheus-sim/index.js';

const TOKEN = 'prom-token-4821';
let sim: PrometheusSim;

beforeAll(async () => {
  sim = await startPrometheusSim();
  sim.answer('up_ratio', {
    body: vector([{ metric: {}, value: '0.5' }], { warnings: ['partial response: store eu-1 down'] }),
  });
  sim.answer('denied', {
    status: 401,
    contentType: 'text/plain',
    body: `invalid token Bearer ${TOKEN} for tenant`,
  });
  sim.answer('gateway', { status: 502, contentType: 'text/html', body: '<h1>502 Bad Gateway</h1>' });
  sim.answer('slow', { delayMs: 5000, body: vector([{ metric: {}, value: '1' }]) });
});
afterAll(() => sim.close());

const gate = `version: 1
gate: { id: REG-PROM-SIM, title: Metrics faults }
sources:
  prometheus: { url: '\${PROM_URL}', headers: { Authorization: 'Bearer \${PROM_TOKEN}' } }
scenarios:
  - name: Availability
    checks:
      - prometheus: up_ratio
        expect: value > 0.9
  - name: Denied
    checks:
      - prometheus: denied
        expect: value < 1
  - name: Gateway down
    checks:
      - prometheus: gateway
        expect: value < 1
  - name: Slow
    checks:
      - prometheus: slow
        expect: value < 1
        timeout: 1s
`;

describe('prometheus faults through dist/', () => {
  it('shows warnings on a failing check, turns 401/502/slow answers into errors, and never shows the token', async () => {
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: { 'gate.yml': gate },
      env: { PROM_URL: sim.url, PROM_TOKEN: TOKEN },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ decision: 'no-go', failed: '1', errors: '3' });
    expect(run.summary).toContain(
      '| Availability | value=0.5, expected value &gt; 0.9; warnings: partial response: store eu-1 down | ❌ **fail** |',
    );
    expect(run.summary).toContain('answered 401 Unauthorized: invalid token');
    expect(run.summary).toContain('answered 502 Bad Gateway: 502 Bad Gateway');
    expect(run.summary).toMatch(/\| Slow \| error: (timed out after 1s|prometheus: no answer from)/);
    const bundle = await readFile(join(run.workspace, 'gate-report', 'REG-PROM-SIM.json'), 'utf8');
    expect(bundle).toContain('invalid token');
    // The runner's own ::add-mask:: commands carry the secret to the runner; nothing else may.
    const logs = `${run.stdout}\n${run.stderr}`.replace(/^::add-mask::.*$/gm, '');
    for (const artefact of [run.summary, logs, bundle]) expect(artefact).not.toContain(TOKEN);
  }, 60_000);
});
