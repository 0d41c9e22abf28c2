import { ExpectEvaluationError, evaluateCondition } from '../config/expect.js';
import { formatDuration } from '../shared/duration.js';
import type { Check, Gate, Scenario } from '../config/model.js';
import { ProbeError } from '../shared/errors.js';
import type { FieldValue, Fields } from '../shared/fields.js';
import {
  DEFAULT_CONCURRENCY,
  type ProbeDefinition,
  type ProbeEnvironment,
} from '../shared/probe-contract.js';
import { sleep } from '../shared/sleep.js';
import type { Baseline } from '../baseline/compare.js';
import { baselineLookup } from '../baseline/compare.js';
import { countScenarios, decide, markRegressions, scenarioResult, type DecisionMode } from './decision.js';
import { checkEvidence, lookupField } from './evidence.js';
import { mapBounded, settleWithin, type Settled } from './limit.js';
import { messageOf, SessionPool, SourceLimits } from './sessions.js';
import type { CheckResult, GateResult, HoldSummary } from './results.js';
import { DeadlineRelay } from './deadline-relay.js';
import { holdCheck, type Attempt } from './hold.js';
import { holdEvidence, holdBeyondDeadline } from './hold-evidence.js';

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
    const perSource = new SourceLimits(
      options.probes,
      options.environment.sources,
      options.concurrency ?? DEFAULT_CONCURRENCY,
    );
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

interface RunContext {
  sessions: SessionPool;
  deadline: AbortSignal;
  /** Aborts the running tries when the deadline passes (see {@link DeadlineRelay}). */
  relay: DeadlineRelay;
  now: () => Date;
  probes: EngineOptions['probes'];
  baseline: Baseline | undefined;
  debug: (message: string) => void;
  abortGraceMs: number;
  gateTimeoutMs: number | undefined;
}

/** Runs one check: tries until expect holds or `wait` runs out; turns every failure into a result. */
async function runCheck(check: Check, context: RunContext): Promise<CheckResult> {
  const probe = context.probes[check.kind]!;
  const started = context.now();
  const waitUntil = started.getTime() + (check.waitMs ?? 0);
  let attempts = 0;
  let attempt: Attempt;
  // A hold that cannot end before the deadline could never pass: say so at once, not after waiting.
  const beyond = holdBeyondDeadline(check, context.gateTimeoutMs);
  for (;;) {
    if (beyond) {
      attempt = { status: 'error', fields: {}, error: beyond };
      break;
    }
    attempts++;
    attempt = await tryOnce(check, context);
    const timeLeft = waitUntil - context.now().getTime();
    if (holds(attempt) || attempt.retryable === false) break;
    if (timeLeft <= 0 || context.deadline.aborted) break;
    await sleep(Math.min(check.intervalMs, timeLeft), context.deadline);
    if (context.deadline.aborted) break;
  }
  if (attempts > 1 && !holds(attempt) && !context.deadline.aborted) {
    attempt.error &&=
      attempt.retryable === false
        ? `${attempt.error} (stopped after ${attempts} tries: trying again cannot help)`
        : `${attempt.error} (still failing after ${attempts} tries over ${formatDuration(check.waitMs ?? 0)})`;
  }
  // `wait` ends at the first pass; `hold` starts there (or at the first try without `wait`).
  let hold: HoldSummary | undefined;
  if (check.hold && !beyond && (check.waitMs === undefined || holds(attempt))) {
    const held = await holdCheck(check, check.hold, attempt, {
      now: context.now,
      deadline: context.deadline,
      next: () => {
        attempts++;
        return tryOnce(check, context);
      },
    });
    hold = held.summary;
    attempt = { status: held.status, fields: held.fields, ...(held.error ? { error: held.error } : {}) };
  }
  const previous = context.baseline?.checks.get(check.id);
  const result: CheckResult = {
    id: check.id,
    kind: check.kind,
    status: attempt.status,
    fields: attempt.fields,
    expect: check.expectText,
    evidence: hold
      ? holdEvidence(check, attempt.status, hold, attempt.error, attempt.fields, previous)
      : checkEvidence(
          check,
          attempt.status,
          attempt.fields,
          attempt.error,
          previous,
          probe.failureFields,
          probe.noteFields,
        ),
    reproduce: safely(() => probe.reproduce(check.spec, check.extras, context.sessions.sources)),
    target: safely(() => probe.describe(check.spec, check.extras, context.sessions.sources)),
    attempts,
    ...(hold ? { hold } : {}),
    startedAt: started.toISOString(),
    durationMs: context.now().getTime() - started.getTime(),
    line: check.position.line,
  };
  if (check.name) result.name = check.name;
  if (attempt.error !== undefined) result.error = attempt.error;
  return result;
}

function safely(render: () => string): string {
  try {
    return render();
  } catch (error) {
    return `(not available: ${messageOf(error)})`;
  }
}

