// Named sources in the loader: `sources.<kind>` is one source (the source `default`) or a map of
// named sources for every probe that declares a source; a check picks one with `source:`. Every
// mistake is a load error at its line and column, never a guess.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseGate } from '../../src/config/load.js';
import { ConfigError, formatProblem } from '../../src/config/problems.js';
import { defineSourceEntry } from '../../src/probes/probe.js';
import { probeRegistry } from '../../src/probes/registry.js';
import { scriptedProbe } from '../support/scripted-probe.js';

function load(text: string, env: Record<string, string> = {}): ReturnType<typeof parseGate> {
  return parseGate(text, { file: 'gate.yml', env, probes: probeRegistry });
}

function problemsOf(text: string, probes = probeRegistry): string[] {
  try {
    parseGate(text, { file: 'gate.yml', env: {}, probes });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('the gate was accepted');
}

/** A gate with this `sources:` section and these checks (each a YAML flow mapping). */
function gate(sources: string, ...checks: string[]): string {
  return `version: 1
gate: { id: g, title: T }
sources:
${sources}
scenarios:
  - name: one
    checks:
${checks.map((check) => `      - ${check}`).join('\n')}
`;
}

describe('named sources: the two forms', () => {
  it('reads a map of named sources for postgres, kubernetes, github and prometheus, each resolved with its defaults', () => {
    const loaded = load(
      gate(
        `  postgres: { platform: { url: '\${PLATFORM_DB_URL}' }, billing: { url: 'postgresql://b@h/b', max_connections: 2 } }
  kubernetes: { staging: { context: staging, namespace: app }, prod-eu: { context: prod-eu } }
  github: { app: { repository: acme/app }, infra: { repository: acme/infra } }
  prometheus: { eu: { url: 'http://prom-eu:9090' }, us: { url: 'http://prom-us:9090', headers: { X-Scope-OrgID: us } } }`,
        '{ postgres: select 1, source: billing }',
        '{ kubernetes: { deployments: [web] }, source: prod-eu }',
        '{ github: { job: deploy }, source: infra }',
        "{ prometheus: up, source: us, expect: 'value == 1' }",
      ),
      { PLATFORM_DB_URL: 'postgresql://a@h/p' },
    );
    expect(loaded.namedSources).toMatchObject({
      postgres: {
        platform: { url: 'postgresql://a@h/p', statementTimeoutMs: 15_000 },
        billing: { url: 'postgresql://b@h/b', maxConnections: 2 },
      },
      kubernetes: { staging: { context: 'staging', namespace: 'app' }, 'prod-eu': { context: 'prod-eu' } },
      github: { app: { repository: 'acme/app' }, infra: { repository: 'acme/infra' } },
      prometheus: { us: { url: 'http://prom-us:9090', headers: { 'X-Scope-OrgID': 'us' } } },
    });
    expect(loaded.scenarios[0]!.checks.map((check) => check.source)).toEqual([
      'billing',
      'prod-eu',
      'infra',
      'us',
    ]);
  });

  it('keeps the single form: it is the source `default`, used by checks without `source:` and by `source: default`', () => {
    const loaded = load(
      gate(
        `  kubernetes: { namespace: app, context: staging }
  prometheus: { headers: { Authorization: 'Bearer x' } }`,
        '{ kubernetes: { deployments: [web] } }',
        '{ kubernetes: { deployments: [web] }, source: default }',
        '{ postgres: select 1 }',
        "{ prometheus: up, expect: 'value == 1' }",
        '{ http: { url: "http://127.0.0.1:1" } }',
      ),
      { DATABASE_URL: 'postgresql://d@h/d' },
    );
    expect(loaded.namedSources!.kubernetes).toEqual({ default: { namespace: 'app', context: 'staging' } });
    expect(loaded.namedSources!.postgres).toEqual({
      default: { url: 'postgresql://d@h/d', statementTimeoutMs: 15_000 },
    });
    expect(loaded.sources.kubernetes).toEqual({ namespace: 'app', context: 'staging' });
    expect(loaded.scenarios[0]!.checks.map((check) => check.source)).toEqual([
      'default',
      'default',
      'default',
      'default',
      undefined,
    ]);
  });

  it('lets a map name its own `default`, which checks without `source:` use', () => {
    const loaded = load(
      gate(
        '  postgres: { default: { url: postgresql://d@h/d }, billing: { url: postgresql://b@h/b } }',
        '{ postgres: select 1 }',
      ),
    );
    expect(loaded.scenarios[0]!.checks[0]!.source).toBe('default');
    expect(loaded.sources.postgres.url).toBe('postgresql://d@h/d');
  });

  it('wraps the entry of a probe outside the registry too: a probe declares only its single form', () => {
    const demo = {
      ...scriptedProbe({}),
      kind: 'demo',
      sourceEntry: defineSourceEntry({
        schema: z.strictObject({ endpoint: z.string().optional() }),
        resolve: (written) => ({ endpoint: written?.endpoint ?? 'none' }),
      }),
    };
    const text = gate('  demo: { a: { endpoint: x }, b: {} }', '{ demo: one, source: b }');
    const loaded = parseGate(text, { file: 'gate.yml', env: {}, probes: { demo } });
    expect(loaded.namedSources).toEqual({ demo: { a: { endpoint: 'x' }, b: { endpoint: 'none' } } });
    expect(problemsOf(gate('  demo: { a: { endpont: x } }', '{ demo: one, source: a }'), { demo })).toEqual([
      "gate.yml:4:16: unknown key 'endpont' in sources.demo.a (did you mean 'endpoint'?)",
    ]);
  });
});

describe('named sources: load errors with line and column', () => {
  const named = '  postgres: { platform: { url: postgresql://a@h/p }, billing: { url: postgresql://b@h/b } }';

  it('an unknown `source:` name, with did-you-mean and the names there are', () => {
    expect(problemsOf(gate(named, '{ postgres: select 1, source: biling }'))).toEqual([
      "gate.yml:8:39: unknown source 'biling' for postgres checks (did you mean 'billing'?); sources.postgres names platform, billing",
    ]);
  });

  it('a check without `source:` when the named sources have no `default`: it never guesses', () => {
    expect(problemsOf(gate(named, '{ postgres: select 1 }'))).toEqual([
      "gate.yml:8:9: this postgres check names no source and sources.postgres has no 'default'; add 'source:' with one of platform, billing",
    ]);
  });

  it('`source:` on a probe that has no sources', () => {
    expect(problemsOf(gate(named, '{ http: { url: "http://127.0.0.1:1" }, source: billing }'))).toEqual([
      "gate.yml:8:56: a http check has no sources to pick from (only github, kubernetes, postgres, prometheus checks do); remove 'source: billing'",
    ]);
    expect(problemsOf(gate(named, '{ tests: { report: r.xml, names: [a] }, source: x }'))).toEqual([
      "gate.yml:8:57: a tests check has no sources to pick from (only github, kubernetes, postgres, prometheus checks do); remove 'source: x'",
    ]);
  });

  it('a name other than `default` when only the single form is written (or nothing is)', () => {
    expect(
      problemsOf(gate('  kubernetes: { namespace: app }', '{ kubernetes: { pods: {} }, source: prod }')),
    ).toEqual([
      "gate.yml:8:45: source 'prod': sources.kubernetes is a single source, which is named 'default'; remove 'source:', or name the sources (sources.kubernetes: { prod: { … } })",
    ]);
    expect(problemsOf(gate('  kubernetes: {}', '{ github: { job: deploy }, source: infra }'))).toEqual([
      "gate.yml:8:44: source 'infra': sources.github is a single source, which is named 'default'; remove 'source:', or name the sources (sources.github: { infra: { … } })",
    ]);
  });

  it('an invalid named entry names its own path', () => {
    expect(
      problemsOf(
        gate(
          `  postgres:
    platform: { url: postgresql://a@h/p }
    billing: { url: postgresql://b@h/b, statment_timeout: 5s, max_connections: 0 }`,
          '{ postgres: select 1, source: billing }',
        ),
      ),
    ).toEqual([
      "gate.yml:6:41: unknown key 'statment_timeout' in sources.postgres.billing (did you mean 'statement_timeout'?)",
      'gate.yml:6:80: sources.postgres.billing.max_connections: use at least 1 (1 runs the checks one at a time on one connection)',
    ]);
    expect(
      problemsOf(
        gate(
          "  prometheus: { eu: { url: 'http://prom:9090/api/v1' } }",
          "{ prometheus: up, source: eu, expect: 'value == 1' }",
        ),
      ),
    ).toEqual([
      'gate.yml:4:28: sources.prometheus.eu.url: write the base URL without /api/v1 (the probe adds /api/v1/query): http://prom:9090',
    ]);
  });

  it('a setting of the single form beside a named source is ambiguous, and refused', () => {
    expect(
      problemsOf(
        gate(
          '  kubernetes: { namespace: app, prod: { context: prod } }',
          '{ kubernetes: { pods: {} }, source: prod }',
        ),
      ),
    ).toEqual([
      "gate.yml:4:39: sources.kubernetes.prod: 'namespace' is a setting of one source and 'prod' looks like a named source; write either the settings of one source or only named sources (e.g. default: { namespace: … } beside prod: { … })",
    ]);
  });

  it('a named source that is not a mapping, or whose name cannot be written after `source:`', () => {
    expect(
      problemsOf(
        gate(
          '  postgres: { billing: { url: postgresql://b@h/b }, ur: x }',
          '{ postgres: select 1, source: billing }',
        ),
      ),
    ).toEqual([
      "gate.yml:4:57: sources.postgres.ur: 'ur' is not a setting of sources.postgres (did you mean 'url'?)",
    ]);
    expect(
      problemsOf(
        gate(
          '  postgres: { billing: { url: postgresql://b@h/b }, other: 5 }',
          '{ postgres: select 1, source: billing }',
        ),
      ),
    ).toEqual([
      'gate.yml:4:60: sources.postgres.other: a named source is a mapping of settings (url, statement_timeout, max_connections), e.g. other: { url: … }',
    ]);
    expect(problemsOf(gate("  postgres: { 'bill ing': { url: x } }", '{ postgres: select 1 }'))).toEqual([
      `gate.yml:4:27: sources.postgres.bill ing: 'bill ing' cannot name a source; use letters, digits, ".", "_" and "-" (it is what a check's 'source:' says)`,
    ]);
  });

  it('a typo in the single form is still an unknown key with did-you-mean, not a named source', () => {
    expect(problemsOf(gate('  kubernetes: { namspace: app }', '{ kubernetes: { pods: {} } }'))).toEqual([
      "gate.yml:4:17: unknown key 'namspace' in sources.kubernetes (did you mean 'namespace'?)",
    ]);
  });
});
