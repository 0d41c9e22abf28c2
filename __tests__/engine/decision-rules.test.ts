// The decision rules, each on both sides: fail-on modes with a baseline, passing P1/P2 rows,
// waivers on passing and failing rows, regressions marked new or known. The kill set for
// mutation testing of src/engine/decision.ts.
import { describe, expect, it } from 'vitest';
import type { Baseline } from '../../src/baseline/compare.js';
import type { Scenario } from '../../src/config/model.js';
import {
  combineChecks,
  countScenarios,
  decide,
  decisionModeFor,
  isWaiverActive,
  markRegressions,
  scenarioResult,
} from '../../src/engine/decision.js';
import type { CheckResult, CheckStatus, ScenarioResult } from '../../src/engine/results.js';

const check = (status: CheckStatus): CheckResult => ({
  id: 'c',
  kind: 'k',
  status,
  fields: {},
  expect: 'x',
  evidence: [],
  reproduce: '',
  target: '',
  attempts: 1,
  startedAt: '',
  durationMs: 0,
  line: 1,
});

const row = (
  name: string,
  status: ScenarioResult['status'],
  priority: ScenarioResult['priority'] = 'P0',
): ScenarioResult => ({
  id: name,
  name,
  priority,
  status,
  checkStatus: status === 'waived' ? 'fail' : status,
  checks: [],
  evidence: [],
  line: 1,
});

const baselineOf = (scenarios: Record<string, 'pass' | 'fail' | 'error' | 'waived'>): Baseline => ({
  source: 'earlier.json',
  decision: 'no-go',
  finishedAt: '2026-01-01T00:00:00Z',
  checks: new Map(),
  scenarios: new Map(Object.entries(scenarios)),
});

/** Runs the engine's order: mark regressions against the baseline, then decide in the mode fail-on gives. */
const decideWith = (
  failOn: string,
  scenarios: ScenarioResult[],
  baseline: Baseline,
  preconditions: ScenarioResult[] = [],
): ReturnType<typeof decide> => {
  markRegressions([...preconditions, ...scenarios], baseline);
  return decide(preconditions, scenarios, [], decisionModeFor(failOn));
};

describe('decision: fail-on modes', () => {
  it.each([
    ['no-go', 'all'],
    ['never', 'all'],
    ['new-failures', 'new-failures'],
    ['', 'all'],
    ['NEW-FAILURES', 'all'],
  ])("fail-on '%s' decides by rule '%s'", (failOn, mode) => {
    expect(decisionModeFor(failOn)).toBe(mode);
  });

  it('with a baseline and the default no-go, a P0 that already failed in the baseline is No-Go', () => {
    const scenarios = [row('A', 'fail'), row('B', 'pass')];
    const result = decideWith('no-go', scenarios, baselineOf({ A: 'fail', B: 'pass' }));
    expect(scenarios[0]!.regression).toBe('known');
    expect(result.decision).toBe('no-go');
    expect(result.basis).toEqual([{ kind: 'p0-not-passed', name: 'A', status: 'fail' }]);
    expect(result.residualRisks).toEqual([]);
  });

  it('with fail-on never, a known P0 failure is still No-Go (never only keeps the step green)', () => {
    const result = decideWith('never', [row('A', 'error')], baselineOf({ A: 'error' }));
    expect(result.decision).toBe('no-go');
    expect(result.basis).toEqual([{ kind: 'p0-not-passed', name: 'A', status: 'error' }]);
  });

  it('with new-failures, a P0 that failed in the baseline is Go with a known-failure risk', () => {
    const result = decideWith(
      'new-failures',
      [row('A', 'fail'), row('B', 'pass')],
      baselineOf({ A: 'fail' }),
    );
    expect(result.decision).toBe('go');
    expect(result.basis).toEqual([{ kind: 'all-passed', preconditions: 0, p0: 2 }]);
    expect(result.residualRisks).toEqual([{ kind: 'known-failure', name: 'A', status: 'fail' }]);
  });

  it('with new-failures, a P0 that passed in the baseline or is new there is No-Go', () => {
    const result = decideWith(
      'new-failures',
      [row('A', 'fail'), row('B', 'error'), row('C', 'fail')],
      baselineOf({ A: 'pass', B: 'waived', C: 'error' }),
    );
    expect(result.decision).toBe('no-go');
    expect(result.basis).toEqual([{ kind: 'p0-not-passed', name: 'A', status: 'fail' }]);
    const fresh = decideWith('new-failures', [row('D', 'fail')], baselineOf({}));
    expect(fresh.basis).toEqual([{ kind: 'p0-not-passed', name: 'D', status: 'fail' }]);
  });

  it('with new-failures but no baseline, every P0 failure counts (fails closed)', () => {
    expect(decide([], [row('A', 'fail')], [], 'new-failures').decision).toBe('no-go');
  });

  it('with new-failures, a failing precondition is No-Go even when it failed in the baseline', () => {
    const result = decideWith('new-failures', [row('A', 'pass')], baselineOf({ Deploy: 'fail' }), [
      row('Deploy', 'fail'),
    ]);
    expect(result.decision).toBe('no-go');
    expect(result.basis).toEqual([{ kind: 'precondition-not-passed', name: 'Deploy', status: 'fail' }]);
  });
});

