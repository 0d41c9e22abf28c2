// Awkward evidence through dist/: exact numbers past 2^53 from real numeric/bigint columns, NULLs,
// a column the expect names but the query lacks, a million-row result, a truncated go test -json
// report and a JUnit entity bomb. None may pass by accident; each row says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { readBundleJson } from './artefacts.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase(undefined, { reader: true });
  await db.query(`
    create table counts (big numeric(30, 0), n bigint, maybe int);
    insert into counts values (9007199254740993, 9007199254740993, null);
  `);
});
afterAll(() => db?.cleanup());

interface Row {
  name: string;
  status: string;
  checks: Array<{ status: string; error?: string; fields: Record<string, unknown> }>;
}

async function rowsOf(gate: string, files: Record<string, string> = {}): Promise<Map<string, Row>> {
  const run = await runAction({
    inputs: { config: 'gate.yml', 'fail-on': 'never' },
    files: { 'gate.yml': gate, ...files },
    env: { GATE_DATABASE_URL: db.readerUrl! },
  });
  expect(run.exitCode).toBe(0);
  expect(run.outputs.decision).toBe('no-go');
  const bundle = (await readBundleJson(run, 'REG-EVIDENCE')) as { scenarios: Row[] };
  return new Map(bundle.scenarios.map((row) => [row.name, row]));
}

describe('postgres evidence through dist/', () => {
  it('compares numeric and bigint exactly, keeps NULL apart from 0, errors on a missing column, counts a million rows', async () => {
    const rows = await rowsOf(`version: 1
gate: { id: REG-EVIDENCE, title: Evidence }
sources:
  postgres: { url: "\${GATE_DATABASE_URL}" }
scenarios:
  - name: exact
    checks:
      - postgres: select big, n from counts
        expect: big == 9007199254740993 and n == 9007199254740993
  - name: rounded
    checks:
      - postgres: select big, n from counts
        expect: big == 9007199254740992 or n == 9007199254740992
  - name: null is not zero
    checks:
      - postgres: select maybe from counts
        expect: maybe == 0
  - name: missing column
    checks:
      - postgres: select big from counts
        expect: bigg == 1
  - name: a million rows
    checks:
      - postgres: select g from generate_series(1, 1000000) as g
        expect: rows == 1000000 and g == 1
`);
    expect(rows.get('exact')).toMatchObject({
      status: 'pass',
      checks: [{ fields: { big: '9007199254740993', n: '9007199254740993', rows: 1 } }],
    });
    // A float would round both columns to 2^53 and pass this.
    expect(rows.get('rounded')!.status).toBe('fail');
    expect(rows.get('null is not zero')).toMatchObject({
      status: 'fail',
      checks: [{ fields: { maybe: null } }],
    });
    expect(rows.get('missing column')!.status).toBe('error');
    expect(rows.get('missing column')!.checks[0]!.error).toMatch(/bigg/);
    expect(rows.get('missing column')!.checks[0]!.error).toMatch(/big/);
    expect(rows.get('a million rows')).toMatchObject({
      status: 'pass',
      checks: [{ fields: { rows: 1000000 } }],
    });
  });
});

describe('test reports through dist/', () => {
  const gate = `version: 1
gate: { id: REG-EVIDENCE, title: Evidence }
scenarios:
  - name: truncated go test -json
    checks:
      - tests: { report: reports/go.json, names: [TestA] }
  - name: JUnit entity bomb
    checks:
      - tests: { report: reports/bomb.xml, names: [/./] }
`;

  it('a go test -json report cut off mid-line and a JUnit entity bomb are errors naming the file, quickly', async () => {
    const events = [
      { Action: 'run', Package: 'example.com/p', Test: 'TestA' },
      { Action: 'pass', Package: 'example.com/p', Test: 'TestA', Elapsed: 0 },
      { Action: 'pass', Package: 'example.com/p', Elapsed: 0.1 },
    ].map((event) => JSON.stringify(event));
    // The writer was killed mid-line: the last event is cut short.
    const truncated = `${events.join('\n')}\n${events[2]!.slice(0, 25)}`;
    const entities = ['<!ENTITY lol "lol">'];
    for (let level = 1; level <= 9; level += 1)
      entities.push(`<!ENTITY lol${level} "${`&lol${level - 1 || ''};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${entities.join('\n')}\n]>\n<testsuites><testsuite><testcase name="&lol9;"/></testsuite></testsuites>\n`;
    const started = performance.now();
    const rows = await rowsOf(gate, { 'reports/go.json': truncated, 'reports/bomb.xml': bomb });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(rows.get('truncated go test -json')!.status).toBe('error');
    expect(rows.get('truncated go test -json')!.checks[0]!.error).toMatch(/go\.json:4: .*go test -json/);
    expect(rows.get('JUnit entity bomb')!.status).toBe('error');
    expect(rows.get('JUnit entity bomb')!.checks[0]!.error).toMatch(/bomb\.xml.*(DOCTYPE|entit)/i);
  });
});
