// A merge of several environments, shown as people compare them: each environment's own decision
// on top, then one row per scenario with a status cell per environment, then the rows that did not
// pass with their evidence. Shortened like the matrix: a grid row is kept when any of its cells
// is among the selected rows (failing cells first), so every failing cell is kept first.
import type { MergedEnvironment, ScenarioResult, ScenarioStatus } from '../engine/results.js';
import { escapeCellText } from './escape.js';
import type { Phrases } from './i18n.js';

const STATUS_ICON: Record<ScenarioStatus, string> = {
  pass: '✅',
  warn: '🔶',
  fail: '❌',
  error: '⚠️',
  waived: '🟡',
};

/** True when the result merged several environments (the grid replaces the matrix). */
export function isGrid(environments: readonly MergedEnvironment[] | undefined): boolean {
  return (environments?.length ?? 0) > 1;
}

/** The per-environment decisions: one line per environment, the overall decision being the headline. */
export function environmentsTable(environments: readonly MergedEnvironment[], phrases: Phrases): string {
  const lines = [
    `| ${phrases.environment} | ${phrases.decision} | ${phrases.scenarios} | ${phrases.shards} |`,
    '|---|---|---|---|',
  ];
  for (const environment of environments) {
    const word = environment.decision === 'go' ? `✅ ${phrases.go}` : `❌ **${phrases.noGo}**`;
    const { passed, total } = environment.counts;
    lines.push(
      `| ${escapeCellText(environment.name ?? '(none)')} | ${word} | ${phrases.passCount(passed, total)} | ${environment.shards} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Rows tagged with an environment as a scenario × environment grid; `shown` (the selection when
 * shortened) decides which grid rows appear. `first` heads the name column.
 */
export function gridTable(
  rows: readonly ScenarioResult[],
  environments: readonly string[],
  phrases: Phrases,
  first: string,
  shown: ReadonlySet<ScenarioResult> | undefined,
): string {
  const header = [first, ...environments].map(escapeCellText);
  const lines = [`| ${header.join(' | ')} |`, `|${'---|'.repeat(header.length)}`];
  const groups = gridRows(rows, environments, phrases);
  let hidden = 0;
  for (const group of groups) {
    if (shown && !group.cells.some((cell) => shown.has(cell))) hidden++;
    else lines.push(group.line);
  }
  if (hidden > 0 && hidden === groups.length)
    lines.push(`| _${phrases.rowsLeftOut(hidden)}_ |${' |'.repeat(environments.length)}`);
  return lines.join('\n');
}

interface GridRow {
  cells: ScenarioResult[];
  line: string;
}

// Shortening renders the report a dozen times: each grid row is grouped and escaped once per table.
const rendered = new WeakMap<readonly ScenarioResult[], { phrases: Phrases; rows: GridRow[] }>();

function gridRows(
  rows: readonly ScenarioResult[],
  environments: readonly string[],
  phrases: Phrases,
): GridRow[] {
  const cached = rendered.get(rows);
  if (cached && cached.phrases === phrases) return cached.rows;
  const byId = new Map<string, ScenarioResult[]>();
  for (const row of rows) {
    const cells = byId.get(row.id);
    if (cells) cells.push(row);
    else byId.set(row.id, [row]);
  }
  const result: GridRow[] = [];
  for (const cells of byId.values()) {
    const head = cells[0]!;
    const priority = head.priority === 'P0' ? '' : ` (${head.priority})`;
    const byEnvironment = new Map(cells.map((cell) => [cell.environment, cell]));
    const statuses = environments.map((name) => {
      const cell = byEnvironment.get(name);
      if (!cell) return `➖ ${phrases.notRun}`;
      const word = phrases.status[cell.status];
      return `${STATUS_ICON[cell.status]} ${cell.status === 'pass' ? word : `**${word}**`}`;
    });
    result.push({ cells, line: `| ${escapeCellText(head.name)}${priority} | ${statuses.join(' | ')} |` });
  }
  rendered.set(rows, { phrases, rows: result });
  return result;
}

/** The environments' names in column order, as the rows carry them. */
export function gridColumns(environments: readonly MergedEnvironment[]): string[] {
  return environments.map((environment) => environment.name ?? '(none)');
}

/** The cells that did not pass, with their evidence: `cells` renders a row's name, evidence and result cells. */
export function notPassedTable(
  rows: readonly ScenarioResult[],
  phrases: Phrases,
  shown: ReadonlySet<ScenarioResult> | undefined,
  cells: (row: ScenarioResult) => readonly [string, string, string],
): string | undefined {
  const failing = rows.filter((row) => row.status !== 'pass' && (!shown || shown.has(row)));
  if (failing.length === 0) return undefined;
  const lines = [
    `| ${phrases.scenario} | ${phrases.environment} | ${phrases.evidence} | ${phrases.result} |`,
    '|---|---|---|---|',
  ];
  for (const row of failing) {
    const [name, evidence, result] = cells(row);
    lines.push(`| ${name} | ${escapeCellText(row.environment ?? '')} | ${evidence} | ${result} |`);
  }
  return lines.join('\n');
}
