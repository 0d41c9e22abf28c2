// Benchmark: what the postgres probe's safety costs per check on a warm connection —
// BEGIN READ ONLY + SET LOCAL timeouts, the query as a cursor (FETCH 1, MOVE ALL), ROLLBACK,
// advisory unlock + DEALLOCATE — against the same query sent bare by pg, and that 200 concurrent checks use no
// more connections than the concurrency (8).
// Starts its own embedded PostgreSQL and stops it.
//
//   npx tsx bench/postgres-overhead.bench.ts     # run alone
//   (or through bench/run.ts, which calls the default export)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgresServer, withDatabase } from '../__tests__/support/postgres.js';
import { postgresProbe } from '../src/probes/postgres/index.js';
import type { ProbeCall } from '../src/probes/probe.js';
import { median, type BenchRow } from './harness.js';

const WARMUP = 100;
const ROUNDS = 1000;
const CHECKS = 200;
const OVERHEAD_TARGET_MS = 1;
const CONCURRENCY = 8;
const SQL =
  "select count(*) filter (where status = 'succeeded') as succeeded, count(*) as total from agent_runs where label = $1";
const PARAMS = ['run:dev'];

function call(timeoutMs = 10_000): ProbeCall<string> {
  return { spec: SQL, extras: { params: PARAMS }, signal: AbortSignal.timeout(timeoutMs), timeoutMs };
}

async function timeEach(rounds: number, once: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  return times;
}

export default async function bench(): Promise<BenchRow[]> {
  const server = await startPostgresServer();
  const admin = new pg.Client({ connectionString: server.adminUrl });
  try {
    await admin.connect();
    await admin.query('create database bench');
    const url = withDatabase(server.adminUrl, 'bench');
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    await setup.query(`create table agent_runs (id serial primary key, status text, label text);
      insert into agent_runs (status, label)
        select case when g % 7 = 0 then 'failed' else 'succeeded' end, 'run:' || (g % 20)
        from generate_series(1, 20000) g;
      create index on agent_runs (label); analyze agent_runs;`);
    await setup.query("update agent_runs set label = 'run:dev' where id % 50 = 0");
    await setup.end();

    const bare = new pg.Client({ connectionString: url });
    await bare.connect();
    const session = await postgresProbe.open(
      {
        sources: { postgres: { url, statementTimeoutMs: 15_000 }, kubernetes: {}, github: {} },
        env: {},
        workspace: process.cwd(),
        addSecret: () => undefined,
        debug: () => undefined,
      },
      { concurrency: CONCURRENCY },
    );
    try {
      const bareOnce = (): Promise<unknown> => bare.query(SQL, PARAMS);
      const probeOnce = (): Promise<unknown> => session.run(call());
      await timeEach(WARMUP, bareOnce);
      await timeEach(WARMUP, probeOnce);
      // Interleaved halves so a noisy neighbour hurts both sides alike.
      const bareTimes = [...(await timeEach(ROUNDS / 2, bareOnce))];
      const probeTimes = [...(await timeEach(ROUNDS / 2, probeOnce))];
      bareTimes.push(...(await timeEach(ROUNDS / 2, bareOnce)));
      probeTimes.push(...(await timeEach(ROUNDS / 2, probeOnce)));
      const bareMs = median(bareTimes);
      const probeMs = median(probeTimes);
      const overheadMs = probeMs - bareMs;

      const results = await Promise.all(
        Array.from({ length: CHECKS }, () =>
          session.run({ ...call(30_000), spec: 'select pg_backend_pid() as pid', extras: {} }),
        ),
      );
      const pids = new Set(results.map((fields) => fields.pid)).size;
      const connections = await admin.query<{ n: string }>(
        "select count(*) as n from pg_stat_activity where datname = 'bench' and application_name = 'regression-gate'",
      );
      const gateConnections = Number(connections.rows[0]!.n);

      return [
        {
          name: 'embedded PostgreSQL start (initdb + start)',
          figure: `${Math.round(server.startMs)} ms`,
          target: '',
          pass: undefined,
        },
        {
          name: 'bare query on a warm pg connection (median)',
          figure: `${bareMs.toFixed(3)} ms`,
          target: '',
          pass: undefined,
        },
        {
          name: 'postgres check on a warm session (median)',
          figure: `${probeMs.toFixed(3)} ms`,
          target: '',
          pass: undefined,
        },
        {
          name: 'per-check overhead (read-only tx, SET LOCAL, cursor, ROLLBACK, unlock)',
          figure: `${overheadMs.toFixed(3)} ms`,
          target: `<= ${OVERHEAD_TARGET_MS} ms over the bare query`,
          pass: overheadMs <= OVERHEAD_TARGET_MS,
        },
        {
          name: `${CHECKS} concurrent checks: backends used`,
          figure: `${pids} backend pid(s), ${gateConnections} open connection(s)`,
          target: `<= ${CONCURRENCY} (the concurrency)`,
          pass: pids <= CONCURRENCY && gateConnections <= CONCURRENCY,
        },
      ];
    } finally {
      await session.close();
      await bare.end();
    }
  } finally {
    await admin.end().catch(() => undefined);
    await server.stop();
  }
}

const SELF = fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === SELF) {
  for (const row of await bench()) {
    console.log(
      `${row.name}: ${row.figure}${row.target ? ` (target ${row.target}: ${row.pass ? 'pass' : 'FAIL'})` : ''}`,
    );
  }
}
