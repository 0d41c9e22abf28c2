// Lets a caller stop waiting for a promise when its check's signal aborts.
import type { ProbeError } from '../probe.js';

/** Rejects when the signal aborts; the promise itself keeps running. */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  onAbort: () => ProbeError,
): Promise<T> {
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
