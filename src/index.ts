import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { run } from './main.js';

/**
 * The CLI's entry in the same bundle as the action (bin/regression-gate.js calls it), so dist/ holds
 * one copy of every probe. Its code loads only when called.
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  const [{ processIo }, { cli }] = await Promise.all([import('./cli/io.js'), import('./cli/main.js')]);
  process.exitCode = await cli(argv, processIo());
}

/** True when node was started on this file, as the runner starts `node dist/index.js`. */
function startedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (startedDirectly()) void run();
