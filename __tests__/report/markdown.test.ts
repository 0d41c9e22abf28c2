import { describe, expect, it } from 'vitest';
import type { GateResult, ScenarioResult } from '../../src/engine/results.js';
import { escapeMarkdown, renderEvidenceCell, stripControl } from '../../src/report/escape.js';
import { CHECK_RUN_LIMIT_BYTES, renderMarkdown, shortTitle } from '../../src/report/markdown.js';
import { Redactor } from '../../src/report/redact.js';
import { bundleJson, frontMatter } from '../../src/report/bundle.js';

function row(
  name: string,
  status: ScenarioResult['status'],
  evidence: ScenarioResult['evidence'],
  priority: ScenarioResult['priority'] = 'P0',
): ScenarioResult {
  return {
    id: name,
    name,
    priority,
    status,
    checkStatus: status === 'waived' ? 'fail' : status,
    checks: [],
    evidence,
    line: 3,
  };
}

function result(overrides: Partial<GateResult> = {}): GateResult {
  return {
    tool: { name: 'regression-gate', version: '0.1.0' },
    file: '.github/regression-gate.yml',
    gate: {
      id: 'REG-1',
      title: 'Sprint S2 Regression Gate (staging)',
      ownerRole: 'QA',
      relatedIssues: [19],
      relatedPrs: [20, 22],
      language: 'en',
      risks: [],
    },
    startedAt: '2026-02-13T10:00:00.000Z',
    finishedAt: '2026-02-13T10:00:05.000Z',
    durationMs: 5000,
    preconditions: [],
    scenarios: [
      row('`run:dev` -> run -> job -> PR', 'pass', [
        { text: '`agent_runs`: `run:dev succeeded=' },
        { value: '9' },
        { text: '`' },
      ]),
    ],
    decision: 'go',
    basis: [{ kind: 'all-passed', preconditions: 0, p0: 1 }],
    residualRisks: [],
    counts: { passed: 1, failed: 0, errors: 0, waived: 0, total: 1 },
    warnings: [],
    ...overrides,
  };
}

describe('markdown report', () => {
  it('renders the seed-shaped table, the decision and the basis', () => {
    const markdown = renderMarkdown(result());
    expect(markdown).toContain(
      [
        '## Regression matrix',
        '',
        '| Scenario | Evidence | Result |',
        '|---|---|---|',
        '| `run:dev` -> run -> job -> PR | `agent_runs`: `run:dev succeeded=9` | ✅ pass |',
        '',
        '## Go/No-Go',
        '',
        '- Decision: **Go**',
        '- Basis: the P0 scenario passes',
        '',
        '## Residual risks / follow-ups',
        '',
        '- none',
      ].join('\n'),
    );
    expect(markdown.startsWith('# ✅ Go — Sprint S2 Regression Gate (staging)\n')).toBe(true);
  });

  it("uses the seed's Russian headings with language: ru", () => {
    const markdown = renderMarkdown(result({ gate: { ...result().gate, language: 'ru' } }));
    expect(markdown).toContain('| Сценарий | Evidence | Результат |');
    expect(markdown).toContain('- Решение: **Go**');
    expect(markdown).toContain('<summary>Команды проверки</summary>');
  });

  it('renders hostile values inert: no table break, no HTML, no link, no mention, no code escape', () => {
    const hostile = 'x | y\n<script>alert(1)</script> [click](https://evil.example) @octocat `code` **bold**';
    const cell = renderEvidenceCell([
      { text: 'outside: ' },
      { value: hostile },
      { text: ' inside: `' },
      { value: hostile },
      { text: '`' },
    ]);
    expect(cell).toBe(
      'outside: x \\| y &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[click\\]\\(https\\://evil.example\\) `@`octocat \\`code\\` \\*\\*bold\\*\\*' +
        ' inside: ``x \\| y <script>alert(1)</script> [click](https://evil.example) @octocat `code` **bold**``',
    );
    expect(cell).not.toContain('\n');
  });

  it('strips ANSI escapes and control characters', () => {
    expect(stripControl('\u001b[31mred\u001b[0m\u0007 ok')).toBe('red ok');
    expect(escapeMarkdown('a\u0000b')).toBe('ab');
  });

  it('fits the check-run limit by dropping passing rows first, keeping the decision and the failures', () => {
    const many = Array.from({ length: 2000 }, (_, index) =>
      row(`scenario ${index}`, 'pass', [{ value: 'x'.repeat(60) }]),
    );
    const failing = row('the one that failed', 'fail', [{ text: 'stuck=' }, { value: '1' }]);
    const big = result({
      scenarios: [...many, failing],
      decision: 'no-go',
      basis: [{ kind: 'p0-not-passed', name: 'the one that failed', status: 'fail' }],
    });
    const markdown = renderMarkdown(big, {
      maxBytes: CHECK_RUN_LIMIT_BYTES,
      fullReport: 'gate-report/REG-1.md',
    });
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(CHECK_RUN_LIMIT_BYTES);
    expect(markdown).toContain('# ❌ No-Go');
    // The failure comes first, then as many passing rows as fit; the notice counts the rest exactly.
    expect(markdown).toContain(
      '|---|---|---|\n| the one that failed | stuck=1 | ❌ **fail** |\n| scenario 0 |',
    );
    const shownPassing = markdown.split('\n').filter((line) => /^\| scenario \d+ \|/.test(line)).length;
    expect(shownPassing).toBeGreaterThan(500);
    expect(markdown).toContain(
      `> [!NOTE]\n> Shortened to fit GitHub's limit of 65,535 bytes. Left out: ${2000 - shownPassing} of 2000 passing rows and the commands to reproduce. Every row is in the full report, \`gate-report/REG-1.md\` in the report bundle, and in the job's log.`,
    );
  });

  it('titles the check run with counts', () => {
    expect(shortTitle(result())).toBe('Go — 1/1 scenarios pass');
    const noGo = result({
      decision: 'no-go',
      basis: [
        { kind: 'precondition-not-passed', name: 'Deploy', status: 'fail' },
        { kind: 'p0-not-passed', name: 'A', status: 'fail' },
        { kind: 'p0-not-passed', name: 'B', status: 'fail' },
        { kind: 'p0-not-passed', name: 'C', status: 'error' },
      ],
    });
    expect(shortTitle(noGo)).toBe(
      'No-Go — 1 precondition not met, 2 P0 scenarios failed, 1 P0 scenario could not be checked',
    );
  });
});

