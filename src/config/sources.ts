// `sources.<kind>`: one source (the single form, which is the source `default`) or a map of named
// sources, for every probe that declares a source entry. A probe declares only its single entry;
// this module wraps each in the named form, so adding a probe never touches it.
import { z } from 'zod';
import { isRecord } from '../shared/guards.js';
import { DEFAULT_SOURCE, type NamedSources } from '../shared/named-sources.js';
import type { Env, SourceEntry, Sources } from '../shared/probe-contract.js';
import { knownKeysAt } from './issues.js';
import { didYouMean } from './problems.js';
import type { ProbeDefinitions } from './schema.js';

/** What a source name may be made of (it is written after `source:` and shown in reports). */
const NAME_PATTERN = '[A-Za-z0-9][A-Za-z0-9._-]*';
const NAME = new RegExp(`^${NAME_PATTERN}$`);

/** `sources.<kind>` as validated: which form was written, and each source's parsed entry by name. */
export interface WrittenSources {
  named: boolean;
  entries: Record<string, unknown>;
}

/** The settings of a probe's single form (`url`, `statement_timeout`, …): never source names. */
export function sourceSettings(entry: SourceEntry): string[] {
  return knownKeysAt(entry.schema, []);
}

type Form = { kind: 'single' } | { kind: 'named' } | { kind: 'mixed'; setting: string; name: string };

/**
 * Which form a mapping is. Settings only (or nothing): the single form. No setting and at least one
 * value that is a mapping: named sources. A setting beside a key whose value is a mapping is
 * ambiguous and refused; anything else is read as the single form, whose schema names the
 * unknown keys (`namspace: app` gets "did you mean 'namespace'").
 */
function formOf(value: Record<string, unknown>, settings: readonly string[]): Form {
  const keys = Object.keys(value);
  const written = keys.filter((key) => settings.includes(key));
  const others = keys.filter((key) => !settings.includes(key));
  if (others.length === 0) return { kind: 'single' };
  const mapping = others.find((key) => isRecord(value[key]));
  if (written.length > 0)
    return mapping === undefined
      ? { kind: 'single' }
      : { kind: 'mixed', setting: written[0]!, name: mapping };
  return mapping === undefined ? { kind: 'single' } : { kind: 'named' };
}

type IssueSink = { addIssue(issue: z.core.$ZodRawIssue): void };

/** Adds a probe schema's issues under `prefix` (the named source's key), keeping their codes. */
function forward(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[], context: IssueSink): void {
  for (const issue of issues)
    context.addIssue({ ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodRawIssue);
}

/** The loader's schema of `sources.<kind>`: either form, each entry validated by the probe's schema. */
export function sourceFieldSchema(kind: string, entry: SourceEntry): z.ZodType<WrittenSources | undefined> {
  const settings = sourceSettings(entry);
  const either = z.unknown().transform((value, context): WrittenSources => {
    const form = isRecord(value) ? formOf(value, settings) : { kind: 'single' as const };
    if (form.kind === 'mixed') {
      context.addIssue({
        code: 'custom',
        path: [form.name],
        message: `'${form.setting}' is a setting of one source and '${form.name}' looks like a named source; write either the settings of one source or only named sources (e.g. ${DEFAULT_SOURCE}: { ${form.setting}: … } beside ${form.name}: { … })`,
      });
      return z.NEVER;
    }
    if (form.kind === 'single') {
      const parsed = entry.schema.safeParse(value);
      if (parsed.success) return { named: false, entries: { [DEFAULT_SOURCE]: parsed.data } };
      forward(parsed.error.issues, [], context);
      return z.NEVER;
    }
    const entries: Record<string, unknown> = {};
    let valid = true;
    for (const [name, written] of Object.entries(value as Record<string, unknown>)) {
      const problem = namedEntryProblem(kind, name, written, settings);
      if (problem !== undefined) {
        context.addIssue({ code: 'custom', path: [name], message: problem });
        valid = false;
        continue;
      }
      const parsed = entry.schema.safeParse(written);
      if (parsed.success) entries[name] = parsed.data;
      else {
        forward(parsed.error.issues, [name], context);
        valid = false;
      }
    }
    return valid ? { named: true, entries } : z.NEVER;
  });
  return either.optional();
}

function namedEntryProblem(
  kind: string,
  name: string,
  written: unknown,
  settings: readonly string[],
): string | undefined {
  if (!NAME.test(name))
    return `'${name}' cannot name a source; use letters, digits, ".", "_" and "-" (it is what a check's 'source:' says)`;
  if (isRecord(written)) return undefined;
  const hint = didYouMean(name, settings);
  return hint
    ? `'${name}' is not a setting of sources.${kind}${hint}`
    : `a named source is a mapping of settings (${settings.join(', ')}), e.g. ${name}: { ${settings[0] ?? '…'}: … }`;
}

/**
 * The editor's view of `sources.<kind>` (schema/gate.schema.json): the single form, or a map of
 * named sources whose names are not the single form's settings.
 */
export function sourceJsonSchema(entry: SourceEntry): z.ZodType {
  const settings = sourceSettings(entry).map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const notSetting = settings.length > 0 ? `(?!(?:${settings.join('|')})$)` : '';
  const name = z
    .string()
    .regex(new RegExp(`^${notSetting}${NAME_PATTERN}$`))
    .meta({ description: "A source's name, picked by a check with `source: <name>`." });
  return z
    .union([
      entry.schema,
      z.record(name, entry.schema).meta({
        title: 'named sources',
        description: `Several sources by name; a check picks one with \`source: <name>\`, a check without \`source:\` uses \`${DEFAULT_SOURCE}\`.`,
      }),
    ])
    .optional();
}

/** Every source the probes read: the defaults view (`Sources`) and every source by kind and name. */
export interface ResolvedSources {
  defaults: Sources;
  named: NamedSources;
  /** Per kind with a source entry: its source names, and whether they were written as named sources. */
  choices: SourceChoices;
}

export type SourceChoices = Readonly<Record<string, { named: boolean; names: readonly string[] }>>;

/** Each probe's entries as it reads them: what was written, with the probe's defaults (some from `env`). */
export function resolveSources(
  probes: ProbeDefinitions,
  written: Readonly<Record<string, unknown>>,
  env: Env,
): ResolvedSources {
  const defaults: Record<string, unknown> = {};
  const named: Record<string, Record<string, unknown>> = {};
  const choices: Record<string, { named: boolean; names: string[] }> = {};
  for (const [kind, probe] of Object.entries(probes)) {
    const entry = probe.sourceEntry;
    if (!entry) continue;
    const section = written[kind] as WrittenSources | undefined;
    const entries = section?.entries ?? { [DEFAULT_SOURCE]: undefined };
    const byName: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(entries)) byName[name] = entry.resolve(value, env);
    named[kind] = byName;
    // Probes read only their own kind, so this kind's default matters only when it exists.
    defaults[kind] = byName[DEFAULT_SOURCE] ?? entry.resolve(undefined, env);
    choices[kind] = { named: section?.named ?? false, names: Object.keys(byName) };
  }
  // Each entry is what its probe's resolve returned, which is the type that probe adds to Sources.
  return { defaults: defaults as unknown as Sources, named, choices };
}

