import type { Check } from '../config/model.js';
import { DEFAULT_SOURCE, sourceLabel, sourcesView, type NamedSources } from '../shared/named-sources.js';
import type { ProbeDefinition, ProbeEnvironment, ProbeSession, Sources } from '../shared/probe-contract.js';
import { Semaphore, settleWithin } from './limit.js';

/** One line of an error, whatever was thrown. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim() || (error instanceof Error ? error.name : 'unknown error');
}

type Probes = Readonly<Record<string, ProbeDefinition<unknown>>>;

/**
 * One semaphore per source, so no database, cluster or origin sees more than `concurrency` checks at
 * once: per kind and named source, and within it per what the probe's `source()` names (an origin).
 */
export class SourceLimits {
  private readonly limits = new Map<string, Semaphore>();
  constructor(
    private readonly probes: Probes,
    private readonly sessions: SessionPool,
    private readonly concurrency: number,
  ) {}

  for(check: Check): Semaphore {
    const probe = this.probes[check.kind]!;
    const named = `${check.kind}\0${check.source ?? DEFAULT_SOURCE}`;
    let key = named;
    try {
      const sources = this.sessions.sourcesFor(check.kind, check.source);
      // Stryker disable next-line OptionalChaining: without ?. a probe with no source() throws here and the catch keeps the kind's own key, as ?? '' does
      key = `${named}\0${probe.source?.(check.spec, check.extras, sources) ?? ''}`;
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
 * Opens each probe's session once per named source, on first use, and closes each opened one exactly once at the
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
    /** Every source by kind and name; without it each kind has only `environment.sources`. */
    private readonly named?: NamedSources,
  ) {}

  /** The sources a check of `kind` sees: its kind's entry is its named source (`default` when unnamed). */
  sourcesFor(kind: string, source: string | undefined): Sources {
    return sourcesView(this.environment.sources, this.named, kind, source);
  }

  /** The command that shows the same evidence, against the check's own source. */
  reproduce(probe: ProbeDefinition<unknown>, check: Check): string {
    const sources = this.sourcesFor(check.kind, check.source);
    return probe.reproduce(check.spec, check.extras, sources, check.source);
  }

  /** What was looked at, and where when the check uses a named source: `… (source billing)`. */
  describe(probe: ProbeDefinition<unknown>, check: Check): string {
    const sources = this.sourcesFor(check.kind, check.source);
    const described = probe.describe(check.spec, check.extras, sources, check.source);
    return check.source === undefined || check.source === DEFAULT_SOURCE
      ? described
      : `${described} (source ${check.source})`;
  }

  /** The session of one named source of a kind: each has its own connection, client and secrets. */
  get(kind: string, source?: string): Promise<ProbeSession<unknown>> {
    const key = sourceLabel(kind, source);
    let session = this.sessions.get(key);
    if (!session) {
      const probe = this.probes[kind]!;
      // An `open` that throws before returning its promise fails like one that rejects.
      session = new Promise<ProbeSession<unknown>>((resolve) => {
        const environment = { ...this.environment, sources: this.sourcesFor(kind, source) };
        resolve(probe.open(environment, { concurrency: this.concurrency }));
      });
      // A rejected open is remembered so every check of that source reports the same cause once each.
      session.catch(() => undefined);
      this.sessions.set(key, session);
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
