import { z } from 'zod';
import { defineSourceEntry } from '../probe.js';

// RFC 9110 token: what a header name may be made of.
const HEADER_NAME = /^[!#$%&'*+\-.^`|~\w]+$/;

/** `sources.prometheus.url`: the API's base URL, the part before `/api/v1`. */
const baseUrl = z.string().superRefine((value, context) => {
  // `${PROMETHEUS_URL:-}` may expand to nothing: the check then says which variable to set.
  if (value.trim() === '') return;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    context.addIssue({
      code: 'custom',
      message: `'${value}' is not a URL; write the base URL before /api/v1, e.g. http://prometheus:9090`,
    });
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    context.addIssue({
      code: 'custom',
      message: `'${parsed.protocol}' is not supported; use http:// or https://`,
    });
  }
  if (/\/api\/v1\/?$/.test(parsed.pathname)) {
    context.addIssue({
      code: 'custom',
      message: `write the base URL without /api/v1 (the probe adds /api/v1/query): ${value.replace(/\/api\/v1\/?$/, '')}`,
    });
  }
});

const headers = z.record(z.string(), z.string()).superRefine((value, context) => {
  for (const [name, headerValue] of Object.entries(value)) {
    if (!HEADER_NAME.test(name))
      context.addIssue({ code: 'custom', message: `'${name}' is not a valid header name` });
    if (/[\r\n\0]/.test(headerValue))
      context.addIssue({ code: 'custom', message: `the value of '${name}' contains a line break` });
  }
});

/** The value under `sources.prometheus` in a gate file. */
export const prometheusSourceSchema = z
  .strictObject({
    url: baseUrl.optional().meta({
      description:
        'Base URL of the Prometheus HTTP API (Prometheus, Thanos, Mimir, VictoriaMetrics, Grafana Cloud), before /api/v1; default: the PROMETHEUS_URL environment variable.',
    }),
    headers: headers.optional().meta({
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
