// Bytes of JSON as the answer readers meet them, and the exact-number helpers they share.

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const MINUS = 0x2d;
export const PLUS = 0x2b;
export const DOT = 0x2e;
export const ZERO = 0x30;
export const NINE = 0x39;

/** 10^0 … 10^22: every one is an exact double, so m / 10^k rounds once, as Number(text) does. */
export const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, power) =>
  Number(`1e${power}`),
);
/** Up to 15 digits the integer made of them is exact (10^15 < 2^53): the fast path's bound. */
export const EXACT_DIGITS = 15;

export function isDigit(byte: number): boolean {
  return byte >= ZERO && byte <= NINE;
}

/** The bytes from `start` spell `word` (ASCII). */
export function matches(bytes: Uint8Array, start: number, word: string): boolean {
  for (let index = 0; index < word.length; index++)
    if (bytes[start + index] !== word.charCodeAt(index)) return false;
  return true;
}
