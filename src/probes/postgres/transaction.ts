// One check on one connection: a read-only transaction with the check's timeouts, the query as a
// cursor, always rolled back, and what outlives a rollback released, so nothing the query did to
// the session can reach the next check that gets this connection.
import pg from 'pg';
import { ProbeError, type FieldValue, type Fields, type ProbeCall } from '../probe.js';
import { asDriverError, isConnectionLost, queryError, type CheckLimits, type ServerLabel } from './errors.js';
import { highestParam, paramsOf, sqlTextProblem } from './sql-text.js';

const CURSOR = 'regression_gate_check';
// The query runs as a cursor so `rows` can be the true row count without fetching the rows:
// FETCH 1 brings the first row, MOVE ALL counts the rest on the server. DECLARE also accepts
// only query forms (a DELETE or EXPLAIN here is a syntax error), a second backstop after the
// config-time check, and it is sent with the extended protocol, which refuses a second statement.
const DECLARE = `DECLARE ${CURSOR} NO SCROLL CURSOR FOR `;
// Ends every check, in the same message as the FETCH when the query succeeded (no extra round
// trip). ROLLBACK undoes the query's settings (even set_config(…, false)), cursors, LISTEN and
// temp objects. Of what DISCARD ALL resets, only two things outlive a rolled-back read-only
// transaction, so only those two are added (the full DISCARD ALL costs ~0.6 ms more per check on
// a busy server, and cannot share a message anyway): session advisory locks and statements a
// function PREPAREd. Then nothing one check does reaches the next check on the connection.
const END_STATEMENTS = ['ROLLBACK', 'SELECT pg_advisory_unlock_all()', 'DEALLOCATE ALL'];
const END_CHECK = END_STATEMENTS.join('; ');
// Rows are counted, not streamed to us; and the planner is told the whole result will be read,
// so a cursor does not pick a fast-start plan a plain query would not use.
const FETCH_COUNT_END = `FETCH FORWARD 1 FROM ${CURSOR}; MOVE FORWARD ALL FROM ${CURSOR}; ${END_CHECK}`;
const LOCK_TIMEOUT_MAX_MS = 5_000;
// Between our own statements the session is idle for microseconds; this only ends a session whose
// client froze or vanished mid-check, so it cannot hold locks (and block a migration) for long.
const IDLE_IN_TRANSACTION_MS = 10_000;

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

/** A check's SQL, bound values and timeouts, validated before a connection is taken. */
export interface PreparedCheck {
  sql: string;
  params: readonly unknown[];
  limits: CheckLimits;
  begin: string;
}

/** Validates the call and works out its timeouts; throws a ProbeError a person can act on. */
export function prepareCheck(call: ProbeCall<string>, configuredStatementTimeoutMs: number): PreparedCheck {
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
  const configured = configuredStatementTimeoutMs;
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
  return { sql, params, limits, begin };
}

/** Thrown when BEGIN finds the connection already gone: nothing of the check ran, so it may retry. */
export class StaleConnection extends Error {
  override readonly name = 'StaleConnection';
}

/** How a check on one connection ended, besides its answer. */
export interface Outcome {
  result: { fields: Fields } | { error: Error };
  /** False when the connection must not serve another check (lost, or its reset failed). */
  reusable: boolean;
}

/** Runs one check in its own read-only transaction on `client`, then resets the session. */
export async function checkOnConnection(
  client: pg.Client,
  check: PreparedCheck,
  server: ServerLabel,
  onDuplicateColumn: (name: string) => void,
): Promise<Outcome> {
  try {
    await client.query(check.begin);
  } catch (error) {
    const driverError = asDriverError(error);
    if (isConnectionLost(driverError))
      return { result: { error: new StaleConnection(driverError.message) }, reusable: false };
    return {
      result: { error: queryError(driverError, server, check.limits, check.sql, 0) },
      reusable: await endCheck(client),
    };
  }
  try {
    await client.query({
      text: DECLARE + check.sql,
      values: [...check.params],
      queryMode: 'extended',
    } as pg.QueryConfig);
    const replies = (await client.query({
      text: FETCH_COUNT_END,
      types: fieldTypes,
      rowMode: 'array',
    })) as unknown;
    if (!Array.isArray(replies) || replies.length !== 2 + END_STATEMENTS.length)
      throw new ProbeError('unexpected reply from PostgreSQL to FETCH/MOVE');
    // The transaction is over and the session reset: the connection may serve the next check
    // even when the answer is refused below (a column named "rows").
    const [first, rest] = replies as [pg.QueryResult<unknown[]>, pg.QueryResult];
    const rows = (first.rowCount ?? 0) + (rest.rowCount ?? 0);
    try {
      return { result: { fields: fieldsOf(first, rows, onDuplicateColumn) }, reusable: true };
    } catch (error) {
      return {
        result: { error: error instanceof Error ? error : new ProbeError(String(error)) },
        reusable: true,
      };
    }
  } catch (error) {
    const reusable = await endCheck(client);
    const failure =
      error instanceof ProbeError
        ? error
        : queryError(asDriverError(error), server, check.limits, check.sql, DECLARE.length);
    return { result: { error: failure }, reusable };
  }
}

/** Ends a check that failed part-way; false when the connection cannot (it is dead or stuck). */
async function endCheck(client: pg.Client): Promise<boolean> {
  try {
    await client.query(END_CHECK);
    return true;
  } catch {
    return false;
  }
}

function fieldsOf(
  first: pg.QueryResult<unknown[]>,
  rows: number,
  onDuplicateColumn: (name: string) => void,
): Fields {
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
    onDuplicateColumn(name);
  }
  fields.rows = rows;
  return fields;
}

function toFieldValue(value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Unreachable with fieldTypes (every parser returns a scalar); kept total for safety.
  return JSON.stringify(value);
}
