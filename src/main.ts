import { isAbsolute, resolve } from 'node:path';
import { DeferredCore, readInput } from './actions-core.js';
import { runnerSink } from './action-sink.js';
import type { Baseline } from './baseline/compare.js';
import { resolveBaseline } from './baseline/resolve.js';
import { loadGateFile } from './config/load.js';
import type { Gate } from './config/model.js';
import { ConfigError, formatProblem } from './config/problems.js';
import { decisionModeFor } from './engine/decision.js';
import { messageOf } from './engine/run.js';
import type { GateResult } from './engine/results.js';
import { runGate } from './run-gate.js';
import { registerKnownSecrets } from './secrets.js';
import { getInputs, type ActionInputs } from './inputs.js';
import { probeRegistry } from './probes/registry.js';
import { writeBundle, type BundlePaths } from './report/bundle.js';
import { annotationsFor, openCheckRun, type PendingCheckRun } from './report/check-run-flow.js';
import { JOB_SUMMARY_LIMIT_BYTES, renderMarkdown } from './report/markdown.js';
import { stepOutputs } from './report/outputs.js';
import { Redactor, type PublicResult } from './report/redact.js';
import type { ArtefactSink } from './report/sink.js';
import { renderTerminal } from './report/terminal.js';
import { stripControlAndLineBreaks } from './report/escape.js';
import { renderTrend, type PublicHistory } from './report/trend.js';
import { renderComment } from './report/comment.js';
import { workflowRunUrl } from './github/context.js';
import { actOnDecision, startHistory, trendOf, type DecisionLinks } from './act-on-decision.js';

/** The action's entry: inputs -> gate -> evidence -> decision -> reports. The only place that fails the step. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const redactor = new Redactor();
  const actions = new DeferredCore();
  // Every artefact leaves through this sink; nothing below writes to the runner directly.
  const sink = runnerSink(redactor, actions, env);
  try {
    const inputs = getInputs((name) => readInput(env, name));
    const mask = (value: string): void => actions.call((core) => core.setSecret(value));
    registerKnownSecrets(env, redactor, mask, [inputs.githubToken]);
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const gate = await loadGate(inputs, workspace, env, sink);
    if (!gate) return;
    const warn = (message: string): void => sink.log('warning', message);
    // The check run is created while the baseline and the evidence are gathered, not before.
    const checkRun = openCheckRunIfWanted(inputs, env, warn);
    const baseline = await resolveBaseline(inputs.baseline, {
      gateId: gate.meta.id,
      workspace,
      env,
      token: inputs.githubToken,
      artifactName: inputs.artifactName,
      notice: (message) => sink.log('notice', message),
      warn,
    });
    // Earlier runs' bundles are read while the evidence is gathered.
    const earlier = startHistory(inputs, env, gate.meta.id, sink);
    const result = await evaluate(gate, { inputs, workspace, env, redactor, baseline, sink, mask });
    // From here on only the redacted result exists for the reports.
    const publicResult = redactor.redactValue(result);
    const history = await trendOf(publicResult, await earlier, inputs, env, sink);
    await publish(publicResult, { inputs, workspace, env, history }, await checkRun, sink);
    if (publicResult.decision === 'no-go' && inputs.failOn !== 'never') {
      sink.fail(stripControlAndLineBreaks(`No-Go: ${publicResult.basis.map(basisLine).join('; ')}`));
    }
  } catch (error) {
    sink.fail(messageOf(error));
  } finally {
    // Replays whatever was queued before @actions/core loaded.
    await actions.load();
  }
}

async function loadGate(
  inputs: ActionInputs,
  workspace: string,
  env: NodeJS.ProcessEnv,
  sink: ArtefactSink,
): Promise<Gate | undefined> {
  const path = isAbsolute(inputs.config) ? inputs.config : resolve(workspace, inputs.config);
  try {
    const gate = await loadGateFile(path, { file: inputs.config, env, probes: probeRegistry });
    if (inputs.language) gate.meta.language = inputs.language;
    return gate;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // A problem can quote an expanded ${VAR}: redact the problems as data before formatting them.
    const problems = sink.redactor.redactValue(error.problems);
    for (const problem of problems) {
      sink.log('error', problem.message, {
        title: 'Invalid gate file',
        file: problem.file,
        startLine: problem.line,
        startColumn: problem.column,
      });
    }
    const list = problems.map((problem) => `- ${formatProblem(problem)}`).join('\n');
    await sink.summary(`# ❌ Invalid gate file\n\nNo check was run. Fix these and run again:\n\n${list}\n`);
    sink.fail(
      `${inputs.config} has ${problems.length} problem(s); no check was run:\n${sink.redactor.redact(error.message)}`,
    );
    return undefined;
  }
}
function openCheckRunIfWanted(
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): Promise<PendingCheckRun | undefined> {
  if (!inputs.checkRun) return Promise.resolve(undefined);
  if (!inputs.githubToken) {
    warn('No check run: the github-token input is empty.');
    return Promise.resolve(undefined);
  }
  return openCheckRun({
    token: inputs.githubToken,
    name: inputs.checkName,
    sha: inputs.sha,
    env,
    warn,
  }).catch((error: unknown) => {
    warn(`No check run: ${messageOf(error)}`);
    return undefined;
  });
}

interface EvaluationContext {
  inputs: ActionInputs;
  workspace: string;
  env: NodeJS.ProcessEnv;
  redactor: Redactor;
  baseline: Baseline | undefined;
  sink: ArtefactSink;
  mask: (value: string) => void;
}

function evaluate(gate: Gate, context: EvaluationContext): Promise<GateResult> {
  const { inputs, sink } = context;
  return runGate(gate, {
    env: context.env,
    workspace: context.workspace,
    ...(inputs.githubToken ? { githubToken: inputs.githubToken } : {}),
    redactor: context.redactor,
    mask: context.mask,
    debug: (message) => sink.log('debug', message),
    concurrency: inputs.concurrency,
    gateTimeoutMs: inputs.gateTimeoutMs,
    ...(context.baseline ? { baseline: context.baseline } : {}),
    decisionMode: decisionModeFor(inputs.failOn),
    onScenario: (scenario) => sink.log('debug', `finished: ${scenario.name}`),
  });
}

/** Where the reports go and what they carry besides the result. */
interface PublishContext {
  inputs: ActionInputs;
  workspace: string;
  env: NodeJS.ProcessEnv;
  history: PublicHistory | undefined;
}

