// A value from a real database row that tries to break out of the report — table pipes, a
// newline, backticks, HTML, a Markdown link, an @mention and terminal escapes — used through
// `{{field}}` outside and inside a code span, run through dist/ with a check run.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { emptyState, simSha, startGitHubSim, type GitHubSim } from '../support/github-sim/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const HOSTILE =
  'x | y\nsecond `tick` <script>alert(1)</script> [link](http://x) @octocat \u001b[31mRED\u001b[0m \u001b]8;;http://evil\u0007osc\u001b]8;;\u0007 end';
const TOKEN = 'ghs_hostile_values_token_0001';

let db: TestDatabase;
let github: GitHubSim | undefined;

beforeAll(async () => {
  db = await createTestDatabase(undefined, { reader: true });
  await db.query(`create table notes (id int, body text, long text)`);
  await db.query(`insert into notes values (1, $1, repeat('A', 5000))`, [HOSTILE]);
});
afterAll(() => db?.cleanup());
afterEach(() => github?.close());

const GATE = `version: 1
gate: { id: REG-HOSTILE, title: Hostile values }
sources:
  postgres: { url: "\${GATE_DATABASE_URL}" }
scenarios:
  - name: Hostile
    checks:
      - postgres: select body, long from notes where id = 1
        evidence: "note {{body}} code \`{{body}}\` long {{long}}"
`;

// Outside code: every Markdown-active character escaped, HTML as entities, `://` broken, `@` in a
// code span of its own (GitHub finds mentions and e-mails in rendered text), one line, no escapes.
// Inside the author's code span (shown literally by GitHub): the value as it is, the span re-emitted
// with a fence its backticks cannot close, the table's pipe escaped. Long values stop at 300 characters.
const OUTSIDE =
  'x \\| y second \\`tick\\` &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[link\\]\\(http\\://x\\) `@`octocat RED osc end';
const INSIDE = 'x \\| y second `tick` <script>alert(1)</script> [link](http://x) @octocat RED osc end';
const ROW = `| Hostile | note ${OUTSIDE} code \`\`${INSIDE}\`\` long ${'A'.repeat(299)}… | ✅ pass |`;

async function run(): Promise<ActionRun> {
  github = await startGitHubSim(emptyState(TOKEN));
  return runAction({
    inputs: { config: 'gate.yml', 'github-token': TOKEN, 'check-run': 'true' },
    files: { 'gate.yml': GATE },
    env: { GATE_DATABASE_URL: db.readerUrl!, GITHUB_API_URL: github.url, GITHUB_SHA: simSha('hostile') },
  });
}

describe('hostile values from a database row, through dist/', () => {
  it('render inert and capped in the job summary, the check run and the bundle .md', async () => {
    const result = await run();
    expect(result.outputs.decision).toBe('go');
    const [checkRun] = [...github!.state.checkRuns.values()];
    const documents = {
      summary: result.summary,
      'check run': checkRun!.output.summary ?? '',
      'bundle .md': await readFile(join(result.workspace, 'gate-report', 'REG-HOSTILE.md'), 'utf8'),
    };
    for (const [where, markdown] of Object.entries(documents)) {
      const rows = markdown.split('\n').filter((line) => line.startsWith('| Hostile |'));
      expect(rows, where).toEqual([ROW]);
      expect(markdown, where).not.toContain('\u001b');
    }
  });

  it('keeps the whole value in the JSON bundle, and strips terminal escapes from the log', async () => {
    const result = await run();
    const json = JSON.parse(
      await readFile(join(result.workspace, 'gate-report', 'REG-HOSTILE.json'), 'utf8'),
    ) as { scenarios: Array<{ checks: Array<{ fields: Record<string, string> }> }> };
    expect(json.scenarios[0]!.checks[0]!.fields).toMatchObject({ body: HOSTILE, long: 'A'.repeat(5000) });
    // The log has the tool's own colours, but none of the value's: no red, no OSC 8 hyperlink.
    expect(result.stdout).not.toContain('\u001b[31mRED');
    expect(result.stdout).not.toContain('\u001b]8;;');
    expect(result.stdout).not.toContain('\u0007');
  });
});
