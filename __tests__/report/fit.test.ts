// Issue 14 class 6: a report cut to GitHub's limits keeps every failing and erroring row first, and
// its notice counts exactly what was left out, by status, and says where every row is.
import { describe, expect, it } from 'vitest';
import { Redactor, type PublicResult } from '../../src/report/redact.js';
import type { GateResult, ScenarioResult, ScenarioStatus } from '../../src/engine/results.js';
import { checkRunReport } from '../../src/report/check-run-flow.js';
import { fitBytes } from '../../src/report/check-run-output.js';
import { CHECK_RUN_LIMIT_BYTES, JOB_SUMMARY_LIMIT_BYTES, renderMarkdown } from '../../src/report/markdown.js';
import { render, tableShape } from './hostile-family.js';

function scenario(index: number, status: ScenarioStatus, evidenceBytes: number): ScenarioResult {
  return {
    id: `s${index}`,
    name: `scenario ${index}`,
    priority: 'P0',
    status,
    checkStatus: status === 'waived' ? 'fail' : status,
    checks: [],
    evidence: [{ text: '`rows=' }, { value: `${index} ${'v'.repeat(evidenceBytes)}` }, { text: '`' }],
    line: index + 1,
  };
}

/** `total` scenarios; `statusOf(index)` decides each one's status. */
function rawGate(
  total: number,
  statusOf: (index: number) => ScenarioStatus,
  evidenceBytes: number,
): GateResult {
  const scenarios = Array.from({ length: total }, (_, index) =>
    scenario(index, statusOf(index), evidenceBytes),
  );
  const notPassed = scenarios.filter((row) => row.status === 'fail' || row.status === 'error');
  return {
    tool: { name: 'regression-gate', version: '0.1.0' },
    file: 'gate.yml',
    gate: { id: 'REG-BIG', title: 'Big gate', relatedIssues: [], relatedPrs: [], language: 'en', risks: [] },
    startedAt: '2026-02-13T10:00:00.000Z',
    finishedAt: '2026-02-13T10:00:05.000Z',
    durationMs: 5000,
    preconditions: [],
    scenarios,
    decision: notPassed.length > 0 ? 'no-go' : 'go',
    basis: notPassed.map((row) => ({ kind: 'p0-not-passed', name: row.name, status: row.status })),
    residualRisks: [],
    counts: {
      passed: total - notPassed.length,
      failed: notPassed.filter((row) => row.status === 'fail').length,
      errors: notPassed.filter((row) => row.status === 'error').length,
      waived: 0,
      total,
    },
    warnings: [],
  };
}

/** Status of each row of the rendered matrix, in order, read from its icon. */
function shownStatuses(markdown: string): ScenarioStatus[] {
  const icons: Record<string, ScenarioStatus> = { '✅': 'pass', '❌': 'fail', '⚠️': 'error', '🟡': 'waived' };
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| scenario '))
    .map((line) => icons[/\| (✅|❌|⚠️|🟡) [^|]*\|$/.exec(line)![1]!]!);
}

const count = (statuses: ScenarioStatus[], status: ScenarioStatus): number =>
  statuses.filter((item) => item === status).length;

