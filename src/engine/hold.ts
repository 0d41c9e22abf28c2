// The sampling loop of `hold`: after the first try (or the first pass of `wait`), keep sampling every
// `interval` until `hold` has elapsed, counting failed samples against `failure_limit` and
// consecutive probe errors against `error_limit` (Argo Rollouts' failureLimit and
// consecutiveErrorLimit). Memory stays flat: counts and the worst value are folded in as samples
// arrive, and each kept sample is a slot in typed arrays (SampleLog) holding only the values the
// conditions read, up to a cap; nothing else is kept or registered per sample.
import { formatDuration } from '../shared/duration.js';
import { referencedFields, type Condition } from '../config/expect.js';
import type { Check } from '../config/model.js';
import type { HoldSettings } from '../config/hold.js';
import type { FieldValue, Fields } from '../probes/probe.js';
import { lookupField } from './evidence.js';
import { sleep } from '../shared/sleep.js';
import { messageOf } from './sessions.js';
import { SampleLog } from './hold-samples.js';
import type { CheckStatus, HoldSummary } from './results.js';

/** What one try of a check found. */
export interface Attempt {
  status: CheckStatus;
  fields: Fields;
  error?: string;
  /** False when the probe said trying again cannot help: `wait` and `hold` stop at once. */
  retryable?: false;
}

/**
 * Samples kept in the result; later ones are counted (`omitted`) but not kept. While the hold runs
 * a sample takes ~25 bytes (see SampleLog); the bundle's objects made of them at the end take ~200,
 * so the cap bounds the report: 100,000 is a 10m hold sampled every 6 ms.
 */
export const MAX_KEPT_SAMPLES = 100_000;
/** Longest text kept per sample value or error; the evidence and the last fields keep more. */
const MAX_SAMPLE_TEXT = 120;

/** How a hold ended: the check's status, its last measured fields and every sample's summary. */
export interface HeldOutcome {
  status: CheckStatus;
  fields: Fields;
  error?: string;
  summary: HoldSummary;
}

/** What the loop needs from the engine: the clock, the gate's deadline and one more try. */
export interface HoldContext {
  now: () => Date;
  deadline: AbortSignal;
  next: () => Promise<Attempt>;
}

/** Samples `check` until its hold has elapsed or its outcome is settled; `first` is sample 1. */
export async function holdCheck(
  check: Check,
  settings: HoldSettings,
  first: Attempt,
  context: HoldContext,
): Promise<HeldOutcome> {
  const tally = new HoldTally(check, settings);
  const startedAt = context.now().getTime();
  const endAt = startedAt + settings.holdMs;
  let attempt = first;
  for (let index = 1; ; index++) {
    // A try the deadline cut short is no sample: it measured nothing about the service.
    if (!(context.deadline.aborted && attempt.status === 'error')) tally.add(attempt, context.now());
    const elapsed = (): number => context.now().getTime() - startedAt;
    if (context.deadline.aborted) {
      const reason = messageOf(context.deadline.reason);
      const where = `${formatDuration(elapsed())} into a hold of ${formatDuration(settings.holdMs)}`;
      return tally.end('error', elapsed(), `${reason} (${where})`, 'the gate deadline passed');
    }
    if (attempt.status === 'error' && attempt.retryable === false) {
      const error = `${attempt.error ?? 'error'} (sample ${index} of the hold: trying again cannot help)`;
      return tally.end('error', elapsed(), error, 'the probe said trying again cannot help');
    }
    if (tally.consecutiveErrors > settings.errorLimit) {
      const error = `${tally.consecutiveErrors} samples in a row could not be taken (error_limit ${settings.errorLimit}); the last: ${attempt.error ?? 'error'}`;
      return tally.end('error', elapsed(), error, `error_limit ${settings.errorLimit} exceeded`);
    }
    if (tally.failed > settings.failureLimit) {
      return tally.end('fail', elapsed(), undefined, `failure_limit ${settings.failureLimit} exceeded`);
    }
    // Samples start every `interval` from the first; a probe slower than that is sampled back to back.
    const now = context.now().getTime();
    const nextAt = Math.max(startedAt + index * check.intervalMs, now);
    if (nextAt > endAt) break;
    if (nextAt > now) await sleep(nextAt - now, context.deadline);
    else await new Promise<void>((resolve) => setImmediate(resolve));
    attempt = context.deadline.aborted ? deadlineAttempt(context.deadline) : await context.next();
  }
  return tally.complete(context.now().getTime() - startedAt);
}

