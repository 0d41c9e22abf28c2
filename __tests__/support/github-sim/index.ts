// A GitHub REST simulator on 127.0.0.1 for the real Octokit (point GITHUB_API_URL at `url`).
// It answers like GitHub for the routes the action uses, records every request, and can be told
// to fail per route the way GitHub fails.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimAnnotation, SimCheckRun, SimJob, SimRun, SimState, SimWorkflow } from './state.js';
import { simId } from './state.js';
import { handleConversation, type ConversationRoute } from './conversations.js';

export * from './state.js';

export type SimRoute =
  | 'getRun'
  | 'listJobs'
  | 'listWorkflows'
  | 'listWorkflowRuns'
  | 'listRunArtifacts'
  | 'downloadArtifact'
  | 'artifactBlob'
  | 'listRepoArtifacts'
  | 'createCheckRun'
  | 'updateCheckRun'
  | ConversationRoute;

const CONVERSATION_ROUTES = new Set<SimRoute>([
  'listComments',
  'createComment',
  'updateComment',
  'deleteComment',
  'listDeploymentStatuses',
  'createDeploymentStatus',
]);

/** `skip`: let this many requests through first; `times`: then fail this many (default: all). */
export type SimFault = (
  | { type: 'status'; status: 401 | 403 | 404 | 422 | 500 | 502 | 503; message?: string; times?: number }
  | {
      type: 'rate-limit';
      status?: 403 | 429;
      /** Seconds, sent as `retry-after`. */
      retryAfter?: number;
      /** Seconds from now, sent as `x-ratelimit-reset` with `x-ratelimit-remaining: 0`. */
      resetAfter?: number;
      times?: number;
    }
  | { type: 'slow'; delayMs: number; times?: number }
) & { skip?: number };

export interface SimRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
  route: SimRoute | undefined;
  status: number;
}

export interface GitHubSim {
  /** Base URL for GITHUB_API_URL, e.g. http://127.0.0.1:41234 */
  url: string;
  requests: SimRequest[];
  state: SimState;
  /** Makes `route` fail as described (for `times` requests, default every request); undefined clears it. */
  setFault(route: SimRoute, fault: SimFault | undefined): void;
  /**
   * Holds the next `count` answers of `route` until all `count` requests have arrived; each answer
   * is computed when its request arrives. Forces a race: every caller sees the state before any
   * of them could act on it.
   */
  setBarrier(route: SimRoute, count: number): void;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const HTML = 'https://github.com';

interface Matched {
  route: SimRoute;
  owner: string;
  repo: string;
  id?: string;
}

const ROUTES: Array<{ method: string; pattern: RegExp; route: SimRoute }> = [
  { method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)$/, route: 'getRun' },
  { method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/jobs$/, route: 'listJobs' },
  { method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows$/, route: 'listWorkflows' },
  {
    method: 'GET',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/artifacts$/,
    route: 'listRunArtifacts',
  },
  {
    method: 'GET',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts\/(\d+)\/zip$/,
    route: 'downloadArtifact',
  },
  // Where the API redirects artifact downloads to (blob storage, a signed URL in real life).
  { method: 'GET', pattern: /^\/_blobs\/([^/]+)\/([^/]+)\/(\d+)\.zip$/, route: 'artifactBlob' },
  {
    method: 'GET',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/runs$/,
    route: 'listWorkflowRuns',
  },
  { method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts$/, route: 'listRepoArtifacts' },
  { method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, route: 'listComments' },
  { method: 'POST', pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, route: 'createComment' },
  {
    method: 'PATCH',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
    route: 'updateComment',
  },
  {
    method: 'DELETE',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
    route: 'deleteComment',
  },
  {
    method: 'GET',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/,
    route: 'listDeploymentStatuses',
  },
  {
    method: 'POST',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/,
    route: 'createDeploymentStatus',
  },
  { method: 'POST', pattern: /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/, route: 'createCheckRun' },
  { method: 'PATCH', pattern: /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/, route: 'updateCheckRun' },
];

