// Loading a gate file: read it (refusing huge ones), parse the YAML with lines, expand `${VAR}`,
// validate the top level and every check, and build the Gate, reporting every problem at once.
import { readFile, stat } from 'node:fs/promises';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { validateChecksOf } from './checks.js';
import { buildGate, DEFAULT_TIMEOUT_MS, type GateOptions } from './gate.js';
import { knownKeysAt, reportIssue } from './issues.js';
import { Locator } from './locator.js';
import type { Gate } from './model.js';
import { ConfigError, type Problem } from './problems.js';
import { gateFileSchemaFor } from './schema.js';
import { sourceKeysAt } from './sources.js';
import { expandDocument, yamlMessage } from './yaml.js';

export { templateFields } from './checks.js';

/** What parsing a gate file needs besides its text. */
export type LoadOptions = GateOptions;

/** Gate files past this size are refused before parsing (a gate of hundreds of scenarios is ~1 MB). */
export const MAX_GATE_FILE_BYTES = 10 * 1024 * 1024;

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
      // `sources.<kind>` takes either form, so its keys come from the probe's single form.
      const known =
        issue.path[0] === 'sources'
          ? sourceKeysAt(options.probes, issue.path)
          : knownKeysAt(schema, issue.path);
      reportIssue(issue, [], locate, problems, options.file, known);
    }
    // Checks are validated too, so one run shows every problem in the file, not the first layer only.
    validateChecksOf(data, options, DEFAULT_TIMEOUT_MS, locate, problems);
    throw new ConfigError(sortProblems(problems));
  }
  const gate = buildGate(parsed.data, options, locate, problems);
  if (problems.length > 0) throw new ConfigError(sortProblems(problems));
  return gate;
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
