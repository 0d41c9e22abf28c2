// Turns what pg and the server report into one line a person can act on. Server messages are
// kept (they name the table or column); stack traces, URLs and passwords never are.
import { formatDuration } from '../../shared/duration.js';
import { oneLine } from '../../shared/text.js';
import { ProbeError } from '../probe.js';
import { lineAndColumn } from './sql-text.js';

/** The parts of a pg DatabaseError or a Node socket error this module reads. */
export interface DriverError {
  message: string;
  code?: string;
  position?: string;
  hint?: string;
}

/** Where the server is, for messages ("db.example.com:5432"); never includes the user or password. */
export interface ServerLabel {
  address: string;
  user: string;
  database: string;
}

/** Timeouts in force for the check, to name the one that fired. */
export interface CheckLimits {
  statementTimeoutMs: number;
  /** True when statement_timeout came from sources.postgres.statement_timeout, not the check's timeout. */
  fromStatementTimeout: boolean;
  lockTimeoutMs: number;
}

/** Narrows an unknown throw to the fields pg and Node errors carry. */
export function asDriverError(error: unknown): DriverError {
  if (error instanceof Error) {
    const record = error as Error & Record<string, unknown>;
    const text = (key: string): string | undefined =>
      typeof record[key] === 'string' ? record[key] : undefined;
    return { message: error.message, code: text('code'), position: text('position'), hint: text('hint') };
  }
  return { message: String(error) };
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  ECONNRESET: 'connection reset',
  ENOENT: 'no socket file there',
};

/** True when the error means the connection is gone (so the next check must reconnect). */
export function isConnectionLost(error: DriverError): boolean {
  return (
    (error.code !== undefined &&
      (error.code in NETWORK_CODES || error.code === 'EPIPE' || error.code.startsWith('57P'))) ||
    /Connection terminated|connection is closed|Client has encountered a connection error|not queryable/i.test(
      error.message,
    )
  );
}

/** An error raised while connecting and logging in. */
export function connectError(error: DriverError, server: ServerLabel, connectTimeoutMs: number): ProbeError {
  const where = `PostgreSQL at ${server.address}`;
  const network = error.code ? NETWORK_CODES[error.code] : undefined;
  if (network)
    return new ProbeError(
      `cannot reach ${where} (${network}); check sources.postgres.url and that the server is up`,
    );
  if (/timeout expired/i.test(error.message)) {
    return new ProbeError(
      `cannot reach ${where} (no answer within ${formatDuration(connectTimeoutMs)}); check sources.postgres.url and the network path`,
    );
  }
  switch (error.code) {
    case '28P01':
      return new ProbeError(
        `${where} refused the password for user "${server.user}"; check the password in sources.postgres.url (DATABASE_URL)`,
        { retryable: false },
      );
    case '28000':
      return new ProbeError(`${where} refused user "${server.user}": ${oneLine(error.message)}`, {
        retryable: false,
      });
    case '3D000':
      return new ProbeError(
        `database "${server.database}" does not exist on ${server.address}; check the database name in sources.postgres.url`,
        { retryable: false },
      );
    case '53300':
      return new ProbeError(`${where} has no free connections: ${oneLine(error.message)}`);
    default:
      break;
  }
  if (/does not support SSL/i.test(error.message)) {
    return new ProbeError(
      `${where} does not accept TLS but the URL's sslmode requires it; use sslmode=prefer or disable only on a trusted network`,
      { retryable: false },
    );
  }
  if (
    /certificate|self[- ]signed|altnames|TLS|SSL/i.test(error.message) ||
    /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(error.code ?? '')
  ) {
    return new ProbeError(
      `TLS to ${where} failed: ${oneLine(error.message)}; check sslmode and sslrootcert in sources.postgres.url`,
      { retryable: false },
    );
  }
  if (/Connection terminated/i.test(error.message)) {
    return new ProbeError(
      `${where} closed the connection during login; check sources.postgres.url (host, port, sslmode)`,
    );
  }
  return new ProbeError(`cannot connect to ${where}: ${oneLine(error.message)}`);
}

/**
 * An error raised by the check's query. `sql` is the text the user wrote and `offset` how many
 * characters the session put in front of it, so positions point into the user's own text.
 */
export function queryError(
  error: DriverError,
  server: ServerLabel,
  limits: CheckLimits,
  sql: string,
  offset: number,
): ProbeError {
  const message = oneLine(error.message);
  const where = (): string => {
    const position = Number(error.position) - 1 - offset;
    return Number.isInteger(position) && position >= 0 && position <= sql.length
      ? ` (${lineAndColumn(sql, position)})`
      : '';
  };
  const hint = error.hint ? `; ${oneLine(error.hint)}` : '';
  switch (error.code) {
    case '57014':
      if (/statement timeout/i.test(message)) {
        const which = limits.fromStatementTimeout ? 'statement_timeout' : "the check's timeout";
        return new ProbeError(
          `query cancelled after ${formatDuration(limits.statementTimeoutMs)} (${which}); make it cheaper (an index, a narrower where) or raise ${limits.fromStatementTimeout ? 'sources.postgres.statement_timeout' : 'timeout'}`,
        );
      }
      return new ProbeError(`query cancelled: ${message}`);
    case '25006':
      return new ProbeError(`the query tried to write (${message}); gates run read-only`);
    case '25001':
      return new ProbeError(
        `the query tried to leave the read-only transaction (${message}); gates run read-only`,
      );
    case '0A000':
      if (/data-modifying/i.test(message))
        return new ProbeError(
          `the query tried to write (a data-modifying statement in WITH); gates run read-only`,
        );
      return new ProbeError(`PostgreSQL does not support this here: ${message}`);
    case '42601':
      if (/multiple commands/i.test(message))
        return new ProbeError(
          'one statement only: the SQL holds more than one statement; put each query in its own check',
        );
      return new ProbeError(`SQL ${message}${where()}`);
    case '42P01':
      return new ProbeError(
        `${message.replace(/^relation/, 'table')}${where()} in database "${server.database}"${hint}`,
      );
    case '42703':
      return new ProbeError(`${message}${where()}${hint}`);
    case '42883':
      return new ProbeError(`${message}${where()}${hint}`);
    case '42501':
      return new ProbeError(
        `${message}: the gate's login role needs SELECT on it (see docs/postgres.md for the grants)`,
      );
    case '55P03':
      return new ProbeError(
        `query gave up waiting for a lock after ${formatDuration(limits.lockTimeoutMs)} (lock_timeout): another transaction holds it (a migration?); retry with wait:`,
      );
    case '08P01':
    case '42P02':
      if (/parameter/i.test(message))
        return new ProbeError(`the SQL's $n parameters do not match params: ${message}`);
      break;
    default:
      break;
  }
  if (isConnectionLost(error))
    return new ProbeError(
      `lost the connection to PostgreSQL at ${server.address} during the query: ${message}`,
    );
  return new ProbeError(`PostgreSQL error${error.code ? ` ${error.code}` : ''}: ${message}${where()}${hint}`);
}
