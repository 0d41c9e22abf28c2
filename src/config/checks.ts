// Building checks: each is validated against its one probe, its `expect` parsed, and the fields it
// names checked against what the probe reports, with every problem located in the file.
import type { z } from 'zod';
import { isRecord } from '../shared/guards.js';
import type { ProbeDefinition } from '../shared/probe-contract.js';
import { ExpectSyntaxError, parseCondition, referencedFields, type Condition } from './expect.js';
import { holdSettings } from './hold.js';
import { reportIssue } from './issues.js';
import type { Locator } from './locator.js';
import type { Check } from './model.js';
import { didYouMean, type Problem } from './problems.js';
import { checkSchemaFor, commonCheckShape, preconditionShape, type ProbeDefinitions } from './schema.js';
import { chooseSource, type SourceChoices } from './sources.js';

/** What building checks needs from the loader's options. */
export interface CheckOptions {
  /** Path shown in messages (as the user wrote it). */
  file: string;
  probes: ProbeDefinitions;
  /** The source names of each kind, once `sources:` validated (else `source:` is not checked against them). */
  sourceChoices?: SourceChoices;
}

const DEFAULT_INTERVAL_MS = 10_000;

/** Validates every check the raw data holds, whatever else is wrong with the file. */
export function validateChecksOf(
  data: unknown,
  options: CheckOptions,
  defaultTimeoutMs: number,
  locate: Locator,
  problems: Problem[],
): void {
  const builder = new CheckBuilder(options, locate, problems, defaultTimeoutMs);
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

/** Validates one check against its probe and turns it into a runnable Check. */
export class CheckBuilder {
  private readonly kinds: string[];

  constructor(
    private readonly options: CheckOptions,
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
    const source = chooseSource(
      kind,
      data.source as string | undefined,
      this.options.probes,
      this.options.sourceChoices,
    );
    if ('problem' in source) {
      this.report(source.atSource ? [...path, 'source'] : path, source.problem);
      return undefined;
    }
    const spec = data[kind];
    const extras: Record<string, unknown> = {};
    for (const key of Object.keys(probe.extraKeys ?? {}))
      if (data[key] !== undefined) extras[key] = data[key];

    const written = data.expect as string | boolean | undefined;
    const expectText = written === undefined ? probe.defaultExpect(spec) : String(written);
    const expect = this.parseExpect(expectText, written !== undefined ? [...path, 'expect'] : path);
    if (!expect) return undefined;
    const warnText =
      typeof data.warn === 'string' || typeof data.warn === 'boolean' ? String(data.warn) : undefined;
    const warn = warnText === undefined ? undefined : this.parseExpect(warnText, [...path, 'warn']);
    if (warnText !== undefined && !warn) return undefined;
    this.checkFieldsKnown(
      probe,
      spec,
      expect,
      written === undefined ? undefined : expectText,
      data.evidence as string | undefined,
      path,
      warnText,
    );
    const intervalMs = (data.interval as number | undefined) ?? DEFAULT_INTERVAL_MS;
    const hold = holdSettings(data, intervalMs, (key, message) => this.report([...path, key], message));
    if (hold === null) return undefined;

    const check: Check = {
      id,
      kind,
      spec,
      extras,
      expect,
      expectText,
      defaultExpect: written === undefined,
      intervalMs,
      timeoutMs: (data.timeout as number | undefined) ?? this.defaultTimeoutMs,
      position: this.locate.value(path),
    };
    if (typeof data.name === 'string') check.name = data.name;
    if (source.name !== undefined) check.source = source.name;
    if (typeof data.evidence === 'string') check.evidence = data.evidence;
    if (typeof data.wait === 'number') check.waitMs = data.wait;
    if (warn) Object.assign(check, { warn, warnText });
    if (hold) check.hold = hold;
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
    warnText?: string,
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
    if (warnText !== undefined)
      unknownIn(referencedFields(parseCondition(warnText)), 'warn', 'warn', warnText);
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
