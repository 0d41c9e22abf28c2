import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { githubProbe, gitHubReproduce } from '../../../src/probes/github/index.js';
import type { GitHubSpec } from '../../../src/probes/github/index.js';
import { openGitHubSession } from '../../../src/probes/github/session.js';
import type { Fields, ProbeEnvironment, ProbeSession, Sources } from '../../../src/probes/probe.js';
import { emptyState, makeJobs, makeRun, startGitHubSim } from '../../support/github-sim/index.js';
import type { GitHubSim, SimRun } from '../../support/github-sim/index.js';

const TOKEN = 'ghs_probe_test_token_0123456789';
const REPO = 'octo-org/platform';

const deployWorkflow = { id: 101, name: 'Deploy', path: '.github/workflows/deploy.yml' };
const ciWorkflow = { id: 102, name: 'CI', path: '.github/workflows/ci.yml' };

const green = makeRun({
  id: 21985095587,
  workflow: deployWorkflow,
  jobs: [{ id: 1, name: 'Deploy codex-k8s to ai-staging', status: 'completed', conclusion: 'success' }],
});
const red = makeRun({
  workflow: deployWorkflow,
  conclusion: 'failure',
  jobs: [{ id: 2, name: 'Deploy codex-k8s to ai-staging', status: 'completed', conclusion: 'failure' }],
});
const running = makeRun({ workflow: deployWorkflow, status: 'in_progress', conclusion: null });
// 230 jobs: the one we look for is on page 3 of 100.
const big = makeRun({
  workflow: ciWorkflow,
  jobs: [
    ...makeJobs(229),
    { id: 77, name: 'e2e (ubuntu-latest, 24)', status: 'completed', conclusion: 'failure' },
  ],
});
// Workflow runs by date: the newest completed run on main is `mainNewest`.
const mainOld = makeRun({
  workflow: deployWorkflow,
  head_branch: 'main',
  created_at: '2026-02-01T10:00:00Z',
  conclusion: 'failure',
});
const mainNewest = makeRun({
  workflow: deployWorkflow,
  head_branch: 'main',
  created_at: '2026-02-03T10:00:00Z',
  conclusion: 'success',
});
const mainRunning = makeRun({
  workflow: deployWorkflow,
  head_branch: 'main',
  created_at: '2026-02-04T10:00:00Z',
  status: 'in_progress',
  conclusion: null,
});
const otherBranch = makeRun({
  workflow: deployWorkflow,
  head_branch: 'feature',
  created_at: '2026-02-05T10:00:00Z',
  conclusion: 'failure',
});
const current = makeRun({
  workflow: ciWorkflow,
  status: 'in_progress',
  conclusion: null,
  jobs: [
    { id: 10, name: 'deploy', status: 'completed', conclusion: 'success' },
    { id: 11, name: 'gate', status: 'in_progress', conclusion: null },
  ],
});

const runs: SimRun[] = [green, red, running, big, mainOld, mainNewest, mainRunning, otherBranch, current];

let sim: GitHubSim;
const secrets: string[] = [];

beforeAll(async () => {
  const state = emptyState(TOKEN);
  state.repositories[REPO] = { workflows: [deployWorkflow, ciWorkflow], runs };
  sim = await startGitHubSim(state);
});
afterAll(() => sim.close());
afterEach(() => {
  sim.setFault('getRun', undefined);
  sim.setFault('listJobs', undefined);
  sim.requests.length = 0;
});

const sources: Sources = {
  postgres: { statementTimeoutMs: 15_000 },
  kubernetes: {},
  github: { repository: REPO },
};

function environment(
  overrides: Partial<ProbeEnvironment> = {},
  env: Record<string, string> = {},
): ProbeEnvironment {
  return {
    sources,
    env: { GITHUB_API_URL: sim.url, GITHUB_RUN_ID: String(current.id), ...env },
    workspace: process.cwd(),
    githubToken: TOKEN,
    addSecret: (value) => secrets.push(value),
    debug: () => {},
    ...overrides,
  };
}

