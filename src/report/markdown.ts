import type {
  Basis,
  CheckResult,
  GateResult,
  ResidualRisk,
  ScenarioResult,
  ScenarioStatus,
} from '../engine/results.js';
import { DEFAULT_SOURCE } from '../shared/named-sources.js';
import {
  codeBlock,
  escapeCellText,
  escapeMarkdown,
  inlineCode,
  stripControlAndLineBreaks,
  renderEvidenceCell,
} from './escape.js';
import { utf8Length } from '../shared/text.js';
import { capList, fitReport, type Selection } from './fit.js';
import { phrasesFor, type Phrases } from './i18n.js';
import { environmentsTable, gridColumns, gridTable, isGrid, notPassedTable } from './grid.js';
import { runLabel } from './label.js';

/** GitHub's limits, in bytes: check-run summary/text and one step's job summary. */
export const CHECK_RUN_LIMIT_BYTES = 65_535;
export const JOB_SUMMARY_LIMIT_BYTES = 1024 * 1024;

export interface MarkdownOptions {
  /** Largest result in UTF-8 bytes; failing and erroring rows are kept first, then waived, then passing. */
  maxBytes?: number;
  /** Where the full report is, named in the notice when rows are left out. */
  fullReport?: string;
  /** Leave out the top heading (the check run shows its own title). */
  omitTitle?: boolean;
  /**
   * This result's full report as {@link renderMarkdown} already rendered it without options (the
   * bundle's): reused instead of rendered again. Ignored with `omitTitle`.
   */
  full?: string;
}

/** The icon of each row status, in every report that shows rows (the full report and the comment). */
export const STATUS_ICON: Record<ScenarioStatus, string> = {
  pass: '✅',
  warn: '🔶',
  fail: '❌',
  error: '⚠️',
  waived: '🟡',
};

/** The whole human report: decision, metadata, preconditions, matrix, basis, risks, reproduce commands. */
export function renderMarkdown(result: GateResult, options: MarkdownOptions = {}): string {
  const phrases = phrasesFor(result.gate.language);
  // Shortening renders the report a dozen times; each row's cells are escaped once.
  const rendered = new Map<ScenarioResult, RowCells>();
  const line = (row: ScenarioResult): RowCells => {
    let cells = rendered.get(row);
    if (cells === undefined) rendered.set(row, (cells = rowCells(row, phrases)));
    return cells;
  };
  const full =
    options.full !== undefined && !options.omitTitle
      ? options.full
      : compose(result, phrases, options, undefined, line);
  if (options.maxBytes === undefined || utf8Length(full) <= options.maxBytes) return full;
  return fitReport(result, options.maxBytes, options.fullReport, (selection) =>
    compose(result, phrases, options, selection, line),
  );
}

/** `selection` undefined: everything, in the gate's order; else the shortened form. */
function compose(
  result: GateResult,
  phrases: Phrases,
  options: MarkdownOptions,
  selection: Selection | undefined,
  line: (row: ScenarioResult) => RowCells,
): string {
  const sections: string[] = [];
  const list = (items: string[]): string[] => (selection ? capList(items, selection.listBytes) : items);
  if (!options.omitTitle) sections.push(`# ${headline(result, phrases)}`);
  sections.push(metadata(result, phrases));
  if (isGrid(result.merge?.environments)) {
    sections.push(...gridSections(result, phrases, selection, line));
  } else if (result.preconditions.length > 0) {
    sections.push(
      `## ${phrases.preconditions}`,
      table(result.preconditions, phrases, phrases.precondition, selection, line),
    );
  }
  if (!isGrid(result.merge?.environments))
    sections.push(
      `## ${phrases.matrix}`,
      table(result.scenarios, phrases, phrases.scenario, selection, line),
    );
  sections.push(`## ${phrases.decisionHeading}`, decisionSection(result, phrases, list));
  sections.push(`## ${phrases.residualRisks}`, risksSection(result.residualRisks, phrases, list));
  if (result.warnings.length > 0) {
    sections.push(
      `## ${phrases.warnings}`,
      list(result.warnings.map((warning) => escapeBlockStart(escapeMarkdown(warning))))
        .map((warning) => `- ${warning}`)
        .join('\n'),
    );
  }
  if (selection) sections.push(selection.notice);
  else sections.push(commandsSection(result, phrases));
  return `${sections.join('\n\n')}\n`;
}

/** `✅ Go — <title>` / `❌ No-Go — <title> (staging · shard 2/4)`. */
export function headline(result: GateResult, phrases = phrasesFor(result.gate.language)): string {
  const word = result.decision === 'go' ? `✅ ${phrases.go}` : `❌ ${phrases.noGo}`;
  const label = runLabel(result);
  return `${word} — ${escapeCellText(result.gate.title)}${label ? ` (${escapeCellText(label)})` : ''}`;
}

