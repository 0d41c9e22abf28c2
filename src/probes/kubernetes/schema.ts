import { z } from 'zod';

/** The resource kinds with their own key in a `kubernetes:` check. */
export const BUILTIN_KINDS = [
  'deployments',
  'statefulsets',
  'daemonsets',
  'jobs',
  'pods',
  'namespaces',
] as const;

/** One of the keys `deployments`, `statefulsets`, … */
export type BuiltinKind = (typeof BUILTIN_KINDS)[number];

/** What a check looks at, after validation: one resource type and how to pick its objects. */
export interface KubernetesSpec {
  /** `deployments`, …, or `custom` for `resource: plural.group/version`. */
  kind: BuiltinKind | 'custom';
  /** API group ('' for core), version and plural of the resource type. */
  group: string;
  version: string;
  plural: string;
  /** Names that must exist; undefined when objects are picked by selector only. */
  names?: string[];
  /** Label selector as the API takes it (`a=b,c in (d,e)`). */
  selector?: string;
  /** Field selector as the API takes it (`status.phase=Failed`). */
  fieldSelector?: string;
  /** Namespace from the check; `*` means all namespaces; undefined means the default chain. */
  namespace?: string;
}

/** Facts about a built-in resource type that the light half needs (reproduce commands, fields). */
export interface KindInfo {
  group: string;
  version: string;
  /** Short name kubectl accepts, used in reproduce commands. */
  short: string;
  /** Whether `ready` follows `kubectl rollout status`. */
  workload: boolean;
  namespaced: boolean;
}

export const KIND_INFO: Readonly<Record<BuiltinKind, KindInfo>> = {
  deployments: { group: 'apps', version: 'v1', short: 'deploy', workload: true, namespaced: true },
  statefulsets: { group: 'apps', version: 'v1', short: 'sts', workload: true, namespaced: true },
  daemonsets: { group: 'apps', version: 'v1', short: 'ds', workload: true, namespaced: true },
  jobs: { group: 'batch', version: 'v1', short: 'jobs', workload: false, namespaced: true },
  pods: { group: '', version: 'v1', short: 'pods', workload: false, namespaced: true },
  namespaces: { group: '', version: 'v1', short: 'ns', workload: false, namespaced: false },
};

// Object names are DNS subdomains; with namespace "*" a name may be written `namespace/name`.
const NAME = /^(?:[a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const RESOURCE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9.]*[a-z0-9])?)\/([a-z0-9]+)$/;

const name = z.string({ error: 'each name must be a string' }).regex(NAME, {
  error: (issue) =>
    `"${String(issue.input)}" is not a Kubernetes object name (lowercase letters, digits, "-" and ".")`,
});

const names = z
  .array(name, { error: 'names must be a list of object names' })
  .min(1, { error: 'names must list at least one object' });

const namespace = z
  .string({ error: 'namespace must be a string' })
  .refine((value) => value === '*' || NAMESPACE.test(value), {
    error: (issue) =>
      `namespace "${String(issue.input)}" is not a namespace name; use a DNS label or "*" for all namespaces`,
  });

const selector = z
  .string({ error: 'selector must be a string such as "app=web,tier in (api,worker)"' })
  .trim()
  .min(1, { error: 'selector is empty' });
const fieldSelector = z
  .string({ error: 'field_selector must be a string such as "status.phase=Failed"' })
  .trim()
  .min(1, { error: 'field_selector is empty' });

/** The mapping form of a resource key's value, and the sibling keys of `resource:`. */
const selection = {
  names: names.optional(),
  selector: selector.optional(),
  field_selector: fieldSelector.optional(),
  namespace: namespace.optional(),
};

