// Benchmark: a range-query answer of 10,000 series × 120 points (~45 MB of JSON) served over HTTP on
// 127.0.0.1 and read by the prometheus probe in a fresh child process: time from request to fields,
// and the child's peak RSS. The child is this file bundled by esbuild (as ncc bundles dist/), so
// tsx's loader does not add to the RSS being measured.
//
//   npx tsx bench/prometheus.bench.ts          # run alone
//   (or through bench/run.ts, which calls the default export)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { megabytes, type BenchRow } from './harness.js';

const SERIES = 10_000;
const POINTS = 120;
const CHILD_FLAG = 'PROMETHEUS_BENCH_URL';
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');

interface ChildResult {
  ms: number;
  /** CPU time of the child over the same span (user + system): steadier than wall time on a busy machine. */
  cpuMs: number;
  maxRssBytes: number;
  series: number;
  samples: number;
}

/** The answer as Prometheus writes it: labels per series, `[time,"value"]` pairs. */
function matrixAnswer(): Buffer {
  const parts: string[] = ['{"status":"success","data":{"resultType":"matrix","result":['];
  const start = 1_700_000_000;
  for (let series = 0; series < SERIES; series++) {
    const values: string[] = [];
    for (let point = 0; point < POINTS; point++) {
      values.push(`[${start + point * 15},"${((series * 7 + point * 13) % 1000) / 1e4}"]`);
    }
    parts.push(
      `${series > 0 ? ',' : ''}{"metric":{"__name__":"http_requests_total","namespace":"prod","pod":"web-${series}","code":"200","instance":"10.0.${series % 250}.${series % 200}:8080"},"values":[${values.join(',')}]}`,
    );
  }
  parts.push(']}}');
  return Buffer.from(parts.join(''));
}

function exec(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited with ${code}: ${output}`)),
    );
  });
}

async function childMain(url: string): Promise<void> {
  const { openPrometheusSession } = await import('../src/probes/prometheus/session.js');
  const session = await openPrometheusSession({
    sources: {
      postgres: { statementTimeoutMs: 15_000 },
      kubernetes: {},
      github: {},
      prometheus: { url, headers: {} },
    },
    env: {},
    workspace: '/',
    addSecret: () => {},
    debug: () => {},
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const fields = await session.run({
    spec: { query: 'rate(http_requests_total[5m])', rangeMs: 30 * 60_000, stepMs: 15_000 },
    extras: { expect: 'max < 1' },
    signal: new AbortController().signal,
    timeoutMs: 60_000,
  });
  const result: ChildResult = {
    ms: performance.now() - started,
    cpuMs: ((used) => (used.user + used.system) / 1000)(process.cpuUsage(cpu)),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    series: fields.series as number,
    samples: fields.samples as number,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Serves the answer, reads it in a child, reports time and peak RSS. */
export default async function bench(): Promise<BenchRow[]> {
  const answer = matrixAnswer();
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const directory = await mkdtemp(path.join(tmpdir(), 'prometheus-bench-'));
  try {
    const script = path.join(directory, 'read-child.mjs');
    await exec(path.join(ROOT, 'node_modules/.bin/esbuild'), [
      SELF,
      '--bundle',
      '--platform=node',
      '--format=esm',
      `--outfile=${script}`,
      '--log-level=error',
    ]);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const output = await exec(process.execPath, [script], { ...process.env, [CHILD_FLAG]: url });
    const result = JSON.parse(output.trim().split('\n').at(-1)!) as ChildResult;
    const label = `${SERIES} series × ${POINTS} points (${megabytes(answer.length)})`;
    return [
      {
        name: `${label}: read + aggregate`,
        figure: `${Math.round(result.ms)} ms`,
        target: '<= 1000 ms',
        pass: result.ms <= 1000 && result.samples === SERIES * POINTS,
      },
      {
        name: `${label}: CPU time of the reading process`,
        figure: `${Math.round(result.cpuMs)} ms`,
        target: '',
        pass: undefined,
      },
      {
        name: `${label}: peak RSS`,
        figure: megabytes(result.maxRssBytes),
        target: '<= 150 MB',
        pass: result.maxRssBytes <= 150 * 1024 * 1024,
      },
    ];
  } finally {
    server.close();
    await rm(directory, { recursive: true, force: true });
  }
}

const childUrl = process.env[CHILD_FLAG];
if (childUrl) await childMain(childUrl);
else if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  for (const row of await bench())
    console.log(`${row.name}  ${row.figure}  ${row.target}  ${row.pass ? 'PASS' : 'FAIL'}`);
}
