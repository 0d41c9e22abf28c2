import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import type { GitHubClient } from '../../src/github/client.js';
import { readEventPayload, resolveHeadSha, workflowRunUrl } from '../../src/github/context.js';
import { CHECK_RUN_CLIENT, completeCheckRun, createInProgressCheckRun } from '../../src/report/check-run.js';
import type { CheckRunOptions, CheckRunTarget } from '../../src/report/check-run.js';
import { fitBytes } from '../../src/report/check-run-output.js';
import type { CheckAnnotation, CheckRunReport } from '../../src/report/check-run-output.js';
import { emptyState, simSha, startGitHubSim } from '../support/github-sim/index.js';
import type { GitHubSim } from '../support/github-sim/index.js';

const TOKEN = 'ghs_check_run_token_9876543210';
const SHA = simSha('head');

let sim: GitHubSim;
let octokit: GitHubClient;
const waits: number[] = [];
const options: CheckRunOptions = { now: () => Date.now() };

beforeAll(async () => {
  sim = await startGitHubSim(emptyState(TOKEN));
  // The client the action builds for check runs, with its waits recorded instead of slept.
  octokit = createGitHubClient(
    TOKEN,
    { GITHUB_API_URL: sim.url },
    {
      ...CHECK_RUN_CLIENT,
      retryDelayMs: 0,
      timing: { now: () => Date.now(), sleep: (ms) => (waits.push(ms), Promise.resolve()) },
    },
  );
});
afterAll(() => sim.close());
afterEach(() => {
  sim.setFault('createCheckRun', undefined);
  sim.setFault('updateCheckRun', undefined);
  sim.requests.length = 0;
  waits.length = 0;
});

const target: CheckRunTarget = {
  owner: 'octo-org',
  repo: 'platform',
  name: 'Regression Gate',
  headSha: SHA,
  detailsUrl: 'https://github.com/octo-org/platform/actions/runs/42',
};

function annotation(line: number): CheckAnnotation {
  return {
    path: '.github/regression-gate.yml',
    startLine: line,
    level: 'failure',
    title: `scenario ${line} failed`,
    message: `P0 scenario on line ${line} failed`,
  };
}

const noGo: CheckRunReport = {
  conclusion: 'failure',
  title: 'No-Go — 2 P0 scenarios failed',
  summary: '## No-Go\n\n| Scenario | Evidence | Result |\n|---|---|---|\n| a | x | fail |\n',
  annotations: [annotation(12), { ...annotation(30), endLine: 34, level: 'warning' }],
};

