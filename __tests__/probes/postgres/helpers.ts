// Builds the environment and calls the engine would pass to the postgres probe.
import type { ProbeCall, ProbeEnvironment, ProbeSession } from '../../../src/probes/probe.js';
import { postgresProbe } from '../../../src/probes/postgres/index.js';

export interface RecordingEnvironment extends ProbeEnvironment {
  secrets: string[];
  debugLines: string[];
}

/** An environment whose addSecret/debug are recorded for assertions. */
export function probeEnvironment(url: string | undefined, statementTimeoutMs = 15_000): RecordingEnvironment {
  const secrets: string[] = [];
  const debugLines: string[] = [];
  return {
    sources: { postgres: { url, statementTimeoutMs }, kubernetes: {}, github: {} },
    env: {},
    workspace: process.cwd(),
    secrets,
    debugLines,
    addSecret: (value) => secrets.push(value),
    debug: (message) => debugLines.push(message),
  };
}

/** One try of a check, as the engine makes it. */
export function probeCall(
  spec: string,
  params: unknown[] = [],
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): ProbeCall<string> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    spec,
    extras: params.length > 0 ? { params } : {},
    signal: options.signal ?? AbortSignal.timeout(timeoutMs),
    timeoutMs,
  };
}

/** Opens a session through the probe definition, exactly as the engine does. */
export function openSession(environment: ProbeEnvironment): Promise<ProbeSession<string>> {
  return postgresProbe.open(environment);
}

/** Opens a session as the engine does when the gate's concurrency is `concurrency`. */
export function openPool(environment: ProbeEnvironment, concurrency: number): Promise<ProbeSession<string>> {
  return postgresProbe.open(environment, { concurrency });
}

/** The message of the error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the check to fail, but it returned fields');
}

/** Polls until `condition` holds; fails naming `what` after `limitMs` (a bound, not a measurement). */
export async function until(
  what: string,
  condition: () => Promise<boolean>,
  limitMs = 10_000,
): Promise<void> {
  const giveUp = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > giveUp) throw new Error(`gave up waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
