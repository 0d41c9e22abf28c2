// Which bundles a merge may use, fail closed: every file that cannot be read or is not a bundle,
// every bundle of another gate, every missing or doubled shard and every scenario two shards claim
// is one problem naming the file, shard and environment. Only what passes is merged; a problem
// makes the merged decision No-Go (it becomes an `error` row).
import type { BundleDocument } from '../baseline/bundle-document.js';
import { didYouMean } from '../config/problems.js';
import { shardOf, shardText } from './shard.js';

/** One file matched by the merge's patterns: its parsed bundle, or why it has none. */
export type MergeInput = { source: string; document: BundleDocument } | { source: string; problem: string };

/** A file that could not be merged, or a shard that is missing: `where` names it, `problem` says why. */
export interface MergeProblem {
  where: string;
  problem: string;
  /** The environment whose slice it leaves unchecked (its own decision is then No-Go too). */
  environment?: string | null;
}

/** The bundles of one environment that passed every check, in shard order. */
export interface EnvironmentBundles {
  name: string | null;
  /** 1 when the environment ran in one job. */
  shards: number;
  bundles: { source: string; document: BundleDocument }[];
}

/** What can be merged, and what cannot. */
export interface ValidatedBundles {
  gateId: string | undefined;
  reference: BundleDocument | undefined;
  environments: EnvironmentBundles[];
  problems: MergeProblem[];
}

/** `environment staging` / `the bundles without an environment`. */
export function environmentText(name: string | null): string {
  return name === null ? 'the bundles without an environment' : `environment '${name}'`;
}

/**
 * The environments a merge must see, named by the user (the `environment` input, `--environment`):
 * without them a matrix job that never uploaded leaves no trace, and the merge would decide Go.
 */
export interface ExpectedEnvironments {
  names: readonly string[];
  /** Where the list was written, for the messages: "the `environment` input", "--environment". */
  from: string;
}

/** Longest environment label (as the `environment` input of a gate job). */
const MAX_ENVIRONMENT_LENGTH = 64;

/** `staging, prod-eu` or one name a line: the names in order, each once, or what is wrong. */
export function parseEnvironmentList(text: string): { names: string[] } | { problem: string } {
  const names: string[] = [];
  for (const part of text.split(/[,\r\n]/)) {
    const name = part.trim();
    if (name === '') continue;
    if (name.length > MAX_ENVIRONMENT_LENGTH || /[\p{Cc}\p{Cf}]/u.test(name)) {
      return {
        problem: `names '${name.slice(0, MAX_ENVIRONMENT_LENGTH)}', which is not a short label (at most ${MAX_ENVIRONMENT_LENGTH} characters, one line); list the environments like staging, prod-eu`,
      };
    }
    if (!names.includes(name)) names.push(name);
  }
  return { names };
}

/** Checks the inputs against each other (and against the expected environments); never throws. */
export function validateBundles(
  inputs: readonly MergeInput[],
  expected?: ExpectedEnvironments,
): ValidatedBundles {
  const problems: MergeProblem[] = [];
  const documents: { source: string; document: BundleDocument }[] = [];
  for (const input of inputs) {
    if ('problem' in input) problems.push({ where: input.source, problem: input.problem });
    else documents.push(input);
  }
  const gateId = mostCommon(documents.map((item) => item.document.gate.id));
  const sameGate = documents.filter((item) => {
    if (item.document.gate.id === gateId) return true;
    problems.push({
      where: item.source,
      problem: `is the bundle of gate '${item.document.gate.id}', not '${gateId}' (the gate most bundles are of); merge the bundles of one gate`,
    });
    return false;
  });
  const byEnvironment = new Map<string | null, typeof sameGate>();
  for (const item of sameGate) {
    const name = item.document.environment ?? null;
    byEnvironment.set(name, [...(byEnvironment.get(name) ?? []), item]);
  }
  const missing = expected ? checkExpected(byEnvironment, expected, problems) : [];
  const environments: EnvironmentBundles[] = [];
  // An expected environment without bundles is still a column: nothing of it ran, its decision is No-Go.
  const names = [...byEnvironment.keys(), ...missing].sort((a, b) => (a ?? '').localeCompare(b ?? '', 'en'));
  for (const name of names) {
    const items = byEnvironment.get(name);
    const checked = items ? validateEnvironment(name, items, problems) : { name, shards: 0, bundles: [] };
    if (checked) environments.push(checked);
  }
  return { gateId, reference: sameGate[0]?.document, environments, problems };
}

/**
 * Every expected environment has bundles, and every bundle is of an expected environment: a missing
 * one is a problem of its own (its column is No-Go), an unexpected one is left out of the merge
 * (a typo in a job's `environment` must not make a second, unchecked column).
 */
