import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { kubernetesProbe } from '../../../src/probes/kubernetes/index.js';
import type { Sources } from '../../../src/probes/probe.js';

const sources = (namespace?: string): Sources => ({
  postgres: { statementTimeoutMs: 15_000 },
  kubernetes: { namespace },
  github: {},
});

const parse = (raw: unknown) => kubernetesProbe.schema.parse(raw);

/** The messages a gate-file author would see for an invalid value. */
function problems(raw: unknown): string[] {
  const result = kubernetesProbe.schema.safeParse(raw);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
}

describe('spec', () => {
  it('accepts the contract examples', () => {
    expect(parse({ deployments: ['codex-k8s', 'codex-k8s-worker'] })).toEqual({
      kind: 'deployments',
      group: 'apps',
      version: 'v1',
      plural: 'deployments',
      names: ['codex-k8s', 'codex-k8s-worker'],
    });
    expect(parse({ namespaces: { selector: 'codex-k8s.dev/namespace-purpose=run' } })).toMatchObject({
      kind: 'namespaces',
      selector: 'codex-k8s.dev/namespace-purpose=run',
    });
    expect(parse({ jobs: { selector: 'app=agent-run', namespace: '*' } })).toMatchObject({
      kind: 'jobs',
      group: 'batch',
      namespace: '*',
    });
    expect(parse({ resource: 'rollouts.argoproj.io/v1alpha1', names: ['web'] })).toEqual({
      kind: 'custom',
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'rollouts',
      names: ['web'],
    });
  });

  it('explains what is wrong', () => {
    expect(problems({})).toEqual([
      'name one resource: deployments, statefulsets, daemonsets, jobs, pods, namespaces, or resource: plural.group/version',
    ]);
    expect(problems({ deployments: ['a'], jobs: ['b'] })).toEqual([
      'name one resource per check, not deployments and jobs',
    ]);
    expect(problems({ deployments: [] })).toEqual(['deployments: names must list at least one object']);
    expect(problems({ deployments: ['Codex_K8s'] })).toEqual([
      'deployments.0: "Codex_K8s" is not a Kubernetes object name (lowercase letters, digits, "-" and ".")',
    ]);
    expect(problems({ deployments: { name: ['a'] } })).toEqual([
      'deployments: unknown key "name"; allowed: names, selector, field_selector, namespace',
    ]);
    expect(problems({ deployments: ['a'], namespace: 'x' })).toEqual([
      'unknown key "namespace"; put names, selector, field_selector and namespace inside deployments: { … }',
    ]);
    expect(problems({ resource: 'rollouts/v1alpha1' })).toEqual([
      'resource: resource must be plural.group/version, e.g. rollouts.argoproj.io/v1alpha1; got "rollouts/v1alpha1"',
    ]);
    expect(problems({ namespaces: { selector: 'a=b', namespace: 'x' } })).toEqual([
      'namespaces.namespace: namespaces are cluster-scoped: remove namespace',
    ]);
    expect(problems({ pods: { namespace: 'Staging' } })).toEqual([
      'pods.namespace: namespace "Staging" is not a namespace name; use a DNS label or "*" for all namespaces',
    ]);
    expect(problems({ deployments: { names: ['staging/web'] } })).toEqual([
      'deployments.names: "staging/web": write namespace/name only with namespace: "*"; otherwise give the name and set namespace',
    ]);
  });
});

