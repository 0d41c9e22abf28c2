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

/**
 * `fail` if any check failed, else `error` if any errored, else `warn` if any warned, else `pass`.
 * An empty scenario cannot pass.
 */
export function combineChecks(statuses: readonly CheckStatus[]): CheckStatus {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('error') || statuses.length === 0) return 'error';
  if (statuses.includes('warn')) return 'warn';
  return 'pass';
}

/** Expect held (a pass, or a warning): the row blocks nothing, and a waiver has nothing to waive. */
export function isMet(status: CheckStatus): boolean {
  return status === 'pass' || status === 'warn';
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
    // A warning is no failure: it stays `warn`, visible, instead of turning into `waived`.
    if (!isMet(checkStatus)) {
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
    if (isMet(row.checkStatus)) continue;
    const before = baseline.scenarios.get(row.id);
    row.regression = before === undefined || before === 'pass' || before === 'warn' ? 'new' : 'known';
  }
}

/** The Go/No-Go decision, its basis and the residual risks, exactly as the contract defines them. */
export function decide(
  preconditions: readonly ScenarioResult[],
  scenarios: readonly ScenarioResult[],
  risks: readonly string[],
  // Stryker disable next-line StringLiteral: only 'new-failures' changes the rule, so any other default keeps the contract's
  mode: DecisionMode = 'all',
): { decision: Decision; basis: Basis[]; residualRisks: ResidualRisk[] } {
  const basis: Basis[] = [];
  for (const precondition of preconditions) {
    // Waivers never apply to preconditions: a gate that could not establish them has not looked.
    if (!isMet(precondition.checkStatus)) {
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
  // A warning never passes silently: every row that warned is a residual risk of the Go.
  for (const precondition of preconditions) {
    if (precondition.checkStatus === 'warn')
      residualRisks.push({ kind: 'warned', name: precondition.name, priority: 'P0', precondition: true });
  }
  for (const scenario of scenarios) {
    if (scenario.status === 'warn') {
      residualRisks.push({ kind: 'warned', name: scenario.name, priority: scenario.priority });
    } else if (scenario.status === 'waived' && scenario.waiver) {
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
  const warned = count('warn');
  // `passed` never includes a warning; `warned` is there only when some scenario warned.
  return {
    passed: count('pass'),
    failed: count('fail'),
    errors: count('error'),
    waived: count('waived'),
    ...(warned > 0 ? { warned } : {}),
    total: scenarios.length,
  };
}
