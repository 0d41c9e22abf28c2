const MASK = '***';
// Passwords in URLs (postgres://user:secret@host) are masked even when nobody registered them.
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)([^@\s/]+)(@)/gi;

/**
 * Removes every known secret from text before it leaves the process. The runner masks only logs
 * and the job summary; check runs, annotations, bundles and outputs rely on this.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret (and its URL-encoded form); values under 4 characters are too common to mask safely. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 4) return;
    this.secrets.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) this.secrets.add(encoded);
  }

  /** The text with every secret replaced by `***`. */
  redact(text: string): string {
    let out = text.replace(URL_PASSWORD, `$1${MASK}$3`);
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length))
      out = out.split(secret).join(MASK);
    return out;
  }

  /** A deep copy of a JSON-able value with every string redacted. */
  redactValue<T>(value: T): T {
    return JSON.parse(this.redact(JSON.stringify(value, jsonReplacer))) as T;
  }
}

/** JSON.stringify replacer that keeps bigints exact (as strings). */
export function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
