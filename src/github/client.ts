import { getOctokit } from '@actions/github';

export { parseRepository, type RepositoryRef } from './repository.js';
export { inspectGitHubError, type GitHubFailure } from './http-error.js';
export {
  GitHubRateLimitError,
  rateLimitWaitMs,
  realTiming,
  withRateLimitRetry,
  type GitHubTiming,
  type RateLimitOptions,
  type Sleep,
} from './retry.js';

/** The Octokit the action uses everywhere: REST endpoint methods plus `paginate`. */
export type GitHubClient = ReturnType<typeof getOctokit>;

/** The API root: GITHUB_API_URL (GHES, simulators), else github.com. */
export function gitHubApiUrl(env: Readonly<Record<string, string | undefined>>): string {
  const url = env.GITHUB_API_URL?.trim();
  return (url === undefined || url === '' ? 'https://api.github.com' : url).replace(/\/+$/, '');
}

/**
 * Builds the one Octokit a gate uses. The base URL comes from `env` rather than from
 * `@actions/github`'s import-time default so that tests and callers decide it explicitly.
 */
export function createGitHubClient(
  token: string,
  env: Readonly<Record<string, string | undefined>>,
): GitHubClient {
  if (token.trim() === '') {
    throw new Error('no GitHub token: set the `github-token` input (its default is `${{ github.token }}`)');
  }
  return getOctokit(token, {
    baseUrl: gitHubApiUrl(env),
    // Octokit logs deprecations and request warnings to the console; the action reports on its own.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}