/**
 * Several environments: their decisions, the grid of preconditions and scenarios (rows of a merge
 * problem have no environment and are listed as a matrix first), and the cells that did not pass.
 */
function gridSections(
  result: GateResult,
  phrases: Phrases,
  selection: Selection | undefined,
  line: (row: ScenarioResult) => RowCells,
): string[] {
  const environments = result.merge!.environments;
  const columns = gridColumns(environments);
  const shown = selection ? new Set(selection.rows) : undefined;
  const sections = [`## ${phrases.environments}`, environmentsTable(environments, phrases)];
  const problems = result.preconditions.filter((row) => row.environment === undefined);
  const preconditions = result.preconditions.filter((row) => row.environment !== undefined);
  if (problems.length > 0 || preconditions.length > 0) {
    sections.push(`## ${phrases.preconditions}`);
    if (problems.length > 0) sections.push(table(problems, phrases, phrases.precondition, selection, line));
    if (preconditions.length > 0)
      sections.push(gridTable(preconditions, columns, phrases, phrases.precondition, shown));
  }
  sections.push(
    `## ${phrases.matrix}`,
    gridTable(result.scenarios, columns, phrases, phrases.scenario, shown),
  );
  const failing = notPassedTable([...preconditions, ...result.scenarios], phrases, shown, line);
  if (failing) sections.push(`### ${phrases.notPassed}`, failing);
  return sections;
}

/** A one-line title such as `Go — 7/7 scenarios pass` or `No-Go — 2 P0 scenarios failed`. */
export function shortTitle(result: GateResult): string {
  const { counts } = result;
  if (result.decision === 'go') {
    const waived = counts.waived > 0 ? `, ${counts.waived} waived` : '';
    const warned = counts.warned ? `, ${counts.warned} with a warning` : '';
    return `Go — ${counts.passed}/${counts.total} scenarios pass${warned}${waived}`;
  }
  const preconditions = result.basis.filter((item) => item.kind === 'precondition-not-passed').length;
  const p0 = result.basis.filter((item) => item.kind === 'p0-not-passed');
  const failed = p0.filter((item) => item.status === 'fail').length;
  const errored = p0.length - failed;
  const parts: string[] = [];
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  if (preconditions > 0) parts.push(`${plural(preconditions, 'precondition')} not met`);
  if (failed > 0) parts.push(`${plural(failed, 'P0 scenario')} failed`);
  if (errored > 0) parts.push(`${plural(errored, 'P0 scenario')} could not be checked`);
  return `No-Go — ${parts.join(', ')}`;
}

function metadata(result: GateResult, phrases: Phrases): string {
  const { gate } = result;
  const rows = [
    `**${phrases.decision}: ${result.decision === 'go' ? phrases.go : phrases.noGo}** · ${escapeMarkdown(shortTitle(result).replace(/^[^—]*— /, ''))}`,
  ];
  const facts = [`${phrases.gate}: ${inlineCode(gate.id)}`];
  if (gate.environment) facts.push(`${phrases.environment}: ${escapeMarkdown(gate.environment)}`);
  if (gate.ownerRole) facts.push(`${phrases.owner}: ${escapeMarkdown(gate.ownerRole)}`);
  if (result.shard) {
    const { index, total, scenarios } = result.shard;
    facts.push(
      `${phrases.shard}: ${index}/${total} (${phrases.scenarios.toLowerCase()}: ${scenarios.length})`,
    );
  }
  facts.push(`${phrases.file}: ${inlineCode(result.file)}`);
  rows.push(facts.join(' · '));
  if (result.merge) rows.push(phrases.merged(result.merge.bundles, result.merge.environments.length));
  if (result.baseline) {
    const { source, decision, finishedAt } = result.baseline;
    const word = decision === 'go' ? phrases.go : phrases.noGo;
    rows.push(
      `${phrases.baseline}: ${escapeMarkdown(source)} (${word}, ${finishedAt.slice(0, 16).replace('T', ' ')} UTC)`,
    );
  }
  return rows.join('  \n');
}

function table(
  rows: readonly ScenarioResult[],
  phrases: Phrases,
  first: string,
  selection: Selection | undefined,
  line: (row: ScenarioResult) => RowCells,
): string {
  // Shortened: the selected rows of this table, those that need attention first.
  const members = new Set(rows);
  const shown = selection ? selection.rows.filter((row) => members.has(row)) : rows;
  const lines = [`| ${first} | ${phrases.evidence} | ${phrases.result} |`, '|---|---|---|'];
  for (const row of shown) lines.push(`| ${line(row).join(' | ')} |`);
  if (shown.length === 0 && rows.length > 0) lines.push(`| _${phrases.rowsLeftOut(rows.length)}_ | | |`);
  return lines.join('\n');
}

