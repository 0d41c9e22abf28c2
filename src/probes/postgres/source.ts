// `sources.postgres`: which database the postgres checks ask and how long a statement may run.
import { z } from 'zod';
import { durationSchema } from '../../shared/duration-schema.js';
import { nonEmpty } from '../../shared/text.js';
import { defineSourceEntry } from '../probe.js';

/** `sources.postgres` as the probe reads it. */
export interface PostgresSource {
  url?: string;
  statementTimeoutMs: number;
  /** Most connections the gate opens to this database (sources.postgres.max_connections). */
  maxConnections?: number;
}

declare module '../../shared/probe-contract.js' {
  interface Sources {
    postgres: PostgresSource;
  }
}

const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/** What a gate file may write under `sources.postgres`. */
export const postgresSourceSchema = z.strictObject({
  url: z
    .string()
    .optional()
    .meta({ description: 'libpq URL; use ${DATABASE_URL}, never an inline password.' }),
  statement_timeout: durationSchema.optional(),
  max_connections: z
    .number()
    .int('use a whole number of connections, e.g. 4')
    .min(1, 'use at least 1 (1 runs the checks one at a time on one connection)')
    .optional()
    .meta({
      description:
        'Most connections the gate opens to this database at once (default: the concurrency input; 1 = one at a time).',
    }),
});

/** The URL defaults to DATABASE_URL, the statement timeout to 15 s. */
export const postgresSourceEntry = defineSourceEntry({
  schema: postgresSourceSchema,
  resolve: (written, env): PostgresSource => ({
    url: written?.url ?? nonEmpty(env.DATABASE_URL),
    statementTimeoutMs: written?.statement_timeout ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    ...(written?.max_connections === undefined ? {} : { maxConnections: written.max_connections }),
  }),
});
