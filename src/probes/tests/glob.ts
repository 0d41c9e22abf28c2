import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { compilePattern, type Pattern } from '../../shared/pattern.js';

// `**` would otherwise walk dependency trees and VCS metadata, which never hold a test report
// a gate should read and can hold hundreds of thousands of files.
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** True when the pattern segment contains `*` or `?`. */
function isWildcard(segment: string): boolean {
  return /[*?]/.test(segment);
}

/** Compiles one path segment (`*.json`, `report-?.xml`) into an anchored regex. */
function segmentRegex(segment: string): Pattern {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // On RE2: `*a*a*a*a*a*a*b` as a backtracking RegExp takes hours on a long file name.
  return compilePattern(`^${source}$`);
}

interface Entry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
  /** A symbolic link, described by what it points to (the caller checks where that is). */
  isLink: boolean;
}

async function list(directory: string): Promise<Entry[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return await Promise.all(
      entries.map(async (entry) => {
        if (!entry.isSymbolicLink())
          return {
            name: entry.name,
            isDirectory: entry.isDirectory(),
            isFile: entry.isFile(),
            isLink: false,
          };
        const target = await stat(path.join(directory, entry.name)).catch(() => undefined);
        return {
          name: entry.name,
          isDirectory: target?.isDirectory() ?? false,
          isFile: target?.isFile() ?? false,
          isLink: true,
        };
      }),
    );
  } catch {
    // A directory that does not exist (or cannot be read) simply matches nothing.
    return [];
  }
}

async function walk(directory: string, segments: readonly string[], found: Set<string>): Promise<void> {
  if (segments.length === 0) return;
  const [segment, ...rest] = segments as [string, ...string[]];
  if (segment === '**') {
    // A trailing `**` means every file below, as `**/*` does.
    if (rest.length === 0) return walk(directory, ['**', '*'], found);
    // `**` matches zero directories…
    await walk(directory, rest, found);
    // …or one more, keeping `**` for the next level. Dot directories are skipped like `*` does;
    // linked directories too, so that a link to a parent cannot make the walk endless.
    for (const entry of await list(directory)) {
      if (!entry.isDirectory || entry.isLink) continue;
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      await walk(path.join(directory, entry.name), segments, found);
    }
    return;
  }
  const last = rest.length === 0;
  if (!isWildcard(segment)) {
    const target = path.join(directory, segment);
    if (last) {
      const entries = await list(directory);
      if (entries.some((entry) => entry.name === segment && entry.isFile)) found.add(target);
    } else {
      await walk(target, rest, found);
    }
    return;
  }
  const regex = segmentRegex(segment);
  for (const entry of await list(directory)) {
    // As in a shell, a wildcard does not match a leading dot unless the pattern starts with one.
    if (entry.name.startsWith('.') && !segment.startsWith('.')) continue;
    if (!regex.test(entry.name)) continue;
    if (last && entry.isFile) found.add(path.join(directory, entry.name));
    if (!last && entry.isDirectory) await walk(path.join(directory, entry.name), rest, found);
  }
}

/**
 * Expands a glob with `*`, `?` and `**` against the file system; relative globs resolve against
 * `base`. Returns absolute paths of regular files, sorted so that repeated runs of the same test
 * in several files are read in a stable order.
 */
export async function expandGlob(pattern: string, base: string): Promise<string[]> {
  const absolute = path.resolve(base, pattern);
  const { root } = path.parse(absolute);
  const segments = absolute
    .slice(root.length)
    .split(path.sep)
    .filter((segment) => segment !== '');
  const found = new Set<string>();
  await walk(root, segments, found);
  return [...found].sort();
}
