import type { Fields } from '../probe.js';
import type { NameMatcher } from './names.js';

/** How one run of a test ended. */
export type Outcome = 'passed' | 'failed' | 'skipped';

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

interface Recorded {
  display: string;
  outcomes: Outcome[];
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

  constructor(private readonly matcher: NameMatcher) {}

  /** True when any `names:` entry matches one of these names (cheap enough to call per test). */
  wants(candidates: readonly string[]): boolean {
    return this.matcher.match(candidates).length > 0;
  }

  /**
   * Records one run of a test. `id` identifies the test across runs and files (package or class
   * plus name); `note` says why a run counts as failed when the report does not (did not finish).
   */
  record(
    id: string,
    display: string,
    candidates: readonly string[],
    outcome: Outcome,
    output: readonly string[],
    note?: string,
  ): void {
    const hits = this.matcher.match(candidates);
    if (hits.length === 0) return;
    for (const hit of hits) this.matchedEntries.add(hit);
    let recorded = this.tests.get(id);
    if (!recorded) {
      recorded = { display, outcomes: [], output: [] };
      this.tests.set(id, recorded);
    }
    recorded.outcomes.push(outcome);
    if (outcome === 'failed') {
      recorded.output = output.slice(0, LINES_PER_TEST);
      recorded.note = note;
    }
  }

  /** Records a package that failed outside any test (build failed, setup failed, TestMain). */
  packageFailed(name: string, reason: string, output: readonly string[]): void {
    this.packageFailures.push({ name, reason, output: output.slice(0, LINES_PER_TEST) });
  }

  /** The probe's fields over everything recorded. */
  fields(): Fields {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const failedTests: string[] = [];
    const flakyTests: string[] = [];
    const output: string[] = [];
    for (const test of this.tests.values()) {
      const last = test.outcomes.at(-1)!;
      const runs = test.outcomes.length;
      const failures = test.outcomes.filter((outcome) => outcome === 'failed').length;
      if (last === 'passed') {
        passed += 1;
        if (failures > 0)
          flakyTests.push(`${test.display} (passed on last of ${runs} runs, failed ${failures})`);
      } else if (last === 'skipped') {
        skipped += 1;
      } else {
        failed += 1;
        const notes = [runs > 1 ? `failed on last of ${runs} runs` : '', test.note ?? ''].filter(Boolean);
        failedTests.push(notes.length > 0 ? `${test.display} (${notes.join('; ')})` : test.display);
        output.push(`${test.display}:`, ...test.output.map((line) => `  ${line}`));
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

function capOutput(lines: readonly string[]): string {
  const kept = lines
    .slice(0, OUTPUT_LINES)
    .map((line) => (line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS)}…` : line));
  if (lines.length > OUTPUT_LINES) kept.push(`… ${lines.length - OUTPUT_LINES} more lines`);
  return kept.join('\n');
}
