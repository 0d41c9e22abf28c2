// The light half of the `postgres` probe: validation, defaults, reproduce command. `pg` is loaded
// only by session.ts (and the files it imports), when a gate actually runs a postgres check.
import { z } from 'zod';
import { DEFAULT_SOURCE } from '../../shared/named-sources.js';
import { singleQuote } from '../../shared/quote.js';
import { urlWithoutPassword } from '../../shared/url.js';
import { defineProbe, type ProbeEnvironment, type ProbeSession, type SessionOptions } from '../probe.js';
import { postgresSourceEntry } from './source.js';
import { inlineParams, paramsOf, sqlTextProblem } from './sql-text.js';

/** A bound parameter: YAML scalars only, so what is bound is exactly what the file says. */
export const postgresParam = z.union([
  z.string(),
  z.number().refine((value) => !Number.isInteger(value) || Number.isSafeInteger(value), {
    message: 'this integer is too large to be exact in YAML; quote it as a string (e.g. "9007199254740993")',
  }),
  z.boolean(),
  z.null(),
]);

/** The `params` list beside a `postgres` key. */
export const postgresParams = z.array(postgresParam);

/** The SQL text under the `postgres` key: one read-only query. */
export const postgresSql = z.string().superRefine((text, context) => {
  const problem = sqlTextProblem(text);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

const DESCRIBE_MAX = 80;

export const postgresProbe = defineProbe<string>({
  kind: 'postgres',
  schema: postgresSql,
  extraKeys: { params: postgresParams.optional() },
  sourceEntry: postgresSourceEntry,
  // Columns are known only once the query has run; the engine reports unknown fields then.
  fields: () => undefined,
  defaultExpect: () => 'rows > 0',
  reproduce(sql, extras, sources, sourceName): string {
    const query = singleQuote(inlineParams(sql.trim(), paramsOf(extras)));
    // The default source: a person running this has DATABASE_URL in their own shell. A named one:
    // its own URL, without the password (psql asks, or reads PGPASSWORD / ~/.pgpass).
    const named = sourceName !== undefined && sourceName !== DEFAULT_SOURCE;
    const url = named ? urlWithoutPassword(sources.postgres.url) : undefined;
    return `psql ${url === undefined ? '"$DATABASE_URL"' : singleQuote(url)} -c ${query}`;
  },
  describe(sql): string {
    const lines = sql
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const first = lines[0] ?? '';
    const shortened = first.length > DESCRIBE_MAX ? `${first.slice(0, DESCRIBE_MAX - 1)}…` : first;
    return lines.length > 1 && shortened === first ? `${shortened} …` : shortened;
  },
  async open(environment: ProbeEnvironment, options?: SessionOptions): Promise<ProbeSession<string>> {
    const { openPostgresSession } = await import('./session.js');
    return openPostgresSession(environment, options);
  },
});
