import type { GateResult } from '../engine/results.js';
import { encodedForms, MIN_SECRET_LENGTH } from './secret-forms.js';

export { MIN_SECRET_LENGTH } from './secret-forms.js';

const MASK = '***';
// Passwords in URLs (postgres://user:secret@host) are masked even when nobody registered them.
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)([^@\s/]+)(@)/gi;
// A JSON string token: the only place of a serialized document a mask may go without breaking it.
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

declare const redactedBrand: unique symbol;

/**
 * A value the Redactor walked: no string in it holds a registered secret, in any form. Only
 * {@link Redactor.redactValue} makes one, so a renderer that asks for it cannot be handed raw data.
 */
export type Redacted<T> = T & { readonly [redactedBrand]: true };

/** A gate result fit to leave the process; the input of every report. */
export type PublicResult = Redacted<GateResult>;

/** How outgoing text is built, so masking never breaks its syntax. */
export type TextKind = 'text' | 'markdown' | 'json';

/**
 * Knows every secret of the run and removes it from values before they are escaped or serialized
 * ({@link redactValue}), and from finished text as a second line of defence ({@link maskText}).
 */
export class Redactor {
  private readonly raw = new Set<string>();
  /** Every form of every secret, longest first, so a secret that contains another is masked whole. */
  // Stryker disable next-line ArrayDeclaration: a start other than [] would be a secret nobody registered; no text but the mutant's own shows it
  private forms: string[] = [];
  /** The forms as one alternation (longest first, so the longest form at a position wins): one pass per string. */
  private pattern: RegExp | undefined;

  /**
   * Registers a secret with its encoded forms (Markdown-, JSON-, URL-, HTML-escaped, shell-quoted)
   * and returns the forms not known before, for the runner's add-mask. Values under
   * {@link MIN_SECRET_LENGTH} characters are not secrets worth masking (see docs/guarantees.md).
   */
  add(secret: string | undefined): string[] {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.raw.has(secret)) return [];
    this.raw.add(secret);
    const known = new Set(this.forms);
    const added = encodedForms(secret).filter((form) => !known.has(form));
    this.forms = [...this.forms, ...added].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(this.forms.map(escapeRegExp).join('|'), 'g');
    return added;
  }

  /** Plain text with every form of every secret (and any URL password) replaced by `***`. */
  redact(text: string): string {
    // Stryker disable next-line StringLiteral: a fast path; URL_PASSWORD itself needs '://', so testing every text changes no result
    const out = text.includes('://') ? text.replace(URL_PASSWORD, `$1${MASK}$3`) : text;
    return this.pattern ? out.replace(this.pattern, MASK) : out;
  }

  /**
   * A deep copy of `value` in which every string (keys too) is redacted; numbers, booleans and
   * bigints stay themselves unless one is a registered secret written as a number, which becomes
   * `***`. Runs on data, never on serialized text, so the result always serializes cleanly.
   */
  redactValue<T>(value: T): Redacted<T> {
    return this.walk(value, new Set()) as Redacted<T>;
  }

  /**
   * Finished text on its way out, masked once more in case a secret reached it some other way.
   * JSON is masked inside its string tokens only (decoded, masked, re-encoded), so it still parses.
   */
  maskText(text: string, kind: TextKind): string {
    if (kind !== 'json') return this.redact(text);
    return text.replace(JSON_STRING, (token) => {
      const decoded = decodeJsonString(token);
      const masked = this.redact(decoded);
      return masked === decoded ? token : JSON.stringify(masked);
    });
  }

  private walk(value: unknown, seen: Set<object>): unknown {
    switch (typeof value) {
      case 'string':
        return this.redact(value);
      case 'number':
      case 'bigint':
        return this.raw.has(String(value)) ? MASK : value;
      case 'object': {
        if (value === null) return null;
        // Results are trees; a cycle would be a bug elsewhere, and must not hang the reports.
        if (seen.has(value)) return MASK;
        seen.add(value);
        const copy = Array.isArray(value)
          ? value.map((item: unknown) => this.walk(item, seen))
          : Object.fromEntries(
              Object.entries(value).map(([key, item]) => [this.redact(key), this.walk(item, seen)]),
            );
        seen.delete(value);
        return copy;
      }
      default:
        return value;
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function decodeJsonString(token: string): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; without a backslash JSON.parse gives the same text or throws (a raw control character) into the same slice. The mutant that never parses (true) fails the '\\/' test in redact-edges (checked by hand)
  if (!token.includes('\\')) return token.slice(1, -1);
  try {
    return JSON.parse(token) as string;
  } catch {
    // Not JSON after all: mask the token's text as written (re-encoding keeps the document parseable).
    return token.slice(1, -1);
  }
}

/** JSON.stringify replacer that keeps bigints exact (as strings). */
export function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
