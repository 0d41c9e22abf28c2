import type { ScenarioStatus } from '../engine/results.js';

/** Report headings and phrases; `ru` follows the seed document's Russian headings. */
export interface Phrases {
  go: string;
  noGo: string;
  preconditions: string;
  matrix: string;
  scenario: string;
  precondition: string;
  evidence: string;
  result: string;
  decisionHeading: string;
  decision: string;
  basis: string;
  residualRisks: string;
  none: string;
  reproduce: string;
  warnings: string;
  gate: string;
  environment: string;
  owner: string;
  file: string;
  baseline: string;
  status: Record<ScenarioStatus, string>;
  /** The residual risk of a row whose `warn` condition did not hold. */
  warned(name: string, priority: string, precondition: boolean): string;
  /** The basis of a Go: how many preconditions and P0 scenarios passed, said as a person would. */
  allPassed(preconditions: number, p0: number): string;
  /** The placeholder row of a table whose rows were all left out to fit a size limit. */
  rowsLeftOut(count: number): string;
  /** Merged runs: the heading of the per-environment decisions, and their table's columns. */
  environments: string;
  scenarios: string;
  shard: string;
  shards: string;
  /** The heading of the rows that did not pass, under the scenario × environment grid. */
  notPassed: string;
  /** A grid cell of a scenario that the environment's bundles do not have. */
  notRun: string;
  /** `12/14 pass`. */
  passCount(passed: number, total: number): string;
  /** The metadata line of a merge: how many bundles of how many environments. */
  merged(bundles: number, environments: number): string;
}

/** `1 row`, `2 rows`. */
function english(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function englishAllPassed(preconditions: number, p0: number): string {
  const part = (count: number, one: string, many: string): string =>
    count === 1 ? `the ${one}` : `all ${count} ${many}`;
  if (preconditions === 0 && p0 === 0) return 'there are no preconditions and no P0 scenarios';
  if (preconditions === 0)
    return `${part(p0, 'P0 scenario', 'P0 scenarios')} ${p0 === 1 ? 'passes' : 'pass'}`;
  const met = `${part(preconditions, 'precondition', 'preconditions')} ${preconditions === 1 ? 'is' : 'are'} met`;
  if (p0 === 0) return `${met}; there are no P0 scenarios`;
  return `${met} and ${part(p0, 'P0 scenario', 'P0 scenarios')} ${p0 === 1 ? 'passes' : 'pass'}`;
}

/** Russian plural: 1 сценарий, 2 сценария, 5 сценариев (11–14 take the last form). */
function russian(count: number, one: string, few: string, many: string): string {
  const tens = count % 100;
  const units = count % 10;
  const word = tens >= 11 && tens <= 14 ? many : units === 1 ? one : units >= 2 && units <= 4 ? few : many;
  return `${count} ${word}`;
}

function russianAllPassed(preconditions: number, p0: number): string {
  if (preconditions === 0 && p0 === 0) return 'нет ни предусловий, ни P0-сценариев';
  const met =
    preconditions === 1
      ? 'предусловие выполнено'
      : `все ${russian(preconditions, 'предусловие', 'предусловия', 'предусловий')} выполнены`;
  const passed =
    p0 === 1
      ? 'P0-сценарий пройден'
      : `все ${russian(p0, 'P0-сценарий', 'P0-сценария', 'P0-сценариев')} пройдены`;
  if (preconditions === 0) return passed;
  if (p0 === 0) return `${met}, P0-сценариев нет`;
  return `${met}, ${passed}`;
}

const EN: Phrases = {
  go: 'Go',
  noGo: 'No-Go',
  preconditions: 'Preconditions',
  matrix: 'Regression matrix',
  scenario: 'Scenario',
  precondition: 'Precondition',
  evidence: 'Evidence',
  result: 'Result',
  decisionHeading: 'Go/No-Go',
  decision: 'Decision',
  basis: 'Basis',
  residualRisks: 'Residual risks / follow-ups',
  none: 'none',
  reproduce: 'Commands to reproduce',
  warnings: 'Warnings',
  gate: 'Gate',
  environment: 'Environment',
  owner: 'Owner',
  file: 'Gate file',
  baseline: 'Compared with',
  status: { pass: 'pass', warn: 'warn', fail: 'fail', error: 'error', waived: 'waived' },
  warned: (name, priority, precondition) =>
    `${precondition ? 'precondition' : `${priority} scenario`} ${name} passed with a warning: its \`warn\` condition did not hold`,
  allPassed: englishAllPassed,
  rowsLeftOut: (count) => `${english(count, 'row', 'rows')} left out to fit the size limit`,
  environments: 'Environments',
  scenarios: 'Scenarios',
  shard: 'Shard',
  shards: 'Shards',
  notPassed: 'Rows that did not pass',
  notRun: 'not run',
  passCount: (passed, total) => `${passed}/${total} pass`,
  merged: (bundles, environments) =>
    `Merged: ${english(bundles, 'bundle', 'bundles')} of ${english(environments, 'environment', 'environments')}`,
};

const RU: Phrases = {
  ...EN,
  scenario: 'Сценарий',
  precondition: 'Предусловие',
  result: 'Результат',
  decision: 'Решение',
  basis: 'Основание',
  none: 'нет',
  reproduce: 'Команды проверки',
  warnings: 'Предупреждения',
  environment: 'Окружение',
  owner: 'Владелец',
  file: 'Файл гейта',
  baseline: 'Сравнение с',
  allPassed: russianAllPassed,
  warned: (name, priority, precondition) =>
    `${precondition ? 'предусловие' : `${priority}-сценарий`} ${name} пройден с предупреждением: условие \`warn\` не выполнено`,
  rowsLeftOut: (count) =>
    `${russian(count, 'строка не показана', 'строки не показаны', 'строк не показано')} из-за ограничения размера`,
  environments: 'Окружения',
  scenarios: 'Сценарии',
  shard: 'Шард',
  shards: 'Шарды',
  notPassed: 'Строки, которые не прошли',
  notRun: 'не проверялся',
  passCount: (passed, total) => `${passed}/${total} пройдено`,
  merged: (bundles, environments) =>
    `Объединено: ${russian(bundles, 'отчёт', 'отчёта', 'отчётов')} из ${russian(environments, 'окружения', 'окружений', 'окружений')}`,
};

/** The phrases for a report language. */
export function phrasesFor(language: 'en' | 'ru'): Phrases {
  return language === 'ru' ? RU : EN;
}
