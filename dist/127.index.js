export const id = 127;
export const ids = [127];
export const modules = {

/***/ 69127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openHttpSession: () => (/* binding */ openHttpSession)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/probes/probe.ts
var probe = __webpack_require__(86489);
// EXTERNAL MODULE: ./src/probes/http/reproduce.ts
var reproduce = __webpack_require__(71527);
// EXTERNAL MODULE: ./src/probes/http/secrets.ts
var secrets = __webpack_require__(20993);
;// CONCATENATED MODULE: ./src/probes/http/request.ts





/** How much of a response body the probe keeps. */
const BODY_LIMIT = 64 * 1024;
const MAX_REDIRECTS = 5;
const TLS_CODES = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_UNTRUSTED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** Turns a socket-level failure into one line that says what to do. */
function describeFailure(error, url, timeoutMs, timedOut) {
    const where = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
    const code = error.code ?? '';
    if (timedOut || error.name === 'AbortError' || code === 'ABORT_ERR') {
        return new probe/* ProbeError */.B2(`http: no answer from ${(0,reproduce/* shownUrl */.z)(url.href)} within ${timeoutMs} ms (timeout); raise the check's timeout if it is just slow`);
    }
    if (code === 'ECONNREFUSED')
        return new probe/* ProbeError */.B2(`http: connection refused by ${where}; is the service up and listening there?`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return new probe/* ProbeError */.B2(`http: cannot resolve host ${url.hostname} (DNS ${code}); check the host name and the runner's DNS`);
    }
    if (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) {
        return new probe/* ProbeError */.B2(`http: TLS certificate of ${where} not accepted (${code}); fix the certificate (or trust its CA) or set insecure: true`, { retryable: false });
    }
    if (code === 'ECONNRESET' || code === 'EPIPE')
        return new probe/* ProbeError */.B2(`http: ${where} closed the connection (${code})`);
    return new probe/* ProbeError */.B2(`http: request to ${(0,reproduce/* shownUrl */.z)(url.href)} failed (${code || error.message})`);
}
function once(request, url, method, headers, body, signal) {
    return new Promise((resolve, reject) => {
        const options = {
            method,
            headers: body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers },
            signal,
            // No keep-alive pool: a gate makes few requests and must not leave sockets open at the end.
            agent: false,
            rejectUnauthorized: !request.insecure,
        };
        const client = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
        const outgoing = client.request(url, options, (response) => {
            const chunks = [];
            let kept = 0;
            let settled = false;
            const finish = () => {
                if (settled)
                    return;
                settled = true;
                // Stream decoding drops a character the 64 KiB cut split in two instead of garbling it.
                const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks), { stream: true });
                resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text });
                response.destroy();
            };
            response.on('data', (chunk) => {
                if (settled)
                    return;
                const room = BODY_LIMIT - kept;
                chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
                kept += Math.min(chunk.length, room);
                // The rest of a large body is not needed; stop reading it.
                if (kept >= BODY_LIMIT)
                    finish();
            });
            response.on('end', finish);
            response.on('error', (error) => {
                if (!settled)
                    reject(error);
            });
            // A connection dropped mid-body may close the response without an error event.
            response.on('close', () => {
                if (!settled)
                    reject(Object.assign(new Error('closed before the body ended'), { code: 'ECONNRESET' }));
            });
        });
        outgoing.on('error', reject);
        outgoing.end(body);
    });
}
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
function maskHeaders(headers) {
    const result = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value === undefined)
            continue;
        const text = Array.isArray(value) ? value.join(', ') : value;
        result[name.toLowerCase()] = (0,secrets/* isSecretHeader */.io)(name) ? secrets/* MASK */.v5 : text;
    }
    return result;
}
/**
 * Makes the request with node:http/https (TLS verification is per request, redirects are
 * followed by hand so they can be refused), within `timeoutMs` for the whole try.
 */
async function sendRequest(request) {
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const signal = AbortSignal.any([request.signal, timeout]);
    const started = performance.now();
    let url = new URL(request.url);
    let method = request.method;
    let body = request.body;
    let headers = { ...request.headers };
    for (let redirects = 0;; redirects += 1) {
        let answer;
        try {
            answer = await once(request, url, method, headers, body, signal);
        }
        catch (error) {
            throw describeFailure(error, url, request.timeoutMs, signal.aborted);
        }
        const location = answer.headers.location;
        if (!request.follow || !REDIRECTS.has(answer.status) || location === undefined) {
            return {
                status: answer.status,
                body: answer.body,
                latencyMs: Math.round(performance.now() - started),
                headers: maskHeaders(answer.headers),
            };
        }
        if (redirects === MAX_REDIRECTS) {
            throw new probe/* ProbeError */.B2(`http: more than ${MAX_REDIRECTS} redirects from ${(0,reproduce/* shownUrl */.z)(request.url)}; the last went to ${(0,reproduce/* shownUrl */.z)(new URL(location, url).href)}`);
        }
        const next = new URL(location, url);
        // As browsers and curl do: credentials are not sent to another origin.
        if (next.origin !== url.origin) {
            headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !(0,secrets/* isSecretHeader */.io)(name)));
        }
        // 303, and 301/302 after a POST, turn into a GET without a body (RFC 9110 15.4).
        if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method === 'POST')) {
            method = method === 'HEAD' ? 'HEAD' : 'GET';
            body = undefined;
        }
        url = next;
    }
}

;// CONCATENATED MODULE: ./src/probes/http/session.ts



/** Opens the http probe's session; each check is one request (no pooled connections). */
function openHttpSession(environment) {
    return {
        run: async (call) => {
            const { spec } = call;
            const headers = spec.headers ?? {};
            // Registered before the request so that no error message or log can show them.
            for (const [name, value] of Object.entries(headers))
                for (const secret of (0,secrets/* secretValuesOf */.WD)(name, value))
                    environment.addSecret(secret);
            const url = new URL(spec.url);
            if (url.password !== '')
                environment.addSecret(decodeURIComponent(url.password));
            // `?token=…`, `?api_key=…`: the same names that make a header secret make a query value secret.
            for (const [name, value] of url.searchParams)
                if ((0,secrets/* isSecretHeader */.io)(name) && value !== '')
                    environment.addSecret(value);
            environment.debug(`http: ${spec.method} ${(0,reproduce/* shownUrl */.z)(spec.url)}`);
            const answer = await sendRequest({
                url: spec.url,
                method: spec.method,
                headers,
                body: spec.body,
                follow: spec.follow,
                insecure: spec.insecure,
                timeoutMs: call.timeoutMs,
                signal: call.signal,
            });
            return {
                status: answer.status,
                body: answer.body,
                latency_ms: answer.latencyMs,
                headers: answer.headers,
            };
        },
        close: async () => { },
    };
}


/***/ })

};
