// The reproduce command of a check against a named source points at that source — its kube
// context, its database or Prometheus URL (never with the password) — while the single form's
// commands stay as they were.
import { describe, expect, it } from 'vitest';
import { kubernetesProbe } from '../../src/probes/kubernetes/index.js';
import { postgresProbe } from '../../src/probes/postgres/index.js';
import type { Sources } from '../../src/probes/probe.js';
import { prometheusProbe } from '../../src/probes/prometheus/index.js';

function sources(overrides: Partial<Sources>): Sources {
  return {
    postgres: { statementTimeoutMs: 15_000 },
    kubernetes: {},
    github: {},
    ...overrides,
  };
}

describe('reproduce against a named source', () => {
  it('psql gets the named database URL without its password; the default keeps "$DATABASE_URL"', () => {
    const named = sources({
      postgres: { url: 'postgresql://gate:s3cret@db-billing:5432/billing?password=x', statementTimeoutMs: 1 },
    });
    expect(postgresProbe.reproduce('select 1', {}, named, 'billing')).toBe(
      "psql 'postgresql://gate@db-billing:5432/billing' -c 'select 1'",
    );
    expect(postgresProbe.reproduce('select 1', {}, named, 'default')).toBe(
      `psql "$DATABASE_URL" -c 'select 1'`,
    );
    expect(postgresProbe.reproduce('select 1', {}, named)).toBe(`psql "$DATABASE_URL" -c 'select 1'`);
  });

  it('kubectl names the source’s context', () => {
    const spec = kubernetesProbe.schema.parse({ deployments: ['web'] });
    const prod = sources({ kubernetes: { context: 'prod-eu', namespace: 'app' } });
    expect(kubernetesProbe.reproduce(spec, {}, prod, 'prod-eu')).toBe(
      'kubectl --context prod-eu -n app get deploy web',
    );
  });

  it('curl queries the named Prometheus URL, credentials left out; the default keeps "$PROMETHEUS_URL"', () => {
    const spec = prometheusProbe.schema.parse('up');
    const eu = sources({ prometheus: { url: 'https://user:pw@prom-eu:9090/', headers: {} } });
    expect(prometheusProbe.reproduce(spec, {}, eu, 'eu')).toBe(
      "curl -sG 'https://user@prom-eu:9090/api/v1/query' --data-urlencode 'query=up'",
    );
    expect(prometheusProbe.reproduce(spec, {}, eu, 'default')).toBe(
      `curl -sG "$PROMETHEUS_URL/api/v1/query" --data-urlencode 'query=up'`,
    );
  });
});
