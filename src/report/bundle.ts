import { join } from 'node:path';
import type { GateResult } from '../engine/results.js';
import { evidenceText } from '../engine/evidence.js';
import { renderMarkdown } from './markdown.js';
import { jsonReplacer, type PublicResult } from './redact.js';
import type { ArtefactSink } from './sink.js';
import type { PublicHistory } from './trend.js';
import { bundleBaseName } from './label.js';

/** Version of the JSON report's shape; bumped on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 1;

export interface BundlePaths {
  markdown: string;
  json: string;
  /** The full report written into the .md (after its front matter), for the job summary to reuse. */
  report: string;
}

/** Front matter in the seed's form, so the bundle can sit next to hand-written gate documents. */
export function frontMatter(result: PublicResult): string {
  const date = result.finishedAt.slice(0, 10);
  const gate = result.gate;
  const lines = [
    '---',
    `doc_id: ${JSON.stringify(gate.id)}`,
    'type: regression',
    `title: ${JSON.stringify(gate.title)}`,
    'status: completed',
    ...(gate.ownerRole ? [`owner_role: ${JSON.stringify(gate.ownerRole)}`] : []),
    ...(gate.environment ? [`environment: ${JSON.stringify(gate.environment)}`] : []),
    `created_at: ${date}`,
    `updated_at: ${date}`,
    `related_issues: [${gate.relatedIssues.join(', ')}]`,
    `related_prs: [${gate.relatedPrs.join(', ')}]`,
    `decision: ${result.decision}`,
    `generated_by: ${JSON.stringify(`${result.tool.name}@${result.tool.version}`)}`,
    '---',
  ];
  return `${lines.join('\n')}\n`;
}

/** The bundle's Markdown document: front matter and the full report (`report`, else rendered), never shortened. */
export function bundleMarkdown(result: PublicResult, report = renderMarkdown(result)): string {
  return `${frontMatter(result)}\n${report}`;
}

/** The bundle's JSON document: every check's fields, timings, errors and the tool version (and the trend, when read). */
export function bundleJson(result: PublicResult, history?: PublicHistory): string {
  const document = {
    schema_version: REPORT_SCHEMA_VERSION,
    ...result,
    // Always present, so a merge can tell a job that ran everything from one that ran a slice.
    environment: result.environment ?? null,
    shard: result.shard ?? null,
    preconditions: result.preconditions.map(withEvidenceText),
    scenarios: result.scenarios.map(withEvidenceText),
    ...(history ? { history } : {}),
  };
  // A merged bundle (every row of every job: megabytes) is written compact; a job's stays indented.
  return `${stringify(document, result.merge ? undefined : 2)}\n`;
}

/**
 * JSON.stringify with bigints kept exact. Without a replacer first (a replacer call per value is a
 * third of the time for a merged bundle); a bigint makes it throw, and then the replacer is used.
 */
function stringify(document: object, indent: number | undefined): string {
  try {
    return JSON.stringify(document, null, indent);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(document, jsonReplacer, indent);
  }
}

function withEvidenceText<T extends { evidence: GateResult['scenarios'][number]['evidence'] }>(
  row: T,
): T & { evidence_text: string } {
  return { ...row, evidence_text: evidenceText(row.evidence) };
}

/** Writes `<base>.md` and `<base>.json` ({@link bundleBaseName}) into `directory` through the sink. */
export async function writeBundle(
  result: PublicResult,
  directory: string,
  sink: ArtefactSink,
  history?: PublicHistory,
): Promise<BundlePaths> {
  const base = bundleBaseName(result);
  const report = renderMarkdown(result);
  const paths = {
    markdown: join(directory, `${base}.md`),
    json: join(directory, `${base}.json`),
    report,
  };
  await sink.file(paths.markdown, bundleMarkdown(result, report), 'markdown');
  await sink.file(paths.json, bundleJson(result, history), 'json');
  return paths;
}
