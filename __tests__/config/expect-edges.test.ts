// Edges of the expect language that a mutant of the parser or evaluator would move: fallbacks that
// must not stand in for a missing field, null against the text 'null', reserved words, field-name
// shape, nesting that is only sequential. Each is the exact result or error a gate author sees.
import { describe, expect, it } from 'vitest';
import {
  evaluateCondition,
  ExpectEvaluationError,
  ExpectSyntaxError,
  parseCondition,
  referencedFields,
} from '../../src/config/expect.js';
import type { FieldValue, Fields } from '../../src/probes/probe.js';

const lookupIn =
  (fields: Fields) =>
  (name: string): FieldValue | undefined => {
    if (Object.hasOwn(fields, name)) return fields[name];
    const dot = name.indexOf('.');
    const parent = dot < 0 ? undefined : fields[name.slice(0, dot)];
    if (parent && typeof parent === 'object' && !Array.isArray(parent)) {
      const map = parent as Record<string, string>;
      return Object.hasOwn(map, name.slice(dot + 1)) ? map[name.slice(dot + 1)] : undefined;
    }
    return undefined;
  };
const holds = (text: string, fields: Fields): boolean =>
  evaluateCondition(parseCondition(text), lookupIn(fields));
const failure = (text: string, fields: Fields): string => {
  try {
    holds(text, fields);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpectEvaluationError);
    expect((error as Error).name).toBe('ExpectEvaluationError');
    return (error as Error).message;
  }
  throw new Error(`'${text}' was decided`);
};
const syntaxError = (text: string): [string, number] => {
  try {
    parseCondition(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpectSyntaxError);
    expect((error as Error).name).toBe('ExpectSyntaxError');
    return [(error as ExpectSyntaxError).message, (error as ExpectSyntaxError).column];
  }
  throw new Error(`'${text}' parsed`);
};

describe('expect: ?? never stands in for a field the probe did not report', () => {
  it.each<[string, FieldValue]>([
    ['a number', 200],
    ['a list', ['a']],
    ['null', null],
    ['text', 'x'],
  ])('an entry of a field that is %s is not reported, fallback or not', (_what, value) => {
    expect(failure('f.k ?? 1 == 1', { f: value })).toBe("the probe reported no field 'f.k'");
    expect(failure('f.k == 1', { f: value })).toBe("the probe reported no field 'f.k'");
  });

  it("under 'not', too: 'not (x ?? false)' is an error, not true", () => {
    expect(failure('not (x ?? false)', { y: 1 })).toBe("the probe reported no field 'x'");
    expect(referencedFields(parseCondition('not a and not (b ?? 0) or c <= baseline.d'))).toEqual([
      'a',
      'b',
      'c',
      'baseline.d',
    ]);
  });

  it('uses the fallback for a baseline or delta the earlier run lacks, whatever this run has', () => {
    expect(holds('baseline.x ?? 0 == 0', { x: 5 })).toBe(true);
    expect(holds('delta.x ?? 0 == 0', { x: 5 })).toBe(true);
    expect(holds('delta.x ?? 0 == 0', { x: null, 'baseline.x': 1 })).toBe(true);
    expect(holds('delta.x ?? 0 == 0', { x: 1, 'baseline.x': null })).toBe(true);
    expect(failure('delta.x ?? 0 == 0', { x: 'a', 'baseline.x': 'b' })).toBe(
      "'delta.x' has no value: 'x' is not a number in this run or in the baseline",
    );
  });

  it("reads 'baseline.' and 'delta.' only at the start of a field or value", () => {
    expect(failure('headers.baseline.y == 1', { headers: { a: '1' } })).toBe(
      "'headers' has no entry 'baseline.y' (write 'headers.baseline.y ?? ''' for a default)",
    );
    expect(holds('name == web.baseline.v2', { name: 'web.baseline.v2' })).toBe(true);
    expect(holds('tags contains baseline.v1', { tags: ['baseline.v1'] })).toBe(true);
    expect(holds('tag in [baseline.v1]', { tag: 'baseline.v1' })).toBe(true);
  });
});

describe('expect: null, lists and maps compare by kind', () => {
  it("null equals only null, never the text 'null'", () => {
    expect(holds('x == null', { x: 'null' })).toBe(false);
    expect(holds('x != null', { x: 'null' })).toBe(true);
    expect(holds("x == 'null'", { x: null })).toBe(false);
    expect(holds('x == null', { x: null })).toBe(true);
  });

  it('a list equals only a list', () => {
    expect(holds('x == [a]', { x: 'a' })).toBe(false);
    expect(holds('x != [a]', { x: 'a' })).toBe(true);
    expect(holds('x == a', { x: ['a'] })).toBe(false);
  });

  it('a list equals a list of the same length only, whichever side is shorter', () => {
    expect(holds('tags == [web, api]', { tags: ['web'] })).toBe(false);
    expect(holds('tags != [web, api]', { tags: ['web'] })).toBe(true);
    expect(holds('tags == [web]', { tags: ['web', 'api'] })).toBe(false);
    expect(holds('tags == [web, api]', { tags: ['web', 'api'] })).toBe(true);
  });

  it('matches a map against its JSON text', () => {
    expect(holds('headers matches /"x-cache":"HIT"/', { headers: { 'x-cache': 'HIT' } })).toBe(true);
    expect(holds('headers matches /object/', { headers: { 'x-cache': 'HIT' } })).toBe(false);
  });

  it('compares every relation against the baseline', () => {
    const fields = { n: 2, 'baseline.n': 2 };
    expect(['==', '!=', '>', '>=', '<', '<='].map((op) => holds(`n ${op} baseline.n`, fields))).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
    ]);
  });
});

describe('expect: what is a field, a value, a group', () => {
  it.each<[string, string, number]>([
    ['or == 1', "expected a field name but found 'or'", 0],
    ['and == 1', "expected a field name but found 'and'", 0],
    ['in == 1', "expected a field name but found 'in'", 0],
    ['a:b == 1', "expected a field name but found 'a:b'", 0],
    ['a:b:c == 1', "expected a field name but found 'a:b:c'", 0],
    ['a/b == 1', "expected a field name but found 'a/b'", 0],
    ['[a] == 1', "expected a field name but found '['", 0],
    [', a', "expected a field name but found ','", 0],
    ['x == (1)', "expected a value but found '('", 5],
    ['x == ]', "expected a value but found ']'", 5],
    ['x == or', "expected a value but found 'or'", 5],
    ['x == not', "expected a value but found 'not'", 5],
    ["n == 1 'x'", "unexpected ''x''; expected 'and', 'or' or the end", 7],
    ['/a/i == 1', "expected a field name but found '/a/i'", 0],
    ['n == 1 @2', "unexpected character '@'", 7],
    ['tag == v1..', "unexpected character '.'", 9],
  ])('%j: %s', (text, message, column) => {
    expect(syntaxError(text)).toEqual([message, column]);
  });

  it('counts nesting, not sequence: 40 groups side by side parse', () => {
    const text = Array.from({ length: 40 }, (_, i) => `(f${i})`).join(' and ');
    expect(parseCondition(text)).toMatchObject({ type: 'and' });
    expect(referencedFields(parseCondition(text))).toHaveLength(40);
  });
});
