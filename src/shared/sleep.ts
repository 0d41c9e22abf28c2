/**
 * Waits `ms`, or less when `signal` aborts first. Resolves true when the whole time passed and
 * false when the signal cut it short, so each caller decides what an abort means (the engine
 * simply stops waiting; the GitHub client gives up a rate-limit wait; a probe says why it stopped).
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => finish(true), ms);
    function onAbort(): void {
      finish(false);
    }
    function finish(slept: boolean): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(slept);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
