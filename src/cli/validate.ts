import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expandVariables } from '../config/expand.js';
import { loadGateFile } from '../config/load.js';
import type { Gate } from '../config/model.js';
import { ConfigError, formatProblem } from '../config/problems.js';
import { probeRegistry } from '../probes/registry.js';
import type { ValidateOptions } from './args.js';
import { EXIT, type CliIo } from './io.js';
import { cliSink } from './sink.js';

// Fits every field a variable usually fills: a URL host, a run id, a namespace, a duration.
const PLACEHOLDER = '1';
// A variable named …URL usually fills a whole URL (`url: ${PROMETHEUS_URL}`), which '1' is not.
const URL_PLACEHOLDER = 'http://1';

function placeholderFor(name: string): string {
  return /URL$/i.test(name) ? URL_PLACEHOLDER : PLACEHOLDER;
}

/** `regression-gate validate`: every problem of every file, as file:line:col: message. */
export async function validateCommand(options: ValidateOptions, io: CliIo): Promise<number> {
  // Problems can quote expanded values; everything printed leaves through the sink.
  const sink = cliSink(io);
  let valid = true;
  for (const file of options.files) {
    const path = resolve(io.cwd, file);
    const unset = options.requireEnv ? [] : await unsetVariables(path, io.env);
    const env = { ...io.env, ...Object.fromEntries(unset.map((name) => [name, placeholderFor(name)])) };
    try {
      const gate = await loadGateFile(path, { file, env, probes: probeRegistry });
      sink.stdout(`${file}: ok — ${summary(gate)}\n`);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      valid = false;
      for (const problem of sink.redactor.redactValue(error.problems))
        sink.stdout(`${formatProblem(problem)}\n`);
      sink.stdout(`${file}: ${error.problems.length} problem(s)\n`);
    }
    if (unset.length > 0) {
      sink.log(
        'info',
        `${file}: note: ${unset.map((name) => `\${${name}}`).join(', ')} ${unset.length === 1 ? 'is' : 'are'} not set here and ${unset.length === 1 ? 'was' : 'were'} checked with a placeholder; 'run' needs ${unset.length === 1 ? 'it' : 'them'} (--require-env makes this an error)\n`,
      );
    }
  }
  return valid ? EXIT.go : EXIT.invalid;
}

/** Variables the file references without a default that this environment does not set. */
async function unsetVariables(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    // The loader reports a missing or unreadable file with its own message.
    return [];
  }
  return [...new Set(expandVariables(text, env).missing)];
}

function summary(gate: Gate): string {
  const checks = [...gate.preconditions, ...gate.scenarios].reduce(
    (total, scenario) => total + scenario.checks.length,
    0,
  );
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${gate.meta.id}: ${plural(gate.preconditions.length, 'precondition')}, ${plural(gate.scenarios.length, 'scenario')}, ${plural(checks, 'check')}`;
}