function parse(value: unknown): GitHubSpec {
  return githubProbe.schema.parse(value);
}

async function check(
  value: unknown,
  options: { timeoutMs?: number; session?: ProbeSession<GitHubSpec>; env?: Partial<ProbeEnvironment> } = {},
): Promise<Fields> {
  const session = options.session ?? (await githubProbe.open(environment(options.env)));
  return session.run({
    spec: parse(value),
    extras: {},
    signal: new AbortController().signal,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
}

async function failure(value: unknown, options: Parameters<typeof check>[1] = {}): Promise<string> {
  try {
    await check(value, options);
  } catch (error) {
    expect((error as Error).name).toBe('ProbeError');
    return (error as Error).message;
  }
  throw new Error('expected the check to fail');
}

describe('github probe: runs', () => {
  it('reads a successful run by id, with the run fields the contract names', async () => {
    const fields = await check({ run: String(green.id) });
    expect(fields).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      run_id: 21985095587,
      run_url: `https://github.com/${REPO}/actions/runs/21985095587`,
      head_sha: green.head_sha,
      workflow: 'Deploy',
      job: null,
    });
    expect(secrets).toContain(TOKEN);
    expect(sim.requests[0]?.authorization).toBe(`token ${TOKEN}`);
  });

  it('reports a failed run and an in-progress run as they are', async () => {
    expect(await check({ run: red.id })).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(await check({ run: running.id })).toMatchObject({ status: 'in_progress', conclusion: null });
  });

  it("gives the job's status and conclusion when a job is named", async () => {
    const fields = await check({ run: red.id, job: 'Deploy codex-k8s to ai-staging' });
    expect(fields).toMatchObject({
      conclusion: 'failure',
      job: 'Deploy codex-k8s to ai-staging',
      run_id: red.id,
    });
  });

  it('finds a job on page 3 of the jobs, asking 100 per page', async () => {
    const fields = await check({ run: big.id, job: 'e2e (ubuntu-latest, 24)' });
    expect(fields).toMatchObject({
      job: 'e2e (ubuntu-latest, 24)',
      conclusion: 'failure',
      status: 'completed',
    });
    const pages = sim.requests.filter((request) => request.route === 'listJobs');
    expect(pages.map((request) => request.query.page)).toEqual(['1', '2', '3']);
    expect(pages.every((request) => request.query.per_page === '100')).toBe(true);
  });

  it('names the missing job and a few that exist, preferring similar names', async () => {
    const message = await failure({ run: big.id, job: 'e2e (ubuntu-latest, 22)' });
    expect(message).toMatch(
      /^job "e2e \(ubuntu-latest, 22\)" not found in workflow run \d+ of octo-org\/platform \(230 jobs\); jobs include "e2e \(ubuntu-latest, 24\)", /,
    );
    expect(message).toContain('and 225 more');
  });
});

