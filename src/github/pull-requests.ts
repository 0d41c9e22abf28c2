// Which pull requests a run belongs to, read from the event payload: the pull request itself on
// pull_request events, the triggering run's pull requests on workflow_run events.
import { isRecord } from '../shared/guards.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The pull requests of this run, and whether the head is a fork (its token is read-only). */
export interface RunPullRequests {
  numbers: number[];
  /** `owner/name` of a fork the pull request comes from; undefined when it is the same repository. */
  fork?: string;
}

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

function numberOf(value: unknown): number | undefined {
  if (!isRecord(value)) return undefined;
  const number = value.number;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

function fullName(value: unknown): string | undefined {
  if (!isRecord(value) || !isRecord(value.repo)) return undefined;
  const name = value.repo.full_name;
  return typeof name === 'string' ? name : undefined;
}

/** Reads the pull requests of the run from GITHUB_EVENT_NAME and the parsed event payload. */
export function runPullRequests(env: Env, payload: unknown): RunPullRequests {
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (!isRecord(payload)) return { numbers: [] };
  if (PULL_REQUEST_EVENTS.has(event)) {
    const number = numberOf(payload.pull_request);
    if (number === undefined) return { numbers: [] };
    const pull = payload.pull_request as Record<string, unknown>;
    const head = fullName(pull.head);
    const base = fullName(pull.base) ?? env.GITHUB_REPOSITORY;
    // pull_request_target runs with the base repository's token: a fork can be commented on there.
    const fork = event !== 'pull_request_target' && head && base && head !== base ? head : undefined;
    return fork ? { numbers: [number], fork } : { numbers: [number] };
  }
  if (event === 'workflow_run' && isRecord(payload.workflow_run)) {
    const pulls = payload.workflow_run.pull_requests;
    if (!Array.isArray(pulls)) return { numbers: [] };
    const numbers = pulls.map(numberOf).filter((number): number is number => number !== undefined);
    return { numbers: [...new Set(numbers)] };
  }
  return { numbers: [] };
}
