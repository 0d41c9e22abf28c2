export const id = 158;
export const ids = [158];
export const modules = {

/***/ 232:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ inspectGitHubError)
/* harmony export */ });
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


/***/ }),

/***/ 8129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ realTiming),
/* harmony export */   JR: () => (/* binding */ rateLimitWaitMs),
/* harmony export */   ML: () => (/* binding */ withRateLimitRetry),
/* harmony export */   Rr: () => (/* binding */ GitHubRateLimitError)
/* harmony export */ });
/* harmony import */ var _http_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(232);

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
            const failure = (0,_http_error_js__WEBPACK_IMPORTED_MODULE_0__/* .inspectGitHubError */ .K)(error);
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


/***/ }),

/***/ 2158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CHECK_RUN_LIMITS: () => (/* binding */ CHECK_RUN_LIMITS),
/* harmony export */   completeCheckRun: () => (/* binding */ completeCheckRun),
/* harmony export */   fitBytes: () => (/* binding */ fitBytes),
/* harmony export */   readEventPayload: () => (/* binding */ readEventPayload),
/* harmony export */   resolveHeadSha: () => (/* binding */ resolveHeadSha),
/* harmony export */   startCheckRun: () => (/* binding */ startCheckRun),
/* harmony export */   workflowRunUrl: () => (/* binding */ workflowRunUrl)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _github_http_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(232);
/* harmony import */ var _github_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8129);
// Publishes the gate's result as a check run on the commit. Every HTTP problem becomes a warning
// that says what to do: the job summary, the bundle and the decision must never depend on it.



/** GitHub's limits; they count bytes (the API answers 422 above them). */
const CHECK_RUN_LIMITS = {
    outputBytes: 65_535,
    annotationsPerRequest: 50,
    annotationTitleChars: 255,
    annotationMessageBytes: 65_535,
};
const CUT_NOTICE = "\n\n---\n**Cut to fit GitHub's 65,535-byte limit for check runs.** The full report is in the report bundle (`report-markdown` output) and the job summary.";
function isRecord(value) {
    return typeof value === 'object' && value !== null;
}
function nested(value, ...keys) {
    let current = value;
    for (const key of keys) {
        if (!isRecord(current))
            return undefined;
        current = current[key];
    }
    return current;
}
/**
 * The commit the check run goes on: the `sha` input; for pull requests the PR head (GITHUB_SHA is
 * a merge commit the PR page never shows); for `workflow_run` the triggering run's head; else GITHUB_SHA.
 */
function resolveHeadSha(sources) {
    const input = sources.inputSha?.trim();
    if (input)
        return input;
    const event = sources.env.GITHUB_EVENT_NAME ?? '';
    const fromPayload = event === 'pull_request' ||
        event === 'pull_request_target' ||
        event === 'pull_request_review' ||
        event === 'pull_request_review_comment'
        ? nested(sources.eventPayload, 'pull_request', 'head', 'sha')
        : event === 'workflow_run'
            ? nested(sources.eventPayload, 'workflow_run', 'head_sha')
            : undefined;
    if (typeof fromPayload === 'string' && fromPayload !== '')
        return fromPayload;
    const sha = sources.env.GITHUB_SHA?.trim();
    return sha ? sha : undefined;
}
/** Reads the event payload at GITHUB_EVENT_PATH; undefined when there is none or it is unreadable. */
function readEventPayload(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return undefined;
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** The workflow run's page, for `detailsUrl`; undefined outside Actions. */
function workflowRunUrl(env) {
    const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId, } = env;
    return repository && runId
        ? `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`
        : undefined;
}
/**
 * Cuts `text` to at most `limitBytes` UTF-8 bytes, on a character boundary and preferably a line
 * end, closes an open code fence and appends `notice`. Text within the limit is returned as is.
 */
