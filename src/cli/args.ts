import { parseArgs } from 'node:util';
import { parseDuration } from '../shared/duration.js';
import { UsageError } from './usage.js';

/** The gate file used when none is named, as in the action's `config` input. */
export const DEFAULT_GATE_FILE = '.github/regression-gate.yml';

export interface RunOptions {
  /** The gate file as the user wrote it. */
  file: string;
  /** Bundle directory as the user wrote it. */
  out: string;
  json: boolean;
  /** Scenario or precondition ids or names; empty runs everything. */
  only: string[];
  concurrency: number;
  gateTimeoutMs: number;
  language?: 'en' | 'ru';
  verbose: boolean;
}

export interface ValidateOptions {
  files: string[];
  requireEnv: boolean;
}

/** What the command line asks for. */
export type Command =
  | { name: 'help'; topic: 'main' | 'run' | 'validate' }
  | { name: 'version' }
  | { name: 'validate'; options: ValidateOptions }
  | { name: 'run'; options: RunOptions };

/** Parses argv (without node and the script); throws UsageError for anything it cannot use. */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('no command given; use validate or run');
  if (first === '-h' || first === '--help' || first === 'help') return { name: 'help', topic: 'main' };
  if (first === '-v' || first === '--version' || first === 'version') return { name: 'version' };
  if (first === 'validate') return parseValidate(rest);
  if (first === 'run') return parseRun(rest);
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}' before the command`);
  throw new UsageError(`unknown command '${first}'; use validate or run`);
}

function parseValidate(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv, {
    'require-env': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return { name: 'help', topic: 'validate' };
  return {
    name: 'validate',
    options: {
      files: positionals.length > 0 ? positionals : [DEFAULT_GATE_FILE],
      requireEnv: values['require-env'] === true,
    },
  };
}

function parseRun(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o', default: 'gate-report' },
    json: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true, default: [] },
    concurrency: { type: 'string', default: '8' },
    timeout: { type: 'string', default: '15m' },
    language: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return { name: 'help', topic: 'run' };
  if (positionals.length > 1) {
    throw new UsageError(
      `run takes one gate file, got ${positionals.length} (${positionals.join(', ')}); run them one at a time`,
    );
  }
  const concurrencyText = String(values.concurrency);
  const concurrency = Number(concurrencyText);
  if (!/^\d+$/.test(concurrencyText) || concurrency < 1 || concurrency > 64) {
    throw new UsageError(`--concurrency is '${concurrencyText}'; use a whole number from 1 to 64`);
  }
  const timeoutText = String(values.timeout);
  const gateTimeoutMs = parseDuration(timeoutText);
  if (gateTimeoutMs === undefined || gateTimeoutMs <= 0) {
    throw new UsageError(`--timeout is '${timeoutText}'; write a duration like 10m, 90s or 1h`);
  }
  const out = String(values.out);
  if (out.trim() === '') throw new UsageError('--out is empty; name a directory for the report bundle');
  const options: RunOptions = {
    file: positionals[0] ?? DEFAULT_GATE_FILE,
    out,
    json: values.json === true,
    only: (values.only as string[]).map((item) => item.trim()).filter((item) => item !== ''),
    concurrency,
    gateTimeoutMs,
    verbose: values.verbose === true,
  };
  if (values.language !== undefined) {
    const language = String(values.language);
    if (language !== 'en' && language !== 'ru') {
      throw new UsageError(`--language is '${language}'; use en or ru`);
    }
    options.language = language;
  }
  return { name: 'run', options };
}

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse(
  argv: readonly string[],
  options: NonNullable<OptionSpec>,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return {
      values: parsed.values as Record<string, string | boolean | string[] | undefined>,
      positionals: parsed.positionals,
    };
  } catch (error) {
    // node:util's messages are already one clear line ("Unknown option '--x'"); drop its hint about '--'.
    const message =
      error instanceof Error ? error.message.split('. To specify a positional')[0]! : String(error);
    throw new UsageError(message.replace(/\.$/, ''));
  }
}
