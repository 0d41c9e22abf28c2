import { z } from 'zod';
import { parseNamePattern } from './names.js';
import { climbsOut } from './workspace.js';

const glob = z
  .string()
  .trim()
  .min(1, 'a glob must not be empty')
  .refine((value) => !climbsOut(value), {
    message:
      'the report glob climbs out of the workspace with ..; reports are read only inside the workspace: write the report there and name it relative to the workspace',
  });

const name = z
  .string()
  .min(1, 'a test name must not be empty')
  .superRefine((value, context) => {
    const parsed = parseNamePattern(value);
    if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
  });

/** The value under `tests:` in a check. */
export const testsSpecSchema = z.strictObject({
  /** Glob or globs of report files inside the workspace (relative to it, or absolute below it). */
  report: z.union([glob, z.array(glob).min(1, 'give at least one glob')]),
  /** Exact test names or `/regex/` patterns. */
  names: z.array(name).min(1, 'name at least one test (exact name or /regex/)'),
  /** What a test that failed and then passed on a later run of the same report counts as. */
  retries: z.enum(['fail', 'accept']).optional().meta({
    description:
      "A test that ran more than once in one report (go test -count=N, gotestsum --rerun-fails, a repeated <testcase>): 'fail' (default) fails it when any run failed; 'accept' counts it by its last run and lists a retried pass in flaky_tests.",
  }),
});

/** A validated `tests:` spec. */
export type TestsSpec = z.infer<typeof testsSpecSchema>;

/** The report globs as a list. */
export function reportGlobs(spec: TestsSpec): string[] {
  return typeof spec.report === 'string' ? [spec.report] : spec.report;
}
