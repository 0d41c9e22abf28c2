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
import { openCheckRun, type PendingCheckRun } from './report/check-run-flow.js';
import { Redactor } from './report/redact.js';
import type { ArtefactSink } from './report/sink.js';
import { stripControlAndLineBreaks } from './report/escape.js';
import { runLabel } from './report/label.js';
import { selectShard } from './engine/shard.js';
import { startHistory, trendOf } from './act-on-decision.js';
import { basisLine, publish } from './publish.js';
import { runMerge } from './merge-action.js';

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
    const warn = (message: string): void => sink.log('warning', message);
    if (inputs.merge !== '') {
      // A merge runs no probe: the bundles of earlier jobs become one decision.
      await runMerge(inputs, { workspace, env, sink, checkRun: openCheckRunIfWanted(inputs, env, warn, '') });
      return;
    }
    const loaded = await loadGate(inputs, workspace, env, sink);
    if (!loaded) return;
    const sharded = inputs.shard ? selectShard(loaded, inputs.shard) : undefined;
    const gate = sharded?.gate ?? loaded;
    const label = runLabel({
      ...(inputs.environment ? { environment: inputs.environment } : {}),
      ...(sharded ? { shard: sharded.shard } : {}),
    });
    // The check run is created while the baseline and the evidence are gathered, not before.
    const checkRun = openCheckRunIfWanted(inputs, env, warn, label);
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
    if (inputs.environment) result.environment = inputs.environment;
    if (sharded) result.shard = sharded.shard;
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
    // The run's label wins over the file's `gate.environment`: one gate file serves every environment.
    if (inputs.environment) gate.meta.environment = inputs.environment;
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
  label: string,
): Promise<PendingCheckRun | undefined> {
  if (!inputs.checkRun) return Promise.resolve(undefined);
  if (!inputs.githubToken) {
    warn('No check run: the github-token input is empty.');
    return Promise.resolve(undefined);
  }
  return openCheckRun({
    token: inputs.githubToken,
    // Each matrix job gets its own check run: `Regression Gate (staging · shard 2/4)`.
    name: label ? `${inputs.checkName} (${label})` : inputs.checkName,
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
