import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutation` runs against each mutant: fast, in-process tests of the decision
 * core (expect language, decision, engine, escaping, redaction, the test-report readers). No
 * dist/, no spawned action, no embedded PostgreSQL (no global setup): a mutant must be judged in
 * seconds, and a test that needs a built bundle would test the old code anyway.
 */
export default defineConfig({
  test: {
    include: [
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
    ],
    // Spawns dist/index.js: it would judge the committed bundle, not the mutant.
    exclude: [...configDefaults.exclude, '__tests__/probes/tests/through-dist.test.ts'],
    testTimeout: 30_000,
  },
});
