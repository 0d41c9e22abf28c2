import type { Baseline } from './baseline/compare.js';
import type { Gate, Scenario } from './config/model.js';
import type { DecisionMode } from './engine/decision.js';
import type { GateResult } from './engine/results.js';
import { evaluateGate } from './engine/run.js';
import { probeRegistry } from './probes/registry.js';
import { TOOL } from './version.js';
import type { ProbeEnvironment } from './probes/probe.js';
import type { Redactor } from './report/redact.js';

/**
 * Names of environment variables whose values are treated as secrets wherever they show up:
 * anything holding TOKEN, SECRET, PASSWORD, PRIVATE, CREDENTIAL, an API or access key, a DSN or a
 * connection string, and names ending in _PASS, _PWD, _PW, _KEY, _PIN, _SALT, _AUTH or _CREDS.
 * A bare PWD (the shell's working directory) is not one.
 */
export const SECRET_NAME = new RegExp(
  [
    'TOKEN',
    'SECRET',
    'PASSWORD',
    'PASSWD',
    'PASSPHRASE',
    'PRIVATE',
    'CREDENTIAL',
    'COOKIE',
    'AUTHORIZATION',
    '(API|ACCESS|AUTH|SIGNING|ENCRYPTION|MASTER|LICEN[CS]E)_?KEY',
    'DATABASE_URL',
    'DSN',
    'CONN(ECTION)?_?STR(ING)?',
    '_(PASS|PWD|PW|KEY|KEYS|PIN|SALT|AUTH|CREDS?)$',
  ].join('|'),
  'i',
);

/**
 * Values a secret-named variable holds when it is a setting, not a credential: a boolean word, or
 * a whole number of up to 7 digits with an optional unit (SESSION_TOKEN_TTL=3600, REDACT_TOKENS=true,
 * TOKEN_TIMEOUT=30s). Masking these would hide every "3600" and "true" in the reports. A credential a
 * probe actually uses is registered by the probe whatever it looks like.
 */
const SETTING_VALUE = /^(?:true|false|yes|no|on|off|null|none|[+-]?\d{1,7}(?:\.\d{1,3})?(?:ms|s|m|h|d)?)$/i;

/** True when an environment variable's name and value make it a secret (see SECRET_NAME, SETTING_VALUE). */
export function isSecretVariable(name: string, value: string | undefined): boolean {
  if (!value || name.startsWith('INPUT_CONFIG')) return false;
  return SECRET_NAME.test(name) && !SETTING_VALUE.test(value.trim());
}

/** A function that hides a value everywhere: removed from reports, and every form of it masked in logs. */
function secretAdder(redactor: Redactor, mask: (value: string) => void): (value: string | undefined) => void {
  return (value) => {
    for (const form of redactor.add(value)) mask(form);
  };
}

/** Registers secrets the process can know of before any probe runs: tokens, passwords, DSNs. */
export function registerKnownSecrets(
  env: Readonly<Record<string, string | undefined>>,
  redactor: Redactor,
  mask: (value: string) => void,
  extra: readonly string[] = [],
): void {
  const add = secretAdder(redactor, mask);
  for (const [name, value] of Object.entries(env)) {
    if (isSecretVariable(name, value)) add(value);
  }
  for (const value of extra) add(value);
}

/** The world as probes see it: sources, environment, workspace, token, secret registration. */
export function probeEnvironment(
  gate: Gate,
  settings: Pick<GateRunSettings, 'env' | 'workspace' | 'githubToken' | 'redactor' | 'mask' | 'debug'>,
): ProbeEnvironment {
  const environment: ProbeEnvironment = {
    sources: gate.sources,
    env: settings.env,
    workspace: settings.workspace,
    addSecret: secretAdder(settings.redactor, settings.mask),
    // Masked by the sink the caller writes it through.
    debug: settings.debug,
  };
  if (settings.githubToken) environment.githubToken = settings.githubToken;
  return environment;
}

/** Everything the action and the CLI decide before evaluating a gate. */
export interface GateRunSettings {
  env: Readonly<Record<string, string | undefined>>;
  workspace: string;
  githubToken?: string;
  redactor: Redactor;
  /** Hides a value from logs (the runner's add-mask; a no-op in a terminal). */
  mask: (value: string) => void;
  debug: (message: string) => void;
  concurrency: number;
  gateTimeoutMs: number;
  baseline?: Baseline;
  decisionMode?: DecisionMode;
  onScenario?: (scenario: Scenario) => void;
}

/** Evaluates a gate with the registered probes, as both the action and the CLI do. */
export function runGate(gate: Gate, settings: GateRunSettings): Promise<GateResult> {
  const environment = probeEnvironment(gate, settings);
  return evaluateGate(gate, {
    probes: probeRegistry,
    environment,
    concurrency: settings.concurrency,
    gateTimeoutMs: settings.gateTimeoutMs,
    tool: TOOL,
    ...(settings.baseline ? { baseline: settings.baseline } : {}),
    ...(settings.decisionMode ? { decisionMode: settings.decisionMode } : {}),
    ...(settings.onScenario ? { onScenario: settings.onScenario } : {}),
  });
}