function match(method: string, path: string): Matched | undefined {
  for (const candidate of ROUTES) {
    if (candidate.method !== method) continue;
    const found = candidate.pattern.exec(path);
    if (!found) continue;
    const id = found[3] === undefined ? undefined : decodeURIComponent(found[3]);
    return {
      route: candidate.route,
      owner: decodeURIComponent(found[1]!),
      repo: decodeURIComponent(found[2]!),
      ...(id === undefined ? {} : { id }),
    };
  }
  return undefined;
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

function fail(status: number, message: string, documentationUrl = DOCS): HttpAnswer {
  return new HttpAnswer(status, { message, documentation_url: documentationUrl, status: String(status) });
}

const STATUS_MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  500: 'Internal Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

function pageOf<T>(
  items: T[],
  query: Record<string, string>,
  baseUrl: string,
  path: string,
): { slice: T[]; link?: string } {
  const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30));
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const linkTo = (target: number, rel: string): string => {
    const params = new URLSearchParams({ ...query, per_page: String(perPage), page: String(target) });
    return `<${baseUrl}${path}?${params.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(linkTo(page - 1, 'prev'));
  if (page < last) links.push(linkTo(page + 1, 'next'), linkTo(last, 'last'));
  if (page > 1) links.push(linkTo(1, 'first'));
  return links.length === 0 ? { slice } : { slice, link: links.join(', ') };
}

function runJson(owner: string, repo: string, run: SimRun, baseUrl: string): Record<string, unknown> {
  return {
    id: run.id,
    name: run.name,
    node_id: `WFR_${run.id}`,
    head_branch: run.head_branch,
    head_sha: run.head_sha,
    path: run.path,
    display_title: `${run.name} on ${run.head_branch}`,
    run_number: run.id % 10_000,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflow_id,
    url: `${baseUrl}/repos/${owner}/${repo}/actions/runs/${run.id}`,
    html_url: `${HTML}/${owner}/${repo}/actions/runs/${run.id}`,
    jobs_url: `${baseUrl}/repos/${owner}/${repo}/actions/runs/${run.id}/jobs`,
    created_at: run.created_at,
    updated_at: run.created_at,
    run_attempt: run.run_attempt,
    run_started_at: run.created_at,
    head_commit: { id: run.head_sha, message: 'commit', timestamp: run.created_at },
    repository: { full_name: `${owner}/${repo}` },
  };
}

function jobJson(owner: string, repo: string, run: SimRun, job: SimJob): Record<string, unknown> {
  return {
    id: job.id,
    run_id: run.id,
    run_attempt: run.run_attempt,
    node_id: `CR_${job.id}`,
    head_sha: run.head_sha,
    head_branch: run.head_branch,
    html_url: `${HTML}/${owner}/${repo}/actions/runs/${run.id}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: run.created_at,
    started_at: run.created_at,
    completed_at: job.status === 'completed' ? run.created_at : null,
    name: job.name,
    steps: [],
    labels: ['ubuntu-latest'],
    workflow_name: run.name,
  };
}

function workflowJson(owner: string, repo: string, workflow: SimWorkflow): Record<string, unknown> {
  return {
    id: workflow.id,
    node_id: `W_${workflow.id}`,
    name: workflow.name,
    path: workflow.path,
    state: 'active',
    html_url: `${HTML}/${owner}/${repo}/blob/main/${workflow.path}`,
    badge_url: `${HTML}/${owner}/${repo}/workflows/${encodeURIComponent(workflow.name)}/badge.svg`,
  };
}

