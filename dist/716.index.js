export const id = 716;
export const ids = [716];
export const modules = {

/***/ 10716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readZipEntry: () => (/* binding */ readZipEntry)
/* harmony export */ });
/* unused harmony export MAX_ENTRY_BYTES */
/* harmony import */ var fflate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51306);
// Reads the report out of a GitHub artifact zip with fflate's streaming reader. The archive is
// fed in small slices and the inflated bytes are counted as they come, so a zip bomb — or an entry
// whose header understates its size — is cut off at the limit instead of filling memory or
// blocking the event loop (fflate's unzipSync trusts the declared size and inflates on regardless).

/** Largest file read out of an artifact; a bundle's JSON is far smaller, a zip bomb is not. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
// Deflate expands at most ~1032:1, so one slice inflates to at most ~17 MB past the limit;
// much smaller slices cost more than they save (1 KiB slices read a 6 MB report ~8x slower).
const SLICE_BYTES = 16 * 1024;
const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
/**
 * Reads the first file `wanted` accepts out of a zip archive (as GitHub serves artifacts), stored
 * or deflated. Returns undefined when the archive has no such file.
 */
function readZipEntry(archive, wanted, options = {}) {
    const limit = options.maxBytes ?? MAX_ENTRY_BYTES;
    const signature = archive.length >= 4 ? archive.readUInt32LE(0) : 0;
    if (signature !== LOCAL_HEADER && signature !== END_OF_DIRECTORY) {
        throw new Error('the artifact is not a zip archive');
    }
    let found;
    let failure;
    const unzip = new fflate__WEBPACK_IMPORTED_MODULE_0__/* .Unzip */ .HJ((file) => {
        if (found !== undefined || failure !== undefined || !wanted(file.name))
            return;
        const entry = { name: file.name, chunks: [], bytes: 0, done: false };
        found = entry;
        if (file.originalSize !== undefined && file.originalSize > limit) {
            failure = tooLarge(file.name, limit, `its header says ${file.originalSize} bytes`);
            return;
        }
        file.ondata = (error, chunk, final) => {
            if (failure !== undefined)
                return;
            if (error) {
                failure = new Error(`${file.name} in the artifact cannot be read: ${error.message}`);
                return;
            }
            entry.bytes += chunk.length;
            if (entry.bytes > limit) {
                failure = tooLarge(file.name, limit, `it inflates past ${limit} bytes`);
                file.terminate();
                return;
            }
            entry.chunks.push(chunk);
            entry.done = final;
        };
        try {
            file.start();
        }
        catch (error) {
            failure = new Error(`${file.name} in the artifact uses zip compression method ${file.compression}, which is not supported`, { cause: error });
        }
    });
    unzip.register(fflate__WEBPACK_IMPORTED_MODULE_0__/* .UnzipInflate */ .mM);
    try {
        for (let offset = 0; offset < archive.length && failure === undefined; offset += SLICE_BYTES) {
            if (found?.done)
                break;
            const end = Math.min(archive.length, offset + SLICE_BYTES);
            unzip.push(archive.subarray(offset, end), end === archive.length);
        }
    }
    catch (error) {
        failure ??= new Error(`the artifact is not a valid zip: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (failure !== undefined)
        throw failure;
    if (found === undefined)
        return undefined;
    if (!found.done)
        throw new Error(`${found.name} in the artifact is cut short`);
    return { name: found.name, data: Buffer.concat(found.chunks) };
}
function tooLarge(name, limit, why) {
    const mib = limit / 1024 / 1024;
    return new Error(`${name} in the artifact is larger than the ${Number.isInteger(mib) ? `${mib} MiB` : `${limit}-byte`} limit for a report (${why}); it is not a regression-gate bundle`);
}


/***/ })

};
