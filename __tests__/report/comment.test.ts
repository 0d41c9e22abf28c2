import { describe, expect, it } from 'vitest';
import { buildTrend } from '../../src/baseline/trend.js';
import { commentMarker } from '../../src/github/comments.js';
import { COMMENT_LIMIT_CHARS, renderComment } from '../../src/report/comment.js';
import { Redactor } from '../../src/report/redact.js';
import { renderTrend } from '../../src/report/trend.js';
import { gateResult, scenarioRow } from '../support/results.js';

const redactor = new Redactor();

describe('the pull-request comment', () => {
  it('keeps within GitHub’s 65,536 characters with every row it can, and points to the check run for the rest', () => {
    const long = 'x'.repeat(400);
    const scenarios = Array.from({ length: 400 }, (_, index) =>
      scenarioRow(`Scenario ${index}`, 'fail', { evidence: [{ text: 'value ' }, { value: long }] }),
    );
    const result = redactor.redactValue(gateResult({ scenarios, decision: 'no-go' }));
    const body = renderComment(result, {
      marker: commentMarker('REG-1', 'staging'),
      checkRunUrl: 'https://github.com/acme/platform/runs/5',
      runUrl: 'https://github.com/acme/platform/actions/runs/9',
    });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS);
    const shown = body.split('\n').filter((line) => /^\| Scenario \d/.test(line)).length;
    expect(shown).toBeGreaterThan(100);
    expect(body).toContain(
      `> ${400 - shown} more rows did not pass; they are in [the check run](https://github.com/acme/platform/runs/5) and the job summary`,
    );
    expect(
      body
        .trimEnd()
        .endsWith(
          '[Check run](https://github.com/acme/platform/runs/5) · [Workflow run](https://github.com/acme/platform/actions/runs/9)',
        ),
    ).toBe(true);
  });

  it('names what changed since the baseline', () => {
    const fresh = { ...scenarioRow('Payments', 'fail'), regression: 'new' as const };
    const known = { ...scenarioRow('Search', 'fail'), regression: 'known' as const };
    const result = redactor.redactValue(
      gateResult({
        scenarios: [fresh, known, scenarioRow('Login', 'pass')],
        decision: 'no-go',
        baseline: {
          source: 'run 102 (artifact regression-gate)',
          decision: 'go',
          finishedAt: '2026-02-11T10:00:00Z',
        },
      }),
    );
    expect(renderComment(result)).toContain(
      '**Since the baseline** (run 102 \\(artifact regression-gate\\), Go): new since then: "Payments"; 1 failed there too.',
    );
  });

  it('cannot be closed early or forged by a gate id or environment', () => {
    expect(commentMarker('a-->b', 'x:y')).toBe('<!-- regression-gate:a%2D%2D%3Eb:x%3Ay -->');
  });
});

describe('the trend', () => {
  const runs = [
    {
      id: 3,
      url: 'https://github.com/a/b/actions/runs/3',
      rows: [{ id: 'a', name: 'A', status: 'pass' as const }],
    },
    {
      id: 2,
      url: 'https://github.com/a/b/actions/runs/2',
      rows: [{ id: 'a', name: 'A', status: 'fail' as const }],
    },
    {
      id: 1,
      url: 'https://github.com/a/b/actions/runs/1',
      rows: [{ id: 'a', name: 'A', status: 'fail' as const }],
    },
  ];

  it('marks flips as flaky only when a row went both ways more than once', () => {
    const newlyFailing = buildTrend(
      { rows: [{ id: 'a', name: 'A', status: 'fail' }], id: 4 },
      [runs[0]!],
      1,
      0,
    );
    expect(newlyFailing.scenarios[0]).toMatchObject({
      flaky: false,
      failingSince: { runId: 4, atLeast: false },
    });
    const flaky = buildTrend({ rows: [{ id: 'a', name: 'A', status: 'fail' }], id: 4 }, runs, 3, 0);
    expect(flaky.scenarios[0]).toMatchObject({ statuses: ['fail', 'fail', 'pass', 'fail'], flaky: true });
  });

  it('says "at least" when the failing streak reaches the oldest run read', () => {
    const failing = buildTrend(
      { rows: [{ id: 'a', name: 'A', status: 'error' }], id: 4 },
      runs.slice(1),
      2,
      0,
    );
    expect(renderTrend(redactor.redactValue(failing))).toContain(
      '| A | ❌❌⚠️ | failing since at least [run 1](https://github.com/a/b/actions/runs/1) |',
    );
  });

  it('shows a row missing from an older run as absent, and does not count it as a flip', () => {
    const trend = buildTrend({ rows: [{ id: 'b', name: 'B', status: 'pass' }] }, runs, 3, 0);
    expect(trend.scenarios[0]).toMatchObject({
      statuses: ['absent', 'absent', 'absent', 'pass'],
      flaky: false,
    });
    expect(trend.scenarios[0]!.failingSince).toBeUndefined();
  });
});

describe('the comment shown in the docs', () => {
  it('is what the renderer writes (docs/github.md as source, README.md as it renders)', async () => {
    const { readFile } = await import('node:fs/promises');
    const { sampleComment } = await import('../support/comment-sample.js');
    const source = sampleComment().trimEnd();
    expect(await readFile('docs/github.md', 'utf8')).toContain(`\`\`\`text\n${source}\n\`\`\``);
    const quoted = source
      .split('\n')
      .slice(1)
      .map((line) => (line ? `> ${line}` : '>'))
      .join('\n');
    expect(await readFile('README.md', 'utf8')).toContain(quoted);
  });
});
