import { readFile, stat } from 'node:fs/promises';
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { ProbeDefinition, Sources } from '../shared/probe-contract.js';
import { isRecord } from '../shared/guards.js';
import { expandVariables } from './expand.js';
import { ExpectSyntaxError, parseCondition, referencedFields, type Condition } from './expect.js';
import type { Check, Gate, Position, Scenario } from './model.js';
import { ConfigError, didYouMean, type Problem } from './problems.js';
import {
  checkSchemaFor,
  commonCheckShape,
  gateFileSchemaFor,
  preconditionShape,
  type GateFileInput,
  type ProbeDefinitions,
} from './schema.js';

/** What parsing a gate file needs besides its text. */
export interface LoadOptions {
  /** Path shown in messages (as the user wrote it). */
  file: string;
  env: Readonly<Record<string, string | undefined>>;
  probes: ProbeDefinitions;
}

/** Gate files past this size are refused before parsing (a gate of hundreds of scenarios is ~1 MB). */
export const MAX_GATE_FILE_BYTES = 10 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_INTERVAL_MS = 10_000;

/** Reads and validates a gate file; throws ConfigError listing every problem. */
export async function loadGateFile(path: string, options: LoadOptions): Promise<Gate> {
  const problemAt = (message: string): ConfigError =>
    new ConfigError([{ file: options.file, line: 1, column: 1, message }]);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw problemAt(
      `gate file not found; create it, or point the action's 'config' input (the CLI's FILE argument) at it`,
    );
  }
  if (size > MAX_GATE_FILE_BYTES) {
    throw problemAt(
      `gate file is ${size} bytes; the limit is ${MAX_GATE_FILE_BYTES} — split it into several gates`,
    );
  }
  return parseGate(await readFile(path, 'utf8'), options);
}

/** Validates gate-file text; throws ConfigError listing every problem, with lines. */
export function parseGate(text: string, options: LoadOptions): Gate {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const problems: Problem[] = [];
  const at = (offset: number, message: string): void => {
    const { line, col } = lines.linePos(offset);
    problems.push({ file: options.file, line, column: col, message });
  };

  for (const error of doc.errors) at(error.pos[0], yamlMessage(error.message));
  if (problems.length > 0) throw new ConfigError(problems);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    at(0, 'the gate file is empty; start with `version: 1`, `gate:` and `scenarios:` (see the README)');
    throw new ConfigError(problems);
  }
  if (!isMap(doc.contents)) {
    at(doc.contents.range?.[0] ?? 0, 'a gate file is a mapping with version, gate and scenarios');
    throw new ConfigError(problems);
  }

  expandDocument(doc, options.env, at);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    at(0, `the file cannot be read as data: ${(error as Error).message}`);
    throw new ConfigError(problems);
  }

  const locate = new Locator(doc, lines);
  const schema = gateFileSchemaFor(options.probes);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      reportIssue(issue, [], locate, problems, options.file, knownKeysAt(schema, issue.path));
    }
    // Checks are validated too, so one run shows every problem in the file, not the first layer only.
    validateChecksOf(data, options, locate, problems);
    throw new ConfigError(sortProblems(problems));
  }
  const gate = buildGate(parsed.data, options, locate, problems);
  if (problems.length > 0) throw new ConfigError(sortProblems(problems));
  return gate;
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `not valid YAML: ${first}`;
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Expands `${VAR}` in every string value except SQL text, reporting unset variables where they are. */
function expandDocument(
  doc: Document,
  env: LoadOptions['env'],
  at: (offset: number, message: string) => void,
): void {
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('${')) return;
      const parent = path.at(-1);
      // SQL is never expanded: values go through `params`, so nothing from the environment is spliced.
      if (isPair(parent) && isScalar(parent.key) && parent.key.value === 'postgres') return;
      const expansion = expandVariables(node.value, env);
      for (const name of expansion.missing) {
        at(
          node.range?.[0] ?? 0,
          `\${${name}} is not set; set the environment variable ${name} or write \${${name}:-default}`,
        );
      }
      node.value = expansion.value;
    },
  });
}

/** Finds the source position of a path inside the parsed document. */
class Locator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Position of the value at `path`, or of its nearest ancestor that exists. */
  value(path: readonly PropertyKey[]): Position {
    for (let length = path.length; length >= 0; length--) {
      const node = this.doc.getIn(path.slice(0, length) as (string | number)[], true) as Node | undefined;
      if (node?.range) return this.position(node.range[0]);
    }
    return { line: 1, column: 1 };
  }

  /** Position of the key `key` in the mapping at `path` (for unknown keys). */
  key(path: readonly PropertyKey[], key: string): Position {
    const map = this.doc.getIn(path as (string | number)[], true);
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isScalar(pair.key) && pair.key.value === key && pair.key.range)
          return this.position(pair.key.range[0]);
      }
    }
    return this.value(path);
  }

  /** Position inside a one-line scalar value, `column` characters into its text. */
  inside(path: readonly PropertyKey[], column: number): Position {
    const node = this.doc.getIn(path as (string | number)[], true);
    const start = this.value(path);
    if (!isScalar(node)) return start;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
    const singleLine = node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED';
    return singleLine ? { line: start.line, column: start.column + quoted + column } : start;
  }

  private position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}

