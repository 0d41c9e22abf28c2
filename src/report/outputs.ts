import type { PublicResult } from './redact.js';
import type { BundlePaths } from './bundle.js';

/** Output names of action.yml. */
export const OUTPUT = {
  decision: 'decision',
  passed: 'passed',
  failed: 'failed',
  errors: 'errors',
  waived: 'waived',
  warned: 'warned',
  reportMarkdown: 'report-markdown',
  reportJson: 'report-json',
  checkRunId: 'check-run-id',
  checkRunUrl: 'check-run-url',
  failedScenarios: 'failed-scenarios',
  summaryPath: 'summary-path',
  environment: 'environment',
  shard: 'shard',
} as const;

/** One row of `failed-scenarios`. */
export interface FailedScenario {
  id: string;
  name: string;
  priority: string;
  status: string;
  /** In a merge of several environments: where the row was measured. */
  environment?: string;
}

/** Every precondition and scenario that did not pass, for a notification step. */
export function failedScenarios(result: PublicResult): FailedScenario[] {
  return [...result.preconditions, ...result.scenarios]
    .filter((row) => row.status !== 'pass')
    .map((row) => ({
      id: row.id,
      name: row.name,
      priority: row.priority,
      status: row.status,
      ...(row.environment === undefined ? {} : { environment: row.environment }),
    }));
}

/** The step outputs for a result, as name -> value. */
export function stepOutputs(
  result: PublicResult,
  bundle: BundlePaths | undefined,
  checkRun: { id: number; url: string } | undefined,
  summaryPath = '',
): Record<string, string> {
  return {
    [OUTPUT.decision]: result.decision,
    [OUTPUT.passed]: String(result.counts.passed),
    [OUTPUT.failed]: String(result.counts.failed),
    [OUTPUT.errors]: String(result.counts.errors),
    [OUTPUT.waived]: String(result.counts.waived),
    [OUTPUT.warned]: String(result.counts.warned ?? 0),
    [OUTPUT.reportMarkdown]: bundle?.markdown ?? '',
    [OUTPUT.reportJson]: bundle?.json ?? '',
    [OUTPUT.checkRunId]: checkRun ? String(checkRun.id) : '',
    [OUTPUT.checkRunUrl]: checkRun?.url ?? '',
    [OUTPUT.failedScenarios]: JSON.stringify(failedScenarios(result)),
    [OUTPUT.summaryPath]: summaryPath,
    [OUTPUT.environment]: result.environment ?? '',
    [OUTPUT.shard]: result.shard ? `${result.shard.index}/${result.shard.total}` : '',
  };
}
