// Gates against a real Prometheus (Debian's 2.42 package), run from dist/ as the runner runs them.
// Without the binaries these tests are skipped with the install command; under CI=true they fail.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../support/action-runner.js';
import {
  errorBurstHistory,
  PROMETHEUS_INSTALL,
  prometheusInstalled,
  startPrometheus,
  type PrometheusServer,
} from '../../support/prometheus.js';

const installed = prometheusInstalled();

/** Each scenario's first check error, by scenario name, from the JSON bundle. */
async function checkErrors(workspace: string, id: string): Promise<Record<string, string | undefined>> {
  const bundle = JSON.parse(await readFile(join(workspace, 'gate-report', `${id}.json`), 'utf8')) as {
    scenarios: { name: string; checks: { error?: string }[] }[];
  };
  return Object.fromEntries(bundle.scenarios.map((scenario) => [scenario.name, scenario.checks[0]?.error]));
}
const inCi = process.env.CI === 'true';

describe.runIf(inCi && !installed)('real Prometheus in CI', () => {
  it('is installed (CI must not skip these tests)', () => {
    throw new Error(`prometheus/promtool are not on PATH; .ci/run installs them with: ${PROMETHEUS_INSTALL}`);
  });
});

const ERROR_RATE = 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))';
const P99 = 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))';

const gate = (scenarios: string): string => `version: 1
gate: { id: REG-PROM-1, title: Metrics gate }
sources:
  prometheus: { url: '\${PROM_URL}', headers: { Authorization: 'Bearer \${PROM_TOKEN}' } }
scenarios:
${scenarios}`;

const PASSING = `  - name: Error rate now
    checks:
      - prometheus: '${ERROR_RATE}'
        expect: value < 0.01
  - name: p99 latency over 30m
    checks:
      - prometheus: { query: '${P99}', range: 30m, step: 1m }
        expect: max < 0.5
        evidence: 'p99 max {{max}} s over {{samples}} samples'
`;

const FAILING = `  - name: Error rate held over 30m
    checks:
      - prometheus: { query: '${ERROR_RATE}', range: 30m, step: 1m }
        expect: max < 0.01
  - name: Errors of a service that does not exist
    checks:
      - prometheus: 'sum(rate(http_requests_total{job="nope"}[5m]))'
        expect: value == 0
  - name: Typo in PromQL
    checks:
      - prometheus: 'sum(rate(http_requests_total[5m]'
        expect: value < 1
  - name: Rate per code read as one value
    checks:
      - prometheus: 'sum by (code) (rate(http_requests_total[5m]))'
        expect: value < 1
`;

describe.skipIf(!installed)(
  `real Prometheus 2.x through dist/ (skipped when absent; install: ${PROMETHEUS_INSTALL})`,
  () => {
    let server: PrometheusServer;
    const env = (): Record<string, string> => ({ PROM_URL: server.url, PROM_TOKEN: 'prom-token-4821' });

    beforeAll(async () => {
      server = await startPrometheus(errorBurstHistory(Math.floor(Date.now() / 1000)));
    }, 60_000);
    afterAll(() => server?.stop());

    it('passes an instant error-rate check and a 30m p99 check: Go, exit 0', async () => {
      const run = await runAction({
        inputs: { config: 'gate.yml' },
        files: { 'gate.yml': gate(PASSING) },
        env: env(),
      });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.outputs).toMatchObject({ decision: 'go', passed: '2', failed: '0', errors: '0' });
      expect(run.summary).toContain('| Error rate now | value=0 | ✅ pass |');
      expect(run.summary).toMatch(
        /\| p99 latency over 30m \| p99 max 0\.37\d* s over 31 samples \| ✅ pass \|/,
      );
      expect(run.summary).toContain(
        `curl -sG -H "Authorization: $AUTHORIZATION" "$PROMETHEUS_URL/api/v1/query"`,
      );
    }, 60_000);

    it('fails the 30m range on the old burst, and errors on an empty result, bad PromQL and value of many series', async () => {
      const run = await runAction({
        inputs: { config: 'gate.yml' },
        files: { 'gate.yml': gate(FAILING) },
        env: env(),
      });
      expect(run.exitCode).toBe(1);
      expect(run.outputs).toMatchObject({ decision: 'no-go', passed: '0', failed: '1', errors: '3' });
      // 20 errors per 120 requests until 20 minutes ago.
      expect(run.summary).toMatch(
        /\| Error rate held over 30m \| max=0\.16666\d*, expected max &lt; 0\.01 \| ❌ \*\*fail\*\* \|/,
      );
      const errors = await checkErrors(run.workspace, 'REG-PROM-1');
      expect(errors['Errors of a service that does not exist']).toBe(
        `prometheus: the query returned no series at gate time; an empty result is never read as 0 or as a pass. If no data means zero (no errors yet), append 'or vector(0)': sum(rate(http_requests_total{job="nope"}[5m])) or vector(0); if the series should exist, check the metric name and labels (absent(…) says when a metric is missing)`,
      );
      expect(errors['Typo in PromQL']).toBe(
        "prometheus: bad PromQL at line 1, column 33: unclosed left parenthesis — near 'sum(rate(http_requests_total[5m]'; try it in the Prometheus UI (Graph tab) to see the whole error",
      );
      expect(errors['Rate per code read as one value']).toMatch(
        /^prometheus: 'value' needs exactly one series, but the query returned 2: \{code="200"\}, \{code="500"\}; aggregate them/,
      );
    }, 60_000);
  },
);
