import type { Baseline } from '../baseline/compare.js';
import type { Gate, Scenario } from '../config/model.js';
import {
  DEFAULT_CONCURRENCY,
  type ProbeDefinition,
  type ProbeEnvironment,
} from '../shared/probe-contract.js';
import { countScenarios, decide, markRegressions, scenarioResult, type DecisionMode } from './decision.js';
import { mapBounded } from './limit.js';
import type { CheckResult, GateResult } from './results.js';
import { deadlineText, runCheck, type RunContext } from './run-check.js';
import { messageOf, SessionPool, SourceLimits } from './sessions.js';
import { DeadlineRelay } from './deadline-relay.js';

/** What evaluating a gate needs besides the gate. */
export interface EngineOptions {
  probes: Readonly<Record<string, ProbeDefinition<unknown>>>;
  environment: ProbeEnvironment;
  /** Checks in flight at once per source (database, cluster, HTTP origin…); default 8. */
  concurrency?: number;
  /** Whole-gate deadline; unfinished checks become errors when it passes. */
  gateTimeoutMs?: number;
  now?: () => Date;
  tool: { name: string; version: string };
  /** An earlier run to compare with: deltas, `baseline.`/`delta.` in conditions, new vs known failures. */
  baseline?: Baseline;
  /** `all`: any P0 failure is No-Go; `new-failures`: only P0 failures that passed in the baseline. */
  decisionMode?: DecisionMode;
  /** Called as each scenario finishes (progress lines). */
  onScenario?: (scenario: Scenario, status: string) => void;
  /** How long a probe may take to answer after its signal aborted; default {@link ABORT_GRACE_MS}. */
  abortGraceMs?: number;
  /** How long closing the sessions may take at the end; default {@link CLOSE_LIMIT_MS}. */
  closeLimitMs?: number;
}

export { messageOf };

/**
 * After a check's timeout or the gate's deadline aborts a probe's signal, the probe has this long
 * to settle with its own `ProbeError` (its message says more than the engine's: what it was
 * doing when time ran out). Short, because it extends the gate's deadline by at most this much.
 */
export const ABORT_GRACE_MS = 250;

/** Closing a session (a pg client, a socket) normally takes milliseconds; a hung one is left behind. */
export const CLOSE_LIMIT_MS = 2_000;

/** Evaluates every precondition and scenario and decides Go/No-Go. Never throws for probe failures. */
export async function evaluateGate(gate: Gate, options: EngineOptions): Promise<GateResult> {
  const now = options.now ?? ((): Date => new Date());
  const started = now();
  const deadline = new AbortController();
  const gateTimeoutMs = options.gateTimeoutMs;
  // The reason carries the report's wording, so every check cut short by it says the same.
  const deadlineTimer =
    gateTimeoutMs === undefined
      ? undefined
      : setTimeout(
          () => deadline.abort(new DOMException(deadlineText(gateTimeoutMs), 'TimeoutError')),
          gateTimeoutMs,
        );
  const sessions = new SessionPool(
    options.probes,
    options.environment,
    options.closeLimitMs ?? CLOSE_LIMIT_MS,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    gate.namedSources,
  );
  const warnings: string[] = [];

  const context: RunContext = {
    sessions,
    deadline: deadline.signal,
    relay: new DeadlineRelay(deadline.signal),
    now,
    probes: options.probes,
    baseline: options.baseline,
    debug: (message) => options.environment.debug(message),
    abortGraceMs: options.abortGraceMs ?? ABORT_GRACE_MS,
    gateTimeoutMs,
  };
  // Preconditions and scenarios share one bounded pool: evidence for both is gathered at once.
  const all = [...gate.preconditions, ...gate.scenarios];
  const flat = all.flatMap((scenario) => scenario.checks.map((check) => ({ scenario, check })));
  const remaining = new Map(all.map((scenario) => [scenario, scenario.checks.length]));
  let results: CheckResult[];
  try {
    const perSource = new SourceLimits(options.probes, sessions, options.concurrency ?? DEFAULT_CONCURRENCY);
    results = await mapBounded(flat, MAX_CHECKS_IN_FLIGHT, async ({ scenario, check }) => {
      const result = await perSource.for(check).use(() => runCheck(check, context));
      const left = remaining.get(scenario)! - 1;
      remaining.set(scenario, left);
      if (left === 0) options.onScenario?.(scenario, 'done');
      return result;
    });
  } finally {
    if (deadlineTimer) clearTimeout(deadlineTimer);
    warnings.push(...(await sessions.closeAll()));
  }

  const byCheck = new Map(flat.map((item, index) => [item.check, results[index]!]));
  const at = now();
  const toResult = (scenario: Scenario): ReturnType<typeof scenarioResult> =>
    scenarioResult(
      scenario,
      scenario.checks.map((check) => byCheck.get(check)!),
      at,
      warnings,
    );
  const preconditions = gate.preconditions.map(toResult);
  const scenarios = gate.scenarios.map(toResult);
  if (options.baseline) markRegressions([...preconditions, ...scenarios], options.baseline);
  const { decision, basis, residualRisks } = decide(
    preconditions,
    scenarios,
    gate.meta.risks,
    options.decisionMode,
  );
  const finished = now();
  return {
    tool: options.tool,
    file: gate.file,
    gate: gate.meta,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    preconditions,
    scenarios,
    decision,
    basis,
    residualRisks,
    counts: countScenarios(scenarios),
    warnings,
    ...(options.baseline ? { baseline: baselineSummary(options.baseline) } : {}),
  };
}

function baselineSummary(baseline: Baseline): NonNullable<GateResult['baseline']> {
  return { source: baseline.source, decision: baseline.decision, finishedAt: baseline.finishedAt };
}

/** Checks of different sources run side by side; this caps the whole gate's in-flight work. */
const MAX_CHECKS_IN_FLIGHT = 256;
