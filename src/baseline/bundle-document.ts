// A bundle read back by `merge`: the JSON another matrix job wrote, checked strictly enough to
// render its rows again (evidence parts, reproduce commands, gate-file lines for annotations).
// Every way a file can fail to be such a bundle is one sentence naming the file.
import { z } from 'zod';
import { reportSchema, reportSchemas } from './report-schema.js';

/** The bundle format `merge` reads (the `schema_version` writeBundle writes). */
export const MERGE_SCHEMA_VERSION = 1;

let built: ReturnType<typeof buildMergeBundleSchema> | undefined;

/** Built on the first merge, not at load (see reportSchemas). */
function mergeBundleSchema(): ReturnType<typeof buildMergeBundleSchema> {
  return (built ??= buildMergeBundleSchema());
}

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the type is the zod schema the body builds
function buildMergeBundleSchema() {
  const evidencePart = z.union([
    z.object({ text: z.string() }),
    z.object({ value: z.string(), change: z.string().optional() }),
  ]);

  const mergeCheckSchema = reportSchemas().reportCheckSchema.extend({
    evidence: z.array(evidencePart),
    reproduce: z.string(),
    target: z.string(),
    startedAt: z.string(),
    line: z.number(),
  });

  const mergeRowSchema = reportSchemas().reportScenarioSchema.extend({
    evidence: z.array(evidencePart),
    checks: z.array(mergeCheckSchema),
    line: z.number(),
    waiver: z
      .looseObject({
        reason: z.string(),
        until: z.string(),
        issue: z.number().optional(),
        active: z.boolean(),
      })
      .optional(),
  });

  return reportSchema().extend({
    gate: z.looseObject({
      id: z.string(),
      title: z.string(),
      language: z.enum(['en', 'ru']),
      risks: z.array(z.string()),
    }),
    preconditions: z.array(mergeRowSchema),
    scenarios: z.array(mergeRowSchema),
    warnings: z.array(z.string()),
  });
}

/** A bundle as `merge` reads it (unknown keys kept). */
export type BundleDocument = z.output<ReturnType<typeof mergeBundleSchema>>;

/** The document, or why the text is not a bundle `merge` can use (to follow the file's name). */
export function parseBundleDocument(text: string): { document: BundleDocument } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `is not JSON (${(error as Error).message}); merge reads the <gate-id>…json bundles` };
  }
  if (typeof data !== 'object' || data === null || !('schema_version' in data)) {
    return { problem: 'is not a regression-gate bundle (no schema_version); check the glob' };
  }
  const version = data.schema_version;
  if (version !== MERGE_SCHEMA_VERSION) {
    return {
      problem: `has schema_version ${JSON.stringify(version)}, this version reads ${MERGE_SCHEMA_VERSION}; run every job with the same regression-gate version`,
    };
  }
  const parsed = mergeBundleSchema().safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      problem: `is not a complete regression-gate bundle (${issue.path.join('.') || 'top level'}: ${issue.message})`,
    };
  }
  if (parsed.data.merge !== undefined) {
    return { problem: 'is itself the bundle of a merge; leave merged bundles out of the glob' };
  }
  // The schema only checks (no defaults, no transforms): the parsed JSON is kept rather than
  // zod's copy of it, so a merge of many bundles holds each row once.
  return { document: data as BundleDocument };
}
