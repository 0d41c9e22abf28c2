// The trend as Markdown: one icon per run (oldest first, this run last), `flaky`, and since
// which run a row fails. Names are the gate author's Markdown, kept on one line as in every table.
import type { History, ScenarioTrend, TrendStatus } from '../baseline/trend.js';
import type { Redacted } from './redact.js';
import { escapeCellText, escapeMarkdown } from './escape.js';

/** A history fit to leave the process (every string redacted). */
export type PublicHistory = Redacted<History>;

const TREND_ICON: Record<TrendStatus, string> = {
  pass: '✅',
  warn: '🔶',
  fail: '❌',
  error: '⚠️',
  waived: '🟡',
  absent: '▫️',
};

/** `✅✅❌✅⚠️`, oldest first. */
export function trendIcons(statuses: readonly TrendStatus[]): string {
  return statuses.map((status) => TREND_ICON[status]).join('');
}

/** A Markdown link to a run, or its plain name when the URL is not an http(s) address. */
export function runLink(label: string, url: string | undefined): string {
  const text = escapeMarkdown(label);
  return url !== undefined && /^https?:\/\/[^\s()<>[\]]+$/.test(url) ? `[${text}](${url})` : text;
}

/** `flaky`, `failing since run 123` (a link), or both. */
export function trendNote(trend: ScenarioTrend): string {
  const notes: string[] = [];
  if (trend.flaky) notes.push('**flaky**');
  const since = trend.failingSince;
  if (since) {
    const label = since.runId === undefined ? 'this run' : `run ${since.runId}`;
    notes.push(`failing since ${since.atLeast ? 'at least ' : ''}${runLink(label, since.url)}`);
  }
  return notes.join(', ');
}

/** Options of {@link renderTrend}. */
export interface TrendRenderOptions {
  /** Only rows that did not pass now or are flaky (the comment); default every row. */
  onlyNotable?: boolean;
  /** Heading level, `##` by default. */
  heading?: string;
}

/** The trend section; '' when no row is left to show. */
export function renderTrend(history: PublicHistory, options: TrendRenderOptions = {}): string {
  const rows = options.onlyNotable
    ? history.scenarios.filter((trend) => trend.flaky || trend.failingSince !== undefined)
    : history.scenarios;
  if (rows.length === 0) return '';
  const earlier = history.runs.length - 1;
  const skipped = history.skipped > 0 ? `, ${history.skipped} skipped (no readable bundle)` : '';
  const lines = [
    `${options.heading ?? '##'} Trend`,
    '',
    `Last ${earlier} of ${history.window} earlier runs read${skipped}; oldest first, this run last.`,
    '',
    '| Scenario | Trend | Note |',
    '|---|---|---|',
    ...rows.map(
      (trend) => `| ${escapeCellText(trend.name)} | ${trendIcons(trend.statuses)} | ${trendNote(trend)} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
