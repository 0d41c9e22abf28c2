import { z } from 'zod';
import { parseDuration } from './duration.js';

/** A duration written as `30s`, `5m`, `1h30m`, `250ms` or seconds; parsed to milliseconds. */
export const durationSchema = z
  .union([z.string(), z.number()])
  .transform((value, context) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      context.addIssue({
        code: 'custom',
        message: `'${String(value)}' is not a duration; write it like 30s, 5m or 1h30m`,
      });
      return z.NEVER;
    }
    return ms;
  })
  .meta({ description: 'A duration: 250ms, 30s, 5m, 1h30m, or a number of seconds.' });
