// Acting on the decision, through dist/: the sticky pull-request comment (first, updated in place,
// never doubled under racing runs, refused), the deployment's status, and the history trend.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import {
  emptyState,
  makeRun,
  startGitHubSim,
  type GitHubSim,
  type SimState,
} from '../support/github-sim/index.js';
import { makeZip } from '../support/zip.js';

const TOKEN = 'ghs_act_on_decision_token_0001';
const SECRET = 'sk_live_payments_secret_4f9a2c';
let github: GitHubSim | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

function gate(environment = 'staging'): string {
  return `version: 1
gate: { id: REG-ACT, title: Checkout release, environment: ${environment} }
scenarios:
  - name: Login works
    id: login
    checks:
      - tests: { report: reports/junit.xml, names: [login_test] }
  - name: Payments work
    id: payments
    checks:
      - tests: { report: reports/junit.xml, names: [payments_test] }
`;
}

function junit(outcome: { login: boolean; payments: boolean }): string {
  const testcase = (name: string, passed: boolean): string =>
    passed
      ? `<testcase classname="c" name="${name}"/>`
      : `<testcase classname="c" name="${name}"><failure message="charge refused with ${SECRET} [x](https://evil.example) @team">boom</failure></testcase>`;
  return `<?xml version="1.0"?><testsuite name="s">${testcase('login_test', outcome.login)}${testcase('payments_test', outcome.payments)}</testsuite>`;
}

async function pullRequestEvent(number: number, head = 'acme/platform'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rg-event-'));
  const path = join(dir, 'event.json');
  await writeFile(
    path,
    JSON.stringify({
      pull_request: {
        number,
        head: { sha: 'b'.repeat(40), repo: { full_name: head } },
        base: { repo: { full_name: 'acme/platform' } },
      },
    }),
  );
  return path;
}

