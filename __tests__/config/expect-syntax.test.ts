// The expect language's syntax: literals, their error messages and columns, the limits that keep a
// generated condition from exhausting the stack, and patterns RE2 cannot run, refused when parsed.
import { describe, expect, it } from 'vitest';
import {
  ExpectSyntaxError,
  MAX_EXPECT_DEPTH,
  MAX_EXPECT_TERMS,
  parseCondition,
  referencedFields,
} from '../../src/config/expect.js';
import { Pattern } from '../../src/shared/pattern.js';

const syntaxError = (text: string): ExpectSyntaxError => {
  try {
    parseCondition(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpectSyntaxError);
    return error as ExpectSyntaxError;
  }
  throw new Error(`'${text.slice(0, 60)}' parsed`);
};

describe('expect: literals', () => {
  it('reads numbers exactly: integers, negatives, decimals, digits past double precision', () => {
    expect(parseCondition('n == 12')).toEqual({
      type: 'compare',
      operand: { field: 'n' },
      op: '==',
      value: 12,
    });
    expect(parseCondition('n > -3')).toMatchObject({ op: '>', value: -3 });
    expect(parseCondition('n<-3')).toMatchObject({ op: '<', value: -3 });
    expect(parseCondition('error_rate < 0.05')).toMatchObject({ op: '<', value: 0.05 });
    expect(parseCondition('n == 9007199254740993')).toMatchObject({ value: '9007199254740993' });
    expect(parseCondition('n == 0.10')).toMatchObject({ value: '0.10' });
  });

  it('reads quoted strings without their quotes and without escapes', () => {
    expect(parseCondition("s == 'a b'")).toMatchObject({ value: 'a b' });
    expect(parseCondition('s == "it\'s"')).toMatchObject({ value: "it's" });
    expect(parseCondition("s == ''")).toMatchObject({ value: '' });
    expect(parseCondition("s == '12'")).toMatchObject({ value: '12' });
    expect(parseCondition("s == 'C:\\dir'")).toMatchObject({ value: 'C:\\dir' });
  });

  it('reads true, false, null, barewords and lists', () => {
    expect(parseCondition('s == true')).toMatchObject({ value: true });
    expect(parseCondition('s == false')).toMatchObject({ value: false });
    expect(parseCondition('s == null')).toMatchObject({ value: null });
    expect(parseCondition('s == success')).toMatchObject({ value: 'success' });
    expect(parseCondition('s == nginx:1.25-alpine')).toMatchObject({ value: 'nginx:1.25-alpine' });
    expect(parseCondition("s in [1, 'two', three, null, []]")).toMatchObject({
      op: 'in',
      value: [1, 'two', 'three', null, []],
    });
    expect(parseCondition('s in []')).toMatchObject({ value: [] });
  });

  it('reads /regex/flags and quoted strings after matches as compiled patterns', () => {
    const regex = parseCondition('body matches /o[k]/i') as { value: Pattern };
    expect(regex.value).toBeInstanceOf(Pattern);
    expect([regex.value.source, regex.value.flags]).toEqual(['o[k]', 'i']);
    const quoted = parseCondition("body matches 'a/b'") as { value: Pattern };
    expect(quoted.value).toBeInstanceOf(Pattern);
    expect([quoted.value.source, quoted.value.flags]).toEqual(['a/b', '']);
    expect((parseCondition('p matches /[/]x/') as { value: Pattern }).value.source).toBe('[/]x');
    expect((parseCondition('p matches /a\\/b/') as { value: Pattern }).value.source).toBe('a\\/b');
  });

  it('keeps ?? with the operand and allows parentheses around it', () => {
    expect(parseCondition('pending ?? 0 <= 0')).toEqual({
      type: 'compare',
      operand: { field: 'pending', fallback: 0 },
      op: '<=',
      value: 0,
    });
    expect(parseCondition('(pending ?? 0) <= 0')).toEqual(parseCondition('pending ?? 0 <= 0'));
    expect(parseCondition('((pending)) == 1')).toEqual(parseCondition('pending == 1'));
    expect(parseCondition('(ready)')).toEqual({ type: 'truthy', operand: { field: 'ready' } });
  });

  it('reads baseline./delta. on the right of a relation as a field', () => {
    expect(parseCondition('failed <= baseline.failed ?? 0')).toEqual({
      type: 'compare',
      operand: { field: 'failed' },
      op: '<=',
      against: { field: 'baseline.failed', fallback: 0 },
    });
    expect(referencedFields(parseCondition('failed <= baseline.failed and delta.n < 2'))).toEqual([
      'failed',
      'baseline.failed',
      'delta.n',
    ]);
    expect(parseCondition('x == baselines.y')).toMatchObject({ value: 'baselines.y' });
  });

  it('keeps and/or flat, so long chains do not nest', () => {
    expect(parseCondition('a or b or c')).toEqual({
      type: 'or',
      terms: [
        { type: 'truthy', operand: { field: 'a' } },
        { type: 'truthy', operand: { field: 'b' } },
        { type: 'truthy', operand: { field: 'c' } },
      ],
    });
    expect(parseCondition('a and b or c')).toMatchObject({
      type: 'or',
      terms: [{ type: 'and' }, { type: 'truthy' }],
    });
  });
});

