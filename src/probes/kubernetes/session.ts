import { ApiException, AppsV1Api, BatchV1Api, CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { formatDuration } from '../../shared/duration.js';
import { sleep } from '../../shared/sleep.js';
import { ProbeError } from '../probe.js';
import type { Fields, ProbeCall, ProbeEnvironment, ProbeSession } from '../probe.js';
import { summarize } from './readiness.js';
import type { ObjectSummary } from './readiness.js';
import type { KubernetesSpec } from './schema.js';
import { explainApiError, networkCause, resourceLabel, retryAfterMs, whereLabel } from './api-errors.js';
import { loadKubeConfig, registerCredentials, type LoadedConfig } from './kubeconfig.js';
import { listPage, signalOptions, type Clients, type Target } from './list.js';

class KubernetesSession implements ProbeSession<KubernetesSpec> {
  private readonly clients: Clients;
  private readonly server: string;

  constructor(
    private readonly loaded: LoadedConfig,
    private readonly environment: ProbeEnvironment,
  ) {
    const config = loaded.config;
    this.clients = {
      core: config.makeApiClient(CoreV1Api),
      apps: config.makeApiClient(AppsV1Api),
      batch: config.makeApiClient(BatchV1Api),
      custom: config.makeApiClient(CustomObjectsApi),
    };
    this.server = config.getCurrentCluster()?.server ?? 'the cluster';
  }

  private namespaceFor(spec: KubernetesSpec): string | undefined {
    if (spec.kind === 'namespaces') return undefined;
    const configured = spec.namespace ?? (this.environment.sources.kubernetes.namespace || undefined);
    if (configured) return configured;
    const context = this.loaded.config.getContextObject(this.loaded.config.getCurrentContext());
    return context?.namespace || 'default';
  }

  async run(call: ProbeCall<KubernetesSpec>): Promise<Fields> {
    const spec = call.spec;
    const namespace = this.namespaceFor(spec);
    const single = spec.names?.length === 1 && namespace !== '*' ? spec.names[0] : undefined;
    const target: Target = {
      spec,
      namespace,
      labelSelector: spec.selector,
      // One named object: let the server filter, so a large namespace is not paged through for it.
      fieldSelector: spec.fieldSelector ?? (single !== undefined ? `metadata.name=${single}` : undefined),
    };
    const signal = AbortSignal.any([call.signal, AbortSignal.timeout(call.timeoutMs)]);
    const deadline = Date.now() + call.timeoutMs;
    try {
      const found = await this.collect(target, signal, deadline);
      return fieldsOf(spec, found, namespace === '*');
    } catch (error) {
      if (error instanceof ProbeError) throw error;
      if (signal.aborted) {
        throw new ProbeError(
          `timed out after ${formatDuration(call.timeoutMs)} listing ${resourceLabel(spec)} ${whereLabel(namespace)}`,
        );
      }
      if (error instanceof ApiException)
        throw explainApiError(error as ApiException<unknown>, target, this.server, this.loaded.source);
      const cause = networkCause(error);
      if (cause.includes('HTTP protocol is not allowed')) {
        throw new ProbeError(
          `kubeconfig ${this.loaded.source}: cluster ${this.server} is plain http:// without insecure-skip-tls-verify; use its https:// address`,
        );
      }
      throw new ProbeError(
        `cannot reach the Kubernetes API at ${this.server} (${cause}) listing ${resourceLabel(spec)} ${whereLabel(namespace)}`,
      );
    }
  }

  /** Lists every page, keeping only summaries; restarts once when a continue token expires (410). */
  private async collect(target: Target, signal: AbortSignal, deadline: number): Promise<ObjectSummary[]> {
    const options = signalOptions(signal);
    const wanted = target.spec.names ? new Set(target.spec.names) : undefined;
    const qualify = target.namespace === '*';
    for (let attempt = 0; ; attempt++) {
      const found: ObjectSummary[] = [];
      let token: string | undefined;
      try {
        do {
          const page = await this.withRateLimit(
            () => listPage(this.clients, target, token, options),
            target,
            signal,
            deadline,
          );
          for (const item of page.items) {
            const summary = summarize(target.spec.kind, item, qualify);
            if (!wanted || matchesWanted(summary.name, wanted)) found.push(summary);
          }
          token = page.metadata?._continue ?? page.metadata?.continue ?? undefined;
          if (token === '') token = undefined;
        } while (token !== undefined);
        return found;
      } catch (error) {
        // A consistent answer needs one snapshot: start over rather than continue from a newer one.
        if (error instanceof ApiException && error.code === 410 && token !== undefined && attempt === 0) {
          this.environment.debug(
            `kubernetes: continue token expired listing ${resourceLabel(target.spec)}; restarting the list`,
          );
          continue;
        }
        throw error;
      }
    }
  }

  private async withRateLimit<T>(
    request: () => Promise<T>,
    target: Target,
    signal: AbortSignal,
    deadline: number,
  ): Promise<T> {
    for (;;) {
      try {
        return await request();
      } catch (error) {
        if (!(error instanceof ApiException) || error.code !== 429) throw error;
        const wait = retryAfterMs((error as ApiException<unknown>).headers);
        if (Date.now() + wait >= deadline) {
          throw new ProbeError(
            `the Kubernetes API is rate limiting (429, Retry-After ${formatDuration(wait)}) past the check's timeout listing ${resourceLabel(target.spec)} ${whereLabel(target.namespace)}; raise timeout or try later`,
          );
        }
        this.environment.debug(`kubernetes: 429 from the API; retrying in ${formatDuration(wait)}`);
        if (!(await sleep(wait, signal))) {
          throw new ProbeError(
            `the check's time ran out while waiting ${formatDuration(wait)} for the Kubernetes API's rate limit (429) listing ${resourceLabel(target.spec)} ${whereLabel(target.namespace)}`,
          );
        }
      }
    }
  }

  async close(): Promise<void> {
    // KubeConfig holds no connection of its own; undici's idle sockets close by themselves.
  }
}

function matchesWanted(name: string, wanted: ReadonlySet<string>): boolean {
  if (wanted.has(name)) return true;
  const slash = name.indexOf('/');
  return slash >= 0 && wanted.has(name.slice(slash + 1));
}

/** The check's fields from what was listed; a named object that was not listed is missing and not ready. */
export function fieldsOf(spec: KubernetesSpec, found: readonly ObjectSummary[], qualified: boolean): Fields {
  const missing = (spec.names ?? []).filter(
    (name) =>
      !found.some(
        (summary) =>
          summary.name === name || (qualified && !name.includes('/') && summary.name.endsWith(`/${name}`)),
      ),
  );
  const notReady = [...found.filter((summary) => !summary.ready).map((summary) => summary.name), ...missing];
  const fields: Fields = {
    count: found.length,
    names: found.map((summary) => summary.name),
    ready: notReady.length === 0,
    not_ready: notReady,
    missing,
  };
  if (spec.kind === 'jobs') {
    fields.active = found.reduce((sum, summary) => sum + summary.active, 0);
    fields.succeeded = found.reduce((sum, summary) => sum + summary.succeeded, 0);
    fields.failed = found.reduce((sum, summary) => sum + summary.failed, 0);
  }
  if (spec.kind === 'pods') fields.restarts = found.reduce((sum, summary) => sum + summary.restarts, 0);
  return fields;
}

/** Loads the kubeconfig once per gate and returns a session that lists with it. */
export async function openKubernetesSession(
  environment: ProbeEnvironment,
): Promise<ProbeSession<KubernetesSpec>> {
  const loaded = loadKubeConfig(environment);
  registerCredentials(loaded.config, environment);
  return Promise.resolve(new KubernetesSession(loaded, environment));
}
