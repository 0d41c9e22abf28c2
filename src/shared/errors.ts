/** How a probe qualifies a {@link ProbeError}. */
export interface ProbeErrorOptions {
  /**
   * False when trying again cannot change the answer (no URL, invalid configuration, a 401/403,
   * a resource that does not exist): a check with `wait` stops at once instead of spinning until
   * its wait or the gate's deadline runs out. Default true (a refused connection may heal).
   */
  retryable?: boolean;
  cause?: unknown;
}

/**
 * Thrown by a probe when it cannot answer; the message is shown to the user as is. Anything else
 * a probe throws is reported as an internal error of the probe, never as evidence.
 */
export class ProbeError extends Error {
  override readonly name = 'ProbeError';
  readonly retryable: boolean;

  constructor(message: string, options: ProbeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? true;
  }
}
