import { z } from 'zod';
import { formatDuration, parseDuration } from '../../shared/duration.js';

/** What a `prometheus:` check asks: an instant query at gate time, or a range query ending now. */
export interface PrometheusSpec {
  query: string;
  /** Range queries only: how far back from now. */
  rangeMs?: number;
  /** Range queries only: resolution (default: range / 60, at least 1s). */
  stepMs?: number;
}

/** Prometheus refuses a range query of more points per series than this. */
export const MAX_POINTS = 11_000;

const query = z
  .string({ error: 'write the PromQL query as a string' })
  .refine((value) => value.trim() !== '', { error: 'the query is empty; write a PromQL expression' });

const duration = (): z.ZodType<number> =>
  z.union([z.string(), z.number()]).transform((value, context) => {
    const ms = parseDuration(value);
    if (ms === undefined || ms < 1000) {
      context.addIssue({
        code: 'custom',
        message: `'${String(value)}' is not a duration of at least 1s; write it like 30m, 1h or 1m`,
      });
      return z.NEVER;
    }
    return ms;
  });

const mapping = z.strictObject({
  query: query.meta({ description: 'PromQL expression.' }),
  range: duration()
    .optional()
    .meta({ description: 'Range query over this long, ending now (30m, 1h); without it, an instant query.' }),
  step: duration().optional().meta({ description: 'Resolution of a range query (default: range / 60).' }),
});

/** Default resolution: 60 points over the range, whole seconds, at least 1s. */
export function defaultStepMs(rangeMs: number): number {
  return Math.max(1000, Math.ceil(rangeMs / 60 / 1000) * 1000);
}

/** Schema of the value under `prometheus:` — a query string, or `{ query, range, step }`. */
export const prometheusSpecSchema: z.ZodType<PrometheusSpec> = z
  .union([query, mapping], {
    error: (issue) => {
      const input: unknown = issue.input;
      // A mapping: its own problem (a bad duration, an unknown key) says more than "not a string or mapping".
      const inner =
        issue.code === 'invalid_union' && typeof input === 'object' && input !== null
          ? issue.errors[1]?.[0]
          : undefined;
      if (inner?.code === 'unrecognized_keys') {
        return `unknown key '${inner.keys.join("', '")}'; a prometheus mapping takes query, range and step`;
      }
      if (inner) return `${inner.path.length > 0 ? `${inner.path.join('.')}: ` : ''}${inner.message}`;
      return "prometheus takes a PromQL query, or { query: '…', range: 30m, step: 1m } for a range query";
    },
  })
  .meta({
    description: 'A PromQL query (instant, at gate time), or { query, range, step } for a range ending now.',
  })
  .transform((value, context): PrometheusSpec => {
    if (typeof value === 'string') return { query: value.trim() };
    const spec: PrometheusSpec = { query: value.query.trim() };
    if (value.range === undefined) {
      if (value.step !== undefined) {
        context.addIssue({
          code: 'custom',
          message: 'step is for range queries: add range (e.g. range: 30m)',
        });
        return z.NEVER;
      }
      return spec;
    }
    const stepMs = value.step ?? defaultStepMs(value.range);
    if (stepMs > value.range) {
      context.addIssue({
        code: 'custom',
        message: `step ${formatDuration(stepMs)} is longer than range ${formatDuration(value.range)}; make it shorter`,
      });
      return z.NEVER;
    }
    const points = Math.floor(value.range / stepMs) + 1;
    if (points > MAX_POINTS) {
      context.addIssue({
        code: 'custom',
        message: `range ${formatDuration(value.range)} at step ${formatDuration(stepMs)} is ${points} points per series; Prometheus refuses more than ${MAX_POINTS}: raise step`,
      });
      return z.NEVER;
    }
    return { ...spec, rangeMs: value.range, stepMs };
  });

/**
 * `expect` and `evidence` as the prometheus probe reads them too: `value` and `last` exist only for a
 * single series, and the probe needs to know whether a check reads them to say why when they do not
 * exist. `expect` is required: a query alone decides nothing, and no default threshold is safe.
 */
export const prometheusExtraKeys = {
  expect: z
    .union([z.string(), z.boolean()], {
      error: (issue) =>
        issue.input === undefined
          ? 'a prometheus check needs expect, e.g. expect: value < 0.01 (a query alone decides nothing)'
          : 'expect must be a condition such as value < 0.01',
    })
    .meta({ description: "Condition over the query's fields, e.g. `value < 0.01` or `max < 0.5`." }),
  evidence: z
    .string()
    .optional()
    .meta({ description: 'Template for the Evidence cell; {{field}} inserts a value.' }),
};
