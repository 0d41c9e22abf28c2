import { z } from 'zod';
import { durationSchema } from '../shared/duration-schema.js';
import type { ProbeDefinition } from '../shared/probe-contract.js';
import { sourceFieldSchema, sourceJsonSchema } from './sources.js';

export { durationSchema };

export const prioritySchema = z.enum(['P0', 'P1', 'P2']).meta({
  description: 'P0 must pass (blocks Go); P1 should pass; P2 is informational.',
});

const isoDate = z.union([z.string(), z.date()]).transform((value, context) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
  if (!valid || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) {
    context.addIssue({ code: 'custom', message: `'${text}' is not a date; write it as YYYY-MM-DD` });
    return z.NEVER;
  }
  return text;
});

export const waiverSchema = z.strictObject({
  reason: z.string().min(1).meta({ description: 'Why the failure is accepted.' }),
  until: isoDate.meta({ description: 'Last day (UTC, YYYY-MM-DD) the waiver holds.' }),
  issue: z.number().int().positive().optional().meta({ description: 'Issue that tracks the fix.' }),
});

export const gateMetaSchema = z.strictObject({
  id: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      'use letters, digits, ".", "_" and "-" (it names the report files)',
    )
    .meta({ description: 'Report id; names the bundle files <id>.md and <id>.json.' }),
  title: z.string().min(1),
  environment: z.string().optional(),
  owner_role: z.string().optional(),
  related_issues: z.array(z.number().int()).default([]),
  related_prs: z.array(z.number().int()).default([]),
  language: z.enum(['en', 'ru']).optional().meta({ description: 'Language of report headings.' }),
  risks: z.array(z.string()).default([]).meta({ description: 'Follow-ups copied into "Residual risks".' }),
});

/** The probes a gate file may use, by the key users write in a check (the registry's light definitions). */
export type ProbeDefinitions = Readonly<Record<string, ProbeDefinition<unknown>>>;

/**
 * `sources:`: one optional entry per probe that declares one, under its kind: the probe's single
 * form or named sources of that form (see sources.ts). `forEditors`: as schema/gate.schema.json
 * shows it (both forms as a union) instead of as the loader reads it.
 */
export function sourcesSchemaFor(probes: ProbeDefinitions, forEditors = false): z.ZodDefault<z.ZodObject> {
  const entries = Object.entries(probes).flatMap(([kind, probe]) =>
    probe.sourceEntry
      ? [
          [
            kind,
            forEditors ? sourceJsonSchema(probe.sourceEntry) : sourceFieldSchema(kind, probe.sourceEntry),
          ] as const,
        ]
      : [],
  );
  return z.strictObject(Object.fromEntries(entries)).default({});
}

export const defaultsSchema = z
  .strictObject({
    timeout: durationSchema.optional(),
    priority: prioritySchema.optional(),
  })
  .default({});

/** The keys every check may have besides its one probe key. */
export const commonCheckShape = {
  name: z.string().optional().meta({ description: 'Label used in annotations and the JSON report.' }),
  expect: z
    .union([z.string(), z.boolean()])
    .optional()
    .meta({ description: "Condition over the probe's fields, e.g. `n >= 1 and failed == 0`." }),
  evidence: z
    .string()
    .optional()
    .meta({ description: 'Template for the Evidence cell; {{field}} inserts a value.' }),
  wait: durationSchema.optional().meta({ description: 'Re-run until expect holds or this long has passed.' }),
  interval: durationSchema.optional().meta({
    description: 'Pause between tries while waiting, and between samples while holding (default 10s).',
  }),
  hold: durationSchema.optional().meta({
    description:
      'Keep sampling for this long (after the first pass when `wait` is set, else from the first try); the check passes only if the samples pass.',
  }),
  failure_limit: z
    .number()
    .int('use a whole number of samples, e.g. 1')
    .min(0, 'use 0 or more (0: every sample must pass)')
    .optional()
    .meta({ description: "Samples of a `hold` allowed to fail (default 0; Argo Rollouts' failureLimit)." }),
  error_limit: z
    .number()
    .int('use a whole number of samples, e.g. 4')
    .min(0, 'use 0 or more (0: the first probe error ends the check)')
    .optional()
    .meta({
      description:
        "Consecutive probe errors a `hold` tolerates before the check ends `error` (default 4; Argo's consecutiveErrorLimit).",
    }),
  warn: z.union([z.string(), z.boolean()]).optional().meta({
    description:
      'A second, stricter condition: when expect holds but this does not, the check is `warn` (Go, listed as a residual risk).',
  }),
  timeout: durationSchema.optional().meta({ description: 'Per try (default defaults.timeout).' }),
  source: z.string().optional().meta({
    description:
      "Which named source of this probe's kind the check uses (a key under sources.<kind>); default: the source `default`.",
  }),
};

/** A precondition is a check that must have a name. */
export const preconditionShape = { ...commonCheckShape, name: z.string().min(1) };

export const scenarioShape = {
  name: z.string().min(1),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, ".", "_" and "-"')
    .optional(),
  priority: prioritySchema.optional(),
  checks: z.array(z.record(z.string(), z.unknown())).min(1, 'a scenario needs at least one check'),
  evidence: z.string().optional(),
  waiver: waiverSchema.optional(),
};

/** The top level, with checks and sources left open: each is validated against its own probe. */
// The zod type is what it returns; written out it would repeat the schema line by line.
// eslint-disable-next-line @typescript-eslint/explicit-function-return-type
function topLevelSchema(sources: z.ZodType<Record<string, unknown>>) {
  return z.strictObject({
    version: z.literal(1, { error: 'this version of regression-gate reads gate files of version: 1' }),
    gate: gateMetaSchema,
    sources,
    defaults: defaultsSchema,
    preconditions: z.array(z.record(z.string(), z.unknown())).default([]),
    scenarios: z.array(z.strictObject(scenarioShape)).min(1, 'a gate needs at least one scenario'),
  });
}

/** The gate file's top level: `sources:` by the probes' entries, checks left open. */
export type GateFileSchema = ReturnType<typeof topLevelSchema>;
export type GateFileInput = z.output<GateFileSchema>;

const gateFileSchemas = new WeakMap<ProbeDefinitions, GateFileSchema>();

/** The gate file's top level for these probes (built once per registry). */
export function gateFileSchemaFor(probes: ProbeDefinitions): GateFileSchema {
  let schema = gateFileSchemas.get(probes);
  if (!schema) gateFileSchemas.set(probes, (schema = topLevelSchema(sourcesSchemaFor(probes))));
  return schema;
}

const checkSchemas = new WeakMap<
  ProbeDefinition<unknown>,
  WeakMap<z.ZodRawShape, Map<string, z.ZodObject>>
>();

/** The schema of one check of one probe kind: common keys + its probe key + its extra keys. */
export function checkSchemaFor(
  kind: string,
  probe: ProbeDefinition<unknown>,
  shape: z.ZodRawShape = commonCheckShape,
): z.ZodObject {
  // Built once per probe, shape and key: zod compiles each new object schema, which made a gate of
  // 30,000 checks spend most of its load time (and memory) compiling the same schema again.
  let byShape = checkSchemas.get(probe);
  if (!byShape) checkSchemas.set(probe, (byShape = new WeakMap()));
  let byKind = byShape.get(shape);
  if (!byKind) byShape.set(shape, (byKind = new Map<string, z.ZodObject>()));
  let schema = byKind.get(kind);
  if (!schema) {
    schema = z.strictObject({ ...shape, [kind]: probe.schema, ...(probe.extraKeys ?? {}) });
    byKind.set(kind, schema);
  }
  return schema;
}
