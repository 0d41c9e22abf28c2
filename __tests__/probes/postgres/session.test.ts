// The postgres probe against a real PostgreSQL (embedded, started once by global-setup).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeError, type ProbeSession } from '../../../src/probes/probe.js';
import { postgresProbe } from '../../../src/probes/postgres/index.js';
import { createTestDatabase, freePort, withDatabase, type TestDatabase } from '../../support/postgres.js';
import { openSession, probeCall, probeEnvironment, rejection, until } from './helpers.js';

let db: TestDatabase;
let session: ProbeSession<string>;

beforeAll(async () => {
  db = await createTestDatabase(undefined, { reader: true });
  await db.query(`
    create table agent_runs (id serial primary key, status text not null, label text not null);
    insert into agent_runs (status, label) values
      ('succeeded', 'run:dev'), ('succeeded', 'run:dev'), ('failed', 'run:dev'),
      ('succeeded', 'run:dev:revise'), ('succeeded', 'x''; drop table agent_runs; --');
    create function write_something() returns int language plpgsql volatile as
      $$ begin insert into agent_runs (status, label) values ('sneaky', 'sneaky'); return 1; end $$;
  `);
  session = await openSession(probeEnvironment(db.url));
});

afterAll(async () => {
  await session?.close();
  await db?.cleanup();
});

const runCount = async (): Promise<number> =>
  Number((await db.query<{ n: string }>('select count(*) as n from agent_runs')).rows[0]!.n);

describe('postgres probe: evidence', () => {
  it('returns the first row as fields, with int8 counts as exact strings, and the row count', async () => {
    const fields = await session.run(
      probeCall(
        `select count(*) filter (where status = 'succeeded') as succeeded,
                count(*) filter (where status = 'failed') as failed
         from agent_runs where label = $1`,
        ['run:dev'],
      ),
    );
    expect(fields).toEqual({ succeeded: '2', failed: '1', rows: 1 });
  });

  it('binds params as values: a quote and "; drop table" stay a literal', async () => {
    const hostile = "x'; drop table agent_runs; --";
    const fields = await session.run(
      probeCall('select count(*) as n, max(label) as label from agent_runs where label = $1', [hostile]),
    );
    expect(fields).toMatchObject({ n: '1', label: hostile });
    expect(await runCount()).toBe(5);
  });

  it('keeps NULLs, booleans, small ints and floats typed, and values past 2^53 exact', async () => {
    const fields = await session.run(
      probeCall(
        `select null::int as missing, true as ok, 42 as small, 1.5::float8 as ratio,
                9007199254740993::bigint as big, 123456789012345678901234567890.5::numeric as huge,
                '2026-01-02'::date as day`,
      ),
    );
    expect(fields).toEqual({
      missing: null,
      ok: true,
      small: 42,
      ratio: 1.5,
      big: '9007199254740993',
      huge: '123456789012345678901234567890.5',
      day: '2026-01-02',
      rows: 1,
    });
  });

  it('gives rows = 0 and null columns when nothing matches', async () => {
    const fields = await session.run(probeCall("select id, status from agent_runs where label = 'nope'"));
    expect(fields).toEqual({ id: null, status: null, rows: 0 });
  });

  it('gives rows as the true row count, not the one row it fetched', async () => {
    const fields = await session.run(probeCall('select label from agent_runs order by id'));
    expect(fields).toEqual({ label: 'run:dev', rows: 5 });
  });

  it('reads a million-row result with bounded memory: only the first row comes to the client', async () => {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const fields = await session.run(
      probeCall("select g, repeat('x', 100) as pad from generate_series(1, 1000000) g", [], {
        timeoutMs: 25_000,
      }),
    );
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    expect(fields.rows).toBe(1_000_000);
    expect(fields.g).toBe(1);
    // Holding the rows would take well over 100 MB (a million objects with 100-char strings).
    expect(peak - before).toBeLessThan(30 * 1024 * 1024);
  }, 30_000);

  it('drops a column name used twice (an expect naming it becomes an unknown-field error)', async () => {
    const fields = await session.run(probeCall('select 1 as n, 2 as n, 3 as m'));
    expect(fields).toEqual({ m: 3, rows: 1 });
  });

  it('refuses a column named "rows", which would hide the row count', async () => {
    const error = await rejection(session.run(probeCall('select 0 as rows')));
    expect(error).toBeInstanceOf(ProbeError);
    expect(error.message).toMatch(/column is named "rows".*alias/);
  });

  it('works as a SELECT-only login role (the recommended grants)', async () => {
    const readerSession = await openSession(probeEnvironment(db.readerUrl));
    try {
      expect(await readerSession.run(probeCall('select count(*) as n from agent_runs'))).toEqual({
        n: '5',
        rows: 1,
      });
    } finally {
      await readerSession.close();
    }
    // Grants are the wall: even outside a read-only transaction, this role cannot write.
    const direct = new pg.Client({ connectionString: db.readerUrl! });
    await direct.connect();
    try {
      await expect(direct.query("insert into agent_runs (status, label) values ('a', 'b')")).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await direct.end();
    }
  });
});

