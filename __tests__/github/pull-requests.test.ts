import { describe, expect, it } from 'vitest';
import { runPullRequests } from '../../src/github/pull-requests.js';

describe('the pull requests of a run', () => {
  it('is the pull request itself on pull_request events, marked when it comes from a fork', () => {
    const payload = (head: string) => ({
      pull_request: {
        number: 5,
        head: { repo: { full_name: head } },
        base: { repo: { full_name: 'acme/app' } },
      },
    });
    expect(runPullRequests({ GITHUB_EVENT_NAME: 'pull_request' }, payload('acme/app'))).toEqual({
      numbers: [5],
    });
    expect(runPullRequests({ GITHUB_EVENT_NAME: 'pull_request' }, payload('fork/app'))).toEqual({
      numbers: [5],
      fork: 'fork/app',
    });
    // pull_request_target runs with the base repository's token.
    expect(runPullRequests({ GITHUB_EVENT_NAME: 'pull_request_target' }, payload('fork/app'))).toEqual({
      numbers: [5],
    });
  });

  it('is the triggering run’s pull requests on workflow_run events', () => {
    const payload = {
      workflow_run: { pull_requests: [{ number: 3 }, { number: 4 }, { number: 3 }, { id: 1 }] },
    };
    expect(runPullRequests({ GITHUB_EVENT_NAME: 'workflow_run' }, payload)).toEqual({ numbers: [3, 4] });
  });

  it('is none on other events or without a payload', () => {
    expect(runPullRequests({ GITHUB_EVENT_NAME: 'push' }, { pull_request: { number: 1 } })).toEqual({
      numbers: [],
    });
    expect(runPullRequests({ GITHUB_EVENT_NAME: 'pull_request' }, undefined)).toEqual({ numbers: [] });
  });
});
