import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The bundle the runner executes; RG_DIST points a helper's private build elsewhere. */
export const DIST_ENTRY = resolve(process.env.RG_DIST ?? 'dist/index.js');

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The job summary as the runner would show it ('' when none was written). */
  summary: string;
  /** Step outputs parsed from GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** The workspace the action ran in (bundle files are under it). */
  workspace: string;
}

export interface ActionRunOptions {
  /** Action inputs by their action.yml names. */
  inputs: Record<string, string>;
  /** Files to create in the workspace before running, by relative path. */
  files?: Record<string, string>;
  /** Extra environment (GITHUB_API_URL, DATABASE_URL, …). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Runs `node dist/index.js` exactly as the runner does: INPUT_* variables, summary and output files. */
export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const workspace = await mkdtemp(join(tmpdir(), 'rg-workspace-'));
  const runnerTemp = await mkdtemp(join(tmpdir(), 'rg-runner-'));
  const summaryPath = join(runnerTemp, 'step_summary');
  const outputPath = join(runnerTemp, 'output');
  await writeFile(summaryPath, '');
  await writeFile(outputPath, '');
  for (const [path, content] of Object.entries(options.files ?? {})) {
    const full = join(workspace, path);
    await import('node:fs/promises').then((fs) => fs.mkdir(resolve(full, '..'), { recursive: true }));
    await writeFile(full, content);
  }
  const inputs = Object.fromEntries(
    Object.entries(options.inputs).map(([name, value]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      value,
    ]),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? workspace,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    RUNNER_TEMP: runnerTemp,
    GITHUB_REPOSITORY: 'acme/platform',
    GITHUB_SHA: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    GITHUB_RUN_ID: '1000',
    GITHUB_SERVER_URL: 'https://github.com',
    'INPUT_CHECK-RUN': 'false',
    ...inputs,
    ...options.env,
  };
  const child = spawn(process.execPath, [DIST_ENTRY], { cwd: workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const exitCode = await new Promise<number | null>((done) => child.on('close', done));
  clearTimeout(timer);
  return {
    exitCode,
    stdout,
    stderr,
    summary: await readFile(summaryPath, 'utf8'),
    outputs: parseOutputFile(await readFile(outputPath, 'utf8')),
    workspace,
  };
}

/** Parses the `name<<DELIMITER … DELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    while (++index < lines.length && lines[index] !== delimiter) value.push(lines[index]!);
    outputs[name!] = value.join('\n');
  }
  return outputs;
}
