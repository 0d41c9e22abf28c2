// Faults of the cluster and GitHub met by dist/ as the runner runs it: the gate's deadline, a bad
// token, a rate limit, a check-run update that fails after creation, and a malformed kubeconfig.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { emptyState, makeRun, simSha, startGitHubSim, type GitHubSim } from '../support/github-sim/index.js';
import { loadFixture, startK8sSim, type K8sSim } from '../support/k8s-sim/index.js';
import { readBundleJson } from './artefacts.js';

const TOKEN = 'ghs_runner_faults_token_42';
const HEAD = simSha('runner-faults');
const RUN_ID = 21985095587;

let k8s: K8sSim | undefined;
let github: GitHubSim | undefined;
afterEach(async () => {
  await k8s?.close();
  await github?.close();
  k8s = undefined;
  github = undefined;
});

interface BundleRow {
  name: string;
  status: string;
  checks: Array<{ status: string; error?: string }>;
}
interface Bundle {
  decision: string;
  preconditions: BundleRow[];
  scenarios: BundleRow[];
}

const CLUSTER_GATE = `version: 1
gate: { id: REG-CLUSTER, title: Cluster gate }
sources:
  kubernetes: { namespace: codex-k8s-staging }
scenarios:
  - name: Key deployments READY
    checks:
      - kubernetes: { deployments: [codex-k8s] }
        timeout: 1m
  - name: Runtime hygiene
    checks:
      - kubernetes: { namespaces: { selector: "codex-k8s.dev/namespace-purpose=run" } }
`;

const GITHUB_GATE = `version: 1
gate: { id: REG-GH, title: GitHub gate }
preconditions:
  - name: Deploy on main succeeded
    github: { run: "${RUN_ID}", job: deploy }
    timeout: 5s
scenarios:
  - name: Deploy run
    checks:
      - github: { run: "${RUN_ID}" }
`;

async function startGitHub(): Promise<GitHubSim> {
  const state = emptyState(TOKEN);
  state.repositories['acme/platform'] = {
    workflows: [],
    runs: [
      makeRun({
        id: RUN_ID,
        head_sha: HEAD,
        jobs: [{ id: 1, name: 'deploy', status: 'completed', conclusion: 'success' }],
      }),
    ],
  };
  github = await startGitHubSim(state);
  return github;
}

describe('the gate deadline (input `timeout`), through dist/', () => {
  it('ends a check stuck on a slow API as an error, writes every report, and decides No-Go', async () => {
    k8s = await startK8sSim({ objects: loadFixture('staging.yaml') });
    k8s.setFault({ delayMs: 30_000, path: '/deployments' });
    const started = performance.now();
    const run = await runAction({
      inputs: { config: 'gate.yml', timeout: '2s', 'fail-on': 'no-go' },
      files: { 'gate.yml': CLUSTER_GATE },
      env: { KUBECONFIG: k8s.kubeconfigPath },
    });
    // The check's own timeout is a minute: only the gate's deadline can have ended it this soon.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ decision: 'no-go', passed: '1', errors: '1' });
    expect(run.summary).toContain(
      "| Key deployments READY | error: the gate's deadline \\(2s\\) passed before this check finished | ⚠️ **error** |",
    );
    expect(run.summary).toContain('- Basis: P0 scenario "Key deployments READY" is error');
    const bundle = (await readBundleJson(run, 'REG-CLUSTER')) as Bundle;
    expect(bundle.scenarios.map((row) => row.status)).toEqual(['error', 'pass']);
    expect(await readFile(join(run.workspace, 'gate-report', 'REG-CLUSTER.md'), 'utf8')).toContain(
      'decision: no-go',
    );
  });
});

