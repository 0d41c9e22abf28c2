// Named sources in the engine: each named source of a kind gets its own session (connection,
// secrets) and its own concurrency bound, with the real postgres probe against two databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGate } from '../../src/config/load.js';
import { evaluateGate } from '../../src/engine/run.js';
import { postgresProbe } from '../../src/probes/postgres/index.js';
import type { ProbeDefinition, ProbeEnvironment, ProbeSession } from '../../src/probes/probe.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

let platform: TestDatabase;
let billing: TestDatabase;

beforeAll(async () => {
  [platform, billing] = await Promise.all([
    createTestDatabase(undefined, { reader: true }),
    createTestDatabase(undefined, { reader: true }),
  ]);
});
afterAll(() => Promise.all([platform?.cleanup(), billing?.cleanup()]));

/**
 * The real postgres probe, recording each session it opens; every try waits until `together`
 * tries are in flight at once. Tries that share one bound of 1 can never be in flight together, so
 * with a shared bound the first try would time out waiting for the second.
 */
function recordingProbe(together: number): {
  probe: ProbeDefinition<string>;
  opened: Array<{ url: string | undefined; concurrency: number | undefined }>;
} {
  const opened: Array<{ url: string | undefined; concurrency: number | undefined }> = [];
  let arrived = 0;
  let release!: () => void;
  const allIn = new Promise<void>((resolve) => (release = resolve));
  const probe: ProbeDefinition<string> = {
    ...postgresProbe,
    async open(environment, options): Promise<ProbeSession<string>> {
      opened.push({ url: environment.sources.postgres.url, concurrency: options?.concurrency });
      const session = await postgresProbe.open(environment, options);
      return {
        async run(call) {
          if (++arrived >= together) release();
          await allIn;
          return session.run(call);
        },
        close: () => session.close(),
      };
    },
  };
  return { probe, opened };
}

const GATE = `version: 1
gate: { id: g, title: T }
sources:
  postgres: { platform: { url: "\${PLATFORM_URL}" }, billing: { url: "\${BILLING_URL}" } }
scenarios:
  - name: both
    checks:
      - { postgres: select current_database() as db, source: platform, timeout: 10s }
      - { postgres: select current_database() as db, source: billing, timeout: 10s }
      - { postgres: select current_database() as db, source: billing, timeout: 10s }
`;

describe('named sources in the engine', () => {
  it('opens one session per named source, each bounded on its own, and registers each source’s password', async () => {
    const env = { PLATFORM_URL: platform.readerUrl!, BILLING_URL: billing.readerUrl! };
    // Two tries at once, one per source, while the concurrency bound is 1.
    const { probe, opened } = recordingProbe(2);
    const probes = { postgres: probe };
    const gate = parseGate(GATE, { file: 'g.yml', env, probes });
    const secrets: string[] = [];
    const environment: ProbeEnvironment = {
      sources: gate.sources,
      env,
      workspace: '.',
      addSecret: (value) => secrets.push(value),
      debug: () => undefined,
    };
    const result = await evaluateGate(gate, {
      probes,
      environment,
      concurrency: 1,
      tool: { name: 'rg', version: '0' },
    });
    const checks = result.scenarios[0]!.checks;
    expect(checks.map((check) => [check.status, check.source, check.fields.db])).toEqual([
      ['pass', 'platform', platform.name],
      ['pass', 'billing', billing.name],
      ['pass', 'billing', billing.name],
    ]);
    // Two sessions, not three (one per source) and not one (one per kind), each told the bound of 1.
    expect(opened).toEqual([
      { url: platform.readerUrl, concurrency: 1 },
      { url: billing.readerUrl, concurrency: 1 },
    ]);
    for (const db of [platform, billing])
      expect(secrets).toContain(decodeURIComponent(new URL(db.readerUrl!).password));
    expect(checks[1]!.target).toMatch(/ \(source billing\)$/);
    expect(checks[1]!.reproduce).toContain(`${billing.name}_reader@`);
    expect(checks[1]!.reproduce).not.toContain(new URL(billing.readerUrl!).password);
    expect(result.warnings).toEqual([]);
  });
});
