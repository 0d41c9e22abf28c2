import type { z } from 'zod';
import type { PrometheusSource } from './prometheus/source.js';

/** A value a probe measured; what `expect` compares and `{{field}}` inserts. */
export type FieldValue =
  string | number | bigint | boolean | null | readonly string[] | { readonly [key: string]: string };

/** Everything one try of a check measured, by field name. */
export type Fields = Record<string, FieldValue>;

/** The `sources:` section of the gate file, after `${VAR}` expansion. */
export interface Sources {
  postgres: { url?: string; statementTimeoutMs: number };
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
  /** Aborted when the try's timeout or the gate's deadline passes. */
  signal: AbortSignal;
  timeoutMs: number;
}

/**
 * A connection-like object a probe keeps for the whole gate (one pg client, one KubeConfig,
 * one Octokit). Opened lazily on the first check of its kind and closed at the end.
 */
export interface ProbeSession<S> {
  run(call: ProbeCall<S>): Promise<Fields>;
  close(): Promise<void>;
}

/** Thrown by a probe when it cannot answer; the message is shown to the user as is. */
export class ProbeError extends Error {
  override readonly name = 'ProbeError';
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
  /** One-line description of what is looked at, for logs and the JSON report. */
  describe(spec: S, extras: Record<string, unknown>, sources: Sources): string;
  /**
   * Which source a check talks to (an HTTP origin, a database): the engine keeps at most
   * `concurrency` checks in flight per source. Default: one source per probe kind.
   */
  source?(spec: S, extras: Record<string, unknown>, sources: Sources): string;
  /** Loads the client code and opens a session. */
  open(environment: ProbeEnvironment): Promise<ProbeSession<S>>;
}

/** Helps probe modules keep their definition's generic type without casts at the registry. */
export function defineProbe<S>(definition: ProbeDefinition<S>): ProbeDefinition<S> {
  return definition;
}
