// Publishes the gate's result as a check run on the commit. Every HTTP problem becomes a warning
// that says what to do: the job summary, the bundle and the decision must never depend on it.
import { gitHubRequest, inspectGitHubError, rateLimitMessage } from '../github/client.js';
import type { GitHubClient, GitHubRequestOptions, RateLimitContext } from '../github/client.js';
import {
  CHECK_RUN_LIMITS,
  chunks,
  fitBytes,
  toApiAnnotation,
  type CheckRunReport,
} from './check-run-output.js';

/** Where the check run lives. `id` is set once it was created. */
export interface CheckRunTarget {
  owner: string;
  repo: string;
  /** The check's name, input `check-name` (default `Regression Gate`). */
  name: string;
  headSha: string;
  /** Link shown as "Details", usually the workflow run. */
  detailsUrl?: string;
  id?: number;
}

/** A check run that exists (`id`, `url`), possibly with a warning about a part that failed; or only a warning. */
export type CheckRunResult =
  { id: number; url: string; warning?: string } | { id?: undefined; url?: undefined; warning: string };

/**
 * Test seams and limits for the publisher. Waits (rate limits, the pause before re-sending an
 * update after a 5xx) belong to the client: see `createGitHubClient`'s options.
 */
export interface CheckRunOptions {
  /** Clock for `started_at` / `completed_at` and the rate-limit deadline. */
  now?: () => number;
  signal?: AbortSignal;
  /** How long to wait out GitHub's rate limit in total per request (default 60 s). */
  rateLimitBudgetMs?: number;
}

/** How the check run's client is built: an update that got a 5xx is sent once more. */
export const CHECK_RUN_CLIENT = { retries: 1 } as const;

function detailsUrlOf(url: string | undefined): { details_url?: string } {
  return url !== undefined && /^https?:\/\//.test(url) ? { details_url: url } : {};
}

function checkUrl(target: CheckRunTarget, id: number, htmlUrl: string | null | undefined): string {
  return htmlUrl ?? `https://github.com/${target.owner}/${target.repo}/runs/${id}`;
}

/** Why a request failed, in words, plus what to do for the common causes. */
function explain(
  error: unknown,
  action: 'create' | 'update',
  target: CheckRunTarget,
  context: RateLimitContext,
): string {
  const failure = inspectGitHubError(error);
  const limited = rateLimitMessage(context, failure.status);
  if (limited !== undefined) return `${limited}.`;
  const said = failure.message ? ` "${failure.message}"` : '';
  const repository = `${target.owner}/${target.repo}`;
  const permission = 'add `permissions: checks: write` to the job';
  switch (failure.status) {
    case undefined:
      return failure.aborted
        ? 'the request was cancelled.'
        : `could not reach the GitHub API (${failure.message}).`;
    case 401:
      return `GitHub rejected the token (401${said}): check the \`github-token\` input.`;
    case 403:
      return `GitHub refused (403${said}): the token cannot write checks — ${permission}. On pull requests from forks GITHUB_TOKEN is read-only, so no check run can be written there; this is expected.`;
    case 404:
      return action === 'create'
        ? `GitHub answered 404 for ${repository}: the token cannot see the repository or lacks checks access — ${permission}, and check the repository.`
        : `GitHub answered 404 for check run ${target.id ?? '?'} in ${repository}: it no longer exists or the token cannot see it — ${permission}.`;
    case 422:
      return `GitHub refused the data (422${said}): if it names the SHA, set the \`sha\` input to a commit of ${repository} (it was ${target.headSha.slice(0, 12)}).`;
    default:
      return failure.status >= 500
        ? `GitHub API answered ${failure.status}; GitHub may be having trouble — re-run the job to get the check run.`
        : `GitHub API answered ${failure.status}${said}.`;
  }
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown; context: RateLimitContext };

/**
 * Sends one Checks API request. The client (built with {@link CHECK_RUN_CLIENT}) waits out rate
 * limits within the budget and re-sends an update once after a 5xx; a create is sent once, as a
 * create that failed on the way back may have landed, and a second would leave two check runs.
 */
