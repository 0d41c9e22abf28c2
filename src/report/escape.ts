import type { EvidencePart } from '../engine/results.js';

const CONTROL =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*(\u0007|\u001b\\)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Removes ANSI escape sequences and control characters (keeps tabs and newlines). */
export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * Makes an untrusted value inert in Markdown outside code: no HTML, no links, no emphasis,
 * no @mentions, no table breaks, one line.
 */
export function escapeMarkdown(value: string): string {
  return stripControl(value)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
}

/** Makes an untrusted value safe inside a code span in a table cell: code spans show text literally, so only ` | and newlines matter. */
export function escapeInCode(value: string): string {
  return stripControl(value)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|');
}

/** Author-written Markdown placed in a table cell: kept as written, but on one line and without breaking the table. */
export function escapeCellText(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

/** Renders Evidence parts for a table cell, escaping each value for where it lands (inside or outside a code span). */
export function renderEvidenceCell(parts: readonly EvidencePart[]): string {
  let insideCode = false;
  let out = '';
  for (const part of parts) {
    if ('text' in part) {
      out += escapeCellText(part.text);
      insideCode = (countBackticks(part.text) % 2 === 1) !== insideCode;
    } else {
      out += insideCode ? escapeInCode(part.value) : escapeMarkdown(part.value);
      if (part.change) out += ` (${part.change})`;
    }
  }
  return out;
}

function countBackticks(text: string): number {
  return (text.match(/(?<!\\)`/g) ?? []).length;
}

/** A fenced code block that no backtick run in the content can close early. */
export function codeBlock(content: string, language = ''): string {
  const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${stripControl(content)}\n${fence}`;
}

/** An inline code span for a value that may itself contain backticks. */
export function inlineCode(value: string): string {
  const clean = stripControl(value).replace(/\r?\n|\r/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}
