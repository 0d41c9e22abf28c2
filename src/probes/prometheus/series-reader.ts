import type { SampleFold } from './aggregate.js';
import { AsciiNumbers, readCommonPair } from './common-pair.js';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  DOT,
  isDigit,
  matches,
  MINUS,
  NINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  PLUS,
  QUOTE,
  ZERO,
} from './json-bytes.js';

/** {@link SeriesReader.read} ran into the end of the bytes before the series closed. */
export const NEEDS_MORE = -1;
/** The series is not in the plain shape the reader knows: JSON.parse must judge it instead. */
export const UNSUPPORTED = -2;

/**
 * Thrown inside the reader only; {@link SeriesReader.read} turns them into its return codes. Made
 * once: throwing them costs no stack capture.
 */
class StopReading extends Error {}
const OUT_OF_BYTES = new StopReading('out of bytes');
const NOT_PLAIN = new StopReading('not plain');

/**
 * Reads one series of a vector or matrix answer — `{"metric":{…},"values":[[t,"v"],…]}` — straight
 * from the bytes, folding every value into a {@link SampleFold} without making a string, an array or
 * a number object per sample. Values of up to 15 digits are parsed in place (Clinger's fast path:
 * the digits as an exact integer divided by an exact power of ten is the correctly rounded double,
 * the same one Number() gives); any other value text goes through Number().
 *
 * The reader accepts only a strict subset of JSON whose meaning it is sure of: keys `metric`,
 * `values` and `value` without escapes, each once; `[number, "value"]` pairs; finite values. On
 * anything else — NaN, ±Inf, a native histogram, another key, a malformed byte — it answers
 * {@link UNSUPPORTED} and folds nothing, so the caller parses the series with JSON.parse and the
 * general path gives its exact message. Nothing reaches the fold before the closing `}` is read.
 */
export class SeriesReader {
  private bytes: Buffer = Buffer.alloc(0);
  private position = 0;
  private readonly numbers = new AsciiNumbers();
  /** Where the last label set lies, or the object JSON.parse made of it when it is not flat. */
  private metricStart = 0;
  private metricEnd = 0;
  private metricParsed: Record<string, unknown> | undefined;

  constructor(private readonly fold: SampleFold) {}

  /**
   * Reads the series whose `{` is at `from`. Returns the index just past its `}` (the series is
   * folded in), {@link NEEDS_MORE} or {@link UNSUPPORTED} (nothing folded in).
   */
  read(bytes: Buffer, from: number): number {
    this.bytes = bytes;
    this.position = from;
    this.fold.begin();
    try {
      this.readSeries();
    } catch (error) {
      if (error === OUT_OF_BYTES) return NEEDS_MORE;
      if (error === NOT_PLAIN) return UNSUPPORTED;
      throw error;
    }
    return this.position;
  }

