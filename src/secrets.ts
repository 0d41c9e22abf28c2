// Which values are secrets before any probe runs, and how one is hidden: removed from every report
// and each of its forms masked in logs.
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
export function secretAdder(
  redactor: Redactor,
  mask: (value: string) => void,
): (value: string | undefined) => void {
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
