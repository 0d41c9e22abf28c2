import { describe, expect, it } from 'vitest';
import { describeChange, numericDelta } from '../../src/baseline/compare.js';
import { BaselineUnavailable, currentWorkflowFile, parseBaseline } from '../../src/baseline/load.js';
import { readZipEntry } from '../../src/baseline/zip.js';
import { decide, markRegressions } from '../../src/engine/decision.js';
import type { ScenarioResult } from '../../src/engine/results.js';
import { makeZip } from '../support/zip.js';

function report(
  scenarios: Array<{
    id: string;
    status: 'pass' | 'fail' | 'error';
    fields?: Record<string, string | number>;
  }>,
  gateId = 'REG-1',
) {
  return {
    schema_version: 1,
    tool: { name: 'regression-gate', version: '0.1.0' },
    file: 'gate.yml',
    gate: { id: gateId, title: 't' },
    startedAt: '2026-02-12T10:00:00.000Z',
    finishedAt: '2026-02-12T10:00:05.000Z',
    durationMs: 5000,
    decision: 'go',
    preconditions: [],
    scenarios: scenarios.map((scenario) => ({
      id: scenario.id,
      name: scenario.id,
      priority: 'P0',
      status: scenario.status,
      checkStatus: scenario.status,
      evidence_text: '',
      checks: [
        {
          id: `${scenario.id}/1`,
          kind: 'postgres',
          status: scenario.status,
          fields: scenario.fields ?? {},
          expect: 'n > 0',
          durationMs: 1,
          attempts: 1,
        },
      ],
    })),
    counts: { passed: 0, failed: 0, errors: 0, waived: 0, total: 0 },
  };
}

function row(id: string, status: ScenarioResult['status']): ScenarioResult {
  return {
    id,
    name: id,
    priority: 'P0',
    status,
    checkStatus: status === 'waived' ? 'fail' : status,
    checks: [],
    evidence: [],
    line: 1,
  };
}

describe('baseline comparison', () => {
  it.each([
    ['12', '9', '+3'],
    ['7', '9', '-2'],
    ['0', '0', '='],
    ['1.5', '1.25', '+0.25'],
    ['9007199254740993', '9007199254740992', '+1'],
    [3, '1', '+2'],
  ])('describes %s against %s as %s', (current, previous, change) => {
    expect(describeChange(current, previous)).toBe(change);
  });

  it('has no change for values that are not numbers or not there (type changes included)', () => {
    expect(describeChange('success', 'failure')).toBeUndefined();
    expect(describeChange('3', 'three')).toBeUndefined();
    expect(describeChange('3', undefined)).toBeUndefined();
    expect(numericDelta(true, 1)).toBeUndefined();
  });

  it('marks failures new when they passed in the baseline or are new scenarios, known when they failed there', () => {
    const baseline = parseBaseline(
      JSON.stringify(
        report([
          { id: 'a', status: 'pass' },
          { id: 'b', status: 'fail' },
          { id: 'c', status: 'error' },
        ]),
      ),
      'b.json',
      'REG-1',
    );
    const rows = [
      row('a', 'fail'),
      row('b', 'fail'),
      row('c', 'fail'),
      row('renamed', 'fail'),
      row('ok', 'pass'),
    ];
    markRegressions(rows, baseline);
    expect(rows.map((item) => item.regression)).toEqual(['new', 'known', 'known', 'new', undefined]);
  });

  it('with fail-on new-failures, only new P0 failures block; known ones become residual risks', () => {
    const rows = [row('a', 'fail'), row('b', 'fail')];
    rows[0]!.regression = 'new';
    rows[1]!.regression = 'known';
    const { decision, basis, residualRisks } = decide([], rows, [], 'new-failures');
    expect(decision).toBe('no-go');
    expect(basis).toEqual([{ kind: 'p0-not-passed', name: 'a', status: 'fail' }]);
    expect(residualRisks).toEqual([{ kind: 'known-failure', name: 'b', status: 'fail' }]);
    rows.shift();
    expect(decide([], rows, [], 'new-failures').decision).toBe('go');
  });

  it('refuses files that are not a report of this gate, saying why', () => {
    expect(() => parseBaseline('{', 'old.json', 'REG-1')).toThrow(
      new BaselineUnavailable("old.json is not JSON; point 'baseline' at a <gate.id>.json report"),
    );
    expect(() => parseBaseline('{"schema_version": 1}', 'old.json', 'REG-1')).toThrow(
      /old\.json is not a regression-gate report \(tool: /,
    );
    expect(() => parseBaseline(JSON.stringify(report([], 'OTHER')), 'old.json', 'REG-1')).toThrow(
      "old.json is the report of gate 'OTHER', not 'REG-1'",
    );
  });

  it('reads the report out of an artifact zip', () => {
    const zip = makeZip({
      'REG-1.md': '# report',
      'REG-1.json': JSON.stringify(report([{ id: 'a', status: 'pass', fields: { n: '3' } }])),
    });
    const entry = readZipEntry(zip, (name) => name === 'REG-1.json');
    expect(JSON.parse(entry!.data.toString()).scenarios[0].checks[0].fields).toEqual({ n: '3' });
    expect(readZipEntry(zip, (name) => name === 'missing.json')).toBeUndefined();
    expect(() => readZipEntry(Buffer.from('not a zip at all, just text'), () => true)).toThrow(
      'the artifact is not a zip archive',
    );
  });

  it('finds the workflow file of this run', () => {
    expect(
      currentWorkflowFile({
        GITHUB_WORKFLOW_REF: 'acme/platform/.github/workflows/deploy.yml@refs/heads/main',
      }),
    ).toBe('deploy.yml');
    expect(currentWorkflowFile({})).toBeUndefined();
  });
});
