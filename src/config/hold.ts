// `hold`, `failure_limit`, `error_limit` and `warn` of a check, validated at load: the window keys
// that make health hold over time (GATE-FILE.md, "Health that must hold over time").
import { formatDuration } from '../shared/duration.js';

/** How a check keeps sampling once it holds (validated: hold > 0, interval ≤ hold). */
export interface HoldSettings {
  holdMs: number;
  /** Samples allowed to fail before the check fails (Argo Rollouts' failureLimit). */
  failureLimit: number;
  /** Consecutive probe errors tolerated; one more ends the check `error` (Argo's consecutiveErrorLimit). */
  errorLimit: number;
}

/** Like Argo Rollouts' default consecutiveErrorLimit. */
export const DEFAULT_ERROR_LIMIT = 4;

/** The window keys as zod left them (durations already in milliseconds). */
export interface HoldKeys {
  hold?: number;
  interval?: number;
  failure_limit?: number;
  error_limit?: number;
}

/**
 * The check's hold settings; `undefined` when it has no `hold`, `null` after reporting a problem
 * through `report(key, message)` (the key whose value is wrong).
 */
export function holdSettings(
  keys: HoldKeys,
  intervalMs: number,
  report: (key: keyof HoldKeys, message: string) => void,
): HoldSettings | undefined | null {
  if (keys.hold === undefined) {
    // The limits mean nothing without a window; saying so beats ignoring them.
    for (const key of ['failure_limit', 'error_limit'] as const) {
      if (keys[key] !== undefined)
        report(
          key,
          `${key} counts samples of a hold; add 'hold: 10m' (how long to keep sampling) or remove it`,
        );
    }
    return keys.failure_limit === undefined && keys.error_limit === undefined ? undefined : null;
  }
  if (keys.hold <= 0) {
    report('hold', `hold must be longer than 0; write how long to keep sampling, e.g. 'hold: 10m'`);
    return null;
  }
  if (intervalMs > keys.hold) {
    const written = keys.interval === undefined ? ' (the default)' : '';
    report(
      keys.interval === undefined ? 'hold' : 'interval',
      `interval ${formatDuration(intervalMs)}${written} is longer than hold ${formatDuration(keys.hold)}, so the hold would take one sample; set 'interval' to at most ${formatDuration(keys.hold)}, e.g. 'interval: ${formatDuration(Math.max(1, Math.floor(keys.hold / 10)))}'`,
    );
    return null;
  }
  return {
    holdMs: keys.hold,
    failureLimit: keys.failure_limit ?? 0,
    errorLimit: keys.error_limit ?? DEFAULT_ERROR_LIMIT,
  };
}
