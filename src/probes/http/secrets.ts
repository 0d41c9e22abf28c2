const SECRET_HEADER =
  /^(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key)$|token|secret|password|passwd|key/i;

/** True for a header whose value must never be shown (credentials, session cookies, API keys). */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name);
}

/** What a masked header value is replaced with. */
export const MASK = '***';

/** The shell variable a reproduce command uses instead of a secret header's value. */
export function headerPlaceholder(name: string): string {
  return `$${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/**
 * The values to hide for a secret header: the whole value and, for credentials that carry an
 * auth scheme (`Bearer x`, `Basic x`), the credential alone — servers echo it without the scheme —
 * and the password inside a Basic credential.
 */
export function secretValuesOf(name: string, value: string): string[] {
  if (value === '' || !isSecretHeader(name)) return [];
  const values = [value];
  const scheme = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s+(\S.*)$/.exec(value.trim());
  if (!scheme || !/^(?:proxy-)?authorization$/i.test(name)) return values;
  const credential = scheme[2]!.trim();
  values.push(credential);
  if (scheme[1]!.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) values.push(decoded, decoded.slice(colon + 1));
  }
  return values;
}