describe('bundle', () => {
  it("writes front matter like the seed's", () => {
    expect(frontMatter(new Redactor().redactValue(result()))).toBe(
      [
        '---',
        'doc_id: "REG-1"',
        'type: regression',
        'title: "Sprint S2 Regression Gate (staging)"',
        'status: completed',
        'owner_role: "QA"',
        'created_at: 2026-02-13',
        'updated_at: 2026-02-13',
        'related_issues: [19]',
        'related_prs: [20, 22]',
        'decision: go',
        'generated_by: "regression-gate@0.1.0"',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('keeps bigint fields exact in JSON', () => {
    const withBig = result();
    withBig.scenarios[0]!.checks = [
      {
        id: 'c',
        kind: 'postgres',
        status: 'pass',
        fields: { n: 9007199254740993n },
        expect: 'n > 0',
        evidence: [],
        reproduce: '',
        target: '',
        attempts: 1,
        startedAt: '',
        durationMs: 1,
        line: 1,
      },
    ];
    expect(bundleJson(new Redactor().redactValue(withBig))).toContain('"n": "9007199254740993"');
  });
});

describe('redaction', () => {
  it('masks registered secrets, their URL-encoded form and URL passwords nobody registered', () => {
    const redactor = new Redactor();
    redactor.add('p@ss/word!');
    expect(redactor.redact('a p@ss/word! b p%40ss%2Fword! c postgres://u:other-secret@db:5432/x')).toBe(
      'a *** b *** c postgres://u:***@db:5432/x',
    );
  });
});

describe('the basis of a Go, said as a person would (issue 15 item 5)', () => {
  it.each([
    [0, 0, 'there are no preconditions and no P0 scenarios'],
    [0, 1, 'the P0 scenario passes'],
    [0, 7, 'all 7 P0 scenarios pass'],
    [1, 1, 'the precondition is met and the P0 scenario passes'],
    [2, 1, 'all 2 preconditions are met and the P0 scenario passes'],
    [3, 0, 'all 3 preconditions are met; there are no P0 scenarios'],
  ])('en: %i preconditions, %i P0', (preconditions, p0, text) => {
    const markdown = renderMarkdown(result({ basis: [{ kind: 'all-passed', preconditions, p0 }] }));
    expect(markdown).toContain(`- Basis: ${text}\n`);
    expect(markdown).not.toContain('all 0');
  });

  it.each([
    [0, 1, 'P0-сценарий пройден'],
    [0, 3, 'все 3 P0-сценария пройдены'],
    [0, 11, 'все 11 P0-сценариев пройдены'],
    [1, 21, 'предусловие выполнено, все 21 P0-сценарий пройдены'],
    [5, 0, 'все 5 предусловий выполнены, P0-сценариев нет'],
    [0, 0, 'нет ни предусловий, ни P0-сценариев'],
  ])('ru: %i preconditions, %i P0', (preconditions, p0, text) => {
    const gate = { ...result().gate, language: 'ru' as const };
    const markdown = renderMarkdown(result({ gate, basis: [{ kind: 'all-passed', preconditions, p0 }] }));
    expect(markdown).toContain(`- Основание: ${text}\n`);
  });
});
