// The heavy half of the github probe: loaded only when a gate has a `github:` check.
import {
  createGitHubClient,
  gitHubRequest,
  inspectGitHubError,
  parseRepository,
  realTiming,
} from '../../github/client.js';
import type {
  GitHubClient,
  GitHubRequestOptions,
  GitHubTiming,
  RateLimitContext,
  RepositoryRef,
} from '../../github/client.js';
import { ProbeError } from '../probe.js';
import type { Fields, ProbeCall, ProbeEnvironment, ProbeSession } from '../probe.js';
import { describeFailure, listSome, rankBySimilarity, type CallContext } from './messages.js';
import type { GitHubSpec } from './schema.js';

/** Test seams for {@link openGitHubSession}. */
export interface GitHubSessionOptions {
  timing?: GitHubTiming;
}

interface WorkflowRun {
  id: number;
  name?: string | null;
  html_url: string;
  head_sha: string;
  head_branch: string | null;
  event: string;
  status: string | null;
  conclusion: string | null;
  run_attempt?: number;
}

interface WorkflowJob {
  name: string;
  status: string;
  conclusion: string | null;
  html_url: string | null;
}

/** Sends one API call with the `request` option it is given. */
type Api = <T>(context: CallContext, request: (options: GitHubRequestOptions) => Promise<T>) => Promise<T>;

const PER_PAGE = 100;
/** Answers that trying again cannot change within a gate: 401, 403 (permissions), 404. */
const FINAL_STATUSES = new Set([401, 403, 404]);
// A run with more than 5,000 jobs is beyond anything GitHub allows (256 per matrix); stop there.
const MAX_PAGES = 50;

/** Opens the Octokit a gate's github checks share. */
export async function openGitHubSession(
  environment: ProbeEnvironment,
  options: GitHubSessionOptions = {},
): Promise<ProbeSession<GitHubSpec>> {
  const token = environment.githubToken ?? '';
  if (token.trim() === '') {
    throw new ProbeError(
      'no GitHub token for the github check: set the `github-token` input (default `${{ github.token }}`) and give the job `permissions: { actions: read }`',
      { retryable: false },
    );
  }
  environment.addSecret(token);
  const timing = options.timing ?? realTiming;
  const octokit = createGitHubClient(token, environment.env, { timing });
  const session = new GitHubSession(octokit, environment, timing, token);
  return Promise.resolve({
    run: (call) => session.run(call),
    close: () => Promise.resolve(),
  });
}

