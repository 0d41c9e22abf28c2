export const id = 420;
export const ids = [420,584];
export const modules = {

/***/ 96584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient),
/* harmony export */   gitHubApiUrl: () => (/* binding */ gitHubApiUrl),
/* harmony export */   gitHubRequest: () => (/* binding */ gitHubRequest),
/* harmony export */   inspectGitHubError: () => (/* reexport safe */ _http_error_js__WEBPACK_IMPORTED_MODULE_3__.K),
/* harmony export */   parseRepository: () => (/* reexport safe */ _repository_js__WEBPACK_IMPORTED_MODULE_2__.S),
/* harmony export */   rateLimitMessage: () => (/* reexport safe */ _rate_limit_js__WEBPACK_IMPORTED_MODULE_1__.zt),
/* harmony export */   realTiming: () => (/* reexport safe */ _rate_limit_js__WEBPACK_IMPORTED_MODULE_1__.$u)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(11758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(86856);
/* harmony import */ var _rate_limit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57403);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90651);
/* harmony import */ var _http_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60232);
// The one place the GitHub client is built: @actions/github's Octokit with Octokit's own retry and
// throttling plugins, tuned so that a gate's deadline and abort signal still rule every wait.







/** Builds a call's `request` option; `resend: false` for a call that must not be sent twice. */
function gitHubRequest(context, resend = true) {
    return {
        ...(context.signal ? { signal: context.signal } : {}),
        rateLimit: context,
        ...(resend ? {} : { retries: 0 }),
    };
}
/** The API root: GITHUB_API_URL (GHES, simulators), else github.com. */
function gitHubApiUrl(env) {
    const url = env.GITHUB_API_URL?.trim();
    return (url === undefined || url === '' ? 'https://api.github.com' : url).replace(/\/+$/, '');
}
// Client errors are answers, not accidents; 403/429 belong to the throttling plugin.
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/**
 * Builds the one Octokit a gate uses. The base URL comes from `env` rather than from
 * `@actions/github`'s import-time default so that tests and callers decide it explicitly.
 */
function createGitHubClient(token, env, options = {}) {
    if (token.trim() === '') {
        throw new Error('no GitHub token: set the `github-token` input (its default is `${{ github.token }}`)');
    }
    const onLimit = (0,_rate_limit_js__WEBPACK_IMPORTED_MODULE_1__/* .rateLimitHandler */ .IY)({
        timing: options.timing ?? _rate_limit_js__WEBPACK_IMPORTED_MODULE_1__/* .realTiming */ .$u,
        maxWaits: options.maxRateLimitWaits ?? 5,
        defaultBudgetMs: options.rateLimitBudgetMs ?? 60_000,
    });
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: gitHubApiUrl(env),
        // Octokit logs deprecations and request warnings to the console; the action reports on its own.
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
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
    }, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__/* .throttling */ .A, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_5__/* .retry */ .L);
}


/***/ }),

/***/ 60232:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ inspectGitHubError)
/* harmony export */ });
/* harmony import */ var _shared_guards_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62675);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24646);


const MAX_MESSAGE = 200;
/**
 * Reads an error thrown by Octokit (a RequestError, an AbortError or anything else). Only the
 * response body's `message` is kept: Octokit's own message appends the documentation URL, and its
 * `request` holds the (redacted) authorization header, neither of which belongs in a report.
 */
