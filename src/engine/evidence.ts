import { referencedFields, type Condition } from '../config/expect.js';
import type { Check, Scenario } from '../config/model.js';
import { describeChange } from '../baseline/compare.js';
import type { FieldValue, Fields } from '../shared/fields.js';
import type { CheckResult, CheckStatus, EvidencePart } from './results.js';

/** Longest value kept in an Evidence cell; the JSON report keeps the fields whole. */
export const MAX_VALUE_LENGTH = 300;

/** A field value as a person reads it (lists joined, objects as JSON, long values shortened). */
export function formatValue(value: FieldValue | undefined): string {
  let text: string;
  if (value === undefined) text = '(none)';
  else if (value === null) text = 'null';
  else if (Array.isArray(value)) text = value.length === 0 ? '(empty)' : value.join(', ');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/** Looks up `a.b` paths in fields, so `headers.content-type`-like nested maps stay reachable. */
export function lookupField(fields: Fields, name: string): FieldValue | undefined {
  if (Object.hasOwn(fields, name)) return fields[name];
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const parent = fields[name.slice(0, dot)];
  if (parent && typeof parent === 'object' && !Array.isArray(parent)) {
    const key = name.slice(dot + 1);
    const map = parent as Record<string, string>;
    return Object.hasOwn(map, key) ? map[key] : undefined;
  }
  return undefined;
}

/** A value part, with its change since the baseline when both are numbers. */
function valuePart(fields: Fields, name: string, previous: Fields | undefined): EvidencePart {
  const current = lookupField(fields, name);
  const change = previous ? describeChange(current, lookupField(previous, name)) : undefined;
  return change === undefined ? { value: formatValue(current) } : { value: formatValue(current), change };
}

/** Fills `{{field}}` in the author's template; the author's text stays Markdown, values are marked untrusted. */
export function renderTemplate(template: string, fields: Fields, previous?: Fields): EvidencePart[] {
  const parts: EvidencePart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g)) {
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push(valuePart(fields, match[1]!, previous));
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** `name=value, …` for the fields a condition reads: the measured values beside the threshold. */
export function measuredParts(condition: Condition, fields: Fields, previous?: Fields): EvidencePart[] {
  const parts: EvidencePart[] = [];
  const names = referencedFields(condition).filter((name) => !/^(baseline|delta)\./.test(name));
  for (const [index, name] of names.entries()) {
    parts.push({ text: `${index > 0 ? ', ' : ''}${name}=` }, valuePart(fields, name, previous));
  }
  return parts;
}

/** The Evidence of one check: its template or its measured values, plus what was expected when it did not pass. */
export function checkEvidence(
  check: Check,
  status: CheckStatus,
  fields: Fields,
  error: string | undefined,
  previous?: Fields,
  failureFields: readonly string[] = [],
  noteFields: readonly string[] = [],
): EvidencePart[] {
  if (status === 'error') {
    return [{ text: `${check.name ? `${check.name}: ` : ''}error: ` }, { value: error ?? 'unknown error' }];
  }
  const parts = check.evidence
    ? renderTemplate(check.evidence, fields, previous)
    : measuredParts(check.expect, fields, previous);
  if (status === 'warn')
    parts.push({ text: '; warn ' }, { value: check.warnText ?? '' }, { text: ' does not hold' });
  if (status === 'fail') {
    const measured = check.evidence
      ? [{ text: ' (' }, ...measuredParts(check.expect, fields, previous), { text: ')' }]
      : [];
    parts.push(...measured, { text: `, expected ` }, { value: check.expectText });
    parts.push(...fieldParts(fields, failureFields));
  }
  // A pass can carry something the reader must still see (a test that passed only on a retry),
  // unless the author's template already shows it.
  const notes = noteFields.filter((name) => !check.evidence?.includes(`{{${name}`));
  parts.push(...fieldParts(fields, notes));
  return parts;
}

/** `; name: value` for each field that says something: an empty list or no output adds nothing. */
function fieldParts(fields: Fields, names: readonly string[]): EvidencePart[] {
  const parts: EvidencePart[] = [];
  for (const name of names) {
    const value = lookupField(fields, name);
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    parts.push({ text: `; ${name}: ` }, { value: formatValue(value) });
  }
  return parts;
}

/** A scenario's Evidence cell: the author's override, else its checks' evidence joined with `; `. */
export function scenarioEvidence(scenario: Scenario, checks: readonly CheckResult[]): EvidencePart[] {
  const failing = checks.filter((check) => check.status !== 'pass');
  // An override reads well when all is fine; when something is wrong, the reader needs the measurements.
  if (scenario.evidence !== undefined && failing.length === 0) return [{ text: scenario.evidence }];
  const parts: EvidencePart[] = [];
  for (const [index, check] of checks.entries()) {
    if (index > 0) parts.push({ text: '; ' });
    parts.push(...check.evidence);
  }
  return parts;
}

/** Evidence as plain text (terminal, JSON, logs). */
export function evidenceText(parts: readonly EvidencePart[]): string {
  return parts
    .map((part) => ('text' in part ? part.text : part.change ? `${part.value} (${part.change})` : part.value))
    .join('');
}
