import { formatDecimal, subtractDecimals, toDecimal } from '../shared/decimal.js';
import type { FieldValue, Fields } from '../shared/fields.js';
import type { BaselineReport } from './report-schema.js';

/** What one earlier run measured, indexed for comparison by stable ids. */
export interface Baseline {
  /** Where it came from (a path, or `run 123 (artifact regression-gate)`). */
  source: string;
  decision: 'go' | 'no-go';
  finishedAt: string;
  checks: Map<string, Fields>;
  scenarios: Map<string, 'pass' | 'warn' | 'fail' | 'error' | 'waived'>;
}

/** Indexes a parsed report by check and scenario id. */
export function indexBaseline(report: BaselineReport, source: string): Baseline {
  const checks = new Map<string, Fields>();
  const scenarios = new Map<string, 'pass' | 'warn' | 'fail' | 'error' | 'waived'>();
  for (const row of [...report.preconditions, ...report.scenarios]) {
    scenarios.set(row.id, row.checkStatus === 'pass' ? 'pass' : row.status);
    for (const check of row.checks) checks.set(check.id, check.fields);
  }
  return { source, decision: report.decision, finishedAt: report.finishedAt, checks, scenarios };
}

/** `+3`, `-2`, `=` for two numeric values, undefined when either is not a number. */
export function describeChange(
  current: FieldValue | undefined,
  previous: FieldValue | undefined,
): string | undefined {
  const delta = numericDelta(current, previous);
  if (delta === undefined) return undefined;
  if (delta === '0') return '=';
  return delta.startsWith('-') ? delta : `+${delta}`;
}

/** current - previous as an exact decimal string, undefined unless both are numbers. */
export function numericDelta(
  current: FieldValue | undefined,
  previous: FieldValue | undefined,
): string | undefined {
  if (current === undefined || previous === undefined) return undefined;
  const a = toDecimal(current);
  const b = toDecimal(previous);
  if (!a || !b) return undefined;
  return formatDecimal(subtractDecimals(a, b));
}

/**
 * Resolves `baseline.FIELD` and `delta.FIELD` in conditions. Undefined (so `??` can supply a
 * fallback, or the check errors) when there is no baseline or it lacks the field.
 */
export function baselineLookup(
  name: string,
  current: Fields,
  previous: Fields | undefined,
  lookup: (fields: Fields, name: string) => FieldValue | undefined,
): FieldValue | undefined {
  if (name.startsWith('baseline.'))
    return previous ? lookup(previous, name.slice('baseline.'.length)) : undefined;
  if (name.startsWith('delta.')) {
    const field = name.slice('delta.'.length);
    return previous ? numericDelta(lookup(current, field), lookup(previous, field)) : undefined;
  }
  return lookup(current, name);
}
