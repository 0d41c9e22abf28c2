import { describe, expect, it } from 'vitest';
import { evaluateScripted, gateWith } from '../support/scripted-probe.js';

const FIXED = new Date('2026-03-01T10:00:00.000Z');

describe('what the engine records for each check and the gate', () => {
  it('records the check as the report shows it', async () => {
    const { result } = await evaluateScripted(
      gateWith(`  - name: row
    checks:
      - { scripted: a, name: first, expect: n >= 1 }
`),
      { a: { fields: { n: 3 } } },
      { now: () => FIXED },
    );
    expect(result.scenarios[0]!.checks[0]).toEqual({
      id: 'row/1',
      name: 'first',
      kind: 'scripted',
      status: 'pass',
      fields: { n: 3 },
      expect: 'n >= 1',
      evidence: [{ text: 'n=' }, { value: '3' }],
      reproduce: 'scripted a',
      target: 'scripted a',
      attempts: 1,
      startedAt: FIXED.toISOString(),
      durationMs: 0,
      line: 6,
    });
    expect(result).toMatchObject({
      tool: { name: 'rg', version: '0' },
      file: 'g.yml',
      gate: { id: 'g', title: 't' },
      startedAt: FIXED.toISOString(),
      finishedAt: FIXED.toISOString(),
      durationMs: 0,
      decision: 'go',
      warnings: [],
    });
    expect(result).not.toHaveProperty('baseline');
  });

  it('measures durations with the clock it is given', async () => {
    let tick = 0;
    const now = (): Date => new Date(FIXED.getTime() + 1_000 * tick++);
    const { result } = await evaluateScripted(
      gateWith(`  - { name: r, checks: [ { scripted: a } ] }\n`),
      {},
      { now },
    );
    const check = result.scenarios[0]!.checks[0]!;
    expect(Date.parse(check.startedAt)).toBeGreaterThan(Date.parse(result.startedAt));
    expect(check.durationMs).toBeGreaterThan(0);
    expect(result.durationMs).toBe(Date.parse(result.finishedAt) - Date.parse(result.startedAt));
    expect(result.durationMs).toBeGreaterThan(check.durationMs);
  });

  it('shows why a reproduce command is not available instead of failing the run', async () => {
    const { result } = await evaluateScripted(
      gateWith(`  - { name: r, checks: [ { scripted: unnamed } ] }\n`),
      {},
    );
    expect(result.scenarios[0]!.checks[0]!.reproduce).toBe('(not available: no command for unnamed)');
    expect(result.scenarios[0]!.status).toBe('pass');
  });

  it('names the fields the probe did report, or none', async () => {
    const { result } = await evaluateScripted(
      gateWith(`  - { name: r, checks: [ { scripted: "open: q", expect: stuck == 0 } ] }\n`),
      { 'open: q': { fields: {} } },
    );
    expect(result.scenarios[0]!.checks[0]).toMatchObject({
      status: 'error',
      error: "expect 'stuck == 0': the probe reported no field 'stuck' (fields: none)",
    });
  });

  it('tells the caller once per scenario, when its last check ends', async () => {
    const seen: Array<[string, string]> = [];
    await evaluateScripted(
      gateWith(`  - { name: one, checks: [ { scripted: a }, { scripted: b } ] }
  - { name: two, checks: [ { scripted: c } ] }
`),
      { a: { delayMs: 50, fields: { n: 1 } } },
      { onScenario: (scenario, status) => seen.push([scenario.name, status]) },
    );
    // `one` ends with its slow check `a`, after `two`, although `b` ended at once.
    expect(seen).toEqual([
      ['two', 'done'],
      ['one', 'done'],
    ]);
  });
});

describe('how many checks run at once', () => {
  const spread = (specs: readonly string[]): string =>
    gateWith(
      `${specs.map((spec, index) => `  - { name: s${index}, checks: [ { scripted: "${spec}" } ] }`).join('\n')}\n`,
    );

  it('keeps 8 checks in flight per source by default', async () => {
    const specs = Array.from({ length: 12 }, (_, index) => `db/${index}`);
    const scripts = Object.fromEntries(specs.map((spec) => [spec, { delayMs: 40, fields: { n: 1 } }]));
    const { probe } = await evaluateScripted(spread(specs), scripts);
    expect(probe.maxBySource.get('db')).toBe(8);
  });

  it('puts checks whose source cannot be named under one limit for their kind', async () => {
    const specs = Array.from({ length: 5 }, (_, index) => `nameless-${index}`);
    const scripts = Object.fromEntries(specs.map((spec) => [spec, { delayMs: 40, fields: { n: 1 } }]));
    const { probe, result } = await evaluateScripted(spread(specs), scripts, { concurrency: 2 });
    expect(probe.inFlight.max).toBe(2);
    expect(result.decision).toBe('go');
  });

  it('caps the whole gate at 256 checks in flight, however many sources', async () => {
    const specs = Array.from({ length: 300 }, (_, index) => `source${index}/x`);
    const scripts = Object.fromEntries(specs.map((spec) => [spec, { delayMs: 100, fields: { n: 1 } }]));
    const { probe, result } = await evaluateScripted(spread(specs), scripts);
    expect(probe.inFlight.max).toBe(256);
    expect(result.counts.passed).toBe(300);
  });
});
