// Bad gate files against the real probe registry, and the ones that concern the runner through
// dist/: each ends in `file:line:column: message` annotations, a summary that says no check ran,
// no outputs, and exit 1 — quickly, even for a billion-laughs file or a 5 MB one.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGateFile, MAX_GATE_FILE_BYTES, parseGate } from '../../src/config/load.js';
import { ConfigError, formatProblem } from '../../src/config/problems.js';
import { checkSchemaFor } from '../../src/config/schema.js';
import { probeRegistry } from '../../src/probes/registry.js';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { bigGate } from '../support/big-gate.js';

function problemsOf(text: string): string[] {
  try {
    parseGate(text, { file: 'gate.yml', env: {}, probes: probeRegistry });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('the gate was accepted');
}

function aliasBomb(): string {
  const lines = ['version: 1', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 12; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function expectRefused(run: ActionRun): void {
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toBe('');
  expect(run.summary).toContain('# ❌ Invalid gate file');
  expect(run.summary).toContain('No check was run.');
  expect(run.outputs).toEqual({});
  expect(run.stdout).not.toMatch(/\n\s+at /);
}

describe('gate file problems with the real probes', () => {
  it('a check with two probe keys names both and says to split it', () => {
    expect(
      problemsOf(`version: 1
gate: { id: g, title: t }
scenarios:
  - name: a
    checks:
      - github: { run: 1 }
        kubernetes: { deployments: [x] }
`),
    ).toEqual([
      'gate.yml:6:9: a check has exactly one probe key, but this one has github and kubernetes; split it into two checks',
    ]);
  });

  it('an unknown field of a probe whose fields are fixed is a configuration error at the expect, with a hint', () => {
    expect(
      problemsOf(`version: 1
gate: { id: g, title: t }
preconditions:
  - name: Deployed
    github: { run: 1 }
    expect: conclusoin == success
scenarios:
  - name: a
    checks:
      - kubernetes: { deployments: [x] }
        expect: redy
`),
    ).toEqual([
      "gate.yml:6:13: expect uses 'conclusoin', which this github check does not report (did you mean 'conclusion'?); its fields are status, conclusion, run_id, run_url, head_sha, workflow, job, job_url, run_attempt, branch, event",
      "gate.yml:11:17: expect uses 'redy', which this kubernetes check does not report (did you mean 'ready'?); its fields are count, names, ready, not_ready, missing",
    ]);
  });

  // How long this takes (and its peak RSS) is a figure of bench/gate-file.bench.ts, not asserted here.
  it('a 5 MB gate file of ~30,000 scenarios loads whole, every check at its line', async () => {
    const { text, scenarios } = bigGate(5 * 1024 * 1024);
    const dir = await mkdtemp(join(tmpdir(), 'rg-big-gate-'));
    await writeFile(join(dir, 'gate.yml'), text);
    const gate = await loadGateFile(join(dir, 'gate.yml'), {
      file: 'gate.yml',
      env: {},
      probes: probeRegistry,
    });
    expect(gate.scenarios).toHaveLength(scenarios);
    expect(gate.scenarios.at(-1)!.checks[0]!.position.line).toBe(3 + 4 * (scenarios - 1) + 3);
  }, 180_000);

  it('a gate file over the size limit is refused before it is parsed, saying what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rg-huge-gate-'));
    await writeFile(join(dir, 'gate.yml'), `version: 1\n#${'x'.repeat(MAX_GATE_FILE_BYTES)}\n`);
    const started = performance.now();
    await expect(
      loadGateFile(join(dir, 'gate.yml'), { file: 'gate.yml', env: {}, probes: probeRegistry }),
    ).rejects.toThrow(
      /^gate\.yml:1:1: gate file is \d+ bytes; the limit is \d+ — split it into several gates$/,
    );
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('bad gate files through dist/', () => {
  it.each([
    [
      'not found',
      undefined,
      /file=gate\.yml,line=1,col=1::gate file not found; create it, or point the action's 'config' input \(the CLI's FILE argument\) at it/,
    ],
    [
      'not YAML',
      'version: 1\ngate: [\n',
      /::error title=Invalid gate file,file=gate\.yml,line=\d+,col=\d+::not valid YAML/,
    ],
    ['empty', '', /file=gate\.yml,line=1,col=1::the gate file is empty/],
    [
      'a waiver with a bad date',
      'version: 1\ngate: { id: g, title: t }\nscenarios:\n  - name: s\n    waiver: { reason: r, until: 2026-02-30 }\n    checks: [ { tests: { report: r.json, names: [T] } } ]\n',
      /file=gate\.yml,line=5,col=33::scenarios\[0\]\.waiver\.until: '2026-02-30' is not a date; write it as YYYY-MM-DD/,
    ],
  ])('%s: an annotation with the position, no check run, exit 1', async (_name, text, annotation) => {
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: text === undefined ? {} : { 'gate.yml': text },
    });
    expectRefused(run);
    expect(run.stdout).toMatch(annotation);
  });

  it('an alias bomb (billion laughs) is refused quickly, without expanding it', async () => {
    const started = performance.now();
    const run = await runAction({ inputs: { config: 'gate.yml' }, files: { 'gate.yml': aliasBomb() } });
    expect(performance.now() - started).toBeLessThan(10_000);
    expectRefused(run);
    expect(run.stdout).toMatch(/file=gate\.yml,line=1,col=1::the file cannot be read as data: .*alias/i);
  });

  it('a 5 MB gate file is read whole: a mistake on its last line is found and named', async () => {
    const { text, scenarios } = bigGate(5 * 1024 * 1024);
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: { 'gate.yml': `${text}  - name: last\n    cheks: []\n` },
      timeoutMs: 60_000,
    });
    expectRefused(run);
    expect(run.stdout).toContain(
      `file=gate.yml,line=${3 + 4 * scenarios + 2},col=5::unknown key 'cheks' in scenarios[${scenarios}] (did you mean 'checks'?)`,
    );
  }, 90_000);
});

describe('check schemas', () => {
  it('are built once per probe, not once per check (zod compiles each new schema)', () => {
    const probe = probeRegistry.tests!;
    expect(checkSchemaFor('tests', probe)).toBe(checkSchemaFor('tests', probe));
  });
});
