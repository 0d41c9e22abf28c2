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
