import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withFreshTables } from '../scripts/action-tables.js';
import { parseGate } from '../src/config/load.js';
import { probeRegistry } from '../src/probes/registry.js';
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

  it("the README's gate file is valid", () => {
    const readme = readFileSync('README.md', 'utf8');
    const gates = [...readme.matchAll(/```yaml\n((?:#[^\n]*\n)?version: 1\n[\s\S]*?)```/g)].map(
      (match) => match[1]!,
    );
    expect(gates.length).toBeGreaterThan(0);
    const env = { DATABASE_URL: 'postgres://x', STAGING_NAMESPACE: 'staging', DEPLOY_RUN_ID: '1' };
    for (const text of gates)
      expect(() => parseGate(text, { file: 'README.md', env, probes: probeRegistry })).not.toThrow();
  });
});
