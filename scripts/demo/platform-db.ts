// The demo's codex-k8s control-plane database: the real schema (e2e/sql/codex-k8s-schema.sql) with
// the healthy data the e2e workflow seeds (e2e/sql/seed.sql) and, for --no-go, its stuck approval
// (e2e/sql/no-go.sql). One set of files for the demo, the e2e workflow and the tests.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { readOnlyGrants, withDatabase } from '../../__tests__/support/postgres.js';

export const DEMO_DATABASE = 'agent_platform';
export const DEMO_READER = 'gate_reader';

const SQL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'e2e', 'sql');

/** The SQL files that build the platform database, in the order they are applied. */
export function platformSqlFiles(options: { noGo: boolean }): string[] {
  const files = ['codex-k8s-schema.sql', 'seed.sql', ...(options.noGo ? ['no-go.sql'] : [])];
  return files.map((file) => path.join(SQL_DIR, file));
}

/** Creates the schema and loads the data into an empty database, as its owner. */
export async function loadPlatformData(
  query: (sql: string) => Promise<unknown>,
  options: { noGo: boolean },
): Promise<void> {
  for (const file of platformSqlFiles(options)) await query(readFileSync(file, 'utf8'));
}

/** Creates the platform database and a SELECT-only login for the gate; returns the gate's URL. */
export async function seedPlatformDatabase(adminUrl: string, options: { noGo: boolean }): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const password = randomBytes(12).toString('hex');
  try {
    await admin.query(`create database ${DEMO_DATABASE}`);
    await admin.query(`create role ${DEMO_READER} login password ${pg.escapeLiteral(password)}`);
  } finally {
    await admin.end();
  }
  const owner = new pg.Client({ connectionString: withDatabase(adminUrl, DEMO_DATABASE) });
  await owner.connect();
  try {
    await loadPlatformData((sql) => owner.query(sql), options);
    // The gate reads through a role that can only SELECT, as docs/postgres.md recommends.
    for (const grant of readOnlyGrants(DEMO_READER, DEMO_DATABASE, 'postgres')) await owner.query(grant);
  } finally {
    await owner.end();
  }
  return withDatabase(adminUrl, DEMO_DATABASE, { user: DEMO_READER, password });
}