describe('github probe: workflows and the current run', () => {
  it('takes the latest completed run of a workflow file on a branch', async () => {
    const fields = await check({ workflow: 'deploy.yml', branch: 'main' });
    expect(fields).toMatchObject({ run_id: mainNewest.id, conclusion: 'success', branch: 'main' });
    const request = sim.requests.find((entry) => entry.route === 'listWorkflowRuns');
    expect(request?.path).toBe(`/repos/${REPO}/actions/workflows/deploy.yml/runs`);
    expect(request?.query).toMatchObject({ branch: 'main', status: 'completed' });
  });

  it('resolves a workflow by its display name', async () => {
    const fields = await check({ workflow: 'Deploy', branch: 'main' });
    expect(fields).toMatchObject({ run_id: mainNewest.id });
    expect(sim.requests.find((entry) => entry.route === 'listWorkflowRuns')?.path).toBe(
      `/repos/${REPO}/actions/workflows/101/runs`,
    );
  });

  it('says which workflows exist when the name matches none', async () => {
    const message = await failure({ workflow: 'Release' });
    expect(message).toBe(
      'workflow "Release" not found in octo-org/platform; workflows: "Deploy" (deploy.yml), "CI" (ci.yml) — give the file name (deploy.yml) or the name shown in the Actions tab',
    );
  });

  it('says when a workflow has no completed run on the branch', async () => {
    expect(await failure({ workflow: 'ci.yml', branch: 'release' })).toBe(
      'no completed run of workflow ci.yml on branch release in octo-org/platform',
    );
  });

  it('reads a job of the current run through GITHUB_RUN_ID', async () => {
    const fields = await check({ job: 'deploy' });
    expect(fields).toMatchObject({
      run_id: current.id,
      job: 'deploy',
      status: 'completed',
      conclusion: 'success',
    });
  });

  it('explains that a job alone needs GITHUB_RUN_ID', async () => {
    const session = await openGitHubSession(environment({ env: { GITHUB_API_URL: sim.url } }));
    expect(await failure({ job: 'deploy' }, { session })).toMatch(/GITHUB_RUN_ID is not set/);
  });

  it('uses `repository:` over sources.github.repository', async () => {
    const message = await failure({ run: green.id, repository: 'someone/else' });
    expect(message).toBe(
      `workflow run ${green.id} not found in someone/else (404): the run id is wrong, or the token cannot see the repository (a token of another repository needs access to someone/else)`,
    );
  });
});

describe('github probe: errors', () => {
  it('404: the run id is wrong or the token cannot see the repository', async () => {
    expect(await failure({ run: 123 })).toMatch(
      /^workflow run 123 not found in octo-org\/platform \(404\): the run id is wrong, or the token cannot see the repository/,
    );
  });

  it('401: the token was rejected, and the token is not in the message', async () => {
    const message = await failure({ run: green.id }, { env: { githubToken: 'ghs_wrong_token_abcdef' } });
    expect(message).toMatch(
      /^GitHub rejected the token \(401 "Bad credentials"\) while reading workflow run \d+ of octo-org\/platform: check the `github-token` input/,
    );
    expect(message).not.toContain('ghs_wrong_token_abcdef');
  });

  it('403: names the permission to add', async () => {
    sim.setFault('listJobs', { type: 'status', status: 403 });
    const message = await failure({ run: green.id, job: 'Deploy codex-k8s to ai-staging' });
    expect(message).toBe(
      `GitHub refused access (403 "Resource not accessible by integration") while listing the jobs of workflow run ${green.id} of octo-org/platform: the token needs the \`actions: read\` permission (add \`permissions: { actions: read }\` to the job)`,
    );
  });

  it('5xx: one line that says GitHub is in trouble', async () => {
    sim.setFault('getRun', { type: 'status', status: 502 });
    expect(await failure({ run: green.id })).toBe(
      `GitHub API answered 502 while reading workflow run ${green.id} of octo-org/platform; GitHub may be having trouble, try again later`,
    );
  });

  it('a slow answer ends at the timeout with a one-line message', async () => {
    sim.setFault('getRun', { type: 'slow', delayMs: 3000 });
    const session = await githubProbe.open(environment());
    const error = await session
      .run({ spec: parse({ run: green.id }), extras: {}, signal: AbortSignal.timeout(200), timeoutMs: 200 })
      .catch((caught: unknown) => caught as Error);
    expect((error as Error).message).toBe(
      `timed out after 200ms while reading workflow run ${green.id} of octo-org/platform`,
    );
  });

  it('without a token, says which input to set', async () => {
    await expect(githubProbe.open(environment({ githubToken: undefined }))).rejects.toThrow(
      /set the `github-token` input/,
    );
  });
});

