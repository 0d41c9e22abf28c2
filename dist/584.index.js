export const id = 584;
export const ids = [584];
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


/***/ })

};
