import { ProbeError } from '../probe.js';

/** How many label sets an error message names. */
const NAMED_SERIES = 3;

/**
 * Where the in-place {@link SeriesReader} folds one series: values go into a pending copy of the
 * totals, which replaces them only when the whole series has been read and found well-formed.
 */
export interface SampleFold {
  /** Starts a series: the pending totals are the current ones. */
  begin(): void;
  /** One finite value of the pending series. */
  add(value: number): void;
  /** The series ended well-formed: its values count; `metric` gives its label set when asked. */
  commit(metric: () => Record<string, unknown>): void;
}

/**
 * Folds series into `series`, `samples`, `min`, `max`, `sum` (compensated, so 1.2 million small
 * rates add up without drift) and the one series' last sample, keeping the first label sets for
 * messages. Holds no samples: memory is the same for 1 series or 100,000.
 */
export class SeriesAggregate implements SampleFold {
  series = 0;
  samples = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  private total = 0;
  private compensation = 0;
  /** The latest sample of the last series read (the only one when series == 1). */
  last: number | undefined;
  /** `name{label="value", …}` of the first series, for messages. */
  readonly labelSets: string[] = [];
  /** The totals of the series being read in place (see {@link SampleFold}). */
  private readonly pending = { samples: 0, min: 0, max: 0, total: 0, compensation: 0, last: 0 };

  constructor(readonly kind: 'instant' | 'range') {}

  get sum(): number {
    return this.total + this.compensation;
  }

  begin(): void {
    const pending = this.pending;
    pending.samples = this.samples;
    pending.min = this.min;
    pending.max = this.max;
    pending.total = this.total;
    pending.compensation = this.compensation;
    pending.last = this.last ?? Number.NaN;
  }

  add(value: number): void {
    const pending = this.pending;
    pending.samples++;
    if (value < pending.min) pending.min = value;
    if (value > pending.max) pending.max = value;
    // Neumaier summation: the error of each addition is carried instead of lost.
    const total = pending.total;
    const next = total + value;
    pending.compensation += Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
    pending.total = next;
    pending.last = value;
  }

  commit(metric: () => Record<string, unknown>): void {
    this.commitPending(this.labelSets.length < NAMED_SERIES ? labelSet(metric()) : undefined);
  }

  /** One item of `data.result` of a vector or matrix answer, as JSON.parse made it. */
  addParsed(item: unknown): void {
    if (!isRecord(item) || !isRecord(item.metric)) throw shape('a series without "metric"');
    const labels = labelSet(item.metric);
    if (item.histogram !== undefined || item.histograms !== undefined) {
      throw new ProbeError(
        `prometheus: ${labels} is a native histogram, which has no single value; ask for a number, e.g. histogram_quantile(0.99, …) or histogram_count(…)`,
      );
    }
    this.begin();
    if (Array.isArray(item.value)) this.add(sampleOf(item.value, labels));
    else if (!Array.isArray(item.values)) throw shape('a series with neither "value" nor "values"');
    else for (const sample of item.values) this.add(sampleOf(sample, labels));
    this.commitPending(labels);
  }

  /** A scalar answer (`scalar(…)`, `time()`, a number): one sample, no labels. */
  addScalar(sample: unknown): void {
    this.begin();
    this.add(sampleOf(sample, 'the scalar'));
    this.commitPending('scalar');
  }

  private commitPending(labels: string | undefined): void {
    const pending = this.pending;
    this.series++;
    if (labels !== undefined && this.labelSets.length < NAMED_SERIES) this.labelSets.push(labels);
    this.samples = pending.samples;
    this.min = pending.min;
    this.max = pending.max;
    this.total = pending.total;
    this.compensation = pending.compensation;
    if (!Number.isNaN(pending.last)) this.last = pending.last;
  }
}

/** `[time, "value"]` as a number; the shape is checked and NaN/±Inf are errors. */
function sampleOf(sample: unknown, labels: string): number {
  if (!Array.isArray(sample) || sample.length !== 2 || typeof sample[1] !== 'string') {
    throw shape('a sample that is not [time, "value"]');
  }
  return sampleValue(sample[1], labels, sample[0]);
}

/** A sample's value text as a number; NaN and ±Inf are errors that say where they come from. */
function sampleValue(text: string, labels: string, time: unknown): number {
  const value = Number(text);
  // The common case first and cheap: 1.2 million samples pass here for a large range answer.
  if (Number.isFinite(value) && text !== '') return value;
  const at = typeof time === 'number' ? ` at ${new Date(time * 1000).toISOString()}` : '';
  if (text === 'NaN') {
    throw new ProbeError(
      `prometheus: ${labels} is NaN${at}, which no threshold can judge; NaN is usually 0/0 (a ratio of rates with no traffic in the window). If no traffic should count as 0, write (…) >= 0 or vector(0); otherwise make sure traffic reaches the service before the gate runs`,
    );
  }
  if (text === '+Inf' || text === '-Inf' || text === 'Inf') {
    throw new ProbeError(
      `prometheus: ${labels} is ${text}${at}, which no threshold can judge; it is usually a division by zero (a denominator of 0 under a non-zero numerator): guard the denominator, e.g. … / (… > 0)`,
    );
  }
  throw shape(`a sample value '${text.slice(0, 40)}' that is not a number`);
}

/** `http_requests_total{code="500", job="web"}`, or `{} (no labels)` for a series without any. */
export function labelSet(metric: Record<string, unknown>): string {
  const name = typeof metric.__name__ === 'string' ? metric.__name__ : '';
  const pairs = Object.entries(metric)
    .filter(([key]) => key !== '__name__')
    .map(([key, value]) => `${key}=${JSON.stringify(String(value))}`);
  if (name === '' && pairs.length === 0) return '{} (no labels)';
  return `${name}{${pairs.join(', ')}}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shape(detail: string): ProbeError {
  return new ProbeError(
    `prometheus: the answer is not a valid Prometheus API response (${detail}); is sources.prometheus.url the API's base URL?`,
  );
}
