// Keeps the README's inputs/outputs tables equal to action.yml: `npm run readme` rewrites them,
// and a test fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

const START = '<!-- action-tables:start (generated from action.yml by `npm run readme`) -->';
const END = '<!-- action-tables:end -->';

function cell(text: string): string {
  return text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** The Markdown tables of an action.yml's inputs and outputs. */
export function renderActionTables(actionYml: string): string {
  const action = parse(actionYml) as ActionYml;
  const inputs = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${cell(input.description)} | ${input.default === undefined || input.default === '' ? '' : `\`${cell(input.default)}\``} |`,
  );
  const outputs = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
  );
  return [
    START,
    '### Inputs',
    '',
    '| Input | Description | Default |',
    '|---|---|---|',
    ...inputs,
    '',
    '### Outputs',
    '',
    '| Output | Description |',
    '|---|---|',
    ...outputs,
    END,
  ].join('\n');
}

/** The README with its tables replaced by fresh ones. */
export function withFreshTables(readme: string, actionYml: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`README.md has no ${START} … ${END} markers`);
  return readme.slice(0, start) + renderActionTables(actionYml) + readme.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync('README.md', withFreshTables(readme, readFileSync('action.yml', 'utf8')));
  console.log('README.md tables updated from action.yml');
}
