// The sticky pull-request comment (and the short summary file): the decision line, every row that
// did not pass, what changed since the baseline, the trend of the rows worth a look, and links.
// Built from the redacted PublicResult, escaped as every other report, and sent through the sink.
import type { ScenarioResult, ScenarioStatus } from '../engine/results.js';
import { escapeCellText, escapeMarkdown, inlineCode, renderEvidenceCell } from './escape.js';
import { phrasesFor } from './i18n.js';
import { headline, shortTitle, STATUS_ICON } from './markdown.js';
import type { PublicResult } from './redact.js';
import { renderTrend, runLink, type PublicHistory } from './trend.js';

/** GitHub refuses a comment body above 65,536 characters; a margin keeps the closing lines. */
export const COMMENT_LIMIT_CHARS = 65_536;
const BODY_BUDGET_CHARS = COMMENT_LIMIT_CHARS - 2_048;

/** What the comment links to and carries besides the result. */
export interface CommentContext {
  /** The hidden marker line; omitted for the summary file. */
  marker?: string;
  checkRunUrl?: string;
  runUrl?: string;
  history?: PublicHistory;
}

/** The comment's Markdown, at most {@link COMMENT_LIMIT_CHARS} characters. */
export function renderComment(result: PublicResult, context: CommentContext = {}): string {
  const phrases = phrasesFor(result.gate.language);
  const head: string[] = [];
  if (context.marker) head.push(context.marker);
  head.push(`### ${headline(result, phrases)}`, '', decisionLine(result));
  const links = linksLine(context);
  const failing = [...result.preconditions, ...result.scenarios].filter((row) => row.status !== 'pass');
  const sections: string[] = [];
  const since = baselineLine(result, failing);
  if (since) sections.push(since);
  const trend = context.history ? renderTrend(context.history, { onlyNotable: true, heading: '####' }) : '';
  if (trend) sections.push(trend.trimEnd());

  let used =
    length(head.join('\n')) + length(links) + sections.reduce((sum, part) => sum + length(part) + 2, 0);
  const table = [`| ${phrases.scenario} | ${phrases.evidence} | ${phrases.result} |`, '|---|---|---|'];
  used += length(table.join('\n'));
  let shown = 0;
  for (const row of failing) {
    const line = rowLine(row, phrases.status);
    if (used + length(line) + 1 > BODY_BUDGET_CHARS) break;
    table.push(line);
    used += length(line) + 1;
    shown++;
  }
  const parts = [head.join('\n')];
  if (failing.length > 0) {
    parts.push(table.join('\n'));
    if (shown < failing.length) {
      const where = runLink('the check run', context.checkRunUrl);
      parts.push(
        `> [!NOTE]\n> ${failing.length - shown} more rows did not pass; they are in ${where} and the job summary (GitHub's 65,536-character comment limit).`,
      );
    }
  }
  parts.push(...sections);
  if (links) parts.push(links);
  return `${parts.join('\n\n')}\n`;
}

function decisionLine(result: PublicResult): string {
  const facts = [`**${escapeMarkdown(shortTitle(result))}**`, `gate ${inlineCode(result.gate.id)}`];
  if (result.gate.environment) facts.push(`environment ${inlineCode(result.gate.environment)}`);
  return facts.join(' · ');
}

function rowLine(row: ScenarioResult, words: Record<ScenarioStatus, string>): string {
  const priority = row.priority === 'P0' ? '' : ` (${row.priority})`;
  const regression = row.regression ? ` **${row.regression}**` : '';
  const result = `${STATUS_ICON[row.status]} **${words[row.status]}**${regression}`;
  return `| ${escapeCellText(row.name)}${priority} | ${renderEvidenceCell(row.evidence)} | ${result} |`;
}

function baselineLine(result: PublicResult, failing: readonly ScenarioResult[]): string | undefined {
  if (!result.baseline) return undefined;
  const { source, decision } = result.baseline;
  const fresh = failing
    .filter((row) => row.regression === 'new')
    .map((row) => `"${escapeCellText(row.name)}"`);
  const known = failing.filter((row) => row.regression === 'known').length;
  const changes = fresh.length > 0 ? `new since then: ${fresh.join(', ')}` : 'nothing newly failing';
  const knownText = known > 0 ? `; ${known} failed there too` : '';
  const word = decision === 'go' ? 'Go' : 'No-Go';
  return `**Since the baseline** (${escapeMarkdown(source)}, ${word}): ${changes}${knownText}. Changed values show as \`(+n)\` in the evidence.`;
}

function linksLine(context: CommentContext): string {
  const links: string[] = [];
  if (context.checkRunUrl) links.push(runLink('Check run', context.checkRunUrl));
  if (context.runUrl) links.push(runLink('Workflow run', context.runUrl));
  return links.join(' · ');
}

function length(text: string): number {
  return text.length;
}
