import { describe, expect, it } from 'vitest';
import { parseGate } from '../../../src/config/load.js';
import { prometheusProbe } from '../../../src/probes/prometheus/index.js';
import { prometheusSpecSchema } from '../../../src/probes/prometheus/schema.js';
import { probeRegistry } from '../../../src/probes/registry.js';
import type { Sources } from '../../../src/probes/probe.js';

const sources = (prometheus?: Sources['prometheus']): Sources => ({
  postgres: { statementTimeoutMs: 15_000 },
  kubernetes: {},
  github: {},
  ...(prometheus ? { prometheus } : {}),
});

function problemsOf(text: string, env: Record<string, string> = {}): string {
  try {
    parseGate(text, { file: 'gate.yml', env, probes: probeRegistry });
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

const gate = (
  check: string,
  source = "sources:\n  prometheus: { url: 'http://prom:9090' }\n",
): string => `version: 1
gate: { id: G, title: t }
${source}scenarios:
  - name: metrics
    checks:
${check}`;

describe('prometheus probe definition', () => {
  it('takes a query string (instant) or { query, range, step } (range ending now)', () => {
    expect(prometheusSpecSchema.parse(' up ')).toEqual({ query: 'up' });
    expect(prometheusSpecSchema.parse({ query: 'up', range: '30m', step: '1m' })).toEqual({
      query: 'up',
      rangeMs: 1_800_000,
      stepMs: 60_000,
    });
    // Default step: 60 points over the range.
    expect(prometheusSpecSchema.parse({ query: 'up', range: '1h' })).toEqual({
      query: 'up',
      rangeMs: 3_600_000,
      stepMs: 60_000,
    });
  });

  it('refuses what Prometheus would refuse, saying what to write', () => {
    const message = (input: unknown): string =>
      prometheusSpecSchema.safeParse(input).error?.issues[0]?.message ?? '';
    expect(message({ query: 'up', step: '1m' })).toBe(
      'step is for range queries: add range (e.g. range: 30m)',
    );
    expect(message({ query: 'up', range: '1m', step: '5m' })).toBe(
      'step 5m is longer than range 1m; make it shorter',
    );
    expect(message({ query: 'up', range: '24h', step: '1s' })).toBe(
      'range 1440m at step 1s is 86401 points per series; Prometheus refuses more than 11000: raise step',
    );
    expect(message({ query: 'up', range: 'soon' })).toContain("range: 'soon' is not a duration");
    expect(message('  ')).toContain('the query is empty');
  });

  it('reproduces with curl --data-urlencode, header values as shell variables, range as start/end/step', () => {
    const source = {
      url: 'https://user:pw@prom.example.com',
      headers: { Authorization: 'Bearer x', 'X-Scope-OrgID': 't' },
    };
    expect(
      prometheusProbe.reproduce(
        prometheusSpecSchema.parse("sum(rate(x{code=~'5..'}[5m]))"),
        {},
        sources(source),
      ),
    ).toBe(
      `curl -sG -H "Authorization: $AUTHORIZATION" -H "X-Scope-OrgID: $X_SCOPE_ORGID" "$PROMETHEUS_URL/api/v1/query" --data-urlencode 'query=sum(rate(x{code=~'\\''5..'\\''}[5m]))'`,
    );
    expect(
      prometheusProbe.reproduce(
        prometheusSpecSchema.parse({ query: 'up', range: '30m', step: '1m' }),
        {},
        sources(),
      ),
    ).toBe(
      `end=$(date +%s); curl -sG "$PROMETHEUS_URL/api/v1/query_range" --data-urlencode 'query=up' --data-urlencode "start=$((end - 1800))" --data-urlencode "end=$end" --data-urlencode step=60`,
    );
    expect(
      prometheusProbe.describe(
        prometheusSpecSchema.parse({ query: 'max(\n  up)', range: '30m', step: '1m' }),
        {},
        sources(),
      ),
    ).toBe('range query max( up) over 30m at 1m steps');
  });

  it('bounds concurrency per Prometheus origin', () => {
    const spec = prometheusSpecSchema.parse('up');
    expect(
      prometheusProbe.source!(spec, {}, sources({ url: 'https://prom.example.com/api/prom', headers: {} })),
    ).toBe('https://prom.example.com');
  });

  it('loads a gate with a prometheus check; the URL defaults to PROMETHEUS_URL', () => {
    const loaded = parseGate(gate("      - prometheus: 'sum(up)'\n        expect: value >= 1\n", ''), {
      file: 'gate.yml',
      env: { PROMETHEUS_URL: 'http://from-env:9090' },
      probes: probeRegistry,
    });
    expect(loaded.sources.prometheus).toEqual({ url: 'http://from-env:9090', headers: {} });
    expect(loaded.scenarios[0]!.checks[0]!.extras).toEqual({ expect: 'value >= 1' });
  });

  it('needs an expect, knows its fields, and checks sources.prometheus when the file loads', () => {
    expect(problemsOf(gate("      - prometheus: 'sum(up)'\n"))).toContain(
      'a prometheus check needs expect, e.g. expect: value < 0.01 (a query alone decides nothing)',
    );
    expect(problemsOf(gate("      - prometheus: 'sum(up)'\n        expect: valeu < 1\n"))).toContain('valeu');
    expect(
      problemsOf(
        gate(
          "      - prometheus: 'sum(up)'\n        expect: value < 1\n",
          "sources:\n  prometheus: { url: 'http://prom:9090/api/v1' }\n",
        ),
      ),
    ).toContain('write the base URL without /api/v1');
    expect(
      problemsOf(
        gate(
          "      - prometheus: 'sum(up)'\n        expect: value < 1\n",
          "sources:\n  prometheus: { url: 'ftp://prom' }\n",
        ),
      ),
    ).toContain("'ftp:' is not supported");
    expect(
      problemsOf(
        gate("      - prometheus: 'sum(up)'\n        expect: max < 1\n        evidence: 'p99 {{max}}'\n"),
      ),
    ).toBe('');
  });
});
