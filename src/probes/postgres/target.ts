// Reads sources.postgres.url the way libpq does (host, port, user, database, sslmode and the
// ssl* files), without pg: what to connect to, how, and which parts of the URL are secret.
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { ProbeError } from '../probe.js';
import type { ServerLabel } from './errors.js';

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
type SslMode = (typeof SSL_MODES)[number];

/** Where and how to connect, parsed from sources.postgres.url without pg. */
export interface Target {
  label: ServerLabel;
  host: string;
  port: number;
  /** The URL without TLS parameters (this module sets `ssl` itself, with libpq semantics). */
  connectionString: string;
  /** TLS settings to try in order; `false` is a plaintext attempt. */
  attempts: (ConnectionOptions | false)[];
}

/** The URL and its password (raw and decoded): what must never leave the process. */
export function secretsOf(url: string): string[] {
  const secrets = [url];
  try {
    const parsed = new URL(url);
    for (const password of [parsed.password, parsed.searchParams.get('password') ?? '']) {
      if (password) secrets.push(password, safeDecode(password));
    }
  } catch {
    // An unparsable URL is reported by the first check; the whole string is registered already.
  }
  return [...new Set(secrets)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads the URL the way libpq does for host, port, user, database and the ssl* parameters. */
export function parseTarget(
  url: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Target {
  if (!url) {
    throw new ProbeError(
      'no PostgreSQL to ask: set sources.postgres.url in the gate file (e.g. url: ${DATABASE_URL}) and DATABASE_URL in the step env',
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProbeError(
      'sources.postgres.url is not a valid URL; write it as postgresql://user:password@host:5432/database',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ProbeError(`sources.postgres.url must start with postgresql:// (got "${parsed.protocol}//")`);
  }
  const query = parsed.searchParams;
  const host =
    query.get('host') ??
    (safeDecode(parsed.hostname).replace(/^\[(.+)\]$/, '$1') || env.PGHOST || 'localhost');
  const port = Number(query.get('port') ?? (parsed.port || env.PGPORT || 5432));
  const user = safeDecode(parsed.username) || query.get('user') || env.PGUSER || 'postgres';
  const database = safeDecode(parsed.pathname.slice(1)) || query.get('dbname') || env.PGDATABASE || user;
  const address = host.startsWith('/')
    ? `${host}/.s.PGSQL.${port}`
    : `${host.includes(':') ? `[${host}]` : host}:${port}`;

  const mode = (query.get('sslmode') ?? env.PGSSLMODE ?? 'prefer') as SslMode;
  if (!SSL_MODES.includes(mode)) {
    throw new ProbeError(
      `sources.postgres.url has sslmode=${String(mode)}; use one of ${SSL_MODES.join(', ')}`,
    );
  }
  const readFile = (parameter: string): string | undefined => {
    const file = query.get(parameter);
    if (!file) return undefined;
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new ProbeError(`cannot read ${parameter} file "${file}" named in sources.postgres.url`);
    }
  };
  const ca = readFile('sslrootcert');
  const cert = readFile('sslcert');
  const key = readFile('sslkey');
  const files: ConnectionOptions = { ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
  // libpq: require encrypts without verifying (unless a root certificate is given, then it
  // verifies the chain like verify-ca); verify-ca checks the chain, not the host name;
  // verify-full checks both. prefer (libpq's default) and allow may fall back to plaintext.
  const unverified: ConnectionOptions = { ...files, rejectUnauthorized: false };
  const chainOnly: ConnectionOptions = { ...files, ca, checkServerIdentity: () => undefined };
  let attempts: (ConnectionOptions | false)[];
  switch (mode) {
    case 'disable':
      attempts = [false];
      break;
    case 'allow':
      attempts = [false, unverified];
      break;
    case 'prefer':
      attempts = [unverified, false];
      break;
    case 'require':
      attempts = [ca ? chainOnly : unverified];
      break;
    case 'verify-ca':
      if (!ca)
        throw new ProbeError(
          'sslmode=verify-ca needs sslrootcert=<CA file> in sources.postgres.url (or use sslmode=verify-full)',
        );
      attempts = [chainOnly];
      break;
    case 'verify-full':
      attempts = [{ ...files, ...(ca ? { ca } : {}) }];
      break;
  }
  for (const parameter of ['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'ssl', 'uselibpqcompat'])
    query.delete(parameter);
  return { label: { address, user, database }, host, port, connectionString: parsed.toString(), attempts };
}
