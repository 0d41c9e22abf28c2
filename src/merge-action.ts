// The action with `merge: <glob>`: no probe runs; the bundles of earlier matrix jobs become one
// decision, published exactly as a gate run's (job summary, check run with annotations, bundle,
// outputs, comment), and the step fails on No-Go unless `fail-on: never`.
import { decisionModeFor } from './engine/decision.js';
import { mergeBundles } from './engine/merge.js';
import type { ActionInputs } from './inputs.js';
import { foundEnvironmentsNotice, readMergeInputs } from './merge-files.js';
import { basisLine, publish } from './publish.js';
import type { PendingCheckRun } from './report/check-run-flow.js';
import { stripControlAndLineBreaks } from './report/escape.js';
import type { ArtefactSink } from './report/sink.js';
import { TOOL } from './version.js';

/** Where the merge runs and what it publishes through. */
export interface MergeContext {
  workspace: string;
  env: NodeJS.ProcessEnv;
  sink: ArtefactSink;
  checkRun: Promise<PendingCheckRun | undefined>;
}

export async function runMerge(inputs: ActionInputs, context: MergeContext): Promise<void> {
  const { sink } = context;
  const files = await readMergeInputs([inputs.merge], context.workspace);
  const merged = mergeBundles(files, {
    mode: decisionModeFor(inputs.failOn),
    now: new Date(),
    tool: TOOL,
    gateFile: inputs.config,
    ...(inputs.language ? { language: inputs.language } : {}),
    ...(inputs.expectedEnvironments
      ? { expected: { names: inputs.expectedEnvironments, from: 'the `environment` input' } }
      : {}),
  });
  if (!inputs.expectedEnvironments) sink.log('notice', foundEnvironmentsNotice(merged));
  // Each job redacted its bundle with its own secrets; this job's are applied on top.
  const result = sink.redactor.redactOwnedValue(merged);
  const checkRun = await context.checkRun;
  await publish(
    result,
    { inputs, workspace: context.workspace, env: context.env, history: undefined },
    checkRun,
    sink,
  );
  if (result.decision === 'no-go' && inputs.failOn !== 'never') {
    sink.fail(stripControlAndLineBreaks(`No-Go: ${result.basis.map(basisLine).join('; ')}`));
  }
}
