import { defineProbe } from '../probe.js';
import type { ProbeDefinition, ProbeEnvironment, ProbeSession } from '../probe.js';
import { PROMETHEUS_FIELDS } from './fields.js';
import { prometheusDescribe, prometheusReproduce } from './reproduce.js';
import { prometheusExtraKeys, prometheusSpecSchema, type PrometheusSpec } from './schema.js';
import { prometheusSourceEntry } from './source.js';

export type { PrometheusSpec } from './schema.js';

/** The `prometheus` probe: a PromQL query (instant, or a range ending now) through the Prometheus HTTP API. */
export const prometheusProbe: ProbeDefinition<PrometheusSpec> = defineProbe<PrometheusSpec>({
  kind: 'prometheus',
  schema: prometheusSpecSchema,
  extraKeys: prometheusExtraKeys,
  sourceEntry: prometheusSourceEntry,
  fields: () => PROMETHEUS_FIELDS,
  // Never used: expect is required for this probe (see prometheusExtraKeys); kept true to the fields.
  defaultExpect: () => 'series > 0',
  failureFields: ['warnings'],
  reproduce: (spec, _extras, sources, sourceName) =>
    prometheusReproduce(spec, sources.prometheus, sourceName),
  describe: (spec) => prometheusDescribe(spec),
  // Each Prometheus (Thanos, Mimir…) gets its own concurrency limit.
  source: (_spec, _extras, sources) =>
    sources.prometheus?.url === undefined ? 'unset' : new URL(sources.prometheus.url).origin,
  open: async (environment: ProbeEnvironment): Promise<ProbeSession<PrometheusSpec>> => {
    // fetch, the stream reader and the aggregation load only when a gate has a prometheus check.
    const { openPrometheusSession } = await import('./session.js');
    return openPrometheusSession(environment);
  },
});
