import type { ScenarioResult, ScenarioStatus } from '../engine/results.js';
import { evidenceText } from '../engine/evidence.js';
import { stripControl } from './escape.js';
import { shortTitle } from './markdown.js';
import type { PublicResult } from './redact.js';
import { runLabel } from './label.js';

const COLOURS: Record<ScenarioStatus | 'go' | 'no-go', string> = {
  pass: '\u001b[32m',
  fail: '\u001b[31m',
  error: '\u001b[33m',
  warn: '\u001b[35m',
  waived: '\u001b[36m',
  go: '\u001b[1;32m',
  'no-go': '\u001b[1;31m',
};
const RESET = '\u001b[0m';

/** A plain-text table of the result for logs and terminals; colour only when asked. */
export function renderTerminal(
  result: PublicResult,
  options: { colour: boolean; width?: number } = { colour: false },
): string {
  const paint = (key: keyof typeof COLOURS, text: string): string =>
    options.colour ? `${COLOURS[key]}${text}${RESET}` : text;
  const width = Math.max(60, options.width ?? 120);
  const lines: string[] = [];
  const label = runLabel(result);
  lines.push(
    paint(
      result.decision,
      `${result.decision === 'go' ? 'GO' : 'NO-GO'}  ${clean(result.gate.title)}${label ? ` (${clean(label)})` : ''}`,
    ),
  );
  lines.push(shortTitle(result));
  for (const environment of result.merge?.environments ?? []) {
    if (result.merge!.environments.length < 2) break;
    const { passed, total } = environment.counts;
    lines.push(
      `  ${paint(environment.decision, environment.decision === 'go' ? 'GO   ' : 'NO-GO')}  ${clean(environment.name ?? '(none)')}: ${passed}/${total} pass`,
    );
  }
  const section = (title: string, rows: readonly ScenarioResult[]): void => {
    if (rows.length === 0) return;
    lines.push('', title);
    const widest = rows.map(
      (row) => clean(row.name).length + (row.environment ? row.environment.length + 3 : 0),
    );
    const nameWidth = Math.min(48, Math.max(...widest));
    for (const row of rows) {
      const status = paint(row.status, row.status.toUpperCase().padEnd(6));
      const where = row.environment === undefined ? '' : ` [${row.environment}]`;
      const name = truncate(clean(row.name + where), nameWidth).padEnd(nameWidth);
      const evidence = truncate(clean(evidenceText(row.evidence)), Math.max(10, width - nameWidth - 12));
      lines.push(`  ${status}  ${name}  ${evidence}`);
    }
  };
  section('Preconditions', result.preconditions);
  section('Scenarios', result.scenarios);
  for (const warning of result.warnings) lines.push(`warning: ${clean(warning)}`);
  return lines.join('\n');
}

function clean(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
