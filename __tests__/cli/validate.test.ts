import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './spawn-cli.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rg-cli-validate-'));
  await writeFile(
    join(dir, 'good.yml'),
    `version: 1
gate: { id: GOOD-1, title: Good }
sources:
  postgres: { url: "\${APP_DATABASE_URL}" }
scenarios:
  - name: approvals
    checks:
      - postgres: select count(*) as stuck from mcp_action_requests where approval_state = 'requested'
        expect: stuck == 0
`,
  );
  await writeFile(
    join(dir, 'bad.yml'),
    `version: 1
gate: { id: BAD-1, title: Bad }
scenarios:
  - name: typo in the probe key
    checks:
      - postgress: select 1
  - name: broken expect
    checks:
      - kubernetes: { deployments: [web] }
        expect: ready ==
`,
  );
  await writeFile(
    join(dir, 'metrics.yml'),
    `version: 1
gate: { id: METRICS-1, title: Metrics }
sources:
  prometheus: { url: "\${METRICS_API_URL}" }
scenarios:
  - name: errors
    checks:
      - prometheus: sum(rate(http_requests_total{code=~"5.."}[5m])) or vector(0)
        expect: value < 1
`,
  );
  await writeFile(join(dir, '.github-default.yml'), '');
});

describe('regression-gate validate', () => {
  it('exits 0 and says ok for a valid file, noting variables it had to fill in', async () => {
    const run = await runCli(['validate', 'good.yml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('good.yml: ok — GOOD-1: 0 preconditions, 1 scenario, 1 check\n');
    expect(run.stderr).toContain('good.yml: note: ${APP_DATABASE_URL} is not set here');
  });

  it('fills an unset …URL variable with a URL, so a source URL it makes is not a false problem', async () => {
    const run = await runCli(['validate', 'metrics.yml'], { cwd: dir });
    expect(run.stdout).toBe('metrics.yml: ok — METRICS-1: 0 preconditions, 1 scenario, 1 check\n');
    expect(run.stderr).toContain('metrics.yml: note: ${METRICS_API_URL} is not set here');
    expect(run.code).toBe(0);
  });

  it('with --require-env an unset variable is a problem with its line', async () => {
    const run = await runCli(['validate', '--require-env', 'good.yml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'good.yml:4:20: ${APP_DATABASE_URL} is not set; set the environment variable APP_DATABASE_URL or write ${APP_DATABASE_URL:-default}',
    );
  });

  it('accepts the variable when it is set, without a note', async () => {
    const run = await runCli(['validate', '--require-env', 'good.yml'], {
      cwd: dir,
      env: { APP_DATABASE_URL: 'postgres://gate@db.internal/app' },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('exits 2 and prints every problem as file:line:col: message', async () => {
    const run = await runCli(['validate', 'bad.yml'], { cwd: dir });
    expect(run.code).toBe(2);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual([
      "bad.yml:6:9: a check needs one probe key (github, kubernetes, postgres, tests, http, prometheus): 'postgress' is not one (did you mean 'postgres'?)",
      expect.stringMatching(/^bad\.yml:10:\d+: expect: /),
      'bad.yml: 2 problem(s)',
    ]);
  });

  it('checks several files and fails when any of them is invalid', async () => {
    const run = await runCli(['validate', 'good.yml', 'bad.yml', 'missing.yml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('good.yml: ok');
    expect(run.stdout).toContain('bad.yml: 2 problem(s)');
    expect(run.stdout).toContain('missing.yml:1:1: gate file not found');
  });

  it('reads .github/regression-gate.yml when no file is named', async () => {
    const run = await runCli(['validate'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('.github/regression-gate.yml:1:1: gate file not found');
  });

  it('passes on every shipped example', async () => {
    const run = await runCli(['validate', 'examples/codex-k8s-s2.yml', 'examples/web-service.yml']);
    expect(run.stdout).toContain(
      'examples/codex-k8s-s2.yml: ok — REG-CK8S-S2-0001: 2 preconditions, 7 scenarios',
    );
    expect(run.stdout).toContain('examples/web-service.yml: ok');
    expect(run.code).toBe(0);
  });
});

describe('usage', () => {
  it.each([
    [['frobnicate'], "unknown command 'frobnicate'; use validate, run or merge"],
    [['run', '--bogus'], "Unknown option '--bogus'"],
    [['run', '--concurrency', '0'], "--concurrency is '0'; use a whole number from 1 to 64"],
    [['run', '--timeout', 'soon'], "--timeout is 'soon'; write a duration like 10m, 90s or 1h"],
    [['run', '--language', 'de'], "--language is 'de'; use en or ru"],
    [['run', 'a.yml', 'b.yml'], 'run takes one gate file, got 2'],
    [[], 'no command given'],
  ])('%j exits 2 with one clear line', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("Run 'regression-gate --help' for usage.");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help and the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('regression-gate validate [FILE...]');
    const runHelp = await runCli(['run', '--help']);
    expect(runHelp.stdout).toContain('--only SCENARIO');
    const version = await runCli(['--version']);
    expect(version.stdout).toBe('0.1.0\n');
  });
});
