// Bounded mapping lives at the bottom so baseline (below the engine) can share it.
export { mapBounded } from '../shared/map-bounded.js';

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
