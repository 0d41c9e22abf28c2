// The window keys of a check (`hold`, `interval`, `failure_limit`, `error_limit`, `warn`): a wrong
// value is refused at load with file:line:column and the fix, never left to fail at run time.
import { describe, expect, it } from 'vitest';
import { parseGate } from '../../src/config/load.js';
import { ConfigError, formatProblem } from '../../src/config/problems.js';
import { probeRegistry } from '../../src/probes/registry.js';

function problemsOf(text: string): string[] {
  try {
    parseGate(text, { file: 'gate.yml', env: {}, probes: probeRegistry });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('the gate was accepted');
}

const gate = (checks: string): string => `version: 1
gate: { id: REG-1, title: Gate }
scenarios:
  - name: S
    checks:
${checks}`;

const http = '      - http: { url: "http://127.0.0.1:1/" }\n';

describe('load: hold and its limits', () => {
  it('reads hold, interval, failure_limit, error_limit and warn into the check', () => {
    const parsed = parseGate(
      gate(
        `${http}        expect: status == 200\n        warn: latency_ms < 300\n        hold: 10m\n        interval: 30s\n        failure_limit: 1\n`,
      ),
      { file: 'gate.yml', env: {}, probes: probeRegistry },
    );
    const check = parsed.scenarios[0]!.checks[0]!;
    expect(check).toMatchObject({
      hold: { holdMs: 600_000, failureLimit: 1, errorLimit: 4 },
      intervalMs: 30_000,
      warnText: 'latency_ms < 300',
    });
  });

  it('refuses a hold of 0, an interval longer than the hold, and limits without a hold', () => {
    expect(
      problemsOf(
        gate(
          `${http}        hold: 0s\n${http}        hold: 1m\n        interval: 2m\n${http}        hold: 5s\n${http}        failure_limit: 1\n        error_limit: 2\n${http}        hold: 1m\n        failure_limit: -1\n        error_limit: 1.5\n`,
        ),
      ),
    ).toEqual([
      "gate.yml:7:15: hold must be longer than 0; write how long to keep sampling, e.g. 'hold: 10m'",
      "gate.yml:10:19: interval 2m is longer than hold 1m, so the hold would take one sample; set 'interval' to at most 1m, e.g. 'interval: 6s'",
      "gate.yml:12:15: interval 10s (the default) is longer than hold 5s, so the hold would take one sample; set 'interval' to at most 5s, e.g. 'interval: 500ms'",
      "gate.yml:14:24: failure_limit counts samples of a hold; add 'hold: 10m' (how long to keep sampling) or remove it",
      "gate.yml:15:22: error_limit counts samples of a hold; add 'hold: 10m' (how long to keep sampling) or remove it",
      'gate.yml:18:24: scenarios[0].checks[4].failure_limit: use 0 or more (0: every sample must pass)',
      'gate.yml:19:22: scenarios[0].checks[4].error_limit: use a whole number of samples, e.g. 4',
    ]);
  });

  it('parses warn like expect and checks its fields the same way', () => {
    expect(
      problemsOf(gate(`${http}        warn: latncy_ms < 300\n${http}        warn: latency_ms <\n`)),
    ).toEqual([
      "gate.yml:7:15: warn uses 'latncy_ms', which this http check does not report (did you mean 'latency_ms'?); its fields are status, body, latency_ms, headers",
      expect.stringMatching(/^gate\.yml:9:\d+: expect: .*latency_ms </),
    ]);
  });
});
