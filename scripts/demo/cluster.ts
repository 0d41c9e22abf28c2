// The sample cluster the Kubernetes API simulator serves: the seed's staging namespace.
import { loadFixture, type K8sObject } from '../../__tests__/support/k8s-sim/index.js';

export const DEMO_NAMESPACE = 'codex-k8s-staging';

/** Five key deployments READY 1/1; with `noGo`, one agent run namespace the worker did not clean up. */
export function demoCluster(options: { noGo: boolean }): K8sObject[] {
  const objects = loadFixture('staging.yaml');
  if (options.noGo) {
    const leaked = loadFixture('run-namespaces.yaml').find(
      (object) => object.metadata.labels?.['codex-k8s.dev/namespace-purpose'] === 'run',
    );
    if (!leaked) throw new Error('run-namespaces.yaml holds no run namespace');
    objects.push(leaked);
  }
  return objects;
}
