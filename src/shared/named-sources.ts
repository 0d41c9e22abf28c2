// Named sources: `sources.<kind>` may name several databases, clusters, metric stores or
// repositories; a check picks one with `source:`. The probes never see the map: each session and
// each reproduce command is handed a `Sources` view in which `sources.<kind>` is the one named.
import type { Sources } from './probe-contract.js';

/** The name of the single (unnamed) form, and of the source a check without `source:` uses. */
export const DEFAULT_SOURCE = 'default';

/** Every source by probe kind, then by name: `{ postgres: { default: …, billing: … } }`. */
export type NamedSources = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * The `Sources` a probe sees for one named source of its kind: every other kind keeps its default
 * (probes read only their own kind), this kind is the named entry.
 */
export function sourcesView(
  defaults: Sources,
  named: NamedSources | undefined,
  kind: string,
  name: string | undefined,
): Sources {
  if (name === undefined || name === DEFAULT_SOURCE) {
    const entry = named?.[kind]?.[DEFAULT_SOURCE];
    return entry === undefined ? defaults : { ...defaults, [kind]: entry };
  }
  const entry = named?.[kind]?.[name];
  if (entry === undefined) throw new Error(`no source '${name}' under sources.${kind}`);
  return { ...defaults, [kind]: entry };
}

/** `postgres` for the default source, `postgres source billing` for a named one (messages, keys). */
export function sourceLabel(kind: string, name: string | undefined): string {
  return name === undefined || name === DEFAULT_SOURCE ? kind : `${kind} source ${name}`;
}
