// The rows of a bundle `merge` reads, checked by hand: the same shape as the merge's zod row schema
// (bundle-document.ts), which stays the reference and explains a rejected row, at a fraction of the
// cost — a merge of 50 bundles checks tens of thousands of rows and checks. Unknown keys are
// allowed, as zod's looseObject allows them; an optional key may be absent but not null.

type Value = Record<string, unknown>;

const ROW_STATUS = new Set(['pass', 'warn', 'fail', 'error', 'waived']);
const CHECK_STATUS = new Set(['pass', 'warn', 'fail', 'error']);
const PRIORITY = new Set(['P0', 'P1', 'P2']);
const REGRESSION = new Set(['new', 'known']);

/** A plain (non-array) object: what zod's object and record schemas accept. */
export function isRecord(value: unknown): value is Value {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): boolean => typeof value === 'string';
const isNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, check: (item: unknown) => boolean): boolean =>
  value === undefined || check(value);
const oneOf =
  (allowed: ReadonlySet<string>) =>
  (value: unknown): boolean =>
    typeof value === 'string' && allowed.has(value);

/** As `z.union([{ text: string }, { value: string, change?: string }])` per item. */
export function isEvidenceList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const part of value) {
    if (!isRecord(part)) return false;
    if (typeof part.text === 'string') continue;
    if (typeof part.value !== 'string') return false;
    if (!optional(part.change, isString)) return false;
  }
  return true;
}

/** As `z.record(z.string(), fieldValue)` of the report schema. */
export function isFieldRecord(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === null || typeof item === 'string' || typeof item === 'boolean' || isNumber(item)) continue;
    if (Array.isArray(item)) {
      if (item.every(isString)) continue;
      return false;
    }
    if (!isRecord(item) || !Object.values(item).every(isString)) return false;
  }
  return true;
}

function isCheck(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.kind) &&
    optional(value.source, isString) &&
    oneOf(CHECK_STATUS)(value.status) &&
    isFieldRecord(value.fields) &&
    optional(value.error, isString) &&
    isString(value.expect) &&
    isNumber(value.durationMs) &&
    isNumber(value.attempts) &&
    isEvidenceList(value.evidence) &&
    isString(value.reproduce) &&
    isString(value.target) &&
    isString(value.startedAt) &&
    isNumber(value.line)
  );
}

function isWaiver(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.reason) &&
    isString(value.until) &&
    optional(value.issue, isNumber) &&
    typeof value.active === 'boolean'
  );
}

/** A precondition or scenario row of a bundle, as the merge's row schema accepts it. */
export function isMergeRow(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.name) &&
    oneOf(PRIORITY)(value.priority) &&
    oneOf(ROW_STATUS)(value.status) &&
    oneOf(CHECK_STATUS)(value.checkStatus) &&
    optional(value.regression, oneOf(REGRESSION)) &&
    Array.isArray(value.checks) &&
    value.checks.every(isCheck) &&
    isString(value.evidence_text) &&
    isNumber(value.line) &&
    optional(value.environment, isString) &&
    isEvidenceList(value.evidence) &&
    optional(value.waiver, isWaiver)
  );
}
