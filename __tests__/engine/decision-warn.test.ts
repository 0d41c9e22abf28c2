// The `warn` status (Keptn's pass/warning): expect held but the stricter `warn` condition did not.
// A warning never blocks and never passes silently: it is Go, with the row under residual risks,
// and it is never counted as passed.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/config/model.js';
import {
  combineChecks,
  countScenarios,
  decide,
  markRegressions,
  scenarioResult,
} from '../../src/engine/decision.js';
import type { CheckResult, CheckStatus, ScenarioResult } from '../../src/engine/results.js';
import { checkResult, scenarioRow } from '../support/results.js';

const scenario = (overrides: Partial<Scenario> = {}): Scenario => ({
  id: 's',
  name: 'Error rate',
  priority: 'P0',
  checks: [],
  position: { line: 3, column: 5 },
  ...overrides,
});

const checks = (...statuses: CheckStatus[]): CheckResult[] =>
  statuses.map((status) => checkResult({ status }));

describe('warn in the decision', () => {
  it.each<[CheckStatus[], CheckStatus]>([
    [['pass', 'warn'], 'warn'],
    [['warn', 'fail'], 'fail'],
    [['warn', 'error'], 'error'],
    [['warn', 'warn'], 'warn'],
  ])('combines %j into %s', (statuses, combined) => {
    expect(combineChecks(statuses)).toBe(combined);
  });

  it('decides Go for a P0 scenario that warned, with the warning under residual risks', () => {
    const row = scenarioResult(scenario(), checks('pass', 'warn'), new Date(), []);
    const { decision, basis, residualRisks } = decide([], [row], []);
    expect(decision).toBe('go');
    expect(basis).toEqual([{ kind: 'all-passed', preconditions: 0, p0: 1 }]);
    expect(residualRisks).toEqual([{ kind: 'warned', name: 'Error rate', priority: 'P0' }]);
  });

  it('lists a warned precondition and a warned P1 scenario as residual risks too', () => {
    const precondition = scenarioResult(scenario({ name: 'Deploy' }), checks('warn'), new Date(), []);
    const p1 = scenarioResult(scenario({ name: 'Latency', priority: 'P1' }), checks('warn'), new Date(), []);
    const { decision, residualRisks } = decide([precondition], [p1], []);
    expect(decision).toBe('go');
    expect(residualRisks).toEqual([
      { kind: 'warned', name: 'Deploy', priority: 'P0', precondition: true },
      { kind: 'warned', name: 'Latency', priority: 'P1' },
    ]);
  });

  it('never counts a warning as passed', () => {
    const rows: ScenarioResult[] = [
      scenarioRow('A', 'pass'),
      scenarioRow('B', 'warn'),
      scenarioRow('C', 'warn'),
    ];
    expect(countScenarios(rows)).toEqual({ passed: 1, failed: 0, errors: 0, waived: 0, warned: 2, total: 3 });
    expect(countScenarios([scenarioRow('A', 'pass')])).not.toHaveProperty('warned');
  });

  it('keeps a warning visible under an in-date waiver instead of turning it into waived', () => {
    const waiver = { reason: 'known', until: '2999-01-01' };
    const row = scenarioResult(scenario({ waiver }), checks('warn'), new Date(), []);
    expect(row.status).toBe('warn');
  });

  it('marks a failure after a warning in the baseline as new', () => {
    const row = scenarioResult(scenario(), checks('fail'), new Date(), []);
    markRegressions([row], {
      source: 'b',
      decision: 'go',
      finishedAt: '',
      checks: new Map(),
      scenarios: new Map([['s', 'warn']]),
    });
    expect(row.regression).toBe('new');
  });
});