describe('postgres probe: one read-only statement', () => {
  it('refuses two statements, even when a string or comment hides a semicolon elsewhere', async () => {
    const error = await rejection(session.run(probeCall('select 1 as a; select 2 as b')));
    expect(error.message).toMatch(/^one statement only/);
    expect(await session.run(probeCall("select ';' as semi -- ; not a statement"))).toEqual({
      semi: ';',
      rows: 1,
    });
  });

  it.each([
    ['delete', 'delete from agent_runs', /not DELETE/],
    [
      'insert … returning',
      "insert into agent_runs (status, label) values ('x', 'y') returning id",
      /not INSERT/,
    ],
    ['a do block', 'do $$ begin delete from agent_runs; end $$', /not DO/],
    ['set transaction read write', 'set transaction read write', /not SET/],
  ])('refuses %s before sending it', async (_name, sql, message) => {
    const error = await rejection(session.run(probeCall(sql)));
    expect(error).toBeInstanceOf(ProbeError);
    expect(error.message).toMatch(message);
    expect(await runCount()).toBe(5);
  });

  it.each([
    [
      'select … for update',
      'select id from agent_runs for update',
      /tried to write \(cannot execute SELECT FOR UPDATE in a read-only transaction\)/,
    ],
    [
      'with x as (insert …) select',
      "with x as (insert into agent_runs (status, label) values ('x', 'y') returning id) select * from x",
      /tried to write/,
    ],
    [
      'a volatile function that writes',
      'select write_something() as n',
      /tried to write \(cannot execute INSERT in a read-only transaction\)/,
    ],
    [
      'turning the transaction read-write',
      "select set_config('transaction_read_only', 'off', true) as v",
      /tried to leave the read-only transaction/,
    ],
  ])('the server refuses %s (read-only transaction), with a clear message', async (_name, sql, message) => {
    const error = await rejection(session.run(probeCall(sql)));
    expect(error).toBeInstanceOf(ProbeError);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/gates run read-only$/);
    expect(await runCount()).toBe(5);
  });

  it('rolls back: a session setting changed by a query does not leak into the next check', async () => {
    await session.run(probeCall("select set_config('search_path', 'nowhere', false) as v"));
    expect(await session.run(probeCall('select count(*) as n from agent_runs'))).toEqual({ n: '5', rows: 1 });
  });
});

