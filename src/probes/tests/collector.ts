import type { Fields } from '../probe.js';
import type { NameMatcher } from './names.js';

/** How one run of a test ended. */
export type Outcome = 'passed' | 'failed' | 'skipped';

/** What a repeated run of one test may do: `fail` (default) fails it on any failed run. */
export type RetryPolicy = 'fail' | 'accept';

// Runner chatter that says nothing about why a test failed (go's own lines, go-junit-report's
// and gotestsum's `message="Failed"`).
const NOISE =
  /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)\b|--- (?:PASS|FAIL|SKIP):|PASS$|FAIL$|Failed$|ok\s|FAIL\s+\S+\s+[\d.]+s$)/;

/** True for a line of runner chatter that should not take a place in the evidence. */
export function isNoise(line: string): boolean {
  return line.trim() === '' || NOISE.test(line);
}

/** How many output lines one failing test contributes to the `output` field. */
export const LINES_PER_TEST = 8;
const OUTPUT_LINES = 40;
const LINE_CHARS = 240;

/** One run of one test as a report states it. */
export interface TestRun {
  /**
   * The test's identity: report file, suite path, file attribute, class and name (go: report file,
   * package and name). Two runs share it only when they are runs of the same test in one file.
   */
  readonly id: string;
  /** The name shown in `failed_tests` and `flaky_tests`. */
  readonly display: string;
  /** Where the test is (report file, suite, package), shown when two tests display alike. */
  readonly context: readonly string[];
  /** Every name `names:` may refer to the test by. */
  readonly candidates: readonly string[];
  readonly outcome: Outcome;
  readonly output: readonly string[];
  /** Why a run counts as failed when the report does not say so (did not finish). */
  readonly note?: string;
  /** Failed earlier runs the format itself marks as reruns of this run (Surefire's rerun/flaky elements). */
  readonly markedReruns?: number;
}

interface Recorded {
  display: string;
  context: readonly string[];
  /** Outcomes of the runs the report lists as separate entries, in file order. */
  outcomes: Outcome[];
  /** Failed runs the format marked as reruns. */
  markedFailures: number;
  /** Output of the latest failed run. */
  output: string[];
  note?: string;
}

interface PackageFailure {
  name: string;
  reason: string;
  output: string[];
}

/**
 * Gathers the outcomes of the named tests across every report of a check and turns them into
 * the probe's fields. Only tests that some `names:` entry matches are kept, so memory stays
 * bounded by the names, not by the size of the reports.
 */
export class ResultCollector {
  private readonly tests = new Map<string, Recorded>();
  private readonly matchedEntries = new Set<number>();
  private readonly packageFailures: PackageFailure[] = [];

  constructor(
    private readonly matcher: NameMatcher,
    // Stryker disable next-line StringLiteral: the probe's session always passes the policy (`spec.retries ?? 'fail'`)
    private readonly retries: RetryPolicy = 'fail',
  ) {}

  /** True when any `names:` entry matches one of these names (cheap enough to call per test). */
  wants(candidates: readonly string[]): boolean {
    return this.matcher.match(candidates).length > 0;
  }

  /** Records one run of a test; runs with the same `id` are runs of one test. */
  record(run: TestRun): void {
    const hits = this.matcher.match(run.candidates);
    if (hits.length === 0) return;
    for (const hit of hits) this.matchedEntries.add(hit);
    let recorded = this.tests.get(run.id);
    if (!recorded) {
      // Stryker disable next-line ArrayDeclaration: replaced at the first failed run, and read only for failed tests
      recorded = { display: run.display, context: run.context, outcomes: [], markedFailures: 0, output: [] };
      this.tests.set(run.id, recorded);
    }
    recorded.outcomes.push(run.outcome);
    recorded.markedFailures += run.markedReruns ?? 0;
    if (run.outcome === 'failed') {
      recorded.output = run.output.slice(0, LINES_PER_TEST);
      recorded.note = run.note;
    }
  }

