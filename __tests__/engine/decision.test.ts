import { describe, expect, it } from 'vitest';
import { combineChecks, decide, isWaiverActive, scenarioResult } from '../../src/engine/decision.js';
import type { Scenario } from '../../src/config/model.js';
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
const scenario = (overrides: Partial<Scenario> = {}): Scenario => ({
  id: 's',
  name: 'S',
  priority: 'P0',
  checks: [],
  position: { line: 3, column: 5 },
  ...overrides,
});
const row = (
  status: ScenarioResult['status'],
  priority: ScenarioResult['priority'] = 'P0',
  name = 'S',
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

describe('decision', () => {
  it.each<[CheckStatus[], CheckStatus]>([
    [['pass', 'pass'], 'pass'],
    [['pass', 'fail', 'error'], 'fail'],
    [['pass', 'error'], 'error'],
    [[], 'error'],
  ])('combines %j into %s', (statuses, expected) => {
    expect(combineChecks(statuses)).toBe(expected);
  });

  it('waives a failure while the waiver is in date, through the end of its day', () => {
    const warnings: string[] = [];
    const waiver = { reason: 'known', until: '2026-03-01', issue: 31 };
    const inDate = scenarioResult(
      scenario({ waiver }),
      [check('fail')],
      new Date('2026-03-01T23:59:00Z'),
      warnings,
    );
    expect(inDate).toMatchObject({ status: 'waived', checkStatus: 'fail', waiver: { active: true } });
    const expired = scenarioResult(
      scenario({ waiver }),
      [check('fail')],
      new Date('2026-03-02T00:00:01Z'),
      warnings,
    );
    expect(expired).toMatchObject({ status: 'fail', waiver: { active: false } });
    expect(warnings).toEqual(["The waiver of 'S' expired on 2026-03-01 and was ignored."]);
    expect(isWaiverActive('2026-03-01', new Date('2026-02-28T00:00:00Z'))).toBe(true);
  });

  it('is Go when preconditions and P0 pass, listing P1/P2 failures, waivers and risks as residual', () => {
    const waived: ScenarioResult = {
      ...row('waived', 'P0', 'W'),
      waiver: { reason: 'r', until: '2026-03-01', issue: 31, active: true },
    };
    const { decision, basis, residualRisks } = decide(
      [row('pass')],
      [row('pass'), row('fail', 'P1', 'B'), row('error', 'P2', 'C'), waived],
      ['Day6 e2e in S3'],
    );
    expect(decision).toBe('go');
    expect(basis).toEqual([{ kind: 'all-passed', preconditions: 1, p0: 2 }]);
    expect(residualRisks).toEqual([
      { kind: 'scenario-not-passed', name: 'B', priority: 'P1', status: 'fail' },
      { kind: 'scenario-not-passed', name: 'C', priority: 'P2', status: 'error' },
      { kind: 'waived', name: 'W', reason: 'r', until: '2026-03-01', issue: 31 },
      { kind: 'note', text: 'Day6 e2e in S3' },
    ]);
  });

  it('is No-Go when a precondition is not pass, even if waived, or a P0 scenario fails or errors', () => {
    expect(decide([row('waived', 'P0', 'Deploy')], [row('pass')], []).basis).toEqual([
      { kind: 'precondition-not-passed', name: 'Deploy', status: 'fail' },
    ]);
    const { decision, basis } = decide(
      [],
      [row('fail', 'P0', 'A'), row('error', 'P0', 'B'), row('fail', 'P1', 'C')],
      [],
    );
    expect(decision).toBe('no-go');
    expect(basis.map((item) => item.kind === 'p0-not-passed' && item.name)).toEqual(['A', 'B']);
  });
});
