// Bundles as matrix jobs write them, for merge tests: a result labelled with an environment and a
// shard, turned into the exact JSON text writeBundle writes, and parsed back as `merge` reads it.
import { parseBundleDocument } from '../../src/baseline/bundle-document.js';
import type { MergeInput } from '../../src/engine/merge.js';
import type { GateResult, ScenarioResult } from '../../src/engine/results.js';
import { shardOf } from '../../src/engine/shard.js';
import { bundleJson } from '../../src/report/bundle.js';
import { Redactor } from '../../src/report/redact.js';
import { countsOf, gateResult } from './results.js';

/** The JSON text of `result` run as `environment` and shard `index`/`total` (only its scenarios kept). */
export function shardBundleText(
  result: GateResult,
  environment: string | undefined,
  shard?: { index: number; total: number },
): string {
  const scenarios = shard
    ? result.scenarios.filter((row) => shardOf(row.id, shard.total) === shard.index - 1)
    : result.scenarios;
  const labelled: GateResult = {
    ...result,
    scenarios,
    counts: countsOf(scenarios),
    ...(environment ? { environment, gate: { ...result.gate, environment } } : {}),
    ...(shard ? { shard: { ...shard, scenarios: scenarios.map((row) => row.id) } } : {}),
  };
  return bundleJson(new Redactor().redactValue(labelled));
}

/** A merge input from bundle text, as merge-files.ts reads one. */
export function inputOf(source: string, text: string): MergeInput {
  const parsed = parseBundleDocument(text);
  return 'problem' in parsed ? { source, problem: parsed.problem } : { source, document: parsed.document };
}

/** Every shard of `result` for `environment`, as inputs named like the action's files. */
export function shardInputs(
  result: GateResult,
  environment: string | undefined,
  total: number,
): MergeInput[] {
  const name = (index: number): string =>
    `bundles/${result.gate.id}${environment ? `.${environment}` : ''}.shard-${index}-of-${total}.json`;
  return Array.from({ length: total }, (_, index) =>
    inputOf(name(index + 1), shardBundleText(result, environment, { index: index + 1, total })),
  );
}

/** A result with these rows (decision fields left to the merge, which decides again). */
export function rowsResult(preconditions: ScenarioResult[], scenarios: ScenarioResult[]): GateResult {
  return gateResult({ preconditions, scenarios, counts: countsOf(scenarios) });
}
