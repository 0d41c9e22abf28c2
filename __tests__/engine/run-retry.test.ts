import { describe, expect, it } from 'vitest';
import { evidenceText } from '../../src/engine/evidence.js';
import { evaluateScripted, gateWith } from '../support/scripted-probe.js';

const waiting = (expect = '', wait = '100ms', interval = '20ms'): string =>
  gateWith(`  - { name: w, checks: [ { scripted: a, ${expect}wait: ${wait}, interval: ${interval} } ] }\n`);

describe('retries under wait', () => {
  it('stops at the first try whose expect holds even when warn does not: a warn is not retried', async () => {
    const { result, probe } = await evaluateScripted(waiting('expect: n > 0, warn: n > 5, ', '1m'), {
      a: { fields: { n: 2 } },
    });
    expect(probe.calls.get('a')).toBe(1);
    expect(result.scenarios[0]!.checks[0]).toMatchObject({ status: 'warn', attempts: 1 });
  });

  it('lists the fields, comma-separated, when expect cannot be evaluated', async () => {
    const { result } = await evaluateScripted(
      gateWith(`  - { name: w, checks: [ { scripted: a, expect: n > 0 } ] }\n`),
      {
        a: { fields: { status: 'ok', ready: 1 } },
      },
    );
    expect(result.scenarios[0]!.checks[0]!.status).toBe('error');
    expect(result.scenarios[0]!.checks[0]!.error).toMatch(/^expect 'n > 0': .* \(fields: status, ready\)$/);
  });

  it('says how many tries over how long when an error persists to the end of the wait', async () => {
    const { result, probe } = await evaluateScripted(waiting(), { a: { throws: 'connection refused' } });
    const check = result.scenarios[0]!.checks[0]!;
    expect(check.attempts).toBeGreaterThan(1);
    expect(check.attempts).toBe(probe.calls.get('a'));
    expect(check.error).toBe(`connection refused (still failing after ${check.attempts} tries over 100ms)`);
    expect(evidenceText(result.scenarios[0]!.evidence)).toBe(`error: ${check.error}`);
  });

  it('adds no suffix to a single try', async () => {
    const { result } = await evaluateScripted(gateWith(`  - { name: w, checks: [ { scripted: a } ] }\n`), {
      a: { throws: 'connection refused' },
    });
    expect(result.scenarios[0]!.checks[0]).toMatchObject({ error: 'connection refused', attempts: 1 });
  });

  it('keeps no error on a check that passed after retries', async () => {
    const { result } = await evaluateScripted(waiting('', '5s'), {
      a: { throws: (attempt) => (attempt < 3 ? 'not yet' : undefined), fields: { n: 1 } },
    });
    expect(result.scenarios[0]!.checks[0]).toMatchObject({ status: 'pass', attempts: 3 });
    expect(result.scenarios[0]!.checks[0]).not.toHaveProperty('error');
  });

  it('keeps a failing measurement as the evidence, without an error, after retries', async () => {
    const { result } = await evaluateScripted(waiting('expect: n > 5, '), { a: { fields: { n: 2 } } });
    const check = result.scenarios[0]!.checks[0]!;
    expect(check.status).toBe('fail');
    expect(check.attempts).toBeGreaterThan(1);
    expect(check).not.toHaveProperty('error');
    expect(evidenceText(check.evidence)).toBe('n=2, expected n > 5');
  });

  it('stops at once when the probe says trying again cannot help', async () => {
    const { result, probe } = await evaluateScripted(waiting('', '1m'), {
      a: { throws: 'forbidden to list pods (403)', retryable: false },
    });
    expect(probe.calls.get('a')).toBe(1);
    expect(result.scenarios[0]!.checks[0]).toMatchObject({
      status: 'error',
      error: 'forbidden to list pods (403)',
      attempts: 1,
    });
  });

  it('says it stopped early when a later try cannot be helped by trying again', async () => {
    const { result, probe } = await evaluateScripted(waiting('', '1m'), {
      a: {
        throws: (attempt) => (attempt < 3 ? 'connection refused' : 'the token was rejected (401)'),
        retryable: (attempt) => attempt < 3,
      },
    });
    expect(probe.calls.get('a')).toBe(3);
    expect(result.scenarios[0]!.checks[0]!.error).toBe(
      'the token was rejected (401) (stopped after 3 tries: trying again cannot help)',
    );
  });

  it('waits at most what is left of the wait before the last try', async () => {
    // The interval is longer than the wait: the second try comes when the wait ends, not after the
    // interval (the deadline would end the check first, with one try).
    const { result } = await evaluateScripted(
      waiting('expect: ready, ', '100ms', '1m'),
      { a: { fields: { ready: false } } },
      { gateTimeoutMs: 10_000 },
    );
    expect(result.scenarios[0]!.checks[0]!.attempts).toBe(2);
  });

  it('tries once when a check has no wait', async () => {
    const { result, probe } = await evaluateScripted(
      gateWith(`  - { name: w, checks: [ { scripted: a, expect: ready } ] }\n`),
      { a: { fields: { ready: false } } },
    );
    expect(probe.calls.get('a')).toBe(1);
    expect(result.scenarios[0]!.checks[0]!.attempts).toBe(1);
  });
});
