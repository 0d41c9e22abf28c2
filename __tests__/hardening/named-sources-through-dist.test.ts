// Named sources through dist/: two databases of the embedded PostgreSQL and two Kubernetes
// simulators as named sources of one gate. Each row is decided by its own source, each reproduce
// command names that source, and the second database's password (registered only by its own
// session: BILLING_DB_URL is not a secret-looking variable) appears in no file the run writes.
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { runAction } from '../support/action-runner.js';
import { loadFixture, startK8sSim, type K8sObject, type K8sSim } from '../support/k8s-sim/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { artefactsContaining, collectArtefacts, readBundleJson } from './artefacts.js';

let platform: TestDatabase;
let billing: TestDatabase;
let staging: K8sSim;
let prodEu: K8sSim;
let kubeconfig: string;

/** Staging's objects with the not-ready variants of the same workloads swapped in. */
function notReady(): K8sObject[] {
  const variants = loadFixture('workloads-not-ready.yaml');
  const replaced = (object: K8sObject): boolean =>
    variants.some((other) => other.kind === object.kind && other.metadata.name === object.metadata.name);
  return [...loadFixture('staging.yaml').filter((object) => !replaced(object)), ...variants];
}

interface KubeconfigFile {
  clusters: Array<{ name: string; cluster: unknown }>;
  users: unknown[];
  contexts: Array<{ name: string; context: { cluster: string } }>;
}

/** One kubeconfig with both simulators, as a person with two clusters has (each context its own cluster). */
async function mergedKubeconfig(sims: Record<string, K8sSim>): Promise<string> {
  const merged: KubeconfigFile = { clusters: [], users: [], contexts: [] };
  for (const [name, sim] of Object.entries(sims)) {
    const file = parse(readFileSync(sim.kubeconfigPath, 'utf8')) as KubeconfigFile;
    merged.clusters.push({ name: `${name}-cluster`, cluster: file.clusters[0]!.cluster });
    merged.users.push(...file.users);
    for (const context of file.contexts)
      merged.contexts.push({ ...context, context: { ...context.context, cluster: `${name}-cluster` } });
  }
  const directory = await mkdtemp(path.join(tmpdir(), 'rg-kube-'));
  const file = path.join(directory, 'config');
  writeFileSync(
    file,
    stringify({ apiVersion: 'v1', kind: 'Config', ...merged, 'current-context': 'staging' }),
  );
  return file;
}

beforeAll(async () => {
  platform = await createTestDatabase(undefined, { reader: true });
  billing = await createTestDatabase(undefined, { reader: true });
  for (const [db, stuck] of [
    [platform, 0],
    [billing, 2],
  ] as const) {
    await db.query(`create table invoices (status text)`);
    await db.query(`insert into invoices select 'stuck' from generate_series(1, $1::int)`, [stuck]);
    await db.query(`insert into invoices values ('paid')`);
  }
  staging = await startK8sSim({ objects: loadFixture('staging.yaml'), contexts: [{ name: 'staging' }] });
  prodEu = await startK8sSim({ objects: notReady(), contexts: [{ name: 'prod-eu' }] });
  kubeconfig = await mergedKubeconfig({ staging, 'prod-eu': prodEu });
});

afterAll(async () => {
  await Promise.all([platform?.cleanup(), billing?.cleanup(), staging?.close(), prodEu?.close()]);
});

const GATE = `version: 1
gate: { id: REG-NAMED, title: Named sources }
sources:
  postgres: { platform: { url: "\${PLATFORM_DB_URL}" }, billing: { url: "\${BILLING_DB_URL}" } }
  kubernetes:
    staging: { context: staging, namespace: codex-k8s-staging }
    prod-eu: { context: prod-eu, namespace: codex-k8s-staging }
scenarios:
  - name: platform has no stuck invoices
    checks:
      - postgres: select count(*) filter (where status = 'stuck') as stuck from invoices
        source: platform
        expect: stuck == 0
  - name: billing has no stuck invoices
    checks:
      - postgres: select count(*) filter (where status = 'stuck') as stuck from invoices
        source: billing
        expect: stuck == 0
  - name: billing echoes a value
    priority: P2
    checks:
      - postgres: select $1::text as echoed
        params: ["\${BILLING_ECHO}"]
        source: billing
        evidence: "echo {{echoed}}"
  - name: postgres ready on staging
    checks:
      - kubernetes: { statefulsets: [postgres] }
        source: staging
  - name: postgres ready on prod-eu
    checks:
      - kubernetes: { statefulsets: [postgres] }
        source: prod-eu
`;

