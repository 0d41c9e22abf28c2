import { z } from 'zod';
import { builtOnce } from '../shared/once.js';

/**
 * The JSON report's schemas, as written by writeBundle and read back by `baseline:`, `history:`
 * and `merge`: the parts of a `<gate.id>.json` bundle another run reads back. Unknown keys are kept
 * (`looseObject`) so bundles from newer versions still compare. Built on first use, not at load:
 * constructing these zod schemas costs tens of milliseconds of start-up that a gate without
 * `baseline:`, `history:` or `merge` never needs.
 */
export const reportSchemas = builtOnce(() => {
  const fieldValue = z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(z.string()),
    z.record(z.string(), z.string()),
  ]);

  const status = z.enum(['pass', 'warn', 'fail', 'error', 'waived']);

  const reportCheckSchema = z.looseObject({
    id: z.string(),
    kind: z.string(),
    source: z
      .string()
      .optional()
      .describe(
        'The named source the check asked (`default` for the single form); absent for kinds without sources.',
      ),
    status: z.enum(['pass', 'warn', 'fail', 'error']),
    fields: z.record(z.string(), fieldValue),
    error: z.string().optional(),
    expect: z.string(),
    durationMs: z.number(),
    attempts: z.number(),
  });

  const reportScenarioSchema = z.looseObject({
    id: z.string(),
    name: z.string(),
    priority: z.enum(['P0', 'P1', 'P2']),
    status,
    checkStatus: z.enum(['pass', 'warn', 'fail', 'error']),
    regression: z.enum(['new', 'known']).optional(),
    checks: z.array(reportCheckSchema),
    evidence_text: z.string(),
    line: z.number().optional().describe("The row's line in the gate file (annotations point there)."),
    environment: z
      .string()
      .optional()
      .describe('Merged bundles of several environments: the environment this row was measured in.'),
  });

  /** `shard: K/N`: the slice a matrix job ran and the ids of the scenarios it owned. */
  const reportShardSchema = z.object({
    index: z.number().int().min(1).describe('K, 1-based.'),
    total: z.number().int().min(1).describe('N, the number of shards.'),
    scenarios: z.array(z.string()).describe('Ids of the scenarios this shard owned.'),
  });

  const trendStatus = z.enum(['pass', 'warn', 'fail', 'error', 'waived', 'absent']);

  /** `history: N`: the per-scenario trend over the earlier runs read and this one (oldest first). */
  const reportHistorySchema = z
    .object({
      window: z.number().describe('Earlier runs asked for (`history: N`).'),
      runs: z
        .array(z.object({ id: z.number().optional(), url: z.string().optional(), current: z.boolean() }))
        .describe('Runs whose bundle was read, oldest first; the last is this run (`current: true`).'),
      skipped: z.number().describe('Earlier runs skipped: no artifact, or an unreadable bundle.'),
      scenarios: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          statuses: z.array(trendStatus).describe('One per run of `runs`, same order.'),
          flaky: z.boolean().describe('Passed and did not pass more than once in the window.'),
          failingSince: z
            .object({ runId: z.number().optional(), url: z.string().optional(), atLeast: z.boolean() })
            .optional()
            .describe('When this run did not pass: the first run of the streak that did not pass.'),
        }),
      ),
    })
    .meta({ title: 'history' });

  /** The JSON report, as written by writeBundle and read back by `baseline:`. */
  const reportSchema = z
    .looseObject({
      schema_version: z.literal(1),
      tool: z.object({ name: z.string(), version: z.string() }),
      file: z.string(),
      gate: z.looseObject({ id: z.string(), title: z.string() }),
      startedAt: z.string(),
      finishedAt: z.string(),
      durationMs: z.number(),
      decision: z.enum(['go', 'no-go']),
      preconditions: z.array(reportScenarioSchema),
      scenarios: z.array(reportScenarioSchema),
      counts: z.object({
        passed: z.number(),
        failed: z.number(),
        errors: z.number(),
        waived: z.number(),
        warned: z.number().optional(),
        total: z.number(),
      }),
      baseline: z
        .object({ source: z.string(), decision: z.enum(['go', 'no-go']), finishedAt: z.string() })
        .optional(),
      history: reportHistorySchema.optional(),
      environment: z
        .string()
        .nullable()
        .optional()
        .describe('The `environment` input of the run; null when none was given.'),
      shard: reportShardSchema
        .nullable()
        .optional()
        .describe('The `shard` input of the run; null when it ran every scenario.'),
      merge: z
        .looseObject({ bundles: z.number(), problems: z.number() })
        .optional()
        .describe('Set on the bundle `merge` writes: what was merged, per environment.'),
    })
    .meta({
      title: 'regression-gate report',
      description: 'The JSON bundle <gate.id>.json written by regression-gate (schema_version 1).',
    });

  return { reportCheckSchema, reportScenarioSchema, reportShardSchema, reportHistorySchema, reportSchema };
});

/** The whole bundle's schema (see {@link reportSchemas}). */
export const reportSchema = (): ReturnType<typeof reportSchemas>['reportSchema'] =>
  reportSchemas().reportSchema;

export type BaselineReport = z.output<ReturnType<typeof reportSchema>>;
