// What `run` and `merge` both do once they have a result: write the bundle into `--out` and print
// the terminal table (or the JSON with `--json`), every byte through the command's sink.
import { isAbsolute, relative, resolve } from 'node:path';
import { messageOf } from '../engine/run.js';
import { bundleJson, writeBundle, type BundlePaths } from '../report/bundle.js';
import type { PublicResult } from '../report/redact.js';
import type { ArtefactSink } from '../report/sink.js';
import { renderTerminal } from '../report/terminal.js';
import { useColour, type CliIo } from './io.js';

/**
 * Writes the bundle (a failure is a warning: the terminal output still comes) and prints the
 * result; `what` names the bundle in that warning ("report bundle", "merged bundle").
 */
export async function writeAndPrint(
  result: PublicResult,
  options: { out: string; json: boolean },
  io: CliIo,
  sink: ArtefactSink,
  what: string,
): Promise<BundlePaths | undefined> {
  let bundle: BundlePaths | undefined;
  try {
    bundle = await writeBundle(result, resolve(io.cwd, options.out), sink);
  } catch (error) {
    sink.log('warning', `the ${what} could not be written to ${options.out}: ${messageOf(error)}\n`);
  }
  if (options.json) {
    sink.stdout(bundleJson(result), 'json');
  } else {
    const table = renderTerminal(result, { colour: useColour(io), width: io.columns ?? 120 });
    sink.stdout(`${table}\n`);
    if (bundle)
      sink.stdout(`\nReport: ${shown(bundle.markdown, io.cwd)} and ${shown(bundle.json, io.cwd)}\n`);
  }
  return bundle;
}

/** A path relative to the working directory when it is inside it. */
export function shown(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}
