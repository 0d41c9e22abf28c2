import type { GateResult } from '../engine/results.js';

/**
 * What distinguishes this run from the other jobs of its matrix: `staging`, `shard 2/4`,
 * `staging · shard 2/4`; '' when it is neither labelled nor sharded. Shown after the title, in
 * the check run's name and on the terminal.
 */
export function runLabel(result: Pick<GateResult, 'environment' | 'shard'>): string {
  const parts: string[] = [];
  if (result.environment) parts.push(result.environment);
  if (result.shard) parts.push(`shard ${result.shard.index}/${result.shard.total}`);
  return parts.join(' · ');
}

/** The environment as it goes into a file name: letters, digits, `_` and `-` only. */
export function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * `<gate-id>[.<environment>][.shard-<K>-of-<N>]`: the bundle's base name, unique per matrix job so
 * that downloading every job's artifact into one directory overwrites nothing. A merge writes the
 * plain `<gate-id>`.
 */
export function bundleBaseName(result: Pick<GateResult, 'gate' | 'environment' | 'shard' | 'merge'>): string {
  if (result.merge) return result.gate.id;
  const environment = result.environment ? `.${fileSafe(result.environment)}` : '';
  const shard = result.shard ? `.shard-${result.shard.index}-of-${result.shard.total}` : '';
  return `${result.gate.id}${environment}${shard}`;
}
