import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import { ProbeError } from '../probe.js';
import { isNoise, LINES_PER_TEST, type Outcome, type ResultCollector } from './collector.js';

const FAILURE_TEXT_CHARS = 4096;

interface OpenCase {
  name: string;
  classname: string;
  /** The `file` attribute (jest-junit, pytest, vitest write the test's source file there). */
  file: string;
  /** Names of the enclosing `testsuite` elements, outermost first. */
  suites: readonly string[];
  outcome: Outcome;
  /** Earlier failed runs Surefire records with `rerunFailingTestsCount`. */
  rerunFailures: number;
  flakyFailures: number;
  output: string[];
}

/** The names a JUnit test case can be referred to by in `names:`. */
function candidatesOf(testCase: OpenCase): string[] {
  return testCase.classname === ''
    ? [testCase.name]
    : [testCase.name, `${testCase.classname}.${testCase.name}`];
}

function displayOf(testCase: OpenCase): string {
  const { name, classname } = testCase;
  return classname === '' || classname === name || name.startsWith(`${classname}.`)
    ? name
    : `${classname}.${name}`;
}

/**
 * The parser's reason without what it quotes from the file (names, namespace values) and
 * without its own position prefix: the caller adds file and line.
 */
function xmlReason(message: string): string {
  return (
    message
      .replace(/^(?:[^:]*:)?\d+:\d+: /, '')
      // Stryker disable next-line Regex: with the s flag `.*` runs to the end anyway
      .replace(/:.*$/s, '')
      .replace(/ (set|bound) to .*$/s, ' $1 to that value')
      .replace(/\.$/, '')
  );
}

/**
 * Identity of a case: every `<testcase>` is its own test unless report file, suite path, file,
 * class and name are all the same (jest-junit writes `classname=""` for top-level tests, so name
 * alone would merge tests of two files; TestNG repeats name and class per data-provider row).
 */
function idOf(testCase: OpenCase, shown: string): string {
  return [
    // Stryker disable next-line StringLiteral: a go key has 4 parts and a JUnit id at least 6, so the two cannot meet without it
    'junit',
    shown,
    ...testCase.suites,
    // Stryker disable next-line StringLiteral: ids with different numbers of suites have different numbers of parts, and XML text holds no NUL
    '\u0001',
    testCase.file,
    testCase.classname,
    testCase.name,
  ].join('\u0000');
}

function contextOf(testCase: OpenCase, shown: string): string[] {
  return [
    shown,
    testCase.suites.length > 0 ? `suite ${testCase.suites.join(' > ')}` : '',
    testCase.file === '' ? '' : `file ${testCase.file}`,
    testCase.classname === '' ? '' : `class ${testCase.classname}`,
  ];
}

/**
 * Reads a JUnit XML report (Surefire, Gradle, go-junit-report, jest-junit, pytest, vitest,
 * PHPUnit) as a SAX stream: `testsuites` or `testsuite` root, suites nested at any depth,
 * `testcase` with `failure`, `error` or `skipped`, and Surefire's `rerunFailure`/`rerunError`/
 * `flakyFailure`/`flakyError`. Each case is recorded as one run under its identity (see `idOf`);
 * the collector decides what repeated runs count as. A DOCTYPE is refused before any entity
 * could be expanded.
 */
