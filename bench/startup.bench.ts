// Start-up of the bundled action as the runner starts it: `node dist/index.js` on a postgres-only gate
// (time until the first byte reaches PostgreSQL, peak RSS, which chunks were loaded) and on a gate
// using every probe kind and on the seed's S2 gate, examples/codex-k8s-s2.yml (time to exit), each
// against `node -e 0` measured in the same run.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, readdir, writeFile, mkdir } from 'node:fs/promises';
import { createServer, connect, type Server } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startPostgresServer } from '../__tests__/support/postgres.js';
import { loadFixture, startK8sSim } from '../__tests__/support/k8s-sim/index.js';
import { emptyState, makeRun, startGitHubSim } from '../__tests__/support/github-sim/index.js';
import { demoCluster, DEMO_NAMESPACE } from '../scripts/demo/cluster.js';
import { DEMO_DEPLOY_RUN_ID, DEMO_REPOSITORY, demoGitHubState } from '../scripts/demo/github.js';
import { writeGoTestReport } from '../scripts/demo/go-report.js';
import { seedPlatformDatabase } from '../scripts/demo/platform-db.js';
import type { BenchRow } from './harness.js';
import { median, megabytes } from './harness.js';

const RUNS = 9;
const DIST = resolve(process.env.BENCH_DIST ?? 'dist/index.js');
const MEASURE = resolve('bench/support/measure.mjs');
const TOKEN = 'ghs_bench_token_0123456789';

interface Sample {
  firstQueryMs?: number;
  exitMs: number;
  maxRssKb: number;
  loaded: string[];
}

/** A TCP relay in front of PostgreSQL that notes when the first client byte arrives. */
async function relay(
  targetPort: number,
): Promise<{ port: number; firstByteAt: () => number | undefined; reset: () => void; server: Server }> {
  let first: number | undefined;
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    client.once('data', () => (first ??= performance.now()));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    firstByteAt: () => first,
    reset: () => (first = undefined),
    server,
  };
}

async function runNode(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ startedAt: number; exitMs: number; measure?: { maxRssKb: number; loaded: string[] } }> {
  const measureFile = join(cwd, `measure-${Math.random().toString(36).slice(2)}.json`);
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', MEASURE_FILE: measureFile, ...env },
    stdio: 'ignore',
  });
  await new Promise((done) => child.on('close', done));
  const exitMs = performance.now() - startedAt;
  const measure = await readFile(measureFile, 'utf8').then(
    (text) => JSON.parse(text) as { maxRssKb: number; loaded: string[] },
    () => undefined,
  );
  return { startedAt, exitMs, ...(measure ? { measure } : {}) };
}

async function runnerEnv(workspace: string): Promise<Record<string, string>> {
  const summary = join(workspace, 'summary.md');
  const output = join(workspace, 'output.txt');
  await writeFile(summary, '');
  await writeFile(output, '');
  return {
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    GITHUB_REPOSITORY: 'acme/platform',
    GITHUB_SHA: 'a'.repeat(40),
    INPUT_CONFIG: 'gate.yml',
    'INPUT_CHECK-RUN': 'false',
  };
}