  private readSeries(): void {
    this.expect(OPEN_BRACE);
    let metric = false;
    let samples = false;
    for (;;) {
      this.skipSpace();
      const key = this.readKey();
      this.skipSpace();
      this.expect(COLON);
      this.skipSpace();
      if (key === 'metric' && !metric) {
        metric = true;
        this.readMetric();
      } else if (key === 'values' && !samples) {
        samples = true;
        this.readPairs();
      } else if (key === 'value' && !samples) {
        samples = true;
        this.readPair();
      } else throw NOT_PLAIN;
      this.skipSpace();
      const next = this.next();
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA) throw NOT_PLAIN;
    }
    if (!metric || !samples) throw NOT_PLAIN;
    this.fold.commit(this.metricObject);
  }

  /** `metric`, `values` or `value`; anything else (or an escape) is not plain. */
  private readKey(): string {
    this.expect(QUOTE);
    const start = this.position;
    const bytes = this.bytes;
    for (;;) {
      const byte = this.next();
      if (byte === QUOTE) break;
      if (byte === BACKSLASH) throw NOT_PLAIN;
    }
    const length = this.position - 1 - start;
    if (bytes[start] === 0x6d && length === 6 && matches(bytes, start, 'metric')) return 'metric';
    if (bytes[start] === 0x76 && length === 6 && matches(bytes, start, 'values')) return 'values';
    if (bytes[start] === 0x76 && length === 5 && matches(bytes, start, 'value')) return 'value';
    throw NOT_PLAIN;
  }

  /**
   * The label set. A flat map of plain strings (no escapes) is only checked here — the aggregate
   * asks for the object just for the first few series it names; any other label set is parsed now
   * by JSON.parse, which judges escapes and odd values exactly.
   */
  private readMetric(): void {
    const start = this.position;
    this.metricStart = start;
    this.metricParsed = undefined;
    if (this.readFlatMetric()) {
      this.metricEnd = this.position;
      return;
    }
    this.position = start;
    this.expect(OPEN_BRACE);
    let depth = 1;
    let inString = false;
    while (depth > 0) {
      const byte = this.next();
      if (inString) {
        if (byte === BACKSLASH) this.next();
        else if (byte === QUOTE) inString = false;
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
    }
    let metric: unknown;
    try {
      metric = JSON.parse(this.bytes.toString('utf8', start, this.position));
    } catch {
      throw NOT_PLAIN;
    }
    if (typeof metric !== 'object' || metric === null || Array.isArray(metric)) throw NOT_PLAIN;
    this.metricParsed = metric as Record<string, unknown>;
  }

  /** `{"name":"value",…}` with strings free of escapes and control characters: true when it is. */
  private readFlatMetric(): boolean {
    this.expect(OPEN_BRACE);
    this.skipSpace();
    if (this.peek() === CLOSE_BRACE) {
      this.position++;
      return true;
    }
    for (;;) {
      if (!this.skipPlainString()) return false;
      this.skipSpace();
      if (this.next() !== COLON) return false;
      this.skipSpace();
      if (!this.skipPlainString()) return false;
      this.skipSpace();
      const next = this.next();
      if (next === CLOSE_BRACE) return true;
      if (next !== COMMA) return false;
      this.skipSpace();
    }
  }

  private skipPlainString(): boolean {
    if (this.next() !== QUOTE) return false;
    for (;;) {
      const byte = this.next();
      if (byte === QUOTE) return true;
      if (byte === BACKSLASH || byte < 0x20) return false;
    }
  }

  /** The last label set read, as an object (parsed on demand for a flat one). */
  private readonly metricObject = (): Record<string, unknown> =>
    this.metricParsed ??
    (JSON.parse(this.bytes.toString('utf8', this.metricStart, this.metricEnd)) as Record<string, unknown>);

  private readPairs(): void {
    this.expect(OPEN_BRACKET);
    this.skipSpace();
    if (this.peek() === CLOSE_BRACKET) {
      this.position++;
      return;
    }
    for (;;) {
      const end = readCommonPair(this.bytes, this.position, this.numbers, this.fold);
      if (end >= 0) this.position = end;
      else this.readPair();
      this.skipSpace();
      const next = this.next();
      if (next === CLOSE_BRACKET) return;
      if (next !== COMMA) throw NOT_PLAIN;
      this.skipSpace();
    }
  }

  /** `[time, "value"]`: the time must be a JSON number; the value is folded in. */
  private readPair(): void {
    this.expect(OPEN_BRACKET);
    this.skipSpace();
    this.skipNumber();
    this.skipSpace();
    this.expect(COMMA);
    this.skipSpace();
    this.expect(QUOTE);
    this.fold.add(this.readValueText(this.position));
    this.skipSpace();
    this.expect(CLOSE_BRACKET);
  }

  /** The value text after its opening quote, up to and past its closing quote: plain ASCII only, read by Number(). */
  private readValueText(start: number): number {
    this.position = start;
    for (;;) {
      const byte = this.next();
      if (byte === QUOTE) break;
      // Escapes, control characters and non-ASCII are JSON.parse's to judge.
      if (byte === BACKSLASH || byte < 0x20 || byte >= 0x80) throw NOT_PLAIN;
    }
    const value = this.numbers.of(this.bytes, start, this.position - 1);
    // NaN, ±Inf, '' and words go the general way, which names the series and the time.
    if (Number.isNaN(value)) throw NOT_PLAIN;
    return value;
  }

  /** A JSON number (RFC 8259 grammar), not kept: the time is only needed in error messages. */
  private skipNumber(): void {
    if (this.peek() === MINUS) this.position++;
    const first = this.next();
    if (first === ZERO) {
      // A leading 0 stands alone.
    } else if (first > ZERO && first <= NINE) this.skipDigits();
    else throw NOT_PLAIN;
    let byte = this.peek();
    if (byte === DOT) {
      this.position++;
      if (!isDigit(this.next())) throw NOT_PLAIN;
      this.skipDigits();
      byte = this.peek();
    }
    if (byte === 0x65 || byte === 0x45) {
      this.position++;
      const sign = this.peek();
      if (sign === PLUS || sign === MINUS) this.position++;
      if (!isDigit(this.next())) throw NOT_PLAIN;
      this.skipDigits();
    }
  }

  private skipDigits(): void {
    while (isDigit(this.peek())) this.position++;
  }

  private skipSpace(): void {
    for (;;) {
      const byte = this.peek();
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return;
      this.position++;
    }
  }

  private expect(byte: number): void {
    if (this.next() !== byte) throw NOT_PLAIN;
  }

  /** The byte at the position, without moving; out of bytes when the chunk ends here. */
  private peek(): number {
    const byte = this.bytes[this.position];
    if (byte === undefined) throw OUT_OF_BYTES;
    return byte;
  }

  private next(): number {
    const byte = this.peek();
    this.position++;
    return byte;
  }
}
