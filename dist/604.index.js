export const id = 604;
export const ids = [604];
export const modules = {

/***/ 71604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EXIT: () => (/* binding */ EXIT),
/* harmony export */   processIo: () => (/* binding */ processIo),
/* harmony export */   useColour: () => (/* binding */ useColour)
/* harmony export */ });
/** Exit codes: the contract scripts and CI steps rely on. */
const EXIT = {
    go: 0,
    noGo: 1,
    /** Invalid gate file, bad usage, or a gate that could not be evaluated at all. */
    invalid: 2,
};
/** The real process: its environment, working directory and streams. */
function processIo() {
    const io = {
        env: process.env,
        cwd: process.cwd(),
        stdout: (text) => void process.stdout.write(text),
        stderr: (text) => void process.stderr.write(text),
        stdoutIsTTY: process.stdout.isTTY === true,
        stderrIsTTY: process.stderr.isTTY === true,
    };
    if (process.stdout.columns)
        io.columns = process.stdout.columns;
    return io;
}
/** Colour only on a terminal, never with NO_COLOR (https://no-color.org); FORCE_COLOR stands in for a terminal. */
function useColour(io) {
    if (io.env.NO_COLOR)
        return false;
    const forced = io.env.FORCE_COLOR;
    if (forced !== undefined && forced !== '' && forced !== '0' && forced !== 'false')
        return true;
    return io.stdoutIsTTY;
}


/***/ })

};
