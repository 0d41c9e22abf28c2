import { isRecord } from '../shared/guards.js';
import { oneLine } from '../shared/text.js';

/** What a failed GitHub API call tells us, without the request, the headers dump or the token. */
export interface GitHubFailure {
  /** HTTP status; undefined when no answer arrived (network error, abort). */
  status: number | undefined;
  /** Response headers, lower-case names; empty when no answer arrived. */
  headers: Readonly<Record<string, string>>;
  /** GitHub's `message` (or the network error), one line, at most 200 characters. */
  message: string;
  /** True when the call was cancelled through its AbortSignal. */
  aborted: boolean;
}

const MAX_MESSAGE = 200;

/**
 * Reads an error thrown by Octokit (a RequestError, an AbortError or anything else). Only the
 * response body's `message` is kept: Octokit's own message appends the documentation URL, and its
 * `request` holds the (redacted) authorization header, neither of which belongs in a report.
 */
export function inspectGitHubError(error: unknown): GitHubFailure {
  if (!isRecord(error))
    return { status: undefined, headers: {}, message: oneLine(String(error), MAX_MESSAGE), aborted: false };
  const name = typeof error.name === 'string' ? error.name : '';
  if (name === 'AbortError' || name === 'TimeoutError') {
    return { status: undefined, headers: {}, message: 'the request was cancelled', aborted: true };
  }
  const causeName = isRecord(error.cause) && typeof error.cause.name === 'string' ? error.cause.name : '';
  // Octokit passes an AbortError through but wraps a TimeoutError (AbortSignal.timeout) as a 500.
  if (causeName === 'AbortError' || causeName === 'TimeoutError') {
    return { status: undefined, headers: {}, message: 'the request was cancelled', aborted: true };
  }
  const response = isRecord(error.response) ? error.response : undefined;
  if (response === undefined) {
    // Octokit reports a failed fetch as status 500 without a response; that is not GitHub's 500.
    const cause =
      isRecord(error.cause) && typeof error.cause.message === 'string' ? error.cause.message : undefined;
    const text = typeof error.message === 'string' ? error.message : 'unknown error';
    return { status: undefined, headers: {}, message: oneLine(cause ?? text, MAX_MESSAGE), aborted: false };
  }
  const status =
    typeof response.status === 'number'
      ? response.status
      : typeof error.status === 'number'
        ? error.status
        : undefined;
  const headers: Record<string, string> = {};
  if (isRecord(response.headers)) {
    for (const [key, value] of Object.entries(response.headers)) {
      if (typeof value === 'string' || typeof value === 'number') headers[key.toLowerCase()] = String(value);
    }
  }
  const data = response.data;
  let message = '';
  if (isRecord(data) && typeof data.message === 'string') message = data.message;
  else if (typeof data === 'string' && !/^\s*</.test(data)) message = data;
  return { status, headers, message: oneLine(message, MAX_MESSAGE), aborted: false };
}
