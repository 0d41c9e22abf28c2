// The example workflows work as pasted: every input they give the action exists in action.yml,
// every output they read is one it sets, the gate file they name gets every `${VAR}` it needs from
// the step's environment, the test reports it reads are downloaded or written earlier in the job,
// and the bundle is uploaded under the artifact name `baseline: last-go` looks for.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { expandVariables } from '../../src/config/expand.js';
import { parseGate } from '../../src/config/load.js';
import { probeRegistry } from '../../src/probes/registry.js';
import { reportGlobs } from '../../src/probes/tests/schema.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  env?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown> };
  steps?: Step[];
}
interface Workflow {
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}
interface ActionMetadata {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionMetadata;
const DIR = 'examples/workflows';
const WORKFLOWS = readdirSync(DIR)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

/** Variables every GitHub-hosted runner sets for each step. */
const RUNNER_ENV: Record<string, string> = Object.fromEntries(
  [
    'CI',
    'GITHUB_ACTIONS',
    'GITHUB_API_URL',
    'GITHUB_REPOSITORY',
    'GITHUB_REPOSITORY_OWNER',
    'GITHUB_RUN_ID',
    'GITHUB_SHA',
    'GITHUB_REF',
    'GITHUB_WORKSPACE',
    'GITHUB_SERVER_URL',
    'RUNNER_TEMP',
    'HOME',
  ].map((name) => [name, `runner-${name.toLowerCase()}`]),
);

/** The step's environment as the runner gives it; each `${{ … }}` in a value stands in as a number. */
function stepEnv(workflow: Workflow, job: Job, step: Step): Record<string, string> {
  const declared = { ...workflow.env, ...job.env, ...step.env };
  const filled: Record<string, string> = {};
  for (const [name, value] of Object.entries(declared)) {
    // `${{ matrix.environment }}.shop.example.com` stays a host name.
    filled[name] = value.replace(/\$\{\{[\s\S]*?\}\}/g, '21985095587');
  }
  return { ...RUNNER_ENV, ...filled };
}

const isGateStep = (step: Step): boolean =>
  step.uses !== undefined && (/(^|\/)regression-gate@/.test(step.uses) || step.uses === './');
const input = (step: Step, name: string): string => step.with?.[name] ?? action.inputs[name]?.default ?? '';

/** `# Gate file: examples/x.yml, copied to .github/regression-gate.yml.` in the header. */
function gateFileOf(text: string, file: string): { example: string; copiedTo: string } {
  const match = /^# Gate file: (\S+), copied to (\S+?)\.?$/m.exec(text);
  if (!match) throw new Error(`${file} does not say which gate file it runs ('# Gate file: …, copied to …')`);
  return { example: match[1]!, copiedTo: match[2]! };
}

const cases = WORKFLOWS.flatMap((name) => {
  const path = join(DIR, name);
  const text = readFileSync(path, 'utf8');
  const workflow = parse(text) as Workflow;
  return Object.entries(workflow.jobs).flatMap(([jobId, job]) =>
    (job.steps ?? []).filter(isGateStep).map((step) => ({ name, path, text, workflow, jobId, job, step })),
  );
});

// A `merge:` step runs no probe: it reads the bundles of earlier jobs, not the gate file's sources.
const isMerge = (step: Step): boolean => (step.with?.merge ?? '') !== '';
const probeCases = cases.filter((c) => !isMerge(c.step));
const mergeCases = cases.filter((c) => isMerge(c.step));

/** An artifact name as a job of the matrix would spell it: each `${{ … }}` stands in as `x`. */
const sampleName = (name: string): string => name.replace(/\$\{\{[\s\S]*?\}\}/g, 'x');
/** download-artifact's `pattern` (a glob over artifact names) as a regular expression. */
const patternRegex = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.')}$`,
  );

