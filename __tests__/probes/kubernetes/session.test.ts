import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kubernetesProbe } from '../../../src/probes/kubernetes/index.js';
import type { KubernetesSpec } from '../../../src/probes/kubernetes/index.js';
import { ProbeError } from '../../../src/probes/probe.js';
import type { ProbeSession } from '../../../src/probes/probe.js';
import { generateNamespaces, loadFixture, startK8sSim } from '../../support/k8s-sim/index.js';
import type { K8sObject, K8sSim } from '../../support/k8s-sim/index.js';
import { probeCall, simEnvironment } from '../../support/k8s-sim/environment.js';
import type { SimEnvironment } from '../../support/k8s-sim/environment.js';

const STAGING = 'codex-k8s-staging';
const KEY_DEPLOYMENTS = [
  'codex-k8s',
  'codex-k8s-control-plane',
  'codex-k8s-worker',
  'codex-k8s-web-console',
  'oauth2-proxy',
];

const staging = (): K8sObject[] => loadFixture('staging.yaml');

/** Staging with some objects swapped for a variant fixture (same kind and name). */
function withVariant(base: K8sObject[], variant: string): K8sObject[] {
  const replacements = loadFixture(variant);
  const replaced = (object: K8sObject): boolean =>
    replacements.some((other) => other.kind === object.kind && other.metadata.name === object.metadata.name);
  return [...base.filter((object) => !replaced(object)), ...replacements];
}

let sim: K8sSim;
let environment: SimEnvironment;
let session: ProbeSession<KubernetesSpec>;

beforeAll(async () => {
  sim = await startK8sSim({ objects: staging() });
  environment = simEnvironment(sim, { namespace: STAGING });
  session = await kubernetesProbe.open(environment);
});

afterEach(() => {
  sim.setFault();
  sim.setObjects(staging());
  sim.requests.length = 0;
});

afterAll(async () => {
  await session.close();
  await sim.close();
});

/** The message of the ProbeError a run throws; fails the test when it does not throw one. */
async function errorOf(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProbeError);
  const message = (error as ProbeError).message;
  expect(message).not.toContain('\n');
  expect(message).not.toMatch(/Headers:|HTTP-Code|at .*\.js:\d+/);
  return message;
}

describe('deployments, as the seed precondition "Key deployments READY"', () => {
  it('is ready when all five deployments are 1/1 and observed', async () => {
    const fields = await session.run(probeCall({ deployments: KEY_DEPLOYMENTS }));
    expect(fields).toEqual({
      count: 5,
      names: [...KEY_DEPLOYMENTS].sort(),
      ready: true,
      not_ready: [],
      missing: [],
    });
    // One list call in the sources namespace, paged with limit.
    expect(sim.requests.map((request) => [request.path, request.query.limit])).toEqual([
      [`/apis/apps/v1/namespaces/${STAGING}/deployments`, '500'],
    ]);
  });

  it('is not ready when a deployment was changed but its controller has not observed the new generation', async () => {
    sim.setObjects(withVariant(staging(), 'deployment-mid-rollout.yaml'));
    const fields = await session.run(probeCall({ deployments: KEY_DEPLOYMENTS }));
    expect(fields.ready).toBe(false);
    expect(fields.not_ready).toEqual(['codex-k8s-worker']);
    expect(fields.count).toBe(5);
  });

  it('is not ready while an old replica is still running next to the new one', async () => {
    sim.setObjects(withVariant(staging(), 'deployment-rolling.yaml'));
    const fields = await session.run(probeCall({ deployments: ['codex-k8s-worker'] }));
    expect(fields).toMatchObject({ ready: false, not_ready: ['codex-k8s-worker'] });
    // A single name is filtered by the server rather than paging through the namespace.
    expect(sim.requests[0]?.query.fieldSelector).toBe('metadata.name=codex-k8s-worker');
  });

  it('lists a missing deployment as missing and not ready', async () => {
    sim.setObjects(staging().filter((object) => object.metadata.name !== 'oauth2-proxy'));
    const fields = await session.run(probeCall({ deployments: KEY_DEPLOYMENTS }));
    expect(fields).toMatchObject({
      count: 4,
      ready: false,
      not_ready: ['oauth2-proxy'],
      missing: ['oauth2-proxy'],
    });
  });

  it('turns ready on the third poll when the rollout finishes between polls (wait)', async () => {
    // The engine re-calls run() for `wait`; the session must not cache anything between tries.
    sim.setObjects(withVariant(staging(), 'deployment-mid-rollout.yaml'));
    const polls: boolean[] = [];
    for (let poll = 1; poll <= 3; poll++) {
      if (poll === 2) sim.setObjects(withVariant(staging(), 'deployment-rolling.yaml'));
      if (poll === 3) sim.setObjects(withVariant(staging(), 'deployment-ready-after-rollout.yaml'));
      polls.push((await session.run(probeCall({ deployments: KEY_DEPLOYMENTS }))).ready as boolean);
    }
    expect(polls).toEqual([false, false, true]);
    expect(sim.requests).toHaveLength(3);
  });

  it('reads another namespace when the check names one', async () => {
    const fields = await session.run(
      probeCall({ deployments: { names: ['codex-k8s'], namespace: 'default' } }),
    );
    expect(fields).toMatchObject({ count: 0, missing: ['codex-k8s'], ready: false });
    expect(sim.requests[0]?.path).toBe('/apis/apps/v1/namespaces/default/deployments');
  });
});

