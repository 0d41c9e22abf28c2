// The merge checks bundle rows by hand (bundle-rows.ts) instead of with the zod row schema: every
// field the schema requires still rejects the bundle, and the problem names the field as zod did.
import { describe, expect, it } from 'vitest';
import { parseBundleDocument } from '../../src/baseline/bundle-document.js';
import { shardBundleText } from '../support/bundles.js';
import { gateResult } from '../support/results.js';

const good = (): Record<string, unknown> =>
  JSON.parse(shardBundleText(gateResult(), undefined)) as Record<string, unknown>;

/** A row as JSON: any member may be rewritten. */
interface Row {
  [key: string]: unknown;
  checks: Record<string, unknown>[];
}

type Edit = [path: string, change: (row: Row) => void];

const EDITS: Edit[] = [
  ['id', (row) => (row.id = 1)],
  ['name', (row) => delete row.name],
  ['priority', (row) => (row.priority = 'P9')],
  ['status', (row) => (row.status = 'ok')],
  ['checkStatus', (row) => (row.checkStatus = 'waived')],
  ['regression', (row) => (row.regression = null)],
  ['evidence_text', (row) => delete row.evidence_text],
  ['line', (row) => delete row.line],
  ['environment', (row) => (row.environment = 3)],
  ['evidence', (row) => (row.evidence = [{ value: 1 }])],
  ['evidence', (row) => (row.evidence = [{ value: 'v', change: 2 }])],
  ['waiver', (row) => (row.waiver = { reason: 'r', until: 'u', active: 'yes' })],
  ['checks.0.status', (row) => (row.checks[0]!.status = 'waived')],
  ['checks.0.fields', (row) => (row.checks[0]!.fields = { a: [1] })],
  ['checks.0.fields', (row) => (row.checks[0]!.fields = { a: { b: 2 } })],
  ['checks.0.reproduce', (row) => delete row.checks[0]!.reproduce],
  ['checks.0.line', (row) => (row.checks[0]!.line = '3')],
  ['checks.0.source', (row) => (row.checks[0]!.source = null)],
  ['checks.0.durationMs', (row) => delete row.checks[0]!.durationMs],
  ['checks', (row) => ((row as Record<string, unknown>).checks = {})],
];

describe('bundle rows checked by hand', () => {
  it('a good bundle is read', () => {
    expect(parseBundleDocument(JSON.stringify(good()))).toHaveProperty('document');
  });

  for (const [path, change] of EDITS) {
    it(`a row with a bad ${path} is refused, the problem naming it`, () => {
      const bundle = good();
      const rows = bundle.scenarios as Row[];
      expect(rows[0]!.checks.length).toBeGreaterThan(0);
      change(rows[0]!);
      const parsed = parseBundleDocument(JSON.stringify(bundle));
      expect(parsed).toHaveProperty('problem');
      expect((parsed as { problem: string }).problem).toContain(`(scenarios.0.${path}`);
    });
  }

  it('unknown keys are kept, as before', () => {
    const bundle = good();
    (bundle.scenarios as Record<string, unknown>[])[0]!.extra = { any: 'thing' };
    expect(parseBundleDocument(JSON.stringify(bundle))).toHaveProperty('document');
  });
});
