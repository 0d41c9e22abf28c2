import type { Check } from '../config/model.js';
import type { ProbeDefinition, ProbeEnvironment, ProbeSession, Sources } from '../shared/probe-contract.js';
import { Semaphore, settleWithin } from './limit.js';

/** One line of an error, whatever was thrown. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim() || (error instanceof Error ? error.name : 'unknown error');
}

type Probes = Readonly<Record<string, ProbeDefinition<unknown>>>;

/** One semaphore per source, so no database, cluster or origin sees more than `concurrency` checks at once. */
export class SourceLimits {
  private readonly limits = new Map<string, Semaphore>();
  constructor(
    private readonly probes: Probes,
    private readonly sources: Sources,
    private readonly concurrency: number,
  ) {}

  for(check: Check): Semaphore {
    const probe = this.probes[check.kind]!;
    let key = check.kind;
    try {
      // Stryker disable next-line OptionalChaining: without ?. a probe with no source() throws here and the catch keeps the kind's own key, as ?? '' does
      key = `${check.kind}:${probe.source?.(check.spec, check.extras, this.sources) ?? ''}`;
    } catch {
      // A source that cannot be named shares its kind's limit.
    }
    let limit = this.limits.get(key);
    if (!limit) {
      limit = new Semaphore(this.concurrency);
      this.limits.set(key, limit);
    }
    return limit;
  }
}

/**
 * Opens each probe's session once, on first use, and closes each opened one exactly once at the
 * end — also when the deadline passed or checks failed. Closing is bounded by `closeLimitMs` so a
 * hung open or close cannot hold the report back past the gate's deadline.
 */
export class SessionPool {
  private readonly sessions = new Map<string, Promise<ProbeSession<unknown>>>();
  constructor(
    private readonly probes: Probes,
    private readonly environment: ProbeEnvironment,
    private readonly closeLimitMs: number,
    /** The per-source bound, passed to each session so it can size its connections to it. */
    private readonly concurrency: number,
  ) {}

  get sources(): Sources {
    return this.environment.sources;
  }

  get(kind: string): Promise<ProbeSession<unknown>> {
    let session = this.sessions.get(kind);
    if (!session) {
      const probe = this.probes[kind]!;
      // An `open` that throws before returning its promise fails like one that rejects.
      session = new Promise<ProbeSession<unknown>>((resolve) =>
        resolve(probe.open(this.environment, { concurrency: this.concurrency })),
      );
      // A rejected open is remembered so every check of that kind reports the same cause once each.
      session.catch(() => undefined);
      this.sessions.set(kind, session);
    }
    return session;
  }

  /** Closes every session that opened; returns a warning per close that failed or hung. */
  async closeAll(): Promise<string[]> {
    const warnings: string[] = [];
    // A timer of our own (AbortSignal.timeout's is unref'd): it keeps the process up until closing ends.
    const closing = new AbortController();
    const timer = setTimeout(() => closing.abort(), this.closeLimitMs);
    try {
      for (const [kind, pending] of this.sessions) {
        // A session that never opened has nothing to close.
        const close = pending.then(
          (session) => session.close(),
          () => undefined,
        );
        const settled = await settleWithin(close, closing.signal, 0);
        if (settled.kind === 'error') {
          warnings.push(`Closing the ${kind} connection failed: ${messageOf(settled.error)}`);
        } else if (settled.kind === 'abandoned') {
          warnings.push(
            `Closing the ${kind} connection did not finish within ${this.closeLimitMs} ms; it was left open`,
          );
        }
      }
    } finally {
      clearTimeout(timer);
    }
    return warnings;
  }
}
