// `hold`: the check keeps sampling and passes only if the samples pass (GATE-FILE.md, "Health that
// must hold over time"). The scripted probe answers by try number, so the outcomes below do not
// depend on how fast the machine is; no test asserts a duration.
import { describe, expect, it } from 'vitest';
import { evidenceText } from '../../src/engine/evidence.js';
import type { CheckResult, GateResult } from '../../src/engine/results.js';
import { bundleJson } from '../../src/report/bundle.js';
import { Redactor } from '../../src/report/redact.js';
import { evaluateScripted, gateWith, type Script } from '../support/scripted-probe.js';

const held = (keys: string, expect = 'n > 0'): string =>
  gateWith(`  - { name: held, checks: [ { scripted: a, expect: '${expect}', ${keys} } ] }\n`);

const only = (result: GateResult): CheckResult => result.scenarios[0]!.checks[0]!;

/** n = 0 (a failing sample) on the tries listed, else n = 5. */
const failingOn = (...tries: number[]): Script => ({
  fields: (attempt) => ({ n: tries.includes(attempt) ? 0 : 5 }),
});

describe('hold', () => {
  it('fails a check whose samples flap, though its first sample passed', async () => {
    const { result, probe } = await evaluateScripted(held('hold: 5s, interval: 10ms'), {
      a: { fields: (attempt) => ({ n: attempt % 2 }) },
    });
    const check = only(result);
    expect(check.status).toBe('fail');
    expect(result.decision).toBe('no-go');
    // failure_limit 0: the first failed sample settles it; the hold does not sample on for 5s.
    expect(probe.calls.get('a')).toBe(2);
    expect(check.hold).toMatchObject({ total: 2, passed: 1, failed: 1, errors: 0 });
    expect(evidenceText(check.evidence)).toMatch(
      /^1\/2 samples pass, 1 fail \(failure_limit 0\) after \d+ms of 5s \(stopped: failure_limit 0 exceeded\); worst n 0, expected n > 0$/,
    );
  });

  it('tolerates failure_limit failed samples and fails on one more', async () => {
    const tolerated = await evaluateScripted(held('hold: 300ms, interval: 10ms, failure_limit: 2'), {
      a: failingOn(2, 3),
    });
    expect(only(tolerated.result).status).toBe('pass');
    expect(only(tolerated.result).hold).toMatchObject({ failed: 2, failureLimit: 2 });
    expect(evidenceText(only(tolerated.result).evidence)).toMatch(
      /^\d+\/\d+ samples pass, 2 fail \(failure_limit 2\) over 300ms; worst n 0$/,
    );

    const exceeded = await evaluateScripted(held('hold: 5s, interval: 10ms, failure_limit: 2'), {
      a: failingOn(2, 3, 4),
    });
    expect(only(exceeded.result).status).toBe('fail');
    expect(exceeded.probe.calls.get('a')).toBe(4);
  });

  it('ends as error after error_limit + 1 consecutive probe errors', async () => {
    const { result, probe } = await evaluateScripted(held('hold: 5s, interval: 10ms, error_limit: 2'), {
      a: { throws: (attempt) => (attempt > 1 ? 'connection refused' : undefined), fields: { n: 1 } },
    });
    const check = only(result);
    expect(check.status).toBe('error');
    expect(probe.calls.get('a')).toBe(4);
    expect(check.error).toBe(
      '3 samples in a row could not be taken (error_limit 2); the last: connection refused',
    );
    expect(check.hold).toMatchObject({ total: 4, passed: 1, errors: 3 });
    expect(result.decision).toBe('no-go');
  });

  it('defaults error_limit to 4, like Argo', async () => {
    const { result, probe } = await evaluateScripted(held('hold: 5s, interval: 10ms'), {
      a: { throws: (attempt) => (attempt > 1 ? 'connection refused' : undefined), fields: { n: 1 } },
    });
    expect(only(result).status).toBe('error');
    expect(probe.calls.get('a')).toBe(6);
  });

  it('tolerates probe errors that never run longer than error_limit in a row', async () => {
    const { result } = await evaluateScripted(held('hold: 200ms, interval: 10ms, error_limit: 1'), {
      a: { throws: (attempt) => (attempt % 2 === 0 ? 'connection reset' : undefined), fields: { n: 1 } },
    });
    const check = only(result);
    expect(check.status).toBe('pass');
    expect(check.hold!.errors).toBeGreaterThan(0);
    expect(evidenceText(check.evidence)).toMatch(/ error \(error_limit 1 in a row\) over 200ms; worst n 1$/);
  });

  it('never passes a hold in which no sample could be taken', async () => {
    const { result } = await evaluateScripted(held('hold: 100ms, interval: 10ms, error_limit: 1000'), {
      a: { throws: 'connection refused' },
    });
    expect(only(result).status).toBe('error');
    expect(only(result).error).toMatch(/^no sample of the hold could be taken \(\d+ errors\)$/);
  });

  it('stops at once on an error the probe says trying again cannot help', async () => {
    const { result, probe } = await evaluateScripted(held('hold: 5s, interval: 10ms, error_limit: 10'), {
      a: {
        throws: (attempt) => (attempt === 2 ? 'the token was rejected (401)' : undefined),
        retryable: false,
        fields: { n: 1 },
      },
    });
    expect(probe.calls.get('a')).toBe(2);
    expect(only(result)).toMatchObject({
      status: 'error',
      error: 'the token was rejected (401) (sample 2 of the hold: trying again cannot help)',
    });
  });

  it('is warn when expect holds in every sample but warn does not in one: Go, with a residual risk', async () => {
    const { result } = await evaluateScripted(held("hold: 200ms, interval: 10ms, warn: 'n > 2'"), {
      a: { fields: (attempt) => ({ n: attempt === 3 ? 1 : 5 }) },
    });
    const check = only(result);
    expect(check.status).toBe('warn');
    expect(check.hold).toMatchObject({ warned: 1, failed: 0 });
    expect(result.scenarios[0]!.status).toBe('warn');
    expect(result.decision).toBe('go');
    expect(result.residualRisks).toContainEqual({ kind: 'warned', name: 'held', priority: 'P0' });
    expect(result.counts).toMatchObject({ passed: 0, warned: 1, total: 1 });
    expect(evidenceText(check.evidence)).toMatch(
      /^\d+\/\d+ samples pass, 1 warn over 200ms; worst n 1; warn n > 2 did not hold$/,
    );
  });

  it('starts after the first pass of wait', async () => {
    const { result, probe } = await evaluateScripted(held('wait: 5s, hold: 5s, interval: 10ms'), {
      a: failingOn(1, 2, 3, 5),
    });
    // Tries 1-3 are the wait's; the hold starts at try 4 (its sample 1) and fails at try 5.
    expect(probe.calls.get('a')).toBe(5);
    expect(only(result).hold).toMatchObject({ total: 2, passed: 1, failed: 1 });
    expect(only(result).attempts).toBe(5);
  });

  it('is cut by the gate deadline: the check ends error naming the deadline, the gate still decides', async () => {
    const { result } = await evaluateScripted(
      held('wait: 5s, hold: 1s, interval: 100ms'),
      { a: failingOn(1, 2, 3, 4) },
      { gateTimeoutMs: 1_200 },
    );
    const check = only(result);
    expect(check.status).toBe('error');
    expect(check.error).toMatch(
      /^the gate's deadline \(1s\) passed before this check finished \(\d+ms into a hold of 1s\)$/,
    );
    expect(check.hold!.stoppedEarly).toBe('the gate deadline passed');
    expect(check.hold!.passed).toBeGreaterThan(0);
    expect(result.decision).toBe('no-go');
  });

  it('refuses at once a hold that cannot end before the gate deadline', async () => {
    const { result, probe } = await evaluateScripted(
      held('hold: 10m, interval: 30s'),
      {},
      {
        gateTimeoutMs: 60_000,
      },
    );
    expect(probe.calls.get('a')).toBeUndefined();
    expect(only(result).status).toBe('error');
    expect(only(result).error).toBe(
      "hold 10m cannot end before the gate's deadline (1m); raise the 'timeout' input (the CLI's --timeout) above the hold plus any wait, or shorten hold",
    );
  });

  it('keeps every sample in the JSON bundle, with only the fields the conditions read', async () => {
    const { result, probe } = await evaluateScripted(held("hold: 100ms, interval: 10ms, warn: 'ready'"), {
      a: {
        fields: (attempt) => ({ n: attempt, ready: true, names: ['x'.repeat(5_000)], status: 'up' }),
      },
    });
    const bundle = JSON.parse(bundleJson(new Redactor().redactValue(result))) as {
      scenarios: Array<{ checks: CheckResult[] }>;
    };
    const hold = bundle.scenarios[0]!.checks[0]!.hold!;
    expect(hold.total).toBe(probe.calls.get('a'));
    expect(hold.samples).toHaveLength(hold.total);
    expect(hold.omitted).toBe(0);
    for (const [index, sample] of hold.samples.entries()) {
      expect(sample).toEqual({
        at: expect.any(String),
        status: 'pass',
        values: { n: index + 1, ready: true },
      });
    }
    // `n > 0`: a smaller n is closer to failing.
    expect(hold.worst).toEqual({ field: 'n', value: 1 });
  });
});

