// Many matrix jobs, one decision: the rows of every bundle that passed validation are merged per
// environment and decided again with the contract's rules (never taken from a bundle's own
// decision). One environment gives today's result; several give rows tagged with their
// environment, each environment's own decision, and an overall decision that is No-Go when any
// environment is, or when anything could not be merged.
import type { BundleDocument } from '../baseline/bundle-document.js';
import type { GateMeta } from '../config/model.js';
import {
  combineChecks,
  countScenarios,
  decide,
  isMet,
  isWaiverActive,
  type DecisionMode,
} from './decision.js';
import {
  environmentText,
  validateBundles,
  type ExpectedEnvironments,
  type MergeInput,
  type MergeProblem,
} from './merge-validate.js';
import type { CheckStatus, GateResult, MergedEnvironment, ScenarioResult } from './results.js';

export type { ExpectedEnvironments, MergeInput } from './merge-validate.js';

/** What merging needs besides the bundles. */
export interface MergeOptions {
  mode: DecisionMode;
  now: Date;
  tool: { name: string; version: string };
  /** Gate file named in annotations when no bundle could be read. */
  gateFile: string;
  language?: 'en' | 'ru';
  /** The environments the matrix ran; each must have bundles, and no other may. Absent: any. */
  expected?: ExpectedEnvironments;
}

/**
 * The merged result of every input; problems are `error` preconditions. Never throws. The result is
 * made of fresh objects and of the inputs' documents (updated in place), so its caller owns it.
 */
export function mergeBundles(inputs: readonly MergeInput[], options: MergeOptions): GateResult {
  const validated = validateBundles(inputs, options.expected);
  const problems = [...validated.problems];
  if (inputs.length === 0) {
    problems.push({
      where: 'merge',
      problem: 'no bundle file matched; check the glob and the download step',
    });
  }
  const reference = validated.reference;
  const gate: GateMeta = reference ? gateMetaOf(reference) : fallbackMeta();
  if (options.language) gate.language = options.language;
  const several = validated.environments.length > 1;
  // The label is the merged environments' own: one names it, several are the grid's columns.
  const single = validated.environments.length === 1 ? validated.environments[0]!.name : null;
  if (single !== null) gate.environment = single;
  else delete gate.environment;
  const environments: MergedEnvironment[] = [];
  const preconditions: ScenarioResult[] = problems.map(problemRow);
  const scenarios: ScenarioResult[] = [];
  const warnings: string[] = [];
  for (const environment of validated.environments) {
    const documents = environment.bundles.map((bundle) => bundle.document);
    const envPreconditions = worstById(
      documents.flatMap((document) => rowsOf(document.preconditions, options.now)),
    );
    const envScenarios = firstById(documents.flatMap((document) => rowsOf(document.scenarios, options.now)));
    // A problem of this environment (a missing shard…) leaves part of it unchecked: its own No-Go.
    const own = decide(
      [
        ...problems.flatMap((problem, index) =>
          problem.environment === environment.name ? [preconditions[index]!] : [],
        ),
        ...envPreconditions,
      ],
      envScenarios,
      [],
      options.mode,
    );
    environments.push({
      name: environment.name,
      decision: own.decision,
      basis: own.basis,
      counts: countScenarios(envScenarios),
      shards: environment.shards,
      files: environment.bundles.map((bundle) => bundle.source),
    });
    const tag = (row: ScenarioResult): ScenarioResult =>
      several ? { ...row, environment: environment.name ?? NO_ENVIRONMENT } : row;
    preconditions.push(...envPreconditions.map(tag));
    scenarios.push(...envScenarios.map(tag));
    for (const bundle of environment.bundles) {
      const shard = bundle.document.shard;
      const label = [environment.name, shard ? `shard ${shard.index}/${shard.total}` : undefined]
        .filter((part) => part !== null && part !== undefined)
        .join(' · ');
      for (const warning of bundle.document.warnings)
        warnings.push(label ? `[${label}] ${warning}` : warning);
    }
  }
  // Several environments: a row's name says where it was measured, in the basis and the risks.
  const named = (row: ScenarioResult): ScenarioResult =>
    row.environment === undefined ? row : { ...row, name: `${row.name} (${row.environment})` };
  const ordered = several ? orderByScenario(scenarios) : scenarios;
  const { decision, basis, residualRisks } = decide(
    preconditions.map(named),
    ordered.map(named),
    gate.risks,
    options.mode,
  );
  const times = validated.environments.flatMap((environment) =>
    environment.bundles.map((bundle) => bundle.document),
  );
  const startedAt = times.map((document) => document.startedAt).sort()[0] ?? options.now.toISOString();
  const finishedAt = options.now.toISOString();
  return {
    // A copy: the caller redacts the result in place (it owns every object in it).
    tool: { ...options.tool },
    file: reference?.file ?? options.gateFile,
    gate,
    startedAt,
    finishedAt,
    durationMs: Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt)),
    preconditions,
    scenarios: ordered,
    decision,
    basis,
    residualRisks,
    counts: countScenarios(ordered),
    warnings: [...new Set(warnings)],
    ...(single !== null ? { environment: single } : {}),
    merge: {
      bundles: times.length,
      environments,
      problems: problems.length,
    },
  };
}

