import { z } from 'zod';
import { parseNamePattern } from './names.js';

const glob = z.string().trim().min(1, 'a glob must not be empty');

const name = z
  .string()
  .min(1, 'a test name must not be empty')
  .superRefine((value, context) => {
    const parsed = parseNamePattern(value);
    if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
  });

/** The value under `tests:` in a check. */
export const testsSpecSchema = z.strictObject({
  /** Glob or globs of report files, relative to the workspace. */
  report: z.union([glob, z.array(glob).min(1, 'give at least one glob')]),
  /** Exact test names or `/regex/` patterns. */
  names: z.array(name).min(1, 'name at least one test (exact name or /regex/)'),
});

/** A validated `tests:` spec. */
export type TestsSpec = z.infer<typeof testsSpecSchema>;

/** The report globs as a list. */
export function reportGlobs(spec: TestsSpec): string[] {
  return typeof spec.report === 'string' ? [spec.report] : spec.report;
}
