import { describe, expect, it } from 'vitest';
import { isRecord } from '../../src/shared/guards.js';
import { cutToBytes, oneLine, utf8Length } from '../../src/shared/text.js';

describe('oneLine', () => {
  it('folds whitespace runs and newlines into one space and trims', () => {
    expect(oneLine('  relation "x"\n  does not\texist \r\n')).toBe('relation "x" does not exist');
  });

  it('cuts to maxChars characters with an ellipsis, counting characters not UTF-16 units', () => {
    expect(oneLine('abcdef', 4)).toBe('abc…');
    expect(oneLine('abcd', 4)).toBe('abcd');
    expect(oneLine('😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('cutToBytes', () => {
  it('keeps at most maxBytes and never splits a character', () => {
    for (const limit of [0, 1, 2, 3, 100, 101]) {
      const cut = cutToBytes('я'.repeat(200), limit);
      expect(utf8Length(cut)).toBeLessThanOrEqual(limit);
      expect(utf8Length(cut)).toBeGreaterThanOrEqual(limit - 1);
      expect(cut).toMatch(/^я*$/);
    }
    expect(cutToBytes('a😀b', 4)).toBe('a');
    expect(cutToBytes('a😀b', 5)).toBe('a😀');
    expect(cutToBytes('short', 100)).toBe('short');
  });
});

describe('isRecord', () => {
  it('accepts objects, refuses null, arrays and primitives', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(new Error('x'))).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('x')).toBe(false);
  });
});
