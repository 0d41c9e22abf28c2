import { describe, expect, it } from 'vitest';
import { mergeBundles, type MergeInput } from '../../src/engine/merge.js';
import type { GateResult } from '../../src/engine/results.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { inputOf, rowsResult, shardBundleText, shardInputs } from '../support/bundles.js';
import { scenarioRow } from '../support/results.js';

const OPTIONS = {
  mode: 'all' as const,
  now: new Date('2026-02-13T10:05:00.000Z'),
  tool: { name: 'regression-gate', version: '0.1.0' },
  gateFile: '.github/regression-gate.yml',
};

/** Eight numbered scenarios; `failing` ids fail (P0). */
function gate(failing: readonly string[] = []): GateResult {
  const scenarios = Array.from({ length: 8 }, (_, index) => {
    const id = `S${index + 1}`;
    const row = scenarioRow(`Scenario ${index + 1}`, failing.includes(id) ? 'fail' : 'pass', {
      line: 10 + index,
    });
    return { ...row, id };
  });
  return rowsResult([scenarioRow('Deploy run succeeded', 'pass', { line: 6 })], scenarios);
}

const problems = (result: GateResult): string[] =>
  result.preconditions
    .filter((row) => row.id.startsWith('merge-'))
    .map(
      (row) =>
        `${row.name}: ${row.evidence.map((part) => ('value' in part ? part.value : part.text)).join('')}`,
    );