describe('decision: rows that pass', () => {
  it('passing P0, P1 and P2 rows are Go with no residual risk', () => {
    const result = decide(
      [row('Pre', 'pass')],
      [row('A', 'pass'), row('B', 'pass', 'P1'), row('C', 'pass', 'P2')],
      [],
    );
    expect(result).toEqual({
      decision: 'go',
      basis: [{ kind: 'all-passed', preconditions: 1, p0: 1 }],
      residualRisks: [],
    });
  });

  it('a failing P1 or P2 row is a residual risk, never a No-Go', () => {
    const result = decide([], [row('B', 'fail', 'P1'), row('C', 'error', 'P2'), row('D', 'pass', 'P2')], []);
    expect(result.decision).toBe('go');
    expect(result.basis).toEqual([{ kind: 'all-passed', preconditions: 0, p0: 0 }]);
    expect(result.residualRisks).toEqual([
      { kind: 'scenario-not-passed', name: 'B', priority: 'P1', status: 'fail' },
      { kind: 'scenario-not-passed', name: 'C', priority: 'P2', status: 'error' },
    ]);
  });

  it('a waived P0 row is Go, listed as waived; an erroring one is No-Go', () => {
    const waived = { ...row('W', 'waived'), waiver: { reason: 'r', until: '2026-03-01', active: true } };
    const result = decide([], [waived, row('E', 'error')], ['note']);
    expect(result.decision).toBe('no-go');
    expect(result.basis).toEqual([{ kind: 'p0-not-passed', name: 'E', status: 'error' }]);
    expect(result.residualRisks).toEqual([
      { kind: 'waived', name: 'W', reason: 'r', until: '2026-03-01' },
      { kind: 'note', text: 'note' },
    ]);
  });
});

