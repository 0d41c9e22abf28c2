import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase(undefined, { reader: true });
  await db.query(`
    create table agent_runs (id uuid primary key, status text not null, run_payload jsonb not null);
    create table flow_events (id serial primary key, event_type text not null);
    create table mcp_action_requests (id serial primary key, approval_state text not null);
    insert into agent_runs
      select gen_random_uuid(), 'succeeded', jsonb_build_object('trigger', jsonb_build_object('label', 'run:dev')) from generate_series(1, 9);
    insert into agent_runs values (gen_random_uuid(), 'failed', '{"trigger":{"label":"run:dev"}}');
    insert into flow_events (event_type) select 'run.pr.created' from generate_series(1, 5);
    insert into mcp_action_requests (approval_state) values ('approved'), ('requested');
  `);
});
afterAll(() => db?.cleanup());

const gate = (scenarios: string): string => `version: 1
gate:
  id: REG-PG-1
  title: Postgres gate
  owner_role: QA
  related_issues: [19]
sources:
  postgres: { url: "\${GATE_DATABASE_URL}" }
scenarios:
${scenarios}`;

const GO_SCENARIOS = `  - name: "\`run:dev\` -> run -> job -> PR"
    checks:
      - postgres: select count(*) filter (where status = 'succeeded') as succeeded from agent_runs where run_payload->'trigger'->>'label' = $1
        params: [run:dev]
        expect: succeeded >= 1
        evidence: "\`agent_runs\`: \`run:dev succeeded={{succeeded}}\`"
      - postgres: select count(*) as n from flow_events where event_type = 'run.pr.created'
        expect: n >= 1
        evidence: "\`flow_events\`: \`run.pr.created={{n}}\`"
`;

describe('action on a postgres-only gate, run from dist/ as the runner runs it', () => {
  it('says Go, writes the summary, the bundle and the outputs, and exits 0', async () => {
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: { 'gate.yml': gate(GO_SCENARIOS) },
      env: { GATE_DATABASE_URL: db.readerUrl! },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('# ✅ Go — Postgres gate');
    expect(run.summary).toContain(
      '| `run:dev` -> run -> job -> PR | `agent_runs`: `run:dev succeeded=9`; `flow_events`: `run.pr.created=5` | ✅ pass |',
    );
    expect(run.summary).toContain(`psql "$DATABASE_URL" -c`);
    expect(run.outputs).toMatchObject({ decision: 'go', passed: '1', failed: '0', errors: '0', waived: '0' });
    const markdown = await readFile(join(run.workspace, 'gate-report', 'REG-PG-1.md'), 'utf8');
    expect(markdown).toMatch(
      /^---\ndoc_id: "REG-PG-1"\ntype: regression\ntitle: "Postgres gate"\nstatus: completed\nowner_role: "QA"\n/,
    );
    expect(markdown).toContain('decision: go');
    const json = JSON.parse(await readFile(join(run.workspace, 'gate-report', 'REG-PG-1.json'), 'utf8'));
    expect(json.scenarios[0].checks[0].fields).toEqual({ succeeded: '9', rows: 1 });
    expect(run.outputs['report-json']).toBe(join(run.workspace, 'gate-report', 'REG-PG-1.json'));
  });

  it('says No-Go with the failing row and its reason, and exits 1', async () => {
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: {
        'gate.yml': gate(`${GO_SCENARIOS}  - name: Day6 approval queue consistency
    checks:
      - postgres: select count(*) as stuck from mcp_action_requests where approval_state = 'requested'
        expect: stuck == 0
        evidence: "\`pending_approvals={{stuck}}\`"
`),
      },
      env: { GATE_DATABASE_URL: db.readerUrl! },
    });
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain('# ❌ No-Go — Postgres gate');
    expect(run.summary).toContain(
      '| Day6 approval queue consistency | `pending_approvals=1` (stuck=1), expected stuck == 0 | ❌ **fail** |',
    );
    expect(run.summary).toContain('- Basis: P0 scenario "Day6 approval queue consistency" is fail');
    expect(run.stdout).toContain('::error::No-Go: P0 scenario "Day6 approval queue consistency" is fail');
    expect(run.stdout).toContain(
      '::error title=Day6 approval queue consistency%3A fail,file=gate.yml,line=19::`pending_approvals=1` (stuck=1), expected stuck == 0',
    );
    expect(run.outputs).toMatchObject({ decision: 'no-go', passed: '1', failed: '1' });
  });

  it('reports only, exit 0, with fail-on: never', async () => {
    const run = await runAction({
      inputs: { config: 'gate.yml', 'fail-on': 'never' },
      files: {
        'gate.yml': gate(`  - name: q\n    checks:\n      - postgres: select 1 as one where false\n`),
      },
      env: { GATE_DATABASE_URL: db.readerUrl! },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.decision).toBe('no-go');
  });

  it('is No-Go with a clear error row when the database cannot be reached, and still writes every report', async () => {
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: { 'gate.yml': gate(GO_SCENARIOS) },
      env: { GATE_DATABASE_URL: 'postgres://gate:s3cret-pass@127.0.0.1:1/none' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain('⚠️ **error**');
    expect(run.summary).toMatch(/error: cannot reach PostgreSQL at 127\.0\.0\.1:1/);
    expect(run.outputs).toMatchObject({ decision: 'no-go', errors: '1' });
    const json = await readFile(join(run.workspace, 'gate-report', 'REG-PG-1.json'), 'utf8');
    expect(json).toContain('"status": "error"');
    // `::add-mask::` lines are how the runner learns what to hide; it never shows them.
    const log = run.stdout.replace(/^::add-mask::.*$/gm, '');
    for (const text of [log, run.stderr, run.summary, json, JSON.stringify(run.outputs)])
      expect(text).not.toContain('s3cret-pass');
  });

  it('lists every problem of an invalid gate file with its line, runs no probe, and exits 1', async () => {
    const run = await runAction({
      inputs: { config: '.github/regression-gate.yml' },
      files: {
        '.github/regression-gate.yml': `version: 1
gate: { id: G, title: t }
scenarios:
  - name: a
    cheks: []
  - name: b
    checks:
      - postgres: select 1; select 2
      - postgres: select 1 as n
        expect: n >=
`,
      },
      env: { GATE_DATABASE_URL: 'postgres://127.0.0.1:1/x' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "::error title=Invalid gate file,file=.github/regression-gate.yml,line=5,col=5::unknown key 'cheks' in scenarios[0] (did you mean 'checks'?)",
    );
    expect(run.stdout).toMatch(/file=\.github\/regression-gate\.yml,line=8,.*one statement/);
    expect(run.stdout).toMatch(/file=\.github\/regression-gate\.yml,line=10,.*expect: expected a value/);
    expect(run.summary).toContain('# ❌ Invalid gate file');
    expect(run.summary).toContain('No check was run.');
    expect(run.outputs).toEqual({});
  });
});
