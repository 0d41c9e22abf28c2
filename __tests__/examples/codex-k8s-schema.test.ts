// The shipped examples against codex-k8s's real control-plane schema (e2e/sql/codex-k8s-schema.sql):
// every SQL check of every example runs on healthy and No-Go data without an error (a column or
// table the schema does not have is an error), and the flagship example, run from dist/ as the
// runner runs it, is Go with all 7 rows on healthy data and No-Go on exactly the broken rows.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGate } from '../../src/config/load.js';
import type { Gate } from '../../src/config/model.js';
import { runGate } from '../../src/run-gate.js';
import { probeRegistry } from '../../src/probes/registry.js';
import { Redactor } from '../../src/report/redact.js';
import { demoCluster, DEMO_NAMESPACE } from '../../scripts/demo/cluster.js';
import { DEMO_DEPLOY_RUN_ID, DEMO_REPOSITORY, demoGitHubState } from '../../scripts/demo/github.js';
import { writeGoTestReport } from '../../scripts/demo/go-report.js';
import { loadPlatformData } from '../../scripts/demo/platform-db.js';
import { runAction } from '../support/action-runner.js';
import { startGitHubSim } from '../support/github-sim/index.js';
import { startK8sSim } from '../support/k8s-sim/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const EXAMPLES = (await readdir('examples')).filter((name) => name.endsWith('.yml')).sort();
const FLAGSHIP = 'examples/codex-k8s-s2.yml';

type Data = 'go' | 'no-go';
const databases = new Map<Data, TestDatabase>();

beforeAll(async () => {
  for (const data of ['go', 'no-go'] as const) {
    const db = await createTestDatabase(undefined, { reader: true });
    await loadPlatformData((sql) => db.query(sql), { noGo: data === 'no-go' });
    databases.set(data, db);
  }
});

afterAll(async () => {
  for (const db of databases.values()) await db.cleanup();
});

const readerUrl = (data: Data): string => databases.get(data)!.readerUrl!;

/** Loads a gate file with placeholders for the variables its non-SQL sources need. */
function loadExample(text: string, file: string, databaseUrl: string): Gate {
  const env = {
    DATABASE_URL: databaseUrl,
    DEPLOY_RUN_ID: '1',
    SHOP_HOST: 'shop.example.com',
    PROMETHEUS_URL: 'http://prometheus.example.com',
  };
  return parseGate(text, { file, env, probes: probeRegistry });
}

/** The gate with only its postgres checks, evaluated as the action would. */
async function runSqlChecks(gate: Gate, databaseUrl: string) {
  const onlySql = (rows: Gate['scenarios']): Gate['scenarios'] =>
    rows
      .map((row) => ({ ...row, checks: row.checks.filter((check) => check.kind === 'postgres') }))
      .filter((row) => row.checks.length > 0);
  const sqlGate: Gate = {
    ...gate,
    preconditions: onlySql(gate.preconditions),
    scenarios: onlySql(gate.scenarios),
  };
  const result = await runGate(sqlGate, {
    env: { DATABASE_URL: databaseUrl },
    workspace: process.cwd(),
    redactor: new Redactor(),
    mask: () => undefined,
    debug: () => undefined,
    concurrency: 4,
    gateTimeoutMs: 60_000,
  });
  return result.scenarios.flatMap((row) => row.checks.map((check) => ({ row: row.id, ...check })));
}

describe('every shipped example on the codex-k8s schema', () => {
  it('reports a query on a column codex-k8s does not have as an error, so a clean run below means something', async () => {
    // The example as it was: flow_events has no run_id.
    const text = `version: 1
gate: { id: OLD, title: old }
sources: { postgres: { url: '\${DATABASE_URL}' } }
scenarios:
  - name: orphans
    checks:
      - postgres: select count(*) as n from flow_events e left join agent_runs r on r.id = e.run_id
        expect: n == 0
`;
    const checks = await runSqlChecks(loadExample(text, 'old.yml', readerUrl('go')), readerUrl('go'));
    expect(checks.map((check) => [check.status, check.error])).toEqual([
      ['error', expect.stringContaining('column e.run_id does not exist')],
    ]);
  });

  it.each(EXAMPLES.flatMap((name) => (['go', 'no-go'] as const).map((data) => [name, data] as const)))(
    '%s: every SQL check runs on %s data without an error',
    async (name, data) => {
      const file = join('examples', name);
      const gate = loadExample(await readFile(file, 'utf8'), file, readerUrl(data));
      const checks = await runSqlChecks(gate, readerUrl(data));
      const errors = checks.filter((check) => check.status === 'error');
      expect(errors.map((check) => `${file}:${check.line} ${check.error ?? ''}`)).toEqual([]);
      if (name === 'codex-k8s-s2.yml') {
        expect(checks.length).toBeGreaterThanOrEqual(10);
        // Healthy data passes every SQL check; the stuck approval fails exactly its own.
        const failing = checks.filter((check) => check.status !== 'pass').map((check) => check.row);
        expect(failing).toEqual(data === 'go' ? [] : ['approval-queue']);
      }
    },
  );
});

