// Where this workflow run is, read from the runner's environment and event payload: the commit a
// check run goes on and the run's page. Kept apart from the Checks API calls in report/.
import { readFileSync } from 'node:fs';
import { isRecord } from '../shared/guards.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Inputs of {@link resolveHeadSha}. */
export interface HeadShaSources {
  /** The `sha` input, when given. */
  inputSha?: string;
  env: Env;
  /** The parsed event payload (GITHUB_EVENT_PATH), when available. */
  eventPayload?: unknown;
}

function nested(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

/**
 * The commit the check run goes on: the `sha` input; for pull requests the PR head (GITHUB_SHA is
 * a merge commit the PR page never shows); for `workflow_run` the triggering run's head; else GITHUB_SHA.
 */
export function resolveHeadSha(sources: HeadShaSources): string | undefined {
  const input = sources.inputSha?.trim();
  if (input) return input;
  const event = sources.env.GITHUB_EVENT_NAME ?? '';
  const fromPayload = PULL_REQUEST_EVENTS.has(event)
    ? nested(sources.eventPayload, 'pull_request', 'head', 'sha')
    : event === 'workflow_run'
      ? nested(sources.eventPayload, 'workflow_run', 'head_sha')
      : undefined;
  if (typeof fromPayload === 'string' && fromPayload !== '') return fromPayload;
  const sha = sources.env.GITHUB_SHA?.trim();
  return sha ? sha : undefined;
}

/** Reads the event payload at GITHUB_EVENT_PATH; undefined when there is none or it is unreadable. */
export function readEventPayload(env: Env): unknown {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The workflow run's page, for `detailsUrl`; undefined outside Actions. */
export function workflowRunUrl(env: Env): string | undefined {
  const {
    GITHUB_SERVER_URL: server = 'https://github.com',
    GITHUB_REPOSITORY: repository,
    GITHUB_RUN_ID: runId,
  } = env;
  return repository && runId
    ? `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`
    : undefined;
}