const selectionMapping = z.strictObject(selection, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}; allowed: names, selector, field_selector, namespace`
      : 'expected a list of names or a mapping with names, selector, field_selector, namespace',
});

const selectionValue = z.union([names, selectionMapping], {
  error: 'expected a list of names or a mapping with names, selector, field_selector, namespace',
});

const resourceKeys = ['resource', ...BUILTIN_KINDS] as const;

/** The raw shape users write under `kubernetes:`. */
const rawSpec = z
  .record(z.string(), z.unknown(), { error: 'kubernetes: expected a mapping such as { deployments: [web] }' })
  .superRefine((value, context) => {
    const present = resourceKeys.filter((key) => key in value);
    if (present.length !== 1) {
      context.addIssue({
        code: 'custom',
        message:
          present.length === 0
            ? 'name one resource: deployments, statefulsets, daemonsets, jobs, pods, namespaces, or resource: plural.group/version'
            : `name one resource per check, not ${present.join(' and ')}`,
      });
      return;
    }
    const known = new Set<string>(
      present[0] === 'resource' ? ['resource', ...Object.keys(selection)] : present,
    );
    const unknown = Object.keys(value).filter((key) => !known.has(key));
    if (unknown.length > 0) {
      const hint =
        present[0] === 'resource'
          ? 'allowed next to resource: names, selector, field_selector, namespace'
          : `put names, selector, field_selector and namespace inside ${present[0]}: { … }`;
      context.addIssue({
        code: 'custom',
        message: `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}; ${hint}`,
      });
    }
  });

type Selection = z.infer<typeof selectionMapping>;

function fromSelection(
  base: Pick<KubernetesSpec, 'kind' | 'group' | 'version' | 'plural'>,
  value: Selection,
): KubernetesSpec {
  const spec: KubernetesSpec = { ...base };
  if (value.names) spec.names = value.names;
  if (value.selector) spec.selector = value.selector;
  if (value.field_selector) spec.fieldSelector = value.field_selector;
  if (value.namespace) spec.namespace = value.namespace;
  return spec;
}

/** Validates the value under `kubernetes:` and turns it into a {@link KubernetesSpec}. */
export const kubernetesSpecSchema: z.ZodType<KubernetesSpec> = rawSpec.transform(
  (value, context): KubernetesSpec => {
    if ('resource' in value) {
      const resource = value.resource;
      const match = typeof resource === 'string' ? RESOURCE.exec(resource) : null;
      if (!match) {
        context.addIssue({
          code: 'custom',
          path: ['resource'],
          message: `resource must be plural.group/version, e.g. rollouts.argoproj.io/v1alpha1; got ${JSON.stringify(resource)}`,
        });
        return z.NEVER;
      }
      const siblings = z.strictObject({ resource: z.string(), ...selection }).safeParse(value);
      if (!siblings.success) {
        for (const issue of siblings.error.issues)
          context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
        return z.NEVER;
      }
      return checked(
        fromSelection(
          { kind: 'custom', group: match[3]!, version: match[5]!, plural: match[1]! },
          siblings.data,
        ),
        [],
        context,
      );
    }
    const kind = BUILTIN_KINDS.find((key) => key in value)!;
    const info = KIND_INFO[kind];
    const parsed = selectionValue.safeParse(value[kind]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        context.addIssue({ code: 'custom', path: [kind, ...issue.path], message: issue.message });
      return z.NEVER;
    }
    const picked: Selection = Array.isArray(parsed.data) ? { names: parsed.data } : parsed.data;
    if (!info.namespaced && picked.namespace !== undefined) {
      context.addIssue({
        code: 'custom',
        path: [kind, 'namespace'],
        message: 'namespaces are cluster-scoped: remove namespace',
      });
      return z.NEVER;
    }
    return checked(
      fromSelection({ kind, group: info.group, version: info.version, plural: kind }, picked),
      [kind],
      context,
    );
  },
);

function checked(spec: KubernetesSpec, path: PropertyKey[], context: z.RefinementCtx): KubernetesSpec {
  const qualified = spec.names?.filter((entry) => entry.includes('/')) ?? [];
  if (qualified.length > 0 && spec.namespace !== '*') {
    context.addIssue({
      code: 'custom',
      path: [...path, 'names'],
      message: `"${qualified[0]}": write namespace/name only with namespace: "*"; otherwise give the name and set namespace`,
    });
    return z.NEVER;
  }
  return spec;
}
