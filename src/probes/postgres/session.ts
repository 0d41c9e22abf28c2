// The heavy half of the `postgres` probe: one pg client per gate, one read-only transaction per
// check, always rolled back. Loaded only through postgresProbe.open().
import { readFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import { formatDuration } from '../../config/duration.js';
import {
  ProbeError,
  type FieldValue,
  type Fields,
  type ProbeCall,
  type ProbeEnvironment,
  type ProbeSession,
} from '../probe.js';
import {
  asDriverError,
  connectError,
  isConnectionLost,
  queryError,
  type CheckLimits,
  type ServerLabel,
} from './errors.js';
import { highestParam, paramsOf, sqlTextProblem } from './sql-text.js';

const CURSOR = 'regression_gate_check';
// The query runs as a cursor so `rows` can be the true row count without fetching the rows:
// FETCH 1 brings the first row, MOVE ALL counts the rest on the server. DECLARE also accepts
// only query forms (a DELETE or EXPLAIN here is a syntax error), a second backstop after the
// config-time check, and it is sent with the extended protocol, which refuses a second statement.
const DECLARE = `DECLARE ${CURSOR} NO SCROLL CURSOR FOR `;
// Rows are counted, not streamed to us; and the planner is told the whole result will be read,
// so a cursor does not pick a fast-start plan a plain query would not use.
const FETCH_COUNT_ROLLBACK = `FETCH FORWARD 1 FROM ${CURSOR}; MOVE FORWARD ALL FROM ${CURSOR}; ROLLBACK`;
const LOCK_TIMEOUT_MAX_MS = 5_000;
// Between our own statements the session is idle for microseconds; this only ends a session whose
// client froze or vanished mid-check, so it cannot hold locks (and block a migration) for long.
const IDLE_IN_TRANSACTION_MS = 10_000;
const CANCEL_GRACE_MS = 3_000;
const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
type SslMode = (typeof SSL_MODES)[number];

// Values come back as PostgreSQL prints them (as psql would show them), except booleans and the
// integer/float types that a JS number holds exactly. int8 and numeric stay strings so counts past
// 2^53 stay exact; the engine compares numeric strings exactly.
const asIs = (value: string): string => value;
const PARSERS: Record<number, (value: string) => FieldValue> = {
  16: (value) => value === 't', // bool
  21: Number, // int2
  23: Number, // int4
  26: Number, // oid
  700: Number, // float4
  701: Number, // float8
};
const fieldTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number) => PARSERS[oid] ?? asIs) as pg.CustomTypesConfig['getTypeParser'],
};

/** Where and how to connect, parsed from sources.postgres.url without pg. */
interface Target {
  label: ServerLabel;
  host: string;
  port: number;
  /** The URL without TLS parameters (this module sets `ssl` itself, with libpq semantics). */
  connectionString: string;
  /** TLS settings to try in order; `false` is a plaintext attempt. */
  attempts: (ConnectionOptions | false)[];
}

/** Opens the session; the connection itself is made by the first check. */
export function openPostgresSession(environment: ProbeEnvironment): ProbeSession<string> {
  const url = environment.sources.postgres.url;
  const secrets = url ? secretsOf(url) : [];
  for (const secret of secrets) environment.addSecret(secret);
  return new PostgresSession(environment, secrets);
}

