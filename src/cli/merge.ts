import { decisionModeFor } from '../engine/decision.js';
import { mergeBundles } from '../engine/merge.js';
import { foundEnvironmentsNotice, readMergeInputs } from '../merge-files.js';
import { TOOL } from '../version.js';
import type { MergeOptions } from './args.js';
import { EXIT, type CliIo } from './io.js';
import { writeAndPrint } from './report.js';
import { cliSink } from './sink.js';

/** `regression-gate merge FILES… --out DIR`: the bundles of matrix jobs into one decision; no check runs. */
export async function mergeCommand(options: MergeOptions, io: CliIo): Promise<number> {
  const githubToken = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || undefined;
  const sink = cliSink(io, { extra: githubToken ? [githubToken] : [] });
  const files = await readMergeInputs(options.patterns, io.cwd);
  const result = sink.redactor.redactOwnedValue(
    mergeBundles(files, {
      mode: decisionModeFor(options.failOn),
      now: new Date(),
      tool: TOOL,
      gateFile: '.github/regression-gate.yml',
      ...(options.language ? { language: options.language } : {}),
      ...(options.environments ? { expected: { names: options.environments, from: '--environment' } } : {}),
    }),
  );
  if (!options.environments) sink.log('notice', `${foundEnvironmentsNotice(result, '--environment a,b')}\n`);
  await writeAndPrint(result, options, io, sink, 'merged bundle');
  if (result.decision === 'go' || options.failOn === 'never') return EXIT.go;
  return EXIT.noGo;
}
