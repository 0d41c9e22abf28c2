// The one place the GitHub client is built: @actions/github's Octokit with Octokit's own retry and
// throttling plugins, tuned so that a gate's deadline and abort signal still rule every wait.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { rateLimitHandler, realTiming, type GitHubTiming, type RateLimitContext } from './rate-limit.js';

export { parseRepository, type RepositoryRef } from './repository.js';
export { inspectGitHubError, type GitHubFailure } from './http-error.js';
export {
  rateLimitMessage,
  realTiming,
  type GitHubTiming,
  type RateLimitContext,
  type Sleep,
} from './rate-limit.js';

/** The Octokit the action uses everywhere: REST endpoint methods plus `paginate`. */
export type GitHubClient = ReturnType<typeof getOctokit>;

/** Test seams and limits of {@link createGitHubClient}. */
export interface GitHubClientOptions {
  /** Sleeps and clock of rate-limit waits; tests pass a sleep that returns at once. */
  timing?: GitHubTiming;
  /** Re-sends after a 5xx or a network failure, per call (default 0: a probe's timeout is no place to spin). */
  retries?: number;
  /** Pause before the first re-send; the n-th waits n² times as long (default 1 s; 0 in tests). */
  retryDelayMs?: number;
  /** Longest rate-limit wait for a call that gives no deadline (default 60 s). */
  rateLimitBudgetMs?: number;
  /** Rate-limit waits per call before giving up (default 5). */
  maxRateLimitWaits?: number;
}

/** What a call passes as Octokit's `request` option: its abort signal, rate-limit limits, retries. */
export interface GitHubRequestOptions {
  signal?: AbortSignal;
  rateLimit: RateLimitContext;
  /**
   * 0 turns the client's re-sends off for this call. Only 0: plugin-retry re-sends any failure,
   * a 401 or 404 included, up to a per-call `retries` above 0 (it skips its doNotRetry list).
   */
  retries?: 0;
}

/** Builds a call's `request` option; `resend: false` for a call that must not be sent twice. */
export function gitHubRequest(context: RateLimitContext, resend = true): GitHubRequestOptions {
  return {
    ...(context.signal ? { signal: context.signal } : {}),
    rateLimit: context,
    ...(resend ? {} : { retries: 0 }),
  };
}

/** The API root: GITHUB_API_URL (GHES, simulators), else github.com. */
export function gitHubApiUrl(env: Readonly<Record<string, string | undefined>>): string {
  const url = env.GITHUB_API_URL?.trim();
  return (url === undefined || url === '' ? 'https://api.github.com' : url).replace(/\/+$/, '');
}

// Client errors are answers, not accidents; 403/429 belong to the throttling plugin.
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/**
 * Builds the one Octokit a gate uses. The base URL comes from `env` rather than from
 * `@actions/github`'s import-time default so that tests and callers decide it explicitly.
 */
export function createGitHubClient(
  token: string,
  env: Readonly<Record<string, string | undefined>>,
  options: GitHubClientOptions = {},
): GitHubClient {
  if (token.trim() === '') {
    throw new Error('no GitHub token: set the `github-token` input (its default is `${{ github.token }}`)');
  }
  const onLimit = rateLimitHandler({
    timing: options.timing ?? realTiming,
    maxWaits: options.maxRateLimitWaits ?? 5,
    defaultBudgetMs: options.rateLimitBudgetMs ?? 60_000,
  });
  return getOctokit(
    token,
    {
      baseUrl: gitHubApiUrl(env),
      // Octokit logs deprecations and request warnings to the console; the action reports on its own.
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
      // The handler sleeps (abortably); the plugin's own wait is zero. The plugin awaits the
      // handler's answer (true = send again), though its types declare the handler void.
      throttle: {
        // eslint-disable-next-line @typescript-eslint/no-misused-promises
        onRateLimit: onLimit,
        // eslint-disable-next-line @typescript-eslint/no-misused-promises
        onSecondaryRateLimit: onLimit,
        retryAfterBaseValue: 0,
      },
      retry: {
        retries: options.retries ?? 0,
        doNotRetry: DO_NOT_RETRY,
        retryAfterBaseValue: options.retryDelayMs ?? 1000,
      },
    },
    throttling,
    retry,
  );
}
