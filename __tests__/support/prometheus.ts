// A real Prometheus for tests: Debian's `prometheus` package (prometheus + promtool). History is
// written ahead of time with `promtool tsdb create-blocks-from openmetrics` into a temporary TSDB,
// then the server starts on a free 127.0.0.1 port with an empty scrape config and serves it.
//
// Measured with 2.42: blocks made before the server starts are loaded at start-up (no restart
// needed); samples may run into the future (the history ends 15 minutes after it is written, so an
// instant `rate(…[5m])` at "now" has data however long the tests take); the default retention (15d,
// counted from the newest block) keeps them — `--storage.tsdb.retention.time=1d` is passed anyway
// so the intent is written down.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './postgres.js';

/** What CI (and a person) runs to get the binaries. */
export const PROMETHEUS_INSTALL = 'apt-get update && apt-get install -y --no-install-recommends prometheus';

/** True when both `prometheus` and `promtool` are on PATH. */
export function prometheusInstalled(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v prometheus && command -v promtool'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface PrometheusServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The history the tests judge, as OpenMetrics text, relative to `now` (seconds), one sample every
 * 15 s from 3 h ago to 15 min ahead: `http_requests_total` (100 requests per 15 s with code 200; a
 * burst of 20 per 15 s with code 500 from 60 to 20 minutes ago) and `http_request_duration_seconds`
 * (per 15 s: 90 requests ≤ 0.1 s, 8 ≤ 0.25 s, 2 ≤ 0.5 s — a p99 near 0.375 s).
 */
export function errorBurstHistory(now: number): string {
  const start = now - 3 * 3600;
  const end = now + 15 * 60;
  const times: number[] = [];
  for (let time = start; time <= end; time += 15) times.push(time);
  const lines = ['# HELP http_requests_total Requests served.', '# TYPE http_requests_total counter'];
  const series = (name: string, labels: string, perStep: (time: number) => number): void => {
    let total = 0;
    for (const time of times) {
      total += perStep(time);
      lines.push(`${name}{${labels}} ${total} ${time}`);
    }
  };
  series('http_requests_total', 'code="200",job="web"', () => 100);
  series('http_requests_total', 'code="500",job="web"', (time) =>
    time >= now - 3600 && time < now - 1200 ? 20 : 0,
  );
  lines.push(
    '# HELP http_request_duration_seconds Request latency.',
    '# TYPE http_request_duration_seconds histogram',
  );
  const buckets: [string, number][] = [
    ['0.1', 90],
    ['0.25', 98],
    ['0.5', 100],
    ['1', 100],
    ['+Inf', 100],
  ];
  for (const [le, perStep] of buckets)
    series('http_request_duration_seconds_bucket', `job="web",le="${le}"`, () => perStep);
  series('http_request_duration_seconds_sum', 'job="web"', () => 12);
  series('http_request_duration_seconds_count', 'job="web"', () => 100);
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/**
 * Writes `history` into a fresh TSDB and starts Prometheus on it. The server stops on stop(), on
 * process exit, and — through a detached watchdog — when this process is killed, so a crashed run
 * leaves no server or data behind (as __tests__/support/postgres.ts does for PostgreSQL).
 */
export async function startPrometheus(history: string): Promise<PrometheusServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'regression-gate-prom-'));
  const data = path.join(dir, 'data');
  writeFileSync(path.join(dir, 'history.om'), history);
  writeFileSync(path.join(dir, 'prometheus.yml'), 'scrape_configs: []\n');
  execFileSync(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', path.join(dir, 'history.om'), data],
    {
      stdio: 'ignore',
    },
  );
  const port = await freePort();
  const server = spawn(
    'prometheus',
    [
      `--storage.tsdb.path=${data}`,
      `--web.listen-address=127.0.0.1:${port}`,
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      '--storage.tsdb.retention.time=1d',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const watchdog = startWatchdog(server, dir);
  const stopOnExit = (): void => void server.kill('SIGKILL');
  process.once('exit', stopOnExit);
  const stop = async (): Promise<void> => {
    process.off('exit', stopOnExit);
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
    try {
      if (watchdog.pid) process.kill(watchdog.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 150; tries++) {
    if (server.exitCode !== null) break;
    const ready = await fetch(`${url}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`prometheus did not become ready on ${url}:\n${log}`);
}

/** A detached shell that outlives a SIGKILLed parent just long enough to stop the server. */
function startWatchdog(server: ChildProcess, dir: string): ChildProcess {
  const script = [
    'while kill -0 "$PARENT" 2>/dev/null; do sleep 1; done',
    'kill -TERM "$SERVER" 2>/dev/null; sleep 2; kill -KILL "$SERVER" 2>/dev/null',
    'rm -rf "$DIR"',
  ].join('\n');
  const child = spawn('sh', ['-c', script], {
    detached: true,
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      PARENT: String(process.pid),
      SERVER: String(server.pid ?? 0),
      DIR: dir,
    },
  });
  child.unref();
  return child;
}
