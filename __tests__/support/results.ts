// Builders of gate results for report tests: one place that knows the shape of a GateResult, so a
// report test says only what differs from an ordinary run.
import type {
  CheckResult,
  EvidencePart,
  GateResult,
  ScenarioResult,
  ScenarioStatus,
} from '../../src/engine/results.js';

/** A check that measured `fields` and ended with `status`. */
export function checkResult(overrides: Partial<CheckResult> = {}): CheckResult {
  const status = overrides.status ?? 'pass';
  return {
    id: 'scenario/0',
    kind: 'postgres',
    status,
    fields: { count: status === 'pass' ? 0 : 2 },
    expect: 'count == 0',
    evidence: [{ text: 'count: ' }, { value: status === 'pass' ? '0' : '2' }],
    reproduce: 'psql "$DATABASE_URL" -c \'select count(*) from t\'',
    target: 'postgres: select count(*) from t',
    attempts: 1,
    startedAt: '2026-02-13T10:00:01.000Z',
    durationMs: 12,
    line: 10,
    ...overrides,
  };
}

/** A scenario row whose single check has the row's status (a waived row's check failed). */
export function scenarioRow(
  name: string,
  status: ScenarioStatus,
  options: { priority?: ScenarioResult['priority']; evidence?: EvidencePart[]; line?: number } = {},
): ScenarioResult {
  const checkStatus = status === 'waived' ? 'fail' : status;
  const check = checkResult({
    id: `${name}/0`,
    status: checkStatus,
    ...(checkStatus === 'error' ? { error: 'connection refused (127.0.0.1:5432)', fields: {} } : {}),
    ...(options.evidence ? { evidence: options.evidence } : {}),
  });
  return {
    id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name,
    priority: options.priority ?? 'P0',
    status,
    checkStatus,
    checks: [check],
    evidence: options.evidence ?? check.evidence,
    line: options.line ?? 10,
  };
}

/** A whole result: a Go of one passing P0 scenario unless told otherwise. */
export function gateResult(overrides: Partial<GateResult> = {}): GateResult {
  const scenarios = overrides.scenarios ?? [scenarioRow('Runtime hygiene', 'pass')];
  return {
    tool: { name: 'regression-gate', version: '0.1.0' },
    file: '.github/regression-gate.yml',
    gate: {
      id: 'REG-1',
      title: 'Sprint S2 Regression Gate (staging)',
      ownerRole: 'QA',
      relatedIssues: [19],
      relatedPrs: [20, 22],
      language: 'en',
      risks: [],
    },
    startedAt: '2026-02-13T10:00:00.000Z',
    finishedAt: '2026-02-13T10:00:05.000Z',
    durationMs: 5000,
    preconditions: [],
    scenarios,
    decision: 'go',
    basis: [{ kind: 'all-passed', preconditions: 0, p0: scenarios.length }],
    residualRisks: [],
    counts: countsOf(scenarios),
    warnings: [],
    ...overrides,
  };
}

/** Scenario counts as the engine makes them (preconditions are not counted). */
export function countsOf(rows: readonly ScenarioResult[]): GateResult['counts'] {
  const count = (status: ScenarioStatus): number => rows.filter((row) => row.status === status).length;
  return {
    passed: count('pass'),
    failed: count('fail'),
    errors: count('error'),
    waived: count('waived'),
    ...(count('warn') > 0 ? { warned: count('warn') } : {}),
    total: rows.length,
  };
}
