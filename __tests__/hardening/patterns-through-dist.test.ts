// Issue 14, classes 3 and 5, through dist/ as the runner runs it. Catastrophic patterns
// (`(a+)+$`, `(a|aa)*b`, a glob of many stars) on 100 kB values from a real PostgreSQL and on a
// real test report must not block the gate: it finishes within its deadline and writes every report.
// A huge expect and a misspelt field behind `??` are refused or errored, never a Go.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { readBundleJson } from './artefacts.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase(undefined, { reader: true });
});
afterAll(() => db?.cleanup());

interface Row {
  name: string;
  status: string;
  checks: Array<{ status: string; error?: string }>;
}

const LONG_NAME = 'a'.repeat(100_000);

/** A go test -json report: one passing test with a 100 kB name of `a`, one passing `TestOk`. */
function goReport(): string {
  const event = (test: string, action: string): string =>
    `${JSON.stringify({ Time: '2026-01-01T00:00:00Z', Action: action, Package: 'example.com/p', Test: test, Elapsed: 0 })}\n`;
  return (
    event(LONG_NAME, 'run') + event(LONG_NAME, 'pass') + event('TestOk', 'run') + event('TestOk', 'pass')
  );
}

describe('class 3: a pattern cannot hang the gate (dist/)', () => {
  it('decides catastrophic patterns on 100 kB values in expect, tests.names and report globs, and writes every report', async () => {
    const gate = `version: 1
gate: { id: REG-PATTERNS, title: Patterns }
sources:
  postgres: { url: "\${GATE_DATABASE_URL}" }
scenarios:
  - name: nested quantifier
    checks:
      - postgres: select repeat('a', 100000) || '!' as v
        expect: not v matches /(a+)+$/
  - name: overlapping alternation
    checks:
      - postgres: select repeat('a', 100000) as v
        expect: v matches /(a|aa)*b/
  - name: regex test names
    checks:
      - tests: { report: go-test.json, names: ["/(a|aa)*b/", "/^(a+)+$/", TestOk] }
        expect: passed == 2 and missing == 1
  - name: many-star glob
    checks:
      - tests: { report: "reports/*a*a*a*a*a*a*a*a*a*a*a*a*c", names: [TestOk] }
  - name: plain
    checks:
      - postgres: select 1 as n
        expect: n == 1
`;
    const run = await runAction({
      inputs: { config: 'gate.yml', 'fail-on': 'never', timeout: '60s' },
      files: {
        'gate.yml': gate,
        'go-test.json': goReport(),
        [`reports/${'a'.repeat(200)}.json`]: goReport(),
      },
      env: { GATE_DATABASE_URL: db.readerUrl! },
      timeoutMs: 120_000,
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.decision).toBe('no-go');
    const bundle = (await readBundleJson(run, 'REG-PATTERNS')) as { scenarios: Row[] };
    expect(bundle.scenarios.map((row) => [row.name, row.status])).toEqual([
      ['nested quantifier', 'pass'],
      ['overlapping alternation', 'fail'],
      ['regex test names', 'pass'],
      ['many-star glob', 'error'],
      ['plain', 'pass'],
    ]);
    for (const name of ['nested quantifier', 'overlapping alternation', 'regex test names', 'plain'])
      expect(run.summary).toContain(name);
  }, 180_000);
});

describe('class 3: a huge expect is refused at load (dist/)', () => {
  it('names the limit, with file, line and column, and writes no Go', async () => {
    const huge = Array.from({ length: 30_000 }, () => 'n == 1').join(' or ');
    const nested = `${'('.repeat(10_000)}n${')'.repeat(10_000)} == 1`;
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: {
        'gate.yml': `version: 1
gate: { id: REG-HUGE, title: Huge }
scenarios:
  - name: many terms
    checks:
      - postgres: select 1 as n
        expect: ${huge}
  - name: deep
    checks:
      - postgres: select 1 as n
        expect: "${nested}"
`,
      },
      timeoutMs: 60_000,
    });
    expect(run.exitCode).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output).toMatch(
      /gate\.yml:7:\d+: expect: the condition has more than 256 fields and values \(the limit\); split it into several checks/,
    );
    expect(output).toMatch(/gate\.yml:11:\d+: expect: the condition nests deeper than 32 levels/);
    expect(output).not.toContain('RangeError');
    expect(output).not.toContain('Maximum call stack');
    expect(run.outputs.decision).not.toBe('go');
  }, 90_000);
});

describe('class 5: a typo cannot give Go (dist/)', () => {
  it('is an error for a misspelt SQL column with or without ??, and ?? covers NULL', async () => {
    const gate = `version: 1
gate: { id: REG-TYPO, title: Typo }
sources:
  postgres: { url: "\${GATE_DATABASE_URL}" }
scenarios:
  - name: fallback hides nothing
    checks:
      - postgres: select 0 as stuck
        expect: stuk ?? 0 == 0
  - name: parenthesised fallback
    checks:
      - postgres: select 0 as pending
        expect: (pendng ?? 0) <= 0
  - name: skipped branch
    checks:
      - postgres: select true as ready, 0 as stuck
        expect: ready or stuk == 0
  - name: null row
    checks:
      - postgres: select null::int as pending
        expect: (pending ?? 0) <= 0
`;
    const run = await runAction({
      inputs: { config: 'gate.yml', 'fail-on': 'never' },
      files: { 'gate.yml': gate },
      env: { GATE_DATABASE_URL: db.readerUrl! },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.decision).toBe('no-go');
    const bundle = (await readBundleJson(run, 'REG-TYPO')) as { scenarios: Row[] };
    expect(bundle.scenarios.map((row) => [row.name, row.status, row.checks[0]?.error])).toEqual([
      [
        'fallback hides nothing',
        'error',
        "expect 'stuk ?? 0 == 0': the probe reported no field 'stuk' (fields: stuck, rows)",
      ],
      [
        'parenthesised fallback',
        'error',
        "expect '(pendng ?? 0) <= 0': the probe reported no field 'pendng' (fields: pending, rows)",
      ],
      [
        'skipped branch',
        'error',
        "expect 'ready or stuk == 0': the probe reported no field 'stuk' (fields: ready, stuck, rows)",
      ],
      ['null row', 'pass', undefined],
    ]);
  }, 90_000);
});
