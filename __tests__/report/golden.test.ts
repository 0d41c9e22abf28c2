// Golden reports: every artefact a user reads, rendered from fixed results and committed under
// __golden__/, so a change to what users see shows up in review as a readable diff. Update with
// `npx vitest run __tests__/report/golden.test.ts -u` and read the diff before committing it.
import { describe, expect, it } from 'vitest';
import type { GateResult } from '../../src/engine/results.js';
import { bundleJson, bundleMarkdown } from '../../src/report/bundle.js';
import { checkRunReport } from '../../src/report/check-run-flow.js';
import { JOB_SUMMARY_LIMIT_BYTES, renderMarkdown } from '../../src/report/markdown.js';
import { Redactor, type PublicResult } from '../../src/report/redact.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { countsOf, gateResult, scenarioRow } from '../support/results.js';
import { mergeBundles } from '../../src/engine/merge.js';
import { inputOf, rowsResult, shardBundleText, shardInputs } from '../support/bundles.js';

const FULL_REPORT = 'regression-gate-report/REG-1.md';

function goResult(): GateResult {
  const scenarios = [
    scenarioRow('`run:dev` -> run -> job -> PR', 'pass', {
      evidence: [{ text: '`agent_runs`: `run:dev succeeded=' }, { value: '9' }, { text: '`' }],
    }),
    scenarioRow('Runtime hygiene (namespace/job leaks)', 'pass', { priority: 'P1' }),
    scenarioRow('Docs are published', 'pass', { priority: 'P2' }),
  ];
  return gateResult({
    preconditions: [scenarioRow('Deploy run succeeded', 'pass', { line: 6 })],
    scenarios,
    basis: [{ kind: 'all-passed', preconditions: 1, p0: 1 }],
    counts: countsOf(scenarios),
  });
}

function noGoResult(language: 'en' | 'ru'): GateResult {
  const waived = scenarioRow('MCP approvals drain', 'waived', { priority: 'P0', line: 30 });
  waived.waiver = { reason: 'approval worker rollout', until: '2026-03-01', issue: 42, active: true };
  const known = scenarioRow('Jobs finish', 'fail', { priority: 'P1', line: 26 });
  known.regression = 'known';
  const fresh = scenarioRow('Runtime hygiene (namespace/job leaks)', 'fail', { line: 14 });
  fresh.regression = 'new';
  const scenarios = [
    scenarioRow('`run:dev` -> run -> job -> PR', 'pass', { line: 10 }),
    fresh,
    scenarioRow('Webhook to run latency', 'error', { line: 18 }),
    known,
    waived,
  ];
  const base = goResult();
  return gateResult({
    gate: { ...base.gate, language, environment: 'staging', risks: ['Rollback is manual'] },
    preconditions: base.preconditions,
    scenarios,
    decision: 'no-go',
    basis: [
      { kind: 'p0-not-passed', name: fresh.name, status: 'fail' },
      { kind: 'p0-not-passed', name: 'Webhook to run latency', status: 'error' },
    ],
    residualRisks: [
      { kind: 'scenario-not-passed', name: known.name, priority: 'P1', status: 'fail' },
      {
        kind: 'waived',
        name: waived.name,
        reason: 'approval worker rollout',
        until: '2026-03-01',
        issue: 42,
      },
      { kind: 'known-failure', name: known.name, status: 'fail' },
      { kind: 'note', text: 'Rollback is manual' },
    ],
    counts: countsOf(scenarios),
    warnings: ['No check run: the github-token input is empty.'],
    baseline: { source: 'run 41 (last-go)', decision: 'go', finishedAt: '2026-02-12T10:00:05.000Z' },
  });
}

/** A Go in which a P0 scenario's hold passed but its `warn` condition did not hold in every sample. */
function warnResult(): GateResult {
  const warned = scenarioRow('Error rate holds under 1%', 'warn', {
    evidence: [
      { text: '9/12 samples pass, 3 warn over 10m; worst value ' },
      { value: '0.007' },
      { text: '; warn ' },
      { value: 'value < 0.005' },
      { text: ' did not hold' },
    ],
    line: 12,
  });
  const at = (second: number): string => `2026-02-13T10:00:0${second}.000Z`;
  warned.checks[0]!.hold = {
    holdMs: 600_000,
    intervalMs: 50_000,
    failureLimit: 0,
    errorLimit: 4,
    elapsedMs: 600_012,
    total: 12,
    passed: 9,
    warned: 3,
    failed: 0,
    errors: 0,
    worst: { field: 'value', value: 0.007 },
    // A fixture keeps three of the twelve samples; the engine keeps every one (up to its cap).
    samples: [
      { at: at(1), status: 'pass', values: { value: 0.002 } },
      { at: at(2), status: 'warn', values: { value: 0.007 } },
      { at: at(3), status: 'pass', values: { value: 0.004 } },
    ],
    omitted: 0,
  };
  const scenarios = [scenarioRow('Checkout works', 'pass', { line: 8 }), warned];
  return gateResult({
    scenarios,
    basis: [{ kind: 'all-passed', preconditions: 0, p0: 2 }],
    residualRisks: [{ kind: 'warned', name: warned.name, priority: 'P0' }],
    counts: countsOf(scenarios),
  });
}

