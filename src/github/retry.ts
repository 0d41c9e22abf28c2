import { inspectGitHubError, type GitHubFailure } from './http-error.js';

/** Waits `ms`, or rejects when `signal` aborts first. Replaced in tests. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Timing the GitHub helpers use; tests pass a sleep that returns at once. */
export interface GitHubTiming {
  sleep: Sleep;
  now: () => number;
}

/** Real time. */
export const realTiming: GitHubTiming = {
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  now: () => Date.now(),
};

function abortError(): Error {
  const error = new Error('the request was cancelled');
  error.name = 'AbortError';
  return error;
}

/** Thrown when GitHub's rate limit outlasts the time a request may take. */
export class GitHubRateLimitError extends Error {
  override readonly name = 'GitHubRateLimitError';
}

/** Options of {@link withRateLimitRetry}. */
export interface RateLimitOptions {
  /** Cancels waiting and the request. */
  signal?: AbortSignal;
  /** Epoch ms; a wait that would end after it fails at once instead of sleeping in vain. */
  deadline?: number;
  /** What is being done, for messages: `reading workflow run 123 of octo/repo`. */
  what: string;
  /** How many times to wait and retry before giving up (a reset that keeps moving means a busy token). */
  maxRetries?: number;
  timing?: GitHubTiming;
}

// GitHub's guidance for a secondary limit without headers: wait at least a minute.
const SECONDARY_LIMIT_WAIT_MS = 60_000;

/**
 * How long GitHub asks us to wait before retrying, or undefined when the failure is not rate
 * limiting. Follows GitHub's documented order: `retry-after`, then `x-ratelimit-remaining: 0` with
 * `x-ratelimit-reset`, then a minute for a 429 / secondary limit that names neither.
 */
export function rateLimitWaitMs(failure: GitHubFailure, now: number): number | undefined {
  if (failure.status !== 403 && failure.status !== 429) return undefined;
  const retryAfter = failure.headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (failure.headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(failure.headers['x-ratelimit-reset']);
    // One extra second covers the skew between GitHub's clock and ours.
    if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - now) + 1000;
    return SECONDARY_LIMIT_WAIT_MS;
  }
  if (failure.status === 429 || /rate limit/i.test(failure.message)) return SECONDARY_LIMIT_WAIT_MS;
  return undefined;
}

function formatWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? `${minutes}m` : `${Math.round(minutes / 60)}h`;
}

/**
 * Runs `request`; when GitHub answers with rate limiting, waits as asked and tries again while the
 * wait ends before `deadline` and `signal` is not aborted. Any other failure is rethrown unchanged.
 */
export async function withRateLimitRetry<T>(
  request: () => Promise<T>,
  options: RateLimitOptions,
): Promise<T> {
  const timing = options.timing ?? realTiming;
  const maxRetries = options.maxRetries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const failure = inspectGitHubError(error);
      const now = timing.now();
      const waitMs = rateLimitWaitMs(failure, now);
      if (waitMs === undefined) throw error;
      const label = `GitHub API rate limit reached (${failure.status}) while ${options.what}`;
      if (attempt >= maxRetries) {
        throw new GitHubRateLimitError(
          `${label}, still after ${attempt} waits; try again later or use a token with a higher limit`,
        );
      }
      if (options.deadline !== undefined && now + waitMs > options.deadline) {
        const left = Math.max(0, options.deadline - now);
        throw new GitHubRateLimitError(
          `${label}: GitHub asks to wait ${formatWait(waitMs)}, longer than the ${formatWait(left)} left for this check; raise its \`timeout\` or run the gate later`,
        );
      }
      if (options.signal?.aborted) throw new GitHubRateLimitError(`${label}, and the check's time ran out`);
      try {
        await timing.sleep(waitMs, options.signal);
      } catch {
        throw new GitHubRateLimitError(
          `${label}; the check's time ran out while waiting ${formatWait(waitMs)} for the limit to reset`,
        );
      }
    }
  }
}
