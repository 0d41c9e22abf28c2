// Every report of a decided result, for the action: terminal table, bundle, job summary,
// annotations, check run, short summary, pull-request comment, deployment status and outputs. Used
// by a gate run and by a merge alike; each report is attempted even when another fails.
import { resolve } from 'node:path';
import { messageOf } from './engine/run.js';
import type { ActionInputs } from './inputs.js';
import type { GateResult } from './engine/results.js';
import { writeBundle, type BundlePaths } from './report/bundle.js';
import { annotationsFor, type PendingCheckRun } from './report/check-run-flow.js';
import { renderComment } from './report/comment.js';
import { bundleBaseName } from './report/label.js';
import { JOB_SUMMARY_LIMIT_BYTES, renderMarkdown } from './report/markdown.js';
import { stepOutputs } from './report/outputs.js';
import type { PublicResult } from './report/redact.js';
import type { ArtefactSink } from './report/sink.js';
import { renderTerminal } from './report/terminal.js';
import { renderTrend, type PublicHistory } from './report/trend.js';
import { workflowRunUrl } from './github/context.js';
import { actOnDecision, type DecisionLinks } from './act-on-decision.js';

/** Where the reports go and what they carry besides the result. */
export interface PublishContext {
  inputs: ActionInputs;
  workspace: string;
  env: NodeJS.ProcessEnv;
  history: PublicHistory | undefined;
}

/** Writes every report; each one is attempted even when another fails, so nothing gathered is lost. */
export async function publish(
  result: PublicResult,
  context: PublishContext,
  checkRun: PendingCheckRun | undefined,
  sink: ArtefactSink,
): Promise<void> {
  const { inputs, workspace, env, history } = context;
  sink.log('info', renderTerminal(result, { colour: true }));
  let bundle: BundlePaths | undefined;
  try {
    bundle = await writeBundle(result, resolve(workspace, inputs.outputDir), sink, history);
  } catch (error) {
    sink.log('warning', `The report bundle could not be written to ${inputs.outputDir}: ${messageOf(error)}`);
  }
  const fullReport = bundle ? `${inputs.outputDir}/${bundleBaseName(result)}.md` : undefined;
  const trend = history ? `\n${renderTrend(history)}` : '';
  const budget = JOB_SUMMARY_LIMIT_BYTES - 1024 - Buffer.byteLength(trend);
  const full = bundle?.report;
  await sink.summary(
    renderMarkdown(result, {
      maxBytes: budget,
      ...(fullReport ? { fullReport } : {}),
      ...(full ? { full } : {}),
    }) + trend,
  );
  annotate(result, sink);
  for (const warning of result.warnings) sink.log('warning', warning);
  const posted = await checkRun?.finish(result, sink, fullReport);
  const links = { ...(posted ? { checkRunUrl: posted.url } : {}), ...(history ? { history } : {}) };
  // Next to the bundle; when the bundle could not be written, its warning already said why.
  const summaryPath = bundle ? await writeShortSummary(result, context, links, sink) : '';
  // A shard decides only its slice: the merge job comments and sets the deployment's status.
  if (result.shard) {
    if (inputs.comment !== 'never' || inputs.deploymentId !== '')
      sink.log(
        'info',
        'Shard run: the pull-request comment and the deployment status are left to the merge job.',
      );
  } else {
    await actOnDecision(result, inputs, env, sink, links);
  }
  const outputs = stepOutputs(result, bundle, posted, summaryPath);
  for (const [name, value] of Object.entries(outputs)) sink.output(name, value);
}

/** `<output-dir>/<bundle base>.summary.md`: the comment's text, for a notification step; '' when it cannot be written. */
async function writeShortSummary(
  result: PublicResult,
  context: PublishContext,
  links: DecisionLinks,
  sink: ArtefactSink,
): Promise<string> {
  // The name is built apart from `resolve`: ncc reads a path expression it can half-evaluate as an
  // asset pattern and would copy every `*.summary.md` of the repository into dist/.
  const fileName = `${bundleBaseName(result)}.summary.md`;
  const path = resolve(context.workspace, context.inputs.outputDir, fileName);
  const runUrl = workflowRunUrl(context.env);
  try {
    await sink.file(path, renderComment(result, { ...links, ...(runUrl ? { runUrl } : {}) }), 'markdown');
    return path;
  } catch (error) {
    sink.log('warning', `The short summary could not be written to ${path}: ${messageOf(error)}`);
    return '';
  }
}

/** Log annotations on the gate file's lines (shown on the workflow run), one per row that did not pass. */
function annotate(result: PublicResult, sink: ArtefactSink): void {
  for (const annotation of annotationsFor(result)) {
    const place = { title: annotation.title, file: annotation.path, startLine: annotation.startLine };
    sink.log(annotation.level === 'failure' ? 'error' : 'warning', annotation.message, place);
  }
}

/** One line of the failure message per reason for the No-Go. */
export function basisLine(basis: GateResult['basis'][number]): string {
  if (basis.kind === 'all-passed') return 'all passed';
  const what = basis.kind === 'precondition-not-passed' ? 'precondition' : 'P0 scenario';
  return `${what} "${basis.name}" is ${basis.status}`;
}
