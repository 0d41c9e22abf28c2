export const id = 734;
export const ids = [734];
export const modules = {

/***/ 41734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openPostgresSession: () => (/* binding */ openPostgresSession)
});

// UNUSED EXPORTS: PostgresSession

// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(85497);
// EXTERNAL MODULE: ./src/probes/probe.ts
var probe = __webpack_require__(86489);
;// CONCATENATED MODULE: ./src/probes/postgres/abort.ts
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

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/probes/postgres/cancel.ts
// Stops a statement on the server the way psql's Ctrl-C does: a CancelRequest on a separate
// connection, naming the backend by its process id and secret key. The server accepts it only
// with both, so it can only ever stop the backend of the connection it was read from.

/** How long a cancel request may take to be delivered before its socket is dropped. */
const CANCEL_GRACE_MS = 3_000;
const CANCEL_REQUEST_CODE = 80877102;
/** The server's process id for this connection, or undefined before login. */
function backendPid(client) {
    return client.processID ?? undefined;
}
/** Asks the server to cancel whatever `client`'s own backend is running; never throws. */
function sendCancel(target, client) {
    const key = client;
    if (key.processID === null || key.secretKey === null)
        return;
    const message = Buffer.alloc(16);
    message.writeInt32BE(16, 0);
    message.writeInt32BE(CANCEL_REQUEST_CODE, 4);
    message.writeInt32BE(key.processID, 8);
    message.writeInt32BE(key.secretKey, 12);
    const socket = target.host.startsWith('/')
        ? (0,external_node_net_.connect)({ path: `${target.host}/.s.PGSQL.${target.port}` })
        : (0,external_node_net_.connect)({ host: target.host, port: target.port });
    socket.setTimeout(CANCEL_GRACE_MS, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('connect', () => socket.end(message));
}

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
// EXTERNAL MODULE: ./src/probes/postgres/sql-text.ts
var sql_text = __webpack_require__(31995);
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
/** An error raised while connecting and logging in. */
function connectError(error, server, connectTimeoutMs) {
    const where = `PostgreSQL at ${server.address}`;
    const network = error.code ? NETWORK_CODES[error.code] : undefined;
    if (network)
        return new probe/* ProbeError */.B2(`cannot reach ${where} (${network}); check sources.postgres.url and that the server is up`);
    if (/timeout expired/i.test(error.message)) {
        return new probe/* ProbeError */.B2(`cannot reach ${where} (no answer within ${(0,duration/* formatDuration */.a)(connectTimeoutMs)}); check sources.postgres.url and the network path`);
    }
    switch (error.code) {
        case '28P01':
            return new probe/* ProbeError */.B2(`${where} refused the password for user "${server.user}"; check the password in sources.postgres.url (DATABASE_URL)`, { retryable: false });
        case '28000':
            return new probe/* ProbeError */.B2(`${where} refused user "${server.user}": ${(0,shared_text/* oneLine */.TN)(error.message)}`, {
                retryable: false,
            });
        case '3D000':
            return new probe/* ProbeError */.B2(`database "${server.database}" does not exist on ${server.address}; check the database name in sources.postgres.url`, { retryable: false });
        case '53300':
            return new probe/* ProbeError */.B2(`${where} has no free connections: ${(0,shared_text/* oneLine */.TN)(error.message)}`);
        default:
            break;
    }
    if (/does not support SSL/i.test(error.message)) {
        return new probe/* ProbeError */.B2(`${where} does not accept TLS but the URL's sslmode requires it; use sslmode=prefer or disable only on a trusted network`, { retryable: false });
    }
    if (/certificate|self[- ]signed|altnames|TLS|SSL/i.test(error.message) ||
        /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(error.code ?? '')) {
        return new probe/* ProbeError */.B2(`TLS to ${where} failed: ${(0,shared_text/* oneLine */.TN)(error.message)}; check sslmode and sslrootcert in sources.postgres.url`, { retryable: false });
    }
    if (/Connection terminated/i.test(error.message)) {
        return new probe/* ProbeError */.B2(`${where} closed the connection during login; check sources.postgres.url (host, port, sslmode)`);
    }
    return new probe/* ProbeError */.B2(`cannot connect to ${where}: ${(0,shared_text/* oneLine */.TN)(error.message)}`);
}
/**
 * An error raised by the check's query. `sql` is the text the user wrote and `offset` how many
 * characters the session put in front of it, so positions point into the user's own text.
 */
function queryError(error, server, limits, sql, offset) {
    const message = (0,shared_text/* oneLine */.TN)(error.message);
    const where = () => {
        const position = Number(error.position) - 1 - offset;
        return Number.isInteger(position) && position >= 0 && position <= sql.length
            ? ` (${(0,sql_text/* lineAndColumn */.q1)(sql, position)})`
            : '';
    };
    const hint = error.hint ? `; ${(0,shared_text/* oneLine */.TN)(error.hint)}` : '';
    switch (error.code) {
        case '57014':
            if (/statement timeout/i.test(message)) {
                const which = limits.fromStatementTimeout ? 'statement_timeout' : "the check's timeout";
                return new probe/* ProbeError */.B2(`query cancelled after ${(0,duration/* formatDuration */.a)(limits.statementTimeoutMs)} (${which}); make it cheaper (an index, a narrower where) or raise ${limits.fromStatementTimeout ? 'sources.postgres.statement_timeout' : 'timeout'}`);
            }
            return new probe/* ProbeError */.B2(`query cancelled: ${message}`);
        case '25006':
            return new probe/* ProbeError */.B2(`the query tried to write (${message}); gates run read-only`);
        case '25001':
            return new probe/* ProbeError */.B2(`the query tried to leave the read-only transaction (${message}); gates run read-only`);
        case '0A000':
            if (/data-modifying/i.test(message))
                return new probe/* ProbeError */.B2(`the query tried to write (a data-modifying statement in WITH); gates run read-only`);
            return new probe/* ProbeError */.B2(`PostgreSQL does not support this here: ${message}`);
        case '42601':
            if (/multiple commands/i.test(message))
                return new probe/* ProbeError */.B2('one statement only: the SQL holds more than one statement; put each query in its own check');
            return new probe/* ProbeError */.B2(`SQL ${message}${where()}`);
        case '42P01':
            return new probe/* ProbeError */.B2(`${message.replace(/^relation/, 'table')}${where()} in database "${server.database}"${hint}`);
        case '42703':
            return new probe/* ProbeError */.B2(`${message}${where()}${hint}`);
        case '42883':
            return new probe/* ProbeError */.B2(`${message}${where()}${hint}`);
        case '42501':
            return new probe/* ProbeError */.B2(`${message}: the gate's login role needs SELECT on it (see docs/postgres.md for the grants)`);
        case '55P03':
            return new probe/* ProbeError */.B2(`query gave up waiting for a lock after ${(0,duration/* formatDuration */.a)(limits.lockTimeoutMs)} (lock_timeout): another transaction holds it (a migration?); retry with wait:`);
        case '08P01':
        case '42P02':
            if (/parameter/i.test(message))
                return new probe/* ProbeError */.B2(`the SQL's $n parameters do not match params: ${message}`);
            break;
        default:
            break;
    }
    if (isConnectionLost(error))
        return new probe/* ProbeError */.B2(`lost the connection to PostgreSQL at ${server.address} during the query: ${message}`);
    return new probe/* ProbeError */.B2(`PostgreSQL error${error.code ? ` ${error.code}` : ''}: ${message}${where()}${hint}`);
}

;// CONCATENATED MODULE: ./src/probes/postgres/connection.ts




/** Opens connections to one target. */
class Connector {
    target;
    debug;
    /** The TLS attempt that worked, reused for every later connection. */
    workingAttempt;
    constructor(target, debug) {
        this.target = target;
        this.debug = debug;
    }
    async open(request) {
        const { target } = this;
        const attempts = this.workingAttempt === undefined ? target.attempts : [this.workingAttempt];
        let lastError;
        for (const ssl of attempts) {
            const client = new esm/* default.Client */.Ay.Client({
                connectionString: target.connectionString,
                ssl,
                application_name: 'regression-gate',
                connectionTimeoutMillis: Math.max(1, Math.round(request.timeoutMs)),
                keepAlive: true,
            });
            // Without a listener an error on an idle connection (the server ended the session) would
            // crash the process; the pool adds its own listener to drop the connection.
            client.on('error', (error) => {
                this.debug(`postgres: connection error: ${error.message}`);
            });
            try {
                await untilAborted(client.connect(), request.signal, () => {
                    destroyConnection(client);
                    return request.onAbort();
                });
                this.workingAttempt = ssl;
                return client;
            }
            catch (error) {
                destroyConnection(client);
                if (error instanceof probe/* ProbeError */.B2)
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
        throw connectError(asDriverError(lastError), target.label, request.timeoutMs);
    }
}
/** Ends a connection at once, even one whose peer stopped answering. */
function destroyConnection(client) {
    const connection = client.connection;
    connection?.stream?.destroy();
}
/** Ends a connection politely (Terminate), or at once when the server does not answer in `graceMs`. */
async function endConnection(client, graceMs) {
    let timer;
    const ended = client.end().catch(() => undefined);
    const late = new Promise((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([ended, late]);
    clearTimeout(timer);
    destroyConnection(client);
}

;// CONCATENATED MODULE: ./src/probes/postgres/pool.ts


class ConnectionPool {
    size;
    idle = [];
    busy = new Set();
    /** Busy connections the server or the network ended; dropped when their check lets go. */
    lost = new WeakSet();
    waiters = [];
    /** Slots reserved by checks that are opening a connection. */
    opening = 0;
    closed = false;
    peak = 0;
    opened = 0;
    constructor(size) {
        this.size = size;
    }
    get stats() {
        return { open: this.idle.length + this.busy.size, peak: this.peak, opened: this.opened };
    }
    /** Busy connections (a check is running on them); close() cancels their statements first. */
    get inUse() {
        return [...this.busy];
    }
    /** A connection for one check, which must give it back with release() or discard(). */
    async acquire(wanted) {
        if (this.closed)
            throw closedError();
        if (wanted.signal.aborted)
            throw wanted.waitError();
        if (wanted.fresh && this.taken() >= this.size)
            this.dropIdle();
        const reused = wanted.fresh ? undefined : this.idle.pop();
        if (reused) {
            this.busy.add(reused);
            return reused;
        }
        if (this.taken() < this.size && this.waiters.length === 0) {
            this.opening++;
            return this.openInSlot(wanted);
        }
        const grant = await this.wait(wanted);
        return 'client' in grant ? grant.client : this.openInSlot(wanted);
    }
    /** Gives back a connection whose check ended cleanly; it may serve the next check. */
    release(client) {
        if (!this.busy.delete(client))
            return;
        if (this.closed || this.lost.has(client)) {
            destroyConnection(client);
        }
        else {
            this.idle.push(client);
        }
        this.serveWaiters();
    }
    /** Ends a connection that must not serve another check (lost, cancelled, state unknown). */
    discard(client) {
        if (!this.busy.delete(client))
            return;
        destroyConnection(client);
        this.serveWaiters();
    }
    /** Ends every connection: idle ones politely, busy ones too (their checks are abandoned). */
    async close(graceMs) {
        this.closed = true;
        for (const waiter of this.waiters.splice(0))
            waiter.fail(closedError());
        const all = [...this.idle.splice(0), ...this.busy];
        this.busy.clear();
        await Promise.all(all.map((client) => endConnection(client, graceMs)));
    }
    /** Connections that exist or are being opened. */
    taken() {
        return this.idle.length + this.busy.size + this.opening;
    }
    dropIdle() {
        const client = this.idle.shift();
        if (client)
            destroyConnection(client);
    }
    /** Opens a connection in a slot already counted in `opening`. */
    async openInSlot(wanted) {
        let client;
        try {
            client = await wanted.open();
        }
        catch (error) {
            this.opening--;
            this.serveWaiters();
            throw error;
        }
        this.opening--;
        if (this.closed) {
            destroyConnection(client);
            throw closedError();
        }
        this.watch(client);
        this.busy.add(client);
        this.opened++;
        this.peak = Math.max(this.peak, this.idle.length + this.busy.size);
        return client;
    }
    /** Drops a connection the server or network ends while idle; marks it lost while busy. */
    watch(client) {
        const gone = () => {
            const index = this.idle.indexOf(client);
            if (index >= 0) {
                this.idle.splice(index, 1);
                destroyConnection(client);
                this.serveWaiters();
            }
            else if (this.busy.has(client)) {
                this.lost.add(client);
            }
        };
        client.on('error', gone);
        client.on('end', gone);
    }
    wait(wanted) {
        return new Promise((resolve, reject) => {
            const abort = () => {
                const index = this.waiters.indexOf(waiter);
                if (index >= 0)
                    this.waiters.splice(index, 1);
                reject(wanted.waitError());
            };
            const waiter = {
                grant: (grant) => {
                    wanted.signal.removeEventListener('abort', abort);
                    resolve(grant);
                },
                fail: (error) => {
                    wanted.signal.removeEventListener('abort', abort);
                    reject(error);
                },
            };
            wanted.signal.addEventListener('abort', abort, { once: true });
            this.waiters.push(waiter);
        });
    }
    /** Hands idle connections and free slots to waiting checks, first come first served. */
    serveWaiters() {
        while (this.waiters.length > 0) {
            const client = this.idle.pop();
            if (client) {
                this.busy.add(client);
                this.waiters.shift().grant({ client });
            }
            else if (this.taken() < this.size) {
                this.opening++;
                this.waiters.shift().grant({ slot: true });
            }
            else {
                return;
            }
        }
    }
}
function closedError() {
    return new probe/* ProbeError */.B2('the gate ended before a PostgreSQL connection was free for this check');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/probes/postgres/target.ts
// Reads sources.postgres.url the way libpq does (host, port, user, database, sslmode and the
// ssl* files), without pg: what to connect to, how, and which parts of the URL are secret.


const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
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
        throw new probe/* ProbeError */.B2('no PostgreSQL to ask: set sources.postgres.url in the gate file (e.g. url: ${DATABASE_URL}) and DATABASE_URL in the step env');
    }
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new probe/* ProbeError */.B2('sources.postgres.url is not a valid URL; write it as postgresql://user:password@host:5432/database');
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
        throw new probe/* ProbeError */.B2(`sources.postgres.url must start with postgresql:// (got "${parsed.protocol}//")`);
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
        throw new probe/* ProbeError */.B2(`sources.postgres.url has sslmode=${String(mode)}; use one of ${SSL_MODES.join(', ')}`);
    }
    const readFile = (parameter) => {
        const file = query.get(parameter);
        if (!file)
            return undefined;
        try {
            return (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch {
            throw new probe/* ProbeError */.B2(`cannot read ${parameter} file "${file}" named in sources.postgres.url`);
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
                throw new probe/* ProbeError */.B2('sslmode=verify-ca needs sslrootcert=<CA file> in sources.postgres.url (or use sslmode=verify-full)');
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

;// CONCATENATED MODULE: ./src/probes/postgres/transaction.ts



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
/** Validates the call and works out its timeouts; throws a ProbeError a person can act on. */
function prepareCheck(call, configuredStatementTimeoutMs) {
    // The loader validated this already; checked again so the session is safe on its own.
    const problem = (0,sql_text/* sqlTextProblem */.PE)(call.spec);
    if (problem)
        throw new probe/* ProbeError */.B2(problem);
    const sql = call.spec.replace(/[\s;]+$/, '');
    const params = (0,sql_text/* paramsOf */.gI)(call.extras);
    const needed = (0,sql_text/* highestParam */.C8)(sql);
    if (needed !== params.length) {
        throw new probe/* ProbeError */.B2(`the SQL uses ${needed === 0 ? 'no $n parameters' : `$1..$${needed}`} but params has ${params.length} value(s); make them match`);
    }
    const configured = configuredStatementTimeoutMs;
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
    return { sql, params, limits, begin };
}
/** Thrown when BEGIN finds the connection already gone: nothing of the check ran, so it may retry. */
class StaleConnection extends Error {
    name = 'StaleConnection';
}
/** Runs one check in its own read-only transaction on `client`, then resets the session. */
async function checkOnConnection(client, check, server, onDuplicateColumn) {
    try {
        await client.query(check.begin);
    }
    catch (error) {
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
        });
        const replies = (await client.query({
            text: FETCH_COUNT_END,
            types: fieldTypes,
            rowMode: 'array',
        }));
        if (!Array.isArray(replies) || replies.length !== 2 + END_STATEMENTS.length)
            throw new probe/* ProbeError */.B2('unexpected reply from PostgreSQL to FETCH/MOVE');
        // The transaction is over and the session reset: the connection may serve the next check
        // even when the answer is refused below (a column named "rows").
        const [first, rest] = replies;
        const rows = (first.rowCount ?? 0) + (rest.rowCount ?? 0);
        try {
            return { result: { fields: fieldsOf(first, rows, onDuplicateColumn) }, reusable: true };
        }
        catch (error) {
            return {
                result: { error: error instanceof Error ? error : new probe/* ProbeError */.B2(String(error)) },
                reusable: true,
            };
        }
    }
    catch (error) {
        const reusable = await endCheck(client);
        const failure = error instanceof probe/* ProbeError */.B2
            ? error
            : queryError(asDriverError(error), server, check.limits, check.sql, DECLARE.length);
        return { result: { error: failure }, reusable };
    }
}
/** Ends a check that failed part-way; false when the connection cannot (it is dead or stuck). */
async function endCheck(client) {
    try {
        await client.query(END_CHECK);
        return true;
    }
    catch {
        return false;
    }
}
function fieldsOf(first, rows, onDuplicateColumn) {
    const row = first.rows[0];
    const fields = {};
    const seen = new Set();
    const ambiguous = new Set();
    first.fields.forEach((field, index) => {
        if (field.name === 'rows') {
            throw new probe/* ProbeError */.B2('a column is named "rows", which is the row-count field; give it another alias (… as n)');
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
        onDuplicateColumn(name);
    }
    fields.rows = rows;
    return fields;
}
function toFieldValue(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return value;
    // Unreachable with fieldTypes (every parser returns a scalar); kept total for safety.
    return JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/probes/postgres/session.ts
// The heavy half of the `postgres` probe: a bounded pool of connections per gate, one read-only
// transaction per check on one of them, always rolled back. Loaded only through postgresProbe.open().









/** Opens the session; connections are made by the checks that need them. */
function openPostgresSession(environment, options) {
    const url = environment.sources.postgres.url;
    const secrets = url ? secretsOf(url) : [];
    for (const secret of secrets)
        environment.addSecret(secret);
    const concurrency = options?.concurrency ?? probe/* DEFAULT_CONCURRENCY */.WH;
    const configured = environment.sources.postgres.maxConnections ?? concurrency;
    return new PostgresSession(environment, secrets, Math.max(1, Math.min(concurrency, configured)));
}
class PostgresSession {
    environment;
    secrets;
    poolSize;
    source;
    constructor(environment, secrets, 
    /** Most connections this session opens at once. */
    poolSize) {
        this.environment = environment;
        this.secrets = secrets;
        this.poolSize = poolSize;
    }
    /** Connection counts so far (zeros before the first check). */
    get stats() {
        return this.source?.pool.stats ?? { open: 0, peak: 0, opened: 0 };
    }
    async run(call) {
        try {
            const source = (this.source ??= this.openSource());
            const check = prepareCheck(call, this.environment.sources.postgres.statementTimeoutMs);
            try {
                return await this.runOn(source, check, call, false);
            }
            catch (error) {
                if (!(error instanceof StaleConnection))
                    throw error;
                // The server ended an idle connection (restart, pg_terminate_backend, idle timeout).
                // Nothing of this check ran yet, so one try on a fresh connection is safe.
                this.environment.debug(`postgres: a connection to ${source.target.label.address} was gone (${error.message}); reconnecting`);
                return await this.runOn(source, check, call, true).catch((retryError) => {
                    if (!(retryError instanceof StaleConnection))
                        throw retryError;
                    throw queryError(asDriverError(retryError), source.target.label, check.limits, check.sql, 0);
                });
            }
        }
        catch (error) {
            throw this.redacted(error);
        }
    }
    async close() {
        const source = this.source;
        if (!source)
            return;
        // Statements of abandoned checks (the deadline passed) must not keep running on the server.
        for (const client of source.pool.inUse)
            sendCancel(source.target, client);
        const { opened, peak } = source.pool.stats;
        await source.pool.close(CANCEL_GRACE_MS);
        this.environment.debug(`postgres: closed every connection to ${source.target.label.address} (${opened} opened, at most ${peak} at once, limit ${this.poolSize})`);
    }
    openSource() {
        const target = parseTarget(this.environment.sources.postgres.url, this.environment.env);
        return {
            target,
            connector: new Connector(target, (message) => this.environment.debug(message)),
            pool: new ConnectionPool(this.poolSize),
        };
    }
    /** One check on one pooled connection; the connection goes back only once the check is over. */
    async runOn(source, check, call, fresh) {
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
                this.environment.debug(`postgres: connected to ${target.label.address} as ${target.label.user} (backend ${backendPid(opened)}; ${pool.stats.open + 1} of at most ${pool.size})`);
                return opened;
            },
            waitError: () => this.timeoutError(call, `every connection (${pool.size}) was busy with other checks; raise max_connections or concurrency, or make the queries cheaper`),
        });
        let cancelled = false;
        let settled = false;
        const work = checkOnConnection(client, check, target.label, (name) => this.environment.debug(`postgres: two columns are named "${name}" in ${JSON.stringify(call.spec.slice(0, 60))}; alias them to use them`));
        // The connection goes back when its transaction is really over, not when the caller gives
        // up; a cancelled one is never reused, so a late cancel cannot hit the next check's query.
        void work.then(({ reusable }) => {
            settled = true;
            if (reusable && !cancelled)
                pool.release(client);
            else
                pool.discard(client);
        }, () => {
            settled = true;
            pool.discard(client);
        });
        const outcome = await untilAborted(work, call.signal, () => {
            cancelled = true;
            sendCancel(target, client);
            setTimeout(() => {
                if (settled)
                    return;
                // PostgreSQL cancels only a running statement: a cancel that arrived between two of the
                // check's statements (BEGIN, SET LOCAL, DECLARE, FETCH) was lost and the next one runs on.
                // Send it again (it travels on its own connection), then drop this one.
                sendCancel(target, client);
                pool.discard(client);
            }, CANCEL_GRACE_MS).unref();
            return this.timeoutError(call, 'the query was cancelled on the server');
        });
        if ('error' in outcome.result)
            throw outcome.result.error;
        return outcome.result.fields;
    }
    timeoutError(call, what) {
        return new probe/* ProbeError */.B2(`no answer within ${(0,duration/* formatDuration */.a)(call.timeoutMs)} (the check's timeout); ${what}`);
    }
    redacted(error) {
        const probeError = error instanceof probe/* ProbeError */.B2 ? error : new probe/* ProbeError */.B2(asDriverError(error).message);
        let message = probeError.message;
        for (const secret of this.secrets)
            if (secret.length >= 3)
                message = message.replaceAll(secret, '***');
        return message === probeError.message ? probeError : new probe/* ProbeError */.B2(message);
    }
}


/***/ })

};
