// Benchmark: load a 5 MB gate file of ~30,000 scenarios (YAML parse, schema check, every check
// built with its line) in a child process and print the load time and the child's peak RSS. The
// figure that `__tests__/hardening/gate-file.test.ts` once asserted as a timed test.
//
//   npx tsx bench/gate-file.bench.ts          # run alone
//   (or through bench/run.ts, which calls the default export)
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { megabytes, type BenchRow } from './harness.js';
import { bigGate } from '../__tests__/support/big-gate.js';

const GATE_BYTES = 5 * 1024 * 1024;
// The bound the timed test used to assert; the time itself is now this figure, not a test.
const LOAD_TARGET_MS = 30_000;
const CHILD_FLAG = 'GATE_FILE_BENCH_CHILD';
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');

interface ChildResult {
  ms: number;
  /** User + system CPU time of the load: steadier than `ms` on a shared, loaded machine. */
  cpuMs: number;
  maxRssBytes: number;
  scenarios: number;
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

/** Bundles this file into one plain .mjs, so tsx's loader adds nothing to the RSS measured. */
async function bundle(directory: string): Promise<string> {
  const outfile = path.join(directory, 'load-child.mjs');
  await exec(path.join(ROOT, 'node_modules/.bin/esbuild'), [
    SELF,
    '--bundle',
    '--platform=node',
    '--format=esm',
    // yaml is CommonJS and requires node built-ins: give the ESM bundle a `require`.
    "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    `--outfile=${outfile}`,
    '--log-level=error',
  ]);
  return outfile;
}

async function childMain(file: string): Promise<void> {
  const [{ loadGateFile }, { probeRegistry }] = await Promise.all([
    import('../src/config/load.js'),
    import('../src/probes/registry.js'),
  ]);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const gate = await loadGateFile(file, { file: 'gate.yml', env: {}, probes: probeRegistry });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const result: ChildResult = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    scenarios: gate.scenarios.length,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Writes the gate file, loads it in a child, deletes it. */
export default async function bench(): Promise<BenchRow[]> {
  const directory = await mkdtemp(path.join(tmpdir(), 'gate-file-bench-'));
  try {
    const { text, scenarios } = bigGate(GATE_BYTES);
    const file = path.join(directory, 'gate.yml');
    await writeFile(file, text);
    const script = await bundle(directory);
    const output = await exec(process.execPath, [script], { ...process.env, [CHILD_FLAG]: file });
    const loaded = JSON.parse(output.trim().split('\n').at(-1)!) as ChildResult;
    if (loaded.scenarios !== scenarios) {
      throw new Error(`loaded ${loaded.scenarios} scenarios of ${scenarios}`);
    }
    const name = `gate file ${megabytes(Buffer.byteLength(text))}, ${scenarios} scenarios`;
    return [
      {
        name: `${name}: load time`,
        figure: `${Math.round(loaded.ms)} ms`,
        target: `<= ${LOAD_TARGET_MS} ms`,
        pass: loaded.ms <= LOAD_TARGET_MS,
      },
      {
        name: `${name}: load CPU time`,
        figure: `${Math.round(loaded.cpuMs)} ms`,
        target: '',
        pass: undefined,
      },
      { name: `${name}: peak RSS`, figure: megabytes(loaded.maxRssBytes), target: '', pass: undefined },
    ];
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

const childFile = process.env[CHILD_FLAG];
if (childFile !== undefined) {
  await childMain(childFile);
} else if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === SELF) {
  for (const row of await bench())
    console.log(
      `${row.name}: ${row.figure}${row.target ? ` (target ${row.target}: ${row.pass ? 'pass' : 'FAIL'})` : ''}`,
    );
}