interface GateRun {
  outcome?: { login: boolean; payments: boolean };
  environment?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

function runGate(options: GateRun = {}) {
  return runAction({
    inputs: { config: 'gate.yml', 'github-token': TOKEN, ...options.inputs },
    files: {
      'gate.yml': gate(options.environment),
      'reports/junit.xml': junit(options.outcome ?? { login: true, payments: true }),
    },
    env: { GITHUB_API_URL: github!.url, PAYMENTS_API_TOKEN: SECRET, ...options.env },
  });
}

function commentsOn(state: SimState, issue: number) {
  return [...state.comments.values()].filter((comment) => comment.issue === issue);
}

describe('sticky pull-request comment, through dist/', () => {
  it('comments once on a No-Go, then updates the same comment in place when the gate turns Go', async () => {
    github = await startGitHubSim(emptyState(TOKEN));
    const event = await pullRequestEvent(7);
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event };

    const first = await runGate({ outcome: { login: true, payments: false }, env });
    expect(first.exitCode).toBe(1);
    const [comment] = commentsOn(github.state, 7);
    expect(commentsOn(github.state, 7)).toHaveLength(1);
    const body = comment!.body;
    expect(body.startsWith('<!-- regression-gate:REG%2DACT:staging -->\n')).toBe(true);
    expect(body).toContain('### ❌ No-Go — Checkout release');
    expect(body).toContain('**No-Go — 1 P0 scenario failed** · gate `REG-ACT` · environment `staging`');
    expect(body).toMatch(/\| Payments work \| .* \| ❌ \*\*fail\*\* \|/);
    expect(body).not.toContain('| Login works |');
    expect(body).toContain('[Workflow run](https://github.com/acme/platform/actions/runs/1000)');
    // Values are inert and secrets absent, as in every other artefact.
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('](https://evil.example)');
    expect(body).not.toMatch(/(?<!&#64;|\\)@team/);
    expect(first.outputs['failed-scenarios']).toBe(
      JSON.stringify([{ id: 'payments', name: 'Payments work', priority: 'P0', status: 'fail' }]),
    );
    const summaryFile = await readFile(first.outputs['summary-path']!, 'utf8');
    expect(summaryFile).toContain('### ❌ No-Go — Checkout release');
    expect(summaryFile).not.toContain('<!-- regression-gate');

    const second = await runGate({ env });
    expect(second.exitCode).toBe(0);
    const after = commentsOn(github.state, 7);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(comment!.id);
    expect(after[0]!.body).toContain('### ✅ Go — Checkout release');
    expect(second.outputs['failed-scenarios']).toBe('[]');
    const posts = github.requests.filter((request) => request.route === 'createComment');
    expect(posts).toHaveLength(1);
    expect(github.requests.filter((request) => request.route === 'updateComment')).toHaveLength(1);
  });

  it('leaves one comment per environment when runs of two environments (twice each) race', async () => {
    github = await startGitHubSim(emptyState(TOKEN));
    const event = await pullRequestEvent(8);
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event };
    // All four see "no comment yet" before any of them creates one: the worst race there is.
    github.setBarrier('listComments', 4);
    const runs = await Promise.all([
      runGate({ environment: 'staging', env }),
      runGate({ environment: 'staging', env }),
      runGate({ environment: 'prod-eu', env, outcome: { login: false, payments: true } }),
      runGate({ environment: 'prod-eu', env, outcome: { login: false, payments: true } }),
    ]);
    expect(runs.map((run) => run.exitCode)).toEqual([0, 0, 1, 1]);
    expect(github.requests.filter((request) => request.route === 'createComment')).toHaveLength(4);
    const comments = commentsOn(github.state, 8);
    const markers = comments.map((comment) => comment.body.split('\n')[0]).sort();
    expect(markers).toEqual([
      '<!-- regression-gate:REG%2DACT:prod%2Deu -->',
      '<!-- regression-gate:REG%2DACT:staging -->',
    ]);
    // The duplicates were removed by the runs that made them; the survivors are the oldest.
    expect(github.requests.filter((request) => request.route === 'deleteComment')).toHaveLength(2);
    const prod = comments.find((comment) => comment.body.includes('prod%2Deu'))!;
    expect(prod.body).toContain('| Login works |');
    for (const run of runs) expect(run.stdout).not.toContain('::warning::No pull-request comment');
  });

  it('warns once and keeps every other report when the token may not comment (403)', async () => {
    github = await startGitHubSim(emptyState(TOKEN));
    github.setFault('createComment', { type: 'status', status: 403 });
    const event = await pullRequestEvent(9);
    const result = await runGate({ env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event } });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.decision).toBe('go');
    const warnings = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('::warning::No pull-request comment'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('pull-requests: write');
    expect(result.summary).toContain('Go — Checkout release');
    expect(result.outputs['report-json']).not.toBe('');
    expect(commentsOn(github.state, 9)).toHaveLength(0);
  });

  it('comments on the pull requests of the triggering run on workflow_run events', async () => {
    github = await startGitHubSim(emptyState(TOKEN));
    const dir = await mkdtemp(join(tmpdir(), 'rg-event-'));
    const event = join(dir, 'event.json');
    await writeFile(
      event,
      JSON.stringify({ workflow_run: { id: 77, head_sha: 'c'.repeat(40), pull_requests: [{ number: 12 }] } }),
    );
    const result = await runGate({ env: { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: event } });
    expect(result.exitCode).toBe(0);
    expect(commentsOn(github.state, 12)).toHaveLength(1);
  });

  it('with comment: always, says so when the run belongs to no pull request; auto stays quiet', async () => {
    github = await startGitHubSim(emptyState(TOKEN));
    const always = await runGate({ inputs: { comment: 'always' }, env: { GITHUB_EVENT_NAME: 'push' } });
    expect(always.stdout).toContain(
      '::warning::No pull-request comment: this push run belongs to no pull request',
    );
    const auto = await runGate({ env: { GITHUB_EVENT_NAME: 'push' } });
    expect(auto.stdout).not.toContain('No pull-request comment');
    expect(github.requests.filter((request) => request.route === 'listComments')).toHaveLength(0);
  });

  it('does not try to comment on a pull request from a fork, and says so once', async () => {
    github = await startGitHubSim(emptyState(TOKEN));
    const event = await pullRequestEvent(10, 'someone/platform');
    const result = await runGate({ env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event } });
    expect(result.exitCode).toBe(0);
    expect(
      result.stdout.match(/::warning::No pull-request comment: the pull request comes from the fork/g),
    ).toHaveLength(1);
    expect(github.requests.filter((request) => request.route === 'listComments')).toHaveLength(0);
  });
});

