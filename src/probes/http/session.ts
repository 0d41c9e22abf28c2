import type { Fields, ProbeCall, ProbeEnvironment, ProbeSession } from '../probe.js';
import { sendRequest } from './request.js';
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
      });
      return {
        status: answer.status,
        body: answer.body,
        latency_ms: answer.latencyMs,
        headers: answer.headers,
      };
    },
    close: async (): Promise<void> => {},
  };
}
