export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubRateLimitError: () => (/* reexport safe */ _retry_js__WEBPACK_IMPORTED_MODULE_3__.Rr),
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient),
/* harmony export */   gitHubApiUrl: () => (/* binding */ gitHubApiUrl),
/* harmony export */   inspectGitHubError: () => (/* reexport safe */ _http_error_js__WEBPACK_IMPORTED_MODULE_2__.K),
/* harmony export */   parseRepository: () => (/* reexport safe */ _repository_js__WEBPACK_IMPORTED_MODULE_1__.S),
/* harmony export */   rateLimitWaitMs: () => (/* reexport safe */ _retry_js__WEBPACK_IMPORTED_MODULE_3__.JR),
/* harmony export */   realTiming: () => (/* reexport safe */ _retry_js__WEBPACK_IMPORTED_MODULE_3__.$u),
/* harmony export */   withRateLimitRetry: () => (/* reexport safe */ _retry_js__WEBPACK_IMPORTED_MODULE_3__.ML)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(651);
/* harmony import */ var _http_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(232);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8129);




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
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: gitHubApiUrl(env),
        // Octokit logs deprecations and request warnings to the console; the action reports on its own.
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    });
}


/***/ }),

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


/***/ })

};
