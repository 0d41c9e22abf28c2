// The light half of the postgres probe: what the loader validates, and what reports show.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { postgresProbe } from '../../../src/probes/postgres/index.js';
import { highestParam, inlineParams, sqlTextProblem } from '../../../src/probes/postgres/sql-text.js';
import { probeEnvironment } from './helpers.js';

const sources = probeEnvironment('postgres://gate:hunter2@db.internal:5432/app').sources;
const problem = (sql: string): string | undefined => {
  const result = postgresProbe.schema.safeParse(sql);
  return result.success ? undefined : result.error.issues.map((issue) => issue.message).join('; ');
};

describe('postgres SQL validation (config time)', () => {
  it.each([
    'select 1',
    '  -- a leading comment\n  SELECT count(*) AS n FROM t',
    'with recent as (select * from t) select count(*) from recent',
    'values (1), (2)',
    'table agent_runs',
    '(select 1) union (select 2)',
    'select 1;',
    'select 1;  -- trailing comment ; with a semicolon',
    "select ';' as a, 'it''s; fine' as b",
    'select "odd;name" from t',
    'select $$ ; delete from t; $$ as body',
    'select $tag$ ; $$ ; $tag$ as body',
    "select E'\\'; drop table t; --' as s",
    'select 1 /* nested /* ; */ still comment ; */ as n',
    'select a$b from t',
  ])('accepts one query: %s', (sql) => {
    expect(problem(sql)).toBeUndefined();
  });

  it.each([
    ['select 1; select 2', /^one statement only: the SQL goes on after the ";" at line 1, column 9/],
    ["select 'a'; delete from t", /^one statement only/],
    ['select 1;\n-- fine\nvacuum', /^one statement only.*line 1, column 9/],
    ['delete from t', /not DELETE: a check runs one read-only query/],
    ['insert into t values (1) returning id', /not INSERT/],
    ['UPDATE t SET a = 1', /not UPDATE/],
    ['merge into t using s on true when matched then delete', /not MERGE/],
    ['truncate t', /not TRUNCATE/],
    ['create table x (a int)', /not CREATE/],
    ['drop table t', /not DROP/],
    ['alter table t add b int', /not ALTER/],
    ['grant select on t to public', /not GRANT/],
    ['copy t to program $$curl evil$$', /not COPY/],
    ['call p()', /not CALL/],
    ['do $$ begin delete from t; end $$', /not DO/],
    ['set transaction read write', /not SET: session and transaction settings are fixed by the gate/],
    ['SET default_transaction_read_only = off', /not SET/],
    ['begin', /not BEGIN: the gate opens and rolls back the transaction itself/],
    ['start transaction read write', /not START/],
    ['commit', /not COMMIT/],
    ['lock table t', /not LOCK/],
    ['listen x', /not LISTEN/],
    ['notify x', /not NOTIFY/],
    ['prepare p as select 1', /not PREPARE/],
    ['execute p', /not EXECUTE/],
    ['discard all', /not DISCARD/],
    ['reset all', /not RESET/],
    ['vacuum', /not VACUUM/],
    ['analyze t', /not ANALYZE/],
    [
      'explain analyze delete from t',
      /not EXPLAIN: a plan is not evidence, and EXPLAIN ANALYZE runs the statement/,
    ],
    ['', /empty/],
    ['  -- only a comment', /empty/],
    ["select 'unterminated", /unterminated string starting at line 1, column 8/],
    ['select $$ open', /unterminated dollar-quoted string/],
    ['select 1 /* open', /unterminated comment/],
  ])('refuses %j', (sql, message) => {
    expect(problem(sql)).toMatch(message);
  });

  it('accepts scalar params and refuses integers YAML cannot hold exactly', () => {
    const params = z.object(postgresProbe.extraKeys ?? {});
    expect(params.safeParse({ params: ['run:dev', 3, 1.5, true, null] }).success).toBe(true);
    expect(params.safeParse({}).success).toBe(true);
    const big = params.safeParse({ params: [2 ** 64] });
    expect(big.success).toBe(false);
    expect(big.error?.issues[0]?.message).toMatch(/quote it as a string/);
    expect(params.safeParse({ params: [{ a: 1 }] }).success).toBe(false);
    expect(params.safeParse({ params: 'run:dev' }).success).toBe(false);
  });

  it('finds the highest $n outside strings and comments', () => {
    expect(highestParam("select $2, '$9', $1 -- $7")).toBe(2);
    expect(highestParam('select $$ $3 $$')).toBe(0);
  });
});

describe('postgres definition', () => {
  it('has run-time fields and the default expect rows > 0', () => {
    expect(postgresProbe.kind).toBe('postgres');
    expect(postgresProbe.fields('select 1 as n')).toBeUndefined();
    expect(postgresProbe.defaultExpect('select 1 as n')).toBe('rows > 0');
  });

  it('reproduces with psql and $DATABASE_URL, params inlined and quoted for the shell, never the URL', () => {
    const command = postgresProbe.reproduce(
      'select count(*) as n from agent_runs\nwhere label = $1 and attempts > $2 and ok = $3 and note is not distinct from $4',
      { params: ["it's", 3, true, null] },
      sources,
    );
    expect(command).toBe(
      `psql "$DATABASE_URL" -c 'select count(*) as n from agent_runs\nwhere label = '\\''it'\\'''\\''s'\\'' and attempts > 3 and ok = TRUE and note is not distinct from NULL'`,
    );
    expect(command).not.toContain('hunter2');
    expect(command).not.toContain('db.internal');
  });

  it('leaves $n inside strings alone when inlining', () => {
    expect(inlineParams("select '$1' as literal, $1 as bound", ['x'])).toBe(
      "select '$1' as literal, 'x' as bound",
    );
  });

  it('describes a check by the first line of its SQL, shortened', () => {
    expect(postgresProbe.describe('\n  select count(*) as n\n  from t\n', {}, sources)).toBe(
      'select count(*) as n …',
    );
    const long = `select ${'a, '.repeat(50)}b from t`;
    const described = postgresProbe.describe(long, {}, sources);
    expect(described).toHaveLength(80);
    expect(described.endsWith('…')).toBe(true);
    expect(postgresProbe.describe('select 1', {}, sources)).toBe('select 1');
  });

  it('stays light: nothing index.ts imports statically loads pg', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)) {
        expect(specifier, `${path.relative(process.cwd(), file)} imports ${specifier}`).not.toMatch(
          /^pg(\/|$)/,
        );
        if (specifier!.startsWith('.'))
          visit(path.resolve(path.dirname(file), specifier!.replace(/\.js$/, '.ts')));
      }
    };
    visit(path.resolve('src/probes/postgres/index.ts'));
    expect(seen.size).toBeGreaterThan(2);
    expect(sqlTextProblem('select 1')).toBeUndefined();
  });
});
