export const id = 923;
export const ids = [923];
export const modules = {

/***/ 1923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openPostgresSession: () => (/* binding */ openPostgresSession)
});

// UNUSED EXPORTS: parseTarget

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/probes/probe.ts
var probe = __webpack_require__(6489);
// EXTERNAL MODULE: ./src/probes/postgres/sql-text.ts
var sql_text = __webpack_require__(1995);
;// CONCATENATED MODULE: ./src/probes/postgres/errors.ts
// Turns what pg and the server report into one line a person can act on. Server messages are
// kept (they name the table or column); stack traces, URLs and passwords never are.



/** Narrows an unknown throw to the fields pg and Node errors carry. */
function asDriverError(error) {
    if (error instanceof Error) {
        const record = error;
        const text = (key) => typeof record[key] === 'string' ? record[key] : undefined;
        return { message: error.message, code: text('code'), position: text('position'), hint: text('hint') };
    }
    return { message: String(error) };
}
const NETWORK_CODES = {
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
function isConnectionLost(error) {
    return ((error.code !== undefined &&
        (error.code in NETWORK_CODES || error.code === 'EPIPE' || error.code.startsWith('57P'))) ||
        /Connection terminated|connection is closed|Client has encountered a connection error|not queryable/i.test(error.message));
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** An error raised while connecting and logging in. */
function connectError(error, server, connectTimeoutMs) {
    const where = `PostgreSQL at ${server.address}`;
    const network = error.code ? NETWORK_CODES[error.code] : undefined;
    if (network)
        return new probe/* ProbeError */.B(`cannot reach ${where} (${network}); check sources.postgres.url and that the server is up`);
    if (/timeout expired/i.test(error.message)) {
        return new probe/* ProbeError */.B(`cannot reach ${where} (no answer within ${(0,duration/* formatDuration */.a)(connectTimeoutMs)}); check sources.postgres.url and the network path`);
    }
    switch (error.code) {
        case '28P01':
            return new probe/* ProbeError */.B(`${where} refused the password for user "${server.user}"; check the password in sources.postgres.url (DATABASE_URL)`);
        case '28000':
            return new probe/* ProbeError */.B(`${where} refused user "${server.user}": ${oneLine(error.message)}`);
        case '3D000':
            return new probe/* ProbeError */.B(`database "${server.database}" does not exist on ${server.address}; check the database name in sources.postgres.url`);
        case '53300':
            return new probe/* ProbeError */.B(`${where} has no free connections: ${oneLine(error.message)}`);
        default:
            break;
    }
    if (/does not support SSL/i.test(error.message)) {
        return new probe/* ProbeError */.B(`${where} does not accept TLS but the URL's sslmode requires it; use sslmode=prefer or disable only on a trusted network`);
    }
    if (/certificate|self[- ]signed|altnames|TLS|SSL/i.test(error.message) ||
        /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(error.code ?? '')) {
        return new probe/* ProbeError */.B(`TLS to ${where} failed: ${oneLine(error.message)}; check sslmode and sslrootcert in sources.postgres.url`);
    }
    if (/Connection terminated/i.test(error.message)) {
        return new probe/* ProbeError */.B(`${where} closed the connection during login; check sources.postgres.url (host, port, sslmode)`);
    }
    return new probe/* ProbeError */.B(`cannot connect to ${where}: ${oneLine(error.message)}`);
}
/**
 * An error raised by the check's query. `sql` is the text the user wrote and `offset` how many
 * characters the session put in front of it, so positions point into the user's own text.
 */
function queryError(error, server, limits, sql, offset) {
    const message = oneLine(error.message);
    const where = () => {
        const position = Number(error.position) - 1 - offset;
        return Number.isInteger(position) && position >= 0 && position <= sql.length
            ? ` (${(0,sql_text/* lineAndColumn */.q1)(sql, position)})`
            : '';
    };
    const hint = error.hint ? `; ${oneLine(error.hint)}` : '';
    switch (error.code) {
        case '57014':
            if (/statement timeout/i.test(message)) {
                const which = limits.fromStatementTimeout ? 'statement_timeout' : "the check's timeout";
                return new probe/* ProbeError */.B(`query cancelled after ${(0,duration/* formatDuration */.a)(limits.statementTimeoutMs)} (${which}); make it cheaper (an index, a narrower where) or raise ${limits.fromStatementTimeout ? 'sources.postgres.statement_timeout' : 'timeout'}`);
            }
            return new probe/* ProbeError */.B(`query cancelled: ${message}`);
        case '25006':
            return new probe/* ProbeError */.B(`the query tried to write (${message}); gates run read-only`);
        case '25001':
            return new probe/* ProbeError */.B(`the query tried to leave the read-only transaction (${message}); gates run read-only`);
        case '0A000':
            if (/data-modifying/i.test(message))
                return new probe/* ProbeError */.B(`the query tried to write (a data-modifying statement in WITH); gates run read-only`);
            return new probe/* ProbeError */.B(`PostgreSQL does not support this here: ${message}`);
        case '42601':
            if (/multiple commands/i.test(message))
                return new probe/* ProbeError */.B('one statement only: the SQL holds more than one statement; put each query in its own check');
            return new probe/* ProbeError */.B(`SQL ${message}${where()}`);
        case '42P01':
            return new probe/* ProbeError */.B(`${message.replace(/^relation/, 'table')}${where()} in database "${server.database}"${hint}`);
        case '42703':
            return new probe/* ProbeError */.B(`${message}${where()}${hint}`);
        case '42883':
            return new probe/* ProbeError */.B(`${message}${where()}${hint}`);
        case '42501':
            return new probe/* ProbeError */.B(`${message}: the gate's login role needs SELECT on it (see docs/postgres.md for the grants)`);
        case '55P03':
            return new probe/* ProbeError */.B(`query gave up waiting for a lock after ${(0,duration/* formatDuration */.a)(limits.lockTimeoutMs)} (lock_timeout): another transaction holds it (a migration?); retry with wait:`);
        case '08P01':
        case '42P02':
            if (/parameter/i.test(message))
                return new probe/* ProbeError */.B(`the SQL's $n parameters do not match params: ${message}`);
            break;
        default:
            break;
    }
    if (isConnectionLost(error))
        return new probe/* ProbeError */.B(`lost the connection to PostgreSQL at ${server.address} during the query: ${message}`);
    return new probe/* ProbeError */.B(`PostgreSQL error${error.code ? ` ${error.code}` : ''}: ${message}${where()}${hint}`);
}

;// CONCATENATED MODULE: ./src/probes/postgres/session.ts
// The heavy half of the `postgres` probe: one pg client per gate, one read-only transaction per
// check, always rolled back. Loaded only through postgresProbe.open().







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
const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
// Values come back as PostgreSQL prints them (as psql would show them), except booleans and the
// integer/float types that a JS number holds exactly. int8 and numeric stay strings so counts past
// 2^53 stay exact; the engine compares numeric strings exactly.
const asIs = (value) => value;
const PARSERS = {
    16: (value) => value === 't', // bool
    21: Number, // int2
    23: Number, // int4
    26: Number, // oid
    700: Number, // float4
    701: Number, // float8
};
const fieldTypes = {
    getTypeParser: ((oid) => PARSERS[oid] ?? asIs),
};
/** Opens the session; the connection itself is made by the first check. */
function openPostgresSession(environment) {
    const url = environment.sources.postgres.url;
    const secrets = url ? secretsOf(url) : [];
    for (const secret of secrets)
        environment.addSecret(secret);
    return new PostgresSession(environment, secrets);
}
/** The URL and its password (raw and decoded): what must never leave the process. */
function secretsOf(url) {
    const secrets = [url];
    try {
        const parsed = new URL(url);
        for (const password of [parsed.password, parsed.searchParams.get('password') ?? '']) {
            if (password)
                secrets.push(password, safeDecode(password));
        }
    }
    catch {
        // An unparsable URL is reported by the first check; the whole string is registered already.
    }
    return [...new Set(secrets)];
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** Reads the URL the way libpq does for host, port, user, database and the ssl* parameters. */
function parseTarget(url, env) {
    if (!url) {
        throw new probe/* ProbeError */.B('no PostgreSQL to ask: set sources.postgres.url in the gate file (e.g. url: ${DATABASE_URL}) and DATABASE_URL in the step env');
    }
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new probe/* ProbeError */.B('sources.postgres.url is not a valid URL; write it as postgresql://user:password@host:5432/database');
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
        throw new probe/* ProbeError */.B(`sources.postgres.url must start with postgresql:// (got "${parsed.protocol}//")`);
    }
    const query = parsed.searchParams;
    const host = query.get('host') ??
        (safeDecode(parsed.hostname).replace(/^\[(.+)\]$/, '$1') || env.PGHOST || 'localhost');
    const port = Number(query.get('port') ?? (parsed.port || env.PGPORT || 5432));
    const user = safeDecode(parsed.username) || query.get('user') || env.PGUSER || 'postgres';
    const database = safeDecode(parsed.pathname.slice(1)) || query.get('dbname') || env.PGDATABASE || user;
    const address = host.startsWith('/')
        ? `${host}/.s.PGSQL.${port}`
        : `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const mode = (query.get('sslmode') ?? env.PGSSLMODE ?? 'prefer');
    if (!SSL_MODES.includes(mode)) {
        throw new probe/* ProbeError */.B(`sources.postgres.url has sslmode=${String(mode)}; use one of ${SSL_MODES.join(', ')}`);
    }
    const readFile = (parameter) => {
        const file = query.get(parameter);
        if (!file)
            return undefined;
        try {
            return (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch {
            throw new probe/* ProbeError */.B(`cannot read ${parameter} file "${file}" named in sources.postgres.url`);
        }
    };
    const ca = readFile('sslrootcert');
    const cert = readFile('sslcert');
    const key = readFile('sslkey');
    const files = { ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
    // libpq: require encrypts without verifying (unless a root certificate is given, then it
    // verifies the chain like verify-ca); verify-ca checks the chain, not the host name;
    // verify-full checks both. prefer (libpq's default) and allow may fall back to plaintext.
    const unverified = { ...files, rejectUnauthorized: false };
    const chainOnly = { ...files, ca, checkServerIdentity: () => undefined };
    let attempts;
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
                throw new probe/* ProbeError */.B('sslmode=verify-ca needs sslrootcert=<CA file> in sources.postgres.url (or use sslmode=verify-full)');
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
    tail = Promise.resolve();
    lock() {
        let release;
        const turn = new Promise((resolve) => (release = resolve));
        const ready = this.tail;
        this.tail = ready.then(() => turn);
        return { ready, release };
    }
}
/** Rejects when the signal aborts; the promise itself keeps running. */
function untilAborted(promise, signal, onAbort) {
    if (signal.aborted)
        return Promise.reject(onAbort());
    return new Promise((resolve, reject) => {
        const abort = () => reject(onAbort());
        signal.addEventListener('abort', abort, { once: true });
        promise.then((value) => {
            signal.removeEventListener('abort', abort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', abort);
            reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
}
class PostgresSession {
    environment;
    secrets;
    client;
    target;
    /** The TLS attempt that worked, reused on reconnect. */
    workingAttempt;
    mutex = new Mutex();
    constructor(environment, secrets) {
        this.environment = environment;
        this.secrets = secrets;
    }
    async run(call) {
        const { ready, release } = this.mutex.lock();
        try {
            await untilAborted(ready, call.signal, () => this.timeoutError(call, 'waiting for the connection (another check was running)'));
        }
        catch (error) {
            void ready.then(release);
            throw this.redacted(error);
        }
        const work = this.check(call);
        const cleanup = work.then(() => undefined, () => undefined);
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
                    if (!settled)
                        this.dropConnection();
                }, CANCEL_GRACE_MS).unref();
                return this.timeoutError(call, 'the query was cancelled on the server');
            });
        }
        catch (error) {
            throw this.redacted(error);
        }
    }
    async close() {
        const client = this.client;
        this.client = undefined;
        if (!client)
            return;
        const ended = client.end().catch(() => undefined);
        const timer = new Promise((resolve) => setTimeout(resolve, CANCEL_GRACE_MS).unref());
        await Promise.race([ended, timer]);
        destroyStream(client);
    }
    timeoutError(call, what) {
        return new probe/* ProbeError */.B(`no answer within ${(0,duration/* formatDuration */.a)(call.timeoutMs)} (the check's timeout); ${what}`);
    }
    redacted(error) {
        const probeError = error instanceof probe/* ProbeError */.B ? error : new probe/* ProbeError */.B(asDriverError(error).message);
        let message = probeError.message;
        for (const secret of this.secrets)
            if (secret.length >= 3)
                message = message.replaceAll(secret, '***');
        return message === probeError.message ? probeError : new probe/* ProbeError */.B(message);
    }
    async check(call) {
        const target = (this.target ??= parseTarget(this.environment.sources.postgres.url, this.environment.env));
        // The loader validated this already; checked again so the session is safe on its own.
        const problem = (0,sql_text/* sqlTextProblem */.PE)(call.spec);
        if (problem)
            throw new probe/* ProbeError */.B(problem);
        const sql = call.spec.replace(/[\s;]+$/, '');
        const params = (0,sql_text/* paramsOf */.gI)(call.extras);
        const needed = (0,sql_text/* highestParam */.C8)(sql);
        if (needed !== params.length) {
            throw new probe/* ProbeError */.B(`the SQL uses ${needed === 0 ? 'no $n parameters' : `$1..$${needed}`} but params has ${params.length} value(s); make them match`);
        }
        const configured = this.environment.sources.postgres.statementTimeoutMs;
        const fromStatementTimeout = configured > 0 && configured <= call.timeoutMs;
        const statementTimeoutMs = Math.max(1, Math.round(fromStatementTimeout ? configured : call.timeoutMs));
        const limits = {
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
        }
        catch (error) {
            const driverError = asDriverError(error);
            if (!isConnectionLost(driverError))
                throw queryError(driverError, target.label, limits, sql, 0);
            // The server ended an idle session (restart, pg_terminate_backend, idle timeout). Nothing of
            // this check ran yet, so one fresh connection and a retry is safe.
            this.environment.debug(`postgres: connection to ${target.label.address} was gone (${driverError.message}); reconnecting`);
            this.dropConnection();
            client = await this.connected(target, call);
            await client.query(begin);
        }
        try {
            await client.query({
                text: DECLARE + sql,
                values: [...params],
                queryMode: 'extended',
            });
            const results = (await client.query({
                text: FETCH_COUNT_ROLLBACK,
                types: fieldTypes,
                rowMode: 'array',
            }));
            if (!Array.isArray(results) || results.length !== 3)
                throw new probe/* ProbeError */.B('unexpected reply from PostgreSQL to FETCH/MOVE');
            const [first, rest] = results;
            return this.fields(first, (first.rowCount ?? 0) + (rest.rowCount ?? 0), call);
        }
        catch (error) {
            await this.rollback(client);
            if (error instanceof probe/* ProbeError */.B)
                throw error;
            throw queryError(asDriverError(error), target.label, limits, sql, DECLARE.length);
        }
    }
    fields(first, rows, call) {
        const row = first.rows[0];
        const fields = {};
        const seen = new Set();
        const ambiguous = new Set();
        first.fields.forEach((field, index) => {
            if (field.name === 'rows') {
                throw new probe/* ProbeError */.B('a column is named "rows", which is the row-count field; give it another alias (… as n)');
            }
            if (seen.has(field.name))
                ambiguous.add(field.name);
            seen.add(field.name);
            fields[field.name] = row ? toFieldValue(row[index]) : null;
        });
        // Two columns with one name: neither is kept, so an expect that names it is a check error
        // (unknown field) instead of silently comparing whichever came last.
        for (const name of ambiguous) {
            delete fields[name];
            this.environment.debug(`postgres: two columns are named "${name}" in ${JSON.stringify(call.spec.slice(0, 60))}; alias them to use them`);
        }
        fields.rows = rows;
        return fields;
    }
    async rollback(client) {
        try {
            await client.query('ROLLBACK');
        }
        catch {
            // A connection that cannot even roll back is dead; the server rolls back on its own.
            this.dropConnection();
        }
    }
    async connected(target, call) {
        if (this.client)
            return this.client;
        const attempts = this.workingAttempt === undefined ? target.attempts : [this.workingAttempt];
        let lastError;
        for (const ssl of attempts) {
            const client = new esm/* default.Client */.Ay.Client({
                connectionString: target.connectionString,
                ssl,
                application_name: 'regression-gate',
                connectionTimeoutMillis: Math.max(1, Math.round(call.timeoutMs)),
                keepAlive: true,
            });
            // Without a listener an error on an idle client (the server ended the session) would crash
            // the process; with it, the next check reconnects.
            client.on('error', (error) => {
                this.environment.debug(`postgres: connection error on an idle connection: ${error.message}`);
                if (this.client === client)
                    this.client = undefined;
            });
            client.on('end', () => {
                if (this.client === client)
                    this.client = undefined;
            });
            try {
                await untilAborted(client.connect(), call.signal, () => {
                    destroyStream(client);
                    return this.timeoutError(call, `PostgreSQL at ${target.label.address} did not let us in`);
                });
                this.client = client;
                this.workingAttempt = ssl;
                this.environment.debug(`postgres: connected to ${target.label.address} as ${target.label.user} (${ssl ? 'TLS' : 'plaintext'})`);
                return client;
            }
            catch (error) {
                destroyStream(client);
                if (error instanceof probe/* ProbeError */.B)
                    throw error;
                lastError = error;
                const driverError = asDriverError(error);
                // Only the TLS-or-not negotiation falls through to the next attempt (prefer / allow).
                const negotiation = /does not support SSL/i.test(driverError.message) ||
                    (driverError.code === '28000' && /no encryption/i.test(driverError.message));
                if (!negotiation)
                    break;
            }
        }
        throw connectError(asDriverError(lastError), target.label, call.timeoutMs);
    }
    /** Asks the server to cancel the running statement (a separate connection, like psql's Ctrl-C). */
    cancelRunning() {
        const client = this.client;
        const target = this.target;
        if (!client || !target)
            return;
        const key = client;
        if (key.processID === null || key.secretKey === null)
            return;
        const message = Buffer.alloc(16);
        message.writeInt32BE(16, 0);
        message.writeInt32BE(80877102, 4); // CancelRequest code
        message.writeInt32BE(key.processID, 8);
        message.writeInt32BE(key.secretKey, 12);
        const socket = target.host.startsWith('/')
            ? (0,external_node_net_.connect)({ path: `${target.host}/.s.PGSQL.${target.port}` })
            : (0,external_node_net_.connect)({ host: target.host, port: target.port });
        socket.setTimeout(CANCEL_GRACE_MS, () => socket.destroy());
        socket.on('error', () => socket.destroy());
        socket.on('connect', () => socket.end(message));
    }
    dropConnection() {
        const client = this.client;
        this.client = undefined;
        if (client)
            destroyStream(client);
    }
}
/** Ends a connection at once, even one whose peer stopped answering. */
function destroyStream(client) {
    const connection = client.connection;
    connection?.stream?.destroy();
}
function toFieldValue(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return value;
    // Unreachable with fieldTypes (every parser returns a scalar); kept total for safety.
    return JSON.stringify(value);
}


/***/ })

};
