import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { runCli } from './spawn-cli.js';

let db: TestDatabase;
let dir: string;

const GATE = `version: 1
gate: { id: REG-CLI-1, title: CLI gate, owner_role: QA }
sources:
  postgres: { url: "\${DATABASE_URL}" }
preconditions:
  - name: Platform database answers
    postgres: select 1 as one
scenarios:
  - name: "\`run:dev\` -> run -> job -> PR"
    id: run-dev
    checks:
      - postgres: select count(*) as succeeded from agent_runs where status = 'succeeded' and run_payload->'trigger'->>'label' = $1
        params: [run:dev]
        expect: succeeded >= 1
        evidence: "\`agent_runs\`: \`run:dev succeeded={{succeeded}}\`"
  - name: Day6 approval queue consistency
    id: approval-queue
    checks:
      - postgres: select count(*) as stuck from mcp_action_requests where approval_state = 'requested'
        expect: stuck == 0
        evidence: "\`pending_approvals={{stuck}}\`"
`;

beforeAll(async () => {
  db = await createTestDatabase(undefined, { reader: true });
  await db.query(`
    create table agent_runs (id serial primary key, status text not null, run_payload jsonb not null);
    create table mcp_action_requests (id serial primary key, approval_state text not null);
    insert into agent_runs (status, run_payload)
      select 'succeeded', '{"trigger":{"label":"run:dev"}}' from generate_series(1, 9);
    insert into mcp_action_requests (approval_state) values ('approved'), ('requested');
  `);
  dir = await mkdtemp(join(tmpdir(), 'rg-cli-run-'));
  await writeFile(join(dir, 'gate.yml'), GATE);
});
afterAll(() => db?.cleanup());

const env = (): Record<string, string> => ({ DATABASE_URL: db.readerUrl! });

describe('regression-gate run against a real PostgreSQL', () => {
  it('prints the table, writes the bundle and exits 1 on No-Go', async () => {
    const run = await runCli(['run', 'gate.yml', '--out', 'out'], { cwd: dir, env: env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('NO-GO  CLI gate\nNo-Go — 1 P0 scenario failed\n');
    expect(run.stdout).toMatch(
      /PASS {4}`run:dev` -> run -> job -> PR {2,}`agent_runs`: `run:dev succeeded=9`/,
    );
    expect(run.stdout).toMatch(
      /FAIL {4}Day6 approval queue consistency {2,}`pending_approvals=1` \(stuck=1\), expected stuck == 0/,
    );
    expect(run.stdout).toContain('Report: out/REG-CLI-1.md and out/REG-CLI-1.json');
    // Not a terminal and quick: no progress lines, no colour.
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('\u001b[');
    const markdown = await readFile(join(dir, 'out', 'REG-CLI-1.md'), 'utf8');
    expect(markdown).toContain('decision: no-go');
  });

  it('--only runs just the named scenario (by id or name), without the preconditions, and exits 0 on Go', async () => {
    const byId = await runCli(['run', 'gate.yml', '--only', 'run-dev', '--json', '--out', 'only'], {
      cwd: dir,
      env: env(),
    });
    expect(byId.code).toBe(0);
    const json = JSON.parse(byId.stdout) as {
      decision: string;
      preconditions: unknown[];
      scenarios: Array<{ id: string; status: string; checks: Array<{ fields: Record<string, unknown> }> }>;
    };
    expect(json.decision).toBe('go');
    expect(json.preconditions).toEqual([]);
    expect(json.scenarios.map((row) => [row.id, row.status])).toEqual([['run-dev', 'pass']]);
    expect(json.scenarios[0]!.checks[0]!.fields).toEqual({ succeeded: '9', rows: 1 });
    expect(await readFile(join(dir, 'only', 'REG-CLI-1.json'), 'utf8')).toBe(byId.stdout);

    const byName = await runCli(['run', 'gate.yml', '--only', 'day6 approval queue consistency', '--json'], {
      cwd: dir,
      env: env(),
    });
    expect(byName.code).toBe(1);
    expect(
      (JSON.parse(byName.stdout) as { scenarios: Array<{ id: string }> }).scenarios.map((row) => row.id),
    ).toEqual(['approval-queue']);
  });

  it('--only with a name the file does not have is a usage error listing the ids', async () => {
    const run = await runCli(['run', 'gate.yml', '--only', 'nope'], { cwd: dir, env: env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--only 'nope' matches no scenario or precondition of gate.yml; ids: precondition-1, run-dev, approval-queue",
    );
  });

  it('colours only when asked for a terminal, and never with NO_COLOR', async () => {
    const forced = await runCli(['run', 'gate.yml', '--only', 'run-dev', '--out', 'c1'], {
      cwd: dir,
      env: { ...env(), FORCE_COLOR: '1' },
    });
    expect(forced.stdout).toContain('\u001b[1;32mGO  CLI gate\u001b[0m');
    const noColour = await runCli(['run', 'gate.yml', '--only', 'run-dev', '--out', 'c2'], {
      cwd: dir,
      env: { ...env(), FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(noColour.code).toBe(0);
    expect(noColour.stdout).toContain('GO  CLI gate');
    expect(noColour.stdout).not.toContain('\u001b[');
  });

  it('an unreachable database is an error row, No-Go, and its password is never printed or written', async () => {
    const run = await runCli(['run', 'gate.yml', '--json', '--out', 'down'], {
      cwd: dir,
      env: { DATABASE_URL: 'postgres://gate:s3cret-pass-123@127.0.0.1:1/none' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"status": "error"');
    expect(run.stdout).toMatch(/cannot reach PostgreSQL at 127\.0\.0\.1:1/);
    const bundle = await readFile(join(dir, 'down', 'REG-CLI-1.json'), 'utf8');
    for (const text of [run.stdout, run.stderr, bundle]) expect(text).not.toContain('s3cret-pass-123');
  });

  it('an invalid gate file exits 2 with every problem, and nothing is run', async () => {
    await writeFile(join(dir, 'broken.yml'), GATE.replace('expect: stuck == 0', 'expect: stuck ==='));
    const run = await runCli(['run', 'broken.yml', '--out', 'broken'], { cwd: dir, env: env() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^broken\.yml:20:\d+: expect: /);
    expect(run.stderr).toContain('broken.yml has 1 problem(s); no check was run.');
  });

  it('an unset variable the gate needs is a configuration error naming it', async () => {
    const run = await runCli(['run', 'gate.yml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('gate.yml:4:20: ${DATABASE_URL} is not set');
  });
});

describe('progress', () => {
  it('writes one line per finished row to stderr on a terminal', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      env: env(),
      cwd: dir,
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      stdoutIsTTY: false,
      stderrIsTTY: true,
    };
    const code = await cli(['run', 'gate.yml', '--out', 'tty'], io);
    expect(code).toBe(1);
    const lines = err.join('').trim().split('\n');
    expect(lines[0]).toBe('Checking REG-CLI-1: 3 rows, 3 checks (concurrency 8, deadline 15m)');
    expect(lines.slice(1).map((line) => line.replace(/^\[(\d)\/3\]\s+\S+\s+/, '[$1/3] '))).toEqual(
      expect.arrayContaining([
        // Checks of one database run side by side, so rows finish in any order.
        expect.stringMatching(/^\[\d\/3\] finished: Platform database answers$/),
        expect.stringMatching(/^\[\d\/3\] finished: Day6 approval queue consistency$/),
      ]),
    );
    expect(lines).toHaveLength(4);
    expect(out.join('')).toContain('NO-GO  CLI gate');
  });
});
