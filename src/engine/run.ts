import { ExpectEvaluationError, evaluateCondition } from '../config/expect.js';
import { formatDuration } from '../config/duration.js';
import type { Check, Gate, Scenario } from '../config/model.js';
import type { FieldValue, Fields, ProbeDefinition, ProbeEnvironment, ProbeSession } from '../probes/probe.js';
import { DEFAULT_CONCURRENCY } from '../probes/probe.js';
import type { Baseline } from '../baseline/compare.js';
import { baselineLookup } from '../baseline/compare.js';
import { countScenarios, decide, markRegressions, scenarioResult, type DecisionMode } from './decision.js';
import { checkEvidence, lookupField } from './evidence.js';
import { mapBounded, Semaphore, sleep } from './limit.js';
import type { CheckResult, CheckStatus, GateResult } from './results.js';

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
}

/** Evaluates every precondition and scenario and decides Go/No-Go. Never throws for probe failures. */
export async function evaluateGate(gate: Gate, options: EngineOptions): Promise<GateResult> {
  const now = options.now ?? ((): Date => new Date());
  const started = now();
  const deadline = new AbortController();
  const deadlineTimer =
    options.gateTimeoutMs === undefined
      ? undefined
      : setTimeout(() => deadline.abort(), options.gateTimeoutMs);
  const sessions = new SessionPool(options);
  const warnings: string[] = [];

  const context: RunContext = {
    sessions,
    deadline: deadline.signal,
    gateTimeoutMs: options.gateTimeoutMs,
    now,
    probes: options.probes,
    baseline: options.baseline,
  };
  // Preconditions and scenarios share one bounded pool: evidence for both is gathered at once.
  const all = [...gate.preconditions, ...gate.scenarios];
  const flat = all.flatMap((scenario) => scenario.checks.map((check) => ({ scenario, check })));
  const remaining = new Map(all.map((scenario) => [scenario, scenario.checks.length]));
  let results: CheckResult[];
  try {
    const perSource = new SourceLimits(options);
    results = await mapBounded(flat, MAX_CHECKS_IN_FLIGHT, async ({ scenario, check }) => {
      const result = await perSource.for(check).use(() => runCheck(check, context));
      const left = remaining.get(scenario)! - 1;
      remaining.set(scenario, left);
      if (left === 0) options.onScenario?.(scenario, scenario.checks.length > 0 ? 'done' : 'empty');
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
  gateTimeoutMs: number | undefined;
  now: () => Date;
  probes: EngineOptions['probes'];
  baseline: Baseline | undefined;
}

interface Attempt {
  status: CheckStatus;
  fields: Fields;
  error?: string;
}

/** Runs one check: tries until expect holds or `wait` runs out; turns every failure into a result. */
async function runCheck(check: Check, context: RunContext): Promise<CheckResult> {
  const probe = context.probes[check.kind]!;
  const started = context.now();
  const waitUntil = started.getTime() + (check.waitMs ?? 0);
  let attempts = 0;
  let attempt: Attempt;
  for (;;) {
    attempts++;
    attempt = await tryOnce(check, context);
    const timeLeft = waitUntil - context.now().getTime();
    if (attempt.status === 'pass' || timeLeft <= 0 || context.deadline.aborted) break;
    await sleep(Math.min(check.intervalMs, timeLeft), context.deadline);
    if (context.deadline.aborted) break;
  }
  if (attempts > 1 && attempt.status !== 'pass' && !context.deadline.aborted) {
    attempt.error &&= `${attempt.error} (still failing after ${attempts} tries over ${formatDuration(check.waitMs ?? 0)})`;
  }
  const result: CheckResult = {
    id: check.id,
    kind: check.kind,
    status: attempt.status,
    fields: attempt.fields,
    expect: check.expectText,
    evidence: checkEvidence(
      check,
      attempt.status,
      attempt.fields,
      attempt.error,
      context.baseline?.checks.get(check.id),
      probe.failureFields,
      probe.noteFields,
    ),
    reproduce: safely(() => probe.reproduce(check.spec, check.extras, context.sessions.sources)),
    target: safely(() => probe.describe(check.spec, check.extras, context.sessions.sources)),
    attempts,
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

async function tryOnce(check: Check, context: RunContext): Promise<Attempt> {
  if (context.deadline.aborted) return deadlineError(context);
  const controller = new AbortController();
  const onDeadline = (): void => controller.abort();
  context.deadline.addEventListener('abort', onDeadline, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${formatDuration(check.timeoutMs)} (the check's timeout)`));
    }, check.timeoutMs);
    controller.signal.addEventListener('abort', () => {
      if (context.deadline.aborted) reject(new Error(deadlineMessage(context)));
    });
  });
  try {
    const session = await Promise.race([context.sessions.get(check.kind), timedOut]);
    const call = session.run({
      spec: check.spec,
      extras: check.extras,
      signal: controller.signal,
      timeoutMs: check.timeoutMs,
    });
    // When the timeout wins the race the probe may still reject later; that answer is no longer wanted.
    call.catch(() => undefined);
    const fields = await Promise.race([call, timedOut]);
    return judge(check, fields, context.baseline?.checks.get(check.id));
  } catch (error) {
    return { status: 'error', fields: {}, error: messageOf(error) };
  } finally {
    clearTimeout(timer);
    context.deadline.removeEventListener('abort', onDeadline);
  }
}

function judge(check: Check, fields: Fields, previous: Fields | undefined): Attempt {
  try {
    const lookup = (name: string): FieldValue | undefined =>
      baselineLookup(name, fields, previous, lookupField);
    const holds = evaluateCondition(check.expect, lookup);
    return { status: holds ? 'pass' : 'fail', fields };
  } catch (error) {
    if (!(error instanceof ExpectEvaluationError)) throw error;
    const available = Object.keys(fields).join(', ') || 'none';
    return {
      status: 'error',
      fields,
      error: `expect '${check.expectText}': ${error.message} (fields: ${available})`,
    };
  }
}

function deadlineMessage(context: RunContext): string {
  const limit = context.gateTimeoutMs === undefined ? '' : ` (${formatDuration(context.gateTimeoutMs)})`;
  return `the gate's deadline${limit} passed before this check finished`;
}

function deadlineError(context: RunContext): Attempt {
  return { status: 'error', fields: {}, error: deadlineMessage(context) };
}

/** One line of an error, whatever was thrown. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim() || (error instanceof Error ? error.name : 'unknown error');
}

/** Checks of different sources run side by side; this caps the whole gate's in-flight work. */
const MAX_CHECKS_IN_FLIGHT = 256;

/** One semaphore per source, so no database, cluster or origin sees more than `concurrency` checks at once. */
class SourceLimits {
  private readonly limits = new Map<string, Semaphore>();
  constructor(private readonly options: EngineOptions) {}

  for(check: Check): Semaphore {
    const probe = this.options.probes[check.kind]!;
    let key = check.kind;
    try {
      key = `${check.kind}:${probe.source?.(check.spec, check.extras, this.options.environment.sources) ?? ''}`;
    } catch {
      // A source that cannot be named shares its kind's limit.
    }
    let limit = this.limits.get(key);
    if (!limit) {
      limit = new Semaphore(this.options.concurrency ?? DEFAULT_CONCURRENCY);
      this.limits.set(key, limit);
    }
    return limit;
  }
}

/** Opens each probe's session once, on first use, and closes them all at the end. */
class SessionPool {
  private readonly sessions = new Map<string, Promise<ProbeSession<unknown>>>();
  constructor(private readonly options: EngineOptions) {}

  get sources(): EngineOptions['environment']['sources'] {
    return this.options.environment.sources;
  }

  get(kind: string): Promise<ProbeSession<unknown>> {
    let session = this.sessions.get(kind);
    if (!session) {
      // The session learns the per-source bound so it can size its connections to it.
      session = this.options.probes[kind]!.open(this.options.environment, {
        concurrency: this.options.concurrency ?? DEFAULT_CONCURRENCY,
      });
      // A rejected open is remembered so every check of that kind reports the same cause once each.
      session.catch(() => undefined);
      this.sessions.set(kind, session);
    }
    return session;
  }

  async closeAll(): Promise<string[]> {
    const warnings: string[] = [];
    for (const [kind, pending] of this.sessions) {
      try {
        await (await pending).close();
      } catch (error) {
        if (
          !(await pending.then(
            () => true,
            () => false,
          ))
        )
          continue;
        warnings.push(`Closing the ${kind} connection failed: ${messageOf(error)}`);
      }
    }
    return warnings;
  }
}
