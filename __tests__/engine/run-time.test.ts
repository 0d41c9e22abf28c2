import { describe, expect, it } from 'vitest';
import { evaluateScripted, gateWith } from '../support/scripted-probe.js';

const TIMEOUT_TEXT = "timed out after 50ms (the check's timeout)";
const DEADLINE_TEXT = "the gate's deadline (150ms) passed before this check finished";

const slowCheck = `  - { name: slow, checks: [ { scripted: a, timeout: 50ms } ] }\n`;

describe('the check timeout reaches the probe', () => {
  it("aborts the probe's signal with the check's timeout as the reason", async () => {
    const { result, probe } = await evaluateScripted(gateWith(slowCheck), { a: { delayMs: 60_000 } });
    const [signal] = probe.signals.get('a')!;
    expect(signal!.aborted).toBe(true);
    expect(signal!.reason).toMatchObject({ name: 'TimeoutError', message: TIMEOUT_TEXT });
    // The scripted probe answers an abort with a ProbeError quoting the reason it was given.
    expect(result.scenarios[0]!.checks[0]).toMatchObject({
      status: 'error',
      error: `scripted a: stopped: ${TIMEOUT_TEXT}`,
      attempts: 1,
      fields: {},
    });
  });

  it("reports the probe's own ProbeError when it comes within the grace", async () => {
    const { result } = await evaluateScripted(gateWith(slowCheck), {
      a: { delayMs: 60_000, reactAfterMs: 20, abortMessage: 'query cancelled while reading page 3' },
    });
    expect(result.scenarios[0]!.checks[0]!.error).toBe('query cancelled while reading page 3');
  });

  it("reports the engine's timeout when the probe ignores the abort", async () => {
    const { result } = await evaluateScripted(gateWith(slowCheck), {
      a: { delayMs: 1_000, onAbort: 'ignore' },
    });
    expect(result.scenarios[0]!.checks[0]).toMatchObject({ status: 'error', error: TIMEOUT_TEXT });
    expect(result.decision).toBe('no-go');
  });

  it("reports the engine's timeout when the probe's answer comes after the grace", async () => {
    const { result } = await evaluateScripted(
      gateWith(slowCheck),
      { a: { delayMs: 60_000, reactAfterMs: 300, abortMessage: 'too late to be heard' } },
      { abortGraceMs: 10 },
    );
    expect(result.scenarios[0]!.checks[0]!.error).toBe(TIMEOUT_TEXT);
  });

  it('never uses fields a probe returns after its signal aborted', async () => {
    const { result } = await evaluateScripted(gateWith(slowCheck), {
      a: { delayMs: 60_000, onAbort: 'resolve', fields: { n: 1 } },
    });
    expect(result.scenarios[0]!.checks[0]).toMatchObject({
      status: 'error',
      error: TIMEOUT_TEXT,
      fields: {},
    });
    expect(result.scenarios[0]!.status).toBe('error');
  });

  it('reports an AbortError thrown after the abort as the timeout, not as a bug of the probe', async () => {
    const { result, debug } = await evaluateScripted(gateWith(slowCheck), {
      a: { delayMs: 60_000, onAbort: 'crash' },
    });
    expect(result.scenarios[0]!.checks[0]!.error).toBe(TIMEOUT_TEXT);
    expect(debug).toContain('scripted check slow/1 after its timeout: This operation was aborted');
  });

  it('gives each try its own signal, and a try that answers in time is not aborted', async () => {
    const { result, probe } = await evaluateScripted(
      gateWith(`  - { name: s, checks: [ { scripted: a, expect: ready, wait: 2s, interval: 10ms } ] }\n`),
      { a: { fields: (attempt) => ({ ready: attempt >= 2 }) } },
    );
    const signals = probe.signals.get('a')!;
    expect(signals).toHaveLength(2);
    expect(signals[0]).not.toBe(signals[1]);
    expect(signals.map((signal) => signal.aborted)).toEqual([false, false]);
    expect(result.scenarios[0]!.status).toBe('pass');
  });

  it("ends a check waiting on a slow session open at the check's timeout", async () => {
    const { result } = await evaluateScripted(gateWith(slowCheck), {}, { session: { openDelayMs: 300 } });
    expect(result.scenarios[0]!.checks[0]).toMatchObject({ status: 'error', error: TIMEOUT_TEXT });
  });
});

