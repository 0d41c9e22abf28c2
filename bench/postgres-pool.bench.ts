// Benchmark: postgres checks of one gate in parallel on a bounded pool, through the engine as the
// action runs them. Ten checks of 0.5 s at the default concurrency (and, for comparison, with
// max_connections: 1, which is how every gate ran before the pool); then 1,000 checks of 5 ms:
// wall time, backends used, and backends left once the gate has returned.
// Starts its own embedded PostgreSQL and stops it.
//
//   npx tsx bench/postgres-pool.bench.ts     # run alone
//   (or through bench/run.ts, which calls the default export)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgresServer, withDatabase } from '../__tests__/support/postgres.js';
import { parseGate } from '../src/config/load.js';
import { evaluateGate } from '../src/engine/run.js';
import type { GateResult } from '../src/engine/results.js';
import { DEFAULT_CONCURRENCY } from '../src/probes/probe.js';
import { probeRegistry } from '../src/probes/registry.js';
import type { BenchRow } from './harness.js';

const SLOW_CHECKS = 10;
const SLOW_TARGET_MS = 1_200;
const MANY_CHECKS = 1_000;
const MANY_TARGET_MS = 2_000;
const SETTLE_LIMIT_MS = 2_000;

function gateText(url: string, checks: string[], maxConnections?: number): string {
  const limit = maxConnections === undefined ? '' : `, max_connections: ${maxConnections}`;
  const scenarios = checks
    .map((sql, index) => `  - name: s${index}\n    checks:\n      - postgres: '${sql}'\n`)
    .join('');
  return `version: 1\ngate: { id: bench, title: bench }\nsources: { postgres: { url: "${url}"${limit} } }\nscenarios:\n${scenarios}`;
}

async function timeGate(text: string): Promise<{ ms: number; result: GateResult }> {
  const gate = parseGate(text, { file: 'bench.yml', env: {}, probes: probeRegistry });
  const environment = {
    sources: gate.sources,
    env: {},
    workspace: '.',
    addSecret: () => undefined,
    debug: () => undefined,
  };
  const started = performance.now();
  const result = await evaluateGate(gate, {
    probes: probeRegistry,
    environment,
    tool: { name: 'bench', version: '0' },
  });
  const ms = performance.now() - started;
  if (result.counts.passed !== result.counts.total)
    throw new Error(`expected every check to pass, got ${JSON.stringify(result.counts)}`);
  return { ms, result };
}

function backendsUsed(result: GateResult): number {
  return new Set(result.scenarios.flatMap((scenario) => scenario.checks.map((check) => check.fields.pid)))
    .size;
}

export default async function bench(): Promise<BenchRow[]> {
  const server = await startPostgresServer();
  const admin = new pg.Client({ connectionString: server.adminUrl });
  try {
    await admin.connect();
    await admin.query('create database bench');
    const url = withDatabase(server.adminUrl, 'bench');
    const gateBackends = async (): Promise<number> => {
      const found = await admin.query<{ n: string }>(
        "select count(*) as n from pg_stat_activity where datname = 'bench' and application_name = 'regression-gate'",
      );
      return Number(found.rows[0]!.n);
    };

    await timeGate(gateText(url, ['select 1 as n'])); // warm-up: loads pg and the session once
    const slow = Array.from({ length: SLOW_CHECKS }, (_, i) => `select ${i} as n, pg_sleep(0.5)`);
    const pooled = await timeGate(gateText(url, slow));
    const serial = await timeGate(gateText(url, slow, 1));

    const many = Array.from(
      { length: MANY_CHECKS },
      (_, i) => `select ${i} as n, pg_backend_pid() as pid, pg_sleep(0.005)`,
    );
    const manyRun = await timeGate(gateText(url, many));
    const used = backendsUsed(manyRun.result);
    const settleStarted = performance.now();
    let left = await gateBackends();
    while (left > 0 && performance.now() - settleStarted < SETTLE_LIMIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      left = await gateBackends();
    }
    const settledMs = performance.now() - settleStarted;

    return [
      {
        name: `${SLOW_CHECKS} checks of 0.5 s, default concurrency (${DEFAULT_CONCURRENCY})`,
        figure: `${(pooled.ms / 1000).toFixed(2)} s`,
        target: `<= ${SLOW_TARGET_MS / 1000} s`,
        pass: pooled.ms <= SLOW_TARGET_MS,
      },
      {
        name: `the same ${SLOW_CHECKS} with max_connections: 1 (before the pool)`,
        figure: `${(serial.ms / 1000).toFixed(2)} s`,
        target: '',
        pass: undefined,
      },
      {
        name: `${MANY_CHECKS} checks of 5 ms: wall time`,
        figure: `${(manyRun.ms / 1000).toFixed(2)} s`,
        target: `<= ${MANY_TARGET_MS / 1000} s`,
        pass: manyRun.ms <= MANY_TARGET_MS,
      },
      {
        name: `${MANY_CHECKS} checks of 5 ms: backends used`,
        figure: `${used}`,
        target: `<= ${DEFAULT_CONCURRENCY} (the concurrency)`,
        pass: used >= 1 && used <= DEFAULT_CONCURRENCY,
      },
      {
        name: `${MANY_CHECKS} checks of 5 ms: backends left after the gate`,
        figure: `${left} (gone ${settledMs.toFixed(0)} ms after it returned)`,
        target: '0',
        pass: left === 0,
      },
    ];
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
