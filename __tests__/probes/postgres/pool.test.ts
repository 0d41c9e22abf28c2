// The postgres probe's connection pool against a real PostgreSQL: how many backends a gate opens,
// when they close, what one check can and cannot do to the next, and which backend a cancel hits.
// Every figure here is a count of backends (pg_stat_activity), never a duration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGate } from '../../../src/config/load.js';
import { evaluateGate } from '../../../src/engine/run.js';
import { probeRegistry } from '../../../src/probes/registry.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';
import { openPool, probeCall, probeEnvironment, rejection, until } from './helpers.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  // A function that leaves session state a ROLLBACK does not undo: a prepared statement.
  await db.query(`create function prepare_something() returns int language plpgsql as
    $$ begin execute 'prepare left_behind as select 1'; return 1; end $$`);
});

afterAll(async () => {
  await db?.cleanup();
});

/** Backends the probe has open in this test file's database. */
async function gateBackends(): Promise<number> {
  const result = await db.query<{ n: string }>(
    "select count(*) as n from pg_stat_activity where datname = current_database() and application_name = 'regression-gate'",
  );
  return Number(result.rows[0]!.n);
}

/**
 * A check that names itself: it sets its backend's application_name (for its transaction only)
 * and then sleeps, so pg_stat_activity shows which backend runs it. The statement text there is
 * the FETCH of the probe's cursor, not the user's SQL, so the SQL itself cannot be matched.
 */
function tagged(tag: string, seconds: number): string {
  return `select set_config('application_name', '${tag}', true) as tag, pg_backend_pid() as pid, pg_sleep(${seconds}) as slept`;
}

/** Backends running the check tagged `tag`. */
async function runningTagged(tag: string): Promise<number> {
  const result = await db.query<{ n: string }>(
    "select count(*) as n from pg_stat_activity where state = 'active' and application_name = $1",
    [tag],
  );
  return Number(result.rows[0]!.n);
}

function gateText(checks: string[], sources = `{ postgres: { url: "${db.url}" } }`): string {
  const scenarios = checks
    .map(
      (sql, index) => `  - name: s${index}\n    checks:\n      - postgres: '${sql.replaceAll("'", "''")}'\n`,
    )
    .join('');
  return `version: 1\ngate: { id: pool, title: pool }\nsources: ${sources}\nscenarios:\n${scenarios}`;
}

async function evaluate(text: string, options: { concurrency?: number; gateTimeoutMs?: number } = {}) {
  const gate = parseGate(text, { file: 'pool.yml', env: {}, probes: probeRegistry });
  return evaluateGate(gate, {
    probes: probeRegistry,
    environment: { ...probeEnvironment(undefined), sources: gate.sources },
    tool: { name: 'test', version: '0' },
    ...options,
  });
}

function pidsOf(result: Awaited<ReturnType<typeof evaluate>>): Set<unknown> {
  return new Set(result.scenarios.flatMap((scenario) => scenario.checks.map((check) => check.fields.pid)));
}

