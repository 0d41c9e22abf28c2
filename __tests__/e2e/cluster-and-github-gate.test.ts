import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { emptyState, makeRun, simSha, startGitHubSim, type GitHubSim } from '../support/github-sim/index.js';
import { loadFixture, startK8sSim, type K8sSim } from '../support/k8s-sim/index.js';

const TOKEN = 'ghs_e2e_token_0123456789';
const HEAD = simSha('deployed-commit');
const DEPLOY_RUN_ID = 21985095587;

let k8s: K8sSim | undefined;
let github: GitHubSim | undefined;
afterEach(async () => {
  await k8s?.close();
  await github?.close();
});

const GATE = `version: 1
gate:
  id: REG-CK8S-S2-0001
  title: Sprint S2 Regression Gate (staging)
  owner_role: QA
  risks:
    - Day6 control tools e2e is scheduled for S3 Day3..Day5
sources:
  kubernetes: { namespace: codex-k8s-staging }
preconditions:
  - name: Deploy on main succeeded
    github: { run: "\${DEPLOY_RUN_ID}", job: Deploy codex-k8s to ai-staging }
  - name: Key deployments READY
    kubernetes: { deployments: [codex-k8s, codex-k8s-control-plane, codex-k8s-worker, codex-k8s-web-console, oauth2-proxy] }
scenarios:
  - name: Runtime hygiene (namespace/job leaks)
    checks:
      - kubernetes: { namespaces: { selector: "codex-k8s.dev/namespace-purpose=run" } }
        evidence: "\`kubectl get ns -l codex-k8s.dev/namespace-purpose=run\`: {{count}}"
`;

async function start(objects: ReturnType<typeof loadFixture>) {
  k8s = await startK8sSim({ objects });
  const state = emptyState(TOKEN);
  state.repositories['acme/platform'] = {
    workflows: [],
    runs: [
      makeRun({
        id: DEPLOY_RUN_ID,
        head_sha: HEAD,
        jobs: [{ id: 1, name: 'Deploy codex-k8s to ai-staging', status: 'completed', conclusion: 'success' }],
      }),
    ],
  };
  github = await startGitHubSim(state);
  return {
    KUBECONFIG: k8s.kubeconfigPath,
    GITHUB_API_URL: github.url,
    DEPLOY_RUN_ID: String(DEPLOY_RUN_ID),
    GITHUB_SHA: HEAD,
  };
}

describe('action with kubernetes and github evidence and a check run, run from dist/', () => {
  it('posts a successful check run with the summary when the cluster is clean', async () => {
    const env = await start(loadFixture('staging.yaml'));
    const run = await runAction({
      inputs: { config: '.github/regression-gate.yml', 'github-token': TOKEN, 'check-run': 'true' },
      files: { '.github/regression-gate.yml': GATE },
      env,
    });
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('| Deploy on main succeeded | conclusion=success | ✅ pass |');
    expect(run.summary).toContain('| Key deployments READY | ready=true | ✅ pass |');
    expect(run.summary).toContain(
      'kubectl -n codex-k8s-staging get deploy codex-k8s codex-k8s-control-plane',
    );
    const [checkRun] = [...github!.state.checkRuns.values()];
    expect(checkRun).toMatchObject({
      name: 'Regression Gate',
      head_sha: HEAD,
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Go — 1/1 scenarios pass', annotations_count: 0 },
    });
    expect(checkRun!.output.summary).toContain('| Runtime hygiene (namespace/job leaks) |');
    expect(run.outputs['check-run-id']).toBe(String(checkRun!.id));
    expect(run.outputs['check-run-url']).toBe(checkRun!.html_url);
    // The token never leaves the process in anything GitHub stores or shows.
    expect(JSON.stringify(checkRun)).not.toContain(TOKEN);
  });

  it('fails the check run with an annotation on the scenario line when run namespaces leaked', async () => {
    const env = await start([...loadFixture('staging.yaml'), ...loadFixture('run-namespaces.yaml')]);
    const run = await runAction({
      inputs: { config: '.github/regression-gate.yml', 'github-token': TOKEN, 'check-run': 'true' },
      files: { '.github/regression-gate.yml': GATE },
      env,
    });
    expect(run.exitCode).toBe(1);
    const [checkRun] = [...github!.state.checkRuns.values()];
    expect(checkRun).toMatchObject({
      conclusion: 'failure',
      output: { title: 'No-Go — 1 P0 scenario failed' },
    });
    expect(checkRun!.annotations).toEqual([
      expect.objectContaining({
        path: '.github/regression-gate.yml',
        start_line: 16,
        annotation_level: 'failure',
        title: 'Runtime hygiene (namespace/job leaks): fail',
      }),
    ]);
    expect(checkRun!.annotations[0]!.message).toMatch(/: \d+ \(count=\d+\), expected count == 0$/);
  });

  it('keeps every other report and the decision when the check run is forbidden (fork pull request)', async () => {
    const env = await start(loadFixture('staging.yaml'));
    github!.setFault('createCheckRun', {
      type: 'status',
      status: 403,
      message: 'Resource not accessible by integration',
    });
    const run = await runAction({
      inputs: { config: '.github/regression-gate.yml', 'github-token': TOKEN, 'check-run': 'true' },
      files: { '.github/regression-gate.yml': GATE },
      env,
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      /::warning::Could not create the check run "Regression Gate": .*checks: write/,
    );
    expect(run.summary).toContain('# ✅ Go — Sprint S2 Regression Gate (staging)');
    expect(run.outputs).toMatchObject({ decision: 'go', 'check-run-id': '' });
  });

  it('is No-Go when the cluster denies access, with the RBAC rule to add', async () => {
    const env = await start(loadFixture('staging.yaml'));
    k8s!.setFault({ status: 403, path: '/apis/apps/v1/namespaces/codex-k8s-staging/deployments' });
    const run = await runAction({
      inputs: { config: '.github/regression-gate.yml', 'github-token': TOKEN },
      files: { '.github/regression-gate.yml': GATE },
      env,
    });
    expect(run.exitCode).toBe(1);
    // As rendered: Markdown escapes removed.
    const rendered = run.summary.replace(/\\(.)/g, '$1');
    expect(rendered).toContain(
      '| Key deployments READY | error: forbidden to list deployments.apps in namespace codex-k8s-staging as system:serviceaccount:ci:gate (403); add a Role rule: apiGroups ["apps"], resources ["deployments"], verbs ["list"] in namespace codex-k8s-staging',
    );
    expect(run.summary).toContain('- Basis: precondition "Key deployments READY" is error');
  });
});
