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
  env?: Record<string, string>;
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

/** The step's environment as the runner gives it; a `${{ … }}` value stands in as a number. */
function stepEnv(workflow: Workflow, job: Job, step: Step): Record<string, string> {
  const declared = { ...workflow.env, ...job.env, ...step.env };
  const filled: Record<string, string> = {};
  for (const [name, value] of Object.entries(declared)) {
    filled[name] = value.includes('${{') ? '21985095587' : value;
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

  it.each(cases)(
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

  it.each(cases)(
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
});
