import { ProbeError } from '../probe.js';
import { SeriesAggregate } from './aggregate.js';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-bytes.js';
import { SeriesReader } from './series-reader.js';

/**
 * Reads a Prometheus API answer as it arrives, without holding it whole. A small state machine
 * tracks strings and nesting and finds each series of `data.result` in the byte stream. A series
 * that lies whole in the current network chunk is read in place by a {@link SeriesReader}, which
 * folds its values into the {@link SeriesAggregate} as it reads them — no string, array or object
 * per sample. A series cut by a chunk boundary is collected (and its pieces joined) first, then read
 * the same way. A series the in-place reader does not vouch for (NaN, ±Inf, escapes, other keys,
 * malformed bytes) is parsed with JSON.parse and folded by the general path, whose checks and
 * messages are the reference. Everything else — status, resultType, warnings, a scalar result — is
 * the small "envelope", parsed once at the end. Memory stays at one series plus one network chunk,
 * however many series the answer holds.
 */
export class AnswerReader {
  readonly aggregate: SeriesAggregate;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Inside the root object's `data` object. */
  private inData = false;
  /** Inside the `data.result` array (at depth 3). */
  private inResult = false;
  /** Pieces of the series being cut out (empty when between series). */
  private element: Buffer[] = [];
  private inElement = false;
  private elementBytes = 0;
  /** The previous item of `data.result` was a series: the comma after it is dropped too. */
  private afterElement = false;
  private envelope = '';
  private readonly decoder = new TextDecoder('utf-8');
  private readonly reader: SeriesReader;

  constructor(
    readonly kind: 'instant' | 'range',
    private readonly limits = { elementBytes: 64 * 1024 * 1024, envelopeBytes: 1024 * 1024 },
  ) {
    this.aggregate = new SeriesAggregate(kind);
    this.reader = new SeriesReader(this.aggregate);
  }

  /** Feeds the next chunk of the body. Throws ProbeError on NaN/±Inf or a malformed answer. */
  push(chunk: Buffer): void {
    let envelopeFrom = this.inElement ? -1 : 0;
    let elementFrom = this.inElement ? 0 : -1;
    for (let index = 0; index < chunk.length; index++) {
      if (this.inElement) {
        // The bulk of the answer: a tight loop over locals until the series closes or the chunk ends.
        const end = this.scanElement(chunk, index);
        if (end < 0) break;
        this.addElement(chunk, elementFrom, end);
        this.finishElement();
        elementFrom = -1;
        envelopeFrom = end;
        index = end - 1;
        continue;
      }
      const byte = chunk[index]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
        continue;
      }
      switch (byte) {
        case QUOTE:
          this.inString = true;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (this.inResult && this.depth === 3 && byte === OPEN_BRACE) {
            // A series starts: what came before it belongs to the envelope.
            if (envelopeFrom >= 0) this.addEnvelope(chunk, envelopeFrom, index);
            const end = this.reader.read(chunk, index);
            if (end >= 0) {
              // Read and folded in place: go on after it as after any series.
              this.afterElement = true;
              envelopeFrom = end;
              index = end - 1;
              continue;
            }
            envelopeFrom = -1;
            elementFrom = index;
            this.inElement = true;
            this.afterElement = false;
          } else if (!this.inElement && (this.depth === 1 || this.depth === 2)) {
            // The key before this container ends the envelope so far: bring it up to date, then look.
            if (envelopeFrom >= 0) this.addEnvelope(chunk, envelopeFrom, index);
            envelopeFrom = index;
            this.noteContainer(byte);
          }
          this.depth++;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          this.depth--;
          if (this.inElement && this.depth === 3) {
            this.addElement(chunk, elementFrom, index + 1);
            this.finishElement();
            elementFrom = -1;
            envelopeFrom = index + 1;
          } else if (!this.inElement) {
            if (this.depth === 2 && this.inResult) this.inResult = false;
            if (this.depth === 1 && this.inData) this.inData = false;
            if (this.depth < 0) throw malformed('a closing bracket without an opening one');
          }
          break;
        case COMMA:
          // Series are cut out whole: the comma between two of them would leave `[,]` behind.
          if (this.afterElement && this.depth === 3 && !this.inElement) {
            if (envelopeFrom >= 0) this.addEnvelope(chunk, envelopeFrom, index);
            envelopeFrom = index + 1;
          }
          break;
        default:
          break;
      }
    }
    if (this.inElement) this.addElement(chunk, elementFrom, chunk.length);
    else if (envelopeFrom >= 0) this.addEnvelope(chunk, envelopeFrom, chunk.length);
  }

  /**
   * Scans a series from `from`: returns the index just past its closing `}`, or -1 when the chunk
   * ends first (nesting and string state are kept for the next chunk).
   */
  private scanElement(chunk: Buffer, from: number): number {
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    const length = chunk.length;
    for (let index = from; index < length; index++) {
      const byte = chunk[index]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        depth--;
        if (depth === 3) {
          this.depth = depth;
          this.inString = false;
          this.escaped = false;
          return index + 1;
        }
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }

  /** Ends the answer: parses the envelope and returns it; the series are in {@link aggregate}. */
  end(): Envelope {
    this.envelope += this.decoder.decode();
    if (this.depth !== 0 || this.inString || this.inElement)
      throw malformed('it ended before its last bracket');
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.envelope);
    } catch (error) {
      throw malformed((error as Error).message);
    }
    if (!isRecord(parsed)) throw malformed('it is not a JSON object');
    return parsed;
  }

  /** `{` or `[` at depth 1 or 2 outside a series: notes when `data` and `data.result` open. */
  private noteContainer(byte: number): void {
    const key = /"((?:[^"\\]|\\.)*)"\s*:\s*$/.exec(this.envelope.slice(-64))?.[1];
    if (this.depth === 1 && byte === OPEN_BRACE && key === 'data') this.inData = true;
    if (this.depth === 2 && this.inData && byte === OPEN_BRACKET && key === 'result') this.inResult = true;
  }

  private addEnvelope(chunk: Buffer, from: number, to: number): void {
    if (to <= from) return;
    this.envelope += this.decoder.decode(chunk.subarray(from, to), { stream: true });
    if (this.envelope.length > this.limits.envelopeBytes)
      throw malformed(`its envelope (everything but the series) passed ${this.limits.envelopeBytes} bytes`);
  }

  private addElement(chunk: Buffer, from: number, to: number): void {
    if (to <= from) return;
    this.element.push(chunk.subarray(from, to));
    this.elementBytes += to - from;
    if (this.elementBytes > this.limits.elementBytes)
      throw malformed(`one series is larger than ${this.limits.elementBytes} bytes`);
  }

  private finishElement(): void {
    const bytes = this.element.length === 1 ? this.element[0]! : Buffer.concat(this.element);
    this.element = [];
    this.elementBytes = 0;
    this.inElement = false;
    this.afterElement = true;
    // The reader and the scanner end a well-formed series at the same `}`.
    if (this.reader.read(bytes, 0) >= 0) return;
    let series: unknown;
    try {
      series = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw malformed((error as Error).message);
    }
    this.aggregate.addParsed(series);
  }
}

/** The answer without its series: `status`, `data.resultType`, `warnings`, errors, a scalar result. */
export type Envelope = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(detail: string): ProbeError {
  return new ProbeError(
    `prometheus: the answer is not a valid Prometheus API response (${detail}); is sources.prometheus.url the API's base URL, and is nothing in between rewriting the answer?`,
  );
}
