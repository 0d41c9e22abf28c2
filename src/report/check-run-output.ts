// What a check run shows, fitted into the Checks API's limits: its report type, the byte and
// character cuts, and annotations in the form the API takes.
import { cutToBytes, utf8Length } from '../shared/text.js';
import { stripControlAndLineBreaks, stripControl } from './escape.js';

/** The check run's conclusion: Go is `success`, No-Go is `failure`. */
export type CheckRunConclusion = 'success' | 'failure' | 'neutral';

/** GitHub's annotation levels. */
export type CheckAnnotationLevel = 'failure' | 'warning' | 'notice';

/** One annotation on a file of the repository (the gate file, at a scenario's line). */
export interface CheckAnnotation {
  /** Path relative to the repository root, `/`-separated. */
  path: string;
  startLine: number;
  /** Defaults to startLine. */
  endLine?: number;
  level: CheckAnnotationLevel;
  title: string;
  message: string;
  rawDetails?: string;
}

/** Everything the completed check run shows; already redacted by the caller. */
export interface CheckRunReport {
  conclusion: CheckRunConclusion;
  /** e.g. `Go — 7/7 scenarios pass`. */
  title: string;
  /** Markdown; cut to 65,535 bytes here if the caller did not fit it. */
  summary: string;
  text?: string;
  annotations: readonly CheckAnnotation[];
}

/** GitHub's limits; they count bytes (the API answers 422 above them). */
export const CHECK_RUN_LIMITS = {
  outputBytes: 65_535,
  annotationsPerRequest: 50,
  annotationTitleChars: 255,
  annotationMessageBytes: 65_535,
} as const;

const CUT_NOTICE =
  "\n\n---\n**Cut to fit GitHub's 65,535-byte limit for check runs.** The full report is in the report bundle (`report-markdown` output) and the job summary.";

/**
 * Cuts `text` to at most `limitBytes` UTF-8 bytes and appends `notice`; text within the limit is
 * returned as is. Markdown (`wholeLines`) is cut only at a line end, never inside a line: a partial
 * table row could leave a code span open and make a value in it live Markdown; an open code fence
 * is closed. Plain text (annotation messages) is cut on a character boundary.
 */
export function fitBytes(
  text: string,
  limitBytes: number,
  notice: string = CUT_NOTICE,
  wholeLines = true,
): string {
  if (utf8Length(text) <= limitBytes) return text;
  const fence = '\n```';
  const budget = Math.max(0, limitBytes - utf8Length(notice) - utf8Length(fence));
  let kept = cutToBytes(text, budget);
  if (!wholeLines) return kept + notice;
  kept = kept.slice(0, Math.max(0, kept.lastIndexOf('\n')));
  const fences = kept.match(/^\s*(```|~~~)/gm)?.length ?? 0;
  if (fences % 2 === 1) kept += fence;
  return kept + notice;
}

function cutChars(text: string, limit: number): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

interface ApiAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: CheckAnnotationLevel;
  title: string;
  message: string;
  raw_details?: string;
}

/** An annotation as the Checks API takes it: plain text, within its limits. */
export function toApiAnnotation(annotation: CheckAnnotation): ApiAnnotation {
  const start = Math.max(1, Math.floor(annotation.startLine));
  const end = Math.max(start, Math.floor(annotation.endLine ?? start));
  const shortNotice = '\n… (cut to fit GitHub’s 64 KB limit)';
  const api: ApiAnnotation = {
    path: annotation.path.replaceAll('\\', '/').replace(/^\.\//, ''),
    start_line: start,
    end_line: end,
    annotation_level: annotation.level,
    // Annotations are plain text, but invisible and bidirectional characters would still hide or reverse it.
    title: cutChars(stripControlAndLineBreaks(annotation.title), CHECK_RUN_LIMITS.annotationTitleChars),
    message: fitBytes(
      stripControl(annotation.message === '' ? annotation.title : annotation.message),
      CHECK_RUN_LIMITS.annotationMessageBytes,
      shortNotice,
      false,
    ),
  };
  if (annotation.rawDetails !== undefined && annotation.rawDetails !== '') {
    api.raw_details = fitBytes(
      stripControl(annotation.rawDetails),
      CHECK_RUN_LIMITS.annotationMessageBytes,
      shortNotice,
      false,
    );
  }
  return api;
}

/** `items` in runs of at most `size` (the API takes 50 annotations per request). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}