describe('statefulsets and daemonsets', () => {
  it('are ready when revisions match and every scheduled node is updated', async () => {
    expect(await session.run(probeCall({ statefulsets: ['postgres'] }))).toMatchObject({
      ready: true,
      count: 1,
    });
    expect(await session.run(probeCall({ daemonsets: ['node-exporter'] }))).toMatchObject({
      ready: true,
      count: 1,
    });
  });

  it('are not ready mid-update', async () => {
    sim.setObjects(withVariant(staging(), 'workloads-not-ready.yaml'));
    expect(await session.run(probeCall({ statefulsets: ['postgres'] }))).toMatchObject({
      ready: false,
      not_ready: ['postgres'],
    });
    expect(await session.run(probeCall({ daemonsets: ['node-exporter'] }))).toMatchObject({
      ready: false,
      not_ready: ['node-exporter'],
    });
  });
});

describe('namespaces, as the seed leak check', () => {
  const leakCheck = { namespaces: { selector: 'codex-k8s.dev/namespace-purpose=run' } };

  it('finds leaked run namespaces by label', async () => {
    sim.setObjects([...staging(), ...loadFixture('run-namespaces.yaml')]);
    const fields = await session.run(probeCall(leakCheck));
    expect(fields).toMatchObject({ count: 2, names: ['codex-k8s-run-7f3a9c', 'codex-k8s-run-b21e04'] });
    // The terminating one is being deleted: not ready, but still a leak until it is gone.
    expect(fields.not_ready).toEqual(['codex-k8s-run-b21e04']);
    expect(sim.requests[0]).toMatchObject({
      path: '/api/v1/namespaces',
      query: { labelSelector: 'codex-k8s.dev/namespace-purpose=run' },
    });
  });

  it('finds none when no namespace carries the label', async () => {
    expect(await session.run(probeCall(leakCheck))).toMatchObject({ count: 0, names: [] });
  });

  it('applies set-based selectors and field selectors as the API server does', async () => {
    sim.setObjects([...staging(), ...loadFixture('run-namespaces.yaml')]);
    const run = async (spec: unknown): Promise<unknown> => (await session.run(probeCall(spec))).names;
    expect(
      await run({
        namespaces: {
          selector:
            'codex-k8s.dev/namespace-purpose in (run,scratch),codex-k8s.dev/managed-by!=codex-k8s-worker',
        },
      }),
    ).toEqual(['scratch-alice']);
    expect(
      await run({ namespaces: { selector: 'codex-k8s.dev/namespace-purpose notin (run,platform)' } }),
    ).toEqual(['default', 'kube-system', 'scratch-alice']);
    expect(await run({ namespaces: { selector: 'codex-k8s.dev/run-id' } })).toEqual([
      'codex-k8s-run-7f3a9c',
      'codex-k8s-run-b21e04',
    ]);
    expect(await run({ namespaces: { selector: '!codex-k8s.dev/namespace-purpose' } })).toEqual([
      'default',
      'kube-system',
    ]);
    expect(await run({ namespaces: { field_selector: 'status.phase=Terminating' } })).toEqual([
      'codex-k8s-run-b21e04',
    ]);
    expect(
      await run({
        namespaces: {
          field_selector: 'metadata.name!=default',
          selector: 'kubernetes.io/metadata.name in (default,kube-system)',
        },
      }),
    ).toEqual(['kube-system']);
  });

  it('pages through 1,100 namespaces in 3 pages with limit and continue', async () => {
    sim.setObjects([
      ...staging(),
      ...generateNamespaces(1100, { labels: { 'codex-k8s.dev/namespace-purpose': 'run' } }),
    ]);
    const fields = await session.run(probeCall(leakCheck));
    expect(fields.count).toBe(1100);
    expect(new Set(fields.names as string[]).size).toBe(1100);
    expect(
      sim.requests.map((request) => [request.query.limit, request.query.continue !== undefined]),
    ).toEqual([
      ['500', false],
      ['500', true],
      ['500', true],
    ]);
    expect(sim.requests[1]?.query.labelSelector).toBe('codex-k8s.dev/namespace-purpose=run');
  });

  it('restarts the list once when a continue token expires (410)', async () => {
    sim.setObjects([
      ...staging(),
      ...generateNamespaces(1100, { labels: { 'codex-k8s.dev/namespace-purpose': 'run' } }),
    ]);
    sim.setFault({ status: 410, onContinue: true, times: 1 });
    const fields = await session.run(probeCall(leakCheck));
    expect(fields.count).toBe(1100);
    expect(sim.requests.map((request) => [request.status, request.query.continue !== undefined])).toEqual([
      [200, false],
      [410, true],
      [200, false],
      [200, true],
      [200, true],
    ]);
  });

  it('gives up with an error when the token expires again after the restart', async () => {
    sim.setObjects(generateNamespaces(1100));
    sim.setFault({ status: 410, onContinue: true });
    expect(
      await errorOf(session.run(probeCall({ namespaces: { selector: 'kubernetes.io/metadata.name' } }))),
    ).toBe(
      'the list of namespaces at cluster scope kept changing while paging (410 Expired twice); try again or narrow the selector',
    );
  });
});