describe('example workflows against action.yml and their gate file', () => {
  it('every example workflow runs the action', () => {
    expect(new Set(cases.map((c) => c.name))).toEqual(new Set(WORKFLOWS));
  });

  it.each(cases)('$path ($jobId): inputs given exist in action.yml', ({ step }) => {
    const unknown = Object.keys(step.with ?? {}).filter((name) => !(name in action.inputs));
    expect(unknown).toEqual([]);
  });

  it.each(cases)('$path ($jobId): outputs read exist in action.yml', ({ text, step }) => {
    if (!step.id) return;
    const read = [...text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, 'g'))].map(
      (match) => match[1]!,
    );
    expect(read.filter((name) => !(name in action.outputs))).toEqual([]);
  });

  it.each(probeCases)(
    '$path ($jobId): the gate file gets every ${VAR} it needs from env',
    ({ path, text, workflow, job, step }) => {
      const gate = gateFileOf(text, path);
      expect(input(step, 'config')).toBe(gate.copiedTo);
      expect(existsSync(gate.example)).toBe(true);
      const env = stepEnv(workflow, job, step);
      const gateText = readFileSync(gate.example, 'utf8');
      expect(expandVariables(gateText, env).missing).toEqual([]);
    },
  );

  it.each(probeCases)(
    '$path ($jobId): every test report the gate reads is downloaded or written earlier in the job',
    ({ path, text, workflow, job, step }) => {
      const gate = gateFileOf(text, path);
      const env = stepEnv(workflow, job, step);
      const parsed = parseGate(readFileSync(gate.example, 'utf8'), {
        file: gate.example,
        env,
        probes: probeRegistry,
      });
      const before = job.steps!.slice(0, job.steps!.indexOf(step));
      const downloaded = before
        .filter((s) => s.uses?.startsWith('actions/download-artifact@'))
        .map((s) => `${(s.with?.path ?? '.').replace(/\/$/, '')}/`);
      const written = before.map((s) => s.run ?? '').join('\n');
      const reports = [...parsed.preconditions, ...parsed.scenarios]
        .flatMap((row) => row.checks)
        .filter((check) => check.kind === 'tests')
        .flatMap((check) => reportGlobs(check.spec as Parameters<typeof reportGlobs>[0]));
      for (const report of reports) {
        const produced = downloaded.some((dir) => report.startsWith(dir)) || written.includes(`> ${report}`);
        expect(produced, `${path}: nothing before the gate step provides ${report}`).toBe(true);
      }
    },
  );

  it.each(cases)(
    '$path ($jobId): uploads the bundle under the artifact name baseline: last-go reads',
    ({ job, step }) => {
      const after = job.steps!.slice(job.steps!.indexOf(step) + 1);
      const upload = after.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(upload).toBeDefined();
      expect(upload!.if).toBe('always()');
      expect(upload!.with?.name).toBe(input(step, 'artifact-name'));
      expect(upload!.with?.path?.replace(/\/$/, '')).toBe(input(step, 'output-dir'));
    },
  );
  it.each(cases.filter((c) => c.job.strategy?.matrix !== undefined))(
    '$path ($jobId): a matrix job uploads its bundle under a name of its own, so no job overwrites another',
    ({ job, step }) => {
      const keys = Object.keys(job.strategy!.matrix!).filter((key) => key !== 'include' && key !== 'exclude');
      const upload = job
        .steps!.slice(job.steps!.indexOf(step) + 1)
        .find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      const name = upload?.with?.name ?? '';
      expect(keys.filter((key) => !name.includes(`matrix.${key} }}`))).toEqual([]);
      expect(job.strategy!['fail-fast']).toBe(false);
    },
  );

  it.each(cases.filter((c) => (c.step.with?.shard ?? '') !== ''))(
    '$path ($jobId): a shard only reports (fail-on: never) and a later merge job reads its bundle',
    ({ workflow, jobId, job, step }) => {
      expect(step.with?.['fail-on']).toBe('never');
      expect(step.with?.shard).toMatch(/^\$\{\{ matrix\.\w+ \}\}\/\d+$/);
      const upload = job
        .steps!.slice(job.steps!.indexOf(step) + 1)
        .find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      const merging = mergeCases.filter(
        (c) => c.workflow === workflow && [c.job.needs].flat().includes(jobId),
      );
      expect(merging.length).toBe(1);
      const download = merging[0]!.job.steps!.find((s) => s.uses?.startsWith('actions/download-artifact@'));
      expect(sampleName(upload!.with!.name!)).toMatch(patternRegex(download!.with!.pattern!));
    },
  );

  it.each(mergeCases)(
    '$path ($jobId): the merge job runs after every gate job, whatever they ended with, and reads all their bundles',
    ({ job, step }) => {
      expect(job.needs).toBeDefined();
      expect(job.if).toBe('always()');
      const before = job.steps!.slice(0, job.steps!.indexOf(step));
      const download = before.find((s) => s.uses?.startsWith('actions/download-artifact@'));
      // One directory for every artifact: the bundles' names differ per environment and shard.
      expect(download?.with).toMatchObject({ 'merge-multiple': true, pattern: expect.any(String) });
      const directory = (download!.with!.path ?? '.').replace(/\/$/, '');
      expect(step.with!.merge).toBe(`${directory}/*.json`);
    },
  );
});
