import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createGitHubClient,
  gitHubApiUrl,
  gitHubRequest,
  inspectGitHubError,
  parseRepository,
  rateLimitMessage,
  realTiming,
} from '../../../src/github/client.js';
import type { GitHubClientOptions, GitHubTiming, RateLimitContext } from '../../../src/github/client.js';
import { emptyState, makeRun, startGitHubSim } from '../../support/github-sim/index.js';
import type { GitHubSim } from '../../support/github-sim/index.js';

const TOKEN = 'ghp_client_test_token_abcdef';
let sim: GitHubSim;
const run = makeRun();

beforeAll(async () => {
  const state = emptyState(TOKEN);
  state.repositories['octo/repo'] = { workflows: [], runs: [run] };
  sim = await startGitHubSim(state);
});
afterAll(() => sim.close());

function fakeTiming(): GitHubTiming & { waits: number[] } {
  const waits: number[] = [];
  return { waits, now: () => 1_000_000, sleep: (ms) => (waits.push(ms), Promise.resolve()) };
}

/** Reads the run as the probes do; resolves to the status, or the message a caller would show. */
async function readRun(
  context: Partial<RateLimitContext> = {},
  options: GitHubClientOptions = {},
): Promise<{ status: number; message?: string }> {
  const octokit = createGitHubClient(TOKEN, { GITHUB_API_URL: sim.url }, options);
  const limits: RateLimitContext = { what: 'testing', ...context };
  try {
    const answer = await octokit.rest.actions.getWorkflowRun({
      owner: 'octo',
      repo: 'repo',
      run_id: run.id,
      request: gitHubRequest(limits),
    });
    return { status: answer.status };
  } catch (error) {
    const status = inspectGitHubError(error).status ?? 0;
    return { status, message: rateLimitMessage(limits, status) ?? inspectGitHubError(error).message };
  }
}

function statuses(): number[] {
  return sim.requests.filter((request) => request.route === 'getRun').map((request) => request.status);
}

describe('parseRepository', () => {
  it('splits owner/name and explains a bad value', () => {
    expect(parseRepository('octo-org/my.repo_1')).toEqual({ owner: 'octo-org', repo: 'my.repo_1' });
    expect(() => parseRepository('octo-org', 'sources.github.repository')).toThrow(
      'sources.github.repository "octo-org" is not a repository: expected owner/name (e.g. octo-org/octo-repo)',
    );
    expect(() => parseRepository('a/b/c')).toThrow(/not a repository/);
    expect(() => parseRepository(undefined, 'GITHUB_REPOSITORY')).toThrow(
      /^GITHUB_REPOSITORY is empty: give the repository as owner\/name/,
    );
  });
});

describe('createGitHubClient', () => {
  it('talks to GITHUB_API_URL with the token, and github.com by default', async () => {
    expect(gitHubApiUrl({})).toBe('https://api.github.com');
    expect(gitHubApiUrl({ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })).toBe(
      'https://ghe.example.com/api/v3',
    );
    const octokit = createGitHubClient(TOKEN, { GITHUB_API_URL: sim.url });
    const response = await octokit.rest.actions.getWorkflowRun({
      owner: 'octo',
      repo: 'repo',
      run_id: run.id,
    });
    expect(response.data.head_sha).toBe(run.head_sha);
    expect(sim.requests.at(-1)?.authorization).toBe(`token ${TOKEN}`);
  });

  it('refuses an empty token with the input to set', () => {
    expect(() => createGitHubClient(' ', {})).toThrow('no GitHub token: set the `github-token` input');
  });
});

