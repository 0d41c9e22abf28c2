import type { Scenario } from '../config/model.js';
import type {
  Basis,
  CheckResult,
  CheckStatus,
  Counts,
  Decision,
  ResidualRisk,
  ScenarioResult,
  ScenarioStatus,
  WaiverResult,
} from './results.js';
import type { Baseline } from '../baseline/compare.js';
import { scenarioEvidence } from './evidence.js';

/** `fail` if any check failed, else `error` if any errored, else `pass`. An empty scenario cannot pass. */
export function combineChecks(statuses: readonly CheckStatus[]): CheckStatus {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('error') || statuses.length === 0) return 'error';
  return 'pass';
}

/** A waiver holds through the end of its `until` day, UTC. */
export function isWaiverActive(until: string, now: Date): boolean {
  return now.toISOString().slice(0, 10) <= until;
}

/** Applies the contract's scenario rules to a scenario's check results. */
export function scenarioResult(
  scenario: Scenario,
  checks: CheckResult[],
  now: Date,
  warnings: string[],
): ScenarioResult {
  const checkStatus = combineChecks(checks.map((check) => check.status));
  let status: ScenarioStatus = checkStatus;
  let waiver: WaiverResult | undefined;
  if (scenario.waiver) {
    waiver = { ...scenario.waiver, active: isWaiverActive(scenario.waiver.until, now) };
    if (checkStatus !== 'pass') {
      if (waiver.active) status = 'waived';
      else warnings.push(`The waiver of '${scenario.name}' expired on ${waiver.until} and was ignored.`);
    }
  }
  const result: ScenarioResult = {
    id: scenario.id,
    name: scenario.name,
    priority: scenario.priority,
    status,
    checkStatus,
    checks,
    evidence: scenarioEvidence(scenario, checks),
    line: scenario.position.line,
  };
  if (waiver) result.waiver = waiver;
  return result;
}

/** `all`: the contract's rule; `new-failures`: only P0 scenarios that did not fail in the baseline block. */
export type DecisionMode = 'all' | 'new-failures';

/**
 * The decision rule for the `fail-on` input: only `new-failures` lets a failure already present in
 * the baseline through; `no-go` (the default), `never` and anything else keep the contract's rule.
 */
export function decisionModeFor(failOn: string): DecisionMode {
  return failOn === 'new-failures' ? 'new-failures' : 'all';
}

/** Marks every row that did not pass as `new` (passed in the baseline, or absent there) or `known`. */
export function markRegressions(rows: ScenarioResult[], baseline: Baseline): void {
  for (const row of rows) {
    if (row.checkStatus === 'pass') continue;
    const before = baseline.scenarios.get(row.id);
    row.regression = before === undefined || before === 'pass' ? 'new' : 'known';
  }
}

/** The Go/No-Go decision, its basis and the residual risks, exactly as the contract defines them. */
export function decide(
  preconditions: readonly ScenarioResult[],
  scenarios: readonly ScenarioResult[],
  risks: readonly string[],
  mode: DecisionMode = 'all',
): { decision: Decision; basis: Basis[]; residualRisks: ResidualRisk[] } {
  const basis: Basis[] = [];
  for (const precondition of preconditions) {
    // Waivers never apply to preconditions: a gate that could not establish them has not looked.
    if (precondition.checkStatus !== 'pass') {
      basis.push({
        kind: 'precondition-not-passed',
        name: precondition.name,
        status: precondition.checkStatus,
      });
    }
  }
  const p0 = scenarios.filter((scenario) => scenario.priority === 'P0');
  const knownFailures: ScenarioResult[] = [];
  for (const scenario of p0) {
    if (scenario.status !== 'fail' && scenario.status !== 'error') continue;
    // Without a baseline every failure counts as new: the gate cannot tell, so it fails closed.
    if (mode === 'new-failures' && scenario.regression === 'known') knownFailures.push(scenario);
    else basis.push({ kind: 'p0-not-passed', name: scenario.name, status: scenario.status });
  }
  const decision: Decision = basis.length > 0 ? 'no-go' : 'go';
  if (decision === 'go')
    basis.push({ kind: 'all-passed', preconditions: preconditions.length, p0: p0.length });

  const residualRisks: ResidualRisk[] = knownFailures.map((scenario) => ({
    kind: 'known-failure' as const,
    name: scenario.name,
    status: scenario.status,
  }));
  for (const scenario of scenarios) {
    if (scenario.status === 'waived' && scenario.waiver) {
      const { reason, until, issue } = scenario.waiver;
      residualRisks.push({ kind: 'waived', name: scenario.name, reason, until, ...(issue ? { issue } : {}) });
    } else if (scenario.status !== 'pass' && scenario.priority !== 'P0') {
      residualRisks.push({
        kind: 'scenario-not-passed',
        name: scenario.name,
        priority: scenario.priority,
        status: scenario.status,
      });
    }
  }
  for (const text of risks) residualRisks.push({ kind: 'note', text });
  return { decision, basis, residualRisks };
}

/** Scenario counts for the step outputs and titles. */
export function countScenarios(scenarios: readonly ScenarioResult[]): Counts {
  const count = (status: ScenarioStatus): number =>
    scenarios.filter((scenario) => scenario.status === status).length;
  return {
    passed: count('pass'),
    failed: count('fail'),
    errors: count('error'),
    waived: count('waived'),
    total: scenarios.length,
  };
}