/** 400 scenarios, every third failing, with evidence long enough that the check run must be cut. */
function largeResult(): GateResult {
  const scenarios = Array.from({ length: 400 }, (_, index) =>
    scenarioRow(`Scenario ${String(index + 1).padStart(3, '0')}`, index % 3 === 0 ? 'fail' : 'pass', {
      evidence: [{ text: 'rows: ' }, { value: `${index} ${'x'.repeat(180)}` }],
      line: 10 + index,
    }),
  );
  return gateResult({
    scenarios,
    decision: 'no-go',
    basis: scenarios
      .filter((row) => row.status === 'fail')
      .map((row) => ({ kind: 'p0-not-passed' as const, name: row.name, status: 'fail' as const })),
    counts: countsOf(scenarios),
  });
}

/**
 * A merge of two environments: `staging` in one job, `prod-eu` in two shards. In prod-eu a P0
 * scenario fails (its decision No-Go); in staging a P1 one fails (Go with a residual risk).
 */
function gridResult(language: 'en' | 'ru'): GateResult {
  const rows = (failing: string, priority: 'P0' | 'P1'): GateResult => {
    const names = ['Checkout works', 'Invoices are sent', 'Search answers', 'Exports finish'];
    const scenarios = names.map((name, index) => {
      const row = scenarioRow(name, name === failing ? 'fail' : 'pass', {
        line: 10 + index * 4,
        ...(name === failing ? { priority } : index === 3 ? { priority: 'P2' as const } : {}),
      });
      return {
        ...row,
        id: `S${index + 1}`,
        checks: row.checks.map((check) => ({ ...check, line: row.line + 1 })),
      };
    });
    const result = rowsResult([scenarioRow('Deploy run succeeded', 'pass', { line: 6 })], scenarios);
    result.gate = { ...result.gate, language };
    return result;
  };
  const staging = inputOf(
    'bundles/REG-1.staging.json',
    shardBundleText(rows('Search answers', 'P1'), 'staging'),
  );
  const prod = shardInputs(rows('Invoices are sent', 'P0'), 'prod-eu', 2);
  return mergeBundles([...prod, staging], {
    mode: 'all',
    now: new Date('2026-02-13T10:05:00.000Z'),
    tool: { name: 'regression-gate', version: '0.1.0' },
    gateFile: '.github/regression-gate.yml',
  });
}

function checkRunText(result: PublicResult): string {
  const report = checkRunReport(result, FULL_REPORT);
  const annotations = report.annotations.map(
    (annotation) =>
      `- ${annotation.level} ${annotation.path}:${annotation.startLine} ${annotation.title}: ${annotation.message}`,
  );
  return [
    `conclusion: ${report.conclusion}`,
    `title: ${report.title}`,
    '',
    report.summary,
    '',
    '--- annotations ---',
    ...annotations,
    '',
  ].join('\n');
}

function jobSummary(result: PublicResult): string {
  return renderMarkdown(result, { maxBytes: JOB_SUMMARY_LIMIT_BYTES - 1024, fullReport: FULL_REPORT });
}

/** Renderers take only redacted results; no secret is registered, so this changes nothing else. */
function published(result: GateResult): PublicResult {
  return new Redactor().redactValue(result);
}

const cases: Array<[string, () => PublicResult]> = [
  ['go-en', () => published(goResult())],
  ['no-go-en', () => published(noGoResult('en'))],
  ['no-go-ru', () => published(noGoResult('ru'))],
  ['warn-en', () => published(warnResult())],
  ['grid-en', () => published(gridResult('en'))],
  ['grid-ru', () => published(gridResult('ru'))],
];

describe('golden reports', () => {
  for (const [name, make] of cases) {
    describe(name, () => {
      it('job summary', async () => {
        await expect(jobSummary(make())).toMatchFileSnapshot(`./__golden__/${name}.summary.md`);
      });
      it('check run', async () => {
        await expect(checkRunText(make())).toMatchFileSnapshot(`./__golden__/${name}.check-run.md`);
      });
      it('bundle .md', async () => {
        await expect(bundleMarkdown(make())).toMatchFileSnapshot(`./__golden__/${name}.bundle.md`);
      });
      it('bundle .json', async () => {
        await expect(bundleJson(make())).toMatchFileSnapshot(`./__golden__/${name}.bundle.json`);
      });
      it('terminal', async () => {
        await expect(`${renderTerminal(make(), { colour: false })}\n`).toMatchFileSnapshot(
          `./__golden__/${name}.terminal.txt`,
        );
      });
    });
  }

  it('truncated check run: failing rows first, the notice counts what was left out', async () => {
    await expect(checkRunText(published(largeResult()))).toMatchFileSnapshot(
      './__golden__/truncated.check-run.md',
    );
  });
});
