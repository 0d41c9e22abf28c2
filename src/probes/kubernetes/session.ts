import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  ApiException,
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
} from '@kubernetes/client-node';
import type {
  ConfigurationOptions,
  ObservableMiddleware,
  RequestContext,
  ResponseContext,
} from '@kubernetes/client-node';
import { formatDuration } from '../../shared/duration.js';
import { sleep } from '../../shared/sleep.js';
import { ProbeError } from '../probe.js';
import type { Fields, ProbeCall, ProbeEnvironment, ProbeSession } from '../probe.js';
import { summarize } from './readiness.js';
import type { ObjectSummary } from './readiness.js';
import type { KubernetesSpec } from './schema.js';

/** Page size for list calls: large enough for few round trips, small enough to bound memory. */
export const PAGE_SIZE = 500;

/** Where the credentials came from, for error messages. */
interface LoadedConfig {
  config: KubeConfig;
  source: string;
}

/** The items and continue token of one list page; typed lists call it `_continue`, raw JSON `continue`. */
interface Page {
  items: unknown[];
  metadata?: { _continue?: string; continue?: string };
}

interface Clients {
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
  custom: CustomObjectsApi;
}

/** What one list call is about, for requests and for messages. */
interface Target {
  spec: KubernetesSpec;
  /** `*` for all namespaces, undefined for cluster-scoped kinds. */
  namespace: string | undefined;
  labelSelector: string | undefined;
  fieldSelector: string | undefined;
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? text).trim();
}

function loadFile(file: string, origin: string): LoadedConfig {
  if (!existsSync(file)) {
    throw new ProbeError(
      `kubeconfig ${file} (from ${origin}) does not exist; point KUBECONFIG at a readable kubeconfig file`,
      { retryable: false },
    );
  }
  const config = new KubeConfig();
  try {
    config.loadFromFile(file);
  } catch (error) {
    const reason = error instanceof Error ? firstLine(error.message) : String(error);
    throw new ProbeError(`kubeconfig ${file} is not a valid kubeconfig: ${reason}`, { retryable: false });
  }
  return { config, source: file };
}

/** KUBECONFIG (first file wins, others merged as kubectl does), else ~/.kube/config, else in-cluster. */
export function loadKubeConfig(environment: ProbeEnvironment): LoadedConfig {
  const env = environment.env;
  const listed = (env.KUBECONFIG ?? '').split(path.delimiter).filter((file) => file !== '');
  let loaded: LoadedConfig | undefined;
  if (listed.length > 0) {
    loaded = loadFile(listed[0]!, 'KUBECONFIG');
    for (const file of listed.slice(1)) {
      if (!existsSync(file)) continue;
      loaded.config.mergeConfig(loadFile(file, 'KUBECONFIG').config);
    }
    loaded.source = listed.join(path.delimiter);
  } else {
    const home = env.HOME ?? env.USERPROFILE;
    const fallback = home ? path.join(home, '.kube', 'config') : undefined;
    if (fallback && existsSync(fallback)) loaded = loadFile(fallback, '~/.kube/config');
    else if (env.KUBERNETES_SERVICE_HOST) {
      const config = new KubeConfig();
      config.loadFromCluster();
      loaded = { config, source: 'the in-cluster service account' };
    }
  }
  if (!loaded) {
    throw new ProbeError(
      'no Kubernetes credentials: set KUBECONFIG to a kubeconfig file (docs/kubernetes.md shows how to make one for a ServiceAccount) or run inside the cluster',
      { retryable: false },
    );
  }
  const wanted = environment.sources.kubernetes.context;
  const { config, source } = loaded;
  if (wanted) {
    if (!config.getContextObject(wanted)) {
      const available = config.getContexts().map((context) => context.name);
      throw new ProbeError(
        `kubeconfig context "${wanted}" (sources.kubernetes.context) is not in ${source}; available: ${available.length > 0 ? available.join(', ') : 'none'}`,
        { retryable: false },
      );
    }
    config.setCurrentContext(wanted);
  }
  if (!config.getCurrentCluster()) {
    const current = config.getCurrentContext();
    throw new ProbeError(
      current
        ? `kubeconfig ${source}: current context "${current}" names no known cluster; fix the file or set sources.kubernetes.context`
        : `kubeconfig ${source} has no current-context; set current-context in the file or sources.kubernetes.context`,
      { retryable: false },
    );
  }
  return loaded;
}

function resourceLabel(spec: KubernetesSpec): string {
  return spec.group === '' ? spec.plural : `${spec.plural}.${spec.group}`;
}

function whereLabel(namespace: string | undefined): string {
  if (namespace === undefined) return 'at cluster scope';
  return namespace === '*' ? 'in all namespaces' : `in namespace ${namespace}`;
}

