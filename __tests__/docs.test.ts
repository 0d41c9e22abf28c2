import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withFreshTables } from '../scripts/action-tables.js';
import { TOOL } from '../src/version.js';

describe('docs and metadata stay true', () => {
  it("README's inputs/outputs tables are generated from action.yml (run `npm run readme` when this fails)", () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(withFreshTables(readme, readFileSync('action.yml', 'utf8'))).toBe(readme);
  });

  it('the version in reports is the package version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; name: string };
    expect(TOOL).toEqual({ name: pkg.name, version: pkg.version });
  });

  it('action.yml runs dist/index.js on node24', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
