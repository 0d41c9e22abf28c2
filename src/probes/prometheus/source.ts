import { z } from 'zod';
import { httpHeadersSchema, parseHttpUrl } from '../../shared/http-schema.js';
import { defineSourceEntry } from '../probe.js';

/** `sources.prometheus.url`: the API's base URL, the part before `/api/v1`. */
const baseUrl = z.string().superRefine((value, context) => {
  // `${PROMETHEUS_URL:-}` may expand to nothing: the check then says which variable to set.
  if (value.trim() === '') return;
  const parsed = parseHttpUrl(
    value,
    context,
    'write the base URL before /api/v1, e.g. http://prometheus:9090',
  );
  if (parsed === undefined) return;
  if (/\/api\/v1\/?$/.test(parsed.pathname)) {
    context.addIssue({
      code: 'custom',
      message: `write the base URL without /api/v1 (the probe adds /api/v1/query): ${value.replace(/\/api\/v1\/?$/, '')}`,
    });
  }
});

/** The value under `sources.prometheus` in a gate file. */
export const prometheusSourceSchema = z
  .strictObject({
    url: baseUrl.optional().meta({
      description:
        'Base URL of the Prometheus HTTP API (Prometheus, Thanos, Mimir, VictoriaMetrics, Grafana Cloud), before /api/v1; default: the PROMETHEUS_URL environment variable.',
    }),
    headers: httpHeadersSchema.optional().meta({
      description:
        "Headers sent with every query (Authorization: 'Bearer ${PROM_TOKEN}', X-Scope-OrgID); every value is treated as a secret.",
    }),
  })
  .meta({ description: 'Where prometheus checks send their queries.' });

/** `sources.prometheus` after loading: the URL (from the file or PROMETHEUS_URL) and the headers. */
export interface PrometheusSource {
  url?: string;
  headers: Readonly<Record<string, string>>;
}

declare module '../../shared/probe-contract.js' {
  interface Sources {
    prometheus?: PrometheusSource;
  }
}

/** Builds the loaded source from the file's section and the environment. */
export function prometheusSource(
  section: z.output<typeof prometheusSourceSchema> | undefined,
  env: Readonly<Record<string, string | undefined>>,
): PrometheusSource {
  const url = [section?.url, env.PROMETHEUS_URL].find((value) => value !== undefined && value.trim() !== '');
  return { ...(url === undefined ? {} : { url: url.trim() }), headers: section?.headers ?? {} };
}

/** `sources.prometheus`: the URL defaults to PROMETHEUS_URL; every header value is a secret. */
export const prometheusSourceEntry = defineSourceEntry({
  schema: prometheusSourceSchema,
  resolve: (written, env): PrometheusSource => prometheusSource(written, env),
});
