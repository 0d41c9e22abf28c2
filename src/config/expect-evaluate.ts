import type { FieldValue } from '../shared/fields.js';
import { compareDecimals, toDecimal } from '../shared/decimal.js';
import { Pattern } from '../shared/pattern.js';
import {
  referencedFields,
  type ComparisonOperator,
  type Condition,
  type Literal,
  type Operand,
} from './expect-parser.js';

/** A condition that could not be decided from the measured fields (e.g. an unknown SQL column). */
export class ExpectEvaluationError extends Error {
  override readonly name = 'ExpectEvaluationError';
}

/** Looks a field up; undefined means the probe (or the baseline) did not report it. */
export type FieldLookup = (field: string) => FieldValue | undefined;

type Value = FieldValue | Literal;

const EARLIER_RUN = /^(baseline|delta)\./;

/**
 * Decides a condition over measured fields; throws ExpectEvaluationError when it cannot. Every
 * field the condition names must be one the probe reported, checked before anything is decided:
 * a misspelt column is an error even in a branch `or` would skip and even behind `??`.
 */
export function evaluateCondition(condition: Condition, lookup: FieldLookup): boolean {
  for (const field of referencedFields(condition)) requireReported(field, lookup);
  return evaluate(condition, lookup);
}

function evaluate(condition: Condition, lookup: FieldLookup): boolean {
  switch (condition.type) {
    case 'or':
      return condition.terms.some((term) => evaluate(term, lookup));
    case 'and':
      return condition.terms.every((term) => evaluate(term, lookup));
    case 'not':
      return !evaluate(condition.operand, lookup);
    case 'truthy':
      return isTruthy(resolve(condition.operand, lookup));
    case 'compare': {
      const expected = 'against' in condition ? resolve(condition.against, lookup) : condition.value;
      return compare(resolve(condition.operand, lookup), condition.op, expected, condition.operand.field);
    }
  }
}

/** The map a `map.key` field belongs to, when the probe reported such a map (`headers`). */
function parentMap(field: string, lookup: FieldLookup): FieldValue | undefined {
  const dot = field.indexOf('.');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without a dot, slice(0, -1) names a field the caller then finds unreported all the same
  if (dot < 0) return undefined;
  const parent = lookup(field.slice(0, dot));
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent) ? parent : undefined;
}

/** Throws unless the current run reported `field` (for `baseline.x`/`delta.x`: reported `x`). */
function requireReported(field: string, lookup: FieldLookup): void {
  const current = field.replace(EARLIER_RUN, '');
  // An entry of a reported map (a response header) may be absent: the server chooses which it sends.
  if (lookup(current) !== undefined || parentMap(current, lookup) !== undefined) return;
  throw new ExpectEvaluationError(`the probe reported no field '${current}'`);
}

/**
 * A field's value. `??` stands in for `null` (a query that found no row), for an absent entry of
 * a reported map, and for a `baseline.`/`delta.` value the earlier run does not have; never for a
 * field the probe does not report, so a misspelt field cannot pass behind its fallback.
 */
function resolve(operand: Operand, lookup: FieldLookup): Value {
  const { field } = operand;
  const hasFallback = 'fallback' in operand;
  const value = lookup(field);
  if (value === null && hasFallback) return operand.fallback!;
  if (value !== undefined) return value;
  const earlier = EARLIER_RUN.exec(field)?.[1];
  const current = field.replace(EARLIER_RUN, '');
  // Stryker disable next-line ConditionalExpression: for a baseline. field or a map entry this line is reached only when lookup(`baseline.x`) or lookup(field) was undefined, so the other two terms are already false
  if (earlier === 'delta' && isPresent(lookup(current)) && isPresent(lookup(`baseline.${current}`))) {
    throw new ExpectEvaluationError(
      `'${field}' has no value: '${current}' is not a number in this run or in the baseline`,
    );
  }
  if (hasFallback) return operand.fallback!;
  if (earlier !== undefined) {
    throw new ExpectEvaluationError(
      `'${field}' has no value: there is no baseline, or it lacks that field (write '${field} ?? 0' for a default)`,
    );
  }
  // requireReported let the field through, so it is an absent entry of a reported map.
  const dot = field.indexOf('.');
  throw new ExpectEvaluationError(
    `'${field.slice(0, dot)}' has no entry '${field.slice(dot + 1)}' (write '${field} ?? ''' for a default)`,
  );
}