/** The URL and its password (raw and decoded): what must never leave the process. */
function secretsOf(url: string): string[] {
  const secrets = [url];
  try {
    const parsed = new URL(url);
    for (const password of [parsed.password, parsed.searchParams.get('password') ?? '']) {
      if (password) secrets.push(password, safeDecode(password));
    }
  } catch {
    // An unparsable URL is reported by the first check; the whole string is registered already.
  }
  return [...new Set(secrets)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads the URL the way libpq does for host, port, user, database and the ssl* parameters. */
export function parseTarget(
  url: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Target {
  if (!url) {
    throw new ProbeError(
      'no PostgreSQL to ask: set sources.postgres.url in the gate file (e.g. url: ${DATABASE_URL}) and DATABASE_URL in the step env',
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProbeError(
      'sources.postgres.url is not a valid URL; write it as postgresql://user:password@host:5432/database',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ProbeError(`sources.postgres.url must start with postgresql:// (got "${parsed.protocol}//")`);
  }
  const query = parsed.searchParams;
  const host =
    query.get('host') ??
    (safeDecode(parsed.hostname).replace(/^\[(.+)\]$/, '$1') || env.PGHOST || 'localhost');
  const port = Number(query.get('port') ?? (parsed.port || env.PGPORT || 5432));
  const user = safeDecode(parsed.username) || query.get('user') || env.PGUSER || 'postgres';
  const database = safeDecode(parsed.pathname.slice(1)) || query.get('dbname') || env.PGDATABASE || user;
  const address = host.startsWith('/')
    ? `${host}/.s.PGSQL.${port}`
    : `${host.includes(':') ? `[${host}]` : host}:${port}`;

  const mode = (query.get('sslmode') ?? env.PGSSLMODE ?? 'prefer') as SslMode;
  if (!SSL_MODES.includes(mode)) {
    throw new ProbeError(
      `sources.postgres.url has sslmode=${String(mode)}; use one of ${SSL_MODES.join(', ')}`,
    );
  }
  const readFile = (parameter: string): string | undefined => {
    const file = query.get(parameter);
    if (!file) return undefined;
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new ProbeError(`cannot read ${parameter} file "${file}" named in sources.postgres.url`);
    }
  };
  const ca = readFile('sslrootcert');
  const cert = readFile('sslcert');
  const key = readFile('sslkey');
  const files: ConnectionOptions = { ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
  // libpq: require encrypts without verifying (unless a root certificate is given, then it
  // verifies the chain like verify-ca); verify-ca checks the chain, not the host name;
  // verify-full checks both. prefer (libpq's default) and allow may fall back to plaintext.
  const unverified: ConnectionOptions = { ...files, rejectUnauthorized: false };
  const chainOnly: ConnectionOptions = { ...files, ca, checkServerIdentity: () => undefined };
  let attempts: (ConnectionOptions | false)[];
  switch (mode) {
    case 'disable':
      attempts = [false];
      break;
    case 'allow':
      attempts = [false, unverified];
      break;
    case 'prefer':
      attempts = [unverified, false];
      break;
    case 'require':
      attempts = [ca ? chainOnly : unverified];
      break;
    case 'verify-ca':
      if (!ca)
        throw new ProbeError(
          'sslmode=verify-ca needs sslrootcert=<CA file> in sources.postgres.url (or use sslmode=verify-full)',
        );
      attempts = [chainOnly];
      break;
    case 'verify-full':
      attempts = [{ ...files, ...(ca ? { ca } : {}) }];
      break;
  }
  for (const parameter of ['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'ssl', 'uselibpqcompat'])
    query.delete(parameter);
  return { label: { address, user, database }, host, port, connectionString: parsed.toString(), attempts };
}

/** The promise of a turn on the one connection, and the release of it. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  lock(): { ready: Promise<void>; release: () => void } {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail;
    this.tail = ready.then(() => turn);
    return { ready, release };
  }
}

/** Rejects when the signal aborts; the promise itself keeps running. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, onAbort: () => ProbeError): Promise<T> {
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The backend key pg keeps after login; not in pg's typings. */
interface BackendKey {
  processID: number | null;
  secretKey: number | null;
}

class PostgresSession implements ProbeSession<string> {
  private client: pg.Client | undefined;
  private target: Target | undefined;
  /** The TLS attempt that worked, reused on reconnect. */
  private workingAttempt: ConnectionOptions | false | undefined;
  private readonly mutex = new Mutex();

  constructor(
    private readonly environment: ProbeEnvironment,
    private readonly secrets: readonly string[],
  ) {}

  async run(call: ProbeCall<string>): Promise<Fields> {
    const { ready, release } = this.mutex.lock();
    try {
      await untilAborted(ready, call.signal, () =>
        this.timeoutError(call, 'waiting for the connection (another check was running)'),
      );
    } catch (error) {
      void ready.then(release);
      throw this.redacted(error);
    }
    const work = this.check(call);
    const cleanup = work.then(
      () => undefined,
      () => undefined,
    );
    // The turn ends when the check's transaction is really over, not when the caller gives up,
    // so a timed-out check can never interleave with the next one.
    let settled = false;
    void cleanup.then(() => {
      settled = true;
      release();
    });
    try {
      return await untilAborted(work, call.signal, () => {
        this.cancelRunning();
        setTimeout(() => {
          if (!settled) this.dropConnection();
        }, CANCEL_GRACE_MS).unref();
        return this.timeoutError(call, 'the query was cancelled on the server');
      });
    } catch (error) {
      throw this.redacted(error);
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    const ended = client.end().catch(() => undefined);
    const timer = new Promise<void>((resolve) => setTimeout(resolve, CANCEL_GRACE_MS).unref());
    await Promise.race([ended, timer]);
    destroyStream(client);
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

  private async check(call: ProbeCall<string>): Promise<Fields> {
    const target = (this.target ??= parseTarget(this.environment.sources.postgres.url, this.environment.env));
    // The loader validated this already; checked again so the session is safe on its own.
    const problem = sqlTextProblem(call.spec);
    if (problem) throw new ProbeError(problem);
    const sql = call.spec.replace(/[\s;]+$/, '');
    const params = paramsOf(call.extras);
    const needed = highestParam(sql);
    if (needed !== params.length) {
      throw new ProbeError(
        `the SQL uses ${needed === 0 ? 'no $n parameters' : `$1..$${needed}`} but params has ${params.length} value(s); make them match`,
      );
    }
    const configured = this.environment.sources.postgres.statementTimeoutMs;
    const fromStatementTimeout = configured > 0 && configured <= call.timeoutMs;
    const statementTimeoutMs = Math.max(1, Math.round(fromStatementTimeout ? configured : call.timeoutMs));
    const limits: CheckLimits = {
      statementTimeoutMs,
      fromStatementTimeout,
      lockTimeoutMs: Math.min(LOCK_TIMEOUT_MAX_MS, statementTimeoutMs),
    };
    const begin = [
      'BEGIN READ ONLY',
      `SET LOCAL statement_timeout = ${limits.statementTimeoutMs}`,
      `SET LOCAL lock_timeout = ${limits.lockTimeoutMs}`,
      `SET LOCAL idle_in_transaction_session_timeout = ${IDLE_IN_TRANSACTION_MS}`,
      'SET LOCAL cursor_tuple_fraction = 1',
    ].join('; ');

    let client = await this.connected(target, call);
    try {
      await client.query(begin);
    } catch (error) {
      const driverError = asDriverError(error);
      if (!isConnectionLost(driverError)) throw queryError(driverError, target.label, limits, sql, 0);
      // The server ended an idle session (restart, pg_terminate_backend, idle timeout). Nothing of
      // this check ran yet, so one fresh connection and a retry is safe.
      this.environment.debug(
        `postgres: connection to ${target.label.address} was gone (${driverError.message}); reconnecting`,
      );
      this.dropConnection();
      client = await this.connected(target, call);
      await client.query(begin);
    }

    try {
      await client.query({
        text: DECLARE + sql,
        values: [...params],
        queryMode: 'extended',
      } as pg.QueryConfig);
      const results = (await client.query({
        text: FETCH_COUNT_ROLLBACK,
        types: fieldTypes,
        rowMode: 'array',
      })) as unknown;
      if (!Array.isArray(results) || results.length !== 3)
        throw new ProbeError('unexpected reply from PostgreSQL to FETCH/MOVE');
      const [first, rest] = results as [pg.QueryResult<unknown[]>, pg.QueryResult];
      return this.fields(first, (first.rowCount ?? 0) + (rest.rowCount ?? 0), call);
    } catch (error) {
      await this.rollback(client);
      if (error instanceof ProbeError) throw error;
      throw queryError(asDriverError(error), target.label, limits, sql, DECLARE.length);
    }
  }

  private fields(first: pg.QueryResult<unknown[]>, rows: number, call: ProbeCall<string>): Fields {
    const row = first.rows[0];
    const fields: Fields = {};
    const seen = new Set<string>();
    const ambiguous = new Set<string>();
    first.fields.forEach((field, index) => {
      if (field.name === 'rows') {
        throw new ProbeError(
          'a column is named "rows", which is the row-count field; give it another alias (… as n)',
        );
      }
      if (seen.has(field.name)) ambiguous.add(field.name);
      seen.add(field.name);
      fields[field.name] = row ? toFieldValue(row[index]) : null;
    });
    // Two columns with one name: neither is kept, so an expect that names it is a check error
    // (unknown field) instead of silently comparing whichever came last.
    for (const name of ambiguous) {
      delete fields[name];
      this.environment.debug(
        `postgres: two columns are named "${name}" in ${JSON.stringify(call.spec.slice(0, 60))}; alias them to use them`,
      );
    }
    fields.rows = rows;
    return fields;
  }

  private async rollback(client: pg.Client): Promise<void> {
    try {
      await client.query('ROLLBACK');
    } catch {
      // A connection that cannot even roll back is dead; the server rolls back on its own.
      this.dropConnection();
    }
  }

  private async connected(target: Target, call: ProbeCall<string>): Promise<pg.Client> {
    if (this.client) return this.client;
    const attempts = this.workingAttempt === undefined ? target.attempts : [this.workingAttempt];
    let lastError: unknown;
    for (const ssl of attempts) {
      const client = new pg.Client({
        connectionString: target.connectionString,
        ssl,
        application_name: 'regression-gate',
        connectionTimeoutMillis: Math.max(1, Math.round(call.timeoutMs)),
        keepAlive: true,
      });
      // Without a listener an error on an idle client (the server ended the session) would crash
      // the process; with it, the next check reconnects.
      client.on('error', (error: Error) => {
        this.environment.debug(`postgres: connection error on an idle connection: ${error.message}`);
        if (this.client === client) this.client = undefined;
      });
      client.on('end', () => {
        if (this.client === client) this.client = undefined;
      });
      try {
        await untilAborted(client.connect(), call.signal, () => {
          destroyStream(client);
          return this.timeoutError(call, `PostgreSQL at ${target.label.address} did not let us in`);
        });
        this.client = client;
        this.workingAttempt = ssl;
        this.environment.debug(
          `postgres: connected to ${target.label.address} as ${target.label.user} (${ssl ? 'TLS' : 'plaintext'})`,
        );
        return client;
      } catch (error) {
        destroyStream(client);
        if (error instanceof ProbeError) throw error;
        lastError = error;
        const driverError = asDriverError(error);
        // Only the TLS-or-not negotiation falls through to the next attempt (prefer / allow).
        const negotiation =
          /does not support SSL/i.test(driverError.message) ||
          (driverError.code === '28000' && /no encryption/i.test(driverError.message));
        if (!negotiation) break;
      }
    }
    throw connectError(asDriverError(lastError), target.label, call.timeoutMs);
  }

  /** Asks the server to cancel the running statement (a separate connection, like psql's Ctrl-C). */
  private cancelRunning(): void {
    const client = this.client;
    const target = this.target;
    if (!client || !target) return;
    const key = client as unknown as BackendKey;
    if (key.processID === null || key.secretKey === null) return;
    const message = Buffer.alloc(16);
    message.writeInt32BE(16, 0);
    message.writeInt32BE(80877102, 4); // CancelRequest code
    message.writeInt32BE(key.processID, 8);
    message.writeInt32BE(key.secretKey, 12);
    const socket = target.host.startsWith('/')
      ? netConnect({ path: `${target.host}/.s.PGSQL.${target.port}` })
      : netConnect({ host: target.host, port: target.port });
    socket.setTimeout(CANCEL_GRACE_MS, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('connect', () => socket.end(message));
  }

  private dropConnection(): void {
    const client = this.client;
    this.client = undefined;
    if (client) destroyStream(client);
  }
}

/** Ends a connection at once, even one whose peer stopped answering. */
function destroyStream(client: pg.Client): void {
  const connection = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection;
  connection?.stream?.destroy();
}

function toFieldValue(value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Unreachable with fieldTypes (every parser returns a scalar); kept total for safety.
  return JSON.stringify(value);
}
