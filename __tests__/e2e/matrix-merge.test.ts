// Matrix jobs as GitHub runs them, without GitHub: `node dist/index.js` once per environment ×
// shard (two environments, each its own database and cluster, two shards each), then a merge job
// over the downloaded bundles, and the merge's fail-closed cases, each from dist/.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { emptyState, simSha, startGitHubSim, type GitHubSim } from '../support/github-sim/index.js';
import { loadFixture, startK8sSim, type K8sSim } from '../support/k8s-sim/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const TOKEN = 'ghs_matrix_token_0123456789';
const HEAD = simSha('matrix-commit');
const GATE_ID = 'REG-MX-1';
const KINDS = ['k1', 'k2', 'k3', 'k4', 'k5'];

const GATE = `version: 1
gate:
  id: ${GATE_ID}
  title: Matrix gate
sources:
  postgres: { url: "\${GATE_DATABASE_URL}" }
  kubernetes: { namespace: codex-k8s-staging }
preconditions:
  - name: Key deployments READY
    kubernetes: { deployments: [codex-k8s, codex-k8s-worker] }
scenarios:
${KINDS.map(
  (kind, index) => `  - id: s0${index + 1}
    name: Orders ${kind} are not stuck
    checks:
      - postgres: select count(*) as stuck from orders where kind = '${kind}' and stuck
        expect: stuck == 0
`,
).join('')}  - id: s06
    name: No leaked run namespaces
    checks:
      - kubernetes: { namespaces: { selector: "codex-k8s.dev/namespace-purpose=run" } }
`;

interface Environment {
  name: string;
  db: TestDatabase;
  k8s: K8sSim;
}

let github: GitHubSim;
const environments: Environment[] = [];
/** Every bundle the four jobs wrote, by file name, as download-artifact with merge-multiple leaves them. */
const bundles: Record<string, string> = {};
const jobs = new Map<string, ActionRun>();

beforeAll(async () => {
  github = await startGitHubSim(emptyState(TOKEN));
  for (const name of ['staging', 'prod-eu']) {
    const db = await createTestDatabase(undefined, { reader: true });
    await db.query(`create table orders (id serial primary key, kind text not null, stuck boolean not null);
      insert into orders (kind, stuck) select 'k' || (n % 5 + 1), false from generate_series(1, 20) n;`);
    // prod-eu has a stuck k3 order: S03 fails there and only there.
    if (name === 'prod-eu') await db.query(`insert into orders (kind, stuck) values ('k3', true)`);
    const k8s = await startK8sSim({ objects: loadFixture('staging.yaml') });
    environments.push({ name, db, k8s });
  }
  const runs = environments.flatMap((environment) =>
    [1, 2].map(async (index) => {
      const run = await runAction({
        inputs: {
          config: '.github/regression-gate.yml',
          environment: environment.name,
          shard: `${index}/2`,
          'fail-on': 'never',
          'github-token': TOKEN,
          'check-run': 'true',
        },
        files: { '.github/regression-gate.yml': GATE },
        env: {
          GATE_DATABASE_URL: environment.db.readerUrl!,
          KUBECONFIG: environment.k8s.kubeconfigPath,
          GITHUB_API_URL: github.url,
          GITHUB_SHA: HEAD,
        },
      });
      jobs.set(`${environment.name} ${index}/2`, run);
      if (run.exitCode !== 0)
        throw new Error(
          `job ${environment.name} ${index}/2 exited ${run.exitCode}: ${run.stdout}\n${run.stderr}`,
        );
      const directory = join(run.workspace, 'gate-report');
      for (const file of await readdir(directory)) {
        if (file.endsWith('.json')) bundles[file] = await readFile(join(directory, file), 'utf8');
      }
    }),
  );
  await Promise.all(runs);
}, 180_000);

afterAll(async () => {
  await github?.close();
  for (const environment of environments) {
    await environment.k8s.close();
    await environment.db.cleanup();
  }
});

