// Issue 14 class 2: a value from a source is text, never a link, image, mention, HTML, heading,
// emphasis or table break, whatever the author's template around it. Checked with a real
// CommonMark + GFM renderer on every generated hostile value in every hostile template.
import { describe, expect, it } from 'vitest';
import { Redactor, type PublicResult } from '../../src/report/redact.js';
import type { GateResult, ScenarioResult } from '../../src/engine/results.js';
import { checkRunReport } from '../../src/report/check-run-flow.js';
import { escapeCellText, escapeMarkdown, renderEvidenceCell } from '../../src/report/escape.js';
import { CHECK_RUN_LIMIT_BYTES, renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import {
  hostileTemplates,
  hostileValues,
  liveMarkdown,
  render,
  tableShape,
  twoValues,
} from './hostile-family.js';

const VALUES = hostileValues();
const TEMPLATES = hostileTemplates();

function cellHtml(cell: string): string {
  return render(`| a | b | c |\n|---|---|---|\n| x | ${cell} | y |\n`);
}

function rawGate(rows: ScenarioResult[], overrides: Partial<GateResult> = {}): GateResult {
  return {
    tool: { name: 'regression-gate', version: '0.1.0' },
    file: 'gate.yml',
    gate: { id: 'REG-H', title: 'Hostile', relatedIssues: [], relatedPrs: [], language: 'en', risks: [] },
    startedAt: '2026-02-13T10:00:00.000Z',
    finishedAt: '2026-02-13T10:00:05.000Z',
    durationMs: 5000,
    preconditions: [],
    scenarios: rows,
    decision: 'no-go',
    basis: rows
      .filter((row) => row.status !== 'pass')
      .map((row) => ({ kind: 'p0-not-passed', name: row.name, status: row.status })),
    residualRisks: [],
    counts: { passed: 0, failed: rows.length, errors: 0, waived: 0, total: rows.length },
    warnings: [],
    ...overrides,
  };
}

function row(index: number, evidence: ScenarioResult['evidence'], name = `row ${index}`): ScenarioResult {
  return {
    id: `r${index}`,
    name,
    priority: 'P0',
    status: index % 2 ? 'fail' : 'pass',
    checkStatus: 'pass',
    checks: [],
    evidence,
    line: index + 1,
  };
}

describe('a value in an Evidence cell, in every hostile template', () => {
  it.each(TEMPLATES.map((template, index) => [index, template] as const))(
    'template %i: no live Markdown, one row of three cells, for every hostile value',
    (_index, template) => {
      for (const value of VALUES) {
        const cell = renderEvidenceCell(template(value));
        const html = cellHtml(cell);
        expect(liveMarkdown(html), `${JSON.stringify(value)} -> ${cell}`).toEqual([]);
        expect(html, cell).not.toMatch(/<a[ >]|<img/);
        expect(tableShape(html), cell).toEqual([[3]]);
        expect(cell).not.toContain('\n');
      }
    },
  );

  it('a value alone or twice with a change: escaped text, never live', () => {
    for (const value of VALUES) {
      for (const cell of [escapeMarkdown(value), renderEvidenceCell(twoValues(value))]) {
        const html = cellHtml(cell);
        expect(liveMarkdown(html), cell).toEqual([]);
        expect(tableShape(html), cell).toEqual([[3]]);
      }
    }
  });

  it('reads plainly: the text a reader sees is the value, with invisible characters named', () => {
    expect(renderEvidenceCell([{ text: 'n=' }, { value: 'user@evil.example https://evil.example/x' }])).toBe(
      'n=user`@`evil.example https\\://evil.example/x',
    );
    // The author's code span keeps the value literal even when it holds backticks and pipes.
    expect(renderEvidenceCell([{ text: '`n=' }, { value: 'a`b|c' }, { text: '`' }])).toBe('``n=a`b\\|c``');
    expect(escapeMarkdown('abc\u202Edcba \u200B')).toBe('abc&lt;U+202E&gt;dcba &lt;U+200B&gt;');
  });

  it('an unbalanced backtick in the template never makes a value raw HTML', () => {
    const cell = renderEvidenceCell([{ text: 'count `' }, { value: '<img src=x onerror=alert(1)>' }]);
    expect(cell).toBe('count \\`&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(cellHtml(cell)).not.toContain('<img');
  });

  it("a | in the author's text never breaks the row, escaped or not", () => {
    for (const text of ['a | b', 'a \\| b', 'a \\\\| b', 'a \\\\\\| b', '`a | b`', '`a \\| b`', '|||']) {
      const cell = renderEvidenceCell([{ text }, { value: '1' }]);
      expect(tableShape(cellHtml(cell)), cell).toEqual([[3]]);
      expect(tableShape(cellHtml(escapeCellText(text))), text).toEqual([[3]]);
    }
  });

  it("a value in the author's own link stays in its URL, percent-encoded", () => {
    const cell = renderEvidenceCell([
      { text: '[run](https://ci.example/runs/' },
      { value: '1) [x](https://evil' },
      { text: ')' },
    ]);
    const html = cellHtml(cell);
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('href="https://ci.example/runs/1%29%20%5Bx%5D%28https://evil"');
  });
});

describe('hostile values through the whole report', () => {
  const rows = VALUES.flatMap((value, valueIndex) =>
    TEMPLATES.map((template, templateIndex) =>
      row(valueIndex * TEMPLATES.length + templateIndex, template(value)),
    ),
  );
  const hostileNames = VALUES.map((value, index) => row(index, [{ value }], value));
  const result = gate(rows, {
    warnings: VALUES,
    gate: {
      id: 'REG-H',
      title: VALUES[VALUES.length - 2]!,
      environment: VALUES[20],
      ownerRole: VALUES[30],
      relatedIssues: [],
      relatedPrs: [],
      language: 'en',
      risks: [],
    },
  });

  it('job summary / bundle .md: no live Markdown, and exactly one row of three cells per scenario', () => {
    const html = render(renderMarkdown(result));
    expect(liveMarkdown(html)).toEqual([]);
    expect(tableShape(html)).toEqual([rows.map(() => 3)]);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html.match(/<h2>/g)).toHaveLength(4);
  });

  it('check-run summary, shortened to 65,535 bytes: the same', () => {
    const summary = checkRunReport(result, 'gate-report/REG-H.md').summary;
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(CHECK_RUN_LIMIT_BYTES);
    const html = render(summary);
    expect(liveMarkdown(html)).toEqual([]);
    const [shape] = tableShape(html);
    expect(shape!.every((cells) => cells === 3)).toBe(true);
  });

  it('names written with hostile text stay one row each, never a heading, link or mention', () => {
    const html = render(renderMarkdown(gate(hostileNames)));
    expect(liveMarkdown(html)).toEqual([]);
    expect(tableShape(html)).toEqual([hostileNames.map(() => 3)]);
    expect(html.match(/<h[1-6]>/g)).toHaveLength(4);
  });

  it('the terminal output has no escapes and no invisible characters from values', () => {
    const text = renderTerminal(gate(hostileNames), { colour: false, width: 400 });
    // eslint-disable-next-line no-control-regex -- the test looks for the escape character itself
    expect(text).not.toMatch(/[\u001b\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u);
    expect(text).toContain('abc<U+202E>dcba');
  });
});

/** Renderers take only redacted results (no secret is registered here, so nothing else changes). */
function gate(rows: ScenarioResult[], overrides: Partial<GateResult> = {}): PublicResult {
  return new Redactor().redactValue(rawGate(rows, overrides));
}