/** The source a check uses, or what is wrong with its `source:` (`atSource`: located at that key). */
export type SourceChoice = { name: string | undefined } | { problem: string; atSource: boolean };

/**
 * Resolves a check's `source:`. Without it, a kind with sources uses `default`; a kind whose named
 * sources have no `default` makes the check say which it means (the gate never guesses).
 */
export function chooseSource(
  kind: string,
  written: string | undefined,
  probes: ProbeDefinitions,
  choices: SourceChoices | undefined,
): SourceChoice {
  if (!probes[kind]?.sourceEntry) {
    if (written === undefined) return { name: undefined };
    const withSources = Object.keys(probes).filter((other) => probes[other]!.sourceEntry);
    return {
      atSource: true,
      problem: `a ${kind} check has no sources to pick from (only ${withSources.join(', ')} checks do); remove 'source: ${written}'`,
    };
  }
  const choice = choices?.[kind];
  // The top level did not validate: the sources are unknown, only the checks are being checked.
  if (!choice) return { name: written ?? DEFAULT_SOURCE };
  const list = choice.names.join(', ');
  if (written === undefined) {
    if (choice.names.includes(DEFAULT_SOURCE)) return { name: DEFAULT_SOURCE };
    return {
      atSource: false,
      problem: `this ${kind} check names no source and sources.${kind} has no '${DEFAULT_SOURCE}'; add 'source:' with one of ${list}`,
    };
  }
  if (choice.names.includes(written)) return { name: written };
  if (!choice.named) {
    return {
      atSource: true,
      problem: `source '${written}': sources.${kind} is a single source, which is named '${DEFAULT_SOURCE}'; remove 'source:', or name the sources (sources.${kind}: { ${written}: { … } })`,
    };
  }
  return {
    atSource: true,
    problem: `unknown source '${written}' for ${kind} checks${didYouMean(written, choice.names)}; sources.${kind} names ${list}`,
  };
}

/** The keys "did you mean" compares with for an unknown key at `path` under `sources:`. */
export function sourceKeysAt(probes: ProbeDefinitions, path: readonly PropertyKey[]): string[] {
  if (path.length <= 1) return Object.keys(probes).filter((kind) => probes[kind]!.sourceEntry);
  const entry = probes[String(path[1])]?.sourceEntry;
  return entry && path.length <= 3 ? sourceSettings(entry) : [];
}
