import { describe, expect, it } from 'vitest';
import { parseGate } from '../../src/config/load.js';
import { evaluateGate } from '../../src/engine/run.js';
import type { ProbeEnvironment } from '../../src/probes/probe.js';
import { evaluateScripted, gateWith } from '../support/scripted-probe.js';

const evaluate = evaluateScripted;

describe('engine', () => {
  it('passes, fails and errors per the contract, and an error is never a pass', async () => {
    const { result, debug } = await evaluate(
      gateWith(`  - { name: ok, checks: [ { scripted: a, expect: n >= 1 } ] }
  - { name: bad, checks: [ { scripted: b, expect: n >= 1 } ] }
  - { name: broken, checks: [ { scripted: c } ] }
  - { name: crashed, checks: [ { scripted: d } ] }
`),
      {
        a: { fields: { n: '9' } },
        b: { fields: { n: '0' } },
        c: { throws: 'connection refused' },
        d: { crash: "Cannot read properties of undefined (reading 'x')" },
      },
    );
    expect(result.scenarios.map((s) => [s.name, s.status])).toEqual([
      ['ok', 'pass'],
      ['bad', 'fail'],
      ['broken', 'error'],
      ['crashed', 'error'],
    ]);
    expect(result.scenarios[2]!.checks[0]!.error).toBe('connection refused');
    // A bug in a probe is named as one, never shown as if it were the source's answer.
    expect(result.scenarios[3]!.checks[0]!.error).toBe(
      "internal error in the scripted probe: Cannot read properties of undefined (reading 'x')",
    );
    expect(result.scenarios[3]!.evidence).toEqual([
      { text: 'error: ' },
      { value: "internal error in the scripted probe: Cannot read properties of undefined (reading 'x')" },
    ]);
    expect(debug.find((line) => line.startsWith('internal error in the scripted probe'))).toMatch(
      /^internal error in the scripted probe \(check crashed\/1\): TypeError: Cannot read properties of undefined \(reading 'x'\)\n\s+at /,
    );
    expect(result.decision).toBe('no-go');
    expect(result.counts).toEqual({ passed: 1, failed: 1, errors: 2, waived: 0, total: 4 });
  });

  it('turns a field the probe did not report into an error naming the fields it did', async () => {
    const { result } = await evaluate(
      gateWith(`  - { name: s, checks: [ { scripted: "open: q", expect: stuck == 0 } ] }\n`),
      { 'open: q': { fields: { n: '1' } } },
    );
    expect(result.scenarios[0]!.status).toBe('error');
    expect(result.scenarios[0]!.checks[0]!.error).toBe(
      "expect 'stuck == 0': the probe reported no field 'stuck' (fields: n)",
    );
  });

  it('stops a try at its timeout and says so', async () => {
    const { result } = await evaluate(
      gateWith(`  - { name: slow, checks: [ { scripted: a, timeout: 100ms } ] }\n`),
      { a: { delayMs: 5_000, onAbort: 'ignore' } },
    );
    expect(result.scenarios[0]!.checks[0]).toMatchObject({
      status: 'error',
      error: "timed out after 100ms (the check's timeout)",
    });
  });

  it('re-runs a check while waiting until expect holds', async () => {
    const { result, probe } = await evaluate(
      gateWith(
        `  - { name: rollout, checks: [ { scripted: a, expect: ready, wait: 5s, interval: 20ms } ] }\n`,
      ),
      { a: { fields: (attempt) => ({ ready: attempt >= 3 }) } },
    );
    expect(probe.calls.get('a')).toBe(3);
    expect(result.scenarios[0]!.checks[0]).toMatchObject({ status: 'pass', attempts: 3 });
  });

  it('gives up when the wait runs out and keeps the last answer', async () => {
    const { result } = await evaluate(
      gateWith(
        `  - { name: rollout, checks: [ { scripted: a, expect: ready, wait: 100ms, interval: 30ms } ] }\n`,
      ),
      { a: { fields: { ready: false } } },
    );
    const check = result.scenarios[0]!.checks[0]!;
    expect(check.status).toBe('fail');
    expect(check.attempts).toBeGreaterThanOrEqual(3);
  });

  it('keeps at most `concurrency` checks in flight per source, and runs different sources side by side', async () => {
    const names = ['db', 'cluster', 'api'].flatMap((source) =>
      Array.from({ length: 6 }, (_, index) => `${source}/${index}`),
    );
    const rows = names
      .map((name, index) => `  - { name: s${index}, checks: [ { scripted: "${name}" } ] }`)
      .join('\n');
    const scripts = Object.fromEntries(names.map((name) => [name, { delayMs: 40, fields: { n: 1 } }]));
    const { probe } = await evaluate(gateWith(`${rows}\n`), scripts, { concurrency: 2 });
    expect(Object.fromEntries(probe.maxBySource)).toEqual({ db: 2, cluster: 2, api: 2 });
    expect(probe.inFlight.max).toBe(6);
  });

  it('keeps at most `concurrency` checks in flight and runs them in parallel', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, index) => `  - { name: s${index}, checks: [ { scripted: c${index} } ] }`,
    ).join('\n');
    const scripts = Object.fromEntries(
      Array.from({ length: 12 }, (_, index) => [`c${index}`, { delayMs: 50, fields: { n: 1 } }]),
    );
    const started = performance.now();
    const { probe } = await evaluate(gateWith(`${rows}\n`), scripts, { concurrency: 4 });
    expect(probe.inFlight.max).toBe(4);
    expect(performance.now() - started).toBeLessThan(12 * 50);
  });

  it('ends unfinished checks as errors when the gate deadline passes, and decides No-Go', async () => {
    const { result } = await evaluate(
      gateWith(
        `  - { name: quick, checks: [ { scripted: a } ] }\n  - { name: stuck, checks: [ { scripted: b, timeout: 1m } ] }\n`,
      ),
      { a: { fields: { n: 1 } }, b: { delayMs: 60_000 } },
      { gateTimeoutMs: 150 },
    );
    expect(result.scenarios.map((s) => s.status)).toEqual(['pass', 'error']);
    expect(result.scenarios[1]!.checks[0]!.error).toBe(
      "the gate's deadline (150ms) passed before this check finished",
    );
    expect(result.decision).toBe('no-go');
  });

  it('shows the measured value beside the expectation when a check fails', async () => {
    const { result } = await evaluate(
      gateWith(
        `  - { name: queue, checks: [ { scripted: "open: q", expect: stuck == 0, evidence: "pending_approvals={{stuck}}" } ] }\n`,
      ),
      { 'open: q': { fields: { stuck: '1' } } },
    );
    expect(result.scenarios[0]!.evidence).toEqual([
      { text: 'pending_approvals=' },
      { value: '1' },
      { text: ' (' },
      { text: 'stuck=' },
      { value: '1' },
      { text: ')' },
      { text: ', expected ' },
      { value: 'stuck == 0' },
    ]);
  });
});