describe('deployment status, through dist/', () => {
  function withDeployment(): SimState {
    const state = emptyState(TOKEN);
    state.deployments.set(42, {
      id: 42,
      owner: 'acme',
      repo: 'platform',
      environment: 'staging',
      statuses: [
        {
          id: 1,
          state: 'in_progress',
          description: '',
          log_url: '',
          environment_url: 'https://staging.example.com',
        },
      ],
    });
    return state;
  }

  it('sets success on Go and failure on No-Go, with the run as log_url and environment_url kept', async () => {
    github = await startGitHubSim(withDeployment());
    const go = await runGate({ inputs: { 'deployment-id': '42' } });
    expect(go.exitCode).toBe(0);
    const noGo = await runGate({
      inputs: { 'deployment-id': '42' },
      outcome: { login: true, payments: false },
    });
    expect(noGo.exitCode).toBe(1);
    const [, success, failure] = github.state.deployments.get(42)!.statuses;
    expect(success).toMatchObject({
      state: 'success',
      description: 'Go — 2/2 scenarios pass',
      log_url: 'https://github.com/acme/platform/actions/runs/1000',
      environment_url: 'https://staging.example.com',
    });
    expect(failure).toMatchObject({
      state: 'failure',
      description: 'No-Go — 1 P0 scenario failed',
      environment_url: 'https://staging.example.com',
    });
  });

  it('warns once when the status cannot be set, and the exit code stays the decision’s', async () => {
    github = await startGitHubSim(withDeployment());
    github.setFault('createDeploymentStatus', { type: 'status', status: 403 });
    const result = await runGate({ inputs: { 'deployment-id': '42' } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.match(/::warning::No deployment status: .*deployments: write/g)).toHaveLength(1);
  });
});

describe('history and trend, through dist/', () => {
  it('shows a flaky and a newly failing scenario, skips unreadable bundles, and keeps the trend in the bundle', async () => {
    github = await startGitHubSim(emptyState(TOKEN));
    const template = await runGate({});
    const bundle = await readFile(template.outputs['report-json']!, 'utf8');
    const withStatuses = (login: string, payments: string): string => {
      const report = JSON.parse(bundle) as {
        scenarios: Array<{ id: string; status: string; checkStatus: string }>;
      };
      for (const row of report.scenarios) {
        row.status = row.id === 'login' ? login : payments;
        row.checkStatus = row.status === 'waived' ? 'fail' : row.status;
      }
      return JSON.stringify(report);
    };
    const workflow = { id: 7, name: 'Deploy', path: '.github/workflows/deploy.yml' };
    // Oldest first: 201 … 205; 203 uploaded nothing, 204's zip is corrupt.
    const runs = [201, 202, 203, 204, 205].map((id, index) =>
      makeRun({
        id,
        workflow,
        created_at: `2026-03-0${index + 1}T10:00:00Z`,
        conclusion: index === 1 ? 'failure' : 'success',
      }),
    );
    const artifact = (id: number, runId: number, zip: Buffer) => ({
      id,
      name: 'regression-gate',
      run_id: runId,
      expired: false,
      zip,
    });
    github.state.repositories['acme/platform'] = {
      workflows: [workflow],
      runs,
      artifacts: [
        artifact(601, 201, makeZip({ 'REG-ACT.json': withStatuses('pass', 'pass') })),
        artifact(602, 202, makeZip({ 'REG-ACT.json': withStatuses('fail', 'pass') })),
        artifact(604, 204, Buffer.from('not a zip at all')),
        artifact(605, 205, makeZip({ 'REG-ACT.json': withStatuses('pass', 'pass') })),
      ],
    };
    github.requests.length = 0;
    const result = await runGate({
      inputs: { history: '5' },
      outcome: { login: false, payments: false },
      env: {
        GITHUB_WORKFLOW_REF: 'acme/platform/.github/workflows/deploy.yml@refs/heads/main',
        GITHUB_REF_NAME: 'main',
      },
    });
    expect(result.exitCode).toBe(1);
    const summary = result.summary;
    expect(summary).toContain('## Trend');
    expect(summary).toContain(
      'Last 3 of 5 earlier runs read, 2 skipped (no readable bundle); oldest first, this run last.',
    );
    expect(summary).toContain(
      '| Login works | ✅❌✅❌ | **flaky**, failing since [run 1000](https://github.com/acme/platform/actions/runs/1000) |',
    );
    expect(summary).toContain(
      '| Payments work | ✅✅✅❌ | failing since [run 1000](https://github.com/acme/platform/actions/runs/1000) |',
    );
    expect(result.stdout).toContain('::notice::History: run 203 skipped: it has no unexpired artifact');
    expect(result.stdout).toContain('::notice::History: run 204 skipped:');
    expect(result.stdout).not.toMatch(/::error::.*History/);
    const json = JSON.parse(await readFile(result.outputs['report-json']!, 'utf8')) as {
      history: {
        window: number;
        skipped: number;
        scenarios: Array<{ id: string; statuses: string[]; flaky: boolean }>;
      };
    };
    expect(json.history.window).toBe(5);
    expect(json.history.skipped).toBe(2);
    expect(json.history.scenarios.find((row) => row.id === 'login')).toMatchObject({
      statuses: ['pass', 'fail', 'pass', 'fail'],
      flaky: true,
    });
    // One runs listing, one artifacts listing, at most N downloads.
    const routes = github.requests.map((request) => request.route);
    expect(routes.filter((route) => route === 'listWorkflowRuns')).toHaveLength(1);
    expect(routes.filter((route) => route === 'listRepoArtifacts')).toHaveLength(1);
    expect(routes.filter((route) => route === 'downloadArtifact').length).toBeLessThanOrEqual(5);
    expect(routes).not.toContain('listRunArtifacts');
  });
});
