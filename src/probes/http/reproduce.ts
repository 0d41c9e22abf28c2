import { singleQuote } from '../../shared/quote.js';
import { headerPlaceholder, isSecretHeader } from './secrets.js';
import type { HttpSpec } from './schema.js';

/** A curl command that makes the same request; secret header values become shell variables. */
export function reproduceHttp(spec: HttpSpec): string {
  const parts = ['curl -sS'];
  if (spec.insecure) parts.push('-k');
  if (spec.follow) parts.push('-L --max-redirs 5');
  parts.push('-X', spec.method);
  for (const [name, value] of Object.entries(spec.headers ?? {})) {
    // Double quotes so the person's shell fills in the variable; the secret itself is never printed.
    parts.push(
      '-H',
      isSecretHeader(name) ? `"${name}: ${headerPlaceholder(name)}"` : singleQuote(`${name}: ${value}`),
    );
  }
  if (spec.body !== undefined) parts.push('--data-binary', singleQuote(spec.body));
  // With json: fields the person needs the answer itself; otherwise the status is the evidence.
  parts.push(singleQuote(spec.url));
  if (spec.json === undefined) parts.push("-o /dev/null -w '%{http_code}'");
  return parts.join(' ');
}

/** The URL without user:password, for logs and messages. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}
