// One list call of the Kubernetes API per kind, paged and cancellable by the check's signal.
import {
  Observable,
  type AppsV1Api,
  type BatchV1Api,
  type ConfigurationOptions,
  type CoreV1Api,
  type CustomObjectsApi,
  type ObservableMiddleware,
  type RequestContext,
  type ResponseContext,
} from '@kubernetes/client-node';
import type { KubernetesSpec } from './schema.js';

/** Page size for list calls: large enough for few round trips, small enough to bound memory. */
export const PAGE_SIZE = 500;

/** The items and continue token of one list page; typed lists call it `_continue`, raw JSON `continue`. */
export interface Page {
  items: unknown[];
  metadata?: { _continue?: string; continue?: string };
}

/** The generated API clients a session lists with. */
export interface Clients {
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
  custom: CustomObjectsApi;
}

/** What one list call is about, for requests and for messages. */
export interface Target {
  spec: KubernetesSpec;
  /** `*` for all namespaces, undefined for cluster-scoped kinds. */
  namespace: string | undefined;
  labelSelector: string | undefined;
  fieldSelector: string | undefined;
}

export function signalOptions(signal: AbortSignal): ConfigurationOptions {
  // The generated clients take a per-call middleware list; setting the signal there lets an abort
  // cancel the socket instead of leaving the request running after the check gave up.
  const middleware: ObservableMiddleware = {
    pre: (context: RequestContext) => {
      context.setSignal(signal);
      return new Observable(Promise.resolve(context));
    },
    post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}

export async function listPage(
  clients: Clients,
  target: Target,
  token: string | undefined,
  options: ConfigurationOptions,
): Promise<Page> {
  const { spec, namespace } = target;
  const query = {
    _continue: token,
    labelSelector: target.labelSelector,
    fieldSelector: target.fieldSelector,
    limit: PAGE_SIZE,
  };
  const all = namespace === '*';
  const ns = namespace ?? '';
  switch (spec.kind) {
    case 'deployments':
      return all
        ? clients.apps.listDeploymentForAllNamespaces(query, options)
        : clients.apps.listNamespacedDeployment({ ...query, namespace: ns }, options);
    case 'statefulsets':
      return all
        ? clients.apps.listStatefulSetForAllNamespaces(query, options)
        : clients.apps.listNamespacedStatefulSet({ ...query, namespace: ns }, options);
    case 'daemonsets':
      return all
        ? clients.apps.listDaemonSetForAllNamespaces(query, options)
        : clients.apps.listNamespacedDaemonSet({ ...query, namespace: ns }, options);
    case 'jobs':
      return all
        ? clients.batch.listJobForAllNamespaces(query, options)
        : clients.batch.listNamespacedJob({ ...query, namespace: ns }, options);
    case 'pods':
      return all
        ? clients.core.listPodForAllNamespaces(query, options)
        : clients.core.listNamespacedPod({ ...query, namespace: ns }, options);
    case 'namespaces':
      return clients.core.listNamespace(query, options);
    case 'custom': {
      const type = { group: spec.group, version: spec.version };
      const raw: unknown = all
        ? await clients.custom.listCustomObjectForAllNamespaces(
            { ...query, ...type, resourcePlural: spec.plural },
            options,
          )
        : await clients.custom.listNamespacedCustomObject(
            { ...query, ...type, namespace: ns, plural: spec.plural },
            options,
          );
      const page = (raw ?? {}) as Partial<Page>;
      return { items: Array.isArray(page.items) ? page.items : [], metadata: page.metadata };
    }
  }
}
