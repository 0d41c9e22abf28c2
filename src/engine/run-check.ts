// One check of a gate, start to end: its tries (until expect holds or `wait` runs out), its `hold`,
// and every way a try can end — an answer judged against expect and warn, a probe's own error, a
// timeout, the gate's deadline, a bug in a probe — turned into the check's result.
import { ExpectEvaluationError, evaluateCondition } from '../config/expect.js';
import type { Check } from '../config/model.js';
import type { Baseline } from '../baseline/compare.js';
import { baselineLookup } from '../baseline/compare.js';
import { formatDuration } from '../shared/duration.js';
import { ProbeError } from '../shared/errors.js';
import type { FieldValue, Fields } from '../shared/fields.js';
import type { ProbeDefinition } from '../shared/probe-contract.js';
import { sleep } from '../shared/sleep.js';
import { checkEvidence, lookupField } from './evidence.js';
import { holdCheck, type Attempt } from './hold.js';
import { holdEvidence, holdBeyondDeadline } from './hold-evidence.js';
import { settleWithin, type Settled } from './limit.js';
import type { CheckResult, HoldSummary } from './results.js';
import { messageOf, type SessionPool } from './sessions.js';
import type { DeadlineRelay } from './deadline-relay.js';

/** What running a check needs from the gate's run. */
export interface RunContext {
  sessions: SessionPool;
  deadline: AbortSignal;
  /** Aborts the running tries when the deadline passes (see {@link DeadlineRelay}). */
  relay: DeadlineRelay;
  now: () => Date;
  probes: Readonly<Record<string, ProbeDefinition<unknown>>>;
  baseline: Baseline | undefined;
  debug: (message: string) => void;
  abortGraceMs: number;
  gateTimeoutMs: number | undefined;
}

/** Runs one check: tries until expect holds or `wait` runs out; turns every failure into a result. */
export async function runCheck(check: Check, context: RunContext): Promise<CheckResult> {
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
    reproduce: safely(() => context.sessions.reproduce(probe, check)),
    target: safely(() => context.sessions.describe(probe, check)),
    attempts,
    ...(hold ? { hold } : {}),
    startedAt: started.toISOString(),
    durationMs: context.now().getTime() - started.getTime(),
    line: check.position.line,
  };
  if (check.name) result.name = check.name;
  if (check.source !== undefined) result.source = check.source;
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
 * whichever comes first, and `abortGraceMs` after it to say why it stopped.
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
    const opened = await settleWithin(context.sessions.get(check.kind, check.source), signal, 0);
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

export function deadlineText(gateTimeoutMs: number): string {
  return `the gate's deadline (${formatDuration(gateTimeoutMs)}) passed before this check finished`;
}

function deadlineError(context: RunContext): Attempt {
  return { status: 'error', fields: {}, error: messageOf(context.deadline.reason) };
}