interface Row {
  name: string;
  status: string;
  checks: Array<{ source?: string; reproduce: string; target: string; error?: string }>;
}

describe('named sources through dist/', () => {
  it('decides each row by its own database or cluster, names the source in every reproduce command, and leaks no password of the second database', async () => {
    const billingPassword = decodeURIComponent(new URL(billing.readerUrl!).password);
    const run = await runAction({
      inputs: { config: 'gate.yml', 'fail-on': 'never' },
      files: { 'gate.yml': GATE },
      env: {
        PLATFORM_DB_URL: platform.readerUrl!,
        BILLING_DB_URL: billing.readerUrl!,
        // The password again, where nothing but the billing session's registration can mask it.
        BILLING_ECHO: billingPassword,
        KUBECONFIG: kubeconfig,
      },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.decision).toBe('no-go');
    const bundle = (await readBundleJson(run, 'REG-NAMED')) as { scenarios: Row[] };
    const rows = new Map(bundle.scenarios.map((row) => [row.name, row]));
    const statusOf = (name: string): string => rows.get(name)!.status;
    expect(statusOf('platform has no stuck invoices')).toBe('pass');
    expect(statusOf('billing has no stuck invoices')).toBe('fail');
    expect(statusOf('postgres ready on staging')).toBe('pass');
    expect(statusOf('postgres ready on prod-eu')).toBe('fail');
    expect(statusOf('billing echoes a value')).toBe('pass');

    const check = (name: string): Row['checks'][number] => rows.get(name)!.checks[0]!;
    expect(check('platform has no stuck invoices').source).toBe('platform');
    expect(check('postgres ready on prod-eu').source).toBe('prod-eu');
    expect(check('postgres ready on staging').reproduce).toBe(
      'kubectl --context staging -n codex-k8s-staging get sts postgres',
    );
    expect(check('postgres ready on prod-eu').reproduce).toBe(
      'kubectl --context prod-eu -n codex-k8s-staging get sts postgres',
    );
    expect(check('postgres ready on prod-eu').target).toMatch(/\(source prod-eu\)$/);
    // Each psql points at its own database, with the user but never the password.
    const billingCommand = check('billing has no stuck invoices').reproduce;
    expect(billingCommand).toContain(`/${billing.name}'`);
    expect(billingCommand).toContain(`${billing.name}_reader@`);
    expect(check('platform has no stuck invoices').reproduce).toContain(`/${platform.name}'`);
    expect(run.summary).toContain(
      'kubectl --context prod-eu -n codex-k8s-staging get sts postgres  # source: prod-eu',
    );

    const artefacts = await collectArtefacts(run);
    expect(Object.keys(artefacts)).toContain('bundle/REG-NAMED.md');
    expect(artefactsContaining(artefacts, billingPassword)).toEqual([]);
    expect(artefactsContaining(artefacts, decodeURIComponent(new URL(platform.readerUrl!).password))).toEqual(
      [],
    );
  });

  it('refuses an unknown source name at load with the line, column and the names it could be', async () => {
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: { 'gate.yml': GATE.replace('source: prod-eu', 'source: prod-ue') },
      env: { PLATFORM_DB_URL: platform.readerUrl!, BILLING_DB_URL: billing.readerUrl!, BILLING_ECHO: 'x' },
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(
      "gate.yml:33:17: unknown source 'prod-ue' for kubernetes checks (did you mean 'prod-eu'?); sources.kubernetes names staging, prod-eu",
    );
    expect(run.stdout + run.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
