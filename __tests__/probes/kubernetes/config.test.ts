import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubernetesProbe } from '../../../src/probes/kubernetes/index.js';
import { ProbeError } from '../../../src/probes/probe.js';
import { loadFixture, startK8sSim } from '../../support/k8s-sim/index.js';
import type { K8sSim } from '../../support/k8s-sim/index.js';
import { probeCall, simEnvironment } from '../../support/k8s-sim/environment.js';

let sim: K8sSim;
let scratch: string;

beforeAll(async () => {
  sim = await startK8sSim({
    objects: loadFixture('staging.yaml'),
    contexts: [
      { name: 'ci', namespace: 'default' },
      { name: 'staging', namespace: 'codex-k8s-staging' },
    ],
    currentContext: 'ci',
  });
  scratch = mkdtempSync(path.join(tmpdir(), 'k8s-config-test-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function openError(environment: Parameters<typeof kubernetesProbe.open>[0]): Promise<string> {
  const error = await kubernetesProbe.open(environment).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProbeError);
  return (error as ProbeError).message;
}

describe('kubeconfig and context', () => {
  it('uses the namespace of the current context when neither the check nor sources name one', async () => {
    const session = await kubernetesProbe.open(simEnvironment(sim));
    const fields = await session.run(probeCall({ deployments: ['codex-k8s'] }));
    expect(fields.missing).toEqual(['codex-k8s']);
    expect(sim.requests.at(-1)?.path).toBe('/apis/apps/v1/namespaces/default/deployments');
  });

  it('switches to sources.kubernetes.context and its namespace', async () => {
    const session = await kubernetesProbe.open(simEnvironment(sim, { context: 'staging' }));
    const fields = await session.run(probeCall({ deployments: ['codex-k8s'] }));
    expect(fields).toMatchObject({ ready: true, count: 1 });
    expect(sim.requests.at(-1)?.path).toBe('/apis/apps/v1/namespaces/codex-k8s-staging/deployments');
  });

  it('an unknown context lists the available ones', async () => {
    expect(await openError(simEnvironment(sim, { context: 'prod' }))).toBe(
      `kubeconfig context "prod" (sources.kubernetes.context) is not in ${sim.kubeconfigPath}; available: ci, staging`,
    );
  });

  it('a malformed kubeconfig names the file', async () => {
    const broken = path.join(scratch, 'broken');
    writeFileSync(broken, 'apiVersion: v1\nclusters:\n  - name: x\n    cluster: {}\n');
    expect(await openError(simEnvironment(sim, { env: { KUBECONFIG: broken } }))).toBe(
      `kubeconfig ${broken} is not a valid kubeconfig: clusters[0].cluster.server is missing`,
    );
  });

  it('a KUBECONFIG that does not exist says so', async () => {
    const missing = path.join(scratch, 'nope');
    expect(await openError(simEnvironment(sim, { env: { KUBECONFIG: missing } }))).toBe(
      `kubeconfig ${missing} (from KUBECONFIG) does not exist; point KUBECONFIG at a readable kubeconfig file`,
    );
  });

  it('without KUBECONFIG, ~/.kube/config or a cluster, says where credentials come from', async () => {
    expect(
      await openError(
        simEnvironment(sim, { env: { KUBECONFIG: undefined, KUBERNETES_SERVICE_HOST: undefined } }),
      ),
    ).toMatch(/^no Kubernetes credentials: set KUBECONFIG/);
  });

  it('reads ~/.kube/config when KUBECONFIG is unset', async () => {
    const home = path.join(scratch, 'home');
    const { mkdirSync, copyFileSync } = await import('node:fs');
    mkdirSync(path.join(home, '.kube'), { recursive: true });
    copyFileSync(sim.kubeconfigPath, path.join(home, '.kube', 'config'));
    const session = await kubernetesProbe.open(
      simEnvironment(sim, { context: 'staging', env: { KUBECONFIG: undefined, HOME: home } }),
    );
    expect(await session.run(probeCall({ deployments: ['oauth2-proxy'] }))).toMatchObject({ ready: true });
  });
});
