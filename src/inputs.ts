import { readInput } from './actions-core.js';
import { parseDuration } from './shared/duration.js';
import { parseShard, type ShardSpec } from './engine/shard.js';
import { parseEnvironmentList } from './engine/merge-validate.js';

/** Every input of action.yml, parsed once. Names live here and nowhere else. */
export const INPUT = {
  config: 'config',
  githubToken: 'github-token',
  outputDir: 'output-dir',
  failOn: 'fail-on',
  language: 'language',
  timeout: 'timeout',
  concurrency: 'concurrency',
  checkRun: 'check-run',
  checkName: 'check-name',
  sha: 'sha',
  baseline: 'baseline',
  artifactName: 'artifact-name',
  comment: 'comment',
  deploymentId: 'deployment-id',
  history: 'history',
  environment: 'environment',
  shard: 'shard',
  merge: 'merge',
} as const;

/** `auto` comments when the run belongs to a pull request; `always` also warns when none is found; `never` does not comment. */
export type CommentMode = 'auto' | 'always' | 'never';

/** Most earlier runs `history` reads (each is one artifact download). */
export const MAX_HISTORY = 30;

export type FailOn = 'no-go' | 'never' | 'new-failures';

/** The action's settings, typed. */
export interface ActionInputs {
  /** Path of the gate file, relative to the workspace. */
  config: string;
  /** Token for the GitHub API (probe and check run); empty when none. */
  githubToken: string;
  /** Directory the report bundle is written to. */
  outputDir: string;
  /** `no-go` fails the step on No-Go; `new-failures` is No-Go only for P0 failures new since the baseline; `never` only reports. */
  failOn: FailOn;
  /** Overrides `gate.language` when set. */
  language?: 'en' | 'ru';
  /** Deadline for the whole gate, in milliseconds. */
  gateTimeoutMs: number;
  /** Checks in flight at once per source. */
  concurrency: number;
  /** Whether to create a check run on the commit. */
  checkRun: boolean;
  checkName: string;
  /** Commit the check run is attached to; empty = the workflow's commit (PR head on pull requests). */
  sha: string;
  /** '' (none), `last-go`, or a path to an earlier `<gate.id>.json`. */
  baseline: string;
  /** Name of the artifact the bundle is uploaded as (for `baseline: last-go`). */
  artifactName: string;
  /** The sticky pull-request comment: `auto`, `always` or `never`. */
  comment: CommentMode;
  /** GitHub deployment whose status is set from the decision; empty = none. */
  deploymentId: string;
  /** Earlier runs of this workflow on this branch read for the trend; 0 = none. */
  history: number;
  /** The label of this run (a matrix job's deploy target); '' = none. */
  environment: string;
  /** Run only the K-th of N slices of the scenarios; undefined = all of them. */
  shard?: ShardSpec;
  /** A glob of bundle .json files to merge instead of running the gate; '' = run the gate. */
  merge: string;
  /** In a merge: the environments named by `environment`, each of which must have bundles; absent = any. */
  expectedEnvironments?: string[];
}

/** Longest `environment` label: it goes into titles, check-run names and file names. */
export const MAX_ENVIRONMENT_LENGTH = 64;