describe('warn without hold', () => {
  it('is warn when expect holds and warn does not, pass when both hold, fail when expect does not', async () => {
    const gate = gateWith(
      `  - { name: w, checks: [ { scripted: w, expect: 'n > 0', warn: 'n > 2' } ] }\n` +
        `  - { name: p, checks: [ { scripted: p, expect: 'n > 0', warn: 'n > 2' } ] }\n` +
        `  - { name: f, priority: P1, checks: [ { scripted: f, expect: 'n > 0', warn: 'n > 2' } ] }\n`,
    );
    const { result } = await evaluateScripted(gate, {
      w: { fields: { n: 1 } },
      p: { fields: { n: 5 } },
      f: { fields: { n: 0 } },
    });
    expect(result.scenarios.map((row) => row.status)).toEqual(['warn', 'pass', 'fail']);
    expect(evidenceText(result.scenarios[0]!.evidence)).toBe('n=1; warn n > 2 does not hold');
    expect(result.decision).toBe('go');
  });

  it('is an error, never a warning or a pass, when warn cannot be evaluated', async () => {
    const { result } = await evaluateScripted(
      gateWith(`  - { name: w, checks: [ { scripted: w, expect: 'n > 0', warn: 'status > 2' } ] }\n`),
      { w: { fields: { n: 1, status: 'up' } } },
    );
    expect(only(result).status).toBe('error');
    expect(only(result).error).toMatch(/^warn 'status > 2': /);
  });
});
