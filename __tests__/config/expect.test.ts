import { describe, expect, it } from 'vitest';
import {
  compareNumbers,
  evaluateCondition,
  ExpectEvaluationError,
  ExpectSyntaxError,
  parseCondition,
  referencedFields,
} from '../../src/config/expect.js';
import type { Fields } from '../../src/probes/probe.js';

const holds = (text: string, fields: Fields): boolean =>
  evaluateCondition(parseCondition(text), (name) => (Object.hasOwn(fields, name) ? fields[name] : undefined));

describe('expect: parsing', () => {
  it('reads the operators of the contract', () => {
    expect(holds('conclusion == success', { conclusion: 'success' })).toBe(true);
    expect(holds("conclusion != 'failure'", { conclusion: 'success' })).toBe(true);
    expect(holds('n >= 1 and n < 10', { n: '9' })).toBe(true);
    expect(holds('status in [401, 403]', { status: 403 })).toBe(true);
    expect(holds('names contains web', { names: ['api', 'web'] })).toBe(true);
    expect(holds('body matches /ok|fine/i', { body: 'All OK' })).toBe(true);
    expect(holds('not ready', { ready: false })).toBe(true);
    expect(holds('(a == 1 or b == 1) and c == 1', { a: 0, b: 1, c: 1 })).toBe(true);
  });

  it('binds "and" tighter than "or"', () => {
    expect(holds('a == 1 or b == 1 and c == 1', { a: 1, b: 0, c: 0 })).toBe(true);
  });

  it('lists the fields a condition reads', () => {
    expect(referencedFields(parseCondition('failed == 0 and missing == 0 and passed > 0'))).toEqual([
      'failed',
      'missing',
      'passed',
    ]);
  });

  it.each([
    ['n = 1', "use '==' to compare, not '='", 2],
    ['n >=', "expected a value but found 'end of condition'", 4],
    ['n == 1 and', "expected a field name but found 'end of condition'", 10],
    ["name == 'open", 'unterminated string starting with', 8],
    ['(n == 1', "expected ')' but found 'end of condition'", 7],
    ['n == 1 n == 2', "unexpected 'n'; expected 'and', 'or' or the end", 7],
    ['status in 401', "'in' needs a list", 7],
    ['body matches /(/', 'invalid regular expression: missing closing )', 14],
  ])('rejects %j with a message and the column', (text, message, column) => {
    const error = (() => {
      try {
        parseCondition(text);
      } catch (caught) {
        return caught;
      }
      throw new Error('parsed');
    })() as ExpectSyntaxError;
    expect(error).toBeInstanceOf(ExpectSyntaxError);
    expect(error.message).toContain(message);
    expect(error.column).toBe(column);
  });

  it('never evaluates text as code', () => {
    expect(() => parseCondition('process.exit(1)')).toThrow(ExpectSyntaxError);
    expect(holds("n == 'constructor'", { n: 'x' })).toBe(false);
  });
});

describe('expect: evaluation', () => {
  it('compares counts past 2^53 exactly', () => {
    expect(holds('n > 9007199254740992', { n: '9007199254740993' })).toBe(true);
    expect(holds('n == 9007199254740993', { n: '9007199254740992' })).toBe(false);
    expect(compareNumbers('-0.5', '0.25')).toBe(-1);
    expect(compareNumbers(10n, '10.0')).toBe(0);
  });

  it('is an evaluation error, not a pass, when a field is missing', () => {
    expect(() => holds('stuck == 0', { n: 1 })).toThrow(ExpectEvaluationError);
    expect(() => holds('stuck == 0', { n: 1 })).toThrow("the probe reported no field 'stuck'");
  });

  it('uses a fallback only when the baseline lacks the field', () => {
    expect(holds('baseline.failed ?? 0 == 0', { failed: 1 })).toBe(true);
    expect(holds('baseline.failed ?? 0 == 0', { failed: 1, 'baseline.failed': 2 })).toBe(false);
  });

  it('refuses to order non-numbers', () => {
    expect(() => holds('conclusion > 1', { conclusion: 'success' })).toThrow('needs numbers on both sides');
  });

  it('treats null as null, not as zero', () => {
    expect(holds('n == null', { n: null })).toBe(true);
    expect(holds('n == 0', { n: null })).toBe(false);
  });
});