/** Thrown for an input that cannot be used; names the input, the value and the expected form. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

type InputReader = (name: string) => string;

/** Reads and validates every input; `read` defaults to the runner's INPUT_* variables (tests pass their own). */
export function getInputs(read: InputReader = (name) => readInput(process.env, name)): ActionInputs {
  const text = (name: string, fallback: string): string => read(name).trim() || fallback;
  const failOn = text(INPUT.failOn, 'no-go');
  if (failOn !== 'no-go' && failOn !== 'never' && failOn !== 'new-failures') {
    throw new InputError(`input '${INPUT.failOn}' is '${failOn}'; use 'no-go', 'new-failures' or 'never'`);
  }
  const language = read(INPUT.language).trim();
  if (language !== '' && language !== 'en' && language !== 'ru') {
    throw new InputError(
      `input '${INPUT.language}' is '${language}'; use 'en' or 'ru' (or leave it empty for gate.language)`,
    );
  }
  const timeout = text(INPUT.timeout, '15m');
  const gateTimeoutMs = parseDuration(timeout);
  if (gateTimeoutMs === undefined || gateTimeoutMs <= 0) {
    throw new InputError(`input '${INPUT.timeout}' is '${timeout}'; write a duration like 10m or 1h`);
  }
  const concurrencyText = text(INPUT.concurrency, '8');
  const concurrency = Number(concurrencyText);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new InputError(
      `input '${INPUT.concurrency}' is '${concurrencyText}'; use a whole number from 1 to 64`,
    );
  }
  const checkRunText = text(INPUT.checkRun, 'true').toLowerCase();
  if (checkRunText !== 'true' && checkRunText !== 'false') {
    throw new InputError(`input '${INPUT.checkRun}' is '${checkRunText}'; use 'true' or 'false'`);
  }
  const comment = text(INPUT.comment, 'auto').toLowerCase();
  if (comment !== 'auto' && comment !== 'always' && comment !== 'never') {
    throw new InputError(`input '${INPUT.comment}' is '${comment}'; use 'auto', 'always' or 'never'`);
  }
  const deploymentId = read(INPUT.deploymentId).trim();
  if (deploymentId !== '' && !/^[1-9]\d{0,18}$/.test(deploymentId)) {
    throw new InputError(
      `input '${INPUT.deploymentId}' is '${deploymentId}'; use the numeric id of a deployment (e.g. \${{ steps.deployment.outputs.deployment-id }}) or leave it empty`,
    );
  }
  const historyText = text(INPUT.history, '0');
  const history = Number(historyText);
  if (!Number.isInteger(history) || history < 0 || history > MAX_HISTORY) {
    throw new InputError(
      `input '${INPUT.history}' is '${historyText}'; use a whole number from 0 (no trend) to ${MAX_HISTORY}`,
    );
  }
  const merge = read(INPUT.merge).trim();
  const shardText = read(INPUT.shard).trim();
  const shard = shardText === '' ? undefined : parseShard(shardText);
  if (shard && 'problem' in shard) throw new InputError(`input '${INPUT.shard}' ${shard.problem}`);
  if (merge !== '' && shard) {
    throw new InputError(
      `input '${INPUT.merge}' merges the bundles of the shards; leave '${INPUT.shard}' empty in the merge job (the bundles carry their shard)`,
    );
  }
  // In a merge job `environment` lists the environments the matrix ran (each must have bundles).
  const expected = merge === '' ? undefined : parseEnvironmentList(read(INPUT.environment));
  if (expected && 'problem' in expected) {
    throw new InputError(`input '${INPUT.environment}' ${expected.problem}`);
  }
  const environment = merge === '' ? read(INPUT.environment).trim() : '';
  if (environment.length > MAX_ENVIRONMENT_LENGTH || /[\p{Cc}\p{Cf}]/u.test(environment)) {
    throw new InputError(
      `input '${INPUT.environment}' must be a short label (at most ${MAX_ENVIRONMENT_LENGTH} characters, one line), such as staging or prod-eu`,
    );
  }
  const inputs: ActionInputs = {
    config: text(INPUT.config, '.github/regression-gate.yml'),
    githubToken: read(INPUT.githubToken).trim(),
    outputDir: text(INPUT.outputDir, 'gate-report'),
    failOn,
    gateTimeoutMs,
    concurrency,
    checkRun: checkRunText === 'true',
    checkName: text(INPUT.checkName, 'Regression Gate'),
    sha: read(INPUT.sha).trim(),
    baseline: read(INPUT.baseline).trim(),
    artifactName: text(INPUT.artifactName, 'regression-gate'),
    comment,
    deploymentId,
    history,
    environment,
    merge,
  };
  if (language) inputs.language = language;
  if (shard) inputs.shard = shard;
  if (expected && expected.names.length > 0) inputs.expectedEnvironments = expected.names;
  return inputs;
}