describe('engine with a real probe', () => {
  it("names the failing tests and their first output lines in a failing tests check's evidence", async () => {
    const { probeRegistry } = await import('../../src/probes/registry.js');
    const gate = parseGate(
      `version: 1\ngate: { id: g, title: t }\nscenarios:\n  - name: labels\n    checks:\n      - tests: { report: __tests__/fixtures/reports/go/go-test.json, names: [TestResolveModelFromLabels_UnknownModelRejected] }\n`,
      { file: 'g.yml', env: {}, probes: probeRegistry },
    );
    const environment: ProbeEnvironment = {
      sources: gate.sources,
      env: {},
      workspace: process.cwd(),
      addSecret: () => undefined,
      debug: () => undefined,
    };
    const result = await evaluateGate(gate, {
      probes: probeRegistry,
      environment,
      tool: { name: 'rg', version: '0' },
    });
    const text = result.scenarios[0]!.evidence.map((part) => ('text' in part ? part.text : part.value)).join(
      '',
    );
    expect(result.scenarios[0]!.status).toBe('fail');
    expect(text).toMatch(
      /^failed=1, missing=0, passed=0, expected failed == 0 and missing == 0 and passed > 0; failed_tests: TestResolveModelFromLabels_UnknownModelRejected; output: .+/,
    );
  });
});