function inspectGitHubError(error) {
    if (!(0,_shared_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(error))
        return { status: undefined, headers: {}, message: (0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(String(error), MAX_MESSAGE), aborted: false };
    const name = typeof error.name === 'string' ? error.name : '';
    if (name === 'AbortError' || name === 'TimeoutError') {
        return { status: undefined, headers: {}, message: 'the request was cancelled', aborted: true };
    }
    const causeName = (0,_shared_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(error.cause) && typeof error.cause.name === 'string' ? error.cause.name : '';
    // Octokit passes an AbortError through but wraps a TimeoutError (AbortSignal.timeout) as a 500.
    if (causeName === 'AbortError' || causeName === 'TimeoutError') {
        return { status: undefined, headers: {}, message: 'the request was cancelled', aborted: true };
    }
    const response = (0,_shared_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(error.response) ? error.response : undefined;
    if (response === undefined) {
        // Octokit reports a failed fetch as status 500 without a response; that is not GitHub's 500.
        const cause = (0,_shared_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(error.cause) && typeof error.cause.message === 'string' ? error.cause.message : undefined;
        const text = typeof error.message === 'string' ? error.message : 'unknown error';
        return { status: undefined, headers: {}, message: (0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(cause ?? text, MAX_MESSAGE), aborted: false };
    }
    const status = typeof response.status === 'number'
        ? response.status
        : typeof error.status === 'number'
            ? error.status
            : undefined;
    const headers = {};
    if ((0,_shared_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(response.headers)) {
        for (const [key, value] of Object.entries(response.headers)) {
            if (typeof value === 'string' || typeof value === 'number')
                headers[key.toLowerCase()] = String(value);
        }
    }
    const data = response.data;
    let message = '';
    if ((0,_shared_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(data) && typeof data.message === 'string')
        message = data.message;
    else if (typeof data === 'string' && !/^\s*</.test(data))
        message = data;
    return { status, headers, message: (0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(message, MAX_MESSAGE), aborted: false };
}


/***/ }),

/***/ 57403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ realTiming),
/* harmony export */   IY: () => (/* binding */ rateLimitHandler),
/* harmony export */   zt: () => (/* binding */ rateLimitMessage)
/* harmony export */ });
/* harmony import */ var _shared_sleep_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47362);
// What the GitHub client does when GitHub says "slow down". Octokit's throttling plugin finds the
// rate limit (primary: `x-ratelimit-remaining: 0` + `x-ratelimit-reset`; secondary: `retry-after`
// or a minute) and re-sends the request; these handlers decide whether to wait at all. The plugin
// sleeps in Bottleneck, which an AbortSignal cannot interrupt and which knows no deadline, so the
// client sets its wait to zero and the handler sleeps here instead: abortable, within the
// caller's deadline, and replaceable in tests.

/** Real time. */
const realTiming = {
    sleep: async (ms, signal) => {
        if (!(await (0,_shared_sleep_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .y)(ms, signal)))
            throw new Error('the request was cancelled');
    },
    now: () => Date.now(),
};
function formatWait(ms) {
    const seconds = Math.ceil(ms / 1000);
    if (seconds < 120)
        return `${seconds}s`;
    // The plugin rounds a reset to whole seconds, so the wait may be up to a second longer.
    const minutes = Math.ceil((seconds + 1) / 60);
    return minutes < 120 ? `${minutes}m` : `${Math.round(minutes / 60)}h`;
}
function contextOf(options) {
    const request = options?.request;
    return request?.rateLimit ?? { what: 'calling the GitHub API' };
}
/**
 * The throttling plugin's `onRateLimit` / `onSecondaryRateLimit`: waits `retryAfter` seconds and
 * answers true (send again) when the wait ends before the call's deadline and nothing aborts it.
 */
function rateLimitHandler(settings) {
    return async (retryAfter, options, _octokit, retryCount) => {
        const context = contextOf(options);
        const waitMs = Math.max(0, retryAfter * 1000);
        const now = settings.timing.now();
        const deadline = context.deadline ?? now + settings.defaultBudgetMs;
        if (retryCount >= settings.maxWaits) {
            context.gaveUp = `, still after ${retryCount} waits; try again later or use a token with a higher limit`;
            return false;
        }
        if (now + waitMs > deadline) {
            const left = Math.max(0, deadline - now);
            context.gaveUp = `: GitHub asks to wait ${formatWait(waitMs)}, longer than the ${formatWait(left)} left for this check; raise its \`timeout\` or run the gate later`;
            return false;
        }
        if (context.signal?.aborted) {
            context.gaveUp = ", and the check's time ran out";
            return false;
        }
        try {
            await settings.timing.sleep(waitMs, context.signal);
            return true;
        }
        catch {
            context.gaveUp = `; the check's time ran out while waiting ${formatWait(waitMs)} for the limit to reset`;
            return false;
        }
    };
}
/** The message for a call the client stopped waiting for; undefined when it did not. */
function rateLimitMessage(context, status) {
    if (context.gaveUp === undefined)
        return undefined;
    return `GitHub API rate limit reached (${status ?? '?'}) while ${context.what}${context.gaveUp}`;
}


/***/ }),

/***/ 59420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openGitHubSession: () => (/* binding */ openGitHubSession)
});

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/probes/probe.ts
var probe = __webpack_require__(86489);
;// CONCATENATED MODULE: ./src/probes/github/messages.ts
// What the github probe says when a call fails or a name is not found.

