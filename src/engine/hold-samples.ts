// Every sample of a hold, kept compactly while the hold runs: one slot per sample in typed arrays
// (time, status, per read field a number or the index of an interned value, the index of an
// interned error), growing by doubling. A sample costs 9 bytes plus 12 per field the conditions
// read, and no object, string or closure; the samples become the bundle's objects only once,
// when the hold ends.
import type { FieldValue, Fields } from '../probes/probe.js';
import { formatValue, lookupField } from './evidence.js';
import type { CheckStatus, HoldSample } from './results.js';

const STATUSES: readonly CheckStatus[] = ['pass', 'warn', 'fail', 'error'];
/** In a field's `interned` column: the value is the number in its `numbers` column. */
const NUMBER = -1;
/** In a field's `interned` column: the sample has no value for the field. */
const ABSENT = -2;
/** Errors and non-number values are few and repeat ("connection refused", true): each is kept once. */
const INTERNED_LIMIT = 4096;

/** One field's values over the samples. */
interface Column {
  name: string;
  numbers: Float64Array;
  interned: Int32Array;
}

/** Distinct values of a kind, each kept once; past the limit, new ones are kept as they come. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();

  indexOf(value: T, key: string): number {
    const known = this.index.get(key);
    if (known !== undefined) return known;
    this.values.push(value);
    if (this.index.size < INTERNED_LIMIT) this.index.set(key, this.values.length - 1);
    return this.values.length - 1;
  }
}

export class SampleLog {
  length = 0;
  private capacity = 64;
  private times = new Float64Array(this.capacity);
  private statuses = new Uint8Array(this.capacity);
  /** Index of the sample's error in {@link errors}, or -1. */
  private errorAt = new Int32Array(this.capacity);
  private readonly errors = new Interned<string>();
  private readonly others = new Interned<FieldValue>();
  private readonly columns: Column[];

  /** `fieldNames`: the fields kept per sample; `shorten` makes long text fit. */
  constructor(
    fieldNames: readonly string[],
    private readonly shorten: (text: string) => string,
  ) {
    this.columns = fieldNames.map((name) => ({
      name,
      numbers: new Float64Array(this.capacity),
      interned: new Int32Array(this.capacity),
    }));
  }

  /** A sample with the values of the kept fields, or with an error. */
  add(at: number, status: CheckStatus, fields: Fields, error?: string): void {
    if (this.length === this.capacity) this.grow();
    const slot = this.length++;
    this.times[slot] = at;
    this.statuses[slot] = STATUSES.indexOf(status);
    if (status === 'error') {
      const text = this.shorten(error ?? 'error');
      this.errorAt[slot] = this.errors.indexOf(text, text);
      for (const column of this.columns) column.interned[slot] = ABSENT;
      return;
    }
    this.errorAt[slot] = -1;
    for (const column of this.columns) {
      const value = lookupField(fields, column.name);
      if (typeof value === 'number') {
        column.numbers[slot] = value;
        column.interned[slot] = NUMBER;
      } else if (value === undefined) column.interned[slot] = ABSENT;
      else {
        const kept = typeof value === 'boolean' || value === null ? value : this.shorten(formatValue(value));
        column.interned[slot] = this.others.indexOf(kept, `${typeof kept}:${String(kept)}`);
      }
    }
  }

  /** The samples as the bundle shows them: `{ at, status, values }` or `{ at, status, error }`. */
  toSamples(): HoldSample[] {
    const samples: HoldSample[] = new Array<HoldSample>(this.length);
    for (let slot = 0; slot < this.length; slot++) {
      const sample: HoldSample = {
        at: new Date(this.times[slot]!).toISOString(),
        status: STATUSES[this.statuses[slot]!]!,
      };
      const error = this.errorAt[slot]!;
      if (error >= 0) sample.error = this.errors.values[error]!;
      else {
        const values: Fields = {};
        for (const column of this.columns) {
          const interned = column.interned[slot]!;
          if (interned === NUMBER) values[column.name] = column.numbers[slot]!;
          else if (interned !== ABSENT) values[column.name] = this.others.values[interned]!;
        }
        sample.values = values;
      }
      samples[slot] = sample;
    }
    return samples;
  }

  private grow(): void {
    this.capacity *= 2;
    this.times = resized(this.times, new Float64Array(this.capacity));
    this.statuses = resized(this.statuses, new Uint8Array(this.capacity));
    this.errorAt = resized(this.errorAt, new Int32Array(this.capacity));
    for (const column of this.columns) {
      column.numbers = resized(column.numbers, new Float64Array(this.capacity));
      column.interned = resized(column.interned, new Int32Array(this.capacity));
    }
  }
}

function resized<T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