describe('decision: waivers', () => {
  const scenario = (waiver?: Scenario['waiver'], priority: Scenario['priority'] = 'P0'): Scenario => ({
    id: 's',
    name: 'S',
    priority,
    checks: [],
    position: { line: 3, column: 5 },
    ...(waiver ? { waiver } : {}),
  });
  const waiver = { reason: 'flaky upstream', until: '2026-03-01', issue: 7 };

  it('leaves a passing row passing: no waived status, no residual risk, no warning even when expired', () => {
    const warnings: string[] = [];
    const inDate = scenarioResult(
      scenario(waiver),
      [check('pass')],
      new Date('2026-02-01T00:00:00Z'),
      warnings,
    );
    expect(inDate).toMatchObject({
      status: 'pass',
      checkStatus: 'pass',
      waiver: { ...waiver, active: true },
    });
    const expired = scenarioResult(
      scenario(waiver),
      [check('pass')],
      new Date('2026-04-01T00:00:00Z'),
      warnings,
    );
    expect(expired).toMatchObject({ status: 'pass', checkStatus: 'pass', waiver: { active: false } });
    expect(warnings).toEqual([]);
    expect(decide([], [inDate, expired], [])).toEqual({
      decision: 'go',
      basis: [{ kind: 'all-passed', preconditions: 0, p0: 2 }],
      residualRisks: [],
    });
  });

  it('waives a failing or erroring row through the last second of its day, UTC', () => {
    const warnings: string[] = [];
    for (const status of ['fail', 'error'] as const) {
      const result = scenarioResult(
        scenario(waiver),
        [check(status)],
        new Date('2026-03-01T23:59:59.999Z'),
        warnings,
      );
      expect(result).toMatchObject({ status: 'waived', checkStatus: status, waiver: { active: true } });
    }
    expect(warnings).toEqual([]);
  });

  it('ignores an expired waiver from the first moment of the next day, with a warning', () => {
    const warnings: string[] = [];
    const result = scenarioResult(
      scenario(waiver),
      [check('fail')],
      new Date('2026-03-02T00:00:00.000Z'),
      warnings,
    );
    expect(result).toMatchObject({ status: 'fail', checkStatus: 'fail', waiver: { active: false } });
    expect(warnings).toEqual(["The waiver of 'S' expired on 2026-03-01 and was ignored."]);
    expect(decide([], [result], []).decision).toBe('no-go');
  });

  it('keeps a row without waiver as its checks say, with no waiver key', () => {
    const result = scenarioResult(scenario(), [check('fail')], new Date('2026-01-01T00:00:00Z'), []);
    expect(result.status).toBe('fail');
    expect('waiver' in result).toBe(false);
    expect(result).toMatchObject({ id: 's', name: 'S', priority: 'P0', line: 3 });
  });

  it.each([
    ['2026-03-01', '2026-02-28T23:59:59Z', true],
    ['2026-03-01', '2026-03-01T00:00:00Z', true],
    ['2026-03-01', '2026-03-02T00:00:00Z', false],
    ['2026-03-01', '2027-01-01T00:00:00Z', false],
  ])('a waiver until %s is active at %s: %s', (until, now, active) => {
    expect(isWaiverActive(until, new Date(now))).toBe(active);
  });
});

describe('decision: combining checks, marking regressions, counting', () => {
  it.each<[CheckStatus[], CheckStatus]>([
    [['pass'], 'pass'],
    [['pass', 'pass', 'pass'], 'pass'],
    [['error'], 'error'],
    [['fail'], 'fail'],
    [['error', 'fail'], 'fail'],
    [['fail', 'error'], 'fail'],
    [['pass', 'error', 'pass'], 'error'],
    [[], 'error'],
  ])('%j combine to %s', (statuses, combined) => {
    expect(combineChecks(statuses)).toBe(combined);
  });

  it('marks failures new (passed or absent in the baseline) or known, and leaves passing rows alone', () => {
    const rows = [
      row('A', 'fail'),
      row('B', 'error'),
      row('C', 'fail'),
      row('D', 'pass'),
      row('E', 'waived'),
      row('F', 'fail'),
    ];
    markRegressions(rows, baselineOf({ A: 'pass', B: 'fail', C: 'error', D: 'fail', E: 'waived' }));
    expect(rows.map((item) => item.regression)).toEqual(['new', 'known', 'known', undefined, 'known', 'new']);
  });

  it('counts scenarios by status', () => {
    expect(
      countScenarios([
        row('A', 'pass'),
        row('B', 'pass'),
        row('C', 'fail'),
        row('D', 'error'),
        row('E', 'waived'),
      ]),
    ).toEqual({ passed: 2, failed: 1, errors: 1, waived: 1, total: 5 });
    expect(countScenarios([])).toEqual({ passed: 0, failed: 0, errors: 0, waived: 0, total: 0 });
  });
});
