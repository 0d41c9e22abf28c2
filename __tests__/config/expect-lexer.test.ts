// Where the tokenizer draws its lines: the kill set for mutation testing of
// src/config/expect-lexer.ts. Each case states the tree or the exact error (message and column).
import { describe, expect, it } from 'vitest';
import { ExpectSyntaxError, parseCondition } from '../../src/config/expect.js';
import { Pattern } from '../../src/shared/pattern.js';

const syntaxError = (text: string): [string, number] => {
  try {
    parseCondition(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpectSyntaxError);
    return [(error as ExpectSyntaxError).message, (error as ExpectSyntaxError).column];
  }
  throw new Error(`'${text}' parsed`);
};

describe('expect lexer: where a / opens a regex', () => {
  it('opens one after an operator, [ and , — where a value is expected', () => {
    const parsed = parseCondition('x matches /a[/]b\\/c/i');
    expect(parsed).toMatchObject({ type: 'compare', op: 'matches' });
    const pattern = (parsed as { value: Pattern }).value;
    expect(pattern).toBeInstanceOf(Pattern);
    expect([pattern.source, pattern.flags]).toEqual(['a[/]b\\/c', 'i']);
    expect(pattern.test('A/B/C')).toBe(true);
    expect(syntaxError('x in [/a/]')).toEqual(["a /regex/ goes only after 'matches'", 6]);
    expect(syntaxError('x in [1, /a/]')).toEqual(["a /regex/ goes only after 'matches'", 9]);
  });

  it("is a stray character after '??', after a value and at the start", () => {
    expect(syntaxError('x ?? /a/')).toEqual(["unexpected character '/'", 5]);
    expect(syntaxError('path == a/b/')).toEqual(["unexpected character '/'", 11]);
    expect(syntaxError('/a/')).toEqual(["expected a field name but found '/a/'", 0]);
  });

  it('names the column of an unterminated or invalid regex', () => {
    expect(syntaxError('x matches /abc')).toEqual(['unterminated /regex/; close it with /', 10]);
    expect(syntaxError('x matches /a\\/')).toEqual(['unterminated /regex/; close it with /', 10]);
    expect(syntaxError('x matches /a(/')).toEqual([
      "invalid regular expression: missing closing ) at 'a('",
      11,
    ]);
    expect(syntaxError("x matches 'a('")).toEqual([
      "invalid regular expression: missing closing ) at 'a('",
      11,
    ]);
  });
});

describe('expect lexer: numbers, words and strings', () => {
  it('reads a minus before a digit as a negative number, elsewhere as a stray character', () => {
    expect(parseCondition('x == -1')).toEqual({
      type: 'compare',
      operand: { field: 'x' },
      op: '==',
      value: -1,
    });
    expect(parseCondition('x>-2')).toEqual({ type: 'compare', operand: { field: 'x' }, op: '>', value: -2 });
    expect(syntaxError('x == -a')).toEqual(["unexpected character '-'", 5]);
    expect(syntaxError('x == -')).toEqual(["unexpected character '-'", 5]);
  });

  it('keeps a number as its digits when a double would change it', () => {
    const value = (text: string): unknown => (parseCondition(text) as { value: unknown }).value;
    expect(value('x == 9007199254740993')).toBe('9007199254740993');
    expect(value('x == 9007199254740992')).toBe(9007199254740992);
    expect(value('x == 0.50')).toBe('0.50');
    expect(value('x == 1.5')).toBe(1.5);
    expect(value('x == 007')).toBe('007');
  });

  it('ends a word before trailing . : - /, which are then stray', () => {
    expect(parseCondition('x.y-z == a:b/c-d')).toEqual({
      type: 'compare',
      operand: { field: 'x.y-z' },
      op: '==',
      value: 'a:b/c-d',
    });
    expect(syntaxError('tag == v1.')).toEqual(["unexpected character '.'", 9]);
    expect(syntaxError('x: == 1')).toEqual(["unexpected character ':'", 1]);
    expect(syntaxError('x.1 == 2')).toEqual(["expected a field name but found 'x.1'", 0]);
  });

  it('reads a string up to the same quote, the other quote inside it', () => {
    const value = (text: string): unknown => (parseCondition(text) as { value: unknown }).value;
    expect(value(`x == "it's"`)).toBe("it's");
    expect(value(`x == 'say "hi"'`)).toBe('say "hi"');
    expect(value(`x == ''`)).toBe('');
    expect(syntaxError('x == "a')).toEqual([
      `unterminated string starting with "; close it with " (strings have no escapes: put a ' inside "…")`,
      5,
    ]);
  });

  it('needs no spaces around operators and reads an empty list', () => {
    expect(parseCondition('x==1')).toEqual({ type: 'compare', operand: { field: 'x' }, op: '==', value: 1 });
    expect(parseCondition('x!=1')).toMatchObject({ op: '!=' });
    expect(parseCondition('x<=1')).toMatchObject({ op: '<=' });
    expect(parseCondition('x>=1')).toMatchObject({ op: '>=' });
    expect(parseCondition('x == [ ]')).toMatchObject({ value: [] });
    expect(syntaxError('x in [1,]')).toEqual(["expected a value but found ']'", 8]);
  });

  it('skips tabs and newlines like spaces', () => {
    expect(parseCondition('x\t==\n1')).toEqual({
      type: 'compare',
      operand: { field: 'x' },
      op: '==',
      value: 1,
    });
  });
});