describe('fields and default expect', () => {
  it('lists the fields of each kind', () => {
    expect(kubernetesProbe.fields(parse({ deployments: ['a'] }))).toEqual([
      'count',
      'names',
      'ready',
      'not_ready',
      'missing',
    ]);
    expect(kubernetesProbe.fields(parse({ jobs: { selector: 'a' } }))).toContain('failed');
    expect(kubernetesProbe.fields(parse({ pods: { selector: 'a' } }))).toContain('restarts');
  });

  it('expects workloads ready and selector-only namespaces, jobs and pods to match nothing', () => {
    expect(kubernetesProbe.defaultExpect(parse({ deployments: ['a'] }))).toBe('ready');
    expect(
      kubernetesProbe.defaultExpect(parse({ resource: 'rollouts.argoproj.io/v1alpha1', names: ['web'] })),
    ).toBe('ready');
    expect(kubernetesProbe.defaultExpect(parse({ namespaces: { selector: 'a=b' } }))).toBe('count == 0');
    expect(kubernetesProbe.defaultExpect(parse({ jobs: { selector: 'a=b', namespace: '*' } }))).toBe(
      'count == 0',
    );
    expect(kubernetesProbe.defaultExpect(parse({ pods: { field_selector: 'status.phase=Failed' } }))).toBe(
      'count == 0',
    );
    // A selector that matches no workload must not pass as "all ready".
    expect(kubernetesProbe.defaultExpect(parse({ deployments: { selector: 'app=web' } }))).toBe(
      'count > 0 and ready',
    );
    expect(kubernetesProbe.defaultExpect(parse({ pods: { namespace: 'x' } }))).toBe('ready');
  });
});

describe('reproduce and describe', () => {
  it('gives the kubectl command a person would run', () => {
    const seed = parse({ deployments: ['codex-k8s', 'oauth2-proxy'] });
    expect(kubernetesProbe.reproduce(seed, {}, sources('codex-k8s-staging'))).toBe(
      'kubectl -n codex-k8s-staging get deploy codex-k8s oauth2-proxy',
    );
    expect(
      kubernetesProbe.reproduce(
        parse({ namespaces: { selector: 'codex-k8s.dev/namespace-purpose=run' } }),
        {},
        sources('x'),
      ),
    ).toBe('kubectl get ns -l codex-k8s.dev/namespace-purpose=run');
    expect(
      kubernetesProbe.reproduce(
        parse({ jobs: { selector: 'app in (agent-run,x)', namespace: '*' } }),
        {},
        sources(),
      ),
    ).toBe("kubectl get jobs -A -l 'app in (agent-run,x)'");
    expect(
      kubernetesProbe.reproduce(parse({ pods: { field_selector: 'status.phase!=Running' } }), {}, sources()),
    ).toBe("kubectl get pods --field-selector 'status.phase!=Running'");
    expect(
      kubernetesProbe.reproduce(
        parse({ resource: 'rollouts.argoproj.io/v1alpha1', names: ['web'], namespace: 'prod' }),
        {},
        sources(),
      ),
    ).toBe('kubectl -n prod get rollouts.v1alpha1.argoproj.io web');
  });

  it('quotes values a shell would otherwise split or expand', () => {
    expect(
      kubernetesProbe.reproduce(
        parse({ pods: { selector: "team=a,!x,owner notin (b'c)" } }),
        {},
        sources('ns'),
      ),
    ).toBe(`kubectl -n ns get pods -l 'team=a,!x,owner notin (b'\\''c)'`);
  });

  it('describes the check in one line', () => {
    expect(kubernetesProbe.describe(parse({ deployments: ['a', 'b'] }), {}, sources('staging'))).toBe(
      'deployments a, b in namespace staging',
    );
    expect(
      kubernetesProbe.describe(parse({ jobs: { selector: 'app=x', namespace: '*' } }), {}, sources()),
    ).toBe('jobs with labels app=x in all namespaces');
  });
});

describe('loading', () => {
  it('validating a spec does not load @kubernetes/client-node; opening a session does', async () => {
    // Resolve hooks see every module the definition pulls in, in a fresh process.
    const script = `
      import { registerHooks } from 'node:module';
      const seen = [];
      registerHooks({ resolve(specifier, context, next) { seen.push(specifier); return next(specifier, context); } });
      const { kubernetesProbe } = await import(process.env.PROBE);
      kubernetesProbe.fields(kubernetesProbe.schema.parse({ deployments: ['a'] }));
      const light = seen.some((s) => s.includes('@kubernetes/client-node'));
      await kubernetesProbe.open({ sources: { kubernetes: {} }, env: { KUBECONFIG: '/nonexistent' } }).catch(() => {});
      console.log(JSON.stringify({ light, heavy: seen.some((s) => s.includes('@kubernetes/client-node')) }));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        env: { ...process.env, PROBE: path.resolve('src/probes/kubernetes/index.ts') },
      },
    );
    expect(JSON.parse(stdout)).toEqual({ light: false, heavy: true });
  });
});
