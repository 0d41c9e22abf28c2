/**
 * Exact decimal numbers for comparing measured values: a `bigint` count past 2^53, a PostgreSQL
 * `numeric` printed as text and a condition's `0.05` all compare as the decimals a person reads,
 * never through binary floating point.
 */

/** An exact decimal: `digits / 10^scale`, with `scale >= 0`. */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

// Optional sign, digits, optional fraction, optional exponent (`1e-7` is how JS prints small numbers).
const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
// Doubles span 5e-324 .. 1.8e308; a larger exponent in text would only make a huge bigint.
const MAX_EXPONENT = 400;
// PostgreSQL `numeric` holds up to 131072 + 16383 digits; parsing a longer run of digits (a
// 10 MB response body) into a bigint would block the event loop for seconds.
const MAX_DECIMAL_CHARS = 150_000;

/** A number, bigint or decimal text as an exact decimal; undefined for anything else (NaN, `12abc`, lists). */
export function toDecimal(value: unknown): Decimal | undefined {
  if (typeof value === 'bigint') return { digits: value, scale: 0 };
  if (typeof value === 'number') {
    // String() gives the shortest text that reads back as the same double: what a person sees.
    return Number.isFinite(value) ? parseDecimal(String(value)) : undefined;
  }
  if (typeof value === 'string') return parseDecimal(value.trim());
  return undefined;
}

function parseDecimal(text: string): Decimal | undefined {
  if (text.length > MAX_DECIMAL_CHARS) return undefined;
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > MAX_EXPONENT) return undefined;
  let digits = BigInt(`${sign}${whole}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/** Both decimals scaled to the same scale, so their digits compare and subtract directly. */
function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.digits * 10n ** BigInt(scale - a.scale), b.digits * 10n ** BigInt(scale - b.scale), scale];
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [left, right] = aligned(a, b);
  if (left === right) return 0;
  return left > right ? 1 : -1;
}

/** `a - b`, exactly. */
export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const [left, right, scale] = aligned(a, b);
  return { digits: left - right, scale };
}

/** Plain decimal text without exponent or trailing fraction zeros: `-0.5`, `12`, `3.25`. */
export function formatDecimal(value: Decimal): string {
  if (value.scale === 0) return value.digits.toString();
  const negative = value.digits < 0n;
  const magnitude = (negative ? -value.digits : value.digits).toString().padStart(value.scale + 1, '0');
  const text = `${magnitude.slice(0, -value.scale)}.${magnitude.slice(-value.scale)}`.replace(/\.?0+$/, '');
  return negative && text !== '0' ? `-${text}` : text;
}