async function attempt<T>(
  request: (options: GitHubRequestOptions) => Promise<T>,
  options: CheckRunOptions,
  what: string,
  resend: boolean,
): Promise<Attempt<T>> {
  const now = options.now ?? Date.now;
  const context: RateLimitContext = {
    what,
    deadline: now() + (options.rateLimitBudgetMs ?? 60_000),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  try {
    return { ok: true, value: await request(gitHubRequest(context, resend)) };
  } catch (error) {
    return { ok: false, error, context };
  }
}

/** What `checks.create` takes besides the run's identity (owner, repo, name, head_sha). */
type CreateFields = Omit<
  NonNullable<Parameters<GitHubClient['rest']['checks']['create']>[0]>,
  'owner' | 'repo' | 'name' | 'head_sha'
>;

/** Creates a check run on the target's commit; a refusal comes back as a warning, never a throw. */
async function sendCreate(
  octokit: GitHubClient,
  target: CheckRunTarget,
  fields: CreateFields,
  options: CheckRunOptions,
): Promise<CheckRunResult> {
  const result = await attempt(
    (request) =>
      octokit.rest.checks.create({
        owner: target.owner,
        repo: target.repo,
        name: target.name,
        head_sha: target.headSha,
        ...fields,
        request,
      }),
    options,
    `creating check run "${target.name}"`,
    false,
  );
  if (!result.ok)
    return {
      warning: `Could not create the check run "${target.name}": ${explain(result.error, 'create', target, result.context)}`,
    };
  return {
    id: result.value.data.id,
    url: checkUrl(target, result.value.data.id, result.value.data.html_url),
  };
}

/** What `checks.update` takes besides the run's identity (owner, repo, check_run_id). */
type UpdateFields = Omit<
  NonNullable<Parameters<GitHubClient['rest']['checks']['update']>[0]>,
  'owner' | 'repo' | 'check_run_id'
>;

type UpdateResponse = Awaited<ReturnType<GitHubClient['rest']['checks']['update']>>;

/** Updates check run `id`; sent once more after a 5xx (an update is idempotent). */
function sendUpdate(
  octokit: GitHubClient,
  target: CheckRunTarget,
  id: number,
  fields: UpdateFields,
  options: CheckRunOptions,
  what: string,
): Promise<Attempt<UpdateResponse>> {
  return attempt(
    (request) =>
      octokit.rest.checks.update({
        owner: target.owner,
        repo: target.repo,
        check_run_id: id,
        ...fields,
        request,
      }),
    options,
    what,
    true,
  );
}

/** Creates the check run `in_progress` at the start of the gate. Never throws for HTTP problems. */
export function createInProgressCheckRun(
  octokit: GitHubClient,
  target: CheckRunTarget,
  options: CheckRunOptions = {},
): Promise<CheckRunResult> {
  const fields: CreateFields = {
    status: 'in_progress',
    started_at: new Date((options.now ?? Date.now)()).toISOString(),
    ...detailsUrlOf(target.detailsUrl),
  };
  return sendCreate(octokit, target, fields, options);
}

/**
 * Completes the check run (creating it when `target.id` is unset) with the report's conclusion and
 * output, then appends the annotations beyond the first 50 in further updates. The conclusion goes
 * in the first request so that a later failure can only lose annotations. Never throws for HTTP problems.
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  target: CheckRunTarget,
  report: CheckRunReport,
  options: CheckRunOptions = {},
): Promise<CheckRunResult> {
  const now = options.now ?? Date.now;
  const output = {
    title: report.title,
    summary: fitBytes(report.summary, CHECK_RUN_LIMITS.outputBytes),
    ...(report.text === undefined || report.text === ''
      ? {}
      : { text: fitBytes(report.text, CHECK_RUN_LIMITS.outputBytes) }),
  };
  const batches = chunks(report.annotations.map(toApiAnnotation), CHECK_RUN_LIMITS.annotationsPerRequest);
  const completion = {
    status: 'completed' as const,
    conclusion: report.conclusion,
    completed_at: new Date(now()).toISOString(),
    output: { ...output, annotations: batches[0] ?? [] },
    ...detailsUrlOf(target.detailsUrl),
  };

  let id: number;
  let url: string;
  if (target.id === undefined) {
    const created = await sendCreate(octokit, target, completion, options);
    if (created.id === undefined) return created;
    id = created.id;
    url = created.url;
  } else {
    const checkRunId = target.id;
    const updated = await sendUpdate(
      octokit,
      target,
      checkRunId,
      completion,
      options,
      `completing check run "${target.name}"`,
    );
    if (!updated.ok) {
      return {
        warning: `Could not complete the check run "${target.name}" (${checkRunId}); it stays in progress on the commit: ${explain(updated.error, 'update', target, updated.context)}`,
      };
    }
    id = checkRunId;
    url = checkUrl(target, id, updated.value.data.html_url);
  }

  // GitHub appends the annotations of each update to those already posted.
  for (const [index, batch] of batches.entries()) {
    if (index === 0) continue;
    const appended = await sendUpdate(
      octokit,
      target,
      id,
      { output: { ...output, annotations: batch } },
      options,
      `adding annotations to check run "${target.name}"`,
    );
    if (!appended.ok) {
      const posted = index * CHECK_RUN_LIMITS.annotationsPerRequest;
      return {
        id,
        url,
        warning: `The check run "${target.name}" is complete, but only ${posted} of ${report.annotations.length} annotations were posted: ${explain(appended.error, 'update', { ...target, id }, appended.context)}`,
      };
    }
  }
  return { id, url };
}
