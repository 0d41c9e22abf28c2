// Mutation testing of the decision core: `npm run mutation` (docs/development.md says how to read it).
// Not part of .ci/run (it takes tens of minutes); .github/workflows/mutation.yml runs it weekly.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.mjs' },
  // Globs, so a module split into several files (config/expect-*.ts) stays covered.
  mutate: [
    'src/config/expect*.ts',
    'src/engine/decision.ts',
    'src/engine/run.ts',
    'src/engine/run-check.ts',
    'src/engine/sessions.ts',
    'src/engine/limit.ts',
    'src/report/escape.ts',
    'src/report/redact.ts',
    'src/report/secret-forms.ts',
    'src/report/sink.ts',
    'src/probes/tests/junit.ts',
    'src/probes/tests/go-json.ts',
    'src/probes/tests/collector.ts',
    // Split out of the expect language and the engine into the bottom module; the same tests cover them.
    'src/shared/decimal.ts',
    'src/shared/pattern.ts',
    'src/shared/map-bounded.ts',
  ],
  coverageAnalysis: 'perTest',
  // The machine (and a CI runner) has 2 cores; more workers only make each slower.
  concurrency: 2,
  // The engine's tests use real (short) timers; a mutant that loops forever ends as `timeout` (killed).
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Score = killed + timeout over all mutants; below `low` the report shows red. No `break`:
  // the score is read, not enforced, while the tests are being written.
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  // The sandbox copy needs the sources and the in-process tests, not the 21 MB bundle.
  ignorePatterns: ['/dist', '/reports', '/bench', '/e2e', '/examples', '/gate-report', '/coverage', '/.tmp'],
  cleanTempDir: 'always',
};

export default config;
