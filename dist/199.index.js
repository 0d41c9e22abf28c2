export const id = 199;
export const ids = [199];
export const modules = {

/***/ 12199:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HISTORY_DOWNLOADS_IN_FLIGHT: () => (/* binding */ HISTORY_DOWNLOADS_IN_FLIGHT),
/* harmony export */   readHistory: () => (/* binding */ readHistory)
/* harmony export */ });
/* harmony import */ var _github_run_artifacts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70272);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47663);
/* harmony import */ var _report_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75229);
/* harmony import */ var _shared_map_bounded_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26975);




/** Downloads in flight at once. */
const HISTORY_DOWNLOADS_IN_FLIGHT = 4;
/** The earlier runs' rows, newest first, and how many runs were skipped. */
async function readHistory(octokit, query) {
    const { owner, repo } = query;
    const [runs, artifacts] = await Promise.all([
        (0,_github_run_artifacts_js__WEBPACK_IMPORTED_MODULE_2__/* .listCompletedRuns */ .sB)(octokit, {
            owner,
            repo,
            workflow: query.workflow,
            branch: query.branch,
            limit: query.limit,
            ...(query.currentRunId === undefined ? {} : { skipRunId: query.currentRunId }),
        }),
        (0,_github_run_artifacts_js__WEBPACK_IMPORTED_MODULE_2__/* .artifactsByRun */ .ar)(octokit, { owner, repo, name: query.artifactName }),
    ]);
    const read = await (0,_shared_map_bounded_js__WEBPACK_IMPORTED_MODULE_3__/* .mapBounded */ .y)(runs, HISTORY_DOWNLOADS_IN_FLIGHT, async (run) => {
        try {
            return await readRun(octokit, query, run, artifacts.get(run.id));
        }
        catch (error) {
            const why = error instanceof _load_js__WEBPACK_IMPORTED_MODULE_0__.BaselineUnavailable ? error.message : error.message.split('\n')[0];
            query.notice(`History: run ${run.id} skipped: ${why}.`);
            return undefined;
        }
    });
    const earlier = read.filter((rows) => rows !== undefined);
    return { earlier, skipped: runs.length - earlier.length };
}
async function readRun(octokit, query, run, artifactId) {
    if (artifactId === undefined) {
        throw new _load_js__WEBPACK_IMPORTED_MODULE_0__.BaselineUnavailable(`it has no unexpired artifact '${query.artifactName}'`);
    }
    const text = await (0,_load_js__WEBPACK_IMPORTED_MODULE_0__.readBundleText)(octokit, {
        owner: query.owner,
        repo: query.repo,
        artifactId,
        gateId: query.gateId,
    });
    if (text === undefined)
        throw new _load_js__WEBPACK_IMPORTED_MODULE_0__.BaselineUnavailable(`its artifact holds no ${query.gateId}.json`);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new _load_js__WEBPACK_IMPORTED_MODULE_0__.BaselineUnavailable(`its ${query.gateId}.json is not JSON`);
    }
    const parsed = (0,_report_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .reportSchema */ .Q)().safeParse(data);
    if (!parsed.success)
        throw new _load_js__WEBPACK_IMPORTED_MODULE_0__.BaselineUnavailable(`its ${query.gateId}.json is not a regression-gate report`);
    if (parsed.data.gate.id !== query.gateId) {
        throw new _load_js__WEBPACK_IMPORTED_MODULE_0__.BaselineUnavailable(`its report is of gate '${parsed.data.gate.id}'`);
    }
    const rows = [...parsed.data.preconditions, ...parsed.data.scenarios].map((row) => ({
        id: row.id,
        name: row.name,
        status: row.status,
    }));
    return { id: run.id, url: run.url, rows };
}


/***/ })

};
