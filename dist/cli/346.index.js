export const id = 346;
export const ids = [346];
export const modules = {

/***/ 1346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openGitHubSession: () => (/* binding */ openGitHubSession)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/github/repository.ts
var repository = __webpack_require__(651);
;// CONCATENATED MODULE: ./src/github/http-error.ts
const MAX_MESSAGE = 200;
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null;
}
/**
 * Reads an error thrown by Octokit (a RequestError, an AbortError or anything else). Only the
 * response body's `message` is kept: Octokit's own message appends the documentation URL, and its
 * `request` holds the (redacted) authorization header, neither of which belongs in a report.
 */
function inspectGitHubError(error) {
    if (!isRecord(error))
        return { status: undefined, headers: {}, message: oneLine(String(error)), aborted: false };
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
        const cause = isRecord(error.cause) && typeof error.cause.message === 'string' ? error.cause.message : undefined;
        const text = typeof error.message === 'string' ? error.message : 'unknown error';
        return { status: undefined, headers: {}, message: oneLine(cause ?? text), aborted: false };
    }
    const status = typeof response.status === 'number'
        ? response.status
        : typeof error.status === 'number'
            ? error.status
            : undefined;
    const headers = {};
    if (isRecord(response.headers)) {
        for (const [key, value] of Object.entries(response.headers)) {
            if (typeof value === 'string' || typeof value === 'number')
                headers[key.toLowerCase()] = String(value);
        }
    }
    const data = response.data;
    let message = '';
    if (isRecord(data) && typeof data.message === 'string')
        message = data.message;
    else if (typeof data === 'string' && !/^\s*</.test(data))
        message = data;
    return { status, headers, message: oneLine(message), aborted: false };
}

;// CONCATENATED MODULE: ./src/github/retry.ts

/** Real time. */
const realTiming = {
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortError());
            return;
        }
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(abortError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
    now: () => Date.now(),
};
function abortError() {
    const error = new Error('the request was cancelled');
    error.name = 'AbortError';
    return error;
}
/** Thrown when GitHub's rate limit outlasts the time a request may take. */
class GitHubRateLimitError extends Error {
    name = 'GitHubRateLimitError';
}
// GitHub's guidance for a secondary limit without headers: wait at least a minute.
const SECONDARY_LIMIT_WAIT_MS = 60_000;
/**
 * How long GitHub asks us to wait before retrying, or undefined when the failure is not rate
 * limiting. Follows GitHub's documented order: `retry-after`, then `x-ratelimit-remaining: 0` with
 * `x-ratelimit-reset`, then a minute for a 429 / secondary limit that names neither.
 */
function rateLimitWaitMs(failure, now) {
    if (failure.status !== 403 && failure.status !== 429)
        return undefined;
    const retryAfter = failure.headers['retry-after'];
    if (retryAfter !== undefined) {
        const seconds = Number(retryAfter);
        if (Number.isFinite(seconds))
            return Math.max(0, seconds * 1000);
        const date = Date.parse(retryAfter);
        if (!Number.isNaN(date))
            return Math.max(0, date - now);
    }
    if (failure.headers['x-ratelimit-remaining'] === '0') {
        const reset = Number(failure.headers['x-ratelimit-reset']);
        // One extra second covers the skew between GitHub's clock and ours.
        if (Number.isFinite(reset))
            return Math.max(0, reset * 1000 - now) + 1000;
        return SECONDARY_LIMIT_WAIT_MS;
    }
    if (failure.status === 429 || /rate limit/i.test(failure.message))
        return SECONDARY_LIMIT_WAIT_MS;
    return undefined;
}
function formatWait(ms) {
    const seconds = Math.ceil(ms / 1000);
    if (seconds < 120)
        return `${seconds}s`;
    const minutes = Math.ceil(seconds / 60);
    return minutes < 120 ? `${minutes}m` : `${Math.round(minutes / 60)}h`;
}
/**
 * Runs `request`; when GitHub answers with rate limiting, waits as asked and tries again while the
 * wait ends before `deadline` and `signal` is not aborted. Any other failure is rethrown unchanged.
 */