describe('GitHub faults, through dist/', () => {
  it('a bad token for a github: check is an error row that names the token, not a pass', async () => {
    await startGitHub();
    const run = await runAction({
      inputs: { config: 'gate.yml', 'github-token': 'ghs_not_the_right_token' },
      files: { 'gate.yml': GITHUB_GATE },
      env: { GITHUB_API_URL: github!.url },
    });
    expect(run.exitCode).toBe(1);
    const bundle = (await readBundleJson(run, 'REG-GH')) as Bundle;
    expect(bundle.preconditions[0]!.status).toBe('error');
    expect(bundle.preconditions[0]!.checks[0]!.error).toMatch(/401/);
    expect(bundle.preconditions[0]!.checks[0]!.error).toMatch(/token/i);
    expect(JSON.stringify(bundle) + run.summary).not.toContain('ghs_not_the_right_token');
    expect(run.summary).toContain('- Basis: precondition "Deploy on main succeeded" is error');
  });

  it('rate limited past the check timeout: an error row that says so, not a pass', async () => {
    await startGitHub();
    github!.setFault('getRun', { type: 'rate-limit', status: 403, resetAfter: 3600 });
    const started = performance.now();
    const run = await runAction({
      inputs: { config: 'gate.yml', 'github-token': TOKEN },
      files: { 'gate.yml': GITHUB_GATE },
      env: { GITHUB_API_URL: github!.url },
    });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(run.exitCode).toBe(1);
    const bundle = (await readBundleJson(run, 'REG-GH')) as Bundle;
    expect(bundle.preconditions[0]!.status).toBe('error');
    expect(bundle.preconditions[0]!.checks[0]!.error).toMatch(/rate limit/i);
  });

  it('a 500 on the check-run update after creation: retried or warned, exit code from the decision only', async () => {
    await startGitHub();
    github!.setFault('updateCheckRun', { type: 'status', status: 500, times: 1 });
    const retried = await runAction({
      inputs: { config: 'gate.yml', 'github-token': TOKEN, 'check-run': 'true', 'fail-on': 'never' },
      files: { 'gate.yml': GITHUB_GATE },
      env: { GITHUB_API_URL: github!.url, GITHUB_SHA: HEAD },
    });
    expect(retried.exitCode).toBe(0);
    const [first] = [...github!.state.checkRuns.values()];
    expect(first).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(retried.outputs['check-run-id']).toBe(String(first!.id));

    github!.setFault('updateCheckRun', { type: 'status', status: 500 });
    const warned = await runAction({
      inputs: { config: 'gate.yml', 'github-token': TOKEN, 'check-run': 'true' },
      files: { 'gate.yml': GITHUB_GATE },
      env: { GITHUB_API_URL: github!.url, GITHUB_SHA: HEAD },
    });
    // Go: the check run's trouble is a warning and never fails the step.
    expect(warned.outputs.decision).toBe('go');
    expect(warned.exitCode).toBe(0);
    expect(warned.stdout).toMatch(/::warning::.*check run.*(in progress|in_progress)/i);
    expect(warned.summary).toContain('# ✅ Go — GitHub gate');
  });
});

describe('a malformed kubeconfig, through dist/', () => {
  it('is an error row naming the file, No-Go, with every report written', async () => {
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: { 'gate.yml': CLUSTER_GATE, 'kube/config': 'apiVersion: v1\nclusters: [ {name: x, cluster:\n' },
      env: { KUBECONFIG: 'kube/config' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('');
    const bundle = (await readBundleJson(run, 'REG-CLUSTER')) as Bundle;
    expect(bundle.scenarios.map((row) => row.status)).toEqual(['error', 'error']);
    expect(bundle.scenarios[0]!.checks[0]!.error).toMatch(/kube\/config/);
    expect(bundle.scenarios[0]!.checks[0]!.error).not.toMatch(/\n\s+at /);
    expect(run.outputs).toMatchObject({ decision: 'no-go', errors: '2' });
  });
});

describe('a 404 for a namespace, through dist/', () => {
  it('is an error, never the empty list that would pass a "count == 0" leak check', async () => {
    k8s = await startK8sSim({ objects: loadFixture('staging.yaml') });
    k8s.setFault({ status: 404, path: '/namespaces/gone/' });
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: {
        'gate.yml': `version: 1
gate: { id: REG-404, title: Leaks }
scenarios:
  - name: No stuck agent jobs
    checks:
      - kubernetes: { jobs: { selector: app=agent-run, namespace: gone } }
`,
      },
      env: { KUBECONFIG: k8s.kubeconfigPath },
    });
    expect(run.exitCode).toBe(1);
    const bundle = (await readBundleJson(run, 'REG-404')) as Bundle;
    expect(bundle.scenarios[0]!.status).toBe('error');
    expect(bundle.scenarios[0]!.checks[0]!.error).toMatch(
      /^listing jobs\.batch in namespace gone returned 404 Not Found/,
    );
    expect(run.outputs).toMatchObject({ decision: 'no-go', errors: '1' });
  });
});
