// The heavy half of the `postgres` probe: a bounded pool of connections per gate, one read-only
// transaction per check on one of them, always rolled back. Loaded only through postgresProbe.open().
import { formatDuration } from '../../shared/duration.js';
import {
  DEFAULT_CONCURRENCY,
  ProbeError,
  type Fields,
  type ProbeCall,
  type ProbeEnvironment,
  type ProbeSession,
  type SessionOptions,
} from '../probe.js';
import { untilAborted } from './abort.js';
import { CANCEL_GRACE_MS, backendPid, sendCancel } from './cancel.js';
import { Connector } from './connection.js';
import { asDriverError, queryError } from './errors.js';
import { ConnectionPool, type PoolStats } from './pool.js';
import { parseTarget, secretsOf, type Target } from './target.js';
import { StaleConnection, checkOnConnection, prepareCheck, type PreparedCheck } from './transaction.js';

/** Opens the session; connections are made by the checks that need them. */
export function openPostgresSession(
  environment: ProbeEnvironment,
  options?: SessionOptions,
): PostgresSession {
  const url = environment.sources.postgres.url;
  const secrets = url ? secretsOf(url) : [];
  for (const secret of secrets) environment.addSecret(secret);
  const concurrency = options?.concurrency ?? DEFAULT_CONCURRENCY;
  const configured = environment.sources.postgres.maxConnections ?? concurrency;
  return new PostgresSession(environment, secrets, Math.max(1, Math.min(concurrency, configured)));
}

/** The target and its pool, made by the first check (a bad URL is that check's error). */
interface Source {
  target: Target;
  connector: Connector;
  pool: ConnectionPool;
}

export class PostgresSession implements ProbeSession<string> {
  private source: Source | undefined;

  constructor(
    private readonly environment: ProbeEnvironment,
    private readonly secrets: readonly string[],
    /** Most connections this session opens at once. */
    readonly poolSize: number,
  ) {}

  /** Connection counts so far (zeros before the first check). */
  get stats(): PoolStats {
    return this.source?.pool.stats ?? { open: 0, peak: 0, opened: 0 };
  }

  async run(call: ProbeCall<string>): Promise<Fields> {
    try {
      const source = (this.source ??= this.openSource());
      const check = prepareCheck(call, this.environment.sources.postgres.statementTimeoutMs);
      try {
        return await this.runOn(source, check, call, false);
      } catch (error) {
        if (!(error instanceof StaleConnection)) throw error;
        // The server ended an idle connection (restart, pg_terminate_backend, idle timeout).
        // Nothing of this check ran yet, so one try on a fresh connection is safe.
        this.environment.debug(
          `postgres: a connection to ${source.target.label.address} was gone (${error.message}); reconnecting`,
        );
        return await this.runOn(source, check, call, true).catch((retryError: unknown) => {
          if (!(retryError instanceof StaleConnection)) throw retryError;
          throw queryError(asDriverError(retryError), source.target.label, check.limits, check.sql, 0);
        });
      }
    } catch (error) {
      throw this.redacted(error);
    }
  }

  async close(): Promise<void> {
    const source = this.source;
    if (!source) return;
    // Statements of abandoned checks (the deadline passed) must not keep running on the server.
    for (const client of source.pool.inUse) sendCancel(source.target, client);
    const { opened, peak } = source.pool.stats;
    await source.pool.close(CANCEL_GRACE_MS);
    this.environment.debug(
      `postgres: closed every connection to ${source.target.label.address} (${opened} opened, at most ${peak} at once, limit ${this.poolSize})`,
    );
  }

  private openSource(): Source {
    const target = parseTarget(this.environment.sources.postgres.url, this.environment.env);
    return {
      target,
      connector: new Connector(target, (message) => this.environment.debug(message)),
      pool: new ConnectionPool(this.poolSize),
    };
  }

  /** One check on one pooled connection; the connection goes back only once the check is over. */
  private async runOn(
    source: Source,
    check: PreparedCheck,
    call: ProbeCall<string>,
    fresh: boolean,
  ): Promise<Fields> {
    const { pool, target, connector } = source;
    const client = await pool.acquire({
      signal: call.signal,
      fresh,
      open: async () => {
        const opened = await connector.open({
          signal: call.signal,
          timeoutMs: call.timeoutMs,
          onAbort: () => this.timeoutError(call, `PostgreSQL at ${target.label.address} did not let us in`),
        });
        this.environment.debug(
          `postgres: connected to ${target.label.address} as ${target.label.user} (backend ${backendPid(opened)}; ${pool.stats.open + 1} of at most ${pool.size})`,
        );
        return opened;
      },
      waitError: () =>
        this.timeoutError(
          call,
          `every connection (${pool.size}) was busy with other checks; raise max_connections or concurrency, or make the queries cheaper`,
        ),
    });
    let cancelled = false;
    let settled = false;
    const work = checkOnConnection(client, check, target.label, (name) =>
      this.environment.debug(
        `postgres: two columns are named "${name}" in ${JSON.stringify(call.spec.slice(0, 60))}; alias them to use them`,
      ),
    );
    // The connection goes back when its transaction is really over, not when the caller gives
    // up; a cancelled one is never reused, so a late cancel cannot hit the next check's query.
    void work.then(
      ({ reusable }) => {
        settled = true;
        if (reusable && !cancelled) pool.release(client);
        else pool.discard(client);
      },
      () => {
        settled = true;
        pool.discard(client);
      },
    );
    const outcome = await untilAborted(work, call.signal, () => {
      cancelled = true;
      sendCancel(target, client);
      setTimeout(() => {
        if (settled) return;
        // PostgreSQL cancels only a running statement: a cancel that arrived between two of the
        // check's statements (BEGIN, SET LOCAL, DECLARE, FETCH) was lost and the next one runs on.
        // Send it again (it travels on its own connection), then drop this one.
        sendCancel(target, client);
        pool.discard(client);
      }, CANCEL_GRACE_MS).unref();
      return this.timeoutError(call, 'the query was cancelled on the server');
    });
    if ('error' in outcome.result) throw outcome.result.error;
    return outcome.result.fields;
  }

  private timeoutError(call: ProbeCall<string>, what: string): ProbeError {
    return new ProbeError(
      `no answer within ${formatDuration(call.timeoutMs)} (the check's timeout); ${what}`,
    );
  }

  private redacted(error: unknown): Error {
    const probeError = error instanceof ProbeError ? error : new ProbeError(asDriverError(error).message);
    let message = probeError.message;
    for (const secret of this.secrets) if (secret.length >= 3) message = message.replaceAll(secret, '***');
    return message === probeError.message ? probeError : new ProbeError(message);
  }
}
