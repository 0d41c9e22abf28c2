// What the GitHub client does when GitHub says "slow down". Octokit's throttling plugin finds the
// rate limit (primary: `x-ratelimit-remaining: 0` + `x-ratelimit-reset`; secondary: `retry-after`
// or a minute) and re-sends the request; these handlers decide whether to wait at all. The plugin
// sleeps in Bottleneck, which an AbortSignal cannot interrupt and which knows no deadline, so the
// client sets its wait to zero and the handler sleeps here instead: abortable, within the
// caller's deadline, and replaceable in tests.

import { sleep } from '../shared/sleep.js';

/** Waits `ms`, or rejects when `signal` aborts first. Replaced in tests. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Timing the GitHub client uses; tests pass a sleep that returns at once. */
export interface GitHubTiming {
  sleep: Sleep;
  now: () => number;
}

/** Real time. */
export const realTiming: GitHubTiming = {
  sleep: async (ms, signal) => {
    if (!(await sleep(ms, signal))) throw new Error('the request was cancelled');
  },
  now: () => Date.now(),
};

/**
 * One API call's limits for waiting out a rate limit, passed as `request: { rateLimit }`. Octokit
 * copies `request` per attempt but keeps this object, so `gaveUp` reaches the caller.
 */
export interface RateLimitContext {
  /** What is being done, for messages: `reading workflow run 123 of octo/repo`. */
  what: string;
  /** Epoch ms; a wait that would end after it fails at once instead of sleeping in vain. */
  deadline?: number;
  /** Cancels the wait (and, passed as `request.signal`, the request). */
  signal?: AbortSignal;
  /** Set by the client when it stopped waiting: why, to append to the status. */
  gaveUp?: string;
}

/** Settings of {@link rateLimitHandler}. */
export interface RateLimitSettings {
  timing: GitHubTiming;
  /** How many times to wait and retry (a reset that keeps moving means a busy token). */
  maxWaits: number;
  /** Longest wait for a call that names no deadline. */
  defaultBudgetMs: number;
}

function formatWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `${seconds}s`;
  // The plugin rounds a reset to whole seconds, so the wait may be up to a second longer.
  const minutes = Math.ceil((seconds + 1) / 60);
  return minutes < 120 ? `${minutes}m` : `${Math.round(minutes / 60)}h`;
}

function contextOf(options: unknown): RateLimitContext {
  const request = (options as { request?: { rateLimit?: RateLimitContext } } | undefined)?.request;
  return request?.rateLimit ?? { what: 'calling the GitHub API' };
}

/**
 * The throttling plugin's `onRateLimit` / `onSecondaryRateLimit`: waits `retryAfter` seconds and
 * answers true (send again) when the wait ends before the call's deadline and nothing aborts it.
 */
export function rateLimitHandler(
  settings: RateLimitSettings,
): (retryAfter: number, options: unknown, octokit: unknown, retryCount: number) => Promise<boolean> {
  return async (retryAfter, options, _octokit, retryCount) => {
    const context = contextOf(options);
    const waitMs = Math.max(0, retryAfter * 1000);
    const now = settings.timing.now();
    const deadline = context.deadline ?? now + settings.defaultBudgetMs;
    if (retryCount >= settings.maxWaits) {
      context.gaveUp = `, still after ${retryCount} waits; try again later or use a token with a higher limit`;
      return false;
    }
    if (now + waitMs > deadline) {
      const left = Math.max(0, deadline - now);
      context.gaveUp = `: GitHub asks to wait ${formatWait(waitMs)}, longer than the ${formatWait(left)} left for this check; raise its \`timeout\` or run the gate later`;
      return false;
    }
    if (context.signal?.aborted) {
      context.gaveUp = ", and the check's time ran out";
      return false;
    }
    try {
      await settings.timing.sleep(waitMs, context.signal);
      return true;
    } catch {
      context.gaveUp = `; the check's time ran out while waiting ${formatWait(waitMs)} for the limit to reset`;
      return false;
    }
  };
}

/** The message for a call the client stopped waiting for; undefined when it did not. */
export function rateLimitMessage(context: RateLimitContext, status: number | undefined): string | undefined {
  if (context.gaveUp === undefined) return undefined;
  return `GitHub API rate limit reached (${status ?? '?'}) while ${context.what}${context.gaveUp}`;
}
