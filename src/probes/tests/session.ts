import path from 'node:path';
import { ProbeError } from '../probe.js';
import type { Fields, ProbeCall, ProbeEnvironment, ProbeSession } from '../probe.js';
import { ResultCollector } from './collector.js';
import { detectFormat } from './detect.js';
import { expandGlob } from './glob.js';
import { parseGoTestJson } from './go-json.js';
import { parseJunit } from './junit.js';
import { NameMatcher, parseNamePatterns } from './names.js';
import { reportGlobs, type TestsSpec } from './schema.js';
import { assertFileInside, assertGlobInside } from './workspace.js';

/** A path as the user wrote it: relative to the workspace when it is inside. */
function shownPath(file: string, workspace: string): string {
  const relative = path.relative(workspace, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Finds the reports, parses each by its detected format and counts the named tests. */
export async function readTestReports(
  spec: TestsSpec,
  workspace: string,
  signal: AbortSignal,
  debug: (message: string) => void = () => {},
): Promise<Fields> {
  const files: string[] = [];
  for (const glob of reportGlobs(spec)) {
    assertGlobInside(glob, workspace);
    const matches = await expandGlob(glob, workspace);
    if (matches.length === 0) {
      throw new ProbeError(
        `tests: no file matches report '${glob}' in ${workspace}; check the path and that the test step wrote its report before the gate runs`,
      );
    }
    for (const match of matches) if (!files.includes(match)) files.push(match);
  }
  const collector = new ResultCollector(
    new NameMatcher(parseNamePatterns(spec.names)),
    spec.retries ?? 'fail',
  );
  for (const file of files) {
    const shown = shownPath(file, workspace);
    await assertFileInside(file, shown, workspace);
    const format = await detectFormat(file, shown);
    debug(`tests: reading ${shown} as ${format}`);
    if (format === 'go-test-json') await parseGoTestJson(file, shown, collector, signal);
    else await parseJunit(file, shown, collector, signal);
  }
  return collector.fields();
}

/** Opens the tests probe's session; it holds nothing between checks. */
export function openTestsSession(environment: ProbeEnvironment): ProbeSession<TestsSpec> {
  return {
    run: (call: ProbeCall<TestsSpec>): Promise<Fields> =>
      readTestReports(call.spec, environment.workspace, call.signal, (message) => environment.debug(message)),
    close: async (): Promise<void> => {},
  };
}