describe('check run', () => {
  it('is created in progress, then completed with the conclusion, title, summary and annotations', async () => {
    const started = await createInProgressCheckRun(octokit, target, options);
    expect(started.warning).toBeUndefined();
    expect(started.url).toBe(`https://github.com/octo-org/platform/runs/${started.id}`);
    const check = sim.state.checkRuns.get(started.id!);
    expect(check).toMatchObject({
      name: 'Regression Gate',
      head_sha: SHA,
      status: 'in_progress',
      conclusion: null,
      details_url: target.detailsUrl,
    });

    const done = await completeCheckRun(octokit, { ...target, id: started.id! }, noGo, options);
    expect(done).toEqual({ id: started.id, url: started.url });
    expect(check).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'No-Go — 2 P0 scenarios failed', summary: noGo.summary },
    });
    expect(check?.annotations).toEqual([
      {
        path: '.github/regression-gate.yml',
        start_line: 12,
        end_line: 12,
        annotation_level: 'failure',
        title: 'scenario 12 failed',
        message: 'P0 scenario on line 12 failed',
      },
      {
        path: '.github/regression-gate.yml',
        start_line: 30,
        end_line: 34,
        annotation_level: 'warning',
        title: 'scenario 30 failed',
        message: 'P0 scenario on line 30 failed',
      },
    ]);
    expect(sim.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /repos/octo-org/platform/check-runs',
      `PATCH /repos/octo-org/platform/check-runs/${started.id}`,
    ]);
    expect(sim.requests.every((request) => request.authorization === `token ${TOKEN}`)).toBe(true);
  });

  it('is created completed in one go when it was not started', async () => {
    const done = await completeCheckRun(
      octokit,
      target,
      { conclusion: 'success', title: 'Go — 7/7 scenarios pass', summary: '## Go', annotations: [] },
      options,
    );
    expect(sim.state.checkRuns.get(done.id!)).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Go — 7/7 scenarios pass' },
    });
    expect(sim.requests).toHaveLength(1);
  });

  it('posts 120 annotations in 3 requests of at most 50, the first one completing the run', async () => {
    const started = await createInProgressCheckRun(octokit, target, options);
    const annotations = Array.from({ length: 120 }, (_, index) => annotation(index + 1));
    const done = await completeCheckRun(
      octokit,
      { ...target, id: started.id! },
      { ...noGo, annotations },
      options,
    );
    expect(done.warning).toBeUndefined();
    const patches = sim.requests.filter((request) => request.method === 'PATCH');
    const sizes = patches.map(
      (request) => (request.body as { output: { annotations: unknown[] } }).output.annotations.length,
    );
    expect(sizes).toEqual([50, 50, 20]);
    expect((patches[0]?.body as { conclusion?: string }).conclusion).toBe('failure');
    expect(sim.state.checkRuns.get(started.id!)?.annotations.map((entry) => entry.start_line)).toEqual(
      annotations.map((entry) => entry.startLine),
    );
  });

  it('cuts a summary over 65,535 bytes on a character boundary, with a notice, and GitHub accepts it', async () => {
    const row = '| сценарий — проверка | ✅ evidence |\n'; // multi-byte characters
    const summary = '## No-Go\n\n' + row.repeat(3000);
    expect(Buffer.byteLength(summary)).toBeGreaterThan(65_535);
    const done = await completeCheckRun(octokit, target, { ...noGo, summary }, options);
    expect(done.warning).toBeUndefined();
    const posted = sim.state.checkRuns.get(done.id!)!.output.summary!;
    expect(Buffer.byteLength(posted)).toBeLessThanOrEqual(65_535);
    expect(posted.startsWith('## No-Go\n\n| сценарий')).toBe(true);
    expect(posted).not.toContain('\uFFFD');
    expect(posted).toMatch(
      /\| ✅ evidence \|\n\n---\n\*\*Cut to fit GitHub's 65,535-byte limit for check runs\.\*\* The full report is in the report bundle/,
    );
  });

  it('keeps annotation titles within 255 characters', async () => {
    const done = await completeCheckRun(
      octokit,
      target,
      { ...noGo, annotations: [{ ...annotation(3), title: 'x'.repeat(400) }] },
      options,
    );
    expect(done.warning).toBeUndefined();
    expect([...sim.state.checkRuns.get(done.id!)!.annotations[0]!.title!]).toHaveLength(255);
  });

  it('403 on create: a warning that names checks: write, and no throw', async () => {
    sim.setFault('createCheckRun', { type: 'status', status: 403 });
    const started = await createInProgressCheckRun(octokit, target, options);
    expect(started).toEqual({
      warning:
        'Could not create the check run "Regression Gate": GitHub refused (403 "Resource not accessible by integration"): the token cannot write checks — add `permissions: checks: write` to the job. On pull requests from forks GITHUB_TOKEN is read-only, so no check run can be written there; this is expected.',
    });
    const done = await completeCheckRun(octokit, target, noGo, options);
    expect(done.warning).toMatch(/add `permissions: checks: write` to the job/);
    expect(done.warning).not.toContain(TOKEN);
  });

  it('422 on create: points at the sha input', async () => {
    const done = await createInProgressCheckRun(octokit, { ...target, headSha: 'not-a-sha' }, options);
    expect(done.warning).toBe(
      'Could not create the check run "Regression Gate": GitHub refused the data (422 "No commit found for SHA: not-a-sha"): if it names the SHA, set the `sha` input to a commit of octo-org/platform (it was not-a-sha).',
    );
  });

  it('500 on update: retried once, then a warning that the run stays in progress', async () => {
    const started = await createInProgressCheckRun(octokit, target, options);
    sim.setFault('updateCheckRun', { type: 'status', status: 500, times: 1 });
    const recovered = await completeCheckRun(octokit, { ...target, id: started.id! }, noGo, options);
    expect(recovered).toEqual({ id: started.id, url: started.url });
    expect(
      sim.requests.filter((request) => request.method === 'PATCH').map((request) => request.status),
    ).toEqual([500, 200]);

    sim.requests.length = 0;
    sim.setFault('updateCheckRun', { type: 'status', status: 500 });
    const failed = await completeCheckRun(octokit, { ...target, id: started.id! }, noGo, options);
    expect(sim.requests.filter((request) => request.method === 'PATCH')).toHaveLength(2);
    expect(failed.warning).toBe(
      `Could not complete the check run "Regression Gate" (${started.id}); it stays in progress on the commit: GitHub API answered 500; GitHub may be having trouble — re-run the job to get the check run.`,
    );
  });

  it('a failed later batch keeps the conclusion and says how many annotations were posted', async () => {
    const started = await createInProgressCheckRun(octokit, target, options);
    const annotations = Array.from({ length: 70 }, (_, index) => annotation(index + 1));
    sim.setFault('updateCheckRun', { type: 'status', status: 404, skip: 1 });
    const done = await completeCheckRun(
      octokit,
      { ...target, id: started.id! },
      { ...noGo, annotations },
      options,
    );
    expect(done.id).toBe(started.id);
    expect(done.warning).toMatch(
      /^The check run "Regression Gate" is complete, but only 50 of 70 annotations were posted: GitHub answered 404/,
    );
    expect(sim.state.checkRuns.get(started.id!)).toMatchObject({
      conclusion: 'failure',
      output: { annotations_count: 50 },
    });
  });

  it('waits out a rate limit on create and then creates', async () => {
    sim.setFault('createCheckRun', { type: 'rate-limit', status: 429, retryAfter: 3, times: 1 });
    const started = await createInProgressCheckRun(octokit, target, options);
    expect(started.id).toBeTypeOf('number');
    expect(waits).toEqual([3000]);
  });
});

