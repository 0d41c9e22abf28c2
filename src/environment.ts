import type { Gate } from './config/model.js';
import type { ProbeEnvironment } from './probes/probe.js';
import type { Redactor } from './report/redact.js';

/** Names of environment variables whose values are treated as secrets wherever they show up. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|API_?KEY|DATABASE_URL|DSN/i;

/** Registers secrets the process can know of before any probe runs: tokens, passwords, DSNs. */
export function registerKnownSecrets(
  env: Readonly<Record<string, string | undefined>>,
  redactor: Redactor,
  mask: (value: string) => void,
  extra: readonly string[] = [],
): void {
  const add = (value: string | undefined): void => {
    if (!value || value.length < 4) return;
    redactor.add(value);
    mask(value);
  };
  for (const [name, value] of Object.entries(env)) {
    if (SECRET_NAME.test(name) && !name.startsWith('INPUT_CONFIG')) add(value);
  }
  for (const value of extra) add(value);
}

/** The world as probes see it: sources, environment, workspace, token, secret registration. */
export function probeEnvironment(
  gate: Gate,
  options: {
    env: Readonly<Record<string, string | undefined>>;
    workspace: string;
    githubToken?: string;
    redactor: Redactor;
    mask: (value: string) => void;
    debug: (message: string) => void;
  },
): ProbeEnvironment {
  const environment: ProbeEnvironment = {
    sources: gate.sources,
    env: options.env,
    workspace: options.workspace,
    addSecret(value) {
      if (!value || value.length < 4) return;
      options.redactor.add(value);
      options.mask(value);
    },
    debug: (message) => options.debug(options.redactor.redact(message)),
  };
  if (options.githubToken) environment.githubToken = options.githubToken;
  return environment;
}
