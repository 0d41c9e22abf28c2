import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGitHubClient,
  gitHubApiUrl,
  GitHubRateLimitError,
  parseRepository,
  rateLimitWaitMs,
  withRateLimitRetry,
} from '../../../src/github/client.js';
import type { GitHubTiming } from '../../../src/github/client.js';
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

function limited(
  status: number,
  headers: Record<string, string>,
  message = 'API rate limit exceeded',
): Error {
  return Object.assign(new Error(message), { status, response: { status, headers, data: { message } } });
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

describe('rate limits', () => {
  it('reads retry-after (seconds or a date), then x-ratelimit-reset, then a minute for secondary limits', () => {
    const now = 1_700_000_000_000;
    const failure = (
      status: number,
      headers: Record<string, string>,
      message = '',
    ): Parameters<typeof rateLimitWaitMs>[0] => ({ status, headers, message, aborted: false });
    expect(rateLimitWaitMs(failure(429, { 'retry-after': '7' }), now)).toBe(7000);
    expect(rateLimitWaitMs(failure(403, { 'retry-after': new Date(now + 5000).toUTCString() }), now)).toBe(
      5000,
    );
    expect(
      rateLimitWaitMs(
        failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 30) }),
        now,
      ),
    ).toBe(31_000);
    expect(rateLimitWaitMs(failure(429, {}), now)).toBe(60_000);
    expect(rateLimitWaitMs(failure(403, {}, 'You have exceeded a secondary rate limit'), now)).toBe(60_000);
    // A plain 403 is a permission problem, not a reason to wait.
    expect(rateLimitWaitMs(failure(403, {}, 'Resource not accessible by integration'), now)).toBeUndefined();
    expect(rateLimitWaitMs(failure(500, { 'retry-after': '1' }), now)).toBeUndefined();
  });

  it('retries after waiting, and rethrows other errors untouched', async () => {
    const timing = fakeTiming();
    let calls = 0;
    const value = await withRateLimitRetry(
      () => (++calls === 1 ? Promise.reject(limited(429, { 'retry-after': '2' })) : Promise.resolve('ok')),
      { what: 'testing', timing, deadline: 1_000_000 + 10_000 },
    );
    expect(value).toBe('ok');
    expect(timing.waits).toEqual([2000]);
    const forbidden = limited(403, {}, 'Resource not accessible by integration');
    await expect(
      withRateLimitRetry(() => Promise.reject(forbidden), { what: 'testing', timing }),
    ).rejects.toBe(forbidden);
  });

  it('gives up after maxRetries, and when the signal aborts during the wait', async () => {
    const timing = fakeTiming();
    await expect(
      withRateLimitRetry(() => Promise.reject(limited(429, { 'retry-after': '1' })), {
        what: 'testing',
        timing,
        maxRetries: 2,
      }),
    ).rejects.toThrow(
      'GitHub API rate limit reached (429) while testing, still after 2 waits; try again later or use a token with a higher limit',
    );
    expect(timing.waits).toHaveLength(2);

    const controller = new AbortController();
    const aborting: GitHubTiming = {
      now: () => 0,
      sleep: () => {
        controller.abort();
        return Promise.reject(new Error('aborted'));
      },
    };
    const error = await withRateLimitRetry(() => Promise.reject(limited(429, { 'retry-after': '5' })), {
      what: 'testing',
      timing: aborting,
      signal: controller.signal,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect((error as Error).message).toBe(
      "GitHub API rate limit reached (429) while testing; the check's time ran out while waiting 5s for the limit to reset",
    );
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