describe('github probe: rate limits', () => {
  it('waits as retry-after asks and succeeds within the timeout', async () => {
    sim.setFault('getRun', { type: 'rate-limit', status: 429, retryAfter: 20, times: 1 });
    const waits: number[] = [];
    const session = await openGitHubSession(environment(), {
      timing: { now: () => Date.now(), sleep: (ms) => (waits.push(ms), Promise.resolve()) },
    });
    const fields = await check({ run: green.id }, { session, timeoutMs: 60_000 });
    expect(fields.conclusion).toBe('success');
    expect(waits).toEqual([20_000]);
    expect(
      sim.requests.filter((request) => request.route === 'getRun').map((request) => request.status),
    ).toEqual([429, 200]);
  });

  it('waits until x-ratelimit-reset with the real clock', async () => {
    sim.setFault('getRun', { type: 'rate-limit', status: 403, resetAfter: 0, times: 1 });
    const started = Date.now();
    const fields = await check({ run: green.id }, { timeoutMs: 10_000 });
    expect(fields.conclusion).toBe('success');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('fails at once when the reset is past the timeout', async () => {
    sim.setFault('getRun', { type: 'rate-limit', status: 403, resetAfter: 1800 });
    const waits: number[] = [];
    const session = await openGitHubSession(environment(), {
      timing: { now: () => Date.now(), sleep: (ms) => (waits.push(ms), Promise.resolve()) },
    });
    const message = await failure({ run: green.id }, { session, timeoutMs: 30_000 });
    expect(message).toMatch(
      /^GitHub API rate limit reached \(403\) while reading workflow run \d+ of octo-org\/platform: GitHub asks to wait 31m, longer than the 30s left for this check; raise its `timeout` or run the gate later$/,
    );
    expect(waits).toEqual([]);
  });
});

describe('github probe: spec and reproduce', () => {
  it('accepts the three forms and refuses mixtures with a clear message', () => {
    expect(parse({ run: '21985095587', job: 'deploy' })).toEqual({
      target: 'run',
      run: 21985095587,
      job: 'deploy',
    });
    expect(parse({ workflow: 'deploy.yml', branch: 'main' })).toEqual({
      target: 'workflow',
      workflow: 'deploy.yml',
      branch: 'main',
    });
    expect(parse({ job: 'deploy' })).toEqual({ target: 'current', job: 'deploy' });
    const messages = (value: unknown): string[] =>
      githubProbe.schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];
    expect(messages({ run: 'abc' })).toEqual([
      'run must be a workflow run id (a number such as 21985095587), got "abc"',
    ]);
    expect(messages({ run: 1, workflow: 'x.yml' })).toEqual([
      'give either run (a run id) or workflow (its latest completed run), not both',
    ]);
    expect(messages({ run: 1, branch: 'main' })).toEqual([
      'branch and event select runs of a workflow: add workflow (e.g. workflow: deploy.yml)',
    ]);
    expect(messages({})).toEqual([
      'github needs run (a run id), workflow (a workflow file or name) or job (a job of the current run)',
    ]);
    expect(messages({ run: 1, repository: 'nope' })[0]).toMatch(
      /"nope" is not a repository: expected owner\/name/,
    );
    expect(githubProbe.schema.safeParse({ run: 1, jbo: 'x' }).success).toBe(false);
  });

  it('builds gh commands a person can paste', () => {
    expect(gitHubReproduce(parse({ run: 21985095587 }), sources)).toBe(
      'gh run view -R octo-org/platform 21985095587 --json status,conclusion,jobs',
    );
    expect(gitHubReproduce(parse({ run: 5, job: 'Deploy codex-k8s to ai-staging' }), sources)).toBe(
      `gh run view -R octo-org/platform 5 --json status,conclusion,jobs --jq '.jobs[] | select(.name == "Deploy codex-k8s to ai-staging") | {name, status, conclusion, url}'`,
    );
    expect(
      gitHubReproduce(parse({ workflow: 'deploy.yml', branch: 'main' }), { ...sources, github: {} }),
    ).toBe(
      'gh run list -R "$GITHUB_REPOSITORY" --workflow deploy.yml --branch main --status completed --limit 1 --json databaseId,status,conclusion,headSha,url',
    );
    expect(githubProbe.defaultExpect(parse({ run: 1 }))).toBe('conclusion == success');
  });
});