export async function parseJunit(
  file: string,
  shown: string,
  collector: ResultCollector,
  signal: AbortSignal,
): Promise<void> {
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: saxes counts lines whatever `position` says (the malformed-XML tests assert the line)
  const parser = new SaxesParser({ position: true });
  let root: string | undefined;
  let current: OpenCase | undefined;
  const suites: string[] = [];
  // Text of the failure/error element being read, kept to its first few KiB, and its message.
  let failureText: string | undefined;
  // Stryker disable next-line StringLiteral: set by every <failure>/<error> before it is read
  let failureMessage = '';
  const where = (): string => `${shown}:${parser.line}`;

  parser.on('doctype', () => {
    throw new ProbeError(
      `${where()}: the report has a DOCTYPE; test reports never need one and entity declarations are refused (possible entity expansion attack)`,
    );
  });
  parser.on('error', (error) => {
    throw new ProbeError(`${where()}: malformed XML: ${xmlReason(error.message)}`);
  });
  parser.on('opentag', (tag) => {
    const attribute = (key: string): string => {
      const value = tag.attributes[key];
      return typeof value === 'string' ? value : '';
    };
    if (root === undefined) {
      root = tag.name;
      if (root !== 'testsuites' && root !== 'testsuite') {
        // A tag name is markup, not content; an odd one is not repeated.
        const named = /^[\w.:-]{1,40}$/.test(root) ? `<${root}>` : 'another element';
        throw new ProbeError(
          `${shown}: not a JUnit report: the root element is ${named}, not <testsuites> or <testsuite>`,
        );
      }
      if (root === 'testsuite') suites.push(attribute('name'));
      return;
    }
    if (tag.name === 'testsuite') {
      suites.push(attribute('name'));
      return;
    }
    if (tag.name === 'testcase') {
      current = {
        name: attribute('name'),
        // PHPUnit writes the class with backslashes in `class` and dotted in `classname`.
        classname: attribute('classname') || attribute('class'),
        file: attribute('file'),
        suites: [...suites],
        outcome: 'passed',
        rerunFailures: 0,
        flakyFailures: 0,
        output: [],
      };
      return;
    }
    if (!current) return;
    switch (tag.name) {
      case 'failure':
      case 'error': {
        current.outcome = 'failed';
        failureMessage = attribute('message');
        failureText = '';
        return;
      }
      case 'skipped':
        if (current.outcome !== 'failed') current.outcome = 'skipped';
        return;
      case 'rerunFailure':
      case 'rerunError':
        current.rerunFailures += 1;
        return;
      case 'flakyFailure':
      case 'flakyError':
        current.flakyFailures += 1;
        return;
      default:
        return;
    }
  });
  const onText = (text: string): void => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the text is cut to FAILURE_TEXT_CHARS where it is read, and text outside a failure is reset by the next <failure>; this only bounds memory
    if (failureText !== undefined && failureText.length < FAILURE_TEXT_CHARS) failureText += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (tag.name === 'testsuite' && !current) {
      suites.pop();
      return;
    }
    // Stryker disable next-line ConditionalExpression: without a case open, only a </testsuite> (handled above) or a tag the next lines ignore can close
    if (!current) return;
    if ((tag.name === 'failure' || tag.name === 'error') && failureText !== undefined) {
      // Most reporters repeat the message as the first line of the text; show it once.
      const text = failureText.includes(failureMessage) ? failureText : `${failureMessage}\n${failureText}`;
      for (const line of text.slice(0, FAILURE_TEXT_CHARS).split('\n')) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: the collector keeps the first LINES_PER_TEST lines anyway; this only bounds memory
        if (isNoise(line) || current.output.length >= LINES_PER_TEST) continue;
        if (current.output.includes(line.trimEnd())) continue;
        current.output.push(line.trimEnd());
      }
      failureText = undefined;
      return;
    }
    if (tag.name !== 'testcase') return;
    const testCase = current;
    current = undefined;
    const candidates = candidatesOf(testCase);
    // Stryker disable next-line ConditionalExpression: record() drops a case no entry matches just the same
    if (!collector.wants(candidates)) return;
    collector.record({
      id: idOf(testCase, shown),
      display: displayOf(testCase),
      context: contextOf(testCase, shown),
      candidates,
      outcome: testCase.outcome,
      output: testCase.output,
      // Surefire marks reruns explicitly: `rerun*` under a case that still failed, `flaky*` under one that passed.
      markedReruns: testCase.outcome === 'failed' ? testCase.rerunFailures : testCase.flakyFailures,
    });
  });

  const stopped = (): ProbeError => new ProbeError(`${where()}: stopped reading: the check timed out`);
  // The signal also ends a read that waits on the disk, not only the next chunk.
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024, signal });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (signal.aborted) throw stopped();
      parser.write(chunk);
    }
    if (signal.aborted) throw stopped();
    parser.close();
  } catch (error) {
    if (signal.aborted && !(error instanceof ProbeError)) throw stopped();
    throw error;
  } finally {
    stream.destroy();
  }
  // Stryker disable next-line ConditionalExpression,StringLiteral: saxes refuses a document without a root element on close(), before this line
  if (root === undefined) throw new ProbeError(`${shown}: no XML element in the file; is it a JUnit report?`);
}