describe('merge of shards of one environment', () => {
  it("gives today's matrix: every scenario once, the decision decided again, no grid", () => {
    const result = mergeBundles(shardInputs(gate(), 'staging', 4), OPTIONS);
    expect(problems(result)).toEqual([]);
    expect(result.decision).toBe('go');
    expect(result.scenarios.map((row) => row.id)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8']);
    expect(result.preconditions.map((row) => row.name)).toEqual(['Deploy run succeeded']);
    expect(result.environment).toBe('staging');
    expect(result.merge).toMatchObject({ bundles: 4, problems: 0 });
    const markdown = renderMarkdown(result);
    expect(markdown).toContain('## Regression matrix\n\n| Scenario | Evidence | Result |');
    expect(markdown).not.toContain('## Environments');
  });

  it("never trusts a bundle's decision: a Go bundle with a failing P0 check merges to No-Go", () => {
    const text = shardBundleText(gate(), undefined);
    const forged = JSON.parse(text) as { scenarios: { checks: { status: string }[] }[]; decision: string };
    forged.scenarios[2]!.checks[0]!.status = 'fail';
    forged.decision = 'go';
    const result = mergeBundles([inputOf('one.json', JSON.stringify(forged))], OPTIONS);
    expect(result.decision).toBe('no-go');
    expect(result.scenarios[2]!.status).toBe('fail');
    expect(result.basis).toEqual([{ kind: 'p0-not-passed', name: 'Scenario 3', status: 'fail' }]);
  });

  it('a precondition that failed in one shard fails the merge', () => {
    const failed = gate();
    failed.preconditions = [scenarioRow('Deploy run succeeded', 'fail', { line: 6 })];
    const inputs = [
      ...shardInputs(gate(), 'staging', 2).slice(0, 1),
      ...shardInputs(failed, 'staging', 2).slice(1),
    ];
    const result = mergeBundles(inputs, OPTIONS);
    expect(result.decision).toBe('no-go');
    expect(result.preconditions).toHaveLength(1);
    expect(result.preconditions[0]!.status).toBe('fail');
  });
});

describe('merge is fail-closed: each problem is an error row naming the file, shard or environment', () => {
  const cases: Array<[string, () => MergeInput[], RegExp]> = [
    ['no file', () => [], /^merge: no bundle file matched/],
    [
      'a missing shard',
      () => shardInputs(gate(), 'prod-eu', 4).filter((_, index) => index !== 2),
      /^environment 'prod-eu', shard 3\/4: is missing/,
    ],
    [
      'two bundles for one shard',
      () => {
        const inputs = shardInputs(gate(), 'prod-eu', 2);
        return [...inputs, { ...inputs[1]!, source: 'again/REG-1.prod-eu.shard-2-of-2.json' }];
      },
      /^again\/REG-1\.prod-eu\.shard-2-of-2\.json: is a second bundle of shard 2\/2 of environment 'prod-eu'/,
    ],
    [
      'two unsharded bundles of one environment',
      () => [
        inputOf('a.json', shardBundleText(gate(), 'qa')),
        inputOf('b.json', shardBundleText(gate(), 'qa')),
      ],
      /^b\.json: is a second bundle of environment 'qa' \(the first is a\.json\)/,
    ],
    [
      'another gate id',
      () => {
        const other = gate();
        other.gate = { ...other.gate, id: 'REG-9' };
        return [...shardInputs(gate(), 'qa', 2), inputOf('other.json', shardBundleText(other, 'qa'))];
      },
      /^other\.json: is the bundle of gate 'REG-9', not 'REG-1'/,
    ],
    [
      'another schema version',
      () => {
        const document = JSON.parse(shardBundleText(gate(), undefined)) as Record<string, unknown>;
        return [inputOf('old.json', JSON.stringify({ ...document, schema_version: 2 }))];
      },
      /^old\.json: has schema_version 2, this version reads 1/,
    ],
    [
      'a file that is not JSON',
      () => [inputOf('broken.json', '{"schema_version": 1,')],
      /^broken\.json: is not JSON/,
    ],
    [
      'JSON that is not a bundle',
      () => [inputOf('package.json', '{"name":"x"}')],
      /^package\.json: is not a regression-gate bundle/,
    ],
    [
      'an incomplete bundle',
      () => [inputOf('cut.json', JSON.stringify({ schema_version: 1, gate: { id: 'REG-1' } }))],
      /^cut\.json: is not a complete regression-gate bundle/,
    ],
    [
      'a merged bundle in the glob',
      () => {
        const merged = mergeBundles(shardInputs(gate(), 'qa', 2), OPTIONS);
        return [
          ...shardInputs(gate(), 'qa', 2),
          inputOf(
            'REG-1.json',
            JSON.stringify({
              ...merged,
              schema_version: 1,
              environment: null,
              shard: null,
              preconditions: merged.preconditions.map((row) => ({ ...row, evidence_text: '' })),
              scenarios: merged.scenarios.map((row) => ({ ...row, evidence_text: '' })),
            }),
          ),
        ];
      },
      /^REG-1\.json: is itself the bundle of a merge/,
    ],
    [
      'a scenario claimed by two shards',
      () => {
        const inputs = shardInputs(gate(), 'qa', 2);
        const second = JSON.parse(shardBundleText(gate(), 'qa', { index: 2, total: 2 })) as {
          shard: { scenarios: string[] };
          scenarios: { id: string }[];
        };
        const first = (inputs[0] as { document: { scenarios: unknown[] } }).document.scenarios[0] as {
          id: string;
        };
        second.shard.scenarios.push(first.id);
        second.scenarios.push(first);
        return [inputs[0]!, inputOf('two.json', JSON.stringify(second))];
      },
      /^two\.json: \(shard 2\/2 of environment 'qa'\) claims scenario 'S\d', which .* claims too/,
    ],
    [
      'shards of different N in one environment',
      () => [...shardInputs(gate(), 'qa', 2), ...shardInputs(gate(), 'qa', 3).slice(0, 1)],
      /shard 1\/3 but the other shards of environment 'qa' are of 2/,
    ],
    [
      'a whole run mixed with shards of the same environment',
      () => [...shardInputs(gate(), 'qa', 2), inputOf('whole.json', shardBundleText(gate(), 'qa'))],
      /^whole\.json: ran every scenario of environment 'qa', but other bundles of it are shards/,
    ],
  ];

  for (const [name, inputs, expected] of cases) {
    it(`${name} → No-Go with an error that says which`, () => {
      const result = mergeBundles(inputs(), OPTIONS);
      expect(result.decision).toBe('no-go');
      const found = problems(result);
      expect(
        found.some((line) => expected.test(line)),
        found.join('\n'),
      ).toBe(true);
      const row = result.preconditions.find((item) => item.id.startsWith('merge-'))!;
      expect(row).toMatchObject({ status: 'error', checkStatus: 'error', priority: 'P0' });
      expect(
        result.basis.some((basis) => basis.kind === 'precondition-not-passed' && basis.status === 'error'),
      ).toBe(true);
    });
  }
});

describe('merge of several environments', () => {
  it('a missing shard makes its own environment No-Go, not only the whole', () => {
    const inputs = [...shardInputs(gate(), 'prod-eu', 2), ...shardInputs(gate(), 'staging', 2).slice(1)];
    const result = mergeBundles(inputs, OPTIONS);
    expect(result.merge!.environments.map((item) => [item.name, item.decision])).toEqual([
      ['prod-eu', 'go'],
      ['staging', 'no-go'],
    ]);
    expect(result.decision).toBe('no-go');
  });

  it('tags rows with their environment, decides each environment and the whole', () => {
    const inputs = [...shardInputs(gate(['S3']), 'prod-eu', 2), ...shardInputs(gate(), 'staging', 3)];
    const result = mergeBundles(inputs, OPTIONS);
    expect(result.decision).toBe('no-go');
    expect(result.merge!.environments.map((item) => [item.name, item.decision, item.shards])).toEqual([
      ['prod-eu', 'no-go', 2],
      ['staging', 'go', 3],
    ]);
    expect(result.scenarios).toHaveLength(16);
    expect(result.scenarios.slice(0, 2).map((row) => [row.id, row.environment])).toEqual([
      ['S1', 'prod-eu'],
      ['S1', 'staging'],
    ]);
    expect(result.basis).toEqual([{ kind: 'p0-not-passed', name: 'Scenario 3 (prod-eu)', status: 'fail' }]);
    expect(result.environment).toBeUndefined();
    expect(result.gate.environment).toBeUndefined();
  });
});
