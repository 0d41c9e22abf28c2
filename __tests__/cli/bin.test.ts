import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The installed command runs the CLI from the same dist/ bundle as the action.
function bin(args: string[]) {
  return spawnSync(process.execPath, ['bin/regression-gate.js', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
}

describe('the regression-gate command (bin/ over dist/)', () => {
  it('is the package bin and prints the version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      version: string;
      bin: Record<string, string>;
    };
    expect(pkg.bin['regression-gate']).toBe('bin/regression-gate.js');
    const result = bin(['--version']);
    expect(result.stdout).toBe(`${pkg.version}\n`);
    expect(result.status).toBe(0);
  });

  it('validates the shipped examples and lists problems with lines for a bad file', () => {
    expect(bin(['validate', 'examples/codex-k8s-s2.yml']).status).toBe(0);
    const bad = bin(['validate', '__tests__/cli/fixtures/missing-file.yml']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('__tests__/cli/fixtures/missing-file.yml:1:1: gate file not found');
  });
});
