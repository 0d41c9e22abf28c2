import { describe, expect, it } from 'vitest';
import { parseGate } from '../../src/config/load.js';
import { evaluateGate } from '../../src/engine/run.js';
import type { ProbeEnvironment } from '../../src/probes/probe.js';
import { evaluateScripted, gateWith, scriptedProbe } from '../support/scripted-probe.js';

function rows(specs: readonly string[], extra = ''): string {
  return gateWith(
    `${specs.map((spec, index) => `  - { name: s${index}, checks: [ { scripted: "${spec}"${extra} } ] }`).join('\n')}\n`,
  );
}

const many = ['db/1', 'db/2', 'db/3', 'api/1', 'api/2', 'api/3', 'x', 'y'];

describe('probe sessions', () => {
  it('opens one session for all checks of a kind and closes it exactly once', async () => {
    const scripts = Object.fromEntries(many.map((spec) => [spec, { delayMs: 20, fields: { n: 1 } }]));
    const { result, probe } = await evaluateScripted(rows(many), scripts, { concurrency: 2 });
    expect(probe.calls.size).toBe(many.length);
    expect(probe.opens).toBe(1);
    expect(probe.closes).toBe(1);
    expect(result.warnings).toEqual([]);
  });

  it('closes the session exactly once when the deadline ends checks in flight and in the queue', async () => {
    const { probe } = await evaluateScripted(
      rows(['db/1', 'db/2', 'db/3']),
      { 'db/1': { delayMs: 60_000 } },
      { gateTimeoutMs: 100, concurrency: 1 },
    );
    expect(probe.opens).toBe(1);
    expect(probe.closes).toBe(1);
  });

  it('closes the session exactly once when checks error or crash', async () => {
    const { result, probe } = await evaluateScripted(rows(['a', 'b', 'c']), {
      a: { throws: 'refused' },
      b: { crash: 'bug' },
    });
    expect(result.scenarios.map((row) => row.status)).toEqual(['error', 'error', 'pass']);
    expect([probe.opens, probe.closes]).toEqual([1, 1]);
  });

  it('opens no session for a probe no check uses', async () => {
    const used = scriptedProbe({});
    const unused = scriptedProbe({});
    const probes = { scripted: used, other: unused };
    const gate = parseGate(gateWith(`  - { name: s, checks: [ { scripted: a } ] }\n`), {
      file: 'g.yml',
      env: {},
      probes,
    });
    const environment: ProbeEnvironment = {
      sources: gate.sources,
      env: {},
      workspace: '.',
      addSecret: () => undefined,
      debug: () => undefined,
    };
    await evaluateGate(gate, { probes, environment, tool: { name: 'rg', version: '0' } });
    expect([used.opens, used.closes, unused.opens, unused.closes]).toEqual([1, 1, 0, 0]);
  });

  it('reports a failed open on every check of the kind, opens only once, and closes nothing', async () => {
    const { result, probe } = await evaluateScripted(
      rows(['a', 'b', 'c']),
      {},
      { session: { openThrows: 'no database URL: set sources.postgres.url' } },
    );
    expect(result.scenarios.map((row) => row.checks[0]!.error)).toEqual([
      'no database URL: set sources.postgres.url',
      'no database URL: set sources.postgres.url',
      'no database URL: set sources.postgres.url',
    ]);
    expect([probe.opens, probe.closes]).toEqual([1, 0]);
    expect(probe.calls.size).toBe(0);
    expect(result.warnings).toEqual([]);
  });

  it('stops waiting at once when the open says trying again cannot help', async () => {
    const { result } = await evaluateScripted(
      rows(['a'], ', wait: 1m, interval: 10ms'),
      {},
      { session: { openThrows: 'no GitHub token', openRetryable: false } },
    );
    expect(result.scenarios[0]!.checks[0]).toMatchObject({ error: 'no GitHub token', attempts: 1 });
  });

  it('reports a bug in open as an internal error of the probe, with the stack in the debug log', async () => {
    const { result, debug } = await evaluateScripted(
      rows(['a']),
      {},
      { session: { openCrash: 'x is undefined' } },
    );
    expect(result.scenarios[0]!.checks[0]!.error).toBe(
      'internal error in the scripted probe: x is undefined',
    );
    expect(debug.join('\n')).toMatch(
      /internal error in the scripted probe \(check s0\/1\): TypeError: x is undefined\n\s+at /,
    );
  });

  it('turns a failed close into a warning of the report', async () => {
    const { result, probe } = await evaluateScripted(
      rows(['a']),
      {},
      { session: { closeThrows: 'socket gone\nmore' } },
    );
    expect(result.warnings).toEqual(['Closing the scripted connection failed: socket gone']);
    expect(result.scenarios[0]!.status).toBe('pass');
    expect(probe.closes).toBe(1);
  });

  it('still returns the result when a close hangs, with a warning', async () => {
    const { result, probe } = await evaluateScripted(
      rows(['a']),
      {},
      { closeLimitMs: 30, session: { closeHangs: true } },
    );
    expect(result.warnings).toEqual([
      'Closing the scripted connection did not finish within 30 ms; it was left open',
    ]);
    expect(result.decision).toBe('go');
    expect(probe.closes).toBe(1);
  });
});
