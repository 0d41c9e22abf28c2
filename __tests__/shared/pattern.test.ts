// The one pattern engine every user-supplied regex runs on: RE2 semantics, linear time.
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { compilePattern, Pattern, PatternError } from '../../src/shared/pattern.js';

const refusal = (source: string, flags = ''): PatternError => {
  try {
    compilePattern(source, flags);
  } catch (error) {
    expect(error).toBeInstanceOf(PatternError);
    return error as PatternError;
  }
  throw new Error(`/${source}/${flags} compiled`);
};

describe('patterns', () => {
  it('finds the pattern anywhere, with the flags given', () => {
    const pattern = compilePattern('^Test[A-Z]\\w+$', 'm');
    expect(pattern).toBeInstanceOf(Pattern);
    expect([pattern.source, pattern.flags, String(pattern)]).toEqual([
      '^Test[A-Z]\\w+$',
      'm',
      '/^Test[A-Z]\\w+$/m',
    ]);
    expect(pattern.test('x\nTestLogin\ny')).toBe(true);
    expect(compilePattern('^Test[A-Z]\\w+$').test('x\nTestLogin\ny')).toBe(false);
    expect(compilePattern('ok', 'i').test('OK')).toBe(true);
    expect(compilePattern('ok').test('OK')).toBe(false);
    expect(compilePattern('a.b', 's').test('a\nb')).toBe(true);
    expect(compilePattern('a.b').test('a\nb')).toBe(false);
    expect(compilePattern('\\u0041', 'u').test('A')).toBe(true);
    expect(compilePattern('(?<word>\\p{L}+)').test('é')).toBe(true);
    expect(compilePattern('[(?=]').test('(')).toBe(true);
    expect(compilePattern('\\(?=').test('=')).toBe(true);
  });

  it('runs catastrophic patterns on long text in linear time', () => {
    const text = 'a'.repeat(200_000);
    expect(compilePattern('(a+)+$').test(`${text}!`)).toBe(false);
    expect(compilePattern('(a|aa)*b').test(text)).toBe(false);
    expect(compilePattern('^(\\w+\\s?)*$').test(`${text}!`)).toBe(false);
    expect(compilePattern(`^${'[^/]*a'.repeat(12)}[^/]*c$`).test(text)).toBe(false);
  });

  it.each([
    ['(a)\\1', '', "backreference '\\1' is not supported", 3],
    ['(?<n>a)\\k<n>', '', "backreference '\\k<…>' is not supported", 7],
    ['a(?=b)', '', "lookahead '(?=' is not supported", 1],
    ['a(?!b)', '', "lookahead '(?!' is not supported", 1],
    ['(?<=a)b', '', "lookbehind '(?<=' is not supported", 0],
    ['(?<!a)b', '', "lookbehind '(?<!' is not supported", 0],
    ['ok', 'g', "flag 'g' is not supported; use only i, m, s and u", 3],
    ['ok', 'iy', "flag 'y' is not supported; use only i, m, s and u", 4],
    ['ok', 'v', "flag 'v' is not supported; use only i, m, s and u", 3],
    ['ok', 'ii', "flag 'i' is given twice; give each flag once", 4],
    ['x[', '', "missing closing ] at '['", 1],
    ['a**', '', "invalid nested repetition operator at '**'", 1],
    ['a{1001}', '', "invalid repeat count at '{1001}'", 1],
  ])('refuses /%s/%s: %s', (source, flags, message, offset) => {
    const error = refusal(source, flags);
    expect(error.message).toContain(message);
    expect(error.offset).toBe(offset);
  });
});

describe('plain-text patterns (matched as string searches, not through RE2)', () => {
  const texts = [
    '',
    'TestWebhook_Replay',
    'TestWebhook_ReplayIdempotent',
    'x TestWebhook_Replay',
    'a.b',
    'axb',
    'a\nb',
    'end$',
    'TestA',
    'TestA/case',
    '-/x',
    'a1',
    'ad',
    'ab',
    'x\nTestWebhook_Replay',
  ];
  const sources = [
    '^TestWebhook_Replay',
    'Replay$',
    '^TestA$',
    'Webhook',
    '^',
    '$',
    '^$',
    'a\\.b',
    'end\\$',
    '^\\-/x$',
    'b$',
    'a\\d',
    'a$b',
  ];
  const flagSets = ['', 's', 'u', 'm'];
  it.each(sources.flatMap((source) => flagSets.map((flags) => [source, flags])))(
    '/%s/%s agrees with RE2 on every sample text',
    (source, flags) => {
      const pattern = compilePattern(source, flags);
      const re2 = RE2JS.compile(
        source,
        flags.includes('m') ? RE2JS.MULTILINE : flags.includes('s') ? RE2JS.DOTALL : 0,
      );
      for (const text of texts) expect([text, pattern.test(text)]).toEqual([text, re2.test(text)]);
    },
  );
});

describe('flags and refusals, each on its own', () => {
  it('gives a pattern only the flags written', () => {
    expect(compilePattern('o[k]', 'm').test('OK')).toBe(false);
    expect(compilePattern('^a.$', 's').test('x\nab')).toBe(false);
    expect(compilePattern('a.b', 'm').test('a\nb')).toBe(false);
  });

  it('refuses lookaround after a character class, and not inside one', () => {
    expect(refusal('[a](?=b)').message).toContain("lookahead '(?=' is not supported");
    expect(compilePattern('[a(?=]').test('=')).toBe(true);
  });

  it('takes only \\k< for a named backreference', () => {
    expect(compilePattern('a\\s<b').test('a <b')).toBe(true);
    expect(compilePattern('\\k').test('k')).toBe(true);
  });
});
