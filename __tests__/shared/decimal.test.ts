// Exact decimals shared by the expect language and the baseline deltas.
import { describe, expect, it } from 'vitest';
import { compareDecimals, formatDecimal, subtractDecimals, toDecimal } from '../../src/shared/decimal.js';

const decimal = (value: unknown): string | undefined => {
  const parsed = toDecimal(value);
  return parsed === undefined ? undefined : formatDecimal(parsed);
};

describe('decimals', () => {
  it.each<[unknown, string | undefined]>([
    [12, '12'],
    [-3, '-3'],
    [0.05, '0.05'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e-7, '0.0000001'],
    [1.0000000000000002, '1.0000000000000002'],
    [1e21, '1000000000000000000000'],
    [-0, '0'],
    [9007199254740993n, '9007199254740993'],
    ['9007199254740993', '9007199254740993'],
    [' 42 ', '42'],
    ['0.50', '0.5'],
    ['-0.5', '-0.5'],
    ['1e3', '1000'],
    ['2.5E-3', '0.0025'],
    ['1e401', undefined],
    ['1e-401', undefined],
    ['12abc', undefined],
    ['.5', undefined],
    ['1.', undefined],
    ['+1', undefined],
    ['', undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [true, undefined],
    [null, undefined],
    [['1'], undefined],
    ['9'.repeat(150_001), undefined],
  ])('%s reads as %s', (value, text) => {
    expect(decimal(value)).toBe(text);
  });

  it('keeps the long digits a numeric column can hold', () => {
    expect(decimal('9'.repeat(150_000))).toBe('9'.repeat(150_000));
  });

  it('compares and subtracts exactly', () => {
    const of = (value: unknown) => toDecimal(value)!;
    expect(compareDecimals(of('0.05'), of(0.05))).toBe(0);
    expect(compareDecimals(of('0.0501'), of('0.05'))).toBe(1);
    expect(compareDecimals(of('-0.5'), of('0.25'))).toBe(-1);
    expect(compareDecimals(of(10n), of('10.000'))).toBe(0);
    expect(formatDecimal(subtractDecimals(of('12'), of('9')))).toBe('3');
    expect(formatDecimal(subtractDecimals(of('0.1'), of('0.25')))).toBe('-0.15');
    expect(formatDecimal(subtractDecimals(of('1.50'), of('1.5')))).toBe('0');
    expect(formatDecimal(subtractDecimals(of('9007199254740993'), of(1)))).toBe('9007199254740992');
  });
});
