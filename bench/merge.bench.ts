// Many jobs, one decision. (1) `merge` of 50 bundles × 200 scenarios (5 environments × 10 shards of
// a 2,000-scenario gate, 1 row in 50 failing) run as the merge job runs it — `node dist/index.js`
// with `merge:` — timed from spawn to exit with its peak RSS; then the same merge in process,
// checking that the job summary and the check run fit GitHub's limits and keep every failing row.
// (2) A 2,000-scenario gate in 8 shards: scenarios and checks per shard against 1/8 of the whole.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Gate, Scenario } from '../src/config/model.js';
import { mergeBundles, type MergeInput } from '../src/engine/merge.js';
import type { CheckResult, GateResult, ScenarioResult } from '../src/engine/results.js';
import { selectShard, shardOf } from '../src/engine/shard.js';
import { parseBundleDocument } from '../src/baseline/bundle-document.js';
import { bundleJson } from '../src/report/bundle.js';
import { checkRunReport } from '../src/report/check-run-flow.js';
import { CHECK_RUN_LIMIT_BYTES, JOB_SUMMARY_LIMIT_BYTES, renderMarkdown } from '../src/report/markdown.js';
import { Redactor } from '../src/report/redact.js';
import { utf8Length } from '../src/shared/text.js';
import type { BenchRow } from './harness.js';
import { median, megabytes } from './harness.js';

const DIST = resolve(process.env.BENCH_DIST ?? 'dist/index.js');
const MEASURE = resolve('bench/support/measure.mjs');
const ENVIRONMENTS = ['staging', 'prod-eu', 'prod-us', 'prod-ap', 'dr'];
const SHARDS = 10;
const SCENARIOS = 2000;
const RUNS = 5;

const id = (index: number): string => `s${String(index + 1).padStart(4, '0')}`;
const failing = (index: number, environment: number): boolean => (index + environment * 7) % 50 === 0;

function check(index: number, status: CheckResult['status']): CheckResult {
  return {
    id: `${id(index)}/1`,
    kind: 'postgres',
    status,
    fields: { stuck: status === 'pass' ? 0 : 3 },
    expect: 'stuck == 0',
    evidence: [{ text: 'stuck orders: ' }, { value: status === 'pass' ? '0' : '3' }],
    reproduce: `psql "$DATABASE_URL" -c 'select count(*) as stuck from orders where kind = ${index}'`,
    target: `postgres: orders of kind ${index}`,
    attempts: 1,
    startedAt: '2026-02-13T10:00:01.000Z',
    durationMs: 4,
    line: 12 + index * 5,
  };
}

/** The bundle text shard `shard` of `environment` writes. */
function shardBundle(environment: number, shard: number): string {
  const scenarios: ScenarioResult[] = [];
  for (let index = 0; index < SCENARIOS; index++) {
    if (shardOf(id(index), SHARDS) !== shard - 1) continue;
    const status = failing(index, environment) ? 'fail' : 'pass';
    scenarios.push({
      id: id(index),
      name: `Orders of kind ${index + 1} are not stuck`,
      priority: 'P0',
      status,
      checkStatus: status,
      checks: [check(index, status)],
      evidence: check(index, status).evidence,
      line: 10 + index * 5,
    });
  }
  const result: GateResult = {
    tool: { name: 'regression-gate', version: 'bench' },
    file: '.github/regression-gate.yml',
    gate: { id: 'REG-BENCH', title: 'Bench', relatedIssues: [], relatedPrs: [], language: 'en', risks: [] },
    startedAt: '2026-02-13T10:00:00.000Z',
    finishedAt: '2026-02-13T10:00:05.000Z',
    durationMs: 5000,
    preconditions: [],
    scenarios,
    decision: 'go',
    basis: [],
    residualRisks: [],
    counts: { passed: 0, failed: 0, errors: 0, waived: 0, total: scenarios.length },
    warnings: [],
    environment: ENVIRONMENTS[environment]!,
    shard: { index: shard, total: SHARDS, scenarios: scenarios.map((row) => row.id) },
  };
  return bundleJson(new Redactor().redactValue(result));
}

function runMergeJob(workspace: string): Promise<{ ms: number; maxRssKb: number; code: number | null }> {
  const measureFile = join(workspace, 'measure.json');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', MEASURE, DIST], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH ?? '',
      MEASURE_FILE: measureFile,
      GITHUB_WORKSPACE: workspace,
      INPUT_MERGE: 'bundles/*.json',
      'INPUT_CHECK-RUN': 'false',
      'INPUT_FAIL-ON': 'never',
      // A merge job on a runner always has a token: its forms are masked in everything written.
      GITHUB_TOKEN: 'ghs_bench_merge_token_0123456789',
    },
    stdio: 'ignore',
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      readFile(measureFile, 'utf8')
        .then((text) => done({ ms, maxRssKb: (JSON.parse(text) as { maxRssKb: number }).maxRssKb, code }))
        .catch(fail);
    });
  });
}

