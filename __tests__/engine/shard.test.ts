import { describe, expect, it } from 'vitest';
import { fnv1a32, parseShard, selectShard, shardOf } from '../../src/engine/shard.js';
import type { Gate, Scenario } from '../../src/config/model.js';

const numbered = (count: number, prefix = 'S', width = 4): string[] =>
  Array.from({ length: count }, (_, index) => `${prefix}${String(index + 1).padStart(width, '0')}`);

function sizes(ids: readonly string[], total: number): number[] {
  const counts = Array.from({ length: total }, () => 0);
  for (const id of ids) counts[shardOf(id, total)]!++;
  return counts;
}

describe('shard assignment', () => {
  it('FNV-1a 32-bit gives the published test vectors (stable across platforms)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('is a function of the id and N only: the same answer every time, in any order', () => {
    const ids = [...numbered(50), 'checkout-works', 'invoices-are-sent', 'S2-01', 'api/v2'];
    const first = ids.map((id) => shardOf(id, 8));
    const reversed = [...ids]
      .reverse()
      .map((id) => shardOf(id, 8))
      .reverse();
    expect(reversed).toEqual(first);
    expect(first.every((shard) => shard >= 0 && shard < 8)).toBe(true);
  });

  it('a scenario keeps its shard when scenarios are added or removed', () => {
    const before = [
      ...numbered(300),
      ...Array.from({ length: 40 }, (_, index) => `flow-${String.fromCharCode(97 + (index % 26))}${index}x`),
    ];
    const after = [...before.slice(20), ...numbered(100, 'T'), 'a-new-slug'];
    for (const id of before.filter((item) => after.includes(item))) {
      expect(shardOf(id, 6), id).toBe(shardOf(id, 6));
    }
    const owner = new Map(before.map((id) => [id, shardOf(id, 6)]));
    const moved = after.filter((id) => owner.has(id) && owner.get(id) !== shardOf(id, 6));
    expect(moved).toEqual([]);
  });

  it('numbered ids are spread exactly evenly: 2,000 scenarios in 8 shards are 250 each', () => {
    expect(sizes(numbered(2000), 8)).toEqual(Array.from({ length: 8 }, () => 250));
    // Several families of numbered ids: each family round-robin from its own start.
    const families = ['S', 'api-', 'web-'].flatMap((prefix) => numbered(400, prefix, 3));
    const counts = sizes(families, 8);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(3);
  });

  it('ids with a dash and a number (S2-01) and huge numbers are still numbered ids', () => {
    const ids = Array.from({ length: 16 }, (_, index) => `S2-${String(index + 1).padStart(2, '0')}`);
    expect(sizes(ids, 4)).toEqual([4, 4, 4, 4]);
    expect(shardOf('run-123456789012345678901234567890', 7)).toBe(
      ((fnv1a32('run-') % 7) + Number(123456789012345678901234567890n % 7n)) % 7,
    );
  });

  it('ids without a trailing number fall back to hash(id) mod N', () => {
    expect(shardOf('checkout-works', 5)).toBe(fnv1a32('checkout-works') % 5);
    expect(shardOf('anything', 1)).toBe(0);
  });
});

describe('parseShard', () => {
  it('reads K/N with K from 1 to N', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, total: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, total: 1 });
  });

  it.each([
    ['0/4', 'K must be from 1 to N'],
    ['5/4', 'K must be from 1 to N'],
    ['1/0', 'N must be a whole number from 1 to 256'],
    ['0/0', 'N must be a whole number from 1 to 256'],
    ['1/300', 'N must be a whole number from 1 to 256'],
    ['2', 'write K/N'],
    ['a/b', 'write K/N'],
    ['-1/4', 'write K/N'],
    ['1.5/4', 'write K/N'],
    ['', 'write K/N'],
  ])('rejects %j with a clear reason', (text, reason) => {
    const parsed = parseShard(text);
    expect(parsed).toHaveProperty('problem');
    expect((parsed as { problem: string }).problem).toContain(reason);
    expect((parsed as { problem: string }).problem).toContain(`'${text}'`);
  });
});

describe('selectShard', () => {
  const scenario = (id: string): Scenario => ({
    id,
    name: id,
    priority: 'P0',
    checks: [],
    position: { line: 1, column: 1 },
  });
  const gate = {
    file: 'gate.yml',
    version: 1,
    meta: { id: 'G', title: 'G', relatedIssues: [], relatedPrs: [], language: 'en', risks: [] },
    sources: {},
    defaults: { timeoutMs: 1000, priority: 'P0' },
    preconditions: [scenario('precondition-1')],
    scenarios: numbered(10).map(scenario),
  } as unknown as Gate;

  it('keeps every precondition in every shard and splits the scenarios without overlap or gap', () => {
    const owned: string[] = [];
    for (let index = 1; index <= 3; index++) {
      const { gate: slice, shard } = selectShard(gate, { index, total: 3 });
      expect(slice.preconditions.map((row) => row.id)).toEqual(['precondition-1']);
      expect(shard.scenarios).toEqual(slice.scenarios.map((row) => row.id));
      expect(shard).toMatchObject({ index, total: 3 });
      owned.push(...shard.scenarios);
    }
    expect(owned.sort()).toEqual(numbered(10));
  });
});