function isPresent(value: FieldValue | undefined): boolean {
  return value !== undefined && value !== null;
}

/** `false`, `null`, `0`, NaN, `''`, `'false'`, a decimal zero (`'0'`, `'0.00'`) and `[]` are false; the rest is true. */
export function isTruthy(value: Value): boolean {
  if (value === null || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'bigint') return value !== 0n;
  // Stryker disable next-line ConditionalExpression: what else reaches here (a map) is neither '' nor 'false' nor a decimal, so it is true either way
  if (typeof value === 'string') {
    if (value === '' || value === 'false') return false;
    const decimal = toDecimal(value);
    return decimal === undefined || decimal.digits !== 0n;
  }
  return true;
}

function compare(actual: Value, op: ComparisonOperator, expected: Value, field: string): boolean {
  switch (op) {
    case '==':
      return isEqual(actual, expected);
    case '!=':
      return !isEqual(actual, expected);
    case 'in':
      return (expected as Literal[]).some((item) => isEqual(actual, item));
    case 'contains':
      return contains(actual, expected);
    case 'matches':
      return matches(actual, expected as Pattern);
    default:
      return isOrdered(actual, op, expected, field);
  }
}

function isOrdered(actual: Value, op: ComparisonOperator, expected: Value, field: string): boolean {
  const order = compareNumbers(actual, expected);
  if (order === undefined) {
    const other = toDecimal(actual) === undefined ? '' : ` but compared with ${describeValue(expected)}`;
    throw new ExpectEvaluationError(
      `'${field}' is ${describeValue(actual)}${other}; '${op}' needs numbers on both sides`,
    );
  }
  if (op === '>') return order > 0;
  if (op === '>=') return order >= 0;
  if (op === '<') return order < 0;
  return order <= 0;
}

/** A list holds the value as an item (never as a substring of one); a map has it as a key; text has it as a substring. */
function contains(actual: Value, expected: Value): boolean {
  if (Array.isArray(actual)) return actual.some((item: Value) => isEqual(item, expected));
  if (actual === null || expected === null) return false;
  if (typeof actual === 'object' && !(actual instanceof Pattern))
    return Object.hasOwn(actual, scalarText(expected));
  return scalarText(actual).includes(scalarText(expected));
}

/** A list matches when one of its items does; null matches nothing. */
function matches(actual: Value, pattern: Pattern): boolean {
  if (actual === null) return false;
  if (Array.isArray(actual)) return actual.some((item: Value) => matches(item, pattern));
  return pattern.test(scalarText(actual));
}

/** Numbers compare as decimals, lists item by item, null only with null, the rest as text. */
function isEqual(actual: Value, expected: Value): boolean {
  if (expected === null || actual === null) return actual === expected;
  if (Array.isArray(actual) || Array.isArray(expected)) {
    if (!Array.isArray(actual) || !Array.isArray(expected) || actual.length !== expected.length) return false;
    return actual.every((item: Value, index) => isEqual(item, expected[index] as Value));
  }
  const order = compareNumbers(actual, expected);
  if (order !== undefined) return order === 0;
  return scalarText(actual) === scalarText(expected);
}

function scalarText(value: Value): string {
  // Stryker disable all: no caller passes null, a pattern or a list (contains, matches and isEqual handle them first); kept so the text of any Value stays defined
  if (value === null) return 'null';
  if (value instanceof Pattern) return value.source;
  if (Array.isArray(value)) return value.map((item: Value) => scalarText(item)).join(',');
  // Stryker restore all
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function describeValue(value: Value): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `'${scalarText(value)}'`;
}

/** Exact decimal comparison, so counts past 2^53 from bigint/numeric columns compare correctly; undefined unless both are numbers. */
export function compareNumbers(a: Value, b: Value): number | undefined {
  const left = toDecimal(a);
  const right = toDecimal(b);
  if (left === undefined || right === undefined) return undefined;
  return compareDecimals(left, right);
}
