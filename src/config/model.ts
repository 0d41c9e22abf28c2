import type { NamedSources } from '../shared/named-sources.js';
import type { Sources } from '../shared/probe-contract.js';
import type { Condition } from './expect.js';
import type { HoldSettings } from './hold.js';

/** P0 must pass; P1 should pass; P2 is informational. */
export type Priority = 'P0' | 'P1' | 'P2';

/** Where something was written in the gate file (1-based). */
export interface Position {
  line: number;
  column: number;
}

/** The `gate:` metadata, copied into the report front matter. */
export interface GateMeta {
  id: string;
  title: string;
  environment?: string;
  ownerRole?: string;
  relatedIssues: number[];
  relatedPrs: number[];
  language: 'en' | 'ru';
  risks: string[];
}

/** One check, validated and ready to run. */
export interface Check {
  /** Stable id: `<scenario id>/<index>` or `precondition/<index>`. */
  id: string;
  name?: string;
  kind: string;
  /** The named source the check uses (`default` unless `source:` says), for kinds that have sources. */
  source?: string;
  spec: unknown;
  extras: Record<string, unknown>;
  expect: Condition;
  expectText: string;
  /** True when `expect` was not written and the probe's default applies. */
  defaultExpect: boolean;
  evidence?: string;
  waitMs?: number;
  intervalMs: number;
  /** `warn:`: a second condition; when expect holds and this does not, the check is `warn`. */
  warn?: Condition;
  warnText?: string;
  /** `hold:` and its limits: keep sampling for a while, not just once. */
  hold?: HoldSettings;
  timeoutMs: number;
  position: Position;
}

/** A known failure accepted until a date. */
export interface Waiver {
  reason: string;
  /** ISO date (YYYY-MM-DD); the waiver holds through the end of that day, UTC. */
  until: string;
  issue?: number;
}

/** A precondition is a named single check; a scenario groups checks. */
export interface Scenario {
  id: string;
  name: string;
  priority: Priority;
  checks: Check[];
  evidence?: string;
  waiver?: Waiver;
  position: Position;
}

/** A whole validated gate file. */
export interface Gate {
  /** Path as the user gave it (relative to the workspace), for messages and annotations. */
  file: string;
  version: 1;
  meta: GateMeta;
  /** Each kind's `default` source (or its defaults when only named sources were written). */
  sources: Sources;
  /** Every source by kind and name (the single form is the source `default`); absent: `sources` only. */
  namedSources?: NamedSources;
  defaults: { timeoutMs: number; priority: Priority };
  preconditions: Scenario[];
  scenarios: Scenario[];
}