function fitBytes(text, limitBytes, notice = CUT_NOTICE) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= limitBytes)
        return text;
    const fence = '\n```';
    const budget = Math.max(0, limitBytes - Buffer.byteLength(notice) - Buffer.byteLength(fence));
    let end = Math.min(budget, bytes.length);
    // Never end inside a multi-byte character: step back over continuation bytes (10xxxxxx).
    while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80)
        end -= 1;
    let kept = bytes.subarray(0, end).toString('utf8');
    const lineEnd = kept.lastIndexOf('\n');
    // A cut mid-row breaks a Markdown table; drop the partial line unless that loses too much.
    if (lineEnd > kept.length * 0.75)
        kept = kept.slice(0, lineEnd);
    const fences = kept.match(/^\s*(```|~~~)/gm)?.length ?? 0;
    if (fences % 2 === 1)
        kept += fence;
    return kept + notice;
}
function cutChars(text, limit) {
    const chars = [...text];
    return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}
function toApiAnnotation(annotation) {
    const start = Math.max(1, Math.floor(annotation.startLine));
    const end = Math.max(start, Math.floor(annotation.endLine ?? start));
    const shortNotice = '\n… (cut to fit GitHub’s 64 KB limit)';
    const api = {
        path: annotation.path.replaceAll('\\', '/').replace(/^\.\//, ''),
        start_line: start,
        end_line: end,
        annotation_level: annotation.level,
        title: cutChars(annotation.title, CHECK_RUN_LIMITS.annotationTitleChars),
        message: fitBytes(annotation.message === '' ? annotation.title : annotation.message, CHECK_RUN_LIMITS.annotationMessageBytes, shortNotice),
    };
    if (annotation.rawDetails !== undefined && annotation.rawDetails !== '') {
        api.raw_details = fitBytes(annotation.rawDetails, CHECK_RUN_LIMITS.annotationMessageBytes, shortNotice);
    }
    return api;
}
function chunks(items, size) {
    const out = [];
    for (let index = 0; index < items.length; index += size)
        out.push(items.slice(index, index + size));
    return out;
}
function detailsUrlOf(url) {
    return url !== undefined && /^https?:\/\//.test(url) ? { details_url: url } : {};
}
function checkUrl(target, id, htmlUrl) {
    return htmlUrl ?? `https://github.com/${target.owner}/${target.repo}/runs/${id}`;
}
/** Why a request failed, in words, plus what to do for the common causes. */
function explain(error, action, target) {
    if (error instanceof _github_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubRateLimitError */ .Rr)
        return `${error.message}.`;
    const failure = (0,_github_http_error_js__WEBPACK_IMPORTED_MODULE_2__/* .inspectGitHubError */ .K)(error);
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
async function attempt(request, options, what, retryServerErrors) {
    const timing = options.timing ?? _github_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .realTiming */ .$u;
    const limited = () => (0,_github_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRateLimitRetry */ .ML)(request, {
        what,
        deadline: timing.now() + (options.rateLimitBudgetMs ?? 60_000),
        timing,
        ...(options.signal ? { signal: options.signal } : {}),
    });
    try {
        return { ok: true, value: await limited() };
    }
    catch (error) {
        const status = (0,_github_http_error_js__WEBPACK_IMPORTED_MODULE_2__/* .inspectGitHubError */ .K)(error).status;
        if (!retryServerErrors || status === undefined || status < 500)
            return { ok: false, error };
        try {
            await timing.sleep(options.retryDelayMs ?? 1000, options.signal);
            return { ok: true, value: await limited() };
        }
        catch (retryError) {
            return { ok: false, error: retryError };
        }
    }
}
/** Creates a check run on the target's commit; a refusal comes back as a warning, never a throw. */
async function createCheckRun(octokit, target, fields, options) {
    const result = await attempt(() => octokit.rest.checks.create({
        owner: target.owner,
        repo: target.repo,
        name: target.name,
        head_sha: target.headSha,
        ...fields,
        ...(options.signal ? { request: { signal: options.signal } } : {}),
    }), options, `creating check run "${target.name}"`, false);
    if (!result.ok)
        return {
            warning: `Could not create the check run "${target.name}": ${explain(result.error, 'create', target)}`,
        };
    return {
        id: result.value.data.id,
        url: checkUrl(target, result.value.data.id, result.value.data.html_url),
    };
}
/** Creates the check run `in_progress` at the start of the gate. Never throws for HTTP problems. */
function startCheckRun(octokit, target, options = {}) {
    const fields = {
        status: 'in_progress',
        started_at: new Date((options.timing ?? _github_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .realTiming */ .$u).now()).toISOString(),
        ...detailsUrlOf(target.detailsUrl),
    };
    return createCheckRun(octokit, target, fields, options);
}
/**
 * Completes the check run (creating it when `target.id` is unset) with the report's conclusion and
 * output, then appends the annotations beyond the first 50 in further updates. The conclusion goes
 * in the first request so that a later failure can only lose annotations. Never throws for HTTP problems.
 */
async function completeCheckRun(octokit, target, report, options = {}) {
    const timing = options.timing ?? _github_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .realTiming */ .$u;
    const output = {
        title: report.title,
        summary: fitBytes(report.summary, CHECK_RUN_LIMITS.outputBytes),
        ...(report.text === undefined || report.text === ''
            ? {}
            : { text: fitBytes(report.text, CHECK_RUN_LIMITS.outputBytes) }),
    };
    const batches = chunks(report.annotations.map(toApiAnnotation), CHECK_RUN_LIMITS.annotationsPerRequest);
    const request = options.signal ? { request: { signal: options.signal } } : {};
    const completion = {
        status: 'completed',
        conclusion: report.conclusion,
        completed_at: new Date(timing.now()).toISOString(),
        output: { ...output, annotations: batches[0] ?? [] },
        ...detailsUrlOf(target.detailsUrl),
    };
    let id;
    let url;
    if (target.id === undefined) {
        const created = await createCheckRun(octokit, target, completion, options);
        if (created.id === undefined)
            return created;
        id = created.id;
        url = created.url;
    }
    else {
        const checkRunId = target.id;
        const updated = await attempt(() => octokit.rest.checks.update({
            owner: target.owner,
            repo: target.repo,
            check_run_id: checkRunId,
            ...completion,
            ...request,
        }), options, `completing check run "${target.name}"`, true);
        if (!updated.ok) {
            return {
                warning: `Could not complete the check run "${target.name}" (${checkRunId}); it stays in progress on the commit: ${explain(updated.error, 'update', target)}`,
            };
        }
        id = checkRunId;
        url = checkUrl(target, id, updated.value.data.html_url);
    }
    // GitHub appends the annotations of each update to those already posted.
    for (const [index, batch] of batches.entries()) {
        if (index === 0)
            continue;
        const appended = await attempt(() => octokit.rest.checks.update({
            owner: target.owner,
            repo: target.repo,
            check_run_id: id,
            output: { ...output, annotations: batch },
            ...request,
        }), options, `adding annotations to check run "${target.name}"`, true);
        if (!appended.ok) {
            const posted = index * CHECK_RUN_LIMITS.annotationsPerRequest;
            return {
                id,
                url,
                warning: `The check run "${target.name}" is complete, but only ${posted} of ${report.annotations.length} annotations were posted: ${explain(appended.error, 'update', { ...target, id })}`,
            };
        }
    }
    return { id, url };
}


/***/ })

};
