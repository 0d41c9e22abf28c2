// Publishes the gate's result as a check run on the commit. Every HTTP problem becomes a warning
// that says what to do: the job summary, the bundle and the decision must never depend on it.
import { gitHubRequest, inspectGitHubError, rateLimitMessage } from '../github/client.js';
import type { GitHubClient, GitHubRequestOptions, RateLimitContext } from '../github/client.js';
import { oneLine, stripControl } from './escape.js';

/** The check run's conclusion: Go is `success`, No-Go is `failure`. */
export type CheckRunConclusion = 'success' | 'failure' | 'neutral';

/** GitHub's annotation levels. */
export type CheckAnnotationLevel = 'failure' | 'warning' | 'notice';

/** One annotation on a file of the repository (the gate file, at a scenario's line). */
export interface CheckAnnotation {
  /** Path relative to the repository root, `/`-separated. */
  path: string;
  startLine: number;
  /** Defaults to startLine. */
  endLine?: number;
  level: CheckAnnotationLevel;
  title: string;
  message: string;
  rawDetails?: string;
}

/** Everything the completed check run shows; already redacted by the caller. */
export interface CheckRunReport {
  conclusion: CheckRunConclusion;
  /** e.g. `Go — 7/7 scenarios pass`. */
  title: string;
  /** Markdown; cut to 65,535 bytes here if the caller did not fit it. */
  summary: string;
  text?: string;
  annotations: readonly CheckAnnotation[];
}

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

/** GitHub's limits; they count bytes (the API answers 422 above them). */
export const CHECK_RUN_LIMITS = {
  outputBytes: 65_535,
  annotationsPerRequest: 50,
  annotationTitleChars: 255,
  annotationMessageBytes: 65_535,
} as const;

const CUT_NOTICE =
  "\n\n---\n**Cut to fit GitHub's 65,535-byte limit for check runs.** The full report is in the report bundle (`report-markdown` output) and the job summary.";

/**
 * Cuts `text` to at most `limitBytes` UTF-8 bytes and appends `notice`; text within the limit is
 * returned as is. Markdown (`wholeLines`) is cut only at a line end, never inside a line: a partial
 * table row could leave a code span open and make a value in it live Markdown; an open code fence
 * is closed. Plain text (annotation messages) is cut on a character boundary.
 */
export function fitBytes(
  text: string,
  limitBytes: number,
  notice: string = CUT_NOTICE,
  wholeLines = true,
): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limitBytes) return text;
  const fence = '\n```';
  const budget = Math.max(0, limitBytes - Buffer.byteLength(notice) - Buffer.byteLength(fence));
  let end = Math.min(budget, bytes.length);
  // Never end inside a multi-byte character: step back over continuation bytes (10xxxxxx).
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  let kept = bytes.subarray(0, end).toString('utf8');
  if (!wholeLines) return kept + notice;
  kept = kept.slice(0, Math.max(0, kept.lastIndexOf('\n')));
  const fences = kept.match(/^\s*(```|~~~)/gm)?.length ?? 0;
  if (fences % 2 === 1) kept += fence;
  return kept + notice;
}

function cutChars(text: string, limit: number): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

interface ApiAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: CheckAnnotationLevel;
  title: string;
  message: string;
  raw_details?: string;
}

function toApiAnnotation(annotation: CheckAnnotation): ApiAnnotation {
  const start = Math.max(1, Math.floor(annotation.startLine));
  const end = Math.max(start, Math.floor(annotation.endLine ?? start));
  const shortNotice = '\n… (cut to fit GitHub’s 64 KB limit)';
  const api: ApiAnnotation = {
    path: annotation.path.replaceAll('\\', '/').replace(/^\.\//, ''),
    start_line: start,
    end_line: end,
    annotation_level: annotation.level,
    // Annotations are plain text, but invisible and bidirectional characters would still hide or reverse it.
    title: cutChars(oneLine(annotation.title), CHECK_RUN_LIMITS.annotationTitleChars),
    message: fitBytes(
      stripControl(annotation.message === '' ? annotation.title : annotation.message),
      CHECK_RUN_LIMITS.annotationMessageBytes,
      shortNotice,
      false,
    ),
  };
  if (annotation.rawDetails !== undefined && annotation.rawDetails !== '') {
    api.raw_details = fitBytes(
      stripControl(annotation.rawDetails),
      CHECK_RUN_LIMITS.annotationMessageBytes,
      shortNotice,
      false,
    );
  }
  return api;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

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
    const updated = await attempt(
      (request) =>
        octokit.rest.checks.update({
          owner: target.owner,
          repo: target.repo,
          check_run_id: checkRunId,
          ...completion,
          request,
        }),
      options,
      `completing check run "${target.name}"`,
      true,
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
    const appended = await attempt(
      (request) =>
        octokit.rest.checks.update({
          owner: target.owner,
          repo: target.repo,
          check_run_id: id,
          output: { ...output, annotations: batch },
          request,
        }),
      options,
      `adding annotations to check run "${target.name}"`,
      true,
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
