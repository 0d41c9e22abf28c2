export const id = 139;
export const ids = [139];
export const modules = {

/***/ 22139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPullRequests: () => (/* binding */ runPullRequests)
/* harmony export */ });
/* harmony import */ var _shared_guards_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62675);
// Which pull requests a run belongs to, read from the event payload: the pull request itself on
// pull_request events, the triggering run's pull requests on workflow_run events.

const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment',
]);
function numberOf(value) {
    if (!(0,_shared_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(value))
        return undefined;
    const number = value.number;
    return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}
function fullName(value) {
    if (!(0,_shared_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(value) || !(0,_shared_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(value.repo))
        return undefined;
    const name = value.repo.full_name;
    return typeof name === 'string' ? name : undefined;
}
/** Reads the pull requests of the run from GITHUB_EVENT_NAME and the parsed event payload. */
function runPullRequests(env, payload) {
    const event = env.GITHUB_EVENT_NAME ?? '';
    if (!(0,_shared_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(payload))
        return { numbers: [] };
    if (PULL_REQUEST_EVENTS.has(event)) {
        const number = numberOf(payload.pull_request);
        if (number === undefined)
            return { numbers: [] };
        const pull = payload.pull_request;
        const head = fullName(pull.head);
        const base = fullName(pull.base) ?? env.GITHUB_REPOSITORY;
        // pull_request_target runs with the base repository's token: a fork can be commented on there.
        const fork = event !== 'pull_request_target' && head && base && head !== base ? head : undefined;
        return fork ? { numbers: [number], fork } : { numbers: [number] };
    }
    if (event === 'workflow_run' && (0,_shared_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(payload.workflow_run)) {
        const pulls = payload.workflow_run.pull_requests;
        if (!Array.isArray(pulls))
            return { numbers: [] };
        const numbers = pulls.map(numberOf).filter((number) => number !== undefined);
        return { numbers: [...new Set(numbers)] };
    }
    return { numbers: [] };
}


/***/ })

};