describe('expect: syntax errors name the problem, the fix and the column', () => {
  it.each([
    ['n = 1', "use '==' to compare, not '='", 2],
    ['a && b', "use 'and', not '&&'", 2],
    ['a || b', "use 'or', not '||'", 2],
    ['!ready', "use 'not' to negate, not '!'", 0],
    ['n == .5', "write 0.5, not a number starting with '.'", 5],
    ['n == 1e3', "'1e3' is not a number: write numbers as 12, -3 or 0.05, and quote text ('1e3')", 5],
    ['v == 1.2.3', "'1.2.3' is not a number: write numbers as 12, -3 or 0.05, and quote text ('1.2.3')", 5],
    ['n == 1.', "'1.' is not a number: write numbers as 12, -3 or 0.05, and quote text ('1.')", 5],
    ['n == 5abc', "'5abc' is not a number: write numbers as 12, -3 or 0.05, and quote text ('5abc')", 5],
    ['n >=', "expected a value but found 'end of condition'", 4],
    ['n == and', "expected a value but found 'and'", 5],
    ['n == 1 and', "expected a field name but found 'end of condition'", 10],
    ['== 1', "expected a field name but found '=='", 0],
    ['1 == n', "expected a field name but found '1'", 0],
    [
      "name == 'open",
      "unterminated string starting with '; close it with ' (strings have no escapes: put a ' inside \"…\")",
      8,
    ],
    ['(n == 1', "expected ')' but found 'end of condition'", 7],
    ['n == 1)', "unexpected ')'; expected 'and', 'or' or the end", 6],
    ['n == 1 n == 2', "unexpected 'n'; expected 'and', 'or' or the end", 7],
    ['n == [1, 2', "expected ',' or ']' but found 'end of condition'", 10],
    ['n == [1 2]', "expected ',' or ']' but found '2'", 8],
    ['status in 401', "'in' needs a list: [a, b]", 7],
    [
      'names contains [a, b]',
      "'contains' takes one value; to test several, write 'x contains a and x contains b'",
      15,
    ],
    ['body matches ok', "'matches' needs a /regex/ or a quoted string but found 'ok'", 13],
    ['body == /ok/', "a /regex/ goes only after 'matches'", 8],
    ['n ?? 0 ?? 1', "'??' goes right after a field", 7],
    [
      '(a and b) == 1',
      "only a field can be compared, not the condition in '(…)'; write 'field == value' inside it",
      10,
    ],
    ['n == 1 @', "unexpected character '@'", 7],
    ['', 'the condition is empty', 0],
    ['   ', 'the condition is empty', 0],
  ])('%j: %s', (text, message, column) => {
    const error = syntaxError(text);
    expect(error.message).toBe(message);
    expect(error.column).toBe(column);
  });
});

