export const id = 105;
export const ids = [105,584];
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

/***/ 4105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CHECK_RUN_CLIENT: () => (/* binding */ CHECK_RUN_CLIENT),
  completeCheckRun: () => (/* binding */ completeCheckRun),
  createInProgressCheckRun: () => (/* binding */ createInProgressCheckRun)
});

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/report/check-run-output.ts
// What a check run shows, fitted into the Checks API's limits: its report type, the byte and
// character cuts, and annotations in the form the API takes.


/** GitHub's limits; they count bytes (the API answers 422 above them). */
const CHECK_RUN_LIMITS = {
    outputBytes: 65_535,
    annotationsPerRequest: 50,
    annotationTitleChars: 255,
    annotationMessageBytes: 65_535,
};
const CUT_NOTICE = "\n\n---\n**Cut to fit GitHub's 65,535-byte limit for check runs.** The full report is in the report bundle (`report-markdown` output) and the job summary.";
/**
 * Cuts `text` to at most `limitBytes` UTF-8 bytes and appends `notice`; text within the limit is
 * returned as is. Markdown (`wholeLines`) is cut only at a line end, never inside a line: a partial
 * table row could leave a code span open and make a value in it live Markdown; an open code fence
 * is closed. Plain text (annotation messages) is cut on a character boundary.
 */
function fitBytes(text, limitBytes, notice = CUT_NOTICE, wholeLines = true) {
    if ((0,shared_text/* utf8Length */.wI)(text) <= limitBytes)
        return text;
    const fence = '\n```';
    const budget = Math.max(0, limitBytes - (0,shared_text/* utf8Length */.wI)(notice) - (0,shared_text/* utf8Length */.wI)(fence));
    let kept = (0,shared_text/* cutToBytes */.zP)(text, budget);
    if (!wholeLines)
        return kept + notice;
    kept = kept.slice(0, Math.max(0, kept.lastIndexOf('\n')));
    const fences = kept.match(/^\s*(```|~~~)/gm)?.length ?? 0;
    if (fences % 2 === 1)
        kept += fence;
    return kept + notice;
}
function cutChars(text, limit) {
    const chars = [...text];
    return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}
/** An annotation as the Checks API takes it: plain text, within its limits. */
function toApiAnnotation(annotation) {
    const start = Math.max(1, Math.floor(annotation.startLine));
    const end = Math.max(start, Math.floor(annotation.endLine ?? start));
    const shortNotice = '\n… (cut to fit GitHub’s 64 KB limit)';
    const api = {
        path: annotation.path.replaceAll('\\', '/').replace(/^\.\//, ''),
        start_line: start,
        end_line: end,
        annotation_level: annotation.level,
        // Annotations are plain text, but invisible and bidirectional characters would still hide or reverse it.
        title: cutChars((0,report_escape/* stripControlAndLineBreaks */.Bo)(annotation.title), CHECK_RUN_LIMITS.annotationTitleChars),
        message: fitBytes((0,report_escape/* stripControl */.kU)(annotation.message === '' ? annotation.title : annotation.message), CHECK_RUN_LIMITS.annotationMessageBytes, shortNotice, false),
    };
    if (annotation.rawDetails !== undefined && annotation.rawDetails !== '') {
        api.raw_details = fitBytes((0,report_escape/* stripControl */.kU)(annotation.rawDetails), CHECK_RUN_LIMITS.annotationMessageBytes, shortNotice, false);
    }
    return api;
}
/** `items` in runs of at most `size` (the API takes 50 annotations per request). */
function chunks(items, size) {
    const out = [];
    for (let index = 0; index < items.length; index += size)
        out.push(items.slice(index, index + size));
    return out;
}

;// CONCATENATED MODULE: ./src/report/check-run.ts
// Publishes the gate's result as a check run on the commit. Every HTTP problem becomes a warning
// that says what to do: the job summary, the bundle and the decision must never depend on it.


/** How the check run's client is built: an update that got a 5xx is sent once more. */
const CHECK_RUN_CLIENT = { retries: 1 };
function detailsUrlOf(url) {
    return url !== undefined && /^https?:\/\//.test(url) ? { details_url: url } : {};
}
function checkUrl(target, id, htmlUrl) {
    return htmlUrl ?? `https://github.com/${target.owner}/${target.repo}/runs/${id}`;
}
/** Why a request failed, in words, plus what to do for the common causes. */
function explain(error, action, target, context) {
    const failure = (0,client.inspectGitHubError)(error);
    const limited = (0,client.rateLimitMessage)(context, failure.status);
    if (limited !== undefined)
        return `${limited}.`;
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
/**
 * Sends one Checks API request. The client (built with {@link CHECK_RUN_CLIENT}) waits out rate
 * limits within the budget and re-sends an update once after a 5xx; a create is sent once, as a
 * create that failed on the way back may have landed, and a second would leave two check runs.
 */
async function attempt(request, options, what, resend) {
    const now = options.now ?? Date.now;
    const context = {
        what,
        deadline: now() + (options.rateLimitBudgetMs ?? 60_000),
        ...(options.signal ? { signal: options.signal } : {}),
    };
    try {
        return { ok: true, value: await request((0,client.gitHubRequest)(context, resend)) };
    }
    catch (error) {
        return { ok: false, error, context };
    }
}
/** Creates a check run on the target's commit; a refusal comes back as a warning, never a throw. */
async function sendCreate(octokit, target, fields, options) {
    const result = await attempt((request) => octokit.rest.checks.create({
        owner: target.owner,
        repo: target.repo,
        name: target.name,
        head_sha: target.headSha,
        ...fields,
        request,
    }), options, `creating check run "${target.name}"`, false);
    if (!result.ok)
        return {
            warning: `Could not create the check run "${target.name}": ${explain(result.error, 'create', target, result.context)}`,
        };
    return {
        id: result.value.data.id,
        url: checkUrl(target, result.value.data.id, result.value.data.html_url),
    };
}
/** Updates check run `id`; sent once more after a 5xx (an update is idempotent). */
function sendUpdate(octokit, target, id, fields, options, what) {
    return attempt((request) => octokit.rest.checks.update({
        owner: target.owner,
        repo: target.repo,
        check_run_id: id,
        ...fields,
        request,
    }), options, what, true);
}
/** Creates the check run `in_progress` at the start of the gate. Never throws for HTTP problems. */
function createInProgressCheckRun(octokit, target, options = {}) {
    const fields = {
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
async function completeCheckRun(octokit, target, report, options = {}) {
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
        status: 'completed',
        conclusion: report.conclusion,
        completed_at: new Date(now()).toISOString(),
        output: { ...output, annotations: batches[0] ?? [] },
        ...detailsUrlOf(target.detailsUrl),
    };
    let id;
    let url;
    if (target.id === undefined) {
        const created = await sendCreate(octokit, target, completion, options);
        if (created.id === undefined)
            return created;
        id = created.id;
        url = created.url;
    }
    else {
        const checkRunId = target.id;
        const updated = await sendUpdate(octokit, target, checkRunId, completion, options, `completing check run "${target.name}"`);
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
        if (index === 0)
            continue;
        const appended = await sendUpdate(octokit, target, id, { output: { ...output, annotations: batch } }, options, `adding annotations to check run "${target.name}"`);
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


/***/ })

};
