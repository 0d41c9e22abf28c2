// The same gate run twice against the same sources gives the same results and the same bundle,
// apart from timestamps and durations: no ordering that depends on which check finished first.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { loadFixture, startK8sSim, type K8sSim } from '../support/k8s-sim/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

let db: TestDatabase;
let k8s: K8sSim | undefined;

beforeAll(async () => {
  db = await createTestDatabase(undefined, { reader: true });
  await db.query(
    `create table runs (status text); insert into runs values ('succeeded'), ('failed'), ('succeeded');`,
  );
});
afterAll(() => db?.cleanup());
afterEach(() => k8s?.close());

// Several checks per source and several sources, so that finishing order can vary between runs.
const GATE = `version: 1
gate: { id: REG-TWICE, title: Twice, related_issues: [8] }
sources:
  postgres: { url: "\${GATE_DATABASE_URL}" }
  kubernetes: { namespace: codex-k8s-staging }
preconditions:
  - name: Key deployments READY
    kubernetes: { deployments: [codex-k8s, codex-k8s-worker] }
scenarios:
  - name: Succeeded runs
    checks:
      - postgres: select count(*) filter (where status = 'succeeded') as ok from runs
        expect: ok >= 2
        evidence: "ok={{ok}}"
      - postgres: select count(*) as n from runs where status = 'failed'
        expect: n == 0
  - name: Leaks
    priority: P1
    checks:
      - kubernetes: { namespaces: { selector: "codex-k8s.dev/namespace-purpose=run" } }
      - kubernetes: { jobs: { selector: "app=agent-run", namespace: "*" } }
  - name: Missing table
    priority: P2
    checks:
      - postgres: select count(*) as n from nowhere
`;

const VOLATILE = new Set(['startedAt', 'finishedAt', 'durationMs', 'latency_ms']);

/** The bundle JSON with every timestamp and duration replaced by a placeholder. */
function normalisedJson(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (VOLATILE.has(key) ? `<${key}>` : value));
}

/** The bundle Markdown with dates and durations replaced (they appear in the front matter and footer). */
function normalisedMarkdown(text: string): string {
  return text
    .replace(/\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?/g, '<date>')
    .replace(/\b\d+(\.\d+)?\s?(ms|s)\b/g, '<duration>');
}

async function runOnce(): Promise<{ run: ActionRun; json: string; markdown: string }> {
  const run = await runAction({
    inputs: { config: 'gate.yml', 'fail-on': 'never' },
    files: { 'gate.yml': GATE },
    env: { GATE_DATABASE_URL: db.readerUrl!, KUBECONFIG: k8s!.kubeconfigPath },
  });
  const dir = join(run.workspace, 'gate-report');
  return {
    run,
    json: await readFile(join(dir, 'REG-TWICE.json'), 'utf8'),
    markdown: await readFile(join(dir, 'REG-TWICE.md'), 'utf8'),
  };
}

describe('run twice against the same sources, through dist/', () => {
  it('gives the same decision, outputs and bundle apart from timestamps and durations', async () => {
    k8s = await startK8sSim({
      objects: [...loadFixture('staging.yaml'), ...loadFixture('run-namespaces.yaml')],
    });
    const first = await runOnce();
    const second = await runOnce();
    // The gate has a pass, a fail and an error, so the comparison covers every kind of row.
    const statuses = (
      normalisedJson(first.json) as {
        preconditions: Array<{ status: string }>;
        scenarios: Array<{ status: string }>;
      }
    ).scenarios.map((row) => row.status);
    expect(statuses).toEqual(['fail', 'fail', 'error']);
    expect(normalisedJson(second.json)).toEqual(normalisedJson(first.json));
    expect(normalisedMarkdown(second.markdown)).toBe(normalisedMarkdown(first.markdown));
    // The report paths name each run's own workspace; every other output must match.
    const outputs = (run: ActionRun): Record<string, string> =>
      Object.fromEntries(
        Object.entries(run.outputs).filter(
          ([name]) => !name.startsWith('report-') && name !== 'summary-path',
        ),
      );
    expect(outputs(second.run)).toEqual(outputs(first.run));
  });
});
