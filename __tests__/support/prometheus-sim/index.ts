// A small Prometheus HTTP API simulator for the faults a real server will not produce on demand:
// slow answers, 5xx pages, malformed or cut JSON, warnings, NaN/Inf, native histograms. Each query
// text maps to a scripted answer; every request is recorded. Listens on 127.0.0.1 only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer. */
export interface SimAnswer {
  status?: number;
  /** JSON body (serialised) or raw text. */
  body: unknown;
  contentType?: string;
  /** Wait this long before the headers. */
  delayMs?: number;
  /** Write the body this many bytes at a time (to cross chunk boundaries everywhere). */
  chunkBytes?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** One request the simulator saw. */
export interface SimRequest {
  path: string;
  params: Record<string, string>;
  headers: http.IncomingHttpHeaders;
}

export interface PrometheusSim {
  url: string;
  requests: SimRequest[];
  /** Scripts the answer to a query (by its exact text). */
  answer(query: string, answer: SimAnswer): void;
  close(): Promise<void>;
}

/** `{"status":"success","data":{"resultType":"vector","result":[…]}}` for series → value. */
export function vector(
  series: { metric: Record<string, string>; value: string }[],
  extra: object = {},
): object {
  return {
    status: 'success',
    data: {
      resultType: 'vector',
      result: series.map((item) => ({ metric: item.metric, value: [1_700_000_000.5, item.value] })),
    },
    ...extra,
  };
}

/** A matrix answer of `series` series × `points` points; values from `valueOf(series, point)`. */
export function matrixText(
  series: number,
  points: number,
  valueOf: (series: number, point: number) => string,
): string {
  const parts: string[] = ['{"status":"success","data":{"resultType":"matrix","result":['];
  for (let index = 0; index < series; index++) {
    const values: string[] = [];
    for (let point = 0; point < points; point++)
      values.push(`[${1_700_000_000 + point * 15},"${valueOf(index, point)}"]`);
    parts.push(
      `${index > 0 ? ',' : ''}{"metric":{"__name__":"http_requests_total","pod":"web-${index}","code":"200"},"values":[${values.join(',')}]}`,
    );
  }
  parts.push(']}}');
  return parts.join('');
}

export async function startPrometheusSim(): Promise<PrometheusSim> {
  const answers = new Map<string, SimAnswer>();
  const requests: SimRequest[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sim');
    const params = Object.fromEntries(url.searchParams);
    requests.push({ path: url.pathname, params, headers: request.headers });
    if (url.pathname !== '/api/v1/query' && url.pathname !== '/api/v1/query_range') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n');
      return;
    }
    const scripted = answers.get(params.query ?? '');
    if (!scripted) {
      response.writeHead(400, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          status: 'error',
          errorType: 'bad_data',
          error: `simulator: no answer scripted for ${params.query}`,
        }),
      );
      return;
    }
    const send = (): void => {
      const text = typeof scripted.body === 'string' ? scripted.body : JSON.stringify(scripted.body);
      response.writeHead(scripted.status ?? 200, {
        'content-type': scripted.contentType ?? 'application/json',
        ...scripted.headers,
      });
      const step = scripted.chunkBytes;
      if (step === undefined) return void response.end(text);
      const bytes = Buffer.from(text);
      let at = 0;
      const next = (): void => {
        if (at >= bytes.length) return void response.end();
        const piece = bytes.subarray(at, at + step);
        at += step;
        // One write per tick so each piece reaches the client as its own chunk.
        response.write(piece, () => setImmediate(next));
      };
      next();
    };
    if (scripted.delayMs === undefined) return send();
    const timer = setTimeout(send, scripted.delayMs);
    response.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answer: (query, answer) => void answers.set(query, answer),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