function gateMetaOf(document: BundleDocument): GateMeta {
  const gate = document.gate as unknown as GateMeta;
  return {
    ...gate,
    relatedIssues: Array.isArray(gate.relatedIssues) ? gate.relatedIssues : [],
    relatedPrs: Array.isArray(gate.relatedPrs) ? gate.relatedPrs : [],
  };
}

function fallbackMeta(): GateMeta {
  return {
    id: 'regression-gate',
    title: 'Merged regression gate',
    relatedIssues: [],
    relatedPrs: [],
    language: 'en',
    risks: [],
  };
}

/** A problem as a row: an `error` precondition, so it blocks and is shown and annotated like one. */
function problemRow(problem: MergeProblem, index: number): ScenarioResult {
  return {
    id: `merge-${index + 1}`,
    name: problem.where,
    priority: 'P0',
    status: 'error',
    checkStatus: 'error',
    checks: [],
    evidence: [{ value: problem.problem }],
    line: 1,
  };
}

/**
 * A bundle's rows as results, their statuses derived again from their checks (a row's own status
 * is not trusted): the checks combined, then an active waiver applied as the engine does.
 */
function rowsOf(rows: BundleDocument['scenarios'], now: Date): ScenarioResult[] {
  // The documents are this merge's own copies: rows are updated in place, not copied again.
  return rows.map((raw) => {
    const row = raw as unknown as ScenarioResult & { evidence_text?: string };
    row.checkStatus = combineChecks(row.checks.map((check) => check.status));
    const active = row.waiver ? isWaiverActive(row.waiver.until, now) : false;
    row.status = !isMet(row.checkStatus) && active ? 'waived' : row.checkStatus;
    row.evidence_text = undefined;
    if (row.waiver) row.waiver = { ...row.waiver, active };
    return row;
  });
}

const SEVERITY: Record<CheckStatus, number> = { fail: 3, error: 2, warn: 1, pass: 0 };

/** Preconditions run in every shard: one row per id, the worst shard's (a fail anywhere is a fail). */
function worstById(rows: readonly ScenarioResult[]): ScenarioResult[] {
  const byId = new Map<string, ScenarioResult>();
  for (const row of rows) {
    const kept = byId.get(row.id);
    if (!kept || SEVERITY[row.checkStatus] > SEVERITY[kept.checkStatus]) byId.set(row.id, row);
  }
  return [...byId.values()].sort((a, b) => a.line - b.line);
}

/** Shards own disjoint scenarios (validation made sure): their rows in the gate file's order. */
function firstById(rows: readonly ScenarioResult[]): ScenarioResult[] {
  const byId = new Map<string, ScenarioResult>();
  for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row);
  return [...byId.values()].sort((a, b) => a.line - b.line);
}

/** Several environments: each scenario's rows together (gate order), environments in name order. */
function orderByScenario(rows: readonly ScenarioResult[]): ScenarioResult[] {
  const first = new Map<string, number>();
  rows.forEach((row, index) => {
    if (!first.has(row.id)) first.set(row.id, row.line * 1e6 + index);
  });
  return [...rows].sort(
    (a, b) => first.get(a.id)! - first.get(b.id)! || byName(a.environment ?? '', b.environment ?? ''),
  );
}

/** Code-point order: names are compared often here, and the order only has to be stable. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { environmentText };

/** The column of bundles written without an environment, when merged with some that have one. */
export const NO_ENVIRONMENT = '(none)';
