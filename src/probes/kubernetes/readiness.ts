import type { BuiltinKind } from './schema.js';

/** What one listed object contributes to a check's fields. */
export interface ObjectSummary {
  /** `name`, or `namespace/name` when listing all namespaces. */
  name: string;
  ready: boolean;
  active: number;
  succeeded: number;
  failed: number;
  restarts: number;
}

// Objects arrive either as the client's typed models or as raw JSON (custom resources); both
// have the API's camelCase field names, so they are read structurally.
function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

// The API server omits zero-valued counters (a Deployment with no ready pods has no readyReplicas).
function count(value: unknown, ...path: string[]): number {
  const found = field(value, ...path);
  return typeof found === 'number' && Number.isFinite(found) ? found : 0;
}

function optionalNumber(value: unknown, ...path: string[]): number | undefined {
  const found = field(value, ...path);
  return typeof found === 'number' ? found : undefined;
}

function text(value: unknown, ...path: string[]): string | undefined {
  const found = field(value, ...path);
  return typeof found === 'string' ? found : undefined;
}

function conditions(value: unknown): { type: string; status: string; reason: string }[] {
  const list = field(value, 'status', 'conditions');
  if (!Array.isArray(list)) return [];
  return list.map((entry) => ({
    type: text(entry, 'type') ?? '',
    status: text(entry, 'status') ?? '',
    reason: text(entry, 'reason') ?? '',
  }));
}

function condition(value: unknown, type: string): { status: string; reason: string } | undefined {
  return conditions(value).find((entry) => entry.type === type);
}

/**
 * Whether the controller has seen the latest spec (metadata.generation). Built-in controllers
 * always report observedGeneration; for other kinds a missing one is not held against them.
 */
function observedLatest(value: unknown, required = true): boolean {
  const generation = optionalNumber(value, 'metadata', 'generation');
  const observed = field(value, 'status', 'observedGeneration');
  if (generation === undefined) return true;
  if (typeof observed === 'number') return observed >= generation;
  // Argo Rollouts writes it as a string; older versions wrote a hash that cannot be compared.
  if (typeof observed === 'string') return /^\d+$/.test(observed) ? Number(observed) >= generation : true;
  return !required;
}

/** `kubectl rollout status deployment`: latest generation observed, all replicas updated and available. */
export function deploymentReady(value: unknown): boolean {
  if (!observedLatest(value)) return false;
  if (condition(value, 'Progressing')?.reason === 'ProgressDeadlineExceeded') return false;
  const desired = optionalNumber(value, 'spec', 'replicas') ?? 1;
  const updated = count(value, 'status', 'updatedReplicas');
  if (updated < desired) return false;
  // Old replicas still running means the rollout has not finished terminating them.
  if (count(value, 'status', 'replicas') > updated) return false;
  return (
    count(value, 'status', 'availableReplicas') >= desired &&
    count(value, 'status', 'readyReplicas') >= desired
  );
}

/** `kubectl rollout status statefulset`, including partitioned rolling updates. */
export function statefulSetReady(value: unknown): boolean {
  if (!observedLatest(value) || optionalNumber(value, 'status', 'observedGeneration') === undefined)
    return false;
  const desired = optionalNumber(value, 'spec', 'replicas') ?? 1;
  if (count(value, 'status', 'readyReplicas') < desired) return false;
  const partition = optionalNumber(value, 'spec', 'updateStrategy', 'rollingUpdate', 'partition');
  if (
    text(value, 'spec', 'updateStrategy', 'type') !== 'OnDelete' &&
    partition !== undefined &&
    partition > 0
  ) {
    return count(value, 'status', 'updatedReplicas') >= desired - partition;
  }
  return text(value, 'status', 'updateRevision') === text(value, 'status', 'currentRevision');
}

/** `kubectl rollout status daemonset`: every scheduled node runs the updated, available pod. */
export function daemonSetReady(value: unknown): boolean {
  if (!observedLatest(value)) return false;
  const desired = count(value, 'status', 'desiredNumberScheduled');
  return (
    count(value, 'status', 'updatedNumberScheduled') >= desired &&
    count(value, 'status', 'numberAvailable') >= desired
  );
}

/** A Job is ready when it completed. */
export function jobReady(value: unknown): boolean {
  return condition(value, 'Complete')?.status === 'True';
}

/** A Pod is ready when its Ready condition holds, or when it ran to completion. */
export function podReady(value: unknown): boolean {
  if (text(value, 'status', 'phase') === 'Succeeded') return true;
  return condition(value, 'Ready')?.status === 'True';
}

/** A Namespace is ready unless it is being deleted. */
export function namespaceReady(value: unknown): boolean {
  return text(value, 'status', 'phase') !== 'Terminating';
}

const HEALTHY_PHASES = new Set(['Healthy', 'Running', 'Ready', 'Succeeded', 'Available', 'Active']);
const UNHEALTHY_PHASES = new Set(['Progressing', 'Paused', 'Degraded', 'Failed', 'Pending', 'Error']);

/**
 * Readiness of a kind the probe does not know, from the conventions most controllers follow, in
 * order: an unobserved generation, a Ready/Available condition, a phase (Argo Rollouts' Healthy,
 * Progressing, Paused, Degraded), then Deployment-like replica counters. An object that reports
 * none of these is ready when it exists.
 */
export function customReady(value: unknown): boolean {
  if (!observedLatest(value, false)) return false;
  const signal = condition(value, 'Ready') ?? condition(value, 'Available');
  if (signal) return signal.status === 'True';
  const phase = text(value, 'status', 'phase');
  if (phase !== undefined && HEALTHY_PHASES.has(phase)) return true;
  if (phase !== undefined && UNHEALTHY_PHASES.has(phase)) return false;
  const desired = optionalNumber(value, 'spec', 'replicas');
  if (desired !== undefined) {
    return (
      count(value, 'status', 'updatedReplicas') >= desired &&
      count(value, 'status', 'availableReplicas') >= desired
    );
  }
  return true;
}

const READY_BY_KIND: Readonly<Record<BuiltinKind | 'custom', (value: unknown) => boolean>> = {
  deployments: deploymentReady,
  statefulsets: statefulSetReady,
  daemonsets: daemonSetReady,
  jobs: jobReady,
  pods: podReady,
  namespaces: namespaceReady,
  custom: customReady,
};

function podRestarts(value: unknown): number {
  let total = 0;
  for (const key of ['initContainerStatuses', 'containerStatuses']) {
    const statuses = field(value, 'status', key);
    if (!Array.isArray(statuses)) continue;
    for (const status of statuses) total += count(status, 'restartCount');
  }
  return total;
}

/** Reduces one listed object to what the fields need, so pages can be dropped as they arrive. */
export function summarize(kind: BuiltinKind | 'custom', value: unknown, qualify: boolean): ObjectSummary {
  const name = text(value, 'metadata', 'name') ?? '';
  const namespace = text(value, 'metadata', 'namespace');
  return {
    name: qualify && namespace !== undefined ? `${namespace}/${name}` : name,
    ready: READY_BY_KIND[kind](value),
    active: kind === 'jobs' ? count(value, 'status', 'active') : 0,
    succeeded: kind === 'jobs' ? count(value, 'status', 'succeeded') : 0,
    failed: kind === 'jobs' ? count(value, 'status', 'failed') : 0,
    restarts: kind === 'pods' ? podRestarts(value) : 0,
  };
}