/** Why a call failed, in words, with what to do for the common causes (never the raw exception). */
function describeFailure(error, context, limits, timeoutMs, aborted, env) {
    const failure = (0,client.inspectGitHubError)(error);
    const limited = (0,client.rateLimitMessage)(limits, failure.status);
    if (limited !== undefined)
        return limited;
    const said = failure.message ? ` "${failure.message}"` : '';
    if (failure.aborted || aborted)
        return `timed out after ${timeoutMs < 1000 ? `${timeoutMs}ms` : `${Math.round(timeoutMs / 1000)}s`} while ${context.what}`;
    switch (failure.status) {
        case undefined:
            return `could not reach the GitHub API at ${(0,client.gitHubApiUrl)(env)} while ${context.what}: ${failure.message}`;
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

;// CONCATENATED MODULE: ./src/probes/github/session.ts
// The heavy half of the github probe: loaded only when a gate has a `github:` check.



const PER_PAGE = 100;
/** Answers that trying again cannot change within a gate: 401, 403 (permissions), 404. */
const FINAL_STATUSES = new Set([401, 403, 404]);
// A run with more than 5,000 jobs is beyond anything GitHub allows (256 per matrix); stop there.
const MAX_PAGES = 50;
/** Opens the Octokit a gate's github checks share. */
async function openGitHubSession(environment, options = {}) {
    const token = environment.githubToken ?? '';
    if (token.trim() === '') {
        throw new probe/* ProbeError */.B2('no GitHub token for the github check: set the `github-token` input (default `${{ github.token }}`) and give the job `permissions: { actions: read }`', { retryable: false });
    }
    environment.addSecret(token);
    const timing = options.timing ?? client.realTiming;
    const octokit = (0,client.createGitHubClient)(token, environment.env, { timing });
    const session = new GitHubSession(octokit, environment, timing, token);
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
            run = await this.latestCompletedRun(spec, repository, api);
        }
        else {
            const id = spec.target === 'run' ? spec.run : this.currentRunId();
            run = await this.getRun(id, repository, api, spec.target === 'current');
        }
        const job = spec.job === undefined ? undefined : await this.findJob(run, spec.job, repository, api);
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
            return (0,client.parseRepository)(value, origin);
        }
        catch (error) {
            throw new probe/* ProbeError */.B2(error instanceof Error ? error.message : String(error), { retryable: false });
        }
    }
    currentRunId() {
        const value = this.environment.env.GITHUB_RUN_ID ?? '';
        if (!/^\d+$/.test(value)) {
            throw new probe/* ProbeError */.B2('`github: { job }` alone reads the current workflow run, but GITHUB_RUN_ID is not set (not running in GitHub Actions?); give `run:` or `workflow:` as well', { retryable: false });
        }
        return Number(value);
    }
    async getRun(id, repository, api, current) {
        const name = `${repository.owner}/${repository.repo}`;
        const response = await api({
            what: `reading workflow run ${id} of ${name}`,
            notFound: current
                ? `the current workflow run ${id} was not found in ${name} (404): the token cannot see it; check \`repository:\` / sources.github.repository`
                : `workflow run ${id} not found in ${name} (404): the run id is wrong, or the token cannot see the repository (a token of another repository needs access to ${name})`,
        }, (request) => this.octokit.rest.actions.getWorkflowRun({ ...repository, run_id: id, request }));
        return response.data;
    }
    async latestCompletedRun(spec, repository, api) {
        const name = `${repository.owner}/${repository.repo}`;
        const workflowId = await this.resolveWorkflow(spec.workflow, repository, api);
        const filters = [spec.branch && `on branch ${spec.branch}`, spec.event && `for event ${spec.event}`]
            .filter(Boolean)
            .join(' ');
        const response = await api({
            what: `listing runs of workflow ${spec.workflow} in ${name}`,
            notFound: `workflow ${spec.workflow} not found in ${name} (404): check the file name under .github/workflows, or the token cannot see the repository`,
        }, (request) => this.octokit.rest.actions.listWorkflowRuns({
            ...repository,
            workflow_id: workflowId,
            status: 'completed',
            per_page: 1,
            ...(spec.branch === undefined ? {} : { branch: spec.branch }),
            ...(spec.event === undefined ? {} : { event: spec.event }),
            request,
        }));
        const run = response.data.workflow_runs[0];
        if (run === undefined) {
            throw new probe/* ProbeError */.B2(`no completed run of workflow ${spec.workflow}${filters ? ` ${filters}` : ''} in ${name}`);
        }
        return run;
    }
    /** A file name (`deploy.yml`, `.github/workflows/deploy.yml`) or id goes straight to the API; a display name is looked up. */
    async resolveWorkflow(workflow, repository, api) {
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
            }, (request) => this.octokit.rest.actions.listRepoWorkflows({
                ...repository,
                per_page: PER_PAGE,
                page,
                request,
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
        throw new probe/* ProbeError */.B2(`workflow "${workflow}" not found in ${name}; ${known.length === 0 ? 'it has no workflows the token can see' : `workflows: ${listSome(known)}`} — give the file name (deploy.yml) or the name shown in the Actions tab`, { retryable: false });
    }
    async findJob(run, wanted, repository, api) {
        const name = `${repository.owner}/${repository.repo}`;
        const seen = [];
        let total = 0;
        for (let page = 1; page <= MAX_PAGES; page++) {
            const response = await api({
                what: `listing the jobs of workflow run ${run.id} of ${name}`,
                notFound: `the jobs of workflow run ${run.id} were not found in ${name} (404): the token cannot see the run`,
            }, (request) => this.octokit.rest.actions.listJobsForWorkflowRun({
                ...repository,
                run_id: run.id,
                filter: 'latest',
                per_page: PER_PAGE,
                page,
                request,
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
        throw new probe/* ProbeError */.B2(`job "${wanted}" not found in workflow run ${run.id} of ${name} (${total} job${total === 1 ? '' : 's'})${names.length > 0 ? `; jobs include ${listSome(names)}` : ''} — use the job's name as shown in the run (matrix jobs look like "test (ubuntu-latest, 20)")`);
    }
    /** Sends one request; the client waits out rate limits until `deadline` (see github/rate-limit.ts). */
    async call(context, call, deadline, request) {
        const limits = { what: context.what, signal: call.signal, deadline };
        try {
            return await request((0,client.gitHubRequest)(limits));
        }
        catch (error) {
            // A rejected token, a missing permission or a run that does not exist stays so: no retrying.
            const retryable = !FINAL_STATUSES.has((0,client.inspectGitHubError)(error).status ?? 0);
            throw new probe/* ProbeError */.B2(this.scrub(describeFailure(error, context, limits, call.timeoutMs, call.signal.aborted, this.environment.env)), { retryable });
        }
    }
    scrub(message) {
        return this.token.length >= 4 ? message.split(this.token).join('***') : message;
    }
}
function hasNextPage(link) {
    return link !== undefined && /rel="next"/.test(link);
}


/***/ })

};