describe('jobs and pods', () => {
  it('sums job counters across all namespaces by label', async () => {
    sim.setObjects(loadFixture('jobs-pods.yaml'));
    const fields = await session.run(probeCall({ jobs: { selector: 'app=agent-run', namespace: '*' } }));
    expect(fields).toEqual({
      count: 3,
      names: [
        'codex-k8s-run-7f3a9c/agent-run-7f3a9c',
        'codex-k8s-run-b21e04/agent-run-b21e04',
        'codex-k8s-run-c90d11/agent-run-c90d11',
      ],
      ready: false,
      not_ready: ['codex-k8s-run-b21e04/agent-run-b21e04', 'codex-k8s-run-c90d11/agent-run-c90d11'],
      missing: [],
      active: 1,
      succeeded: 1,
      failed: 3,
    });
    expect(sim.requests[0]?.path).toBe('/apis/batch/v1/jobs');
  });

  it('sums pod restarts and names pods that are not ready', async () => {
    sim.setObjects(loadFixture('jobs-pods.yaml'));
    const fields = await session.run(probeCall({ pods: { selector: 'app.kubernetes.io/name' } }));
    expect(fields).toMatchObject({
      count: 3,
      restarts: 9,
      ready: false,
      not_ready: ['codex-k8s-web-console-6f7b8c9d4-p5r6s'],
    });
    expect(sim.requests[0]?.path).toBe(`/api/v1/namespaces/${STAGING}/pods`);
  });

  it('selects failed pods in all namespaces by status.phase', async () => {
    sim.setObjects(loadFixture('jobs-pods.yaml'));
    const fields = await session.run(
      probeCall({ pods: { field_selector: 'status.phase=Failed', namespace: '*' } }),
    );
    expect(fields).toMatchObject({ count: 1, names: ['codex-k8s-run-b21e04/agent-run-b21e04-q9w4m'] });
    expect(sim.requests[0]).toMatchObject({
      path: '/api/v1/pods',
      query: { fieldSelector: 'status.phase=Failed' },
    });
  });

  it('reports the API server refusing an unsupported field selector', async () => {
    const message = await errorOf(
      session.run(probeCall({ jobs: { field_selector: 'status.phase=Failed' } })),
    );
    expect(message).toBe(
      `the API server refused to list jobs.batch in namespace ${STAGING} (400 BadRequest): field label not supported: status.phase; check selector and field_selector`,
    );
  });
});

describe('custom resources', () => {
  it('reads Argo Rollouts through resource: plural.group/version', async () => {
    sim.setObjects([...staging(), ...loadFixture('rollouts.yaml')]);
    expect(
      await session.run(probeCall({ resource: 'rollouts.argoproj.io/v1alpha1', names: ['web'] })),
    ).toMatchObject({ ready: true, count: 1 });
    expect(
      await session.run(probeCall({ resource: 'rollouts.argoproj.io/v1alpha1', names: ['web', 'api'] })),
    ).toMatchObject({
      ready: false,
      not_ready: ['api'],
    });
    expect(sim.requests[0]?.path).toBe(`/apis/argoproj.io/v1alpha1/namespaces/${STAGING}/rollouts`);
  });

  it('says the CRD is not installed when the API does not serve the type', async () => {
    expect(
      await errorOf(session.run(probeCall({ resource: 'rollouts.argoproj.io/v1alpha1', names: ['web'] }))),
    ).toBe(
      'the API server does not serve rollouts.argoproj.io/v1alpha1 (404 Not Found): is the CustomResourceDefinition installed and the version right?',
    );
  });
});

