import { ProbeError } from '../probe.js';
import { isNoise, LINES_PER_TEST, type Outcome, type ResultCollector, type TestRun } from './collector.js';
import { forEachLine } from './lines.js';

interface GoEvent {
  Action: string;
  Package?: string;
  Test?: string;
  Output?: string;
  ImportPath?: string;
  FailedBuild?: string;
}

interface PackageState {
  failedTests: number;
  /** Tests started and not yet ended: a timeout or crash leaves them open. */
  openTests: number;
  output: string[];
  reason?: string;
}

// go prints these for a package whose test binary could not be built or set up; before go 1.24
// they are plain text lines between the JSON events, since then JSON `output` events.
// Stryker disable next-line Regex: go writes this line as `FAIL\t<pkg> [build failed]` from the start of a line, one tab and one space
const PACKAGE_NOT_RUN = /^(?:FAIL|ok)\s+(\S+)\s+\[(build failed|setup failed)\]/;
const BUILD_HEADER = /^# (\S+)/;
const BUILD_LINES = 20;

/** `example.com/pkg [example.com/pkg.test]` -> `example.com/pkg`. */
function importPathOf(value: string): string {
  return value.split(' ')[0]!;
}

function pushLines(target: string[], text: string, limit: number): void {
  for (const line of text.replace(/\n$/, '').split('\n')) {
    // Stryker disable next-line EqualityOperator,ConditionalExpression: the collector keeps at most LINES_PER_TEST lines of a test or package, fewer than this bound; it only caps memory
    if (target.length >= limit) return;
    if (isNoise(line)) continue;
    target.push(line.trimEnd());
  }
}

function parseEvent(line: string, shown: string, lineNumber: number): GoEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    // Neither the line nor JSON.parse's message (which quotes it) is shown: output can hold secrets.
    throw new ProbeError(
      `${shown}:${lineNumber}: malformed go test -json line (not valid JSON, ${line.length} characters); was the report cut off or written by two processes at once?`,
    );
  }
  if (
    // Stryker disable next-line ConditionalExpression,LogicalOperator: every line that reaches here starts with `{`, so JSON.parse gave an object
    typeof value !== 'object' ||
    // Stryker disable next-line ConditionalExpression: as above, never null
    value === null ||
    typeof (value as { Action?: unknown }).Action !== 'string'
  ) {
    throw new ProbeError(
      `${shown}:${lineNumber}: not a go test -json event (no "Action"); is this the output of go test -json?`,
    );
  }
  return value as GoEvent;
}

/**
 * Reads a top-level string field without JSON.parse. test2json writes flat objects whose string
 * values escape every `"`, so `"Key":"` can only be the key itself. Undefined when the field is
 * absent; null when its value has an escape and needs a real parse.
 */
// Stryker disable next-line BlockStatement: undefined sends the line to JSON.parse, which reads the same fields
function quickField(line: string, marker: FieldMarker): string | undefined | null {
  const at = line.indexOf(marker);
  // Stryker disable next-line ConditionalExpression: undefined sends the line to JSON.parse, which reads the same fields
  if (at === -1) return undefined;
  const start = at + marker.length;
  const end = line.indexOf('"', start);
  if (end === -1) return null;
  const value = line.slice(start, end);
  // Stryker disable next-line StringLiteral: null sends the line to JSON.parse, which reads the same value
  return value.includes('\\') ? null : value;
}