class GitHubSession {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly environment: ProbeEnvironment,
    private readonly timing: GitHubTiming,
    private readonly token: string,
  ) {}

  async run(call: ProbeCall<GitHubSpec>): Promise<Fields> {
    const spec = call.spec;
    const repository = this.repositoryOf(spec);
    const deadline = this.timing.now() + call.timeoutMs;
    const api: Api = (context, request) => this.call(context, call, deadline, request);

    let run: WorkflowRun;
    if (spec.target === 'workflow') {
      run = await this.latestCompletedRun(spec, repository, api);
    } else {
      const id = spec.target === 'run' ? spec.run : this.currentRunId();
      run = await this.getRun(id, repository, api, spec.target === 'current');
    }
    const job = spec.job === undefined ? undefined : await this.findJob(run, spec.job, repository, api);
    this.environment.debug(
      `github: run ${run.id} ${run.status ?? '?'}/${run.conclusion ?? '-'}${job ? `, job "${job.name}" ${job.status}/${job.conclusion ?? '-'}` : ''}`,
    );
    return {
      status: job ? job.status : (run.status ?? null),
      conclusion: job ? job.conclusion : run.conclusion,
      run_id: run.id,
      run_url: run.html_url,
      head_sha: run.head_sha,
      workflow: run.name ?? null,
      job: job?.name ?? null,
      job_url: job?.html_url ?? null,
      run_attempt: run.run_attempt ?? null,
      branch: run.head_branch,
      event: run.event,
    };
  }

  private repositoryOf(spec: GitHubSpec): RepositoryRef {
    const [value, origin] =
      spec.repository !== undefined
        ? [spec.repository, 'repository']
        : this.environment.sources.github.repository
          ? [this.environment.sources.github.repository, 'sources.github.repository']
          : [this.environment.env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY'];
    try {
      return parseRepository(value, origin);
    } catch (error) {
      throw new ProbeError(error instanceof Error ? error.message : String(error), { retryable: false });
    }
  }

  private currentRunId(): number {
    const value = this.environment.env.GITHUB_RUN_ID ?? '';
    if (!/^\d+$/.test(value)) {
      throw new ProbeError(
        '`github: { job }` alone reads the current workflow run, but GITHUB_RUN_ID is not set (not running in GitHub Actions?); give `run:` or `workflow:` as well',
        { retryable: false },
      );
    }
    return Number(value);
  }

  private async getRun(
    id: number,
    repository: RepositoryRef,
    api: Api,
    current: boolean,
  ): Promise<WorkflowRun> {
    const name = `${repository.owner}/${repository.repo}`;
    const response = await api(
      {
        what: `reading workflow run ${id} of ${name}`,
        notFound: current
          ? `the current workflow run ${id} was not found in ${name} (404): the token cannot see it; check \`repository:\` / sources.github.repository`
          : `workflow run ${id} not found in ${name} (404): the run id is wrong, or the token cannot see the repository (a token of another repository needs access to ${name})`,
      },
      (request) => this.octokit.rest.actions.getWorkflowRun({ ...repository, run_id: id, request }),
    );
    return response.data;
  }

  private async latestCompletedRun(
    spec: Extract<GitHubSpec, { target: 'workflow' }>,
    repository: RepositoryRef,
    api: Api,
  ): Promise<WorkflowRun> {
    const name = `${repository.owner}/${repository.repo}`;
    const workflowId = await this.resolveWorkflow(spec.workflow, repository, api);
    const filters = [spec.branch && `on branch ${spec.branch}`, spec.event && `for event ${spec.event}`]
      .filter(Boolean)
      .join(' ');
    const response = await api(
      {
        what: `listing runs of workflow ${spec.workflow} in ${name}`,
        notFound: `workflow ${spec.workflow} not found in ${name} (404): check the file name under .github/workflows, or the token cannot see the repository`,
      },
      (request) =>
        this.octokit.rest.actions.listWorkflowRuns({
          ...repository,
          workflow_id: workflowId,
          status: 'completed',
          per_page: 1,
          ...(spec.branch === undefined ? {} : { branch: spec.branch }),
          ...(spec.event === undefined ? {} : { event: spec.event }),
          request,
        }),
    );
    const run = response.data.workflow_runs[0];
    if (run === undefined) {
      throw new ProbeError(
        `no completed run of workflow ${spec.workflow}${filters ? ` ${filters}` : ''} in ${name}`,
      );
    }
    return run;
  }

  /** A file name (`deploy.yml`, `.github/workflows/deploy.yml`) or id goes straight to the API; a display name is looked up. */
  private async resolveWorkflow(
    workflow: string,
    repository: RepositoryRef,
    api: Api,
  ): Promise<string | number> {
    if (/^\d+$/.test(workflow)) return Number(workflow);
    if (/\.ya?ml$/i.test(workflow)) return workflow.split('/').pop() ?? workflow;
    const name = `${repository.owner}/${repository.repo}`;
    const all: Array<{ id: number; name: string; path: string }> = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const response = await api(
        {
          what: `listing the workflows of ${name}`,
          notFound: `${name} not found (404) while looking up workflow "${workflow}": the repository name is wrong, or the token cannot see it`,
        },
        (request) =>
          this.octokit.rest.actions.listRepoWorkflows({
            ...repository,
            per_page: PER_PAGE,
            page,
            request,
          }),
      );
      all.push(...response.data.workflows);
      const exact = response.data.workflows.find((candidate) => candidate.name === workflow);
      if (exact) return exact.id;
      if (!hasNextPage(response.headers.link)) break;
    }
    const folded = all.filter((candidate) => candidate.name.toLowerCase() === workflow.toLowerCase());
    if (folded.length === 1 && folded[0]) return folded[0].id;
    const known = all.map(
      (candidate) => `"${candidate.name}" (${candidate.path.split('/').pop() ?? candidate.path})`,
    );
    throw new ProbeError(
      `workflow "${workflow}" not found in ${name}; ${known.length === 0 ? 'it has no workflows the token can see' : `workflows: ${listSome(known)}`} — give the file name (deploy.yml) or the name shown in the Actions tab`,
      { retryable: false },
    );
  }

  private async findJob(
    run: WorkflowRun,
    wanted: string,
    repository: RepositoryRef,
    api: Api,
  ): Promise<WorkflowJob> {
    const name = `${repository.owner}/${repository.repo}`;
    const seen: WorkflowJob[] = [];
    let total = 0;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const response = await api(
        {
          what: `listing the jobs of workflow run ${run.id} of ${name}`,
          notFound: `the jobs of workflow run ${run.id} were not found in ${name} (404): the token cannot see the run`,
        },
        (request) =>
          this.octokit.rest.actions.listJobsForWorkflowRun({
            ...repository,
            run_id: run.id,
            filter: 'latest',
            per_page: PER_PAGE,
            page,
            request,
          }),
      );
      total = response.data.total_count;
      const exact = response.data.jobs.find((job) => job.name === wanted);
      if (exact) return exact;
      seen.push(...response.data.jobs);
      if (!hasNextPage(response.headers.link)) break;
    }
    const folded = seen.filter((job) => job.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (folded.length === 1 && folded[0]) return folded[0];
    const names = rankBySimilarity([...new Set(seen.map((job) => job.name))], wanted).map(
      (jobName) => `"${jobName}"`,
    );
    throw new ProbeError(
      `job "${wanted}" not found in workflow run ${run.id} of ${name} (${total} job${total === 1 ? '' : 's'})${names.length > 0 ? `; jobs include ${listSome(names)}` : ''} — use the job's name as shown in the run (matrix jobs look like "test (ubuntu-latest, 20)")`,
    );
  }

  /** Sends one request; the client waits out rate limits until `deadline` (see github/rate-limit.ts). */
  private async call<T>(
    context: CallContext,
    call: ProbeCall<GitHubSpec>,
    deadline: number,
    request: (options: GitHubRequestOptions) => Promise<T>,
  ): Promise<T> {
    const limits: RateLimitContext = { what: context.what, signal: call.signal, deadline };
    try {
      return await request(gitHubRequest(limits));
    } catch (error) {
      // A rejected token, a missing permission or a run that does not exist stays so: no retrying.
      const retryable = !FINAL_STATUSES.has(inspectGitHubError(error).status ?? 0);
      throw new ProbeError(
        this.scrub(
          describeFailure(error, context, limits, call.timeoutMs, call.signal.aborted, this.environment.env),
        ),
        { retryable },
      );
    }
  }

  private scrub(message: string): string {
    return this.token.length >= 4 ? message.split(this.token).join('***') : message;
  }
}

function hasNextPage(link: string | undefined): boolean {
  return link !== undefined && /rel="next"/.test(link);
}
