// The Prometheus the demo's metrics gate reads: the real server when `prometheus` and `promtool` are
// on PATH (the history the tests use, written with promtool into a temporary TSDB, served on a free
// 127.0.0.1 port), else the Prometheus API simulator of the test tree answering the gate's two
// queries with the same figures.
import {
  errorBurstHistory,
  prometheusInstalled,
  PROMETHEUS_INSTALL,
  startPrometheus,
} from '../../__tests__/support/prometheus.js';
import { startPrometheusSim, vector } from '../../__tests__/support/prometheus-sim/index.js';

/** The gate's queries, as scripts/demo/web-metrics.yml writes them. */
export const ERROR_RATIO_QUERY =
  'sum(rate(http_requests_total{job="web",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="web"}[5m]))';
export const P99_QUERY =
  'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="web"}[5m])))';

export interface DemoPrometheus {
  url: string;
  /** What serves the metrics, for the demo's header. */
  description: string;
  stop(): Promise<void>;
}

/** Starts a real Prometheus when it is installed (and `simulator` is not asked for), else the simulator; says which. */
export async function startDemoPrometheus(options: { simulator: boolean }): Promise<DemoPrometheus> {
  if (!options.simulator && prometheusInstalled()) {
    const server = await startPrometheus(errorBurstHistory(Math.floor(Date.now() / 1000)));
    return {
      url: server.url,
      description:
        'real Prometheus (prometheus on PATH), history written with promtool: a 5xx burst that ended 20 minutes ago, p99 ≈ 0.375 s',
      stop: () => server.stop(),
    };
  }
  const sim = await startPrometheusSim();
  sim.answer(ERROR_RATIO_QUERY, { body: vector([{ metric: {}, value: '0' }]) });
  sim.answer(P99_QUERY, { body: vector([{ metric: {}, value: '0.375' }]) });
  return {
    url: sim.url,
    description: options.simulator
      ? 'Prometheus API simulator (--prometheus-sim)'
      : `Prometheus API simulator (prometheus is not on PATH; for the real one: ${PROMETHEUS_INSTALL})`,
    stop: () => sim.close(),
  };
}
