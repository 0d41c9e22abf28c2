import type { GateMeta, Priority } from '../config/model.js';
import type { Fields } from '../shared/fields.js';

/** `pass`: expect held; `fail`: it did not; `error`: the probe could not answer. Never a pass. */
export type CheckStatus = 'pass' | 'fail' | 'error';
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
  startedAt: string;
  durationMs: number;
  line: number;
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
  | { kind: 'note'; text: string };

export interface Counts {
  passed: number;
  failed: number;
  errors: number;
  waived: number;
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
}