/**
 * One try: the probe gets one signal that aborts at the check's timeout or the gate's deadline,
 * whichever comes first, and {@link ABORT_GRACE_MS} after it to say why it stopped.
 */
async function tryOnce(check: Check, context: RunContext): Promise<Attempt> {
  if (context.deadline.aborted) return deadlineError(context);
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new DOMException(timeoutText(check), 'TimeoutError')),
    check.timeoutMs,
  );
  // One signal for the try that the deadline also aborts. Not `AbortSignal.any`: every signal it
  // makes stays attached to the long-lived deadline signal, ~250 bytes a try, which a hold of
  // thousands of samples would pile up; the relay forgets the try when it ends.
  context.relay.follow(timeout);
  const signal = timeout.signal;
  try {
    // `open` cannot see the signal, so there is nothing to wait for once it aborts.
    const opened = await settleWithin(context.sessions.get(check.kind), signal, 0);
    if (opened.kind !== 'value' || opened.late) return failedTry(opened, check, context);
    const session = opened.value;
    // A probe that throws before returning its promise is handled like one that rejects.
    const call = new Promise<Fields>((resolve) =>
      resolve(session.run({ spec: check.spec, extras: check.extras, signal, timeoutMs: check.timeoutMs })),
    );
    const answered = await settleWithin(call, signal, context.abortGraceMs);
    if (answered.kind !== 'value' || answered.late) return failedTry(answered, check, context);
    return judge(check, answered.value, context.baseline?.checks.get(check.id));
  } finally {
    clearTimeout(timer);
    context.relay.release(timeout);
  }
}

/**
 * Why a try ended without fields. A `ProbeError` speaks for itself, unless the gate's deadline cut
 * the try short (the report then names the deadline); anything else a probe throws is a bug in
 * the probe, reported as such and never as evidence. An answer after the abort is not used.
 */
function failedTry(
  settled: Exclude<Settled<unknown>, { kind: 'value'; late: false }>,
  check: Check,
  context: RunContext,
): Attempt {
  const error = settled.kind === 'error' ? settled.error : undefined;
  const late = settled.kind === 'abandoned' || settled.late;
  if (late && context.deadline.aborted) {
    if (error !== undefined)
      context.debug(`${check.kind} check ${check.id} at the deadline: ${messageOf(error)}`);
    return deadlineError(context);
  }
  if (error instanceof ProbeError) {
    return {
      status: 'error',
      fields: {},
      error: messageOf(error),
      ...(error.retryable ? {} : { retryable: false as const }),
    };
  }
  if (late) {
    if (error !== undefined)
      context.debug(`${check.kind} check ${check.id} after its timeout: ${messageOf(error)}`);
    return { status: 'error', fields: {}, error: timeoutText(check) };
  }
  context.debug(
    `internal error in the ${check.kind} probe (check ${check.id}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return {
    status: 'error',
    fields: {},
    error: `internal error in the ${check.kind} probe: ${messageOf(error)}`,
  };
}

function timeoutText(check: Check): string {
  return `timed out after ${formatDuration(check.timeoutMs)} (the check's timeout)`;
}

function judge(check: Check, fields: Fields, previous: Fields | undefined): Attempt {
  try {
    const lookup = (name: string): FieldValue | undefined =>
      baselineLookup(name, fields, previous, lookupField);
    if (!evaluateCondition(check.expect, lookup)) return { status: 'fail', fields };
    if (!check.warn) return { status: 'pass', fields };
    try {
      return { status: evaluateCondition(check.warn, lookup) ? 'pass' : 'warn', fields };
    } catch (error) {
      return evaluationError('warn', check.warnText ?? '', error, fields);
    }
  } catch (error) {
    return evaluationError('expect', check.expectText, error, fields);
  }
}

/** A condition that could not be evaluated is this check's error, never a pass or a warning. */
function evaluationError(key: string, text: string, error: unknown, fields: Fields): Attempt {
  // Anything but a known evaluation error is a bug; it still ends as this check's error, not the run's.
  const reason =
    error instanceof ExpectEvaluationError ? error.message : `internal error: ${messageOf(error)}`;
  const available = Object.keys(fields).join(', ') || 'none';
  return { status: 'error', fields, error: `${key} '${text}': ${reason} (fields: ${available})` };
}

/** Expect held: a pass, or a warn (expect held, warn did not). */
function holds(attempt: Attempt): boolean {
  return attempt.status === 'pass' || attempt.status === 'warn';
}

function deadlineText(gateTimeoutMs: number): string {
  return `the gate's deadline (${formatDuration(gateTimeoutMs)}) passed before this check finished`;
}

function deadlineError(context: RunContext): Attempt {
  return { status: 'error', fields: {}, error: messageOf(context.deadline.reason) };
}

/** Checks of different sources run side by side; this caps the whole gate's in-flight work. */
const MAX_CHECKS_IN_FLIGHT = 256;