// --- The flagship example from dist/, with the demo's cluster, GitHub and go test report ---------

interface Variant {
  leakedNamespace: boolean;
  data: Data;
}

async function runFlagship(variant: Variant) {
  const kubernetes = await startK8sSim({ objects: demoCluster({ noGo: variant.leakedNamespace }) });
  const github = await startGitHubSim(demoGitHubState());
  const report = join(await mkdtemp(join(tmpdir(), 'rg-example-')), 'worker-domain.json');
  await writeGoTestReport(report);
  // The tests probe reads reports only inside the workspace, as the example workflows put them.
  const reportInWorkspace = 'reports/worker-domain.json';
  try {
    const run = await runAction({
      inputs: { config: FLAGSHIP, 'github-token': github.state.token },
      files: {
        [FLAGSHIP]: await readFile(FLAGSHIP, 'utf8'),
        [reportInWorkspace]: await readFile(report, 'utf8'),
      },
      timeoutMs: 140_000,
      env: {
        DATABASE_URL: readerUrl(variant.data),
        KUBECONFIG: kubernetes.kubeconfigPath,
        CODEXK8S_STAGING_NAMESPACE: DEMO_NAMESPACE,
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: DEMO_REPOSITORY,
        DEPLOY_RUN_ID: String(DEMO_DEPLOY_RUN_ID),
        GO_TEST_REPORT: reportInWorkspace,
      },
    });
    const json = JSON.parse(await readFile(run.outputs['report-json']!, 'utf8')) as {
      preconditions: Array<{ status: string }>;
      scenarios: Array<{ id: string; status: string }>;
    };
    return { run, json };
  } finally {
    await kubernetes.close();
    await github.close();
  }
}

const notPassing = (json: { scenarios: Array<{ id: string; status: string }> }): string[] =>
  json.scenarios.filter((row) => row.status !== 'pass').map((row) => `${row.id}: ${row.status}`);

describe(`${FLAGSHIP} on the real schema, through dist/`, { timeout: 150_000 }, () => {
  it('is Go with both preconditions and all 7 rows passing on healthy data', async () => {
    const { run, json } = await runFlagship({ leakedNamespace: false, data: 'go' });
    expect(run.outputs).toMatchObject({ decision: 'go', passed: '7', failed: '0', errors: '0' });
    expect(run.exitCode).toBe(0);
    expect(json.preconditions.map((row) => row.status)).toEqual(['pass', 'pass']);
    expect(notPassing(json)).toEqual([]);
    // The seed's own evidence, read the way codex-k8s links rows.
    for (const evidence of [
      '`agent_runs`: `run:dev succeeded=9`; `flow_events`: `run.pr.created=5`; examples: run `8867c62e-ff01-4ada-b0a2-d5cbd15111df`, PR `#22`',
      '`agent_runs`: `run:dev:revise succeeded=3`; `flow_events`: `run.pr.updated=3`; examples: run `536beaea-a17d-4843-a8a6-1698addccb37`, PR `#20`',
      '`run.namespace.cleanup_skipped=5`',
      'only `null` in the current window',
      'stuck `requested` in `mcp_action_requests`: 0',
    ]) {
      expect(run.summary).toContain(evidence);
    }
  });

  it('is No-Go on exactly runtime-hygiene when a run namespace leaked', async () => {
    const { run, json } = await runFlagship({ leakedNamespace: true, data: 'go' });
    expect(run.outputs).toMatchObject({ decision: 'no-go', failed: '1', errors: '0' });
    expect(run.exitCode).toBe(1);
    expect(notPassing(json)).toEqual(['runtime-hygiene: fail']);
  });

  it('is No-Go on exactly approval-queue when an approval is stuck in requested', async () => {
    const { run, json } = await runFlagship({ leakedNamespace: false, data: 'no-go' });
    expect(run.outputs).toMatchObject({ decision: 'no-go', failed: '1', errors: '0' });
    expect(run.exitCode).toBe(1);
    expect(notPassing(json)).toEqual(['approval-queue: fail']);
    expect(run.summary).toContain('stuck `requested` in `mcp_action_requests`: 1; `pending_approvals=2`');
  });
});
