// The engine's concurrency and deadline helpers, with promises the test controls (no timing): the
// kill set for mutation testing of src/engine/limit.ts.
import { describe, expect, it } from 'vitest';
import { mapBounded, Semaphore, settleWithin } from '../../src/engine/limit.js';
import { sleep } from '../../src/shared/sleep.js';

interface Gate {
  promise: Promise<void>;
  open: () => void;
}
function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('mapBounded', () => {
  it('runs at most `concurrency` tasks at once and returns results in input order', async () => {
    const gates = [gate(), gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const done = mapBounded([10, 20, 30, 40, 50], 2, async (item, index) => {
      started.push(index);
      await gates[index]!.promise;
      return item + index;
    });
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]!.open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await done).toEqual([10, 21, 32, 43, 54]);
  });

  it('runs one at a time when asked for 0, and nothing for no items', async () => {
    let running = 0;
    let most = 0;
    const out = await mapBounded([1, 2, 3], 0, async (item) => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
      return item * 2;
    });
    expect(out).toEqual([2, 4, 6]);
    expect(most).toBe(1);
    let called = 0;
    expect(await mapBounded([], 4, () => Promise.resolve(called++))).toEqual([]);
    expect(called).toBe(0);
  });

  it('starts no more workers than items', async () => {
    const started: number[] = [];
    expect(await mapBounded([7], 8, (item, index) => Promise.resolve(started.push(index) && item))).toEqual([
      7,
    ]);
    expect(started).toEqual([0]);
  });
});

describe('Semaphore', () => {
  it('lets `size` holders in, the rest in arrival order as places free', async () => {
    const semaphore = new Semaphore(1);
    const order: string[] = [];
    const first = gate();
    const a = semaphore.use(async () => {
      order.push('a');
      await first.promise;
      return 'A';
    });
    const b = semaphore.use(() => {
      order.push('b');
      return Promise.resolve('B');
    });
    const c = semaphore.use(() => {
      order.push('c');
      return Promise.reject(new Error('C'));
    });
    await tick();
    expect(order).toEqual(['a']);
    first.open();
    expect(await a).toBe('A');
    expect(await b).toBe('B');
    await expect(c).rejects.toThrow('C');
    expect(order).toEqual(['a', 'b', 'c']);
    // A failed holder still frees its place.
    expect(await semaphore.use(() => Promise.resolve('D'))).toBe('D');
  });
});

describe('sleep', () => {
  it('returns at once for an aborted signal, and when the signal aborts', async () => {
    const aborted = AbortSignal.abort();
    await sleep(1_000_000, aborted);
    const controller = new AbortController();
    const waiting = sleep(1_000_000, controller.signal);
    controller.abort();
    await waiting;
    await sleep(0);
  });
});

describe('settleWithin', () => {
  it('starts no grace before the abort: slow work on a live signal still gives its value', async () => {
    const live = new AbortController();
    // The work's own timer is longer than the zero grace, so a grace started too early would win.
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve('done'), 20));
    expect(await settleWithin(slow, live.signal, 0)).toEqual({ kind: 'value', value: 'done', late: false });
  });

  it('reports a value or an error, and whether it came after the abort', async () => {
    const live = new AbortController();
    expect(await settleWithin(Promise.resolve(1), live.signal, 0)).toEqual({
      kind: 'value',
      value: 1,
      late: false,
    });
    const error = new Error('x');
    expect(await settleWithin(Promise.reject(error), live.signal, 0)).toEqual({
      kind: 'error',
      error,
      late: false,
    });
    expect(await settleWithin(Promise.resolve(2), AbortSignal.abort(), 1_000_000)).toEqual({
      kind: 'value',
      value: 2,
      late: true,
    });
    expect(await settleWithin(Promise.reject(error), AbortSignal.abort(), 1_000_000)).toEqual({
      kind: 'error',
      error,
      late: true,
    });
  });

  it('gives up on work that has not settled once the signal aborts and the grace ends', async () => {
    const never = new Promise<number>(() => {});
    expect(await settleWithin(never, AbortSignal.abort(), 0)).toEqual({ kind: 'abandoned' });
    const controller = new AbortController();
    const pending = settleWithin(never, controller.signal, 0);
    controller.abort();
    expect(await pending).toEqual({ kind: 'abandoned' });
  });

  it('waits for work that settles within the grace after the abort', async () => {
    const controller = new AbortController();
    const work = gate();
    const pending = settleWithin(
      work.promise.then(() => 'late answer'),
      controller.signal,
      1_000_000,
    );
    controller.abort();
    work.open();
    expect(await pending).toEqual({ kind: 'value', value: 'late answer', late: true });
  });
});
