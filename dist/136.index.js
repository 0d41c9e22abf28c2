export const id = 136;
export const ids = [136];
export const modules = {

/***/ 54136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildTrend: () => (/* binding */ buildTrend)
/* harmony export */ });
// The per-scenario trend over this run and the earlier runs `history` read: pure, no I/O.
/**
 * The trend of every row of this run. `earlier` is newest first (as the API lists runs); the
 * result's columns are oldest first, ending with this run.
 */
function buildTrend(current, earlier, window, skipped) {
    const oldestFirst = [...earlier].reverse();
    const runs = [
        ...oldestFirst.map((run) => ({ id: run.id, url: run.url, current: false })),
        {
            ...(current.id === undefined ? {} : { id: current.id }),
            ...(current.url ? { url: current.url } : {}),
            current: true,
        },
    ];
    const lookups = oldestFirst.map((run) => new Map(run.rows.map((row) => [row.id, row.status])));
    const scenarios = current.rows.map((row) => {
        const statuses = [...lookups.map((lookup) => lookup.get(row.id) ?? 'absent'), row.status];
        const trend = { id: row.id, name: row.name, statuses, flaky: flips(statuses) >= 2 };
        const since = failingSince(statuses, runs);
        if (since)
            trend.failingSince = since;
        return trend;
    });
    return { window, runs, skipped, scenarios };
}
/** Expect held: a warning is no failure, so it neither starts a failing streak nor flips a row. */
function met(status) {
    return status === 'pass' || status === 'warn';
}
/** How often a row went from passing to not passing or back; runs without the row are skipped. */
function flips(statuses) {
    const present = statuses.filter((status) => status !== 'absent').map(met);
    let count = 0;
    for (let index = 1; index < present.length; index++)
        if (present[index] !== present[index - 1])
            count++;
    return count;
}
function failingSince(statuses, runs) {
    let start = statuses.length - 1;
    if (met(statuses[start]))
        return undefined;
    while (start > 0 && !met(statuses[start - 1]) && statuses[start - 1] !== 'absent')
        start--;
    const run = runs[start];
    return {
        ...(run.id === undefined ? {} : { runId: run.id }),
        ...(run.url ? { url: run.url } : {}),
        atLeast: start === 0 && statuses.length > 1,
    };
}


/***/ })

};
