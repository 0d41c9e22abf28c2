import { defineProbe, type ProbeEnvironment, type ProbeSession } from '../probe.js';
import { reproduceTests } from './reproduce.js';
import { reportGlobs, testsSpecSchema, type TestsSpec } from './schema.js';

const FIELDS = [
  'passed',
  'failed',
  'skipped',
  'missing',
  'total',
  'failed_tests',
  'missing_tests',
  'flaky_tests',
  'failed_packages',
  'output',
] as const;

/** Named test results from go test -json and JUnit XML reports. */
export const testsProbe = defineProbe<TestsSpec>({
  kind: 'tests',
  schema: testsSpecSchema,
  fields: () => FIELDS,
  defaultExpect: () => 'failed == 0 and missing == 0 and passed > 0',
  failureFields: ['failed_tests', 'missing_tests', 'output'],
  // A test that failed before it passed (Surefire's flaky reruns, or `retries: accept`) must show.
  noteFields: ['flaky_tests'],
  reproduce: (spec) => reproduceTests(spec),
  describe: (spec) => {
    const shown = spec.names.slice(0, 3).join(', ');
    const more = spec.names.length > 3 ? ` and ${spec.names.length - 3} more` : '';
    const retries = spec.retries === 'accept' ? ' (a retried pass accepted)' : '';
    return `tests ${shown}${more} in ${reportGlobs(spec).join(', ')}${retries}`;
  },
  open: async (environment: ProbeEnvironment): Promise<ProbeSession<TestsSpec>> => {
    // The parsers (saxes, fs streams) load only when a gate has a tests check.
    const { openTestsSession } = await import('./session.js');
    return openTestsSession(environment);
  },
});
