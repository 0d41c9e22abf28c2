// A Kubernetes API server simulator for tests: enough of the list/get API, selectors, paging and
// failure answers that the real @kubernetes/client-node can be pointed at it through a kubeconfig.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseFieldSelector, parseLabelSelector, SelectorError } from './selectors.js';

export { generateNamespaces, loadFixture } from './generate.js';

/** A Kubernetes object as the API serves it. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** An answer the simulator gives instead of the normal one, to requests that match. */
export interface Fault {
  /** HTTP status to answer with; omit to only delay. */
  status?: 400 | 401 | 403 | 404 | 410 | 429 | 500 | 503;
  /** Wait this long before answering (a slow API server). */
  delayMs?: number;
  /** Only requests whose path contains this text. */
  path?: string;
  /** Only requests carrying a continue token (an expired token answers 410 only there). */
  onContinue?: boolean;
  /** How many matching requests get the fault; default all. */
  times?: number;
  /** Retry-After header of a 429, in seconds. */
  retryAfterSeconds?: number;
  /** The user named in a 403 message. */
  user?: string;
}

/** One request the simulator received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface SimContext {
  name: string;
  namespace?: string;
  /** Bearer token for this context's user; default the simulator's token. */
  token?: string;
}

export interface K8sSimOptions {
  objects?: readonly K8sObject[];
  /** Contexts written to the kubeconfig; default one context `sim`. */
  contexts?: readonly SimContext[];
  currentContext?: string;
  /** Closes itself after this long without requests; default 60 s. */
  idleMs?: number;
}

export interface K8sSim {
  url: string;
  kubeconfigPath: string;
  /** The bearer token the simulator accepts. */
  token: string;
  requests: RecordedRequest[];
  setFault(fault?: Fault): void;
  setObjects(objects: readonly K8sObject[]): void;
  close(): Promise<void>;
}

interface ResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

const BUILTIN_TYPES: readonly ResourceType[] = [
  { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace', namespaced: false },
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'statefulsets', kind: 'StatefulSet', namespaced: true },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet', namespaced: true },
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job', namespaced: true },
];

const EXPIRED_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

