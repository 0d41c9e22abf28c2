import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prometheusInstalled } from '../support/prometheus.js';

const ROOT = resolve(import.meta.dirname, '../..');

interface DemoRun {
  code: number | null;
  stdout: string;
  stderr: string;
  out: string;
}

// As `npm run demo` runs it: one node process with tsx as a loader.
async function runDemo(args: string[]): Promise<DemoRun> {
  const out = join(await mkdtemp(join(tmpdir(), 'rg-demo-')), 'gate-report');
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), 'scripts/demo.ts', ...args, '--out', out],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGINT'), 150_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, out });
    });
  });
}

/** The temp dir the demo wrote its go test report to, from its header. */
function reportDir(stdout: string): string {
  const match = /go test -json report\s+(\S+)\/worker-domain\.json/.exec(stdout);
  if (!match) throw new Error(`no report path in:\n${stdout}`);
  return match[1]!;
}

describe('npm run demo', { timeout: 180_000 }, () => {
  it('shows Go for the seed gate, writes the bundle and removes what it started', async () => {
    const run = await runDemo([]);
    // Progress lines appear on stderr once a run has taken 10 s (a loaded machine); nothing else may.
    expect(run.stderr.split('\n').filter((line) => line && !/^\[\d+\/\d+\] /.test(line))).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('GO  Sprint S2 Regression Gate (staging)\nGo — 7/7 scenarios pass');
    for (const row of [
      'PASS    Deploy on main succeeded',
      'PASS    Key deployments READY',
      'PASS    `run:dev` -> run -> job -> PR',
      'PASS    Runtime hygiene (namespace/job leaks)',
      'PASS    Day6 approval queue consistency',
    ]) {
      expect(run.stdout).toContain(row);
    }
    expect(run.stdout).toContain('`agent_runs`: `run:dev succeeded=9`; `flow_events`: `run.pr');
    const markdown = await readFile(join(run.out, 'REG-CK8S-S2-0001.md'), 'utf8');
    expect(markdown).toContain('decision: go');
    expect(markdown).toContain(
      '| `run:dev` -> run -> job -> PR | `agent_runs`: `run:dev succeeded=9`; `flow_events`: `run.pr.created=5`; examples: run `8867c62e-ff01-4ada-b0a2-d5cbd15111df`, PR `#22` | ✅ pass |',
    );
    expect(markdown).toContain(
      '| Runtime hygiene (namespace/job leaks) | run namespaces at gate time: \\(empty\\)',
    );
    expect(JSON.parse(await readFile(join(run.out, 'REG-CK8S-S2-0001.json'), 'utf8'))).toMatchObject({
      decision: 'go',
      counts: { passed: 7, failed: 0, errors: 0 },
    });
    expect(existsSync(reportDir(run.stdout))).toBe(false);
    // The reader's password is masked wherever the URL could show up.
    expect(markdown).not.toMatch(/gate_reader:[0-9a-f]{24}@/);
    await expectMetricsGate(run, prometheusInstalled() ? 'real Prometheus' : 'Prometheus API simulator');
  });

  it('--no-go shows the leaked namespace and the stuck approval as the two failing rows, and exits 1', async () => {
    const run = await runDemo(['--no-go', '--prometheus-sim']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('NO-GO  Sprint S2 Regression Gate (staging)\nNo-Go — 2 P0 scenarios failed');
    const failing = run.stdout.split('\n').filter((line) => line.startsWith('  FAIL'));
    expect(failing).toHaveLength(2);
    expect(failing[0]).toMatch(
      /^ {2}FAIL {4}Runtime hygiene \(namespace\/job leaks\) .*codex-k8s-run-7f3a9c/,
    );
    expect(failing[1]).toMatch(
      /^ {2}FAIL {4}Day6 approval queue consistency +stuck `requested` in `mcp_action_requests`: 1;/,
    );
    const json = JSON.parse(await readFile(join(run.out, 'REG-CK8S-S2-0001.json'), 'utf8')) as {
      decision: string;
      basis: Array<{ name: string }>;
    };
    expect(json.decision).toBe('no-go');
    expect(json.basis.map((item) => item.name)).toEqual([
      'Runtime hygiene (namespace/job leaks)',
      'Day6 approval queue consistency',
    ]);
    expect(existsSync(reportDir(run.stdout))).toBe(false);
    await expectMetricsGate(run, 'Prometheus API simulator');
  });
});

/**
 * The metrics gate after the seed's: an instant error-rate check that passes and a held p99 whose
 * Evidence is the samples' summary, from the Prometheus the header names — stopped at the end.
 */
async function expectMetricsGate(run: DemoRun, served: string): Promise<void> {
  const url = new RegExp(`Metrics from the ${served} at (http://127\\.0\\.0\\.1:\\d+)`).exec(run.stdout)?.[1];
  expect(url, run.stdout).toBeDefined();
  expect(run.stdout).toContain('GO  Web service metrics after deploy (demo)\nGo — 2/2 scenarios pass');
  expect(run.stdout).toMatch(/ {2}PASS {4}Error rate below 1% now +5xx ratio over the last 5m: 0\n/);
  expect(run.stdout).toMatch(
    / {2}PASS {4}p99 latency stays below 500 ms +5\/5 samples pass over 4s; worst value 0\.375/,
  );
  const bundle = JSON.parse(await readFile(join(run.out, 'DEMO-WEB-METRICS.json'), 'utf8')) as {
    decision: string;
    scenarios: Array<{ checks: Array<{ hold?: { total: number; samples: unknown[] } }> }>;
  };
  expect(bundle.decision).toBe('go');
  const hold = bundle.scenarios[1]!.checks[0]!.hold!;
  expect(hold.samples).toHaveLength(hold.total);
  // Stopped: nothing answers where the demo's Prometheus was.
  await expect(fetch(`${url!}/api/v1/query?query=1`)).rejects.toThrow();
}