describe('postgres probe: errors a person can act on', () => {
  it('names a missing table with its position', async () => {
    const error = await rejection(session.run(probeCall('select count(*) as n\nfrom agent_runz')));
    expect(error.message).toBe(
      `table "agent_runz" does not exist (line 2, column 6) in database "${db.name}"`,
    );
  });

  it('names a missing column with the server hint', async () => {
    const error = await rejection(session.run(probeCall('select statuss from agent_runs')));
    expect(error.message).toMatch(/^column "statuss" does not exist \(line 1, column 8\)/);
  });

  it('shows a syntax error with its position in the text the user wrote', async () => {
    const error = await rejection(session.run(probeCall('select from from agent_runs')));
    expect(error.message).toBe('SQL syntax error at or near "from" (line 1, column 13)');
  });

  it('says when $n and params do not match', async () => {
    const error = await rejection(session.run(probeCall('select $1::text as a, $2::text as b', ['x'])));
    expect(error.message).toMatch(/uses \$1\.\.\$2 but params has 1 value/);
  });

  it('cancels a query past statement_timeout on the server and says so', async () => {
    const short = await openSession(probeEnvironment(db.url, 300));
    try {
      const started = Date.now();
      const error = await rejection(short.run(probeCall('select pg_sleep(5) as slept')));
      expect(error.message).toMatch(/^query cancelled after 300ms \(statement_timeout\)/);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(await short.run(probeCall('select 1 as ok'))).toEqual({ ok: 1, rows: 1 });
    } finally {
      await short.close();
    }
  });

  it("cancels the server's statement when the check's own timeout aborts it", async () => {
    const relaxed = await openSession(probeEnvironment(db.url, 60_000));
    try {
      const started = Date.now();
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 400);
      const error = await rejection(
        relaxed.run(
          probeCall(
            "select set_config('application_name', 'abort-me', true) as tag, pg_sleep(20) as slept",
            [],
            {
              timeoutMs: 400,
              signal: controller.signal,
            },
          ),
        ),
      );
      expect(error.message).toMatch(/^no answer within 400ms \(the check's timeout\)/);
      expect(Date.now() - started).toBeLessThan(2_000);
      // The cancelled connection is never reused; the next check gets another one.
      expect(await relaxed.run(probeCall('select 1 as ok'))).toEqual({ ok: 1, rows: 1 });
      await until('the server stopped the cancelled statement', async () => {
        const still = await db.query<{ n: string }>(
          "select count(*) as n from pg_stat_activity where application_name = 'abort-me' and state = 'active'",
        );
        return still.rows[0]!.n === '0';
      });
    } finally {
      await relaxed.close();
    }
  });

  it('says a closed port is unreachable, with host and port', async () => {
    const port = await freePort();
    const closed = await openSession(probeEnvironment(`postgres://gate:secret@127.0.0.1:${port}/db`));
    const error = await rejection(closed.run(probeCall('select 1 as n')));
    expect(error.message).toBe(
      `cannot reach PostgreSQL at 127.0.0.1:${port} (connection refused); check sources.postgres.url and that the server is up`,
    );
    await closed.close();
  });

  it('never shows a wrong password, and registers it as a secret', async () => {
    const password = 'Wr0ng-p@ss/w0rd';
    const url = new URL(db.url);
    url.password = encodeURIComponent(password);
    const environment = probeEnvironment(url.toString());
    const wrong = await openSession(environment);
    const error = await rejection(wrong.run(probeCall('select 1 as n')));
    expect(error.message).toMatch(
      /refused the password for user "postgres"; check the password in sources\.postgres\.url/,
    );
    for (const text of [error.message, String(error.stack), ...environment.debugLines]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(encodeURIComponent(password));
    }
    expect(environment.secrets).toContain(password);
    expect(environment.secrets).toContain(url.toString());
    await wrong.close();
  });

  it('names a missing database', async () => {
    const missing = await openSession(probeEnvironment(withDatabase(db.url, 'no_such_db')));
    const error = await rejection(missing.run(probeCall('select 1 as n')));
    expect(error.message).toMatch(/^database "no_such_db" does not exist on 127\.0\.0\.1:\d+/);
    await missing.close();
  });

  it('says what to set when no URL is configured', async () => {
    const none = await openSession(probeEnvironment(undefined));
    const error = await rejection(none.run(probeCall('select 1 as n')));
    expect(error.message).toMatch(/set sources\.postgres\.url .*DATABASE_URL/);
  });

  it('follows libpq sslmode: require fails on a server without TLS, verify-ca needs a root cert', async () => {
    const requireTls = await openSession(probeEnvironment(`${db.url}?sslmode=require`));
    expect((await rejection(requireTls.run(probeCall('select 1 as n')))).message).toMatch(
      /does not accept TLS but the URL's sslmode requires it/,
    );
    const verifyCa = await openSession(probeEnvironment(`${db.url}?sslmode=verify-ca`));
    expect((await rejection(verifyCa.run(probeCall('select 1 as n')))).message).toMatch(
      /verify-ca needs sslrootcert/,
    );
    // prefer (libpq's default, used by every other test here) falls back to plaintext.
    const prefer = await openSession(probeEnvironment(`${db.url}?sslmode=prefer`));
    expect(await prefer.run(probeCall('select 1 as n'))).toEqual({ n: 1, rows: 1 });
    await Promise.all([requireTls.close(), verifyCa.close(), prefer.close()]);
  });
});

describe('postgres probe: reproduce command', () => {
  it.skipIf(!existsSync('/usr/bin/psql'))('gives the same answer when a person runs it with psql', () => {
    const sql = 'select count(*) as n from agent_runs where label = $1 and status = $2';
    const params = ["x'; drop table agent_runs; --", 'succeeded'];
    const command = postgresProbe.reproduce(sql, { params }, probeEnvironment(db.url).sources);
    expect(command).not.toContain(db.url);
    const output = execFileSync('sh', ['-c', command.replace('psql ', 'psql -tA ')], {
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('1');
  });
});