/** The merge job: the bundles (or these files instead) under bundles/, `merge: bundles/*.json`. */
function merge(files: Record<string, string> = prefixed(bundles), extra: Record<string, string> = {}) {
  return runAction({
    inputs: {
      merge: 'bundles/*.json',
      'github-token': TOKEN,
      'check-run': 'true',
      ...extra,
    },
    files,
    env: { GITHUB_API_URL: github.url, GITHUB_SHA: HEAD, MERGE_API_TOKEN: 'merge-job-secret-4242' },
  });
}

/** The parts of a bundle these tests read. */
interface BundleJson {
  environment: string | null;
  shard: { index: number; total: number; scenarios: string[] } | null;
  preconditions: { id: string; name: string }[];
  scenarios: { id: string; name: string }[];
  merge?: { environments: { name: string; decision: string }[] };
}

const parseBundle = (text: string): BundleJson => JSON.parse(text) as BundleJson;

function prefixed(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [`bundles/${name}`, text]));
}

describe('matrix jobs: one environment × shard each, from dist/', () => {
  it('each job names its bundle, its title and its check run after its environment and shard', () => {
    expect(Object.keys(bundles).sort()).toEqual([
      `${GATE_ID}.prod-eu.shard-1-of-2.json`,
      `${GATE_ID}.prod-eu.shard-2-of-2.json`,
      `${GATE_ID}.staging.shard-1-of-2.json`,
      `${GATE_ID}.staging.shard-2-of-2.json`,
    ]);
    const job = jobs.get('staging 2/2')!;
    expect(job.exitCode).toBe(0);
    expect(job.summary).toContain('# ✅ Go — Matrix gate (staging · shard 2/2)');
    expect(job.outputs).toMatchObject({ environment: 'staging', shard: '2/2' });
    expect(job.outputs['report-json']).toBe(
      join(job.workspace, 'gate-report', `${GATE_ID}.staging.shard-2-of-2.json`),
    );
    const names = [...github.state.checkRuns.values()].map((run) => run.name).sort();
    expect(names).toEqual([
      'Regression Gate (prod-eu · shard 1/2)',
      'Regression Gate (prod-eu · shard 2/2)',
      'Regression Gate (staging · shard 1/2)',
      'Regression Gate (staging · shard 2/2)',
    ]);
  });

  it('the shards of an environment own every scenario exactly once and all run the precondition', () => {
    for (const name of ['staging', 'prod-eu']) {
      const owned: string[] = [];
      for (const index of [1, 2]) {
        const bundle = parseBundle(bundles[`${GATE_ID}.${name}.shard-${index}-of-2.json`]!);
        expect(bundle).toMatchObject({ environment: name, shard: { index, total: 2 } });
        expect(bundle.scenarios.map((row) => row.id)).toEqual(bundle.shard!.scenarios);
        expect(bundle.preconditions.map((row) => row.name)).toEqual(['Key deployments READY']);
        owned.push(...bundle.shard!.scenarios);
      }
      expect(owned.sort()).toEqual(['s01', 's02', 's03', 's04', 's05', 's06']);
    }
  });
});

