import { resolve } from 'node:path';
import { loadGateFile } from '../config/load.js';
import type { Gate, Scenario } from '../config/model.js';
import { ConfigError, formatProblem } from '../config/problems.js';
import { runGate } from '../run-gate.js';
import { selectShard, type ShardInfo } from '../engine/shard.js';
import { probeRegistry } from '../probes/registry.js';
import type { BundlePaths } from '../report/bundle.js';
import type { PublicResult } from '../report/redact.js';
import type { RunOptions } from './args.js';
import { EXIT, type CliIo } from './io.js';
import { Progress } from './progress.js';
import { writeAndPrint } from './report.js';
import { cliSink } from './sink.js';
import { UsageError } from './usage.js';

/** What a run of the CLI ended with; the demo reads it to print its footer. */
export interface RunOutcome {
  exitCode: number;
  /** The redacted result, as every report showed it. */
  result?: PublicResult;
  bundle?: BundlePaths;
}

/** `regression-gate run`: load, evaluate against the sources in `io.env`, print, write the bundle. */
export async function runCommand(options: RunOptions, io: CliIo): Promise<RunOutcome> {
  const githubToken = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || undefined;
  // Every line this command prints, and the bundle, leave through this sink.
  const sink = cliSink(io, { verbose: options.verbose, extra: githubToken ? [githubToken] : [] });
  const say = (text: string): void => sink.log('info', text);

  let gate: Gate;
  try {
    gate = await loadGateFile(resolve(io.cwd, options.file), {
      file: options.file,
      env: io.env,
      probes: probeRegistry,
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of sink.redactor.redactValue(error.problems)) say(`${formatProblem(problem)}\n`);
    say(`${options.file} has ${error.problems.length} problem(s); no check was run.\n`);
    return { exitCode: EXIT.invalid };
  }
  if (options.language) gate.meta.language = options.language;
  if (options.environment) gate.meta.environment = options.environment;
  if (options.only.length > 0) gate = selectOnly(gate, options.only);
  let shard: ShardInfo | undefined;
  if (options.shard) ({ gate, shard } = selectShard(gate, options.shard));

  const progress = new Progress(gate, io, say);
  progress.start(options);
  const evaluated = await runGate(gate, {
    env: io.env,
    workspace: io.cwd,
    ...(githubToken ? { githubToken } : {}),
    redactor: sink.redactor,
    mask: () => undefined,
    debug: (message) => sink.log('debug', `${message}\n`),
    concurrency: options.concurrency,
    gateTimeoutMs: options.gateTimeoutMs,
    onScenario: (scenario) => progress.finished(scenario),
  });
  if (options.environment) evaluated.environment = options.environment;
  if (shard) evaluated.shard = shard;
  const result = sink.redactor.redactValue(evaluated);

  const bundle = await writeAndPrint(result, options, io, sink, 'report bundle');
  return { exitCode: result.decision === 'go' ? EXIT.go : EXIT.noGo, result, ...(bundle ? { bundle } : {}) };
}

/**
 * Keeps only the rows `--only` names (by id or name). Preconditions not named are left out too:
 * trying one scenario from a laptop should not need the deploy run that gates the whole file.
 */
export function selectOnly(gate: Gate, only: readonly string[]): Gate {
  const rows = [...gate.preconditions, ...gate.scenarios];
  const matches = (scenario: Scenario, wanted: string): boolean =>
    scenario.id === wanted ||
    scenario.name === wanted ||
    scenario.name.toLowerCase() === wanted.toLowerCase();
  for (const wanted of only) {
    if (!rows.some((scenario) => matches(scenario, wanted))) {
      const ids = rows.map((scenario) => scenario.id).join(', ');
      throw new UsageError(
        `--only '${wanted}' matches no scenario or precondition of ${gate.file}; ids: ${ids}`,
      );
    }
  }
  const keep = (scenario: Scenario): boolean => only.some((wanted) => matches(scenario, wanted));
  return { ...gate, preconditions: gate.preconditions.filter(keep), scenarios: gate.scenarios.filter(keep) };
}