function checkRunJson(check: SimCheckRun, baseUrl: string): Record<string, unknown> {
  const { owner, repo, ...rest } = check;
  delete (rest as Partial<SimCheckRun>).annotations;
  return {
    ...rest,
    url: `${baseUrl}/repos/${owner}/${repo}/check-runs/${check.id}`,
    app: { slug: 'github-actions' },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SUMMARY_LIMIT = 65_535;

// Validates an `output` object the way GitHub does, so tests fail on what GitHub would refuse.
function applyOutput(check: SimCheckRun, output: unknown): HttpAnswer | undefined {
  if (output === undefined) return undefined;
  if (!isRecord(output) || typeof output.title !== 'string' || typeof output.summary !== 'string') {
    return fail(422, 'Invalid request.\n\nFor \'properties/output\', "title" and "summary" are required.');
  }
  for (const key of ['summary', 'text'] as const) {
    const value = output[key];
    if (typeof value === 'string' && Buffer.byteLength(value, 'utf8') > SUMMARY_LIMIT) {
      return fail(
        422,
        `Invalid request.\n\nOnly ${SUMMARY_LIMIT} characters are allowed; ${Buffer.byteLength(value)} were supplied. (output.${key})`,
      );
    }
  }
  const annotations = output.annotations ?? [];
  if (!Array.isArray(annotations)) return fail(422, 'Invalid request.\n\nannotations must be an array');
  if (annotations.length > 50)
    return fail(422, 'Invalid request.\n\nOnly 50 annotations are allowed per request.');
  const accepted: SimAnnotation[] = [];
  for (const annotation of annotations as unknown[]) {
    if (
      !isRecord(annotation) ||
      typeof annotation.path !== 'string' ||
      typeof annotation.start_line !== 'number' ||
      typeof annotation.end_line !== 'number' ||
      typeof annotation.message !== 'string' ||
      !['notice', 'warning', 'failure'].includes(String(annotation.annotation_level))
    ) {
      return fail(
        422,
        'Invalid request.\n\nannotation is missing path, start_line, end_line, annotation_level or message',
      );
    }
    if (typeof annotation.title === 'string' && [...annotation.title].length > 255) {
      return fail(422, 'Invalid request.\n\nannotation title is too long (maximum is 255 characters)');
    }
    for (const key of ['message', 'raw_details'] as const) {
      const value = annotation[key];
      if (typeof value === 'string' && Buffer.byteLength(value) > 65_536)
        return fail(422, `Invalid request.\n\nannotation ${key} is too long (maximum is 64 KB)`);
    }
    accepted.push(annotation as unknown as SimAnnotation);
  }
  check.output = {
    title: output.title,
    summary: output.summary,
    text: typeof output.text === 'string' ? output.text : check.output.text,
    annotations_count: check.output.annotations_count + accepted.length,
  };
  // Later updates append annotations, as on GitHub.
  check.annotations.push(...accepted);
  return undefined;
}

function applyCheckFields(check: SimCheckRun, body: Record<string, unknown>): HttpAnswer | undefined {
  if (typeof body.status === 'string') {
    if (!['queued', 'in_progress', 'completed'].includes(body.status))
      return fail(422, `Invalid request.\n\nstatus "${body.status}" is not a member of the enum`);
    check.status = body.status;
  }
  if (typeof body.conclusion === 'string') {
    check.conclusion = body.conclusion;
    check.status = 'completed';
  }
  if (check.status === 'completed' && check.conclusion === null)
    return fail(422, 'Invalid request.\n\n"conclusion" is required when status is completed');
  if (typeof body.details_url === 'string') check.details_url = body.details_url;
  if (typeof body.started_at === 'string') check.started_at = body.started_at;
  if (typeof body.completed_at === 'string') check.completed_at = body.completed_at;
  if (typeof body.name === 'string') check.name = body.name;
  return applyOutput(check, body.output);
}

function handle(
  state: SimState,
  matched: Matched,
  method: string,
  query: Record<string, string>,
  body: unknown,
  baseUrl: string,
  path: string,
): HttpAnswer {
  const fullName = `${matched.owner}/${matched.repo}`;
  const repository = state.repositories[fullName];
  if (CONVERSATION_ROUTES.has(matched.route)) {
    const where = { owner: matched.owner, repo: matched.repo, id: matched.id ?? '' };
    const answer = handleConversation(state, matched.route as ConversationRoute, where, query, body, baseUrl);
    return new HttpAnswer(answer.status, answer.body);
  }
  switch (matched.route) {
    case 'getRun': {
      const run = repository?.runs.find((candidate) => String(candidate.id) === matched.id);
      if (!repository || !run)
        return fail(404, 'Not Found', `${DOCS}/actions/workflow-runs#get-a-workflow-run`);
      return new HttpAnswer(200, runJson(matched.owner, matched.repo, run, baseUrl));
    }
    case 'listJobs': {
      const run = repository?.runs.find((candidate) => String(candidate.id) === matched.id);
      if (!repository || !run)
        return fail(404, 'Not Found', `${DOCS}/actions/workflow-jobs#list-jobs-for-a-workflow-run`);
      const { slice, link } = pageOf(run.jobs, query, baseUrl, path);
      return new HttpAnswer(
        200,
        {
          total_count: run.jobs.length,
          jobs: slice.map((job) => jobJson(matched.owner, matched.repo, run, job)),
        },
        link ? { link } : {},
      );
    }
    case 'listWorkflows': {
      if (!repository) return fail(404, 'Not Found', `${DOCS}/actions/workflows#list-repository-workflows`);
      const { slice, link } = pageOf(repository.workflows, query, baseUrl, path);
      return new HttpAnswer(
        200,
        {
          total_count: repository.workflows.length,
          workflows: slice.map((workflow) => workflowJson(matched.owner, matched.repo, workflow)),
        },
        link ? { link } : {},
      );
    }
    case 'listWorkflowRuns': {
      const key = matched.id ?? '';
      const workflow = repository?.workflows.find(
        (candidate) => String(candidate.id) === key || candidate.path.split('/').pop() === key,
      );
      if (!repository || !workflow)
        return fail(404, 'Not Found', `${DOCS}/actions/workflow-runs#list-workflow-runs-for-a-workflow`);
      const runs = repository.runs
        .filter((run) => run.workflow_id === workflow.id)
        .filter((run) => query.branch === undefined || run.head_branch === query.branch)
        .filter((run) => query.event === undefined || run.event === query.event)
        .filter(
          (run) =>
            query.status === undefined || run.status === query.status || run.conclusion === query.status,
        )
        .sort((a, b) => b.created_at.localeCompare(a.created_at));
      const { slice, link } = pageOf(runs, query, baseUrl, path);
      return new HttpAnswer(
        200,
        {
          total_count: runs.length,
          workflow_runs: slice.map((run) => runJson(matched.owner, matched.repo, run, baseUrl)),
        },
        link ? { link } : {},
      );
    }
    case 'listRunArtifacts': {
      const artifacts = (repository?.artifacts ?? [])
        .filter((artifact) => String(artifact.run_id) === matched.id)
        .filter((artifact) => query.name === undefined || artifact.name === query.name);
      return new HttpAnswer(200, {
        total_count: artifacts.length,
        artifacts: artifacts.map((artifact) => ({
          id: artifact.id,
          name: artifact.name,
          size_in_bytes: artifact.zip.length,
          expired: artifact.expired,
          archive_download_url: `${baseUrl}/repos/${fullName}/actions/artifacts/${artifact.id}/zip`,
          workflow_run: { id: artifact.run_id },
        })),
      });
    }
    case 'listRepoArtifacts': {
      const artifacts = (repository?.artifacts ?? [])
        .filter((artifact) => query.name === undefined || artifact.name === query.name)
        .sort((a, b) => b.id - a.id);
      const { slice, link } = pageOf(artifacts, query, baseUrl, path);
      return new HttpAnswer(
        200,
        {
          total_count: artifacts.length,
          artifacts: slice.map((artifact) => {
            const run = repository?.runs.find((candidate) => candidate.id === artifact.run_id);
            return {
              id: artifact.id,
              name: artifact.name,
              size_in_bytes: artifact.zip.length,
              expired: artifact.expired,
              archive_download_url: `${baseUrl}/repos/${fullName}/actions/artifacts/${artifact.id}/zip`,
              workflow_run: { id: artifact.run_id, head_branch: run?.head_branch ?? 'main' },
            };
          }),
        },
        link ? { link } : {},
      );
    }
    case 'downloadArtifact': {
      const artifact = repository?.artifacts?.find((candidate) => String(candidate.id) === matched.id);
      if (!artifact) return fail(404, 'Not Found', `${DOCS}/actions/artifacts#download-an-artifact`);
      if (artifact.expired) return fail(410, 'Artifact has expired');
      return new HttpAnswer(302, '', { location: `${baseUrl}/_blobs/${fullName}/${artifact.id}.zip` });
    }
    case 'artifactBlob': {
      const artifact = repository?.artifacts?.find((candidate) => String(candidate.id) === matched.id);
      if (!artifact) return fail(404, 'BlobNotFound');
      return new HttpAnswer(200, artifact.zip, { 'content-type': 'application/zip' });
    }
    case 'createCheckRun': {
      if (!isRecord(body) || typeof body.name !== 'string' || typeof body.head_sha !== 'string') {
        return fail(
          422,
          'Invalid request.\n\n"name" and "head_sha" are required.',
          `${DOCS}/checks/runs#create-a-check-run`,
        );
      }
      if (!/^[0-9a-f]{40}$/.test(body.head_sha))
        return fail(
          422,
          `No commit found for SHA: ${body.head_sha}`,
          `${DOCS}/checks/runs#create-a-check-run`,
        );
      const id = simId();
      const check: SimCheckRun = {
        id,
        owner: matched.owner,
        repo: matched.repo,
        name: body.name,
        head_sha: body.head_sha,
        status: 'queued',
        conclusion: null,
        details_url: null,
        started_at: null,
        completed_at: null,
        output: { title: null, summary: null, text: null, annotations_count: 0 },
        annotations: [],
        html_url: `${HTML}/${fullName}/runs/${id}`,
      };
      const problem = applyCheckFields(check, body);
      if (problem) return problem;
      state.checkRuns.set(id, check);
      return new HttpAnswer(201, checkRunJson(check, baseUrl));
    }
    case 'updateCheckRun': {
      const check = state.checkRuns.get(Number(matched.id));
      if (!check || check.owner !== matched.owner || check.repo !== matched.repo)
        return fail(404, 'Not Found', `${DOCS}/checks/runs#update-a-check-run`);
      if (!isRecord(body)) return fail(400, 'Problems parsing JSON');
      // Validate on a copy so a refused update changes nothing, as on GitHub.
      const draft: SimCheckRun = structuredClone(check);
      const problem = applyCheckFields(draft, body);
      if (problem) return problem;
      Object.assign(check, draft);
      return new HttpAnswer(200, checkRunJson(check, baseUrl));
    }
    default:
      return fail(404, 'Not Found');
  }
}

function faultAnswer(fault: SimFault): HttpAnswer | undefined {
  if (fault.type === 'status')
    return fail(fault.status, fault.message ?? STATUS_MESSAGES[fault.status] ?? 'Error');
  if (fault.type === 'rate-limit') {
    const status = fault.status ?? 403;
    const headers: Record<string, string> = { 'x-ratelimit-limit': '1000', 'x-ratelimit-resource': 'core' };
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
    if (fault.resetAfter !== undefined) {
      headers['x-ratelimit-remaining'] = '0';
      headers['x-ratelimit-used'] = '1000';
      headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000) + fault.resetAfter);
    }
    const message =
      status === 429 || fault.resetAfter === undefined
        ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
        : 'API rate limit exceeded for installation ID 4242.';
    const answer = fail(
      status,
      message,
      'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api',
    );
    return new HttpAnswer(answer.status, answer.body, headers);
  }
  return undefined;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function send(response: ServerResponse, answer: HttpAnswer): void {
  if (Buffer.isBuffer(answer.body) || answer.status === 302 || answer.status === 204) {
    response.writeHead(answer.status, answer.headers);
    response.end(Buffer.isBuffer(answer.body) ? answer.body : undefined);
    return;
  }
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-api-version-selected': '2022-11-28',
    ...answer.headers,
  });
  response.end(text);
}

