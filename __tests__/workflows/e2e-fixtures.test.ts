// The e2e workflow can only run on GitHub. These tests keep its fixtures honest here: the RBAC and
// the database role it proves are the ones the docs print, the gate file matches the manifests and
// the workflow, and the same gate, fixtures and SQL give Go and No-Go through dist/ against the
// local simulators and a real PostgreSQL (what GitHub adds: a real API server and real grants).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseGate } from '../../src/config/load.js';
import { probeRegistry } from '../../src/probes/registry.js';
import { runAction } from '../support/action-runner.js';
import { emptyState, makeRun, startGitHubSim, type GitHubSim } from '../support/github-sim/index.js';
import { startK8sSim, type K8sObject, type K8sSim } from '../support/k8s-sim/index.js';
import { adminUrl, createTestDatabase, withDatabase, type TestDatabase } from '../support/postgres.js';

const read = (path: string): string => readFileSync(path, 'utf8');

function yamlStream(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((document) => (document as { toJS(): unknown }).toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

/** The fenced blocks of `language` in a Markdown section (from its heading to the next `## `). */
function fencedBlocks(markdown: string, heading: string, language: string): string[] {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`heading '${heading}' not found`);
  const end = markdown.indexOf('\n## ', start + heading.length);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

const sqlStatements = (sql: string): string[] =>
  sql
    .replace(/--.*$/gm, '')
    .split(';')
    .map((statement) => statement.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

interface Workflow {
  jobs: Record<
    string,
    {
      name?: string;
      needs?: string;
      if?: string;
      strategy?: { matrix?: { include?: { leg: string; failing: string; shard?: string }[] } };
      steps?: { id?: string; uses?: string; with?: Record<string, string | boolean> }[];
    }
  >;
}

const workflow = parse(read('.github/workflows/e2e.yml')) as Workflow;
const GATE_FILE = 'e2e/gates/staging.yml';
const gate = parseGate(read(GATE_FILE), {
  file: GATE_FILE,
  env: { DATABASE_URL: 'postgresql://u:p@localhost/codex_k8s', DEPLOY_RUN_ID: '1' },
  probes: probeRegistry,
});
const workloads = yamlStream(read('e2e/k8s/10-workloads.yaml'));

describe('e2e fixtures match the docs they prove', () => {
  it('the ServiceAccount holds exactly the read-only RBAC of docs/kubernetes.md', () => {
    const documented = fencedBlocks(read('docs/kubernetes.md'), '## Read-only RBAC for the action', 'yaml');
    expect(documented).toHaveLength(2);
    expect(yamlStream(read('e2e/k8s/20-rbac.yaml'))).toEqual(documented.flatMap(yamlStream));
  });

  it('the database role gets exactly the grants of docs/postgres.md', () => {
    const [documented] = fencedBlocks(
      read('docs/postgres.md'),
      '## Security model: the read-only transaction is a guardrail, the grants are the wall',
      'sql',
    );
    // The docs' placeholders, as the fixture fills them through psql variables.
    const filled = documented!
      .replaceAll("'…'", ":'gate_password'")
      .replaceAll('DATABASE app ', 'DATABASE :"DBNAME" ')
      .replaceAll('ROLE app_owner ', 'ROLE :"USER" ');
    expect(sqlStatements(read('e2e/sql/readonly-role.sql'))).toEqual(sqlStatements(filled));
  });
});

describe('the e2e gate file matches the manifests and the workflow', () => {
  it('waits for exactly the deployments the fixture creates, one replica each', () => {
    const precondition = gate.preconditions.find((p) => p.checks[0]?.kind === 'kubernetes');
    const spec = precondition?.checks[0]?.spec as { names?: string[] } | undefined;
    const deployments = workloads.filter((object) => object.kind === 'Deployment');
    expect(spec?.names).toEqual(deployments.map((object) => object.metadata.name));
    for (const deployment of deployments)
      expect(deployment).toMatchObject({
        metadata: { namespace: 'codex-k8s-staging' },
        spec: { replicas: 1 },
      });
  });

  it('reads the deploy job of the workflow by its display name, and the gate step runs this file', () => {
    const github = gate.preconditions.find((p) => p.checks[0]?.kind === 'github')?.checks[0]?.spec;
    expect(github).toMatchObject({ target: 'run', job: workflow.jobs.deploy?.name });
    const step = workflow.jobs.gate?.steps?.find((s) => s.id === 'gate');
    expect(step).toMatchObject({ uses: './', with: { config: GATE_FILE } });
  });

  it('expects failures only of scenarios the gate has', () => {
    const legs = workflow.jobs.gate?.strategy?.matrix?.include ?? [];
    expect(legs.map((leg) => leg.leg)).toEqual(['go', 'no-go', 'shard-1-of-2', 'shard-2-of-2']);
    const ids = gate.scenarios.map((scenario) => scenario.id);
    for (const leg of legs)
      for (const id of leg.failing.split(' ').filter(Boolean)) expect(ids).toContain(id);
  });
});

describe("the e2e workflow's two-shard leg is merged at the end", () => {
  it('runs shards 1/2 and 2/2 on the go fixtures, and the merge job reads both bundles after every leg', () => {
    const legs = workflow.jobs.gate?.strategy?.matrix?.include ?? [];
    const shards = legs.filter((leg) => leg.shard);
    expect(shards.map((leg) => [leg.leg, leg.shard, leg.failing])).toEqual([
      ['shard-1-of-2', '1/2', ''],
      ['shard-2-of-2', '2/2', ''],
    ]);
    const merge = workflow.jobs.merge!;
    expect(merge).toMatchObject({ needs: 'gate', if: '${{ always() }}' });
    const download = merge.steps?.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toMatchObject({ pattern: 'gate-report-shard-*', 'merge-multiple': true });
    const step = merge.steps?.find((s) => s.id === 'merge');
    expect(step).toMatchObject({ uses: './', with: { merge: `${String(download!.with!.path)}/*.json` } });
  });
});

// --- The same run as the workflow's two legs, against simulators and a real PostgreSQL ----------

const TOKEN = 'ghs_e2e_fixture_token_0123';
const DEPLOY_RUN_ID = 21985095587;

/** What a kind cluster reports once the fixture has rolled out. */
function asRunning(object: K8sObject): K8sObject {
  if (object.kind === 'Deployment')
    return {
      ...object,
      metadata: { ...object.metadata, generation: 1 },
      status: {
        observedGeneration: 1,
        replicas: 1,
        updatedReplicas: 1,
        readyReplicas: 1,
        availableReplicas: 1,
      },
    };
  if (object.kind === 'Job') return { ...object, status: { active: 1 } };
  if (object.kind === 'Namespace') return { ...object, status: { phase: 'Active' } };
  return object;
}

function cluster(leg: 'go' | 'no-go'): K8sObject[] {
  const files = ['e2e/k8s/00-namespace.yaml', 'e2e/k8s/10-workloads.yaml'];
  if (leg === 'no-go') files.push('e2e/k8s/no-go/run-leak.yaml');
  return files.flatMap((file) => yamlStream(read(file))).map(asRunning);
}

let db: TestDatabase;
let role: string;
let readerUrl: string;
let k8s: K8sSim | undefined;
let github: GitHubSim | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  // As the workflow's seed step: the real codex-k8s schema, then the data.
  const seedStep = read('.github/workflows/e2e.yml');
  expect(seedStep).toContain('-f e2e/sql/codex-k8s-schema.sql -f e2e/sql/seed.sql');
  await db.query(read('e2e/sql/codex-k8s-schema.sql'));
  await db.query(read('e2e/sql/seed.sql'));
  role = `regression_gate_${db.name.slice(-10)}`;
  const password = 'e2e-fixture-secret-7f3a';
  const owner = decodeURIComponent(new URL(db.url).username || 'postgres');
  // What psql does with the fixture's variables in the workflow.
  const roleSql = read('e2e/sql/readonly-role.sql')
    .replaceAll('regression_gate', pg.escapeIdentifier(role))
    .replaceAll(":'gate_password'", pg.escapeLiteral(password))
    .replaceAll(':"DBNAME"', pg.escapeIdentifier(db.name))
    .replaceAll(':"USER"', pg.escapeIdentifier(owner));
  await db.query(roleSql);
  readerUrl = withDatabase(db.url, db.name, { user: role, password });
});

afterEach(async () => {
  await k8s?.close();
  await github?.close();
});

afterAll(async () => {
  await db?.cleanup();
  const admin = new pg.Client({ connectionString: await adminUrl() });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`).finally(() => admin.end());
});

async function runLeg(leg: 'go' | 'no-go') {
  k8s = await startK8sSim({ objects: cluster(leg) });
  const state = emptyState(TOKEN);
  state.repositories['acme/platform'] = {
    workflows: [],
    runs: [
      makeRun({
        id: DEPLOY_RUN_ID,
        status: 'in_progress',
        conclusion: null,
        jobs: [{ id: 1, name: workflow.jobs.deploy!.name!, status: 'completed', conclusion: 'success' }],
      }),
    ],
  };
  github = await startGitHubSim(state);
  return runAction({
    inputs: { config: GATE_FILE, 'github-token': TOKEN },
    files: { [GATE_FILE]: read(GATE_FILE) },
    env: {
      KUBECONFIG: k8s.kubeconfigPath,
      GITHUB_API_URL: github.url,
      DATABASE_URL: readerUrl,
      DEPLOY_RUN_ID: String(DEPLOY_RUN_ID),
    },
  });
}

const notPassing = (json: string): string =>
  (JSON.parse(json) as { scenarios: { id: string; status: string }[] }).scenarios
    .filter((scenario) => scenario.status !== 'pass')
    .map((scenario) => scenario.id)
    .sort()
    .join(' ');

describe('the e2e legs through dist/, with simulators for the cluster and GitHub', () => {
  it('go: every precondition and scenario passes on the fixture as seeded', async () => {
    const run = await runLeg('go');
    expect(run.outputs).toMatchObject({ decision: 'go', passed: '6', failed: '0', errors: '0' });
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('`agent_runs`: `run:dev succeeded=9`');
    // One approval asked for a minute ago is pending, not stuck.
    expect(run.summary).toContain('stuck `requested`: 0; `pending_approvals=1`');
    expect(notPassing(read(run.outputs['report-json']!))).toBe('');
  });

  it('no-go: exactly the scenarios the workflow expects fail, none errors, the step fails', async () => {
    await db.query(read('e2e/sql/no-go.sql'));
    const run = await runLeg('no-go');
    const expected = workflow.jobs.gate!.strategy!.matrix!.include!.find((leg) => leg.leg === 'no-go')!;
    expect(run.outputs).toMatchObject({ decision: 'no-go', failed: '2', errors: '0' });
    expect(run.exitCode).toBe(1);
    expect(notPassing(read(run.outputs['report-json']!))).toBe(expected.failing);
    expect(run.summary).toContain('run namespaces: 1');
    expect(run.summary).toContain('stuck `requested`: 1; `pending_approvals=2`');
    expect(read(run.outputs['report-markdown']!)).toContain('\ndecision: no-go\n');
  });
});
