import { ProbeError } from '../probe.js';
import { oneLine } from '../../shared/text.js';

/** How much of an error answer's body a message quotes. */
const QUOTED = 200;

/** What the API said when it refused a query (`{"status":"error","errorType":…,"error":…}`). */
export interface ApiRefusal {
  errorType?: string;
  error?: string;
}

/**
 * `bad_data` with a parse position becomes `bad PromQL at 1:15: unclosed left parenthesis — near
 * 'rate(x[5m]'`: the position and the text around it, on one line.
 */
function badQuery(query: string, error: string): ProbeError {
  const parsed = /(\d+):(\d+): parse error: (.*)$/.exec(error);
  if (!parsed) return new ProbeError(`prometheus: the server refused the query: ${error}`);
  const [, line, column, reason] = parsed;
  const lineText = query.split('\n')[Number(line) - 1] ?? '';
  const at = Math.max(0, Number(column) - 1);
  const near = lineText.slice(Math.max(0, at - 40), at + 20).trim();
  return new ProbeError(
    `prometheus: bad PromQL at line ${line}, column ${column}: ${reason}${near ? ` — near '${near}'` : ''}; try it in the Prometheus UI (Graph tab) to see the whole error`,
  );
}

/** An answer with an error status, or `status: error`, as one line that says what to do. */
export function refusalError(
  status: number,
  statusText: string,
  refusal: ApiRefusal | undefined,
  bodyText: string,
  query: string,
  where: string,
): ProbeError {
  const said = refusal?.error;
  if (refusal?.errorType === 'bad_data' && said !== undefined) return badQuery(query, said);
  if (refusal?.errorType === 'timeout' || refusal?.errorType === 'canceled') {
    return new ProbeError(
      `prometheus: the server gave up on the query (${refusal.errorType}: ${said ?? 'no detail'}); narrow it (fewer series, a shorter range, a larger step) or raise the check's timeout`,
    );
  }
  if (refusal?.errorType === 'execution' && said !== undefined) {
    return new ProbeError(`prometheus: the query failed while it ran: ${said}`);
  }
  if (said !== undefined) {
    return new ProbeError(
      `prometheus: ${where} refused the query (${status} ${refusal?.errorType ?? 'error'}): ${said}`,
    );
  }
  const quoted = plainLine(bodyText);
  const detail = quoted ? `: ${quoted}` : '';
  if (status === 401 || status === 403) {
    return new ProbeError(
      `prometheus: ${where} answered ${status} ${statusText}${detail}; check the credentials in sources.prometheus.headers (e.g. Authorization: 'Bearer \${PROM_TOKEN}')`,
    );
  }
  if (status === 404) {
    return new ProbeError(
      `prometheus: no Prometheus API at ${where} (404); sources.prometheus.url is the base URL before /api/v1 (Grafana Cloud: …/api/prom; Thanos: the querier)`,
    );
  }
  if (status === 429) {
    return new ProbeError(
      `prometheus: ${where} is rate limiting queries (429)${detail}; run fewer checks at once or ask for a higher limit`,
    );
  }
  return new ProbeError(`prometheus: ${where} answered ${status} ${statusText}${detail}`);
}

/** A failure before any answer (refused, DNS, TLS, timeout) as one line. */
export function transportError(
  error: unknown,
  where: string,
  timeoutMs: number,
  timedOut: boolean,
): ProbeError {
  if (error instanceof ProbeError) return error;
  // The engine aborts the check's signal with a TimeoutError; fetch rejects with that reason.
  if (timedOut || (error as { name?: string } | undefined)?.name === 'TimeoutError') {
    return new ProbeError(
      `prometheus: no answer from ${where} within ${timeoutMs} ms (timeout); raise the check's timeout if the query is just slow`,
    );
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const rawCode: unknown = cause?.code ?? (error as { code?: unknown } | undefined)?.code;
  // DOMException carries a numeric legacy code; only Node's string codes say anything.
  const code = typeof rawCode === 'string' ? rawCode : '';
  if (code === 'ECONNREFUSED')
    return new ProbeError(
      `prometheus: connection refused by ${where}; is Prometheus up and listening there?`,
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ProbeError(
      `prometheus: cannot resolve the host of ${where} (DNS ${code}); check sources.prometheus.url`,
    );
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED/.test(code)) {
    return new ProbeError(
      `prometheus: TLS certificate of ${where} not accepted (${code}); fix the certificate or trust its CA (NODE_EXTRA_CA_CERTS)`,
    );
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return new ProbeError(`prometheus: ${where} closed the connection (${code})`);
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'AbortError')
    return new ProbeError(`prometheus: the query to ${where} was stopped (the check's time ran out)`);
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new ProbeError(`prometheus: request to ${where} failed (${code || plainLine(message)})`);
}

/** The body as one short line of plain text (HTML error pages lose their tags). */
function plainLine(text: string): string {
  return oneLine(text.replace(/<[^>]*>/g, ' '), QUOTED);
}
