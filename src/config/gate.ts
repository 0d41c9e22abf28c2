// Turning the validated top level into a Gate: defaults, ids, sources and the runnable checks.
import { CheckBuilder } from './checks.js';
import type { Locator } from './locator.js';
import type { Gate, Scenario } from './model.js';
import type { Problem } from './problems.js';
import { preconditionShape, type GateFileInput, type ProbeDefinitions } from './schema.js';
import { resolveSources } from './sources.js';

/** What building a gate needs from the loader's options. */
export interface GateOptions {
  /** Path shown in messages (as the user wrote it). */
  file: string;
  env: Readonly<Record<string, string | undefined>>;
  probes: ProbeDefinitions;
}

/** Per try, when neither the check nor `defaults.timeout` says. */
export const DEFAULT_TIMEOUT_MS = 30_000;

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'scenario'
  );
}

/** The gate the validated data describes; problems found on the way (duplicate ids, bad checks) are added to `problems`. */
export function buildGate(
  input: GateFileInput,
  options: GateOptions,
  locate: Locator,
  problems: Problem[],
): Gate {
  const defaults = {
    timeoutMs: input.defaults.timeout ?? DEFAULT_TIMEOUT_MS,
    priority: input.defaults.priority ?? 'P0',
  };
  const sources = resolveSources(options.probes, input.sources, options.env);
  const builder = new CheckBuilder(
    { ...options, sourceChoices: sources.choices },
    locate,
    problems,
    defaults.timeoutMs,
  );

  const preconditions: Scenario[] = input.preconditions.map((raw, index) => {
    const path = ['preconditions', index];
    const check = builder.build(raw, path, `precondition-${index + 1}`, preconditionShape);
    // The name labels the row; repeating it inside the row's evidence would say it twice.
    if (check) delete check.name;
    const name = typeof raw.name === 'string' ? raw.name : `precondition ${index + 1}`;
    return {
      id: `precondition-${index + 1}`,
      name,
      priority: 'P0',
      checks: check ? [check] : [],
      position: locate.value(path),
    };
  });

  const seen = new Map<string, number>();
  const scenarios: Scenario[] = input.scenarios.map((raw, index) => {
    const path = ['scenarios', index];
    const id = raw.id ?? slugify(raw.name);
    const position = locate.value(path);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({
        file: options.file,
        ...(raw.id ? locate.value([...path, 'id']) : position),
        message: `scenario id '${id}' is already used by the scenario on line ${earlier}; give one of them another 'id'`,
      });
    } else seen.set(id, position.line);
    const checks = raw.checks.flatMap((check, checkIndex) => {
      const built = builder.build(check, [...path, 'checks', checkIndex], `${id}/${checkIndex + 1}`);
      return built ? [built] : [];
    });
    const scenario: Scenario = {
      id,
      name: raw.name,
      priority: raw.priority ?? defaults.priority,
      checks,
      position,
    };
    if (raw.evidence !== undefined) scenario.evidence = raw.evidence;
    if (raw.waiver) {
      scenario.waiver = { reason: raw.waiver.reason, until: raw.waiver.until };
      if (raw.waiver.issue !== undefined) scenario.waiver.issue = raw.waiver.issue;
    }
    return scenario;
  });

  const meta = input.gate;
  return {
    file: options.file,
    version: 1,
    meta: {
      id: meta.id,
      title: meta.title,
      environment: meta.environment,
      ownerRole: meta.owner_role,
      relatedIssues: meta.related_issues,
      relatedPrs: meta.related_prs,
      language: meta.language ?? 'en',
      risks: meta.risks,
    },
    sources: sources.defaults,
    namedSources: sources.named,
    defaults,
    preconditions,
    scenarios,
  };
}