describe('the merge job, from dist/', () => {
  it('shows the scenario × environment grid, decides No-Go from prod-eu and posts one check run', async () => {
    const before = new Set(github.state.checkRuns.keys());
    const run = await merge();
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain('# ❌ No-Go — Matrix gate\n');
    expect(run.summary).toContain('| prod-eu | ❌ **No-Go** | 5/6 pass | 2 |');
    expect(run.summary).toContain('| staging | ✅ Go | 6/6 pass | 2 |');
    expect(run.summary).toContain('| Scenario | prod-eu | staging |');
    expect(run.summary).toContain('| Orders k3 are not stuck | ❌ **fail** | ✅ pass |');
    expect(run.summary).toContain('| Orders k1 are not stuck | ✅ pass | ✅ pass |');
    expect(run.summary).toContain('| Key deployments READY | ✅ pass | ✅ pass |');
    expect(run.summary).toContain('P0 scenario "Orders k3 are not stuck (prod-eu)" is fail');
    expect(run.outputs.decision).toBe('no-go');
    expect(JSON.parse(run.outputs['failed-scenarios']!)).toEqual([
      { id: 's03', name: 'Orders k3 are not stuck', priority: 'P0', status: 'fail', environment: 'prod-eu' },
    ]);
    expect(run.stdout).toContain('::error::No-Go: P0 scenario "Orders k3 are not stuck (prod-eu)" is fail');
    const merged = parseBundle(await readFile(join(run.workspace, 'gate-report', `${GATE_ID}.json`), 'utf8'));
    expect(merged).toMatchObject({ decision: 'no-go', environment: null, shard: null });
    expect(merged.merge!.environments.map((item) => [item.name, item.decision])).toEqual([
      ['prod-eu', 'no-go'],
      ['staging', 'go'],
    ]);
    const posted = [...github.state.checkRuns.values()].filter((item) => !before.has(item.id));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ name: 'Regression Gate', conclusion: 'failure' });
    expect(posted[0]!.output.summary).toContain('| Orders k3 are not stuck | ❌ **fail** | ✅ pass |');
    expect(posted[0]!.annotations).toEqual([
      expect.objectContaining({
        path: '.github/regression-gate.yml',
        start_line: 22,
        annotation_level: 'failure',
        title: 'Orders k3 are not stuck (prod-eu): fail',
      }),
    ]);
  });

  it("masks the merge job's own secrets in what the bundles carry", async () => {
    const name = `${GATE_ID}.staging.shard-1-of-2.json`;
    const leaky = bundles[name]!.replace(
      '"warnings": []',
      '"warnings": ["token merge-job-secret-4242 seen"]',
    );
    const run = await merge(prefixed({ ...bundles, [name]: leaky }), { 'fail-on': 'never' });
    expect(run.exitCode).toBe(0);
    const report = await readFile(join(run.workspace, 'gate-report', `${GATE_ID}.md`), 'utf8');
    // Only the runner's add-mask command may name it (that is how the runner learns to mask it).
    const log = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const text of [run.summary, log, report]) expect(text).not.toContain('merge-job-secret-4242');
    expect(run.summary.replaceAll('\\', '')).toContain('token *** seen');
  });

  const failClosed: Array<[string, () => Record<string, string>, string, RegExp]> = [
    [
      'a missing shard',
      () => omit(`${GATE_ID}.staging.shard-2-of-2.json`),
      'bundles/*.json',
      /environment 'staging', shard 2\/2 \| is missing/,
    ],
    [
      'two bundles for one shard and environment',
      () => ({ ...bundles, 'copy.json': bundles[`${GATE_ID}.prod-eu.shard-1-of-2.json`]! }),
      'bundles/*.json',
      /is a second bundle of shard 1\/2 of environment 'prod-eu'/,
    ],
    [
      'a bundle of another gate',
      () => ({
        ...bundles,
        'other.json': bundles[`${GATE_ID}.staging.shard-1-of-2.json`]!.replaceAll(
          `"${GATE_ID}"`,
          '"REG-OTHER"',
        ),
      }),
      'bundles/*.json',
      /bundles\/other\.json \| is the bundle of gate 'REG-OTHER', not 'REG-MX-1'/,
    ],
    [
      'a bundle of another schema version',
      () => ({
        ...bundles,
        [`${GATE_ID}.staging.shard-1-of-2.json`]: bundles[`${GATE_ID}.staging.shard-1-of-2.json`]!.replace(
          '"schema_version": 1',
          '"schema_version": 2',
        ),
      }),
      'bundles/*.json',
      /has schema_version 2, this version reads 1/,
    ],
    [
      'an unreadable file',
      () => ({
        ...bundles,
        'truncated.json': bundles[`${GATE_ID}.staging.shard-1-of-2.json`]!.slice(0, 200),
      }),
      'bundles/*.json',
      /bundles\/truncated\.json \| is not JSON/,
    ],
    [
      'a glob that matches nothing',
      () => bundles,
      'downloads/*.json',
      /downloads\/\*\.json \| matches no file/,
    ],
    [
      'a scenario claimed by two shards',
      () => {
        const name = `${GATE_ID}.staging.shard-2-of-2.json`;
        const first = parseBundle(bundles[`${GATE_ID}.staging.shard-1-of-2.json`]!);
        const second = parseBundle(bundles[name]!);
        second.shard!.scenarios.push(first.shard!.scenarios[0]!);
        second.scenarios.push(first.scenarios[0]!);
        return { ...bundles, [name]: JSON.stringify(second) };
      },
      'bundles/*.json',
      /claims scenario 's0\d', which bundles\/REG-MX-1\.staging\.shard-1-of-2\.json \(shard 1\/2 of environment 'staging'\) claims too/,
    ],
  ];

  for (const [name, files, pattern, expected] of failClosed) {
    it(`${name}: an error row that says which, the decision No-Go, the step failed`, async () => {
      const run = await runAction({
        inputs: { merge: pattern, 'github-token': TOKEN, 'check-run': 'true' },
        files: prefixed(files()),
        env: { GITHUB_API_URL: github.url, GITHUB_SHA: HEAD },
      });
      expect(run.exitCode).toBe(1);
      expect(run.outputs.decision).toBe('no-go');
      expect(run.summary).toMatch(/# ❌ No-Go/);
      // Markdown escapes (`schema\_version`, `\(`) dropped: the words are what a reader sees.
      expect(run.summary.replaceAll('\\', ''), run.summary).toMatch(expected);
      expect(run.summary).toMatch(/⚠️ \*\*error\*\*/);
      expect(run.stdout).toMatch(/::error::No-Go: precondition ".*" is error/);
    });
  }
});

