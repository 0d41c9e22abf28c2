import { defineProbe, type ProbeEnvironment, type ProbeSession } from '../probe.js';
import { reproduceHttp, shownUrl } from './reproduce.js';
import { HTTP_FIELDS, httpSpecSchema, type HttpSpec } from './schema.js';

/** An HTTP(S) endpoint: status, body, latency and headers of one request, and named fields of a JSON answer. */
export const httpProbe = defineProbe<HttpSpec>({
  kind: 'http',
  schema: httpSpecSchema,
  fields: (spec) => [...HTTP_FIELDS, ...Object.keys(spec.json ?? {})],
  defaultExpect: () => 'status < 400',
  reproduce: (spec) => reproduceHttp(spec),
  // Each origin gets its own concurrency limit: a slow service does not hold up checks of another.
  source: (spec) => new URL(spec.url).origin,
  describe: (spec) => {
    const notes = [spec.follow ? 'follows redirects' : '', spec.insecure ? 'TLS not verified' : ''].filter(
      Boolean,
    );
    return `${spec.method} ${shownUrl(spec.url)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  },
  open: async (environment: ProbeEnvironment): Promise<ProbeSession<HttpSpec>> => {
    // node:http/https and the TLS stack load only when a gate has an http check.
    const { openHttpSession } = await import('./session.js');
    return openHttpSession(environment);
  },
});
