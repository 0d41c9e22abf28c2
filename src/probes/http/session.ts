import {
  ProbeError,
  type Fields,
  type ProbeCall,
  type ProbeEnvironment,
  type ProbeSession,
} from '../probe.js';
import { BODY_LIMIT, sendRequest } from './request.js';
import { shownUrl } from './reproduce.js';
import type { HttpSpec } from './schema.js';
import { isSecretHeader, secretValuesOf } from './secrets.js';

/** Opens the http probe's session; each check is one request (no pooled connections). */
export function openHttpSession(environment: ProbeEnvironment): ProbeSession<HttpSpec> {
  return {
    run: async (call: ProbeCall<HttpSpec>): Promise<Fields> => {
      const { spec } = call;
      const headers = spec.headers ?? {};
      // Registered before the request so that no error message or log can show them.
      for (const [name, value] of Object.entries(headers))
        for (const secret of secretValuesOf(name, value)) environment.addSecret(secret);
      const url = new URL(spec.url);
      if (url.password !== '') environment.addSecret(decodeURIComponent(url.password));
      // `?token=…`, `?api_key=…`: the same names that make a header secret make a query value secret.
      for (const [name, value] of url.searchParams)
        if (isSecretHeader(name) && value !== '') environment.addSecret(value);
      environment.debug(`http: ${spec.method} ${shownUrl(spec.url)}`);
      const answer = await sendRequest({
        url: spec.url,
        method: spec.method,
        headers,
        body: spec.body,
        follow: spec.follow,
        insecure: spec.insecure,
        timeoutMs: call.timeoutMs,
        signal: call.signal,
        ...(spec.json === undefined ? {} : { bodyLimit: JSON_BODY_LIMIT }),
      });
      const fields: Fields = {
        status: answer.status,
        body: spec.json === undefined ? answer.body : firstBytes(answer.body, BODY_LIMIT),
        latency_ms: answer.latencyMs,
        headers: answer.headers,
      };
      if (spec.json === undefined) return fields;
      if (answer.truncated) {
        throw new ProbeError(
          `http: the answer from ${shownUrl(spec.url)} is larger than ${JSON_BODY_LIMIT / 1024 / 1024} MiB; json: fields read answers up to that size — ask the API for less`,
        );
      }
      // jsonpath-plus loads only for checks that read JSON fields.
      const { jsonFields } = await import('./json-fields.js');
      return { ...fields, ...jsonFields(spec.json, answer.body, answer.headers['content-type'] ?? '') };
    },
    close: async (): Promise<void> => {},
  };
}

/** How much of an answer `json:` fields read; the `body` field still keeps the first BODY_LIMIT bytes. */
export const JSON_BODY_LIMIT = 8 * 1024 * 1024;

/** The first `limit` bytes of a text, without a character cut in two. */
function firstBytes(text: string, limit: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return text;
  return new TextDecoder('utf-8').decode(bytes.subarray(0, limit), { stream: true });
}
