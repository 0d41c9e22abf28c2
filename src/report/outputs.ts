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
} as const;

/** The step outputs for a result, as name -> value. */
export function stepOutputs(
  result: PublicResult,
  bundle: BundlePaths | undefined,
  checkRun: { id: number; url: string } | undefined,
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
  };
}
