// The comment shown in README.md and docs/github.md, built from a fixed result and trend, so the
// docs are checked against what the renderer really writes.
import { buildTrend, type TrendRow } from '../../src/baseline/trend.js';
import { commentMarker } from '../../src/github/comments.js';
import { renderComment } from '../../src/report/comment.js';
import { Redactor } from '../../src/report/redact.js';
import { gateResult, scenarioRow } from './results.js';

const runUrl = (id: number): string => `https://github.com/acme/shop/actions/runs/${id}`;

/** The documented comment's Markdown source. */
export function sampleComment(): string {
  const redactor = new Redactor();
  const payments = {
    ...scenarioRow('Checkout charges the card', 'fail', {
      evidence: [{ text: '`payment_errors=' }, { value: '3', change: '+3' }, { text: '`' }],
    }),
    regression: 'new' as const,
  };
  const search = scenarioRow('Search answers within 300 ms', 'error', {
    priority: 'P1',
    evidence: [{ text: 'error: GET https://staging.shop.example.com/search: timed out after 20s' }],
  });
  const result = redactor.redactValue(
    gateResult({
      gate: {
        id: 'WEB-SHOP-STAGING',
        title: 'Shop web service after deploy (staging)',
        environment: 'staging',
        relatedIssues: [],
        relatedPrs: [],
        language: 'en',
        risks: [],
      },
      scenarios: [scenarioRow('Login works', 'pass'), payments, search],
      decision: 'no-go',
      basis: [{ kind: 'p0-not-passed', name: 'Checkout charges the card', status: 'fail' }],
      counts: { passed: 1, failed: 1, errors: 1, waived: 0, total: 3 },
      baseline: {
        source: 'run 21985095500 (artifact regression-gate)',
        decision: 'go',
        finishedAt: '2026-03-04T10:00:00Z',
      },
    }),
  );
  const rows = (login: TrendRow['status'], pay: TrendRow['status'], find: TrendRow['status']): TrendRow[] => [
    { id: 'login-works', name: 'Login works', status: login },
    { id: 'checkout-charges-the-card', name: 'Checkout charges the card', status: pay },
    { id: 'search-answers-within-300-ms', name: 'Search answers within 300 ms', status: find },
  ];
  const earlier = [
    { id: 21985095590, url: runUrl(21985095590), rows: rows('pass', 'pass', 'error') },
    { id: 21985095580, url: runUrl(21985095580), rows: rows('pass', 'pass', 'pass') },
    { id: 21985095570, url: runUrl(21985095570), rows: rows('fail', 'pass', 'error') },
    { id: 21985095560, url: runUrl(21985095560), rows: rows('pass', 'pass', 'pass') },
  ];
  const history = redactor.redactValue(
    buildTrend({ rows: [...result.scenarios], id: 21985095600, url: runUrl(21985095600) }, earlier, 5, 1),
  );
  return renderComment(result, {
    marker: commentMarker('WEB-SHOP-STAGING', 'staging'),
    checkRunUrl: 'https://github.com/acme/shop/runs/40123456789',
    runUrl: runUrl(21985095600),
    history,
  });
}
