import { isAbsolute, resolve } from 'node:path';
import { DeferredCore, readInput, type Core } from './actions-core.js';
import type { Baseline } from './baseline/compare.js';
import { resolveBaseline } from './baseline/resolve.js';
import { loadGateFile } from './config/load.js';
import type { Gate } from './config/model.js';
import { ConfigError, formatProblem } from './config/problems.js';
import { messageOf } from './engine/run.js';
import type { GateResult } from './engine/results.js';
import { registerKnownSecrets, runGate } from './environment.js';
import { getInputs, type ActionInputs } from './inputs.js';
import { probeRegistry } from './probes/registry.js';
import { writeBundle, type BundlePaths } from './report/bundle.js';
import { annotationsFor, beginCheckRun, type PendingCheckRun } from './report/check-run-flow.js';
import { JOB_SUMMARY_LIMIT_BYTES, renderMarkdown } from './report/markdown.js';
import { stepOutputs } from './report/outputs.js';
import { Redactor } from './report/redact.js';
import { renderTerminal } from './report/terminal.js';
import { oneLine } from './report/escape.js';

/** The action's entry: inputs -> gate -> evidence -> decision -> reports. The only place that fails the step. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const redactor = new Redactor();
  const actions = new DeferredCore();
  try {
    const inputs = getInputs((name) => readInput(env, name));
    const mask = (value: string): void => actions.call((core) => core.setSecret(value));
    registerKnownSecrets(env, redactor, mask, [inputs.githubToken]);
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const gate = await loadGate(inputs, workspace, env, actions);
    if (!gate) return;
    const warn = (message: string): void => actions.call((core) => core.warning(redactor.redact(message)));
    // The check run is created while the baseline and the evidence are gathered, not before.
    const checkRun = startCheckRun(inputs, env, warn);
    const baseline = await resolveBaseline(inputs.baseline, {
      gateId: gate.meta.id,
      workspace,
      env,
      token: inputs.githubToken,
      artifactName: inputs.artifactName,
      notice: (message) => actions.call((core) => core.notice(message)),
      warn,
    });
    const result = await evaluate(gate, { inputs, workspace, env, redactor, baseline, actions, mask });
    const core = await actions.load();
    await publish(result, inputs, workspace, redactor, await checkRun, core);
    if (result.decision === 'no-go' && inputs.failOn !== 'never') {
      core.setFailed(redactor.redact(oneLine(`No-Go: ${result.basis.map(basisLine).join('; ')}`)));
    }
  } catch (error) {
    (await actions.load()).setFailed(redactor.redact(messageOf(error)));
  }
}

async function loadGate(
  inputs: ActionInputs,
  workspace: string,
  env: NodeJS.ProcessEnv,
  actions: DeferredCore,
): Promise<Gate | undefined> {
  const path = isAbsolute(inputs.config) ? inputs.config : resolve(workspace, inputs.config);
  try {
    const gate = await loadGateFile(path, { file: inputs.config, env, probes: probeRegistry });
    if (inputs.language) gate.meta.language = inputs.language;
    return gate;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const core = await actions.load();
    for (const problem of error.problems) {
      core.error(problem.message, {
        title: 'Invalid gate file',
        file: problem.file,
        startLine: problem.line,
        startColumn: problem.column,
      });
    }
    const list = error.problems.map((problem) => `- ${formatProblem(problem)}`).join('\n');
    await writeJobSummary(
      core,
      `# ❌ Invalid gate file\n\nNo check was run. Fix these and run again:\n\n${list}\n`,
    );
    core.setFailed(
      `${inputs.config} has ${error.problems.length} problem(s); no check was run:\n${error.message}`,
    );
    return undefined;
  }
}

function startCheckRun(
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): Promise<PendingCheckRun | undefined> {
  if (!inputs.checkRun) return Promise.resolve(undefined);
  if (!inputs.githubToken) {
    warn('No check run: the github-token input is empty.');
    return Promise.resolve(undefined);
  }
  return beginCheckRun({
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
  actions: DeferredCore;
  mask: (value: string) => void;
}

function evaluate(gate: Gate, context: EvaluationContext): Promise<GateResult> {
  const { inputs, actions } = context;
  return runGate(gate, {
    env: context.env,
    workspace: context.workspace,
    ...(inputs.githubToken ? { githubToken: inputs.githubToken } : {}),
    redactor: context.redactor,
    mask: context.mask,
    debug: (message) => actions.call((core) => core.debug(message)),
    concurrency: inputs.concurrency,
    gateTimeoutMs: inputs.gateTimeoutMs,
    ...(context.baseline ? { baseline: context.baseline } : {}),
    decisionMode: inputs.failOn === 'new-failures' ? 'new-failures' : 'all',
    onScenario: (scenario) => actions.call((core) => core.debug(`finished: ${scenario.name}`)),
  });
}

/** Writes every report; each one is attempted even when another fails, so nothing gathered is lost. */
async function publish(
  result: GateResult,
  inputs: ActionInputs,
  workspace: string,
  redactor: Redactor,
  checkRun: PendingCheckRun | undefined,
  core: Core,
): Promise<void> {
  core.info(redactor.redact(renderTerminal(result, { colour: true })));
  let bundle: BundlePaths | undefined;
  try {
    bundle = await writeBundle(result, resolve(workspace, inputs.outputDir), redactor);
  } catch (error) {
    core.warning(
      `The report bundle could not be written to ${inputs.outputDir}: ${redactor.redact(messageOf(error))}`,
    );
  }
  const fullReport = bundle ? `${inputs.outputDir}/${result.gate.id}.md` : undefined;
  const summary = renderMarkdown(result, { maxBytes: JOB_SUMMARY_LIMIT_BYTES - 1024, fullReport });
  await writeJobSummary(core, redactor.redact(summary));
  annotate(result, redactor, core);
  for (const warning of result.warnings) core.warning(redactor.redact(warning));
  const posted = await checkRun?.finish(result, redactor, fullReport);
  for (const [name, value] of Object.entries(stepOutputs(result, bundle, posted))) {
    core.setOutput(name, redactor.redact(value));
  }
}

/** Log annotations on the gate file's lines (shown on the workflow run), one per row that did not pass. */
function annotate(result: GateResult, redactor: Redactor, core: Core): void {
  for (const annotation of annotationsFor(result)) {
    const properties = {
      title: redactor.redact(annotation.title),
      file: annotation.path,
      startLine: annotation.startLine,
    };
    const message = redactor.redact(annotation.message);
    if (annotation.level === 'failure') core.error(message, properties);
    else core.warning(message, properties);
  }
}

async function writeJobSummary(core: Core, markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('GITHUB_STEP_SUMMARY is not set (not on a runner?); the job summary was skipped.');
    return;
  }
  try {
    await core.summary.addRaw(markdown).write({ overwrite: false });
  } catch (error) {
    core.warning(`The job summary could not be written: ${messageOf(error)}`);
  }
}

function basisLine(basis: GateResult['basis'][number]): string {
  if (basis.kind === 'all-passed') return 'all passed';
  const what = basis.kind === 'precondition-not-passed' ? 'precondition' : 'P0 scenario';
  return `${what} "${basis.name}" is ${basis.status}`;
}
