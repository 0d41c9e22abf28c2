import { shellQuote } from '../../shared/quote.js';
import { defineProbe } from '../probe.js';
import type { ProbeDefinition, ProbeEnvironment, ProbeSession, Sources } from '../probe.js';
import { KIND_INFO, kubernetesSpecSchema } from './schema.js';
import { kubernetesSourceEntry } from './source.js';
import type { KubernetesSpec } from './schema.js';

export type { KubernetesSpec } from './schema.js';

const COMMON_FIELDS = ['count', 'names', 'ready', 'not_ready', 'missing'] as const;

/** Field names a check of this spec produces. */
export function kubernetesFields(spec: KubernetesSpec): readonly string[] {
  if (spec.kind === 'jobs') return [...COMMON_FIELDS, 'active', 'succeeded', 'failed'];
  if (spec.kind === 'pods') return [...COMMON_FIELDS, 'restarts'];
  return COMMON_FIELDS;
}

/**
 * Workloads must be ready; a selector-only look at namespaces, jobs or pods is a leak check
 * (nothing may match); a selector-only look at workloads must also find something, because an
 * empty selection is vacuously ready.
 */
export function kubernetesDefaultExpect(spec: KubernetesSpec): string {
  const filtered = spec.selector !== undefined || spec.fieldSelector !== undefined;
  const leakKind = spec.kind === 'namespaces' || spec.kind === 'jobs' || spec.kind === 'pods';
  if (spec.names) return 'ready';
  if (leakKind) return filtered ? 'count == 0' : 'ready';
  return 'count > 0 and ready';
}

function namespaceOf(spec: KubernetesSpec, sources: Sources): string | undefined {
  if (spec.kind === 'namespaces') return undefined;
  const namespace = spec.namespace ?? sources.kubernetes.namespace;
  return namespace === '' ? undefined : namespace;
}

function resourceWord(spec: KubernetesSpec): string {
  return spec.kind === 'custom' ? `${spec.plural}.${spec.version}.${spec.group}` : KIND_INFO[spec.kind].short;
}

/**
 * `kubectl -n NS get deploy A B`, `kubectl get ns -l SEL`, `kubectl get jobs -A -l SEL`; with
 * `--context CTX` first when the source names a kubeconfig context (each named cluster has its own).
 */
export function kubernetesReproduce(spec: KubernetesSpec, sources: Sources): string {
  const namespace = namespaceOf(spec, sources);
  const words = ['kubectl'];
  const context = sources.kubernetes.context;
  if (context !== undefined && context !== '') words.push('--context', shellQuote(context));
  if (namespace === '*') words.push('get', resourceWord(spec), '-A');
  else {
    if (namespace !== undefined) words.push('-n', shellQuote(namespace));
    words.push('get', resourceWord(spec));
    // kubectl cannot fetch by name across all namespaces, so names are listed only for one namespace.
    for (const name of spec.names ?? []) words.push(shellQuote(name));
  }
  if (spec.selector !== undefined) words.push('-l', shellQuote(spec.selector));
  if (spec.fieldSelector !== undefined) words.push('--field-selector', shellQuote(spec.fieldSelector));
  return words.join(' ');
}

/** One line: what is looked at and where. */
export function kubernetesDescribe(spec: KubernetesSpec, sources: Sources): string {
  const what = spec.kind === 'custom' ? `${spec.plural}.${spec.group}/${spec.version}` : spec.kind;
  const parts = [spec.names ? `${what} ${spec.names.join(', ')}` : what];
  if (spec.selector !== undefined) parts.push(`with labels ${spec.selector}`);
  if (spec.fieldSelector !== undefined) parts.push(`with fields ${spec.fieldSelector}`);
  const namespace = namespaceOf(spec, sources);
  if (namespace === '*') parts.push('in all namespaces');
  else if (namespace !== undefined) parts.push(`in namespace ${namespace}`);
  else if (spec.kind !== 'namespaces') parts.push('in the kubeconfig namespace');
  return parts.join(' ');
}

/** The `kubernetes` probe: workload readiness and leaked resources, read with get/list only. */
export const kubernetesProbe: ProbeDefinition<KubernetesSpec> = defineProbe<KubernetesSpec>({
  kind: 'kubernetes',
  schema: kubernetesSpecSchema,
  sourceEntry: kubernetesSourceEntry,
  fields: kubernetesFields,
  defaultExpect: kubernetesDefaultExpect,
  reproduce: (spec, _extras, sources) => kubernetesReproduce(spec, sources),
  describe: (spec, _extras, sources) => kubernetesDescribe(spec, sources),
  async open(environment: ProbeEnvironment): Promise<ProbeSession<KubernetesSpec>> {
    // The client library is most of the bundle's start-up time: load it only for gates that use it.
    const { openKubernetesSession } = await import('./session.js');
    return openKubernetesSession(environment);
  },
});
