// The release workflow's shell steps, run here with bash as the runner runs them, so a broken
// release script is found before a tag is pushed.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

interface Step {
  id?: string;
  run?: string;
}
const steps = (
  parse(await readFile('.github/workflows/release.yml', 'utf8')) as { jobs: { release: { steps: Step[] } } }
).jobs.release.steps;

function script(id: string): string {
  const step = steps.find((candidate) => candidate.id === id);
  if (!step?.run) throw new Error(`release.yml has no run step with id '${id}'`);
  return step.run;
}

interface StepRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  dir: string;
}

async function runStep(
  id: string,
  files: Record<string, string>,
  env: Record<string, string>,
): Promise<StepRun> {
  const dir = await mkdtemp(join(tmpdir(), 'rg-release-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  const output = join(dir, 'github-output');
  await writeFile(output, '');
  const options = {
    cwd: dir,
    env: { PATH: process.env.PATH, RUNNER_TEMP: dir, GITHUB_OUTPUT: output, ...env },
  };
  // The runner's default shell for `run:` on Linux.
  const result = await run(
    'bash',
    ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script(id)],
    options,
  ).then(
    (ok) => ({ code: 0, stdout: ok.stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  const outputs = Object.fromEntries(
    (await readFile(output, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { ...result, outputs, dir };
}

const CHANGELOG = `# Changelog

## [Unreleased]

- not yet

## [1.2.0] - 2026-03-01

### Added

- kubernetes: \`resource:\` for custom kinds

## 1.1.0

- first
`;

describe('release.yml: notes from CHANGELOG.md', () => {
  it("takes the version's section, up to the next one", async () => {
    const step = await runStep('notes', { 'CHANGELOG.md': CHANGELOG }, { VERSION: '1.2.0' });
    expect(step.code).toBe(0);
    expect(await readFile(step.outputs.path!, 'utf8')).toBe(
      '\n### Added\n\n- kubernetes: `resource:` for custom kinds\n\n',
    );
  });

  it('accepts a plain "## X.Y.Z" heading and the last section', async () => {
    const step = await runStep('notes', { 'CHANGELOG.md': CHANGELOG }, { VERSION: '1.1.0' });
    expect(await readFile(step.outputs.path!, 'utf8')).toBe('\n- first\n');
  });

  it('fails with an annotation on CHANGELOG.md when the section is missing', async () => {
    const step = await runStep('notes', { 'CHANGELOG.md': CHANGELOG }, { VERSION: '1.2' });
    expect(step.code).toBe(1);
    expect(step.stdout).toContain("::error file=CHANGELOG.md::no '## 1.2' section");
  });
});

describe('release.yml: the tag and the versions agree', () => {
  const files = (pkg: string, tool: string): Record<string, string> => ({
    'package.json': JSON.stringify({ name: 'regression-gate', version: pkg }),
    'src/version.ts': `export const TOOL = { name: 'regression-gate', version: '${tool}' } as const;\n`,
  });

  it('passes and names the major tag to move', async () => {
    const step = await runStep('version', files('1.4.2', '1.4.2'), { TAG: 'v1.4.2' });
    expect(step.code).toBe(0);
    expect(step.outputs).toEqual({ version: '1.4.2', major: 'v1', prerelease: 'false' });
  });

  it('marks a prerelease, which never moves the major tag', async () => {
    const step = await runStep('version', files('2.0.0-rc.1', '2.0.0-rc.1'), { TAG: 'v2.0.0-rc.1' });
    expect(step.outputs).toEqual({ version: '2.0.0-rc.1', major: 'v2', prerelease: 'true' });
  });

  it('fails naming all three when src/version.ts was not bumped', async () => {
    const step = await runStep('version', files('1.4.2', '1.4.1'), { TAG: 'v1.4.2' });
    expect(step.code).toBe(1);
    expect(step.stdout).toContain(
      '::error::tag v1.4.2 says 1.4.2, package.json says 1.4.2, src/version.ts TOOL.version says 1.4.1',
    );
  });
});
