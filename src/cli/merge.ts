import { resolve } from 'node:path';
import { decisionModeFor } from '../engine/decision.js';
import { mergeBundles } from '../engine/merge.js';
import { messageOf } from '../engine/run.js';
import { foundEnvironmentsNotice, readMergeInputs } from '../merge-files.js';
import { bundleJson, writeBundle, type BundlePaths } from '../report/bundle.js';
import { renderTerminal } from '../report/terminal.js';
import { TOOL } from '../version.js';
import type { MergeOptions } from './args.js';
import { EXIT, useColour, type CliIo } from './io.js';
import { shown } from './run.js';
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
  let bundle: BundlePaths | undefined;
  try {
    bundle = await writeBundle(result, resolve(io.cwd, options.out), sink);
  } catch (error) {
    sink.log('warning', `the merged bundle could not be written to ${options.out}: ${messageOf(error)}\n`);
  }
  if (options.json) {
    sink.stdout(bundleJson(result), 'json');
  } else {
    sink.stdout(`${renderTerminal(result, { colour: useColour(io), width: io.columns ?? 120 })}\n`);
    if (bundle)
      sink.stdout(`\nReport: ${shown(bundle.markdown, io.cwd)} and ${shown(bundle.json, io.cwd)}\n`);
  }
  if (result.decision === 'go' || options.failOn === 'never') return EXIT.go;
  return EXIT.noGo;
}
