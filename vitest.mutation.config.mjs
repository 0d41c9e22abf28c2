import { configDefaults, defineConfig } from 'vitest/config';
import process from 'node:process';

/**
 * The tests `npm run mutation` runs against each mutant: fast, in-process tests of the decision
 * core (expect language, decision, engine, escaping, redaction, the test-report readers). No
 * dist/, no spawned action, no embedded PostgreSQL (no global setup): a mutant must be judged in
 * seconds, and a test that needs a built bundle would test the old code anyway.
 */
const CORE_TESTS = [
  '__tests__/config/expect*.test.ts',
  '__tests__/config/load.test.ts',
  '__tests__/config/load-expect.test.ts',
  '__tests__/engine/**/*.test.ts',
  '__tests__/baseline/compare.test.ts',
  '__tests__/report/markdown.test.ts',
  '__tests__/report/escape*.test.ts',
  '__tests__/report/redact*.test.ts',
  '__tests__/report/inert-values.test.ts',
  '__tests__/probes/tests/**/*.test.ts',
  '__tests__/shared/decimal.test.ts',
  '__tests__/shared/pattern.test.ts',
];

// MUTATION_TESTS (comma-separated globs) narrows the set while you work on one group of files, so
// the initial run on a busy machine covers only those tests (docs/development.md).
const only = (process.env.MUTATION_TESTS ?? '')
  .split(',')
  .map((glob) => glob.trim())
  .filter((glob) => glob !== '');

export default defineConfig({
  test: {
    include: only.length > 0 ? only : CORE_TESTS,
    exclude: [
      ...configDefaults.exclude,
      // Spawns dist/index.js: it would judge the committed bundle, not the mutant.
      '__tests__/probes/tests/through-dist.test.ts',
      // Needs the embedded PostgreSQL of the global setup, which this config does not start: with
      // it included the initial test run fails and no mutant is judged.
      '__tests__/engine/named-sources.test.ts',
    ],
    testTimeout: 30_000,
  },
});