const bench = async (): Promise<BenchRow[]> => {
  const workspace = await mkdtemp(join(tmpdir(), 'rg-bench-startup-'));
  const postgres = await startPostgresServer();
  const proxy = await relay(postgres.port);
  const k8s = await startK8sSim({ objects: loadFixture('staging.yaml') });
  const state = emptyState(TOKEN);
  state.repositories['acme/platform'] = {
    workflows: [],
    runs: [
      makeRun({ id: 42, jobs: [{ id: 1, name: 'deploy', status: 'completed', conclusion: 'success' }] }),
    ],
  };
  const github = await startGitHubSim(state);
  // The seed's S2 gate as `npm run demo` runs it: its own cluster, GitHub state and platform database.
  const s2Cluster = await startK8sSim({ objects: demoCluster({ noGo: false }) });
  const s2GitHub = await startGitHubSim(demoGitHubState());
  const s2Database = await seedPlatformDatabase(postgres.adminUrl, { noGo: false });
  const http = createHttpServer((_, response) => response.end('ok'));
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const httpPort = (http.address() as { port: number }).port;
  try {
    const url = new URL(postgres.adminUrl);
    url.port = String(proxy.port);
    const base = await runnerEnv(workspace);
    const env = {
      ...base,
      DATABASE_URL: url.toString(),
      KUBECONFIG: k8s.kubeconfigPath,
      GITHUB_API_URL: github.url,
      'INPUT_GITHUB-TOKEN': TOKEN,
    };
    await mkdir(join(workspace, 'reports'));
    await writeFile(
      join(workspace, 'reports', 'go.json'),
      '{"Action":"pass","Package":"p","Test":"TestA","Elapsed":0}\n',
    );
    const postgresGate = `version: 1\ngate: { id: B, title: b }\nscenarios:\n  - name: q\n    checks:\n      - postgres: select 1 as n\n`;
    const everyGate = `${postgresGate}  - name: k\n    checks:\n      - kubernetes: { deployments: { names: [codex-k8s], namespace: codex-k8s-staging } }\n  - name: g\n    checks:\n      - github: { run: 42, job: deploy }\n  - name: t\n    checks:\n      - tests: { report: reports/*.json, names: [TestA] }\n  - name: h\n    checks:\n      - http: { url: "http://127.0.0.1:${httpPort}/" }\n`;

    const tenScenarios = `version: 1\ngate: { id: B, title: b }\nscenarios:\n${Array.from({ length: 10 }, (_, index) => `  - name: s${index}\n    checks:\n      - postgres: select ${index} as n\n        expect: n >= 0\n`).join('')}`;
    const ten: number[] = [];
    const kubernetesOnly: number[] = [];
    const kubernetesGate = `version: 1\ngate: { id: B, title: b }\nscenarios:\n  - name: k\n    checks:\n      - kubernetes: { deployments: { names: [codex-k8s], namespace: codex-k8s-staging } }\n`;
    await writeGoTestReport(join(workspace, 'reports', 'worker-domain.json'));
    await writeFile(join(workspace, 's2.yml'), await readFile(resolve('examples/codex-k8s-s2.yml'), 'utf8'));
    const s2Env = {
      ...base,
      INPUT_CONFIG: 's2.yml',
      GITHUB_REPOSITORY: DEMO_REPOSITORY,
      DATABASE_URL: s2Database,
      KUBECONFIG: s2Cluster.kubeconfigPath,
      CODEXK8S_STAGING_NAMESPACE: DEMO_NAMESPACE,
      GITHUB_API_URL: s2GitHub.url,
      'INPUT_GITHUB-TOKEN': s2GitHub.state.token,
      DEPLOY_RUN_ID: String(DEMO_DEPLOY_RUN_ID),
      GO_TEST_REPORT: 'reports/worker-domain.json',
    };
    const s2: number[] = [];
    const baseline: number[] = [];
    const postgresOnly: Sample[] = [];
    const every: Sample[] = [];
    for (let run = 0; run < RUNS; run++) {
      baseline.push((await runNode(['-e', '0'], {}, workspace)).exitMs);
      await writeFile(join(workspace, 'gate.yml'), postgresGate);
      proxy.reset();
      const pg = await runNode(['--import', MEASURE, DIST], env, workspace);
      postgresOnly.push({
        firstQueryMs: (proxy.firstByteAt() ?? NaN) - pg.startedAt,
        exitMs: pg.exitMs,
        ...pg.measure!,
      });
      await writeFile(join(workspace, 'gate.yml'), tenScenarios);
      ten.push((await runNode([DIST], env, workspace)).exitMs);
      await writeFile(join(workspace, 'gate.yml'), kubernetesGate);
      kubernetesOnly.push((await runNode([DIST], env, workspace)).exitMs);
      await writeFile(join(workspace, 'gate.yml'), everyGate);
      const all = await runNode(['--import', MEASURE, DIST], env, workspace);
      every.push({ exitMs: all.exitMs, ...all.measure! });
      s2.push((await runNode([DIST], s2Env, workspace)).exitMs);
    }
    const nodeMs = median(baseline);
    const firstQuery = median(postgresOnly.map((sample) => sample.firstQueryMs!));
    const everyExit = median(every.map((sample) => sample.exitMs));
    const rss = Math.max(...postgresOnly.map((sample) => sample.maxRssKb)) * 1024;
    const distDir = dirname(DIST);
    let distBytes = 0;
    for (const file of await readdir(distDir)) {
      const info = await stat(join(distDir, file));
      distBytes += info.isFile() ? info.size : 0;
    }
    const kubernetesChunk = every[0]!.loaded.filter((file) => !postgresOnly[0]!.loaded.includes(file));
    return [
      { name: 'node -e 0 (reference)', figure: `${nodeMs.toFixed(0)} ms`, target: '', pass: undefined },
      {
        name: 'postgres-only gate: spawn to first query',
        figure: `${firstQuery.toFixed(0)} ms (+${(firstQuery - nodeMs).toFixed(0)} ms, ${(firstQuery / nodeMs).toFixed(2)}x)`,
        target: '<= node -e 0 + 60 ms',
        pass: firstQuery - nodeMs <= 60,
      },
      {
        name: '10-scenario postgres gate: spawn to exit',
        figure: `${median(ten).toFixed(0)} ms (+${(median(ten) - nodeMs).toFixed(0)} ms)`,
        target: '<= node -e 0 + 120 ms',
        pass: median(ten) - nodeMs <= 120,
      },
      {
        name: 'seed S2 gate (examples/codex-k8s-s2.yml): spawn to exit',
        figure: `${median(s2).toFixed(0)} ms (+${(median(s2) - nodeMs).toFixed(0)} ms)`,
        target: '<= node -e 0 + 300 ms',
        pass: median(s2) - nodeMs <= 300,
      },
      {
        name: 'one kubernetes check: spawn to exit (@kubernetes/client-node loaded)',
        figure: `${median(kubernetesOnly).toFixed(0)} ms (+${(median(kubernetesOnly) - nodeMs).toFixed(0)} ms)`,
        target: '',
        pass: undefined,
      },
      {
        name: 'postgres-only gate: peak RSS',
        figure: megabytes(rss),
        target: '< 90 MB',
        pass: rss < 90 * 1024 * 1024,
      },
      {
        name: 'every probe kind: spawn to exit (reports written)',
        figure: `${everyExit.toFixed(0)} ms (+${(everyExit - nodeMs).toFixed(0)} ms)`,
        target: '<= node -e 0 + 150 ms',
        pass: everyExit - nodeMs <= 150,
      },
      {
        // scripts/build.mjs minifies the third-party chunks (22 MB before); a build that stops doing so shows here.
        name: 'dist/ size',
        figure: megabytes(distBytes),
        target: '< 8 MB',
        pass: distBytes < 8 * 1024 * 1024,
      },
      {
        name: 'chunks loaded: postgres-only / every probe',
        figure: `${postgresOnly[0]!.loaded.length} / ${every[0]!.loaded.length} (only with other probes: ${kubernetesChunk.join(' ')})`,
        target: 'fewer for postgres-only',
        pass: postgresOnly[0]!.loaded.length < every[0]!.loaded.length,
      },
    ];
  } finally {
    http.close();
    await s2GitHub.close();
    await s2Cluster.close();
    proxy.server.close();
    await github.close();
    await k8s.close();
    await postgres.stop();
    await rm(workspace, { recursive: true, force: true });
  }
};

export default bench;