function status(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function typeKey(group: string, version: string, plural: string): string {
  return `${group}/${version}/${plural}`;
}

function objectKey(object: K8sObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

function qualifiedResource(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

interface Route {
  type: ResourceType;
  /** Undefined for all namespaces or a cluster-scoped type. */
  namespace?: string;
  name?: string;
}

/** Starts the simulator on 127.0.0.1 with a kubeconfig that points at it. */
export async function startK8sSim(options: K8sSimOptions = {}): Promise<K8sSim> {
  const token = `sim-${randomBytes(12).toString('hex')}`;
  const requests: RecordedRequest[] = [];
  let objects: K8sObject[] = [];
  let fault: (Fault & { left: number }) | undefined;
  let resourceVersion = 1000;

  const setObjects = (next: readonly K8sObject[]): void => {
    objects = [...next].sort((a, b) =>
      objectKey(a) < objectKey(b) ? -1 : objectKey(a) > objectKey(b) ? 1 : 0,
    );
    resourceVersion += 1;
  };
  setObjects(options.objects ?? []);

  const types = (): Map<string, ResourceType> => {
    const map = new Map<string, ResourceType>();
    for (const type of BUILTIN_TYPES) map.set(typeKey(type.group, type.version, type.plural), type);
    // Any other kind the objects use is served as a custom resource (plural = lowercase kind + s).
    for (const object of objects) {
      const { group, version } = splitApiVersion(object.apiVersion);
      const plural = `${object.kind.toLowerCase()}s`;
      const key = typeKey(group, version, plural);
      if (!map.has(key))
        map.set(key, {
          group,
          version,
          plural,
          kind: object.kind,
          namespaced: object.metadata.namespace !== undefined,
        });
    }
    return map;
  };

  const route = (pathname: string): Route | undefined => {
    const parts = pathname.split('/').filter((part) => part !== '');
    let group: string;
    let version: string;
    let rest: string[];
    if (parts[0] === 'api' && parts.length >= 3) [group, version, rest] = ['', parts[1]!, parts.slice(2)];
    else if (parts[0] === 'apis' && parts.length >= 4)
      [group, version, rest] = [parts[1]!, parts[2]!, parts.slice(3)];
    else return undefined;
    const known = types();
    const find = (plural: string): ResourceType | undefined => known.get(typeKey(group, version, plural));
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      const type = find(rest[2]!);
      return type?.namespaced && rest.length <= 4 ? { type, namespace: rest[1]!, name: rest[3] } : undefined;
    }
    const type = find(rest[0]!);
    if (!type || rest.length > 2) return undefined;
    return { type, name: rest[1] };
  };

  const send = (
    response: ServerResponse,
    code: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response.writeHead(code, {
      'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
      ...headers,
    });
    response.end(text);
  };

  const faultAnswer = (
    active: Fault,
    found: Route | undefined,
    response: ServerResponse,
    query: URLSearchParams,
  ): number => {
    const code = active.status!;
    const type = found?.type;
    const resource = type ? qualifiedResource(type) : 'resource';
    switch (code) {
      case 401:
        send(response, 401, status(401, 'Unauthorized', 'Unauthorized'));
        break;
      case 403: {
        const user = active.user ?? 'system:serviceaccount:ci:gate';
        const scope = found?.namespace ? `in the namespace "${found.namespace}"` : 'at the cluster scope';
        const verb = found?.name ? 'get' : 'list';
        send(
          response,
          403,
          status(
            403,
            'Forbidden',
            `${resource} is forbidden: User "${user}" cannot ${verb} resource "${type?.plural ?? ''}" in API group "${type?.group ?? ''}" ${scope}`,
            { kind: type?.plural ?? '', ...(type?.group ? { group: type.group } : {}) },
          ),
        );
        break;
      }
      case 404:
        send(response, 404, status(404, 'NotFound', 'the server could not find the requested resource', {}));
        break;
      case 410:
        send(response, 410, {
          ...status(410, 'Expired', EXPIRED_MESSAGE),
          metadata: { continue: query.get('continue') ?? '' },
        });
        break;
      case 429:
        // API Priority and Fairness rejects with a plain-text body.
        send(response, 429, 'Too many requests, please try again later.\n', {
          'retry-after': String(active.retryAfterSeconds ?? 1),
        });
        break;
      case 400:
        send(response, 400, status(400, 'BadRequest', 'the request was malformed'));
        break;
      default:
        send(
          response,
          code,
          status(
            code,
            code === 503 ? 'ServiceUnavailable' : 'InternalError',
            'Internal error occurred: etcdserver: request timed out',
          ),
        );
    }
    return code;
  };

  const list = (found: Route, query: URLSearchParams, response: ServerResponse): number => {
    const { type } = found;
    let labelMatch: ReturnType<typeof parseLabelSelector> | undefined;
    let fieldMatch: ReturnType<typeof parseFieldSelector> | undefined;
    try {
      const labelSelector = query.get('labelSelector');
      const fieldSelector = query.get('fieldSelector');
      if (labelSelector) labelMatch = parseLabelSelector(labelSelector);
      if (fieldSelector) fieldMatch = parseFieldSelector(fieldSelector, type.kind);
    } catch (error) {
      if (!(error instanceof SelectorError)) throw error;
      send(response, 400, status(400, 'BadRequest', error.message));
      return 400;
    }
    let start = '';
    const token = query.get('continue');
    if (token) {
      try {
        const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { start?: unknown };
        if (typeof decoded.start !== 'string') throw new Error('no start');
        start = decoded.start;
      } catch {
        send(
          response,
          400,
          status(400, 'BadRequest', 'continue key is not valid: illegal base64 data at input byte 0'),
        );
        return 400;
      }
    }
    const limit = Number(query.get('limit') ?? '0');
    const items: K8sObject[] = [];
    let next: string | undefined;
    let remaining = 0;
    for (const object of objects) {
      if (object.kind !== type.kind || splitApiVersion(object.apiVersion).group !== type.group) continue;
      if (found.namespace !== undefined && object.metadata.namespace !== found.namespace) continue;
      if (start !== '' && objectKey(object) <= start) continue;
      if (labelMatch && !labelMatch(object.metadata.labels ?? {})) continue;
      if (fieldMatch && !fieldMatch(object)) continue;
      if (limit > 0 && items.length >= limit) {
        remaining += 1;
        continue;
      }
      items.push(object);
      if (limit > 0 && items.length === limit) next = objectKey(object);
    }
    const metadata: Record<string, unknown> = { resourceVersion: String(resourceVersion) };
    if (next !== undefined && remaining > 0) {
      metadata.continue = Buffer.from(
        JSON.stringify({ v: 'meta.k8s.io/v1', rv: resourceVersion, start: next }),
      ).toString('base64url');
      metadata.remainingItemCount = remaining;
    }
    const apiVersion = type.group === '' ? type.version : `${type.group}/${type.version}`;
    send(response, 200, { kind: `${type.kind}List`, apiVersion, metadata, items });
    return 200;
  };

  const get = (found: Route, response: ServerResponse): number => {
    const object = objects.find(
      (candidate) =>
        candidate.kind === found.type.kind &&
        candidate.metadata.name === found.name &&
        (candidate.metadata.namespace ?? undefined) === found.namespace,
    );
    if (!object) {
      send(
        response,
        404,
        status(404, 'NotFound', `${qualifiedResource(found.type)} "${found.name}" not found`, {
          name: found.name,
          kind: found.type.plural,
        }),
      );
      return 404;
    }
    send(response, 200, object);
    return 200;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://sim');
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
    };
    requests.push(record);
    const found = route(url.pathname);
    const active = fault;
    const matches =
      active !== undefined &&
      active.left > 0 &&
      (active.path === undefined || url.pathname.includes(active.path)) &&
      (!active.onContinue || url.searchParams.has('continue'));
    if (matches) {
      active.left -= 1;
      if (active.delayMs) await new Promise<void>((resolve) => setTimeout(resolve, active.delayMs).unref());
      if (response.destroyed) return;
      if (active.status !== undefined) {
        record.status = faultAnswer(active, found, response, url.searchParams);
        return;
      }
    }
    if (request.headers.authorization !== `Bearer ${token}`) {
      send(response, 401, status(401, 'Unauthorized', 'Unauthorized'));
      record.status = 401;
      return;
    }
    if (request.method !== 'GET') {
      // The probe is read-only; anything else reaching the simulator is a defect worth failing on.
      send(
        response,
        405,
        status(405, 'MethodNotAllowed', `the simulator serves only GET, got ${request.method}`),
      );
      record.status = 405;
      return;
    }
    if (!found) {
      send(response, 404, status(404, 'NotFound', 'the server could not find the requested resource', {}));
      record.status = 404;
      return;
    }
    record.status = found.name === undefined ? list(found, url.searchParams, response) : get(found, response);
  };

  const idleMs = options.idleMs ?? 60_000;
  const timer: { idle?: NodeJS.Timeout } = {};
  const server = createServer((request, response) => {
    timer.idle?.refresh();
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        send(response, 500, status(500, 'InternalError', `simulator error: ${String(error)}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const directory = mkdtempSync(path.join(tmpdir(), 'k8s-sim-'));
  const kubeconfigPath = path.join(directory, 'kubeconfig');
  const contexts = options.contexts ?? [{ name: 'sim' }];
  writeFileSync(
    kubeconfigPath,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      // client-node refuses http:// unless TLS verification is explicitly skipped.
      clusters: [{ name: 'sim', cluster: { server: url, 'insecure-skip-tls-verify': true } }],
      users: contexts.map((context) => ({
        name: `${context.name}-user`,
        user: { token: context.token ?? token },
      })),
      contexts: contexts.map((context) => ({
        name: context.name,
        context: {
          cluster: 'sim',
          user: `${context.name}-user`,
          ...(context.namespace ? { namespace: context.namespace } : {}),
        },
      })),
      'current-context': options.currentContext ?? contexts[0]!.name,
    }),
  );

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      clearTimeout(timer.idle);
      server.close(() => resolve());
      server.closeAllConnections();
      rmSync(directory, { recursive: true, force: true });
    });
    return closed;
  };
  timer.idle = setTimeout(() => void close(), idleMs).unref();

  return {
    url,
    kubeconfigPath,
    token,
    requests,
    setFault: (next?: Fault) => {
      fault = next ? { ...next, left: next.times ?? Number.POSITIVE_INFINITY } : undefined;
    },
    setObjects,
    close,
  };
}