describe('postgres pool: as many connections as the concurrency, no more', () => {
  it('a gate uses exactly `concurrency` backends for many slow checks, and none is left after it', async () => {
    const checks = Array.from(
      { length: 12 },
      (_, i) => `select pg_backend_pid() as pid, pg_sleep(0.2), ${i} as i`,
    );
    const result = await evaluate(gateText(checks), { concurrency: 3 });
    expect(result.counts.passed).toBe(12);
    expect(pidsOf(result).size).toBe(3);
    await until('the gate left no backend', async () => (await gateBackends()) === 0);
  });

  it('never has more backends than the bound while 40 checks compete for them', async () => {
    const session = await openPool(probeEnvironment(db.url), 4);
    let most = 0;
    let done = false;
    const watcher = (async () => {
      while (!done) {
        most = Math.max(most, await gateBackends());
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    try {
      const results = await Promise.all(
        Array.from({ length: 40 }, () =>
          session.run(probeCall('select pg_backend_pid() as pid, pg_sleep(0.05) as slept')),
        ),
      );
      expect(new Set(results.map((fields) => fields.pid)).size).toBe(4);
    } finally {
      done = true;
      await watcher;
      await session.close();
    }
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThanOrEqual(1);
  });

  it('opens connections only as checks need them: one at a time needs one', async () => {
    const session = await openPool(probeEnvironment(db.url), 8);
    try {
      expect(await gateBackends()).toBe(0);
      const pids = new Set<unknown>();
      for (let i = 0; i < 5; i++)
        pids.add((await session.run(probeCall('select pg_backend_pid() as pid'))).pid);
      expect(pids.size).toBe(1);
      expect(await gateBackends()).toBe(1);
    } finally {
      await session.close();
    }
    await until('close() ended the backend', async () => (await gateBackends()) === 0);
  });

  it('max_connections: 1 runs every check on one backend, whatever the concurrency', async () => {
    const checks = Array.from({ length: 6 }, (_, i) => `select pg_backend_pid() as pid, ${i} as i`);
    const result = await evaluate(
      gateText(checks, `{ postgres: { url: "${db.url}", max_connections: 1 } }`),
      { concurrency: 8 },
    );
    expect(result.counts.passed).toBe(6);
    expect(pidsOf(result).size).toBe(1);
  });

  it('max_connections below the concurrency caps the backends of a gate', async () => {
    const checks = Array.from({ length: 8 }, () => 'select pg_backend_pid() as pid, pg_sleep(0.1)');
    const result = await evaluate(
      gateText(checks, `{ postgres: { url: "${db.url}", max_connections: 2 } }`),
      { concurrency: 8 },
    );
    expect(result.counts.passed).toBe(8);
    expect(pidsOf(result).size).toBe(2);
  });

  it('refuses max_connections: 0 with the line and the fix', () => {
    const text = gateText(['select 1 as n'], `{ postgres: { url: "${db.url}", max_connections: 0 } }`);
    expect(() => parseGate(text, { file: 'pool.yml', env: {}, probes: probeRegistry })).toThrow(
      /pool\.yml:3.*max_connections.*at least 1/s,
    );
  });

  it('a check that waits past its timeout for a busy connection says so', async () => {
    const environment = probeEnvironment(db.url);
    environment.sources.postgres.maxConnections = 1;
    const session = await openPool(environment, 8);
    try {
      const slow = session.run(probeCall(tagged('hold-the-one', 1.5)));
      await until('the slow check runs', async () => (await runningTagged('hold-the-one')) === 1);
      const error = await rejection(session.run(probeCall('select 1 as n', [], { timeoutMs: 200 })));
      expect(error.message).toMatch(
        /^no answer within 200ms .*every connection \(1\) was busy with other checks/,
      );
      expect(await slow).toMatchObject({ tag: 'hold-the-one' });
    } finally {
      await session.close();
    }
  });
});

describe('postgres pool: every connection ends with the gate', () => {
  it('when the deadline passes mid-query: the statements are cancelled and no backend is left', async () => {
    const checks = Array.from({ length: 3 }, (_, i) => tagged(`deadline-${i}`, 30));
    const result = await evaluate(gateText(checks), { concurrency: 3, gateTimeoutMs: 1_500 });
    expect(result.counts.errors).toBe(3);
    for (const scenario of result.scenarios)
      expect(scenario.checks[0]!.error).toMatch(/deadline|no answer within/);
    await until('no backend is left', async () => (await gateBackends()) === 0);
    for (let i = 0; i < 3; i++) expect(await runningTagged(`deadline-${i}`)).toBe(0);
  });

  it('when checks fail and error: the failed ones give their connection back, and none is left after', async () => {
    const checks = [
      'select pg_backend_pid() as pid from no_such_table',
      'select 1/0 as boom, pg_backend_pid() as pid',
      'select pg_backend_pid() as pid, 1 as ok',
    ];
    const result = await evaluate(gateText(checks), { concurrency: 2 });
    expect(result.scenarios.map((scenario) => scenario.status)).toEqual(['error', 'error', 'pass']);
    await until('no backend is left', async () => (await gateBackends()) === 0);
  });
});

describe('postgres pool: one check cannot disturb another', () => {
  it('a backend the server ends mid-query is an error for that check only; the others finish', async () => {
    const session = await openPool(probeEnvironment(db.url), 4);
    try {
      // Its handler is attached now: the check may fail before the terminating query returns.
      const victim = rejection(session.run(probeCall(tagged('victim', 20))));
      const others = ['other-1', 'other-2', 'other-3'].map((tag) => session.run(probeCall(tagged(tag, 1))));
      await until('all four run at once', async () =>
        (await Promise.all(['victim', 'other-1', 'other-2', 'other-3'].map(runningTagged))).every(
          (n) => n === 1,
        ),
      );
      await db.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'victim'",
      );
      const error = await victim;
      expect(error.message).toMatch(
        /^lost the connection to PostgreSQL at 127\.0\.0\.1:\d+ during the query: terminating connection due to administrator command/,
      );
      const answers = await Promise.all(others);
      expect(answers.map((fields) => fields.tag)).toEqual(['other-1', 'other-2', 'other-3']);
      // The dead connection left the pool: the next checks run, and never on the ended backend.
      const after = await Promise.all(
        Array.from({ length: 4 }, () => session.run(probeCall(tagged('after', 0.2)))),
      );
      expect(after.every((fields) => fields.rows === 1)).toBe(true);
      expect(await gateBackends()).toBeLessThanOrEqual(4);
    } finally {
      await session.close();
    }
  });

  it("a check's timeout cancels its own backend's statement, and only that one", async () => {
    const session = await openPool(probeEnvironment(db.url, 60_000), 3);
    const long = new AbortController();
    const short = new AbortController();
    try {
      const keep = ['keep-a', 'keep-c'].map((tag) =>
        session
          .run(probeCall(tagged(tag, 20), [], { timeoutMs: 30_000, signal: long.signal }))
          .catch((error: unknown) => error),
      );
      const cancelled = session.run(
        probeCall(tagged('cancel-b', 20), [], { timeoutMs: 300, signal: short.signal }),
      );
      await until('all three run', async () =>
        (await Promise.all(['keep-a', 'cancel-b', 'keep-c'].map(runningTagged))).every((n) => n === 1),
      );
      short.abort();
      expect((await rejection(cancelled)).message).toMatch(
        /^no answer within 300ms \(the check's timeout\); the query was cancelled on the server/,
      );
      await until('the server stopped cancel-b', async () => (await runningTagged('cancel-b')) === 0);
      expect(await runningTagged('keep-a')).toBe(1);
      expect(await runningTagged('keep-c')).toBe(1);
      long.abort();
      await Promise.all(keep);
      await until('the server stopped the others', async () =>
        (await Promise.all(['keep-a', 'keep-c'].map(runningTagged))).every((n) => n === 0),
      );
    } finally {
      long.abort();
      await session.close();
    }
  });

  it('nothing a check does to its session reaches the next check on the same connection', async () => {
    const environment = probeEnvironment(db.url);
    environment.sources.postgres.maxConnections = 1;
    const session = await openPool(environment, 8);
    const other = await openPool(probeEnvironment(db.url), 1);
    try {
      const first = await session.run(
        probeCall(`select pg_backend_pid() as pid,
                          set_config('search_path', 'nowhere', false) as path,
                          set_config('regression_gate.leak', 'leaked', false) as custom,
                          pg_try_advisory_lock(4242) as locked,
                          pg_try_advisory_lock_shared(4243) as shared,
                          prepare_something() as prepared`),
      );
      expect(first).toMatchObject({ path: 'nowhere', custom: 'leaked', locked: true, shared: true });
      const second = await session.run(
        probeCall(`select pg_backend_pid() as pid,
                          current_setting('search_path') as path,
                          coalesce(current_setting('regression_gate.leak', true), '') as custom,
                          (select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()) as locks,
                          (select count(*) from pg_prepared_statements) as statements`),
      );
      expect(second.pid).toBe(first.pid);
      expect(second).toMatchObject({ path: '"$user", public', custom: '', locks: '0', statements: '0' });
      // What another session of the same database sees: the lock was not kept by the gate.
      expect(await other.run(probeCall('select pg_try_advisory_lock(4242) as free'))).toMatchObject({
        free: true,
      });
    } finally {
      await Promise.all([session.close(), other.close()]);
    }
  });
});
