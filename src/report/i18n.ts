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
  status: { pass: 'pass', fail: 'fail', error: 'error', waived: 'waived' },
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
};

/** The phrases for a report language. */
export function phrasesFor(language: 'en' | 'ru'): Phrases {
  return language === 'ru' ? RU : EN;
}