describe('the merge job with the expected environments (`environment: staging,prod-eu`), from dist/', () => {
  const stagingOnly = (): Record<string, string> =>
    prefixed(Object.fromEntries(Object.entries(bundles).filter(([file]) => file.includes('.staging.'))));

  it('every bundle of prod-eu absent (its jobs held or never uploaded): No-Go naming prod-eu', async () => {
    const run = await merge(stagingOnly(), { environment: 'staging,prod-eu' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.decision).toBe('no-go');
    expect(run.summary).toMatch(/# ❌ No-Go/);
    expect(run.summary.replaceAll('\\', '')).toMatch(
      /prod-eu \| no bundle from any shard; expected by the `environment` input/,
    );
    expect(run.summary).toContain('| prod-eu | ❌ **No-Go** | 0/0 pass | 0 |');
    expect(run.stdout).toMatch(/::error::No-Go: precondition "prod-eu" is error/);
  });

  it('the same bundles without the input merge to Go, with a notice naming what was found', async () => {
    const run = await merge(stagingOnly(), { 'fail-on': 'never' });
    expect(run.outputs.decision).toBe('go');
    expect(run.stdout).toMatch(/::notice::merged the bundles of 1 environment\(s\): staging\./);
  });

  it('a bundle of an environment not in the list (a typo) is an error', async () => {
    const run = await merge(prefixed(bundles), { environment: 'staging\nprod-ue' });
    expect(run.exitCode).toBe(1);
    expect(run.summary.replaceAll('\\', '')).toMatch(
      /environment 'prod-eu' \| is not expected by the `environment` input/,
    );
    expect(run.summary.replaceAll('\\', '')).toMatch(/prod-ue \| no bundle from any shard/);
  });
});

function omit(name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(bundles).filter(([file]) => file !== name));
}