async function mergeFigures(): Promise<BenchRow[]> {
  const workspace = await mkdtemp(join(tmpdir(), 'rg-bench-merge-'));
  await mkdir(join(workspace, 'bundles'));
  const inputs: MergeInput[] = [];
  for (let environment = 0; environment < ENVIRONMENTS.length; environment++) {
    for (let shard = 1; shard <= SHARDS; shard++) {
      const name = `REG-BENCH.${ENVIRONMENTS[environment]}.shard-${shard}-of-${SHARDS}.json`;
      const text = shardBundle(environment, shard);
      await writeFile(join(workspace, 'bundles', name), text);
      const parsed = parseBundleDocument(text);
      if ('problem' in parsed) throw new Error(`${name} ${parsed.problem}`);
      inputs.push({ source: name, document: parsed.document });
    }
  }
  const samples: { ms: number; maxRssKb: number }[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const sample = await runMergeJob(workspace);
      if (sample.code !== 0) throw new Error(`the merge job exited ${sample.code}`);
      samples.push(sample);
    }
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
  const ms = median(samples.map((sample) => sample.ms));
  const rss = Math.max(...samples.map((sample) => sample.maxRssKb)) * 1024;

  const result = new Redactor().redactValue(
    mergeBundles(inputs, {
      mode: 'all',
      now: new Date(),
      tool: { name: 'regression-gate', version: 'bench' },
      gateFile: 'gate.yml',
    }),
  );
  const failingRows = result.scenarios.filter((row) => row.status !== 'pass');
  const summary = renderMarkdown(result, {
    maxBytes: JOB_SUMMARY_LIMIT_BYTES - 1024,
    fullReport: 'gate-report/REG-BENCH.md',
  });
  const checkRun = checkRunReport(result, 'gate-report/REG-BENCH.md').summary;
  // A failing cell is kept when its row of the "did not pass" table (name and environment) is there.
  const kept = (text: string): number =>
    failingRows.filter((row) => text.includes(`| ${row.name} | ${row.environment} |`)).length;
  return [
    {
      name: 'merge 50 bundles × 200 scenarios (node dist/index.js, spawn to exit)',
      figure: `${ms.toFixed(0)} ms (median of ${RUNS})`,
      target: '<= 1000 ms',
      pass: ms <= 1000,
    },
    { name: 'merge peak RSS', figure: megabytes(rss), target: '<= 200 MB', pass: rss <= 200 * 1024 * 1024 },
    {
      name: 'job summary size',
      figure: `${utf8Length(summary).toLocaleString('en-US')} bytes`,
      target: '<= 1,048,576 bytes',
      pass: utf8Length(summary) <= JOB_SUMMARY_LIMIT_BYTES,
    },
    {
      name: 'job summary: failing cells kept',
      figure: `${kept(summary)}/${failingRows.length}`,
      target: 'all',
      pass: kept(summary) === failingRows.length,
    },
    {
      name: 'check run size',
      figure: `${utf8Length(checkRun).toLocaleString('en-US')} bytes`,
      target: '<= 65,535 bytes',
      pass: utf8Length(checkRun) <= CHECK_RUN_LIMIT_BYTES,
    },
    {
      name: 'check run: failing cells kept',
      figure: `${kept(checkRun)}/${failingRows.length}`,
      target: 'all',
      pass: kept(checkRun) === failingRows.length,
    },
    {
      name: 'check run: overflow noted',
      figure: checkRun.includes('Left out:') ? 'yes' : 'no',
      target: 'yes',
      pass: checkRun.includes('Left out:'),
    },
  ];
}

/** A well-mixed integer from an index (murmur3's finalizer): check counts unrelated to the ids' hash. */
function mix(index: number): number {
  let hash = Math.imul(index ^ 0x5bd1e995, 0x9e3779b1);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

function gateOf(ids: readonly string[]): Gate {
  const scenarios: Scenario[] = ids.map((scenarioId, index) => ({
    id: scenarioId,
    name: scenarioId,
    priority: 'P0',
    // 1 to 4 checks, varying with the scenario and not with its number's position in a cycle.
    checks: Array.from<Scenario['checks'][number]>({ length: 1 + (mix(index) % 4) }),
    position: { line: index + 1, column: 1 },
  }));
  return { scenarios, preconditions: [] } as unknown as Gate;
}

function spread(label: string, ids: readonly string[], target: boolean): BenchRow[] {
  const gate = gateOf(ids);
  const totalChecks = gate.scenarios.reduce((sum, scenario) => sum + scenario.checks.length, 0);
  const rows: BenchRow[] = [];
  for (const [what, measure, whole] of [
    ['scenarios', (slice: Gate) => slice.scenarios.length, ids.length],
    [
      'checks',
      (slice: Gate) => slice.scenarios.reduce((sum, scenario) => sum + scenario.checks.length, 0),
      totalChecks,
    ],
  ] as const) {
    const sizes = Array.from({ length: 8 }, (_, index) =>
      measure(selectShard(gate, { index: index + 1, total: 8 }).gate),
    );
    const worst = Math.max(...sizes.map((size) => Math.abs(size / (whole / 8) - 1)));
    rows.push({
      name: `${label}: ${what} per shard (8 shards)`,
      figure: `${sizes.join(' ')} (worst ${(worst * 100).toFixed(1)}% off 1/8)`,
      target: target ? 'each within 10% of 1/8' : '',
      pass: target ? worst <= 0.1 : undefined,
    });
  }
  return rows;
}

export default async function bench(): Promise<BenchRow[]> {
  const numbered = Array.from({ length: SCENARIOS }, (_, index) => id(index));
  // Ids made from names (`id` not written): no trailing number, so only the hash spreads them.
  const slugs = Array.from(
    { length: SCENARIOS },
    (_, index) => `flow-${((index * 2654435761) >>> 0).toString(36)}-check`,
  );
  return [
    ...(await mergeFigures()),
    ...spread('2,000 numbered ids (s0001…)', numbered, true),
    ...spread('2,000 ids without a number (informational)', slugs, false),
  ];
}
