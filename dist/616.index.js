export const id = 616;
export const ids = [616];
export const modules = {

/***/ 14616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jsonFields: () => (/* binding */ jsonFields)
/* harmony export */ });
/* unused harmony exports parseExactJson, exactNumber */
/* harmony import */ var jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96229);
/* harmony import */ var _shared_decimal_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23814);
/* harmony import */ var _probe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86489);
// The heavy half of `http` … `json:`: reads the answer as JSON with exact numbers and evaluates each
// field's JSONPath with jsonpath-plus (scripts disabled). Loaded with the http session.



/** Parses a JSON answer keeping every number exact (see {@link exactNumber}). */
function parseExactJson(text) {
    return JSON.parse(text, (_key, value, context) => typeof value === 'number' && context?.source !== undefined ? exactNumber(context.source) : value);
}
const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
/** `sign digits e exponent` with no leading or trailing zeros: equal values give equal text. */
function canonical(text) {
    const match = NUMBER.exec(text);
    if (!match)
        return undefined;
    const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
    let digits = (whole + fraction).replace(/^0+/, '');
    let power = Number(exponent) - fraction.length;
    const trimmed = digits.replace(/0+$/, '');
    power += digits.length - trimmed.length;
    digits = trimmed;
    return digits === '' ? { sign: '', digits: '0', exponent: 0 } : { sign, digits, exponent: power };
}
/** The decimal value `expect` compares for a JS number: the engine's own reading of it. */
function comparedAs(number) {
    const decimal = (0,_shared_decimal_js__WEBPACK_IMPORTED_MODULE_2__/* .toDecimal */ .nI)(number);
    if (!decimal)
        return undefined;
    const negative = decimal.digits < 0n;
    const digits = (negative ? -decimal.digits : decimal.digits).toString();
    return canonical(`${negative ? '-' : ''}${digits}e-${decimal.scale}`);
}
/**
 * A JSON number as a field value: a JS number when `expect` reads it as exactly the written value,
 * else a bigint (integers) or the decimal digits as text (the engine compares decimal text
 * exactly), so `12345678901234567890`, `1e30` and `0.1000000000000000000001` are not rounded.
 */
function exactNumber(source) {
    const number = Number(source);
    const written = canonical(source);
    if (!written)
        return number;
    const held = comparedAs(number);
    const same = held !== undefined &&
        held.sign === written.sign &&
        held.digits === written.digits &&
        held.exponent === written.exponent;
    if (same)
        return number;
    if (written.exponent >= 0)
        return BigInt(`${written.sign}${written.digits}${'0'.repeat(written.exponent)}`);
    const places = -written.exponent;
    const padded = written.digits.padStart(places + 1, '0');
    return `${written.sign}${padded.slice(0, -places)}.${padded.slice(-places)}`;
}
/** One JSON value as text inside a list or a map (objects and arrays as JSON). */
function asText(value) {
    if (value === null)
        return 'null';
    if (typeof value === 'object') {
        return JSON.stringify(value, (_key, item) => typeof item === 'bigint' ? item.toString() : item);
    }
    return String(value);
}
/** A matched value as a field: scalars as they are, an array as a list, an object as a map. */
function asField(value) {
    if (Array.isArray(value))
        return value.map(asText);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asText(item)]));
    }
    return value;
}
/** What the answer's top level holds, to help with a path that matched nothing. */
function topLevel(json) {
    if (Array.isArray(json))
        return `the answer is an array of ${json.length}`;
    if (json !== null && typeof json === 'object') {
        const keys = Object.keys(json);
        const shown = keys.slice(0, 10).join(', ');
        return `top-level keys: ${shown || '(none)'}${keys.length > 10 ? ', …' : ''}`;
    }
    return `the answer is the ${typeof json} ${asText(json).slice(0, 40)}`;
}
/**
 * Evaluates each `json:` field on the answer text. A path that matches nothing is an error (never
 * a missing field that some condition might skip); several matches become a list.
 */
function jsonFields(paths, text, contentType) {
    let json;
    try {
        json = parseExactJson(text);
    }
    catch (error) {
        const type = contentType ? ` (content-type ${contentType})` : '';
        throw new _probe_js__WEBPACK_IMPORTED_MODULE_1__/* .ProbeError */ .B2(`http: the answer is not JSON${type}: ${error.message}; json: fields need a JSON answer — check the URL and the Accept header`);
    }
    const fields = {};
    for (const [name, path] of Object.entries(paths)) {
        // eval: false — filter and script expressions are refused (also checked when the file loads).
        const matches = (0,jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E)({ path, json: json, eval: false, wrap: true });
        if (matches.length === 0) {
            throw new _probe_js__WEBPACK_IMPORTED_MODULE_1__/* .ProbeError */ .B2(`http: json field '${name}': ${path} matched nothing in the answer (${topLevel(json)})`);
        }
        fields[name] = matches.length === 1 ? asField(matches[0]) : matches.map(asText);
    }
    return fields;
}


/***/ })

};