function reportIssue(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[],
  locate: Locator,
  problems: Problem[],
  file: string,
  known: readonly string[] = [],
): void {
  const path = [...prefix, ...issue.path];
  const where = formatPath(path);
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const position = locate.key(path, key);
      const hint = didYouMean(key, known);
      problems.push({
        file,
        ...position,
        message: `unknown key '${key}'${where ? ` in ${where}` : ''}${hint}`,
      });
    }
    return;
  }
  const position = locate.value(path);
  problems.push({ file, ...position, message: `${where ? `${where}: ` : ''}${issueMessage(issue)}` });
}

interface SchemaDefinition {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
}

/** The keys a strict object accepts at `path` of `schema`, for "did you mean" hints. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  let index = 0;
  while (current) {
    const definition: SchemaDefinition = (current as unknown as { _zod: { def: SchemaDefinition } })._zod.def;
    if (definition.innerType) current = definition.innerType;
    else if (definition.in) current = definition.in;
    else if (index === path.length) return definition.shape ? Object.keys(definition.shape) : [];
    else if (definition.shape) current = definition.shape[String(path[index++])];
    else if (definition.element) {
      current = definition.element;
      index++;
    } else return [];
  }
  return [];
}

/** Validates every check the raw data holds, whatever else is wrong with the file. */
function validateChecksOf(data: unknown, options: LoadOptions, locate: Locator, problems: Problem[]): void {
  const builder = new CheckBuilder(options, locate, problems, DEFAULT_TIMEOUT_MS);
  const record = isRecord(data) ? data : {};
  const preconditions = Array.isArray(record.preconditions) ? record.preconditions : [];
  for (const [index, raw] of preconditions.entries()) {
    if (isRecord(raw)) builder.build(raw, ['preconditions', index], 'precondition', preconditionShape);
  }
  const scenarios = Array.isArray(record.scenarios) ? record.scenarios : [];
  for (const [index, scenario] of scenarios.entries()) {
    const checks = isRecord(scenario) && Array.isArray(scenario.checks) ? scenario.checks : [];
    for (const [checkIndex, raw] of checks.entries()) {
      if (isRecord(raw)) builder.build(raw, ['scenarios', index, 'checks', checkIndex], 'check');
    }
  }
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.includes('received undefined')) return `is required (expected ${issue.expected})`;
      return `expected ${issue.expected}${issue.message.includes('received') ? `, ${issue.message.replace(/^.*(received .*)$/, '$1')}` : ''}`;
    case 'invalid_value':
      return issue.message.startsWith('Invalid')
        ? `expected one of ${issue.values.map((v) => String(v)).join(', ')}`
        : issue.message;
    case 'too_small':
      return issue.origin === 'array' && issue.minimum === 1 && !issue.message.startsWith('Too small')
        ? issue.message
        : `must have at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'item(s)' : 'character(s)'}`;
    default:
      return issue.message;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

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

function buildGate(input: GateFileInput, options: LoadOptions, locate: Locator, problems: Problem[]): Gate {
  const defaults = {
    timeoutMs: input.defaults.timeout ?? DEFAULT_TIMEOUT_MS,
    priority: input.defaults.priority ?? 'P0',
  };
  const sources = resolveSources(options.probes, input.sources, options.env);
  const builder = new CheckBuilder(options, locate, problems, defaults.timeoutMs);

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
    sources,
    defaults,
    preconditions,
    scenarios,
  };
}

/** Every probe's `sources:` entry as it reads it: what was written, with the probe's defaults. */
function resolveSources(
  probes: ProbeDefinitions,
  written: Readonly<Record<string, unknown>>,
  env: LoadOptions['env'],
): Sources {
  const entries = Object.entries(probes).flatMap(([kind, probe]) =>
    probe.sourceEntry ? [[kind, probe.sourceEntry.resolve(written[kind], env)] as const] : [],
  );
  // Each entry is what its probe's resolve returned, which is the type that probe adds to Sources.
  return Object.fromEntries(entries) as unknown as Sources;
}

/** Validates one check against its probe and turns it into a runnable Check. */
class CheckBuilder {
  private readonly kinds: string[];

  constructor(
    private readonly options: LoadOptions,
    private readonly locate: Locator,
    private readonly problems: Problem[],
    private readonly defaultTimeoutMs: number,
  ) {
    this.kinds = Object.keys(options.probes);
  }

