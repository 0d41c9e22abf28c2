// Which of N matrix jobs runs a scenario. The answer depends on the scenario's id and N only, so a
// scenario keeps its shard when others are added or removed, and every job computes the same split
// without talking to the others. Pure hashing spreads like a multinomial (2,000 scenarios in 8
// shards: about even odds that some shard is off by more than 10%), so ids that end in a number
// (S0001…, api-12) are spread round-robin from a hashed starting point: exactly balanced and still
// stable. Preconditions are not sharded: they run in every shard.
import type { Gate } from '../config/model.js';

/** The K-th (1-based) of N slices. */
export interface ShardSpec {
  index: number;
  total: number;
}

/** What a sharded run owned: its slice and the ids of the scenarios in it (recorded in the bundle). */
export interface ShardInfo extends ShardSpec {
  scenarios: string[];
}

/** Most shards a gate may be split into (GitHub's matrix caps a workflow at 256 jobs). */
export const MAX_SHARDS = 256;

/** FNV-1a, 32 bits, over the UTF-8 bytes: the same on every platform and Node version. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The 0-based shard of a scenario id among `total`: (hash(prefix) + trailing number) mod total. */
export function shardOf(id: string, total: number): number {
  const match = /^(.*?)(\d+)$/s.exec(id);
  if (!match) return fnv1a32(id) % total;
  // BigInt: a trailing number can have more digits than a double holds exactly.
  const number = Number(BigInt(match[2]!) % BigInt(total));
  return ((fnv1a32(match[1]!) % total) + number) % total;
}

/**
 * Parses `K/N` (1-based). Returns the spec, or the reason it cannot be used, phrased for the
 * caller to prefix with where the value came from (`input 'shard'`, `--shard`).
 */
export function parseShard(text: string): ShardSpec | { problem: string } {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  if (!match) return { problem: `is '${text}'; write K/N, e.g. 2/4 for the second of four shards` };
  const index = Number(match[1]);
  const total = Number(match[2]);
  if (total < 1 || total > MAX_SHARDS)
    return { problem: `is '${text}'; N must be a whole number from 1 to ${MAX_SHARDS}` };
  if (index < 1 || index > total)
    return { problem: `is '${text}'; K must be from 1 to N (${total}), e.g. 1/${total}` };
  return { index, total };
}

/** The gate with only the scenarios of shard `spec` (preconditions all kept), and what it owns. */
export function selectShard(gate: Gate, spec: ShardSpec): { gate: Gate; shard: ShardInfo } {
  const scenarios = gate.scenarios.filter((scenario) => shardOf(scenario.id, spec.total) === spec.index - 1);
  return {
    gate: { ...gate, scenarios },
    shard: { ...spec, scenarios: scenarios.map((scenario) => scenario.id) },
  };
}

/** `2/4`. */
export function shardText(shard: ShardSpec): string {
  return `${shard.index}/${shard.total}`;
}