function checkExpected(
  byEnvironment: Map<string | null, { source: string; document: BundleDocument }[]>,
  expected: ExpectedEnvironments,
  problems: MergeProblem[],
): string[] {
  const missing = expected.names.filter((name) => !byEnvironment.has(name));
  for (const name of missing) {
    problems.push({
      environment: name,
      where: name,
      problem: `no bundle from any shard; expected by ${expected.from} (did its jobs run and upload their bundles? a job held by a protection rule or one that failed before uploading leaves none)`,
    });
  }
  for (const [name, items] of [...byEnvironment]) {
    if (name !== null && expected.names.includes(name)) continue;
    const files = items.map((item) => item.source);
    const shown =
      files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
    const hint = name === null ? '' : didYouMean(name, expected.names);
    problems.push({
      where: environmentText(name),
      problem: `is not expected by ${expected.from} (${expected.names.join(', ')})${hint}, so its ${files.length} bundle(s) were not merged: ${shown}; fix the job's environment or add it to the list`,
    });
    byEnvironment.delete(name);
  }
  return missing;
}

function validateEnvironment(
  name: string | null,
  items: { source: string; document: BundleDocument }[],
  problems: MergeProblem[],
): EnvironmentBundles | undefined {
  const where = environmentText(name);
  const whole = items.filter((item) => !item.document.shard);
  const sharded = items.filter((item) => item.document.shard);
  if (sharded.length === 0) {
    for (const extra of whole.slice(1)) {
      problems.push({
        environment: name,
        where: extra.source,
        problem: `is a second bundle of ${where} (the first is ${whole[0]!.source}); each environment runs once, or in shards`,
      });
    }
    return { name, shards: 1, bundles: whole.slice(0, 1) };
  }
  for (const item of whole) {
    problems.push({
      environment: name,
      where: item.source,
      problem: `ran every scenario of ${where}, but other bundles of it are shards (${sharded[0]!.source}); merge either one bundle or every shard`,
    });
  }
  const total = mostCommon(sharded.map((item) => item.document.shard!.total))!;
  const bundles: EnvironmentBundles['bundles'] = [];
  const claimedBy = new Map<string, string>();
  for (let index = 1; index <= total; index++) {
    const here = sharded.filter(
      (item) => item.document.shard!.index === index && item.document.shard!.total === total,
    );
    if (here.length === 0) {
      problems.push({
        environment: name,
        where: `${where}, shard ${index}/${total}`,
        problem: `is missing: none of the ${items.length} bundle(s) of ${where} is shard ${index}/${total}; its scenarios were not checked (did that job fail before uploading its bundle?)`,
      });
      continue;
    }
    for (const extra of here.slice(1)) {
      problems.push({
        environment: name,
        where: extra.source,
        problem: `is a second bundle of shard ${index}/${total} of ${where} (the first is ${here[0]!.source}); download each job's bundle once`,
      });
    }
    const chosen = here[0]!;
    if (claimsHold(chosen, total, where, name, claimedBy, problems)) bundles.push(chosen);
  }
  for (const item of sharded) {
    if (item.document.shard!.total === total) continue;
    problems.push({
      environment: name,
      where: item.source,
      problem: `is shard ${shardText(item.document.shard!)} but the other shards of ${where} are of ${total}; run every shard with the same N`,
    });
  }
  return { name, shards: total, bundles };
}

/** The shard's claimed ids are its rows, belong to its slice, and no other shard claimed them. */
function claimsHold(
  item: { source: string; document: BundleDocument },
  total: number,
  where: string,
  name: string | null,
  claimedBy: Map<string, string>,
  problems: MergeProblem[],
): boolean {
  const shard = item.document.shard!;
  const label = `shard ${shardText(shard)} of ${where}`;
  const rows = item.document.scenarios.map((row) => row.id);
  const claims = new Set(shard.scenarios);
  const unclaimed = rows.filter((id) => !claims.has(id));
  const hasRow = new Set(rows);
  const absent = shard.scenarios.filter((id) => !hasRow.has(id));
  let ok = true;
  if (unclaimed.length > 0 || absent.length > 0) {
    const parts = [
      ...(unclaimed.length > 0 ? [`rows not in shard.scenarios: ${unclaimed.slice(0, 5).join(', ')}`] : []),
      ...(absent.length > 0 ? [`claimed ids without a row: ${absent.slice(0, 5).join(', ')}`] : []),
    ];
    problems.push({
      environment: name,
      where: item.source,
      problem: `(${label}) does not agree with itself: ${parts.join('; ')}`,
    });
    ok = false;
  }
  for (const id of shard.scenarios) {
    const owner = shardOf(id, total) + 1;
    const earlier = claimedBy.get(id);
    if (earlier !== undefined) {
      problems.push({
        environment: name,
        where: item.source,
        problem: `(${label}) claims scenario '${id}', which ${earlier} claims too; the jobs ran different gate files or shard settings`,
      });
      ok = false;
    } else if (owner !== shard.index) {
      problems.push({
        environment: name,
        where: item.source,
        problem: `(${label}) claims scenario '${id}', which belongs to shard ${owner}/${total}; the jobs ran different versions of regression-gate or of the gate file`,
      });
      ok = false;
    }
    if (earlier === undefined) claimedBy.set(id, `${item.source} (${label})`);
  }
  return ok;
}

/** The value most items have; a tie goes to the one seen first. */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}
