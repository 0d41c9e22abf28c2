import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as a user would: a separate node process, src/cli.ts through tsx (or a built
 * bundle named by RG_CLI). Only the variables given are set, plus PATH, so the developer's
 * own DATABASE_URL, KUBECONFIG or tokens never reach a test.
 */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CliRun> {
  // tsx by URL: `--import tsx` would be resolved from the test's working directory.
  const entry = process.env.RG_CLI
    ? [resolve(process.env.RG_CLI)]
    : ['--import', import.meta.resolve('tsx'), resolve(ROOT, 'src/cli.ts')];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent-home', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 25_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}
