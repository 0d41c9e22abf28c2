import http from 'node:http';
import https from 'node:https';
import { ProbeError } from '../probe.js';
import { shownUrl } from './reproduce.js';
import { isSecretHeader, MASK } from './secrets.js';

/** How much of a response body the probe keeps. */
export const BODY_LIMIT = 64 * 1024;
const MAX_REDIRECTS = 5;

/** One HTTP request as the probe makes it. */
export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  follow: boolean;
  insecure: boolean;
  timeoutMs: number;
  signal: AbortSignal;
  /** Bytes of the body kept (default BODY_LIMIT); more is cut and `truncated` set. */
  bodyLimit?: number;
}

/** What the probe measured. */
export interface HttpAnswer {
  status: number;
  body: string;
  latencyMs: number;
  /** Lower-case names; secret-like values masked. */
  headers: Record<string, string>;
  /** The body was longer than the request's bodyLimit and was cut. */
  truncated: boolean;
}

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  truncated: boolean;
}

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
function describeFailure(
  error: NodeJS.ErrnoException,
  url: URL,
  timeoutMs: number,
  timedOut: boolean,
): ProbeError {
  const where = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  const code = error.code ?? '';
  if (timedOut || error.name === 'AbortError' || code === 'ABORT_ERR') {
    return new ProbeError(
      `http: no answer from ${shownUrl(url.href)} within ${timeoutMs} ms (timeout); raise the check's timeout if it is just slow`,
    );
  }
  if (code === 'ECONNREFUSED')
    return new ProbeError(`http: connection refused by ${where}; is the service up and listening there?`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ProbeError(
      `http: cannot resolve host ${url.hostname} (DNS ${code}); check the host name and the runner's DNS`,
    );
  }
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) {
    return new ProbeError(
      `http: TLS certificate of ${where} not accepted (${code}); fix the certificate (or trust its CA) or set insecure: true`,
      { retryable: false },
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return new ProbeError(`http: ${where} closed the connection (${code})`);
  return new ProbeError(`http: request to ${shownUrl(url.href)} failed (${code || error.message})`);
}

function once(
  request: HttpRequest,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal,
): Promise<RawAnswer> {
  return new Promise<RawAnswer>((resolve, reject) => {
    const options: https.RequestOptions = {
      method,
      headers:
        body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers },
      signal,
      // No keep-alive pool: a gate makes few requests and must not leave sockets open at the end.
      agent: false,
      rejectUnauthorized: !request.insecure,
    };
    const client = url.protocol === 'https:' ? https : http;
    const outgoing = client.request(url, options, (response) => {
      const chunks: Buffer[] = [];
      const limit = request.bodyLimit ?? BODY_LIMIT;
      let kept = 0;
      let settled = false;
      const finish = (truncated: boolean): void => {
        if (settled) return;
        settled = true;
        // Stream decoding drops a character the cut split in two instead of garbling it.
        const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks), { stream: true });
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text, truncated });
        response.destroy();
      };
      response.on('data', (chunk: Buffer) => {
        if (settled) return;
        const room = limit - kept;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        kept += Math.min(chunk.length, room);
        // The rest of a large body is not needed; stop reading it.
        if (chunk.length > room) finish(true);
      });
      response.on('end', () => finish(false));
      response.on('error', (error) => {
        if (!settled) reject(error);
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

function maskHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    result[name.toLowerCase()] = isSecretHeader(name) ? MASK : text;
  }
  return result;
}

/**
 * Makes the request with node:http/https (TLS verification is per request, redirects are
 * followed by hand so they can be refused), within `timeoutMs` for the whole try.
 */
export async function sendRequest(request: HttpRequest): Promise<HttpAnswer> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = AbortSignal.any([request.signal, timeout]);
  const started = performance.now();
  let url = new URL(request.url);
  let method = request.method;
  let body = request.body;
  let headers = { ...request.headers };
  for (let redirects = 0; ; redirects += 1) {
    let answer: RawAnswer;
    try {
      answer = await once(request, url, method, headers, body, signal);
    } catch (error) {
      throw describeFailure(error as NodeJS.ErrnoException, url, request.timeoutMs, signal.aborted);
    }
    const location = answer.headers.location;
    if (!request.follow || !REDIRECTS.has(answer.status) || location === undefined) {
      return {
        status: answer.status,
        body: answer.body,
        latencyMs: Math.round(performance.now() - started),
        headers: maskHeaders(answer.headers),
        truncated: answer.truncated,
      };
    }
    if (redirects === MAX_REDIRECTS) {
      throw new ProbeError(
        `http: more than ${MAX_REDIRECTS} redirects from ${shownUrl(request.url)}; the last went to ${shownUrl(new URL(location, url).href)}`,
      );
    }
    const next = new URL(location, url);
    // As browsers and curl do: credentials are not sent to another origin.
    if (next.origin !== url.origin) {
      headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !isSecretHeader(name)));
    }
    // 303, and 301/302 after a POST, turn into a GET without a body (RFC 9110 15.4).
    if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method === 'POST')) {
      method = method === 'HEAD' ? 'HEAD' : 'GET';
      body = undefined;
    }
    url = next;
  }
}