describe('a shortened report', () => {
  // 1,000 scenarios, every third one failing (334), each row about 130 bytes: 130 kB in all.
  const thirdFails = gate(1000, (index) => (index % 3 === 0 ? 'fail' : 'pass'), 80);

  it('check run: every one of 334 failing rows, first, and an exact count of the passing rows left out', () => {
    const summary = checkRunReport(thirdFails, 'gate-report/REG-BIG.md').summary;
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(CHECK_RUN_LIMIT_BYTES);
    const statuses = shownStatuses(summary);
    expect(count(statuses, 'fail')).toBe(334);
    expect(statuses.slice(0, 334).every((status) => status === 'fail')).toBe(true);
    const passingLeftOut = 666 - count(statuses, 'pass');
    expect(passingLeftOut).toBeGreaterThan(0);
    expect(summary).toContain(
      `> [!NOTE]\n> Shortened to fit GitHub's limit of 65,535 bytes. Left out: ${passingLeftOut} of 666 passing rows and the commands to reproduce. Every row is in the full report, \`gate-report/REG-BIG.md\` in the report bundle, and in the job's log.`,
    );
    // The table is whole: one row of three cells for each row shown.
    expect(tableShape(render(summary))).toEqual([statuses.map(() => 3)]);
  });

  it('rows too long for every failing row: the first failing rows in gate order, and the notice says how many failing rows are left out and where', () => {
    const long = gate(1000, (index) => (index % 3 === 0 ? 'fail' : index % 7 === 0 ? 'error' : 'pass'), 900);
    const failing = long.scenarios.filter((row) => row.status === 'fail').length;
    const erroring = long.scenarios.filter((row) => row.status === 'error').length;
    const summary = checkRunReport(long, 'gate-report/REG-BIG.md').summary;
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(CHECK_RUN_LIMIT_BYTES);
    const statuses = shownStatuses(summary);
    expect(count(statuses, 'pass')).toBe(0);
    const shown = summary
      .split('\n')
      .filter((line) => line.startsWith('| scenario '))
      .map((line) => Number(/^\| scenario (\d+) /.exec(line)![1]));
    const blocking = long.scenarios
      .filter((row) => row.status === 'fail' || row.status === 'error')
      .map((row) => Number(row.id.slice(1)));
    expect(shown).toEqual(blocking.slice(0, shown.length));
    const failingLeftOut = failing - count(statuses, 'fail');
    const erroringLeftOut = erroring - count(statuses, 'error');
    expect(failingLeftOut).toBeGreaterThan(0);
    expect(summary).toContain(
      `> [!WARNING]\n> Not every failing row fits GitHub's limit of 65,535 bytes. Left out: ${failingLeftOut} of ${failing} failing rows, ${erroringLeftOut} of ${erroring} erroring rows, ${1000 - failing - erroring} of ${1000 - failing - erroring} passing rows and the commands to reproduce. Every row is in the full report, \`gate-report/REG-BIG.md\` in the report bundle, and in the job's log.`,
    );
  });

  it('job summary: the same rule at its own limit', () => {
    const huge = gate(3000, (index) => (index % 3 === 0 ? 'fail' : 'pass'), 1000);
    const limit = JOB_SUMMARY_LIMIT_BYTES - 1024;
    const summary = renderMarkdown(huge, { maxBytes: limit });
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(limit);
    const statuses = shownStatuses(summary);
    expect(count(statuses, 'pass')).toBe(0);
    expect(statuses.length).toBeGreaterThan(900);
    expect(summary).toContain(
      `Left out: ${1000 - statuses.length} of 1000 failing rows, 2000 of 2000 passing rows and the commands to reproduce. Every row is in the job's log.`,
    );
  });

  it('is not shortened when it fits', () => {
    const small = gate(10, (index) => (index === 3 ? 'fail' : 'pass'), 10);
    expect(renderMarkdown(small, { maxBytes: CHECK_RUN_LIMIT_BYTES })).toBe(renderMarkdown(small));
  });
});

describe('fitBytes on Markdown', () => {
  it('never cuts inside a line, so a code span is never left open', () => {
    const row = '| x | `<img src=x onerror=alert(1)>` |\n';
    for (const limit of [200, 217, 233, 250]) {
      const cut = fitBytes(`| a | b |\n|---|---|\n${row.repeat(20)}`, limit, '\n[cut]');
      expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(limit);
      expect(render(cut)).not.toContain('<img');
      expect(
        cut
          .split('\n')
          .slice(2, -1)
          .every((line) => line === row.trimEnd()),
      ).toBe(true);
    }
  });
});

/** Renderers take only redacted results (no secret is registered here, so nothing else changes). */
function gate(
  total: number,
  statusOf: (index: number) => ScenarioStatus,
  evidenceBytes: number,
): PublicResult {
  return new Redactor().redactValue(rawGate(total, statusOf, evidenceBytes));
}