  build(
    raw: Record<string, unknown>,
    path: (string | number)[],
    id: string,
    shape: z.ZodRawShape = commonCheckShape,
  ): Check | undefined {
    const kinds = Object.keys(raw).filter((key) => Object.hasOwn(this.options.probes, key));
    if (kinds.length !== 1) {
      this.report(path, this.probeKeyMessage(raw, kinds));
      return undefined;
    }
    const kind = kinds[0]!;
    const probe = this.options.probes[kind]!;
    const parsed = checkSchemaFor(kind, probe, shape).safeParse(raw);
    if (!parsed.success) {
      const known = [...Object.keys(shape), kind, ...Object.keys(probe.extraKeys ?? {})];
      for (const issue of parsed.error.issues) {
        const nested = issue.path.length > 0 && issue.path[0] === kind;
        reportIssue(issue, path, this.locate, this.problems, this.options.file, nested ? [] : known);
      }
      return undefined;
    }
    const data: Record<string, unknown> = parsed.data;
    const spec = data[kind];
    const extras: Record<string, unknown> = {};
    for (const key of Object.keys(probe.extraKeys ?? {}))
      if (data[key] !== undefined) extras[key] = data[key];

    const written = data.expect as string | boolean | undefined;
    const expectText = written === undefined ? probe.defaultExpect(spec) : String(written);
    const expect = this.parseExpect(expectText, written !== undefined ? [...path, 'expect'] : path);
    if (!expect) return undefined;
    this.checkFieldsKnown(
      probe,
      spec,
      expect,
      written === undefined ? undefined : expectText,
      data.evidence as string | undefined,
      path,
    );

    const check: Check = {
      id,
      kind,
      spec,
      extras,
      expect,
      expectText,
      defaultExpect: written === undefined,
      intervalMs: (data.interval as number | undefined) ?? DEFAULT_INTERVAL_MS,
      timeoutMs: (data.timeout as number | undefined) ?? this.defaultTimeoutMs,
      position: this.locate.value(path),
    };
    if (typeof data.name === 'string') check.name = data.name;
    if (typeof data.evidence === 'string') check.evidence = data.evidence;
    if (typeof data.wait === 'number') check.waitMs = data.wait;
    return check;
  }

  private probeKeyMessage(raw: Record<string, unknown>, kinds: string[]): string {
    const list = this.kinds.join(', ');
    if (kinds.length > 1)
      return `a check has exactly one probe key, but this one has ${kinds.join(' and ')}; split it into two checks`;
    const stray = Object.keys(raw).filter((key) => !(key in commonCheckShape) && key !== 'params');
    const hint = stray.length > 0 ? `: '${stray[0]}' is not one${didYouMean(stray[0]!, this.kinds)}` : '';
    return `a check needs one probe key (${list})${hint}`;
  }

  private parseExpect(text: string, path: (string | number)[]): Condition | undefined {
    try {
      return parseCondition(text);
    } catch (error) {
      if (!(error instanceof ExpectSyntaxError)) throw error;
      const position = this.locate.inside(path, error.column);
      this.problems.push({
        file: this.options.file,
        ...position,
        message: `expect: ${error.message} (at column ${error.column + 1} of '${excerpt(text, error.column)}')`,
      });
      return undefined;
    }
  }

  private checkFieldsKnown(
    probe: ProbeDefinition<unknown>,
    spec: unknown,
    expect: Condition,
    writtenExpect: string | undefined,
    evidence: string | undefined,
    path: (string | number)[],
  ): void {
    const fields = probe.fields(spec);
    if (!fields) return;
    const known = new Set(fields);
    const unknownIn = (names: string[], key: string, what: string, text: string | undefined): void => {
      for (const name of names) {
        // `baseline.n` and `delta.n` read the field `n` of the earlier run.
        const field = name.replace(/^(baseline|delta)\./, '');
        if (known.has(field) || known.has(field.split('.')[0]!)) continue;
        const at = text === undefined ? -1 : fieldColumn(text, name);
        this.problems.push({
          file: this.options.file,
          ...(at < 0 ? this.locate.value([...path, key]) : this.locate.inside([...path, key], at)),
          message: `${what} uses '${name}', which this ${probe.kind} check does not report${didYouMean(field, fields)}; its fields are ${fields.join(', ')}`,
        });
      }
    };
    unknownIn(referencedFields(expect), 'expect', 'expect', writtenExpect);
    if (evidence) unknownIn(templateFields(evidence), 'evidence', 'evidence', evidence);
  }

  private report(path: (string | number)[], message: string): void {
    this.problems.push({ file: this.options.file, ...this.locate.value(path), message });
  }
}

/** The condition as quoted in a message: whole when short, else the stretch around `column`. */
function excerpt(text: string, column: number): string {
  const MAX = 120;
  if (text.length <= MAX) return text;
  const start = Math.max(0, Math.min(column - MAX / 2, text.length - MAX));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + MAX)}${start + MAX < text.length ? '…' : ''}`;
}

/** Where a field name first stands as a whole word in a condition or template; -1 when it does not. */
function fieldColumn(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.])${escaped}(?![\\w])`).exec(text)?.index ?? -1;
}

/** Field names used as `{{field}}` in an evidence template. */
export function templateFields(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g)].map((match) => match[1]!);
}
