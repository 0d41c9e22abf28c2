// One sentence for a failed GitHub write, naming the permission that fixes the usual cause.
import { inspectGitHubError } from './http-error.js';
import { rateLimitMessage, type RateLimitContext } from './rate-limit.js';

/** Why `error` happened while `what`, and what to do; `permission` is e.g. `pull-requests: write`. */
export function explainWrite(
  error: unknown,
  what: string,
  permission: string,
  context?: RateLimitContext,
): string {
  const failure = inspectGitHubError(error);
  const limited = context ? rateLimitMessage(context, failure.status) : undefined;
  if (limited !== undefined) return `${limited}.`;
  const said = failure.message ? ` "${failure.message}"` : '';
  switch (failure.status) {
    case undefined:
      return failure.aborted
        ? `${what} was cancelled.`
        : `could not reach the GitHub API while ${what} (${failure.message}).`;
    case 401:
      return `GitHub rejected the token while ${what} (401${said}): check the \`github-token\` input.`;
    case 403:
      return `GitHub refused ${what} (403${said}): add \`permissions: ${permission}\` to the job. On pull requests from forks GITHUB_TOKEN is read-only; this is expected there.`;
    case 404:
      return `GitHub answered 404 while ${what}: it does not exist or the token cannot see it — add \`permissions: ${permission}\` to the job.`;
    default:
      return `GitHub API answered ${failure.status}${said} while ${what}.`;
  }
}

/** A call's rate-limit context: give up waiting after `budgetMs` (default 30 s). */
export function writeContext(what: string, budgetMs = 30_000): RateLimitContext {
  return { what, deadline: Date.now() + budgetMs };
}