/** The API's Status object, read from an ApiException's raw body when it is JSON. */
function statusOf(error: ApiException<unknown>): { reason?: string; message?: string } {
  let body: unknown = error.body;
  const raw = error.body;
  if (typeof raw === 'string') {
    try {
      body = JSON.parse(raw);
    } catch {
      // 429 and some proxies answer with plain text; use it as the message.
      const line = firstLine(raw);
      return line ? { message: line } : {};
    }
  }
  if (body === null || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  return {
    reason: typeof record.reason === 'string' ? record.reason : undefined,
    message: typeof record.message === 'string' ? record.message.replace(/\s+/g, ' ').trim() : undefined,
  };
}

function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function rbacHint(target: Target): string {
  const rule = `apiGroups ["${target.spec.group}"], resources ["${target.spec.plural}"], verbs ["list"]`;
  if (target.namespace === undefined || target.namespace === '*') {
    return `add a ClusterRole rule: ${rule}, bound with a ClusterRoleBinding (see docs/kubernetes.md)`;
  }
  return `add a Role rule: ${rule} in namespace ${target.namespace}, bound with a RoleBinding (see docs/kubernetes.md)`;
}

/** Turns an API answer that is not 2xx into one line that says what to do; never the raw exception. */
export function explainApiError(
  error: ApiException<unknown>,
  target: Target,
  server: string,
  source: string,
): ProbeError {
  const status = statusOf(error);
  const what = `${resourceLabel(target.spec)} ${whereLabel(target.namespace)}`;
  const detail = status.message ? `: ${clip(status.message)}` : '';
  switch (error.code) {
    case 401:
      return new ProbeError(
        `the Kubernetes API at ${server} rejected the credentials from ${source} (401 Unauthorized): the token or certificate is invalid or expired; renew it`,
        { retryable: false },
      );
    case 403: {
      const user = /User "([^"]+)"/.exec(status.message ?? '')?.[1];
      return new ProbeError(
        `forbidden to list ${what}${user ? ` as ${user}` : ''} (403); ${rbacHint(target)}`,
        { retryable: false },
      );
    }
    case 404:
      return new ProbeError(
        target.spec.kind === 'custom'
          ? `the API server does not serve ${target.spec.plural}.${target.spec.group}/${target.spec.version} (404 Not Found): is the CustomResourceDefinition installed and the version right?`
          : `listing ${what} returned 404 Not Found${detail}`,
        { retryable: false },
      );
    case 400:
      return new ProbeError(
        `the API server refused to list ${what} (400 ${status.reason ?? 'Bad Request'})${detail}; check selector and field_selector`,
        { retryable: false },
      );
    case 410:
      return new ProbeError(
        `the list of ${what} kept changing while paging (410 ${status.reason ?? 'Gone'} twice); try again or narrow the selector`,
      );
    default:
      return new ProbeError(
        `the Kubernetes API failed listing ${what} (${error.code}${status.reason ? ` ${status.reason}` : ''})${detail}`,
      );
  }
}

function networkCause(error: unknown): string {
  let current: unknown = error;
  // fetch wraps the socket error in `cause`; the innermost code (ECONNREFUSED, ENOTFOUND) says the most.
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string')
      return `${code}${current.message && !current.message.includes(code) ? ` ${firstLine(current.message)}` : ''}`;
    if (current.cause === undefined) return firstLine(current.message);
    current = current.cause;
  }
  return error instanceof Error ? firstLine(error.message) : String(error);
}

function retryAfterMs(headers: Record<string, string> | undefined): number {
  const value = headers?.['retry-after'];
  if (value === undefined) return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

function signalOptions(signal: AbortSignal): ConfigurationOptions {
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

async function listPage(
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

// auth-provider config keys that hold credentials (oidc, gcp, azure): tokens, secrets, passwords.
const SECRET_CONFIG_KEY = /token|secret|password|key/i;

/**
 * Keeps every credential of the kubeconfig user out of the reports: the static token, password and
 * auth-provider secrets now, and whatever an `exec` plugin or auth-provider puts in the
 * Authorization header each time a request is signed (those tokens exist only at request time).
 */
export function registerCredentials(config: KubeConfig, environment: ProbeEnvironment): void {
  const user = config.getCurrentUser();
  if (user?.token) environment.addSecret(user.token);
  if (user?.password) environment.addSecret(user.password);
  const provider = user?.authProvider as { config?: Record<string, unknown> } | undefined;
  for (const [key, value] of Object.entries(provider?.config ?? {})) {
    if (SECRET_CONFIG_KEY.test(key) && typeof value === 'string') environment.addSecret(value);
  }
  const sign = config.applySecurityAuthentication.bind(config);
  config.applySecurityAuthentication = async (context: RequestContext): Promise<void> => {
    await sign(context);
    registerAuthorization(context.getHeaders().Authorization, environment);
  };
}

function registerAuthorization(header: string | undefined, environment: ProbeEnvironment): void {
  if (!header) return;
  environment.addSecret(header);
  const [scheme, credential = ''] = header.split(/\s+/, 2);
  environment.addSecret(credential);
  if (scheme?.toLowerCase() !== 'basic') return;
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  environment.addSecret(decoded);
  environment.addSecret(decoded.slice(decoded.indexOf(':') + 1));
}