/** A matrix row's name, evidence and result cells, escaped. */
type RowCells = readonly [string, string, string];

function rowCells(row: ScenarioResult, phrases: Phrases): RowCells {
  const priority = row.priority === 'P0' ? '' : ` (${row.priority})`;
  return [
    `${escapeCellText(row.name)}${priority}`,
    renderEvidenceCell(row.evidence),
    resultCell(row, phrases),
  ];
}

function resultCell(row: ScenarioResult, phrases: Phrases): string {
  const word = phrases.status[row.status];
  const text = row.status === 'pass' ? word : `**${word}**`;
  const waiver = row.status === 'waived' && row.waiver ? ` (${escapeMarkdown(row.waiver.until)})` : '';
  const regression = row.regression ? ` **${row.regression}**` : '';
  return `${STATUS_ICON[row.status]} ${text}${waiver}${regression}`;
}

function decisionSection(result: GateResult, phrases: Phrases, list: (items: string[]) => string[]): string {
  const word = result.decision === 'go' ? phrases.go : phrases.noGo;
  return [
    `- ${phrases.decision}: **${word}**`,
    `- ${phrases.basis}: ${list(result.basis.map((basis) => basisText(basis, phrases))).join('; ')}`,
  ].join('\n');
}

function basisText(basis: Basis, phrases: Phrases): string {
  switch (basis.kind) {
    case 'all-passed':
      return phrases.allPassed(basis.preconditions, basis.p0);
    case 'precondition-not-passed':
      return `precondition "${escapeCellText(basis.name)}" is ${basis.status}`;
    case 'p0-not-passed':
      return `P0 scenario "${escapeCellText(basis.name)}" is ${basis.status}`;
  }
}

function risksSection(
  risks: readonly ResidualRisk[],
  phrases: Phrases,
  list: (items: string[]) => string[],
): string {
  if (risks.length === 0) return `- ${phrases.none}`;
  return list(risks.map((risk) => riskText(risk, phrases)))
    .map((risk) => `- ${risk}`)
    .join('\n');
}

function riskText(risk: ResidualRisk, phrases: Phrases): string {
  switch (risk.kind) {
    case 'warned':
      return phrases.warned(`"${escapeCellText(risk.name)}"`, risk.priority, risk.precondition === true);
    case 'note':
      return escapeCellText(risk.text);
    case 'waived': {
      const issue = risk.issue ? ` (#${risk.issue})` : '';
      return `"${escapeCellText(risk.name)}" waived until ${escapeMarkdown(risk.until)}: ${escapeCellText(risk.reason)}${issue}`;
    }
    case 'scenario-not-passed':
      return `${risk.priority} scenario "${escapeCellText(risk.name)}" is ${risk.status}`;
    case 'known-failure':
      return `P0 scenario "${escapeCellText(risk.name)}" is ${risk.status}, as in the baseline (known failure)`;
  }
}

/** A check's command; one against a named source says which in a trailing comment (still pastes). */
function commandLine(check: CheckResult): string {
  const named = check.source !== undefined && check.source !== DEFAULT_SOURCE;
  return named
    ? `${check.reproduce}  # source: ${stripControlAndLineBreaks(check.source!)}`
    : check.reproduce;
}

function commandsSection(result: GateResult, phrases: Phrases): string {
  // A merge of several environments has a row per scenario and environment: one entry per scenario.
  const byId = new Map<string, { name: string; commands: Set<string> }>();
  for (const scenario of [...result.preconditions, ...result.scenarios]) {
    const entry = byId.get(scenario.id) ?? { name: scenario.name, commands: new Set<string>() };
    for (const check of scenario.checks) entry.commands.add(commandLine(check));
    byId.set(scenario.id, entry);
  }
  const lines: string[] = [];
  for (const { name, commands } of byId.values()) {
    if (commands.size === 0) continue;
    lines.push(`# ${stripControlAndLineBreaks(name)}`, ...commands, '');
  }
  return `<details><summary>${phrases.reproduce}</summary>\n\n${codeBlock(lines.join('\n').trimEnd(), 'bash')}\n\n</details>`;
}

/** A list item's text starts a block: `1.`, `-`, `+` or `>` there would open a nested list or a quote. */
function escapeBlockStart(text: string): string {
  return text.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+>])/, '\\$1');
}