/** Starts the simulator on a free port of 127.0.0.1. It never keeps the test process alive. */
export async function startGitHubSim(state: SimState): Promise<GitHubSim> {
  const requests: SimRequest[] = [];
  const faults = new Map<SimRoute, SimFault>();
  const barriers = new Map<
    SimRoute,
    { left: number; arrived: number; release: Promise<void>; open: () => void }
  >();
  let baseUrl = '';

  const server: Server = createServer((request, response) => {
    void (async (): Promise<void> => {
      const url = new URL(request.url ?? '/', baseUrl);
      const method = request.method ?? 'GET';
      const body = await readBody(request);
      const query = Object.fromEntries(url.searchParams.entries());
      const authorization = request.headers.authorization;
      const matched = match(method, url.pathname);
      const record: SimRequest = {
        method,
        path: url.pathname,
        query,
        body,
        authorization,
        route: matched?.route,
        status: 0,
      };
      requests.push(record);

      let answer: HttpAnswer;
      const token = /^(?:token|bearer) (.+)$/i.exec(authorization ?? '')?.[1];
      const fault = matched ? faults.get(matched.route) : undefined;
      // Blob storage is reached through a signed URL, not the token.
      if (token !== state.token && matched?.route !== 'artifactBlob') {
        answer = fail(401, 'Bad credentials');
      } else if (!matched) {
        answer = fail(404, 'Not Found');
      } else {
        let active = fault;
        if (fault?.skip !== undefined && fault.skip > 0) {
          fault.skip -= 1;
          active = undefined;
        } else if (fault?.times !== undefined) {
          fault.times -= 1;
          if (fault.times <= 0) faults.delete(matched.route);
        }
        if (active?.type === 'slow')
          await new Promise((resolve) => setTimeout(resolve, active.delayMs).unref());
        answer =
          (active && faultAnswer(active)) ??
          handle(state, matched, method, query, body, baseUrl, url.pathname);
      }
      record.status = answer.status;
      const barrier = matched ? barriers.get(matched.route) : undefined;
      if (barrier && matched) {
        barrier.arrived += 1;
        if (barrier.arrived >= barrier.left) {
          barriers.delete(matched.route);
          barrier.open();
        }
        // A safety net only: a caller that never comes must not hang the test.
        await Promise.race([barrier.release, new Promise((resolve) => setTimeout(resolve, 20_000).unref())]);
      }
      if (!response.destroyed) send(response, answer);
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    requests,
    state,
    setFault: (route, fault) => {
      if (fault === undefined) faults.delete(route);
      else faults.set(route, { ...fault });
    },
    setBarrier: (route, count) => {
      let open = (): void => {};
      const release = new Promise<void>((resolve) => (open = resolve));
      barriers.set(route, { left: count, arrived: 0, release, open });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
