// What the github probe says when a call fails or a name is not found.
import {
  gitHubApiUrl,
  inspectGitHubError,
  rateLimitMessage,
  type RateLimitContext,
} from '../../github/client.js';
import type { ProbeEnvironment } from '../probe.js';

/** How one API call is named in messages, and what its 404 means. */
export interface CallContext {
  what: string;
  notFound: string;
}

/** Why a call failed, in words, with what to do for the common causes (never the raw exception). */
export function describeFailure(
  error: unknown,
  context: CallContext,
  limits: RateLimitContext,
  timeoutMs: number,
  aborted: boolean,
  env: ProbeEnvironment['env'],
): string {
  const failure = inspectGitHubError(error);
  const limited = rateLimitMessage(limits, failure.status);
  if (limited !== undefined) return limited;
  const said = failure.message ? ` "${failure.message}"` : '';
  if (failure.aborted || aborted)
    return `timed out after ${timeoutMs < 1000 ? `${timeoutMs}ms` : `${Math.round(timeoutMs / 1000)}s`} while ${context.what}`;
  switch (failure.status) {
    case undefined:
      return `could not reach the GitHub API at ${gitHubApiUrl(env)} while ${context.what}: ${failure.message}`;
    case 401:
      return `GitHub rejected the token (401${said}) while ${context.what}: check the \`github-token\` input; a workflow's GITHUB_TOKEN expires when its job ends`;
    case 403:
      return `GitHub refused access (403${said}) while ${context.what}: the token needs the \`actions: read\` permission (add \`permissions: { actions: read }\` to the job)`;
    case 404:
      return context.notFound;
    default:
      if (failure.status >= 500)
        return `GitHub API answered ${failure.status} while ${context.what}; GitHub may be having trouble, try again later`;
      return `GitHub API answered ${failure.status}${said} while ${context.what}`;
  }
}

/** Up to `limit` items, then how many more. */
export function listSome(items: readonly string[], limit = 5): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

// Names that share a word with the wanted one first, so a near miss is in the short list.
export function rankBySimilarity(names: readonly string[], wanted: string): string[] {
  const words = wanted
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1);
  const score = (name: string): number => {
    const lower = name.toLowerCase();
    return words.filter((word) => lower.includes(word)).length;
  };
  return [...names].sort((a, b) => score(b) - score(a));
}
