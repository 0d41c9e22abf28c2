/** Runs at most `concurrency` tasks at a time; returns results in input order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}

/** A counting semaphore: at most `size` holders at once, served in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly size: number) {}

  /** Runs `task` once a place is free. */
  async use<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * How a piece of work ended: with a value or an error (`late` when that came only after the
 * signal aborted), or `abandoned` when it had not settled `graceMs` after the abort.
 */
export type Settled<T> =
  | { kind: 'value'; value: T; late: boolean }
  | { kind: 'error'; error: unknown; late: boolean }
  | { kind: 'abandoned' };

/**
 * Waits for `work`; once `signal` aborts, waits at most `graceMs` more for it to settle (so it can
 * say in its own words why it stopped), then gives up on it. Never rejects.
 */
export function settleWithin<T>(work: Promise<T>, signal: AbortSignal, graceMs: number): Promise<Settled<T>> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (settled: Settled<T>): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(settled);
    };
    function onAbort(): void {
      timer = setTimeout(() => finish({ kind: 'abandoned' }), graceMs);
    }
    work.then(
      (value) => finish({ kind: 'value', value, late: signal.aborted }),
      (error: unknown) => finish({ kind: 'error', error, late: signal.aborted }),
    );
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