// Built once: a marker built per call is a fresh string that indexOf flattens on every line.
const ACTION = '"Action":"';
const PACKAGE = '"Package":"';
const TEST = '"Test":"';
type FieldMarker = typeof ACTION | typeof PACKAGE | typeof TEST;
// Stryker disable next-line Regex: a line this matches less often goes to quickField, which reads the same three fields
const TEST_EVENT = /^\{"Time":"[^"]*","Action":"([^"\\]*)","Package":"([^"\\]*)","Test":"([^"\\]*)"/;

/**
 * The event of a line, fully parsed only when its content matters. Most lines of a large report
 * are `output` of tests nobody named: for those the line is only checked to be a whole JSON
 * object (a truncated write does not end in `}`) and carries an Action.
 */
function readEvent(
  line: string,
  shown: string,
  lineNumber: number,
  needOutput: (test: string | undefined) => boolean,
): GoEvent {
  // Stryker disable next-line MethodExpression: every line that reaches here starts with `{`, so startsWith('}') is false
  if (!line.endsWith('}')) return parseEvent(line, shown, lineNumber);
  // A test's event as test2json writes it: one regex call instead of three field searches. The
  // values before each key hold no quote, so each key found here is the first one in the line,
  // exactly what quickField would find; any other shape takes the field-by-field path.
  const shaped = TEST_EVENT.exec(line);
  const action = shaped ? shaped[1]! : quickField(line, ACTION);
  const pkg = shaped ? shaped[2]! : quickField(line, PACKAGE);
  const test = shaped ? shaped[3]! : quickField(line, TEST);
  if (typeof action !== 'string' || pkg === null || test === null) return parseEvent(line, shown, lineNumber);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: parsing more lines fully reads the same events
  if (action === 'output' && needOutput(test)) return parseEvent(line, shown, lineNumber);
  if (action === 'build-output' || action === 'fail' || action === 'build-fail')
    return parseEvent(line, shown, lineNumber);
  return { Action: action, Package: pkg, Test: test };
}

/**
 * Test names no `names:` entry matches, remembered from their `run` event so that their output and
 * result events skip the matcher (and its regexes). Bounded: the oldest half is forgotten when it
 * fills, and a forgotten name is only matched again. Names come from `run` lines, which are short,
 * so a remembered name never holds a long line in memory.
 */
// Stryker disable all: a cache of names no entry matches (wants() depends on the name alone): a name forgotten or never kept is only matched again
class RecentNames {
  private current = new Set<string>();
  private previous = new Set<string>();

  has(name: string): boolean {
    return this.current.has(name) || this.previous.has(name);
  }

  add(name: string): void {
    if (this.current.size >= RECENT_NAMES) {
      this.previous = this.current;
      this.current = new Set();
    }
    this.current.add(name);
  }
}
const RECENT_NAMES = 32;
// Stryker restore all

/** One run of a go test; runs under `-count=N` or a rerun tool share the key. */
function goRun(
  key: string,
  shown: string,
  pkg: string,
  test: string,
  outcome: Outcome,
  output: readonly string[],
  note?: string,
): TestRun {
  return { id: key, display: test, context: [shown, pkg], candidates: [test], outcome, output, note };
}

/**
 * Reads a `go test -json` stream (test2json events, one per line) into the collector: subtests
 * are tests named `Parent/child`, every run of a test under `-count=N` is one run of it, and
 * packages that failed outside any test (build or setup failed, TestMain) are reported as such.
 */
export async function parseGoTestJson(
  file: string,
  shown: string,
  collector: ResultCollector,
  signal: AbortSignal,
): Promise<void> {
  // Output is buffered only for named tests that are running, so memory does not grow with the file.
  const running = new Map<string, { pkg: string; test: string; output: string[] }>();
  const packages = new Map<string, PackageState>();
  const buildOutput = new Map<string, string[]>();
  const reported = new Set<string>();
  let textPackage: string | undefined;
  let events = 0;
  // Package and test name: `TestA` of two packages, and `TestA` beside `TestA/case`, stay apart.
  // Built only for tests that are named (or not yet known not to be): most events need no key.
  const keyOf = (pkg: string, test: string): string => `go\u0000${shown}\u0000${pkg}\u0000${test}`;
  const unnamed = new RecentNames();

  // A test's events mostly follow each other: the last package looked up answers without hashing.
  let lastPackage: { name: string; state: PackageState } | undefined;
  const packageState = (name: string): PackageState => {
    // Stryker disable next-line ConditionalExpression: a cache of the last package; the map answers the same
    if (lastPackage?.name === name) return lastPackage.state;
    let state = packages.get(name);
    if (!state) {
      state = { failedTests: 0, openTests: 0, output: [] };
      packages.set(name, state);
    }
    // Stryker disable next-line ObjectLiteral: an empty cache entry only misses; the map answers the same
    lastPackage = { name, state };
    return state;
  };
  const packageEnded = (name: string): void => {
    packages.delete(name);
    // Stryker disable next-line OptionalChaining: packageEnded always follows packageState, which sets lastPackage
    if (lastPackage?.name === name) lastPackage = undefined;
  };
  const packageFailed = (name: string, reason: string, output: readonly string[]): void => {
    if (reported.has(name)) return;
    reported.add(name);
    collector.packageFailed(name, reason, output);
  };
  const finishRunning = (pkg: string | undefined, note: string): void => {
    for (const [key, run] of running) {
      if (pkg !== undefined && run.pkg !== pkg) continue;
      collector.record(goRun(key, shown, run.pkg, run.test, 'failed', run.output, note));
      running.delete(key);
    }
  };

  const onText = (line: string): void => {
    const notRun = PACKAGE_NOT_RUN.exec(line);
    if (notRun) {
      const [, pkg, reason] = notRun;
      packageFailed(pkg!, reason!, buildOutput.get(pkg!) ?? []);
      return;
    }
    const header = BUILD_HEADER.exec(line);
    if (header) {
      textPackage = header[1]!;
      buildOutput.set(textPackage, [line]);
      return;
    }
    if (textPackage !== undefined) pushLines(buildOutput.get(textPackage)!, line, BUILD_LINES);
  };

  const onEvent = (event: GoEvent): void => {
    // Stryker disable next-line AssignmentOperator: events is only compared with 0, and -n is not 0 either
    events += 1;
    const { Action: action, Package: pkg, Test: test } = event;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: only build-output and build-fail events carry ImportPath, and build-fail has no Output to add
    if (action === 'build-output' && event.ImportPath) {
      const key = importPathOf(event.ImportPath);
      const lines = buildOutput.get(key) ?? [];
      buildOutput.set(key, lines);
      // Stryker disable next-line StringLiteral: test2json writes Output on every build-output and output event
      pushLines(lines, event.Output ?? '', BUILD_LINES);
      return;
    }
    if (pkg === undefined) return;
    if (test === undefined) {
      const state = packageState(pkg);
      if (action === 'output') {
        // Stryker disable next-line StringLiteral: test2json writes Output on every output event
        const notRun = PACKAGE_NOT_RUN.exec(event.Output ?? '');
        if (notRun) state.reason = notRun[2]!;
        // Stryker disable next-line StringLiteral: test2json writes Output on every output event
        pushLines(state.output, event.Output ?? '', LINES_PER_TEST);
      } else if (action === 'fail') {
        finishRunning(pkg, 'did not finish: its package failed');
        if (event.FailedBuild) state.reason = 'build failed';
        // With a test that failed or never ended, the package failed because of that test.
        // Stryker disable next-line ConditionalExpression: a package whose build or setup failed ran no test, so its counts are 0 there anyway
        if (state.reason !== undefined || (state.failedTests === 0 && state.openTests === 0)) {
          const built = event.FailedBuild ? buildOutput.get(importPathOf(event.FailedBuild)) : undefined;
          packageFailed(pkg, state.reason ?? 'failed outside any test', built ?? state.output);
        }
        packageEnded(pkg);
      } else if (
        // Stryker disable next-line ConditionalExpression: the other package actions (start) come before any test, with nothing to finish or forget
        action === 'pass' ||
        action === 'skip'
      ) {
        finishRunning(pkg, 'did not finish');
        packageEnded(pkg);
      }
      return;
    }
    switch (action) {
      case 'run':
        packageState(pkg).openTests += 1;
        // Stryker disable next-line ConditionalExpression: a shortcut for a name no entry matches; the matcher says the same
        if (unnamed.has(test)) return;
        // Stryker disable next-line ConditionalExpression: buffering an unnamed test's output is only memory; record() drops unnamed tests
        if (collector.wants([test])) running.set(keyOf(pkg, test), { pkg, test, output: [] });
        // Stryker disable next-line CallExpression: a cache; see RecentNames
        else unnamed.add(test);
        return;
      case 'output': {
        // Stryker disable next-line ConditionalExpression: a shortcut; the map has no key when it is empty
        const run = running.size === 0 ? undefined : running.get(keyOf(pkg, test));
        if (run) pushLines(run.output, event.Output ?? '', LINES_PER_TEST);
        return;
      }
      case 'pass':
      case 'skip':
      case 'fail': {
        const state = packageState(pkg);
        state.openTests = Math.max(0, state.openTests - 1);
        // Stryker disable next-line AssignmentOperator: failedTests is only compared with 0, and -n is not 0 either
        if (action === 'fail') state.failedTests += 1;
        // The collector keeps only named tests: one known to be unnamed needs no key and no match.
        // Stryker disable next-line ConditionalExpression: a shortcut; record() drops a test no entry matches
        if (unnamed.has(test)) return;
        const key = keyOf(pkg, test);
        const run = running.get(key);
        running.delete(key);
        const outcome = action === 'pass' ? 'passed' : action === 'skip' ? 'skipped' : 'failed';
        collector.record(goRun(key, shown, pkg, test, outcome, run?.output ?? []));
        return;
      }
      default:
        return;
    }
  };

  // Output is needed for package-level events and for named tests that are running.
  const needOutput = (test: string | undefined): boolean =>
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: parsing more lines fully reads the same events
    test === undefined || (running.size > 0 && [...running.values()].some((run) => run.test === test));

  await forEachLine(file, shown, signal, (line, lineNumber) => {
    // Most lines are events with no space to trim: skip the trimming copies for them.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,MethodExpression,BlockStatement: the trimming path below reads these lines the same way
    if (line.startsWith('{') && line.endsWith('}')) {
      onEvent(readEvent(line, shown, lineNumber, needOutput));
      return;
    }
    const first = line.trimStart();
    // Stryker disable next-line ConditionalExpression,StringLiteral: a blank line is noise to onText as well
    if (first === '') return;
    // A `{` line must be an event: a truncated or corrupted write is an error, never skipped.
    // Stryker disable next-line MethodExpression: JSON.parse ignores the trailing blanks trimEnd removes
    if (first.startsWith('{')) onEvent(readEvent(first.trimEnd(), shown, lineNumber, needOutput));
    else onText(line);
  });
  if (events === 0 && reported.size === 0) {
    throw new ProbeError(
      `${shown}: no go test -json events in the file; write it with \`go test -json ./... > ${shown}\``,
    );
  }
  finishRunning(undefined, 'did not finish: the report ends before its result');
}