describe('head sha and details url', () => {
  const env = {
    GITHUB_SHA: simSha('merge'),
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REPOSITORY: 'octo-org/platform',
    GITHUB_RUN_ID: '42',
  };

  it('uses the PR head for pull_request events, read from GITHUB_EVENT_PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gh-event-'));
    const path = join(dir, 'event.json');
    writeFileSync(path, JSON.stringify({ pull_request: { number: 7, head: { sha: SHA } } }));
    const eventPayload = readEventPayload({ ...env, GITHUB_EVENT_PATH: path });
    expect(resolveHeadSha({ env, eventPayload })).toBe(SHA);
    expect(resolveHeadSha({ env: { ...env, GITHUB_EVENT_NAME: 'pull_request_target' }, eventPayload })).toBe(
      SHA,
    );
  });

  it('prefers the sha input, and falls back to GITHUB_SHA', () => {
    expect(
      resolveHeadSha({ env, inputSha: ' abc ', eventPayload: { pull_request: { head: { sha: SHA } } } }),
    ).toBe('abc');
    expect(
      resolveHeadSha({
        env: { ...env, GITHUB_EVENT_NAME: 'push' },
        eventPayload: { pull_request: { head: { sha: SHA } } },
      }),
    ).toBe(env.GITHUB_SHA);
    expect(resolveHeadSha({ env, eventPayload: undefined })).toBe(env.GITHUB_SHA);
    expect(
      resolveHeadSha({
        env: { ...env, GITHUB_EVENT_NAME: 'workflow_run' },
        eventPayload: { workflow_run: { head_sha: SHA } },
      }),
    ).toBe(SHA);
    expect(resolveHeadSha({ env: {} })).toBeUndefined();
  });

  it('links the workflow run', () => {
    expect(workflowRunUrl(env)).toBe('https://github.com/octo-org/platform/actions/runs/42');
    expect(workflowRunUrl({})).toBeUndefined();
  });

  it('fitBytes never splits a multi-byte character, even without line ends', () => {
    for (const limit of [100, 101, 102]) {
      const cut = fitBytes('я'.repeat(200), limit, '[cut]', false);
      expect(cut).toMatch(/^я+\[cut\]$/);
      expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(limit);
    }
  });

  it('fitBytes leaves short text alone and closes an open code fence', () => {
    expect(fitBytes('short', 100)).toBe('short');
    const cut = fitBytes('```\n' + 'line\n'.repeat(100), 120, '\n[cut]');
    expect(cut.endsWith('\n```\n[cut]')).toBe(true);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(120);
  });
});
