import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { emptyState, makeRun, startGitHubSim, type GitHubSim } from '../support/github-sim/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { makeZip } from '../support/zip.js';

let db: TestDatabase;
let github: GitHubSim | undefined;

beforeAll(async () => {
  db = await createTestDatabase(undefined, { reader: true });
  await db.query(`
    create table agent_runs (id serial primary key, label text not null, status text not null);
    create table mcp_action_requests (id serial primary key, approval_state text not null);
    insert into agent_runs (label, status) select 'run:dev', 'succeeded' from generate_series(1, 9);
    insert into mcp_action_requests (approval_state) values ('approved');
  `);
});
afterAll(() => db?.cleanup());
afterEach(async () => {
  await github?.close();
  github = undefined;
});

const GATE = `version: 1
gate: { id: REG-BASE, title: Baseline gate }
sources:
  postgres: { url: "\${GATE_DATABASE_URL}" }
scenarios:
  - name: run:dev succeeds
    id: run-dev
    checks:
      - postgres: select count(*) as succeeded from agent_runs where label = 'run:dev' and status = 'succeeded'
        expect: succeeded >= 1 and delta.succeeded ?? 0 >= 0
        evidence: "\`run:dev succeeded={{succeeded}}\`"
  - name: Approval queue consistency
    id: approvals
    checks:
      - postgres: select count(*) as stuck from mcp_action_requests where approval_state = 'requested'
        expect: stuck == 0
        evidence: "\`pending_approvals={{stuck}}\`"
`;

async function run(
  inputs: Record<string, string>,
  files: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  return runAction({
    inputs: { config: 'gate.yml', ...inputs },
    files: { 'gate.yml': GATE, ...files },
    env: { GATE_DATABASE_URL: db.readerUrl!, ...env },
  });
}

describe('comparing with the last gate, through dist/', () => {
  it('shows deltas and new/known marks against an earlier bundle, and gates on new failures only', async () => {
    const first = await run({});
    expect(first.outputs.decision).toBe('go');
    const firstJson = await readFile(join(first.workspace, 'gate-report', 'REG-BASE.json'), 'utf8');

    await db.query(
      `insert into agent_runs (label, status) select 'run:dev', 'succeeded' from generate_series(1, 3)`,
    );
    await db.query(`insert into mcp_action_requests (approval_state) values ('requested')`);
    const second = await run({ baseline: 'previous/REG-BASE.json' }, { 'previous/REG-BASE.json': firstJson });
    expect(second.summary).toContain('| run:dev succeeds | `run:dev succeeded=12 (+3)` | ✅ pass |');
    expect(second.summary).toContain(
      '| Approval queue consistency | `pending_approvals=1 (+1)` (stuck=1 (+1)), expected stuck == 0 | ❌ **fail** **new** |',
    );
    expect(second.summary).toMatch(
      /Compared with: previous\/REG-BASE\.json \(Go, \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/,
    );
    expect(second.exitCode).toBe(1);
    const secondJson = await readFile(join(second.workspace, 'gate-report', 'REG-BASE.json'), 'utf8');
    expect(JSON.parse(secondJson).scenarios[1].regression).toBe('new');

    // The stuck approval is now known: new-failures lets it through as a residual risk.
    const third = await run(
      { baseline: 'previous/REG-BASE.json', 'fail-on': 'new-failures' },
      { 'previous/REG-BASE.json': secondJson },
    );
    expect(third.summary).toContain(
      '| Approval queue consistency | `pending_approvals=1 (=)` (stuck=1 (=)), expected stuck == 0 | ❌ **fail** **known** |',
    );
    expect(third.summary).toContain(
      '- P0 scenario "Approval queue consistency" is fail, as in the baseline (known failure)',
    );
    expect(third.outputs.decision).toBe('go');
    expect(third.exitCode).toBe(0);
    await db.query(`delete from mcp_action_requests where approval_state = 'requested'`);
  });

  it('runs without a baseline, with a notice, when the file is not there', async () => {
    const result = await run({ baseline: 'previous/missing.json' });
    expect(result.stdout).toContain('::notice::No baseline: no baseline report at previous/missing.json.');
    expect(result.outputs.decision).toBe('go');
  });

  it('is an error, not a pass, when a condition needs a baseline that is missing and has no fallback', async () => {
    const result = await run(
      {},
      { 'gate.yml': GATE.replace('delta.succeeded ?? 0 >= 0', 'delta.succeeded >= 0') },
    );
    expect(result.exitCode).toBe(1);
    const rendered = result.summary.replace(/\\(.)/g, '$1');
    expect(rendered).toContain(
      "| run:dev succeeds | error: expect 'succeeded &gt;= 1 and delta.succeeded &gt;= 0': 'delta.succeeded' has no value: there is no baseline, or it lacks that field (write 'delta.succeeded ?? 0' for a default) (fields: succeeded, rows) | ⚠️ **error** |",
    );
  });

  it('finds the last Go of this workflow on this branch through the artifact API (baseline: last-go)', async () => {
    const first = await run({});
    const bundle = await readFile(join(first.workspace, 'gate-report', 'REG-BASE.json'), 'utf8');
    const state = emptyState('ghs_baseline_token_0001');
    const workflow = { id: 7, name: 'Deploy', path: '.github/workflows/deploy.yml' };
    const older = makeRun({ id: 101, workflow, created_at: '2026-02-10T10:00:00Z' });
    const newest = makeRun({ id: 102, workflow, created_at: '2026-02-11T10:00:00Z' });
    const failed = makeRun({ id: 103, workflow, created_at: '2026-02-12T10:00:00Z', conclusion: 'failure' });
    state.repositories['acme/platform'] = {
      workflows: [workflow],
      runs: [older, newest, failed],
      artifacts: [
        {
          id: 501,
          name: 'regression-gate',
          run_id: 101,
          expired: false,
          zip: makeZip({ 'REG-BASE.json': bundle.replace('"succeeded": "9"', '"succeeded": "1"') }),
        },
        {
          id: 502,
          name: 'regression-gate',
          run_id: 102,
          expired: false,
          zip: makeZip({ 'REG-BASE.md': '#', 'REG-BASE.json': bundle }),
        },
      ],
    };
    github = await startGitHubSim(state);
    const result = await run(
      { baseline: 'last-go', 'github-token': 'ghs_baseline_token_0001' },
      {},
      {
        GITHUB_API_URL: github.url,
        GITHUB_WORKFLOW_REF: 'acme/platform/.github/workflows/deploy.yml@refs/heads/main',
        GITHUB_REF_NAME: 'main',
        GITHUB_RUN_ID: '104',
      },
    );
    expect(result.summary).toContain('Compared with: run 102 \\(artifact regression-gate\\)');
    expect(result.summary).toMatch(/`run:dev succeeded=\d+ \(=\)`/);
    const asked = github.requests.map((request) => `${request.method} ${request.path}`);
    expect(asked).toContain('GET /repos/acme/platform/actions/artifacts/502/zip');
    expect(asked).not.toContain('GET /repos/acme/platform/actions/artifacts/501/zip');
  });
});
