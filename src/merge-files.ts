// The files a merge reads: every match of its patterns (node's fs.glob), each read and parsed into
// a bundle or a problem that names it. Nothing here throws: a pattern that matches nothing and a
// file that cannot be read are problems the merge turns into `error` rows.
import { glob, readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseBundleDocument } from './baseline/bundle-document.js';
import type { MergeInput } from './engine/merge.js';
import type { GateResult } from './engine/results.js';
import { messageOf } from './engine/run.js';

/** Largest bundle read (a 2,000-scenario bundle is a few MB); a larger file is a problem, not an out-of-memory. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

/** Reads every file the patterns match (relative to `cwd`), in path order, each once. */
export async function readMergeInputs(patterns: readonly string[], cwd: string): Promise<MergeInput[]> {
  const inputs: MergeInput[] = [];
  const files = new Set<string>();
  for (const pattern of patterns) {
    const matched: string[] = [];
    try {
      for await (const path of glob(pattern, { cwd })) matched.push(resolve(cwd, path));
    } catch (error) {
      inputs.push({ source: pattern, problem: `cannot be searched: ${messageOf(error)}` });
      continue;
    }
    if (matched.length === 0) {
      inputs.push({
        source: pattern,
        problem: `matches no file under ${cwd}; download the jobs' bundles first (actions/download-artifact with pattern and merge-multiple: true)`,
      });
    }
    for (const path of matched) files.add(path);
  }
  // One file at a time: each text is parsed and dropped before the next is read, so a merge of
  // many bundles holds their rows once, never all their texts at the same time.
  for (const path of [...files].sort()) inputs.push(await readOne(path, shownPath(path, cwd)));
  return inputs;
}

async function readOne(path: string, source: string): Promise<MergeInput> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { source, problem: 'is a directory, not a bundle; match the .json files' };
    if (info.size > MAX_BUNDLE_BYTES) {
      return { source, problem: `is ${info.size} bytes, more than a bundle can be (${MAX_BUNDLE_BYTES})` };
    }
    const parsed = parseBundleDocument(await readFile(path, 'utf8'));
    return 'problem' in parsed ? { source, problem: parsed.problem } : { source, document: parsed.document };
  } catch (error) {
    return { source, problem: `cannot be read: ${messageOf(error)}` };
  }
}

function shownPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

/**
 * Without the expected list a matrix job that left no bundle at all is invisible: say what was
 * found, so a missing environment is seen in the log, and how to make the merge check it.
 */
export function foundEnvironmentsNotice(result: GateResult, option = 'environment: a,b'): string {
  const names = (result.merge?.environments ?? []).map((environment) => environment.name ?? '(none)');
  const found = names.length > 0 ? names.join(', ') : 'none';
  return `merged the bundles of ${names.length} environment(s): ${found}. An environment whose every job left no bundle cannot be seen here; list the expected ones (${option}) to make a missing one an error`;
}
