/** One printed figure of a benchmark, with its target and verdict. */
export interface BenchRow {
  name: string;
  /** The measured figure with its unit, e.g. "212 ms" or "88.1 MB". */
  figure: string;
  /** The target in words, e.g. "<= 60 ms over node -e 0"; empty when only informational. */
  target: string;
  /** undefined when there is no target. */
  pass: boolean | undefined;
}

/** A benchmark module's default export. */
export type Bench = () => Promise<BenchRow[]>;

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Formats megabytes from bytes. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
