// Every sample of a hold is kept in the result (GATE-FILE.md: "every sample is kept in the JSON
// bundle"), compactly while the hold runs. The hold loop runs on a clock the test moves one
// millisecond per sample, so nothing here depends on the machine's speed.
import { describe, expect, it } from 'vitest';
import { parseGate } from '../../src/config/load.js';
import type { Check } from '../../src/config/model.js';
import { holdCheck, type Attempt } from '../../src/engine/hold.js';
import { SampleLog } from '../../src/engine/hold-samples.js';
import { scriptedProbe } from '../support/scripted-probe.js';

function heldCheck(keys: string): Check {
  const probe = scriptedProbe({});
  const text = `version: 1\ngate: { id: g, title: t }\nscenarios:\n  - { name: held, checks: [ { scripted: a, ${keys} } ] }\n`;
  const gate = parseGate(text, { file: 'g.yml', env: {}, probes: { scripted: probe } });
  return gate.scenarios[0]!.checks[0]!;
}

/** Runs a hold whose n-th sample is `attemptOf(n)`, each sample taking 1ms of the test's clock. */
async function hold(check: Check, attemptOf: (sample: number) => Attempt) {
  let clock = Date.parse('2026-02-13T10:00:00Z');
  let sample = 1;
  return holdCheck(check, check.hold!, attemptOf(1), {
    now: () => new Date(clock),
    deadline: new AbortController().signal,
    next: () => {
      clock += 1;
      return Promise.resolve(attemptOf(++sample));
    },
  });
}

describe('the samples of a hold', () => {
  it('keeps all 12,002 samples of a long back-to-back hold, with their times, statuses and values', async () => {
    const check = heldCheck(
      "expect: 'n < 5', warn: 'n < 4', hold: 12s, interval: 0ms, failure_limit: 100000",
    );
    const outcome = await hold(check, (n) => ({
      status: n % 5 === 0 ? 'fail' : n % 7 === 0 ? 'warn' : 'pass',
      fields: { n: n % 5 === 0 ? 9 : n % 7 === 0 ? 4.5 : 1, other: 'x'.repeat(1000) },
    }));
    const { summary } = outcome;
    // Back to back, sampling stops once a sample starts after the 12s: at 0, 1, … 12,001 ms.
    expect(summary.total).toBe(12_002);
    expect(summary.samples).toHaveLength(12_002);
    expect(summary.omitted).toBe(0);
    expect(summary.samples[0]).toEqual({ at: '2026-02-13T10:00:00.000Z', status: 'pass', values: { n: 1 } });
    expect(summary.samples[4]).toEqual({ at: '2026-02-13T10:00:00.004Z', status: 'fail', values: { n: 9 } });
    expect(summary.samples[6]).toEqual({
      at: '2026-02-13T10:00:00.006Z',
      status: 'warn',
      values: { n: 4.5 },
    });
    expect(summary.samples[12_001]!.at).toBe('2026-02-13T10:00:12.001Z');
  });

  it('keeps errors, text, booleans, null and missing fields as the bundle shows them', () => {
    const log = new SampleLog(['n', 'ready', 'body', 'none', 'headers.server'], (text) =>
      text.length > 10 ? `${text.slice(0, 9)}…` : text,
    );
    const at = Date.parse('2026-02-13T10:00:00Z');
    log.add(at, 'pass', {
      n: -0.5,
      ready: true,
      body: 'a long answer',
      none: null,
      headers: { server: 'nginx' },
    });
    log.add(at + 1, 'error', {}, 'connection refused to a far host');
    log.add(at + 2, 'fail', { n: 3, ready: false, body: ['a', 'b'] });
    log.add(at + 3, 'error', {}, 'connection refused to a far host');
    log.add(at + 4, 'warn', { n: 2, ready: true, body: 'ok', none: null });
    expect(log.toSamples()).toEqual([
      {
        at: '2026-02-13T10:00:00.000Z',
        status: 'pass',
        values: { n: -0.5, ready: true, body: 'a long an…', none: null, 'headers.server': 'nginx' },
      },
      { at: '2026-02-13T10:00:00.001Z', status: 'error', error: 'connectio…' },
      { at: '2026-02-13T10:00:00.002Z', status: 'fail', values: { n: 3, ready: false, body: 'a, b' } },
      { at: '2026-02-13T10:00:00.003Z', status: 'error', error: 'connectio…' },
      {
        at: '2026-02-13T10:00:00.004Z',
        status: 'warn',
        values: { n: 2, ready: true, body: 'ok', none: null },
      },
    ]);
  });
});
