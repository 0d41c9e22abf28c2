// Issue 14 class 2 through dist/: values from a real PostgreSQL row (and the error message that quotes
// one) in hostile author templates and under hostile names. Rendered with a real CommonMark + GFM
// renderer, the job summary, the check run and the bundle .md show no link, image, mention, HTML,
// heading or emphasis from a value, and exactly one row of three cells per scenario.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hostileValues, liveMarkdown, render, tableShape } from '../report/hostile-family.js';
import { runAction } from '../support/action-runner.js';
import { emptyState, simSha, startGitHubSim, type GitHubSim } from '../support/github-sim/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const TOKEN = 'ghs_inert_markdown_token_0001';
// Values a text column can hold (no NUL), each in every template below, round robin.
const VALUES = hostileValues().filter((value) => !value.includes('\u0000'));
const TEMPLATES = [
  '{{v}}',
  '`{{v}}`',
  'open `{{v}}',
  '{{v}} close `',
  '``{{v}}`',
  'a | b {{v}} | c',
  'a \\\\| b {{v}}',
  '**{{v}}**',
  'trailing \\\\{{v}}',
  '`x|y` {{v}} `',
];
const NAMES = [
  'Hostile @octocat www.evil.example <img src=x onerror=alert(1)> | `x',
  '# heading \u202Eesrever',
  '[x](https://evil.example) #12',
];

let db: TestDatabase;
let github: GitHubSim | undefined;

beforeAll(async () => {
  db = await createTestDatabase(undefined, { reader: true });
  await db.query('create table vals (id int primary key, v text)');
  for (const [index, value] of VALUES.entries())
    await db.query('insert into vals values ($1, $2)', [index, value]);
});
afterAll(() => db?.cleanup());
afterEach(() => github?.close());

function gateFile(): string {
  const scenarios = VALUES.map((_, index) => {
    const template = TEMPLATES[index % TEMPLATES.length]!;
    // Every third row fails, so its cell adds the measured value and the expectation.
    const expect = index % 3 === 0 ? `\n        expect: "v == 'never'"` : '';
    return `  - name: ${JSON.stringify(NAMES[index % 7] ?? `value ${index}`)}
    id: v${index}
    checks:
      - postgres: select v from vals where id = ${index}${expect}
        evidence: ${JSON.stringify(template)}`;
  });
  // A database error that quotes a hostile value: an error message is a value too.
  scenarios.push(`  - name: Error quoting a value
    checks:
      - postgres: select v::int as n from vals where id = ${VALUES.indexOf('<img src=x onerror=alert(1)>')}`);
  return `version: 1
gate: { id: REG-INERT, title: "Inert \`values\` www.evil.example @octocat" }
sources:
  postgres: { url: "\${GATE_DATABASE_URL}" }
scenarios:
${scenarios.join('\n')}
`;
}

describe('hostile values from PostgreSQL, through dist/, rendered by micromark + GFM', () => {
  it('stay text in the job summary, the check run and the bundle .md; one row of three cells per scenario', async () => {
    github = await startGitHubSim(emptyState(TOKEN));
    const run = await runAction({
      inputs: { config: 'gate.yml', 'github-token': TOKEN, 'check-run': 'true' },
      files: { 'gate.yml': gateFile() },
      env: { GATE_DATABASE_URL: db.readerUrl!, GITHUB_API_URL: github.url, GITHUB_SHA: simSha('inert') },
    });
    expect(run.outputs.decision).toBe('no-go');
    const [checkRun] = [...github.state.checkRuns.values()];
    const documents = {
      summary: run.summary,
      'check run': checkRun!.output.summary ?? '',
      // GitHub shows a file's YAML front matter as a table of its own, not as Markdown.
      'bundle .md': (await readFile(join(run.workspace, 'gate-report', 'REG-INERT.md'), 'utf8')).replace(
        /^---\n[\s\S]*?\n---\n/,
        '',
      ),
    };
    const rows = VALUES.length + 1;
    for (const [where, markdown] of Object.entries(documents)) {
      const html = render(markdown);
      expect(liveMarkdown(html), where).toEqual([]);
      expect(html, where).not.toMatch(/<a[ >]|<img|<script/);
      expect(tableShape(html), where).toEqual([Array.from({ length: rows }, () => 3)]);
      expect(html.match(/<h1>/g)?.length ?? 0, where).toBe(where === 'check run' ? 0 : 1);
    }
    expect(documents.summary).toContain('invalid input syntax for type integer');
    // Annotations and the log are plain text: no bidirectional or zero-width character reaches them.
    const invisible = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;
    for (const annotation of checkRun!.annotations) {
      expect(annotation.title).not.toMatch(invisible);
      expect(annotation.message).not.toMatch(invisible);
    }
    expect(checkRun!.annotations.length).toBeGreaterThan(20);
    // (`::debug::` progress lines, hidden unless step debugging is on, still carry names as written.)
    const hidden = run.stdout
      .split('\n')
      .filter((line) => invisible.test(line) && !line.startsWith('::debug::'));
    expect(hidden).toEqual([]);
  });
});