describe('expect: patterns are RE2, refused when they cannot run in linear time', () => {
  it.each([
    ['body matches /(a)\\1/', "invalid regular expression: backreference '\\1' is not supported", 17],
    [
      'body matches /(?<x>a)\\k<x>/',
      "invalid regular expression: backreference '\\k<…>' is not supported",
      21,
    ],
    ['body matches /a(?=b)/', "invalid regular expression: lookahead '(?=' is not supported", 15],
    ['body matches /a(?!b)/', "invalid regular expression: lookahead '(?!' is not supported", 15],
    ['body matches /(?<=a)b/', "invalid regular expression: lookbehind '(?<=' is not supported", 14],
    ['body matches /(?<!a)b/', "invalid regular expression: lookbehind '(?<!' is not supported", 14],
    ["body matches 'x(?=y)'", "invalid regular expression: lookahead '(?=' is not supported", 15],
    [
      'body matches /ok/g',
      "invalid regular expression: flag 'g' is not supported; use only i, m, s and u",
      17,
    ],
    [
      'body matches /ok/y',
      "invalid regular expression: flag 'y' is not supported; use only i, m, s and u",
      17,
    ],
    ['body matches /ok/ii', "invalid regular expression: flag 'i' is given twice; give each flag once", 18],
    ['body matches /(/', 'invalid regular expression: missing closing ) at', 14],
    ['body matches /ok', 'unterminated /regex/; close it with /', 13],
  ])('%j: %s', (text, message, column) => {
    const error = syntaxError(text);
    expect(error.message).toContain(message);
    expect(error.column).toBe(column);
  });

  it('says why and what to do instead', () => {
    expect(syntaxError('b matches /(a)\\1/').message).toBe(
      "invalid regular expression: backreference '\\1' is not supported: patterns run on RE2, in time linear in the text, which has no backreferences; spell the repeated text out or match it more loosely",
    );
    expect(syntaxError('b matches /a(?=b)/').message).toBe(
      "invalid regular expression: lookahead '(?=' is not supported: patterns run on RE2, in time linear in the text, which has no lookaround; match the text itself, or split the condition ('x matches /a/ and not x matches /b/')",
    );
  });
});

describe('expect: limits', () => {
  it(`accepts ${MAX_EXPECT_TERMS} fields and values and refuses one more, naming the limit`, () => {
    const atLimit = Array.from({ length: MAX_EXPECT_TERMS / 2 }, (_, index) => `n${index} == 1`).join(
      ' and ',
    );
    expect(referencedFields(parseCondition(atLimit))).toHaveLength(MAX_EXPECT_TERMS / 2);
    const error = syntaxError(`${atLimit} and extra`);
    expect(error.message).toBe(
      `the condition has more than ${MAX_EXPECT_TERMS} fields and values (the limit); split it into several checks`,
    );
    expect(error.column).toBe(atLimit.length + 5);
  });

  it('refuses tens of thousands of terms quickly, without exhausting the stack', () => {
    const huge = Array.from({ length: 50_000 }, () => 'n == 1').join(' or ');
    expect(syntaxError(huge).message).toContain(`more than ${MAX_EXPECT_TERMS} fields and values`);
    const list = `n in [${Array.from({ length: 50_000 }, (_, index) => index).join(', ')}]`;
    expect(syntaxError(list).message).toContain(`more than ${MAX_EXPECT_TERMS} fields and values`);
  });

  it(`accepts nesting ${MAX_EXPECT_DEPTH} deep and refuses one level more`, () => {
    const nested = (depth: number): string => `${'('.repeat(depth)}ready${')'.repeat(depth)}`;
    expect(parseCondition(nested(MAX_EXPECT_DEPTH))).toEqual({ type: 'truthy', operand: { field: 'ready' } });
    const error = syntaxError(nested(MAX_EXPECT_DEPTH + 1));
    expect(error.message).toBe(
      `the condition nests deeper than ${MAX_EXPECT_DEPTH} levels of '(', 'not' and '[' (the limit); simplify it or split it into several checks`,
    );
    expect(error.column).toBe(MAX_EXPECT_DEPTH);
    expect(parseCondition(`${'not '.repeat(MAX_EXPECT_DEPTH)}ready`)).toMatchObject({ type: 'not' });
    expect(syntaxError(`${'not '.repeat(MAX_EXPECT_DEPTH + 1)}ready`).column).toBe(MAX_EXPECT_DEPTH * 4);
    expect(syntaxError(`n in ${'['.repeat(MAX_EXPECT_DEPTH + 1)}`).column).toBe(5 + MAX_EXPECT_DEPTH);
  });

  it.each([
    ['(', 10_000],
    ['not ', 10_000],
    ['!', 10_000],
    ['[', 10_000],
  ])('refuses %j repeated %d times with a syntax error, not a stack overflow', (piece, times) => {
    const prefix = piece === '[' ? 'n in ' : '';
    expect(syntaxError(`${prefix}${piece.repeat(times)}ready`)).toBeInstanceOf(ExpectSyntaxError);
  });
});
