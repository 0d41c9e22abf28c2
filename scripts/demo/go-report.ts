// A go test -json report of the worker's label tests, as `go test -json ./...` writes it.
import { writeFile } from 'node:fs/promises';

const PACKAGE = 'github.com/codex-k8s/codex-k8s/services/jobs/worker/internal/domain/worker';

/** The five tests the seed ran for "conflicting ai-model/ai-reasoning labels are rejected". */
export const DEMO_TESTS = [
  'TestResolveModelFromLabels_ConflictingLabels',
  'TestResolveRunAgentContext_ConflictingPullRequestLabelsFail',
  'TestResolveRunAgentContext_ConfigLabelsPullRequestOverrideIssue',
  'TestResolveRunAgentContext_ReasoningExtraHighLabel',
  'TestResolveRunAgentContext_UsesPullRequestHintsForRevise',
] as const;

/** Writes the report with every named test passing. */
export async function writeGoTestReport(path: string): Promise<void> {
  let clock = Date.parse('2026-02-13T09:00:00Z');
  const time = (): string => new Date((clock += 3)).toISOString();
  const events: Record<string, unknown>[] = [];
  for (const test of DEMO_TESTS) {
    events.push({ Time: time(), Action: 'run', Package: PACKAGE, Test: test });
    events.push({
      Time: time(),
      Action: 'output',
      Package: PACKAGE,
      Test: test,
      Output: `=== RUN   ${test}\n`,
    });
    events.push({
      Time: time(),
      Action: 'output',
      Package: PACKAGE,
      Test: test,
      Output: `--- PASS: ${test} (0.00s)\n`,
    });
    events.push({ Time: time(), Action: 'pass', Package: PACKAGE, Test: test, Elapsed: 0 });
  }
  events.push({ Time: time(), Action: 'output', Package: PACKAGE, Output: 'PASS\n' });
  events.push({ Time: time(), Action: 'output', Package: PACKAGE, Output: `ok  \t${PACKAGE}\t0.012s\n` });
  events.push({ Time: time(), Action: 'pass', Package: PACKAGE, Elapsed: 0.012 });
  await writeFile(path, `${events.map((event) => JSON.stringify(event)).join('\n')}\n`);
}