describe('failures are errors with one line that says what to do', () => {
  it('403 names the verb, resource, namespace and the Role rule that would allow it', async () => {
    sim.setFault({ status: 403 });
    expect(await errorOf(session.run(probeCall({ deployments: KEY_DEPLOYMENTS })))).toBe(
      `forbidden to list deployments.apps in namespace ${STAGING} as system:serviceaccount:ci:gate (403); add a Role rule: apiGroups ["apps"], resources ["deployments"], verbs ["list"] in namespace ${STAGING}, bound with a RoleBinding (see docs/kubernetes.md)`,
    );
  });

  it('403 on a cluster-scoped list asks for a ClusterRole', async () => {
    sim.setFault({ status: 403 });
    expect(await errorOf(session.run(probeCall({ namespaces: { selector: 'a=b' } })))).toBe(
      'forbidden to list namespaces at cluster scope as system:serviceaccount:ci:gate (403); add a ClusterRole rule: apiGroups [""], resources ["namespaces"], verbs ["list"], bound with a ClusterRoleBinding (see docs/kubernetes.md)',
    );
  });

  it('401 says the credentials were rejected, without echoing the token', async () => {
    const rejected = await startK8sSim({
      objects: staging(),
      contexts: [{ name: 'stale', token: 'expired-token' }],
    });
    try {
      const stale = await kubernetesProbe.open(simEnvironment(rejected, { namespace: STAGING }));
      const message = await errorOf(stale.run(probeCall({ deployments: ['codex-k8s'] })));
      expect(message).toBe(
        `the Kubernetes API at ${rejected.url} rejected the credentials from ${rejected.kubeconfigPath} (401 Unauthorized): the token or certificate is invalid or expired; renew it`,
      );
      expect(message).not.toContain('expired-token');
    } finally {
      await rejected.close();
    }
  });

  it('500 gives the API server reason and message', async () => {
    sim.setFault({ status: 500 });
    expect(await errorOf(session.run(probeCall({ deployments: ['codex-k8s'] })))).toBe(
      `the Kubernetes API failed listing deployments.apps in namespace ${STAGING} (500 InternalError): Internal error occurred: etcdserver: request timed out`,
    );
  });

  it('a slow API past the timeout is a timeout naming what was being listed', async () => {
    sim.setFault({ delayMs: 3_000 });
    const started = Date.now();
    expect(await errorOf(session.run(probeCall({ deployments: ['codex-k8s'] }, 300)))).toBe(
      `timed out after 300ms listing deployments.apps in namespace ${STAGING}`,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops when the engine aborts the try', async () => {
    sim.setFault({ delayMs: 3_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const message = await errorOf(
      session.run(probeCall({ deployments: ['codex-k8s'] }, 10_000, controller.signal)),
    );
    expect(message).toMatch(/^timed out after 10s listing deployments\.apps/);
  });

  it('429 waits for Retry-After and then answers', async () => {
    sim.setFault({ status: 429, retryAfterSeconds: 1, times: 1 });
    const fields = await session.run(probeCall({ deployments: ['codex-k8s'] }, 5_000));
    expect(fields.ready).toBe(true);
    expect(sim.requests.map((request) => request.status)).toEqual([429, 200]);
  });

  it('429 with a Retry-After beyond the timeout is an error, without waiting it out', async () => {
    sim.setFault({ status: 429, retryAfterSeconds: 30 });
    expect(await errorOf(session.run(probeCall({ deployments: ['codex-k8s'] }, 2_000)))).toBe(
      `the Kubernetes API is rate limiting (429, Retry-After 30s) past the check's timeout listing deployments.apps in namespace ${STAGING}; raise timeout or try later`,
    );
  });

  it('an unreachable API server is one line with the socket error', async () => {
    const gone = await startK8sSim();
    const environmentGone = simEnvironment(gone, { namespace: STAGING });
    const url = gone.url;
    const { copyFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    // The simulator deletes its own kubeconfig on close; keep a copy that still points at the dead port.
    const directory = mkdtempSync(`${tmpdir()}/k8s-gone-`);
    const copy = `${directory}/kubeconfig`;
    copyFileSync(gone.kubeconfigPath, copy);
    await gone.close();
    try {
      const unreachable = await kubernetesProbe.open({
        ...environmentGone,
        env: { ...environmentGone.env, KUBECONFIG: copy },
      });
      expect(await errorOf(unreachable.run(probeCall({ deployments: ['codex-k8s'] })))).toBe(
        `cannot reach the Kubernetes API at ${url} (ECONNREFUSED) listing deployments.apps in namespace ${STAGING}`,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('registers the kubeconfig token as a secret', () => {
    expect(environment.secrets).toContain(sim.token);
  });
});
