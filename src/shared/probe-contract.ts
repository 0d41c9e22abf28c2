// The contract between the engine, config and the probes: what a probe declares (its light
// definition) and what it is handed. It lives at the bottom so config can validate checks and
// `sources:` against the registry's definitions without importing any probe.
import type { z } from 'zod';
import type { Fields } from './fields.js';

/**
 * The `sources:` section of the gate file after `${VAR}` expansion and defaults, by probe kind.
 * Empty here: each probe with a source adds its own entry from its folder (module augmentation,
 * see src/probes/postgres/source.ts), so adding a probe never edits this file.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each probe's source.ts
export interface Sources {}

/** The process environment (GITHUB_*, KUBECONFIG, …) as plain values. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * A probe's own entry under `sources:` (the key is the probe's kind): what the user may write, and
 * the value the probe reads as `sources.<kind>`.
 */
export interface SourceEntry<Written = unknown, Source = unknown> {
  /** Schema of what is written under `sources.<kind>` (strict; part of schema/gate.schema.json). */
  readonly schema: z.ZodType<Written>;
  /** The entry as the probe reads it: what was written (undefined when absent) with defaults, some from `env`. */
  resolve(written: Written | undefined, env: Env): Source;
}

/** What a probe may read from the world besides its own spec. */
export interface ProbeEnvironment {
  /** Its own kind's entry is the source the session talks to (one session per named source). */
  sources: Sources;
  /** The process environment (GITHUB_*, KUBECONFIG, …) as plain values. */
  env: Env;
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
  /** The probe's entry under `sources:` (keyed by its kind), when it has one. */
  readonly sourceEntry?: SourceEntry;
  /** Fields known before running (for validating `expect`), or undefined when known only at run time. */
  fields(spec: S): readonly string[] | undefined;
  /** The `expect` used when a check has none. */
  defaultExpect(spec: S): string;
  /**
   * The shell command a person would run to see the same evidence. `sources.<kind>` is the source
   * the check uses; `sourceName` is its name (`default` for the single form), so a command against
   * a named source can point at it (a kube context, a database URL) instead of the default's variable.
   */
  reproduce(spec: S, extras: Record<string, unknown>, sources: Sources, sourceName?: string): string;
  /** Fields that explain a failure (e.g. the failing tests' names), added to the Evidence when a check does not pass. */
  readonly failureFields?: readonly string[];
  /** Fields added to the Evidence whatever the status when they are not empty (e.g. tests that passed only on a retry). */
  readonly noteFields?: readonly string[];
  /** One-line description of what is looked at, for logs and the JSON report. */
  describe(spec: S, extras: Record<string, unknown>, sources: Sources, sourceName?: string): string;
  /**
   * Which source a check talks to (an HTTP origin, a database): the engine keeps at most
   * `concurrency` checks in flight per source. Default: one source per probe kind.
   */
  source?(spec: S, extras: Record<string, unknown>, sources: Sources): string;
  /** Loads the client code and opens a session. */
  open(environment: ProbeEnvironment, options?: SessionOptions): Promise<ProbeSession<S>>;
}
