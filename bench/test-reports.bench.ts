// Benchmark: parse a 200 MB `go test -json` report and a 50 MB JUnit report in a child process
// and print the parse time and the child's peak RSS. The reports are generated (stream-written)
// into a temporary directory and deleted afterwards.
//
//   npx tsx bench/test-reports.bench.ts          # run alone
//   (or through bench/run.ts, which calls the default export)
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { megabytes, type BenchRow } from './harness.js';

const GO_BYTES = 200 * 1024 * 1024;
const JUNIT_BYTES = 50 * 1024 * 1024;
const CHILD_FLAG = 'TEST_REPORTS_BENCH_CHILD';
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');

const SEED_TESTS = [
  'TestResolveModelFromLabels_ConflictingLabels',
  'TestResolveRunAgentContext_ConflictingPullRequestLabelsFail',
  'TestResolveRunAgentContext_ConfigLabelsPullRequestOverrideIssue',
  'TestResolveRunAgentContext_ReasoningExtraHighLabel',
  'TestResolveRunAgentContext_UsesPullRequestHintsForRevise',
];
const NAMES = [...SEED_TESTS, '/^TestWebhook_Replay/'];

/** Writes `produce(i)` chunks until `bytes` are written, honouring back-pressure. */
async function writeUntil(
  file: string,
  bytes: number,
  head: string,
  produce: (index: number) => string,
  tail: string,
): Promise<void> {
  const out = createWriteStream(file);
  let written = 0;
  const write = async (text: string): Promise<void> => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await write(head);
  let batch = '';
  for (let index = 0; written + batch.length < bytes; index += 1) {
    batch += produce(index);
    if (batch.length > 1024 * 1024) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch + tail);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

const TIME = '2026-11-25T03:00:00.000000000Z';

/** One test's events as go 1.19 writes them: run, output lines, result. */
function goTest(index: number): string {
  const pkg = `example.com/codex-k8s/services/pkg${index % 400}`;
  const test =
    index % 5000 < 5
      ? SEED_TESTS[index % 5]!
      : index % 7919 === 0
        ? 'TestWebhook_ReplayIdempotent'
        : `TestGenerated_${index}`;
  const failed = index % 997 === 0;
  const event = (action: string, output?: string): string =>
    `${JSON.stringify({ Time: TIME, Action: action, Package: pkg, Test: test, ...(output === undefined ? {} : { Output: output }) })}\n`;
  return (
    event('run') +
    event('output', `=== RUN   ${test}\n`) +
    event('output', `    ${test.toLowerCase()}_test.go:42: resolved labels for run ${index}\n`) +
    event('output', `--- ${failed ? 'FAIL' : 'PASS'}: ${test} (0.00s)\n`) +
    `${JSON.stringify({ Time: TIME, Action: failed ? 'fail' : 'pass', Package: pkg, Test: test, Elapsed: 0 })}\n`
  );
}

function junitCase(index: number): string {
  const suite = index % 1000 === 0 ? `  </testsuite>\n  <testsuite name="suite${index}" tests="1000">\n` : '';
  const name = index % 5000 < 5 ? SEED_TESTS[index % 5]! : `generated case ${index} &amp; friends`;
  if (index % 997 === 0) {
    return `${suite}    <testcase classname="com.example.Suite${index % 50}" name="${name}" time="0.001"><failure message="expected 200 but was 202" type="AssertionError"><![CDATA[java.lang.AssertionError: expected 200 but was 202\n\tat com.example.Suite.test(Suite.java:${index % 300})\n]]></failure></testcase>\n`;
  }
  return `${suite}    <testcase classname="com.example.Suite${index % 50}" name="${name}" time="0.001"/>\n`;
}

interface ChildResult {
  ms: number;
  /** User + system CPU time of the parse: steadier than `ms` on a shared, loaded machine. */
  cpuMs: number;
  maxRssBytes: number;
  passed: number;
  failed: number;
}

/** Runs a command to completion, rejecting with its output when it fails. */
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

/**
 * Bundles this file (and the parser it imports) into one plain .mjs, as ncc does for dist/:
 * under tsx the loader's own worker would add ~30 MB to the RSS being measured.
 */
async function bundle(directory: string): Promise<string> {
  const outfile = path.join(directory, 'parse-child.mjs');
  await exec(path.join(ROOT, 'node_modules/.bin/esbuild'), [
    SELF,
    '--bundle',
    '--platform=node',
    '--format=esm',
    `--outfile=${outfile}`,
    '--log-level=error',
  ]);
  return outfile;
}

/** Parses one report in a fresh node process so that its RSS is the parser's alone. */
async function parseInChild(script: string, report: string): Promise<ChildResult> {
  const output = await exec(process.execPath, [script], { ...process.env, [CHILD_FLAG]: report });
  return JSON.parse(output.trim().split('\n').at(-1)!) as ChildResult;
}

async function childMain(report: string): Promise<void> {
  const { readTestReports } = await import('../src/probes/tests/session.js');
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const fields = await readTestReports(
    { report, names: NAMES },
    path.dirname(report),
    new AbortController().signal,
  );
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const result: ChildResult = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    passed: fields.passed as number,
    failed: fields.failed as number,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Generates both reports, parses each in a child, deletes them. */
export default async function bench(): Promise<BenchRow[]> {
  const directory = await mkdtemp(path.join(tmpdir(), 'test-reports-bench-'));
  try {
    const goReport = path.join(directory, 'go-test.json');
    await writeUntil(goReport, GO_BYTES, '', goTest, '');
    const junitReport = path.join(directory, 'junit.xml');
    await writeUntil(
      junitReport,
      JUNIT_BYTES,
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="first">\n',
      junitCase,
      '  </testsuite>\n</testsuites>\n',
    );
    const goSize = (await stat(goReport)).size;
    const junitSize = (await stat(junitReport)).size;
    const script = await bundle(directory);
    const go = await parseInChild(script, goReport);
    const junit = await parseInChild(script, junitReport);
    return [
      {
        name: `go test -json ${megabytes(goSize)}: parse time`,
        figure: `${Math.round(go.ms)} ms`,
        target: '<= 2000 ms',
        pass: go.ms <= 2000,
      },
      {
        name: `go test -json ${megabytes(goSize)}: parse CPU time`,
        figure: `${Math.round(go.cpuMs)} ms`,
        target: '',
        pass: undefined,
      },
      {
        name: `go test -json ${megabytes(goSize)}: peak RSS`,
        figure: megabytes(go.maxRssBytes),
        target: '< 150 MB',
        pass: go.maxRssBytes < 150 * 1024 * 1024,
      },
      {
        name: `JUnit XML ${megabytes(junitSize)}: parse time`,
        figure: `${Math.round(junit.ms)} ms`,
        target: '',
        pass: undefined,
      },
      {
        name: `JUnit XML ${megabytes(junitSize)}: parse CPU time`,
        figure: `${Math.round(junit.cpuMs)} ms`,
        target: '',
        pass: undefined,
      },
      {
        name: `JUnit XML ${megabytes(junitSize)}: peak RSS`,
        figure: megabytes(junit.maxRssBytes),
        target: '',
        pass: undefined,
      },
    ];
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

const childReport = process.env[CHILD_FLAG];
if (childReport !== undefined) {
  await childMain(childReport);
} else if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === SELF) {
  for (const row of await bench())
    console.log(
      `${row.name}: ${row.figure}${row.target ? ` (target ${row.target}: ${row.pass ? 'pass' : 'FAIL'})` : ''}`,
    );
}
