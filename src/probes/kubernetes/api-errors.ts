// What a failed Kubernetes API call means for the user: one line saying what to do (RBAC rule,
// renewed credentials, a CRD to install), whether retrying can help, and how long to wait on 429.
import type { ApiException } from '@kubernetes/client-node';
import { firstLine } from '../../shared/text.js';
import { ProbeError } from '../probe.js';
import type { Target } from './list.js';
import type { KubernetesSpec } from './schema.js';

export function resourceLabel(spec: KubernetesSpec): string {
  return spec.group === '' ? spec.plural : `${spec.plural}.${spec.group}`;
}

export function whereLabel(namespace: string | undefined): string {
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

export function networkCause(error: unknown): string {
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

export function retryAfterMs(headers: Record<string, string> | undefined): number {
  const value = headers?.['retry-after'];
  if (value === undefined) return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}