describe('rate limits (Octokit throttling plugin, waits through the client)', () => {
  beforeEach(() => {
    sim.requests.length = 0;
  });
  afterEach(() => {
    sim.setFault('getRun', undefined);
    sim.requests.length = 0;
  });

  it('waits as retry-after asks on a secondary limit, then sends again', async () => {
    sim.setFault('getRun', { type: 'rate-limit', status: 429, retryAfter: 7, times: 1 });
    const timing = fakeTiming();
    expect(await readRun({ deadline: 1_000_000 + 10_000 }, { timing })).toEqual({ status: 200 });
    expect(timing.waits).toEqual([7000]);
    expect(statuses()).toEqual([429, 200]);
  });

  it('waits until x-ratelimit-reset plus a second on a primary limit, and a minute when nothing is said', async () => {
    sim.setFault('getRun', { type: 'rate-limit', status: 403, resetAfter: 30, times: 1 });
    const timing = fakeTiming();
    expect(await readRun({}, { timing, rateLimitBudgetMs: 120_000 })).toEqual({ status: 200 });
    expect(timing.waits).toEqual([31_000]);

    sim.setFault('getRun', { type: 'rate-limit', status: 403, times: 1 });
    const secondary = fakeTiming();
    expect(await readRun({}, { timing: secondary })).toEqual({ status: 200 });
    expect(secondary.waits).toEqual([60_000]);
  });

  it('does not wait on a 403 that is a permission problem, and leaves the error as GitHub said it', async () => {
    sim.setFault('getRun', { type: 'status', status: 403 });
    const timing = fakeTiming();
    expect(await readRun({}, { timing, retries: 3 })).toEqual({
      status: 403,
      message: 'Resource not accessible by integration',
    });
    expect(timing.waits).toEqual([]);
    expect(statuses()).toEqual([403]);
  });

  it('fails at once when the wait outlasts the deadline, or the budget of a call without one', async () => {
    sim.setFault('getRun', { type: 'rate-limit', status: 403, resetAfter: 1800 });
    const timing = fakeTiming();
    const answer = await readRun({ deadline: 1_000_000 + 30_000 }, { timing });
    expect(answer.message).toBe(
      'GitHub API rate limit reached (403) while testing: GitHub asks to wait 31m, longer than the 30s left for this check; raise its `timeout` or run the gate later',
    );
    expect((await readRun({}, { timing })).message).toMatch(/longer than the 60s left/);
    expect(timing.waits).toEqual([]);
  });

  it('gives up after maxRateLimitWaits, and when the signal aborts during the wait', async () => {
    sim.setFault('getRun', { type: 'rate-limit', status: 429, retryAfter: 1 });
    const timing = fakeTiming();
    expect((await readRun({}, { timing, maxRateLimitWaits: 2 })).message).toBe(
      'GitHub API rate limit reached (429) while testing, still after 2 waits; try again later or use a token with a higher limit',
    );
    expect(timing.waits).toHaveLength(2);

    sim.setFault('getRun', { type: 'rate-limit', status: 429, retryAfter: 5 });
    const controller = new AbortController();
    const aborting: GitHubTiming = {
      now: () => 0,
      sleep: () => {
        controller.abort();
        return Promise.reject(new Error('aborted'));
      },
    };
    expect((await readRun({ signal: controller.signal }, { timing: aborting })).message).toBe(
      "GitHub API rate limit reached (429) while testing; the check's time ran out while waiting 5s for the limit to reset",
    );
  });

  it('an abort interrupts a real wait at once instead of sleeping it out', async () => {
    sim.setFault('getRun', { type: 'rate-limit', status: 429, retryAfter: 500 });
    const controller = new AbortController();
    const abortSoon: GitHubTiming = {
      now: () => Date.now(),
      sleep: (ms, signal) => {
        setTimeout(() => controller.abort(), 20);
        return realTiming.sleep(ms, signal);
      },
    };
    const answer = await readRun(
      { signal: controller.signal, deadline: Date.now() + 3_600_000 },
      { timing: abortSoon },
    );
    expect(answer.message).toMatch(/the check's time ran out while waiting 9m for the limit to reset$/);
  });
});

describe('server errors (Octokit retry plugin)', () => {
  afterEach(() => {
    sim.setFault('getRun', undefined);
    sim.requests.length = 0;
  });

  it('re-sends once after a 5xx only when the client is built to', async () => {
    sim.setFault('getRun', { type: 'status', status: 502, times: 1 });
    expect(await readRun({}, { retryDelayMs: 0, retries: 1 })).toEqual({ status: 200 });
    expect(statuses()).toEqual([502, 200]);

    sim.requests.length = 0;
    sim.setFault('getRun', { type: 'status', status: 502, times: 1 });
    expect((await readRun({}, { retryDelayMs: 0 })).status).toBe(502);
    expect(statuses()).toEqual([502]);
  });

  it.each([401, 404, 422] as const)('never re-sends a %i', async (status) => {
    sim.setFault('getRun', { type: 'status', status });
    expect((await readRun({}, { retryDelayMs: 0, retries: 3 })).status).toBe(status);
    expect(statuses()).toEqual([status]);
  });
});

describe('simulator auth', () => {
  it('accepts Bearer and answers 401 to a wrong token', async () => {
    const answer = await fetch(`${sim.url}/repos/octo/repo/actions/runs/${run.id}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(answer.status).toBe(200);
    const wrong = await fetch(`${sim.url}/repos/octo/repo/actions/runs/${run.id}`, {
      headers: { authorization: 'token nope' },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
  });
});