function deadlineAttempt(deadline: AbortSignal): Attempt {
  return { status: 'error', fields: {}, error: messageOf(deadline.reason) };
}

/** Counts, the worst value and the kept samples of one hold, folded in one sample at a time. */
class HoldTally {
  total = 0;
  passed = 0;
  warned = 0;
  failed = 0;
  errors = 0;
  consecutiveErrors = 0;
  private readonly samples: SampleLog;
  private omitted = 0;
  private worst: { field: string; value: number } | undefined;
  private lastFields: Fields = {};
  private readonly rule: WorstRule | undefined;

  constructor(
    private readonly check: Check,
    private readonly settings: HoldSettings,
  ) {
    const conditions = check.warn ? [check.expect, check.warn] : [check.expect];
    const names = conditions.flatMap(referencedFields).filter((name) => !/^(baseline|delta)\./.test(name));
    this.samples = new SampleLog([...new Set(names)], shorten);
    this.rule = worstRule(check.expect);
  }

  add(attempt: Attempt, at: Date): void {
    this.total++;
    if (attempt.status === 'error') {
      this.errors++;
      this.consecutiveErrors++;
    } else {
      this.consecutiveErrors = 0;
      this.lastFields = attempt.fields;
      if (attempt.status === 'pass') this.passed++;
      else if (attempt.status === 'warn') this.warned++;
      else this.failed++;
      this.foldWorst(attempt.fields);
    }
    if (this.samples.length >= MAX_KEPT_SAMPLES) {
      this.omitted++;
      return;
    }
    this.samples.add(at.getTime(), attempt.status, attempt.fields, attempt.error);
  }

  /** The hold ran its full length: pass, or warn when a sample warned; a hold without one good sample never passes. */
  complete(elapsedMs: number): HeldOutcome {
    if (this.passed + this.warned === 0) {
      return this.failed > 0
        ? this.end('fail', elapsedMs)
        : this.end('error', elapsedMs, `no sample of the hold could be taken (${this.errors} errors)`);
    }
    return this.end(this.warned > 0 ? 'warn' : 'pass', elapsedMs);
  }

  end(status: CheckStatus, elapsedMs: number, error?: string, stoppedEarly?: string): HeldOutcome {
    const summary: HoldSummary = {
      holdMs: this.settings.holdMs,
      intervalMs: this.check.intervalMs,
      failureLimit: this.settings.failureLimit,
      errorLimit: this.settings.errorLimit,
      elapsedMs,
      total: this.total,
      passed: this.passed,
      warned: this.warned,
      failed: this.failed,
      errors: this.errors,
      samples: this.samples.toSamples(),
      omitted: this.omitted,
    };
    if (this.worst) summary.worst = this.worst;
    if (stoppedEarly) summary.stoppedEarly = stoppedEarly;
    const outcome: HeldOutcome = { status, fields: this.lastFields, summary };
    if (error !== undefined) outcome.error = error;
    return outcome;
  }

  private foldWorst(fields: Fields): void {
    if (!this.rule) return;
    const value = numeric(lookupField(fields, this.rule.field));
    if (value === undefined) return;
    const worse =
      this.worst === undefined ||
      (this.rule.higherIsWorse ? value > this.worst.value : value < this.worst.value);
    if (worse) this.worst = { field: this.rule.field, value };
  }
}

/** Which field's extreme is "worst", and which way: the first `field < | <= | > | >= literal` of expect. */
interface WorstRule {
  field: string;
  higherIsWorse: boolean;
}

/** `value < 0.01` → the largest value is the worst; `ready >= 3` → the smallest; `not` flips it. */
export function worstRule(condition: Condition, negated = false): WorstRule | undefined {
  switch (condition.type) {
    case 'or':
    case 'and':
      for (const term of condition.terms) {
        const rule = worstRule(term, negated);
        if (rule) return rule;
      }
      return undefined;
    case 'not':
      return worstRule(condition.operand, !negated);
    case 'truthy':
      return undefined;
    case 'compare': {
      if ('against' in condition || /^(baseline|delta)\./.test(condition.operand.field)) return undefined;
      const below = condition.op === '<' || condition.op === '<=';
      const above = condition.op === '>' || condition.op === '>=';
      if (!below && !above) return undefined;
      return { field: condition.operand.field, higherIsWorse: below !== negated };
    }
  }
}

/** A number, or a decimal written as text (PostgreSQL's numeric and bigint arrive as text). */
function numeric(value: FieldValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

function shorten(text: string): string {
  return text.length > MAX_SAMPLE_TEXT ? `${text.slice(0, MAX_SAMPLE_TEXT - 1)}…` : text;
}
