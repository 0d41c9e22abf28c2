// A matrix environment whose every job left no bundle (held by a protection rule, or failed before
// uploading) is invisible to a merge of what was downloaded: the expected list makes it an error.
import { describe, expect, it } from 'vitest';
import { parseEnvironmentList } from '../../src/engine/merge-validate.js';
import { mergeBundles } from '../../src/engine/merge.js';
import type { GateResult } from '../../src/engine/results.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { getInputs } from '../../src/inputs.js';
import { parseCommandLine } from '../../src/cli/args.js';
import { rowsResult, shardInputs } from '../support/bundles.js';
import { scenarioRow } from '../support/results.js';

const OPTIONS = {
  mode: 'all' as const,
  now: new Date('2026-02-13T10:05:00.000Z'),
  tool: { name: 'regression-gate', version: '0.1.0' },
  gateFile: '.github/regression-gate.yml',
};
const FROM = 'the `environment` input';

function gate(): GateResult {
  const scenarios = Array.from({ length: 6 }, (_, index) => ({
    ...scenarioRow(`Scenario ${index + 1}`, 'pass', { line: 10 + index }),
    id: `S${index + 1}`,
  }));
  return rowsResult([scenarioRow('Deploy run succeeded', 'pass', { line: 6 })], scenarios);
}

const errors = (result: GateResult): string[] =>
  result.preconditions
    .filter((row) => row.id.startsWith('merge-'))
    .map(
      (row) =>
        `${row.name}: ${row.evidence.map((part) => ('value' in part ? part.value : part.text)).join('')}`,
    );

describe('merge with the expected environments', () => {
  it('an expected environment with no bundle from any shard is an error: No-Go naming it', () => {
    const result = mergeBundles(shardInputs(gate(), 'staging', 2), {
      ...OPTIONS,
      expected: { names: ['staging', 'prod-eu'], from: FROM },
    });
    expect(result.decision).toBe('no-go');
    expect(errors(result)).toHaveLength(1);
    expect(errors(result)[0]).toMatch(
      /^prod-eu: no bundle from any shard; expected by the `environment` input/,
    );
    expect(result.merge!.environments.map((item) => [item.name, item.decision, item.shards])).toEqual([
      ['prod-eu', 'no-go', 0],
      ['staging', 'go', 2],
    ]);
    const markdown = renderMarkdown(result);
    expect(markdown).toContain('No-Go');
    expect(markdown).toContain('prod-eu');
  });

  it('without the list the same bundles merge to Go (why the list is needed)', () => {
    expect(mergeBundles(shardInputs(gate(), 'staging', 2), OPTIONS).decision).toBe('go');
  });

  it('the only expected environment missing (no bundle at all) is No-Go naming it', () => {
    const result = mergeBundles(shardInputs(gate(), 'staging', 1), {
      ...OPTIONS,
      expected: { names: ['prod-us'], from: FROM },
    });
    expect(result.decision).toBe('no-go');
    expect(errors(result).some((line) => line.startsWith('prod-us: no bundle from any shard'))).toBe(true);
  });

  it('a bundle of an environment not in the list is an error (a typo), and is not merged', () => {
    const inputs = [...shardInputs(gate(), 'staging', 2), ...shardInputs(gate(), 'prod-ue', 2)];
    const result = mergeBundles(inputs, {
      ...OPTIONS,
      expected: { names: ['staging', 'prod-eu'], from: FROM },
    });
    expect(result.decision).toBe('no-go');
    const lines = errors(result);
    expect(lines.some((line) => line.startsWith('prod-eu: no bundle from any shard'))).toBe(true);
    expect(
      lines.some((line) => /^environment 'prod-ue': is not expected .*did you mean 'prod-eu'/.test(line)),
    ).toBe(true);
    expect(result.scenarios.some((row) => row.environment === 'prod-ue')).toBe(false);
  });

  it('bundles without an environment are unexpected when a list is given', () => {
    const result = mergeBundles(shardInputs(gate(), undefined, 1), {
      ...OPTIONS,
      expected: { names: ['staging'], from: FROM },
    });
    expect(result.decision).toBe('no-go');
    expect(
      errors(result).some((line) => line.startsWith('the bundles without an environment: is not expected')),
    ).toBe(true);
  });

  it('every expected environment present and nothing else: Go, as without the list', () => {
    const inputs = [...shardInputs(gate(), 'staging', 2), ...shardInputs(gate(), 'prod-eu', 3)];
    const result = mergeBundles(inputs, {
      ...OPTIONS,
      expected: { names: ['prod-eu', 'staging'], from: FROM },
    });
    expect(errors(result)).toEqual([]);
    expect(result.decision).toBe('go');
  });
});

describe('the expected list as written', () => {
  it('splits on commas and newlines, trims, drops blanks and repeats', () => {
    expect(parseEnvironmentList(' staging, prod-eu\nprod-us\n\nstaging ')).toEqual({
      names: ['staging', 'prod-eu', 'prod-us'],
    });
  });

  it('the action takes `environment` together with `merge`', () => {
    const values: Record<string, string> = { merge: 'b/*.json', environment: 'staging,\nprod-eu' };
    const inputs = getInputs((name) => values[name] ?? '');
    expect(inputs.expectedEnvironments).toEqual(['staging', 'prod-eu']);
    expect(inputs.environment).toBe('');
  });

  it('the action without `environment` expects nothing', () => {
    const values: Record<string, string> = { merge: 'b/*.json' };
    expect(getInputs((name) => values[name] ?? '').expectedEnvironments).toBeUndefined();
  });

  it('the CLI takes --environment repeated or comma-separated', () => {
    const command = parseCommandLine([
      'merge',
      'b/*.json',
      '--environment',
      'staging,prod-eu',
      '--environment',
      'dr',
    ]);
    expect(command).toMatchObject({ name: 'merge', options: { environments: ['staging', 'prod-eu', 'dr'] } });
  });
});
