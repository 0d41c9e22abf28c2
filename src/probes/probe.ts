import type { z } from 'zod';
import type { PrometheusSource } from './prometheus/source.js';

/** A value a probe measured; what `expect` compares and `{{field}}` inserts. */
export type FieldValue =
  string | number | bigint | boolean | null | readonly string[] | { readonly [key: string]: string };

/** Everything one try of a check measured, by field name. */
export type Fields = Record<string, FieldValue>;

/** The `sources:` section of the gate file, after `${VAR}` expansion. */
export interface Sources {
  postgres: {
    url?: string;
    statementTimeoutMs: number;
    /** Most connections the gate opens to this database (sources.postgres.max_connections). */
    maxConnections?: number;
  };
  kubernetes: { namespace?: string; context?: string };
  github: { repository?: string };
  prometheus?: PrometheusSource;
}

/** What a probe may read from the world besides its own spec. */
export interface ProbeEnvironment {
  sources: Sources;
  /** The process environment (GITHUB_*, KUBECONFIG, …) as plain values. */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths in the gate file resolve against (the workspace). */
  workspace: string;
  /** Token for the GitHub API, when one was given. */
  githubToken?: string;
  /** Registers a value that must never appear in any report or log. */
  addSecret(value: string): void;
  /** Writes a line to the debug log (masked by the caller). */
  debug(message: string): void;
}

/** One try of one check. */
export interface ProbeCall<S> {
  spec: S;
  /** Extra keys the probe declared (e.g. postgres `params`). */
  extras: Record<string, unknown>;
  /**
   * Aborted when the try's timeout or the gate's deadline passes. The probe then has a short
   * grace (the engine's `ABORT_GRACE_MS`) to settle with its own `ProbeError`, whose message is
   * more precise than the engine's ("timed out while reading page 3"); after it the engine
   * reports its own timeout and stops waiting for the probe.
   */
  signal: AbortSignal;
  timeoutMs: number;
}

/** Checks in flight at once per source when the caller does not say (the `concurrency` input's default). */
export const DEFAULT_CONCURRENCY = 8;

/** What the engine tells a probe when it opens a session. */
export interface SessionOptions {
  /** At most this many checks of one source are in flight at once (the `concurrency` input). */
  concurrency: number;
}

/**
 * A connection-like object a probe keeps for the whole gate (one pg client, one KubeConfig,
 * one Octokit). Opened lazily on the first check of its kind and closed at the end.
 */
export interface ProbeSession<S> {
  run(call: ProbeCall<S>): Promise<Fields>;
  close(): Promise<void>;
}

/** How a probe qualifies a {@link ProbeError}. */
export interface ProbeErrorOptions {
  /**
   * False when trying again cannot change the answer (no URL, invalid configuration, a 401/403,
   * a resource that does not exist): a check with `wait` stops at once instead of spinning until
   * its wait or the gate's deadline runs out. Default true (a refused connection may heal).
   */
  retryable?: boolean;
  cause?: unknown;
}

/**
 * Thrown by a probe when it cannot answer; the message is shown to the user as is. Anything else
 * a probe throws is reported as an internal error of the probe, never as evidence.
 */
export class ProbeError extends Error {
  override readonly name = 'ProbeError';
  readonly retryable: boolean;

  constructor(message: string, options: ProbeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? true;
  }
}

/**
 * The light half of a probe: validation, defaults and the reproduce command. It must not import
 * the probe's client library, so that validating a gate file stays fast; the heavy half is behind
 * `open`, loaded with a dynamic import only when a gate uses the probe.
 */
export interface ProbeDefinition<S = unknown> {
  readonly kind: string;
  /** Schema of the value under the probe key. */
  readonly schema: z.ZodType<S>;
  /** Sibling keys of the probe key this probe reads (postgres: `params`). */
  readonly extraKeys?: z.ZodRawShape;
  /** Fields known before running (for validating `expect`), or undefined when known only at run time. */
  fields(spec: S): readonly string[] | undefined;
  /** The `expect` used when a check has none. */
  defaultExpect(spec: S): string;
  /** The shell command a person would run to see the same evidence. */
  reproduce(spec: S, extras: Record<string, unknown>, sources: Sources): string;
  /** Fields that explain a failure (e.g. the failing tests' names), added to the Evidence when a check does not pass. */
  readonly failureFields?: readonly string[];
  /** Fields added to the Evidence whatever the status when they are not empty (e.g. tests that passed only on a retry). */
  readonly noteFields?: readonly string[];
  /** One-line description of what is looked at, for logs and the JSON report. */
  describe(spec: S, extras: Record<string, unknown>, sources: Sources): string;
  /**
   * Which source a check talks to (an HTTP origin, a database): the engine keeps at most
   * `concurrency` checks in flight per source. Default: one source per probe kind.
   */
  source?(spec: S, extras: Record<string, unknown>, sources: Sources): string;
  /** Loads the client code and opens a session. */
  open(environment: ProbeEnvironment, options?: SessionOptions): Promise<ProbeSession<S>>;
}

/** Helps probe modules keep their definition's generic type without casts at the registry. */
export function defineProbe<S>(definition: ProbeDefinition<S>): ProbeDefinition<S> {
  return definition;
}
