// The action under GitHub's own local runner, @github/local-action, as docs/cli.md tells a user to
// run it: `local-action run . src/main.ts <dotenv>` from the action's root, against the demo's
// Kubernetes and GitHub simulators and a real PostgreSQL with the codex-k8s schema. local-action
// stubs @actions/core and @actions/github: inputs come from the dotenv file, outputs and the
// summary are captured by its stubs, and setFailed only records the failure (it exits 0).
import { spawn } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCluster, DEMO_NAMESPACE } from '../../scripts/demo/cluster.js';
import { DEMO_DEPLOY_RUN_ID, DEMO_REPOSITORY, demoGitHubState } from '../../scripts/demo/github.js';
import { writeGoTestReport } from '../../scripts/demo/go-report.js';
import { loadPlatformData } from '../../scripts/demo/platform-db.js';
import { startGitHubSim, type GitHubSim } from '../support/github-sim/index.js';
import { startK8sSim, type K8sSim } from '../support/k8s-sim/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCAL_ACTION = join(ROOT, 'node_modules/@github/local-action/bin/local-action.js');
const SHA = 'c0ffee0000000000000000000000000000000001';

interface LocalRun {
  code: number | null;
  stdout: string;
  summary: string;
  /** What local-action's own output table shows (its @actions/core stub captured these). */
  outputs: Record<string, string>;
}

let kubernetes: K8sSim;
let github: GitHubSim;
const databases: TestDatabase[] = [];

beforeAll(async () => {
  kubernetes = await startK8sSim({ objects: demoCluster({ noGo: false }) });
  github = await startGitHubSim(demoGitHubState());
});

afterAll(async () => {
  await kubernetes?.close();
  await github?.close();
  for (const db of databases) await db.cleanup();
});

async function platformDatabase(noGo: boolean): Promise<string> {
  const db = await createTestDatabase(undefined, { reader: true });
  databases.push(db);
  await loadPlatformData((sql) => db.query(sql), { noGo });
  return db.readerUrl!;
}

/** The rows of local-action's "Action Outputs" table. */
function outputTable(stdout: string): Record<string, string> {
  const start = stdout.indexOf('Action Outputs');
  const rows = [...stdout.slice(start).matchAll(/│\s*\d+\s*│\s*'([\w-]+)'\s*│\s*'([^']*)'\s*│/g)];
  return Object.fromEntries(rows.map((row) => [row[1]!, row[2]!]));
}

/** Writes the dotenv file docs/cli.md describes and runs local-action from the action's root. */
async function runLocalAction(databaseUrl: string): Promise<LocalRun> {
  const temp = await mkdtemp(join(tmpdir(), 'rg-local-action-'));
  const workspace = join(temp, 'workspace');
  await mkdir(join(workspace, '.github'), { recursive: true });
  await copyFile(join(ROOT, 'examples/codex-k8s-s2.yml'), join(workspace, '.github/regression-gate.yml'));
  const report = join(workspace, 'reports/worker-domain.json');
  await mkdir(join(workspace, 'reports'));
  await writeGoTestReport(report);
  const summary = join(temp, 'step-summary.md');
  await writeFile(summary, '');
  const dotenv = join(temp, '.env.local-action');
  await writeFile(
    dotenv,
    [
      'INPUT_CONFIG=.github/regression-gate.yml',
      `INPUT_OUTPUT-DIR=${join(temp, 'gate-report')}`,
      'INPUT_FAIL-ON=no-go',
      'INPUT_TIMEOUT=5m',
      'INPUT_CONCURRENCY=8',
      'INPUT_CHECK-RUN=true',
      'INPUT_CHECK-NAME=Regression Gate',
      `INPUT_GITHUB-TOKEN=${github.state.token}`,
      `GITHUB_WORKSPACE=${workspace}`,
      `GITHUB_STEP_SUMMARY=${summary}`,
      `GITHUB_REPOSITORY=${DEMO_REPOSITORY}`,
      `GITHUB_SHA=${SHA}`,
      `GITHUB_API_URL=${github.url}`,
      `DATABASE_URL=${databaseUrl}`,
      `KUBECONFIG=${kubernetes.kubeconfigPath}`,
      `CODEXK8S_STAGING_NAMESPACE=${DEMO_NAMESPACE}`,
      `DEPLOY_RUN_ID=${DEMO_DEPLOY_RUN_ID}`,
      `GO_TEST_REPORT=${report}`,
      '',
    ].join('\n'),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? temp,
  };
  // local-action stubs @actions/core at the path `npm ls` prints. In a helper's worktree whose
  // node_modules is a symlink, Node would load the package through its real path and miss the
  // stub; a plain clone needs nothing here.
  if (lstatSync(join(ROOT, 'node_modules')).isSymbolicLink()) env.NODE_OPTIONS = '--preserve-symlinks';
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [LOCAL_ACTION, 'run', '.', 'src/main.ts', dotenv], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      void readFile(summary, 'utf8').then(
        (text) => done({ code, stdout, summary: text, outputs: outputTable(stdout) }),
        fail,
      );
    });
  });
}

describe('@github/local-action runs src/main.ts against the simulators', { timeout: 300_000 }, () => {
  it('Go: reads the inputs, sets the outputs, writes the summary and posts a successful check run', async () => {
    const before = github.state.checkRuns.size;
    const run = await runLocalAction(await platformDatabase(false));
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ decision: 'go', passed: '7', failed: '0', errors: '0' });
    expect(run.outputs['report-json']).toMatch(/gate-report\/REG-CK8S-S2-0001\.json$/);
    expect(run.summary).toContain('Sprint S2 Regression Gate (staging)');
    expect(run.summary).toContain('`agent_runs`: `run:dev succeeded=9`');
    expect(run.stdout).not.toContain('::error::');
    const posted = [...github.state.checkRuns.values()].slice(before);
    expect(posted.map((check) => [check.name, check.head_sha, check.status, check.conclusion])).toEqual([
      ['Regression Gate', SHA, 'completed', 'success'],
    ]);
    expect(run.outputs['check-run-id']).toBe(String(posted[0]!.id));
  });

  it('No-Go: reported through setFailed, which local-action records without a non-zero exit', async () => {
    const before = github.state.checkRuns.size;
    const run = await runLocalAction(await platformDatabase(true));
    // local-action exits 0 even when the step failed: read the failure from its output.
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ decision: 'no-go', passed: '6', failed: '1', errors: '0' });
    expect(run.stdout).toMatch(/::error::No-Go: .*Day6 approval queue consistency/);
    expect(run.summary).toContain('stuck `requested` in `mcp_action_requests`: 1');
    const posted = [...github.state.checkRuns.values()].slice(before);
    expect(posted.map((check) => check.conclusion)).toEqual(['failure']);
  });
});
