// What a held check says in the Evidence cell: the samples in one line (`12/12 samples pass over
// 10m; worst value 0.004`), instead of the last sample's values, which would hide the others.
import { formatDuration } from '../shared/duration.js';
import type { Check } from '../config/model.js';
import type { Fields } from '../probes/probe.js';
import { checkEvidence, formatValue, renderTemplate } from './evidence.js';
import type { CheckStatus, EvidencePart, HoldSummary } from './results.js';

/** The Evidence of a held check: its error or template, then the samples' summary. */
export function holdEvidence(
  check: Check,
  status: CheckStatus,
  summary: HoldSummary,
  error: string | undefined,
  fields: Fields,
  previous?: Fields,
): EvidencePart[] {
  const parts: EvidencePart[] = [];
  if (status === 'error') parts.push(...checkEvidence(check, status, fields, error));
  else if (check.evidence) parts.push(...renderTemplate(check.evidence, fields, previous));
  if (summary.total === 0) return parts;
  if (parts.length > 0) parts.push({ text: '; ' });
  parts.push(...samplesParts(summary));
  if (status === 'fail') parts.push({ text: ', expected ' }, { value: check.expectText });
  if (status === 'warn')
    parts.push({ text: '; warn ' }, { value: check.warnText ?? '' }, { text: ' did not hold' });
  return parts;
}

/** `9/12 samples pass, 3 warn over 10m; worst value 0.007` (counts are the engine's, values the source's). */
function samplesParts(summary: HoldSummary): EvidencePart[] {
  const counts = [`${summary.passed}/${summary.total} samples pass`];
  if (summary.warned > 0) counts.push(`${summary.warned} warn`);
  if (summary.failed > 0) counts.push(`${summary.failed} fail (failure_limit ${summary.failureLimit})`);
  if (summary.errors > 0) counts.push(`${summary.errors} error (error_limit ${summary.errorLimit} in a row)`);
  // A full hold is said as written (`over 10m`); one that ended early, as far as it got.
  const span = summary.stoppedEarly
    ? `after ${formatDuration(summary.elapsedMs)} of ${formatDuration(summary.holdMs)} (stopped: ${summary.stoppedEarly})`
    : `over ${formatDuration(summary.holdMs)}`;
  const parts: EvidencePart[] = [{ text: `${counts.join(', ')} ${span}` }];
  if (summary.worst) {
    parts.push({ text: `; worst ${summary.worst.field} ` }, { value: formatValue(summary.worst.value) });
  }
  return parts;
}

/**
 * Why a hold cannot finish before the gate's deadline, or undefined when it can. Such a hold could
 * never pass; the check ends `error` at once instead of sampling until the deadline cuts it.
 */
export function holdBeyondDeadline(check: Check, gateTimeoutMs: number | undefined): string | undefined {
  if (!check.hold || gateTimeoutMs === undefined || check.hold.holdMs < gateTimeoutMs) return undefined;
  return `hold ${formatDuration(check.hold.holdMs)} cannot end before the gate's deadline (${formatDuration(gateTimeoutMs)}); raise the 'timeout' input (the CLI's --timeout) above the hold plus any wait, or shorten hold`;
}
