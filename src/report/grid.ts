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
  const byId = new Map<string, ScenarioResult[]>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  const header = [first, ...environments].map(escapeCellText);
  const lines = [`| ${header.join(' | ')} |`, `|${'---|'.repeat(header.length)}`];
  let hidden = 0;
  for (const cells of byId.values()) {
    if (shown && !cells.some((cell) => shown.has(cell))) {
      hidden++;
      continue;
    }
    const head = cells[0]!;
    const priority = head.priority === 'P0' ? '' : ` (${head.priority})`;
    const byEnvironment = new Map(cells.map((cell) => [cell.environment, cell]));
    const statuses = environments.map((name) => {
      const cell = byEnvironment.get(name);
      if (!cell) return `➖ ${phrases.notRun}`;
      const word = phrases.status[cell.status];
      return `${STATUS_ICON[cell.status]} ${cell.status === 'pass' ? word : `**${word}**`}`;
    });
    lines.push(`| ${escapeCellText(head.name)}${priority} | ${statuses.join(' | ')} |`);
  }
  if (hidden > 0 && hidden === byId.size)
    lines.push(`| _${phrases.rowsLeftOut(hidden)}_ |${' |'.repeat(environments.length)}`);
  return lines.join('\n');
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
