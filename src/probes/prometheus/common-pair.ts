import type { SampleFold } from './aggregate.js';
import {
  BACKSLASH,
  CLOSE_BRACKET,
  COMMA,
  DOT,
  EXACT_DIGITS,
  MINUS,
  NINE,
  OPEN_BRACKET,
  POWERS_OF_TEN,
  QUOTE,
  ZERO,
} from './json-bytes.js';

/** Bytes beyond which a value's text is decoded alone rather than the whole bytes once. */
const LARGE_BYTES = 1024 * 1024;

/**
 * The pair as Prometheus writes it, `[1700000000.123,"0.25"]`, read at `start` in one tight loop
 * over locals: returns the index past its `]` with the value folded in, or -1 with nothing folded
 * for any other spelling (spaces, exponents in the time, a chunk that ends inside, a value that is
 * not a finite number), which the careful reader then takes on.
 *
 * A value of at most 15 digits is parsed here (Clinger's fast path: the digits as an exact integer
 * divided by an exact power of ten is the correctly rounded double, the one Number() gives); a
 * longer one (rates often have 16–17 digits) or one with an exponent goes through Number().
 */
export function readCommonPair(
  bytes: Buffer,
  start: number,
  numbers: AsciiNumbers,
  fold: SampleFold,
): number {
  let position = start;
  if (bytes[position] !== OPEN_BRACKET) return -1;
  let byte = bytes[++position];
  // The time: [1-9][0-9]*(\.[0-9]+)?
  if (byte === undefined || byte <= ZERO || byte > NINE) return -1;
  do byte = bytes[++position];
  while (byte !== undefined && byte >= ZERO && byte <= NINE);
  if (byte === DOT) {
    byte = bytes[++position];
    if (byte === undefined || byte < ZERO || byte > NINE) return -1;
    do byte = bytes[++position];
    while (byte !== undefined && byte >= ZERO && byte <= NINE);
  }
  if (byte !== COMMA || bytes[position + 1] !== QUOTE) return -1;
  position += 2;
  const valueStart = position;
  // The value: -?[0-9]*\.?[0-9]*
  let negative = false;
  if (bytes[position] === MINUS) {
    negative = true;
    position++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (;;) {
    byte = bytes[position];
    if (byte === undefined) return -1;
    if (byte >= ZERO && byte <= NINE) {
      mantissa = mantissa * 10 + (byte - ZERO);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (byte === DOT && decimals < 0) decimals = 0;
    else break;
    position++;
  }
  let value: number;
  if (byte === QUOTE && digits > 0 && digits <= EXACT_DIGITS) {
    const magnitude = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
    value = negative ? -magnitude : magnitude;
  } else {
    while (byte !== QUOTE) {
      if (byte === undefined || byte === BACKSLASH || byte < 0x20 || byte >= 0x80) return -1;
      byte = bytes[++position];
    }
    value = numbers.of(bytes, valueStart, position);
    if (Number.isNaN(value)) return -1;
  }
  if (bytes[position + 1] !== CLOSE_BRACKET) return -1;
  fold.add(value);
  return position + 2;
}

/**
 * Number() of ASCII text inside bytes, without a string per value: the bytes are decoded once as
 * Latin-1 and each value is a slice of that text — unless they are large enough that a copy of
 * them would matter, then each value is decoded alone.
 */
export class AsciiNumbers {
  private text = '';
  private textOf: Buffer | undefined;

  /** The finite number the text from `start` to `end` spells, or NaN (also for an empty text). */
  of(bytes: Buffer, start: number, end: number): number {
    if (end === start) return Number.NaN;
    let text: string;
    if (bytes.length > LARGE_BYTES) text = bytes.toString('latin1', start, end);
    else {
      if (this.textOf !== bytes) {
        this.text = bytes.toString('latin1');
        this.textOf = bytes;
      }
      text = this.text.slice(start, end);
    }
    const value = Number(text);
    return Number.isFinite(value) ? value : Number.NaN;
  }
}
