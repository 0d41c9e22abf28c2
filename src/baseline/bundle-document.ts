// A bundle read back by `merge`: the JSON another matrix job wrote, checked strictly enough to
// render its rows again (evidence parts, reproduce commands, gate-file lines for annotations).
// Every way a file can fail to be such a bundle is one sentence naming the file.
import { z } from 'zod';
import { isEvidenceList, isFieldRecord, isMergeRow } from './bundle-rows.js';
import { builtOnce } from '../shared/once.js';
import { reportSchema, reportSchemas } from './report-schema.js';

/** The bundle format `merge` reads (the `schema_version` writeBundle writes). */
export const MERGE_SCHEMA_VERSION = 1;

/** Built on the first merge, not at load (see reportSchemas). */
const mergeBundleSchema = builtOnce(buildMergeBundleSchema);

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the type is the zod schema the body builds
function buildMergeBundleSchema() {
  // Evidence parts and check fields are checked by hand, not by zod unions: the same shapes are
  // accepted, at a fraction of the cost (a merge reads hundreds of thousands of them).
  const evidence = z.custom<EvidencePart[]>(isEvidenceList, {
    message: 'evidence must be a list of { text } or { value, change? } parts, each a string',
  });
  const fields = z.custom<Record<string, FieldValue>>(isFieldRecord, {
    message: 'fields must map names to a string, number, boolean, null, list of strings or map of strings',
  });

  const mergeCheckSchema = reportSchemas().reportCheckSchema.extend({
    fields,
    evidence,
    reproduce: z.string(),
    target: z.string(),
    startedAt: z.string(),
    line: z.number(),
  });

  const mergeRowSchema = reportSchemas().reportScenarioSchema.extend({
    evidence,
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

  // Rows are checked by hand (bundle-rows.ts); a row it rejects is explained by the zod row schema.
  const row = z.custom<z.output<typeof mergeRowSchema>>(isMergeRow);
  const document = reportSchema().extend({
    gate: z.looseObject({
      id: z.string(),
      title: z.string(),
      language: z.enum(['en', 'ru']),
      risks: z.array(z.string()),
    }),
    preconditions: z.array(row),
    scenarios: z.array(row),
    warnings: z.array(z.string()),
  });
  return { document, row: mergeRowSchema };
}

type EvidencePart = { text: string } | { value: string; change?: string };
type FieldValue = string | number | boolean | null | string[] | Record<string, string>;

/** A bundle as `merge` reads it (unknown keys kept). */
export type BundleDocument = z.output<ReturnType<typeof mergeBundleSchema>['document']>;

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
  const parsed = mergeBundleSchema().document.safeParse(data);
  if (!parsed.success) {
    const issue = rowIssue(data, parsed.error.issues[0]!);
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

/** A rejected row's first problem as the zod row schema states it, under the row's path. */
function rowIssue(data: object, issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  const [list, index] = issue.path;
  if (issue.code !== 'custom' || issue.path.length !== 2 || typeof index !== 'number') return issue;
  const rows = (data as Record<string, unknown>)[String(list)];
  const detail = mergeBundleSchema().row.safeParse(Array.isArray(rows) ? rows[index] : undefined);
  if (detail.success) return { path: issue.path, message: 'not a row the merge can read' };
  const first = detail.error.issues[0]!;
  return { path: [...issue.path, ...first.path], message: first.message };
}
