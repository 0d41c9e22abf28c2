import { parseArgs } from 'node:util';
import { parseDuration } from '../shared/duration.js';
import { parseEnvironmentList } from '../engine/merge-validate.js';
import { parseShard, type ShardSpec } from '../engine/shard.js';
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
  /** `--environment`: the run's label, as the action's `environment` input. */
  environment?: string;
  /** `--shard K/N`: only the K-th of N slices of the scenarios. */
  shard?: ShardSpec;
}

/** `merge FILES… --out DIR`: bundles of matrix jobs into one decision. */
export interface MergeOptions {
  /** Bundle files or globs, as the user wrote them. */
  patterns: string[];
  out: string;
  json: boolean;
  language?: 'en' | 'ru';
  failOn: 'no-go' | 'new-failures' | 'never';
  /** `--environment` (repeated or comma-separated): the environments that must have bundles. */
  environments?: string[];
}

export interface ValidateOptions {
  files: string[];
  requireEnv: boolean;
}

/** What the command line asks for. */
export type Command =
  | { name: 'help'; topic: 'main' | 'run' | 'validate' | 'merge' }
  | { name: 'version' }
  | { name: 'validate'; options: ValidateOptions }
  | { name: 'run'; options: RunOptions }
  | { name: 'merge'; options: MergeOptions };

/** Parses argv (without node and the script); throws UsageError for anything it cannot use. */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('no command given; use validate or run');
  if (first === '-h' || first === '--help' || first === 'help') return { name: 'help', topic: 'main' };
  if (first === '-v' || first === '--version' || first === 'version') return { name: 'version' };
  if (first === 'validate') return parseValidate(rest);
  if (first === 'run') return parseRun(rest);
  if (first === 'merge') return parseMerge(rest);
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}' before the command`);
  throw new UsageError(`unknown command '${first}'; use validate, run or merge`);
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
    environment: { type: 'string' },
    shard: { type: 'string' },
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
  const language = languageOf(values.language);
  if (language) options.language = language;
  if (values.environment !== undefined) {
    const environment = String(values.environment).trim();
    if (environment === '' || environment.length > 64 || /[\p{Cc}\p{Cf}]/u.test(environment))
      throw new UsageError(
        '--environment must be a short one-line label (1 to 64 characters), such as staging',
      );
    options.environment = environment;
  }
  if (values.shard !== undefined) {
    const shard = parseShard(String(values.shard));
    if ('problem' in shard) throw new UsageError(`--shard ${shard.problem}`);
    options.shard = shard;
  }
  return { name: 'run', options };
}

function languageOf(value: string | boolean | string[] | undefined): 'en' | 'ru' | undefined {
  if (value === undefined) return undefined;
  const language = String(value);
  if (language !== 'en' && language !== 'ru')
    throw new UsageError(`--language is '${language}'; use en or ru`);
  return language;
}

function parseMerge(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o', default: 'gate-report' },
    json: { type: 'boolean', default: false },
    language: { type: 'string' },
    'fail-on': { type: 'string', default: 'no-go' },
    environment: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return { name: 'help', topic: 'merge' };
  const listed = values.environment as string[] | undefined;
  const expected = listed ? parseEnvironmentList(listed.join(',')) : undefined;
  if (expected && 'problem' in expected) throw new UsageError(`--environment ${expected.problem}`);
  if (expected && expected.names.length === 0)
    throw new UsageError(
      '--environment is empty; name the environments the matrix ran, e.g. staging,prod-eu',
    );
  if (positionals.length === 0)
    throw new UsageError(
      'merge needs the bundle files of the jobs, e.g. merge bundles/*.json --out gate-report',
    );
  const out = String(values.out);
  if (out.trim() === '') throw new UsageError('--out is empty; name a directory for the merged bundle');
  const failOn = String(values['fail-on']);
  if (failOn !== 'no-go' && failOn !== 'new-failures' && failOn !== 'never')
    throw new UsageError(`--fail-on is '${failOn}'; use no-go, new-failures or never`);
  const options: MergeOptions = { patterns: positionals, out, json: values.json === true, failOn };
  const language = languageOf(values.language);
  if (language) options.language = language;
  if (expected) options.environments = expected.names;
  return { name: 'merge', options };
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