describe('the gate deadline', () => {
  const twoRows = `  - { name: stuck, checks: [ { scripted: db/stuck, timeout: 1m } ] }
  - { name: queued, checks: [ { scripted: db/queued } ] }
  - { name: also-queued, checks: [ { scripted: db/later } ] }
`;

  it('ends the check in flight with the deadline named, even when the probe gives its own reason', async () => {
    const { result, probe, debug } = await evaluateScripted(
      gateWith(twoRows),
      { 'db/stuck': { delayMs: 60_000, abortMessage: 'query cancelled' } },
      { gateTimeoutMs: 150, concurrency: 1 },
    );
    expect(probe.signals.get('db/stuck')![0]!.reason).toMatchObject({
      name: 'TimeoutError',
      message: DEADLINE_TEXT,
    });
    expect(result.scenarios[0]!.checks[0]).toMatchObject({
      status: 'error',
      error: DEADLINE_TEXT,
      attempts: 1,
    });
    expect(debug).toContain('scripted check stuck/1 at the deadline: query cancelled');
  });

  it('ends checks still queued at the deadline as errors naming it, and never runs them', async () => {
    const { result, probe } = await evaluateScripted(
      gateWith(twoRows),
      { 'db/stuck': { delayMs: 60_000 } },
      { gateTimeoutMs: 150, concurrency: 1 },
    );
    expect(probe.started).toEqual(['db/stuck']);
    expect(probe.calls.has('db/queued')).toBe(false);
    expect(probe.calls.has('db/later')).toBe(false);
    for (const row of result.scenarios) {
      expect(row.status).toBe('error');
      expect(row.checks[0]).toMatchObject({ status: 'error', error: DEADLINE_TEXT, attempts: 1, fields: {} });
      expect(row.evidence).toEqual([{ text: 'error: ' }, { value: DEADLINE_TEXT }]);
    }
    expect(result.decision).toBe('no-go');
    expect(result.counts).toEqual({ passed: 0, failed: 0, errors: 3, waived: 0, total: 3 });
  });

  it('stops a waiting check at the deadline with its last answer and no retry suffix', async () => {
    const { result, probe } = await evaluateScripted(
      gateWith(`  - { name: w, checks: [ { scripted: a, wait: 1m, interval: 30s } ] }\n`),
      { a: { throws: 'connection refused' } },
      { gateTimeoutMs: 150 },
    );
    expect(probe.calls.get('a')).toBe(1);
    expect(result.scenarios[0]!.checks[0]).toMatchObject({
      status: 'error',
      error: 'connection refused',
      attempts: 1,
    });
  });

  it('keeps a failing answer at the deadline as a fail, never a pass', async () => {
    const { result } = await evaluateScripted(
      gateWith(`  - { name: w, checks: [ { scripted: a, expect: ready, wait: 1m, interval: 30s } ] }\n`),
      { a: { fields: { ready: false } } },
      { gateTimeoutMs: 150 },
    );
    expect(result.scenarios[0]!.checks[0]).toMatchObject({ status: 'fail', attempts: 1 });
    expect(result.scenarios[0]!.checks[0]).not.toHaveProperty('error');
  });

  it('ends a check waiting on a session that never opens at the deadline', async () => {
    const { result } = await evaluateScripted(
      gateWith(`  - { name: s, checks: [ { scripted: a, timeout: 1m } ] }\n`),
      {},
      { gateTimeoutMs: 150, session: { openDelayMs: 1_000 } },
    );
    expect(result.scenarios[0]!.checks[0]!.error).toBe(DEADLINE_TEXT);
  });

  it('lets checks that finish before the deadline keep their answers', async () => {
    const { result } = await evaluateScripted(
      gateWith(
        `  - { name: quick, checks: [ { scripted: a } ] }\n  - { name: slow, checks: [ { scripted: b } ] }\n`,
      ),
      { a: { fields: { n: 1 } }, b: { delayMs: 60_000 } },
      { gateTimeoutMs: 150 },
    );
    expect(result.scenarios.map((row) => [row.status, row.checks[0]!.error])).toEqual([
      ['pass', undefined],
      ['error', DEADLINE_TEXT],
    ]);
  });
});