  /** Records a package that failed outside any test (build failed, setup failed, TestMain). */
  packageFailed(name: string, reason: string, output: readonly string[]): void {
    this.packageFailures.push({ name, reason, output: output.slice(0, LINES_PER_TEST) });
  }

  /**
   * The outcome a test counts by. Any failed run fails it (fail closed: a pass after a failure
   * may be a different data-provider row, a test of the same name elsewhere, or luck), unless
   * the format marked the failures as reruns or the gate file accepts retries; then the last
   * run decides.
   */
  private finalOutcome(test: Recorded): Outcome {
    const last = test.outcomes.at(-1)!;
    if (last === 'passed' && this.retries === 'accept') return 'passed';
    // Stryker disable next-line StringLiteral: fields() counts every outcome but passed and skipped as failed
    return test.outcomes.includes('failed') ? 'failed' : last;
  }

  /** The probe's fields over everything recorded. */
  fields(): Fields {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const failedTests: string[] = [];
    const flakyTests: string[] = [];
    const output: string[] = [];
    const shown = distinctDisplays([...this.tests.values()]);
    for (const [index, test] of [...this.tests.values()].entries()) {
      const display = shown[index]!;
      const runs = test.outcomes.length + test.markedFailures;
      const failures = test.outcomes.filter((outcome) => outcome === 'failed').length + test.markedFailures;
      const outcome = this.finalOutcome(test);
      if (outcome === 'passed') {
        passed += 1;
        if (failures > 0) flakyTests.push(`${display} (passed on last of ${runs} runs, failed ${failures})`);
      } else if (outcome === 'skipped') {
        skipped += 1;
      } else {
        failed += 1;
        const retried = test.outcomes.at(-1) === 'passed' ? '; the last passed' : '';
        const notes = [runs > 1 ? `failed ${failures} of ${runs} runs${retried}` : '', test.note ?? ''];
        const note = notes.filter(Boolean).join('; ');
        failedTests.push(note === '' ? display : `${display} (${note})`);
        output.push(`${display}:`, ...test.output.map((line) => `  ${line}`));
      }
    }
    const missingTests = this.matcher.patterns
      .filter((_, index) => !this.matchedEntries.has(index))
      .map((pattern) => pattern.raw);
    // A package that did not build hides its tests: when tests are missing, that is the likely why.
    if (missingTests.length > 0) {
      for (const failure of this.packageFailures) {
        output.push(`${failure.name} [${failure.reason}]:`, ...failure.output.map((line) => `  ${line}`));
      }
    }
    return {
      passed,
      failed,
      skipped,
      missing: missingTests.length,
      total: this.tests.size + missingTests.length,
      failed_tests: failedTests,
      missing_tests: missingTests,
      flaky_tests: flakyTests,
      failed_packages: this.packageFailures.map((failure) => `${failure.name} [${failure.reason}]`),
      output: capOutput(output),
    };
  }
}

/**
 * The display names, each made unique where two tests would read alike (the same name in two
 * files, suites or packages) by adding the parts of their context that tell them apart.
 */
function distinctDisplays(tests: readonly Recorded[]): string[] {
  const byDisplay = new Map<string, Recorded[]>();
  for (const test of tests) byDisplay.set(test.display, [...(byDisplay.get(test.display) ?? []), test]);
  return tests.map((test) => {
    const alike = byDisplay.get(test.display)!;
    // Stryker disable next-line ConditionalExpression: a display of its own has no other context to differ from, so none is added
    if (alike.length === 1) return test.display;
    const telling = test.context.filter(
      (part, index) => part !== '' && alike.some((other) => other.context[index] !== part),
    );
    return telling.length === 0 ? test.display : `${test.display} [${telling.join(', ')}]`;
  });
}

function capOutput(lines: readonly string[]): string {
  const kept = lines
    .slice(0, OUTPUT_LINES)
    .map((line) => (line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS)}…` : line));
  if (lines.length > OUTPUT_LINES) kept.push(`… ${lines.length - OUTPUT_LINES} more lines`);
  return kept.join('\n');
}