/** Writes every report; each one is attempted even when another fails, so nothing gathered is lost. */
async function publish(
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
  const fullReport = bundle ? `${inputs.outputDir}/${result.gate.id}.md` : undefined;
  const trend = history ? `\n${renderTrend(history)}` : '';
  const budget = JOB_SUMMARY_LIMIT_BYTES - 1024 - Buffer.byteLength(trend);
  await sink.summary(renderMarkdown(result, { maxBytes: budget, fullReport }) + trend);
  annotate(result, sink);
  for (const warning of result.warnings) sink.log('warning', warning);
  const posted = await checkRun?.finish(result, sink, fullReport);
  const links = { ...(posted ? { checkRunUrl: posted.url } : {}), ...(history ? { history } : {}) };
  // Next to the bundle; when the bundle could not be written, its warning already said why.
  const summaryPath = bundle ? await writeShortSummary(result, context, links, sink) : '';
  await actOnDecision(result, inputs, env, sink, links);
  const outputs = stepOutputs(result, bundle, posted, summaryPath);
  for (const [name, value] of Object.entries(outputs)) sink.output(name, value);
}

/** `<output-dir>/<gate.id>.summary.md`: the comment's text, for a notification step; '' when it cannot be written. */
async function writeShortSummary(
  result: PublicResult,
  context: PublishContext,
  links: DecisionLinks,
  sink: ArtefactSink,
): Promise<string> {
  const path = resolve(context.workspace, context.inputs.outputDir, `${result.gate.id}.summary.md`);
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

function basisLine(basis: GateResult['basis'][number]): string {
  if (basis.kind === 'all-passed') return 'all passed';
  const what = basis.kind === 'precondition-not-passed' ? 'precondition' : 'P0 scenario';
  return `${what} "${basis.name}" is ${basis.status}`;
}
