import type { GateMeta, Priority } from '../config/model.js';
import type { Fields } from '../shared/fields.js';
import type { ShardInfo } from './shard.js';

/**
 * `pass`: expect held; `warn`: expect held but the check's `warn` condition did not (Go, listed
 * as a residual risk, never counted as a pass); `fail`: expect did not hold; `error`: the probe
 * could not answer. An error is never a pass.
 */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'error';
export type ScenarioStatus = CheckStatus | 'waived';
export type Decision = 'go' | 'no-go';

/**
 * A piece of an Evidence cell: `text` was written by the gate's author (Markdown kept as is),
 * `value` came from a database, cluster or API (escaped before it reaches Markdown).
 */
export type EvidencePart = { text: string } | { value: string; change?: string };

export interface CheckResult {
  id: string;
  name?: string;
  kind: string;
  /** The named source the check asked (`default` for the single form); absent for kinds without sources. */
  source?: string;
  status: CheckStatus;
  /** What the last try measured. */
  fields: Fields;
  /** Why the probe could not answer (status `error`). */
  error?: string;
  expect: string;
  evidence: EvidencePart[];
  /** The command a person would run to see the same evidence. */
  reproduce: string;
  /** One line saying what was looked at. */
  target: string;
  attempts: number;
  /** The samples of a `hold` and what they add up to. */
  hold?: HoldSummary;
  startedAt: string;
  durationMs: number;
  line: number;
}

/** One sample of a hold, kept compact: only the fields the check's conditions name. */
export interface HoldSample {
  at: string;
  status: CheckStatus;
  /** The values of the fields `expect` and `warn` read (long values shortened). */
  values?: Fields;
  error?: string;
}

/** A hold's outcome: counts over every sample, and the samples themselves (up to a cap). */
export interface HoldSummary {
  holdMs: number;
  intervalMs: number;
  failureLimit: number;
  errorLimit: number;
  /** How long the hold sampled (shorter than `holdMs` when it ended early). */
  elapsedMs: number;
  total: number;
  passed: number;
  warned: number;
  failed: number;
  errors: number;
  /** The first field `expect` compares with < <= > >=: its value furthest toward failing. */
  worst?: { field: string; value: number };
  samples: HoldSample[];
  /** Samples counted above but not kept, past {@link HoldSummary.samples}' cap. */
  omitted: number;
  /** Why the hold ended before `holdMs` (failure limit, error limit, deadline…). */
  stoppedEarly?: string;
}

export interface WaiverResult {
  reason: string;
  until: string;
  issue?: number;
  /** False when the date has passed (the waiver is ignored). */
  active: boolean;
}

export interface ScenarioResult {
  id: string;
  name: string;
  priority: Priority;
  status: ScenarioStatus;
  /** Status from the checks alone, before any waiver. */
  checkStatus: CheckStatus;
  checks: CheckResult[];
  evidence: EvidencePart[];
  waiver?: WaiverResult;
  /** Against a baseline: `new` when it passed there (or was not there), `known` when it failed there too. */
  regression?: 'new' | 'known';
  line: number;
  /** In a merge of several environments: the environment this row was measured in. */
  environment?: string;
}

/** Why the decision is what it is, rendered in the report's language. */
export type Basis =
  | { kind: 'precondition-not-passed'; name: string; status: ScenarioStatus }
  | { kind: 'p0-not-passed'; name: string; status: ScenarioStatus }
  | { kind: 'all-passed'; preconditions: number; p0: number };

export type ResidualRisk =
  | { kind: 'scenario-not-passed'; name: string; priority: Priority; status: ScenarioStatus }
  | { kind: 'waived'; name: string; reason: string; until: string; issue?: number }
  | { kind: 'known-failure'; name: string; status: ScenarioStatus }
  /** Expect held but a `warn` condition did not (`precondition`: the row is a precondition). */
  | { kind: 'warned'; name: string; priority: Priority; precondition?: true }
  | { kind: 'note'; text: string };

export interface Counts {
  passed: number;
  failed: number;
  errors: number;
  waived: number;
  /** Scenarios that ended `warn`; absent when none did (reports of earlier versions never have it). */
  warned?: number;
  total: number;
}

/** Everything a gate run found; the input of every report. */
export interface GateResult {
  tool: { name: string; version: string };
  file: string;
  gate: GateMeta;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  preconditions: ScenarioResult[];
  scenarios: ScenarioResult[];
  decision: Decision;
  basis: Basis[];
  residualRisks: ResidualRisk[];
  /** Scenario counts (preconditions are not counted). */
  counts: Counts;
  warnings: string[];
  /** The earlier run compared against, when there was one. */
  baseline?: { source: string; decision: Decision; finishedAt: string };
  /** The `environment` input: the label of this run (a matrix job's deploy target). */
  environment?: string;
  /** The `shard` input: which slice of the scenarios this run owned. */
  shard?: ShardInfo;
  /** Set on the result of `merge`: what was merged and each environment's own decision. */
  merge?: MergeSummary;
}

/** One environment of a merge: its own decision over its rows. */
export interface MergedEnvironment {
  /** The environment's label; null for bundles written without one. */
  name: string | null;
  decision: Decision;
  basis: Basis[];
  counts: Counts;
  /** Shards merged (1 when the environment ran in one job). */
  shards: number;
  /** The bundle files read for it. */
  files: string[];
}

/** What `merge` read; its problems are `error` preconditions of the merged result. */
export interface MergeSummary {
  /** Bundle files that were read and used. */
  bundles: number;
  environments: MergedEnvironment[];
  /** Files, shards or claims that could not be merged (each an `error` row). */
  problems: number;
}