async function withRateLimitRetry(request, options) {
    const timing = options.timing ?? realTiming;
    const maxRetries = options.maxRetries ?? 5;
    for (let attempt = 0;; attempt++) {
        try {
            return await request();
        }
        catch (error) {
            const failure = inspectGitHubError(error);
            const now = timing.now();
            const waitMs = rateLimitWaitMs(failure, now);
            if (waitMs === undefined)
                throw error;
            const label = `GitHub API rate limit reached (${failure.status}) while ${options.what}`;
            if (attempt >= maxRetries) {
                throw new GitHubRateLimitError(`${label}, still after ${attempt} waits; try again later or use a token with a higher limit`);
            }
            if (options.deadline !== undefined && now + waitMs > options.deadline) {
                const left = Math.max(0, options.deadline - now);
                throw new GitHubRateLimitError(`${label}: GitHub asks to wait ${formatWait(waitMs)}, longer than the ${formatWait(left)} left for this check; raise its \`timeout\` or run the gate later`);
            }
            if (options.signal?.aborted)
                throw new GitHubRateLimitError(`${label}, and the check's time ran out`);
            try {
                await timing.sleep(waitMs, options.signal);
            }
            catch {
                throw new GitHubRateLimitError(`${label}; the check's time ran out while waiting ${formatWait(waitMs)} for the limit to reset`);
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/github/client.ts




/** The API root: GITHUB_API_URL (GHES, simulators), else github.com. */
function gitHubApiUrl(env) {
    const url = env.GITHUB_API_URL?.trim();
    return (url === undefined || url === '' ? 'https://api.github.com' : url).replace(/\/+$/, '');
}
/**
 * Builds the one Octokit a gate uses. The base URL comes from `env` rather than from
 * `@actions/github`'s import-time default so that tests and callers decide it explicitly.
 */
function createGitHubClient(token, env) {
    if (token.trim() === '') {
        throw new Error('no GitHub token: set the `github-token` input (its default is `${{ github.token }}`)');
    }
    return (0,github/* getOctokit */.Q)(token, {
        baseUrl: gitHubApiUrl(env),
        // Octokit logs deprecations and request warnings to the console; the action reports on its own.
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    });
}

// EXTERNAL MODULE: ./src/probes/probe.ts
var probe = __webpack_require__(6489);
;// CONCATENATED MODULE: ./src/probes/github/session.ts
// The heavy half of the github probe: loaded only when a gate has a `github:` check.


const PER_PAGE = 100;
// A run with more than 5,000 jobs is beyond anything GitHub allows (256 per matrix); stop there.
const MAX_PAGES = 50;
/** Opens the Octokit a gate's github checks share. */
async function openGitHubSession(environment, options = {}) {
    const token = environment.githubToken ?? '';
    if (token.trim() === '') {
        throw new probe/* ProbeError */.B('no GitHub token for the github check: set the `github-token` input (default `${{ github.token }}`) and give the job `permissions: { actions: read }`');
    }
    environment.addSecret(token);
    const octokit = createGitHubClient(token, environment.env);
    const session = new GitHubSession(octokit, environment, options.timing ?? realTiming, token);
    return Promise.resolve({
        run: (call) => session.run(call),
        close: () => Promise.resolve(),
    });
}
class GitHubSession {
    octokit;
    environment;
    timing;
    token;
    constructor(octokit, environment, timing, token) {
        this.octokit = octokit;
        this.environment = environment;
        this.timing = timing;
        this.token = token;
    }
    async run(call) {
        const spec = call.spec;
        const repository = this.repositoryOf(spec);
        const deadline = this.timing.now() + call.timeoutMs;
        const api = (context, request) => this.call(context, call, deadline, request);
        let run;
        if (spec.target === 'workflow') {
            run = await this.latestCompletedRun(spec, repository, api, call.signal);
        }
        else {
            const id = spec.target === 'run' ? spec.run : this.currentRunId();
            run = await this.getRun(id, repository, api, call.signal, spec.target === 'current');
        }
        const job = spec.job === undefined ? undefined : await this.findJob(run, spec.job, repository, api, call.signal);
        this.environment.debug(`github: run ${run.id} ${run.status ?? '?'}/${run.conclusion ?? '-'}${job ? `, job "${job.name}" ${job.status}/${job.conclusion ?? '-'}` : ''}`);
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
    repositoryOf(spec) {
        const [value, origin] = spec.repository !== undefined
            ? [spec.repository, 'repository']
            : this.environment.sources.github.repository
                ? [this.environment.sources.github.repository, 'sources.github.repository']
                : [this.environment.env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY'];
        try {
            return (0,repository/* parseRepository */.S)(value, origin);
        }
        catch (error) {
            throw new probe/* ProbeError */.B(error instanceof Error ? error.message : String(error));
        }
    }
    currentRunId() {
        const value = this.environment.env.GITHUB_RUN_ID ?? '';
        if (!/^\d+$/.test(value)) {
            throw new probe/* ProbeError */.B('`github: { job }` alone reads the current workflow run, but GITHUB_RUN_ID is not set (not running in GitHub Actions?); give `run:` or `workflow:` as well');
        }
        return Number(value);
    }
    async getRun(id, repository, api, signal, current) {
        const name = `${repository.owner}/${repository.repo}`;
        const response = await api({
            what: `reading workflow run ${id} of ${name}`,
            notFound: current
                ? `the current workflow run ${id} was not found in ${name} (404): the token cannot see it; check \`repository:\` / sources.github.repository`
                : `workflow run ${id} not found in ${name} (404): the run id is wrong, or the token cannot see the repository (a token of another repository needs access to ${name})`,
        }, () => this.octokit.rest.actions.getWorkflowRun({ ...repository, run_id: id, request: { signal } }));
        return response.data;
    }
    async latestCompletedRun(spec, repository, api, signal) {
        const name = `${repository.owner}/${repository.repo}`;
        const workflowId = await this.resolveWorkflow(spec.workflow, repository, api, signal);
        const filters = [spec.branch && `on branch ${spec.branch}`, spec.event && `for event ${spec.event}`]
            .filter(Boolean)
            .join(' ');
        const response = await api({
            what: `listing runs of workflow ${spec.workflow} in ${name}`,
            notFound: `workflow ${spec.workflow} not found in ${name} (404): check the file name under .github/workflows, or the token cannot see the repository`,
        }, () => this.octokit.rest.actions.listWorkflowRuns({
            ...repository,
            workflow_id: workflowId,
            status: 'completed',
            per_page: 1,
            ...(spec.branch === undefined ? {} : { branch: spec.branch }),
            ...(spec.event === undefined ? {} : { event: spec.event }),
            request: { signal },
        }));
        const run = response.data.workflow_runs[0];
        if (run === undefined) {
            throw new probe/* ProbeError */.B(`no completed run of workflow ${spec.workflow}${filters ? ` ${filters}` : ''} in ${name}`);
        }
        return run;
    }
    /** A file name (`deploy.yml`, `.github/workflows/deploy.yml`) or id goes straight to the API; a display name is looked up. */
    async resolveWorkflow(workflow, repository, api, signal) {
        if (/^\d+$/.test(workflow))
            return Number(workflow);
        if (/\.ya?ml$/i.test(workflow))
            return workflow.split('/').pop() ?? workflow;
        const name = `${repository.owner}/${repository.repo}`;
        const all = [];
        for (let page = 1; page <= MAX_PAGES; page++) {
            const response = await api({
                what: `listing the workflows of ${name}`,
                notFound: `${name} not found (404) while looking up workflow "${workflow}": the repository name is wrong, or the token cannot see it`,
            }, () => this.octokit.rest.actions.listRepoWorkflows({
                ...repository,
                per_page: PER_PAGE,
                page,
                request: { signal },
            }));
            all.push(...response.data.workflows);
            const exact = response.data.workflows.find((candidate) => candidate.name === workflow);
            if (exact)
                return exact.id;
            if (!hasNextPage(response.headers.link))
                break;
        }
        const folded = all.filter((candidate) => candidate.name.toLowerCase() === workflow.toLowerCase());
        if (folded.length === 1 && folded[0])
            return folded[0].id;
        const known = all.map((candidate) => `"${candidate.name}" (${candidate.path.split('/').pop() ?? candidate.path})`);
        throw new probe/* ProbeError */.B(`workflow "${workflow}" not found in ${name}; ${known.length === 0 ? 'it has no workflows the token can see' : `workflows: ${listSome(known)}`} — give the file name (deploy.yml) or the name shown in the Actions tab`);
    }
    async findJob(run, wanted, repository, api, signal) {
        const name = `${repository.owner}/${repository.repo}`;
        const seen = [];
        let total = 0;
        for (let page = 1; page <= MAX_PAGES; page++) {
            const response = await api({
                what: `listing the jobs of workflow run ${run.id} of ${name}`,
                notFound: `the jobs of workflow run ${run.id} were not found in ${name} (404): the token cannot see the run`,
            }, () => this.octokit.rest.actions.listJobsForWorkflowRun({
                ...repository,
                run_id: run.id,
                filter: 'latest',
                per_page: PER_PAGE,
                page,
                request: { signal },
            }));
            total = response.data.total_count;
            const exact = response.data.jobs.find((job) => job.name === wanted);
            if (exact)
                return exact;
            seen.push(...response.data.jobs);
            if (!hasNextPage(response.headers.link))
                break;
        }
        const folded = seen.filter((job) => job.name.trim().toLowerCase() === wanted.trim().toLowerCase());
        if (folded.length === 1 && folded[0])
            return folded[0];
        const names = rankBySimilarity([...new Set(seen.map((job) => job.name))], wanted).map((jobName) => `"${jobName}"`);
        throw new probe/* ProbeError */.B(`job "${wanted}" not found in workflow run ${run.id} of ${name} (${total} job${total === 1 ? '' : 's'})${names.length > 0 ? `; jobs include ${listSome(names)}` : ''} — use the job's name as shown in the run (matrix jobs look like "test (ubuntu-latest, 20)")`);
    }
    async call(context, call, deadline, request) {
        try {
            return await withRateLimitRetry(request, {
                what: context.what,
                signal: call.signal,
                deadline,
                timing: this.timing,
            });
        }
        catch (error) {
            throw new probe/* ProbeError */.B(this.scrub(this.describeFailure(error, context, call.timeoutMs, call.signal.aborted)));
        }
    }
    describeFailure(error, context, timeoutMs, aborted) {
        if (error instanceof GitHubRateLimitError)
            return error.message;
        const failure = inspectGitHubError(error);
        const said = failure.message ? ` "${failure.message}"` : '';
        if (failure.aborted || aborted)
            return `timed out after ${timeoutMs < 1000 ? `${timeoutMs}ms` : `${Math.round(timeoutMs / 1000)}s`} while ${context.what}`;
        switch (failure.status) {
            case undefined:
                return `could not reach the GitHub API at ${gitHubApiUrl(this.environment.env)} while ${context.what}: ${failure.message}`;
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
    scrub(message) {
        return this.token.length >= 4 ? message.split(this.token).join('***') : message;
    }
}
function hasNextPage(link) {
    return link !== undefined && /rel="next"/.test(link);
}
function listSome(items, limit = 5) {
    const shown = items.slice(0, limit).join(', ');
    return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}
// Names that share a word with the wanted one first, so a near miss is in the short list.
function rankBySimilarity(names, wanted) {
    const words = wanted
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((word) => word.length > 1);
    const score = (name) => {
        const lower = name.toLowerCase();
        return words.filter((word) => lower.includes(word)).length;
    };
    return [...names].sort((a, b) => score(b) - score(a));
}


/***/ })

};
