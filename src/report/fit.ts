// Fits a report into GitHub's byte limits without hiding what matters: rows that failed or could not
// be checked are kept first, then waived ones, then passing ones, and the notice counts exactly what
// was left out, by status, and says where every row is.
import type { GateResult, ScenarioResult, ScenarioStatus } from '../engine/results.js';
import { cutToBytes, utf8Length } from '../shared/text.js';
import { inlineCode } from './escape.js';

/** What a shortened report shows: these rows (in this order), no reproduce commands, capped lists, a notice. */
export interface Selection {
  rows: readonly ScenarioResult[];
  /** Largest size in bytes of each list (basis, residual risks, warnings); the rest is counted. */
  listBytes: number;
  notice: string;
}

// A warning is kept with the waived rows: not blocking, but a risk the reader must see.
const RANK: Record<ScenarioStatus, number> = { fail: 0, error: 0, warn: 1, waived: 1, pass: 2 };
const WORD: Record<ScenarioStatus, string> = {
  fail: 'failing',
  error: 'erroring',
  warn: 'warning',
  waived: 'waived',
  pass: 'passing',
};

/** Preconditions then scenarios, those that failed or errored first, then waived, then passing; gate order within each. */
export function rankRows(result: GateResult): ScenarioResult[] {
  const rows = [...result.preconditions, ...result.scenarios];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => RANK[a.row.status] - RANK[b.row.status] || a.index - b.index)
    .map(({ row }) => row);
}

/**
 * The largest selection whose rendering fits `maxBytes`, found by bisection over how many ranked rows
 * are kept (the size grows with every row). When not even the report without rows fits, it is cut
 * at a line end and the notice still closes it.
 */
export function fitReport(
  result: GateResult,
  maxBytes: number,
  fullReport: string | undefined,
  render: (selection: Selection) => string,
): string {
  const ranked = rankRows(result);
  const listBytes = Math.max(256, Math.floor(maxBytes / 8));
  const attempt = (count: number): string => {
    const rows = ranked.slice(0, count);
    return render({ rows, listBytes, notice: notice(ranked, rows, fullReport, maxBytes) });
  };
  let low = 0;
  let high = ranked.length;
  if (utf8Length(attempt(0)) > maxBytes)
    return cutAtLine(attempt(0), maxBytes, notice(ranked, [], fullReport, maxBytes));
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (utf8Length(attempt(middle)) <= maxBytes) low = middle;
    else high = middle - 1;
  }
  return attempt(low);
}

/** The notice that closes a shortened report: what was left out, by status, and where every row is. */
export function notice(
  ranked: readonly ScenarioResult[],
  shown: readonly ScenarioResult[],
  fullReport: string | undefined,
  maxBytes: number,
): string {
  const kept = new Set(shown);
  const parts: string[] = [];
  let blockingLeftOut = false;
  for (const status of ['fail', 'error', 'warn', 'waived', 'pass'] as const) {
    const total = ranked.filter((row) => row.status === status).length;
    const left = ranked.filter((row) => row.status === status && !kept.has(row)).length;
    if (left === 0) continue;
    if (status === 'fail' || status === 'error') blockingLeftOut = true;
    parts.push(`${left} of ${total} ${WORD[status]} ${total === 1 ? 'row' : 'rows'}`);
  }
  parts.push('the commands to reproduce');
  const where = fullReport
    ? `Every row is in the full report, ${inlineCode(fullReport)} in the report bundle, and in the job's log.`
    : "Every row is in the job's log.";
  const limit = `GitHub's limit of ${maxBytes.toLocaleString('en-US')} bytes`;
  const [kind, lead] = blockingLeftOut
    ? ['WARNING', `Not every failing row fits ${limit}.`]
    : ['NOTE', `Shortened to fit ${limit}.`];
  return `> [!${kind}]\n> ${lead} Left out: ${listText(parts)}. ${where}`;
}

function listText(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/** Items of a list up to `maxBytes`, then one line counting the rest. */
export function capList(items: readonly string[], maxBytes: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const item of items) {
    used += utf8Length(item) + 2;
    if (used > maxBytes) {
      kept.push(`… and ${items.length - kept.length} more (in the full report)`);
      break;
    }
    kept.push(item);
  }
  return kept;
}

/**
 * Cuts at the last line end that fits and closes with the notice, so the result is at most
 * `maxBytes`. A line is never cut: a partial row could leave a code span open and make the rest live.
 */
function cutAtLine(text: string, maxBytes: number, closing: string): string {
  const tail = `\n…\n\n${closing}\n`;
  const budget = Math.max(0, maxBytes - utf8Length(tail));
  const head = cutToBytes(text, budget);
  const lineEnd = head.lastIndexOf('\n');
  return `${lineEnd < 0 ? '' : head.slice(0, lineEnd)}${tail}`;
}
