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
  /** The forms and their JSON-escaped spellings: what a JSON text must contain to need masking. */
  private jsonPattern: RegExp | undefined;

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
    const spelled = new Set(this.forms.flatMap((form) => [form, JSON.stringify(form).slice(1, -1)]));
    this.jsonPattern = new RegExp([...spelled].map(escapeRegExp).join('|'));
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
   * {@link redactValue} without the copy, for a value the caller built and holds the only reference
   * to (the result of `merge`: fresh objects over bundles parsed for it). Every string, key and
   * secret number in it is replaced where it is, and a reference back to an object being walked
   * becomes `***` as in {@link redactValue}; the value must not be used unredacted afterwards.
   */
  redactOwnedValue<T extends object>(value: T): Redacted<T> {
    this.redactInPlace(value, new Set());
    return value as Redacted<T>;
  }

  /**
   * Finished text on its way out, masked once more in case a secret reached it some other way.
   * JSON is masked inside its string tokens only (decoded, masked, re-encoded), so it still parses.
   */
  maskText(text: string, kind: TextKind): string {
    if (kind !== 'json') return this.redact(text);
    if (this.cleanJson(text)) return text;
    return text.replace(JSON_STRING, (token) => {
      const decoded = decodeJsonString(token);
      const masked = this.redact(decoded);
      return masked === decoded ? token : JSON.stringify(masked);
    });
  }

  /**
   * True when no string token of `text` can hold a secret, decided on the text without decoding
   * each token (a 10 MB merged bundle has half a million). Sound because JSON.stringify escapes
   * character by character: with no `\u` and no `\/` in the text every escape is the one
   * JSON.stringify writes, so a decoded token that contains a form F means the text contains F
   * JSON-escaped — and the check looks for every form in both spellings. A URL password needs
   * `://`. Anything else takes the token-by-token path.
   */
  private cleanJson(text: string): boolean {
    if (text.includes('://') || text.includes('\\u') || text.includes('\\/')) return false;
    return !this.jsonPattern?.test(text);
  }

  private walk(value: unknown, seen: Set<object>): unknown {
    switch (typeof value) {
      case 'string':
        return this.redact(value);
      case 'number':
      case 'bigint':
        return this.raw.size > 0 && this.raw.has(String(value)) ? MASK : value;
      case 'object': {
        if (value === null) return null;
        // Results are trees; a cycle would be a bug elsewhere, and must not hang the reports.
        if (seen.has(value)) return MASK;
        seen.add(value);
        const copy = Array.isArray(value) ? this.walkArray(value, seen) : this.walkObject(value, seen);
        seen.delete(value);
        return copy;
      }
      default:
        return value;
    }
  }

  /** The member's redacted value: a string, a number or bigint that is a secret, a cycle → `***`. */
  private redactMember(item: unknown, seen: Set<object>): unknown {
    if (typeof item === 'string') return this.redact(item);
    if (typeof item === 'number' || typeof item === 'bigint')
      return this.raw.size > 0 && this.raw.has(String(item)) ? MASK : item;
    if (typeof item !== 'object' || item === null) return item;
    if (seen.has(item)) return MASK;
    this.redactInPlace(item, seen);
    return item;
  }

  private redactInPlace(value: object, seen: Set<object>): void {
    seen.add(value);
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        value[index] = this.redactMember(value[index], seen);
      }
    } else {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = this.redactMember(record[key], seen);
        const name = this.redact(key);
        if (name === key) {
          if (item !== record[key]) record[key] = item;
          continue;
        }
        delete record[key];
        Object.defineProperty(record, name, {
          value: item,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    seen.delete(value);
  }

  // Plain loops rather than map/entries/fromEntries: a merged bundle has millions of values to copy.
  private walkArray(value: readonly unknown[], seen: Set<object>): unknown[] {
    const copy = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) copy[index] = this.walk(value[index], seen);
    return copy;
  }

  private walkObject(value: object, seen: Set<object>): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = this.walk((value as Record<string, unknown>)[key], seen);
      const name = this.redact(key);
      // An own `__proto__` key stays a key (as fromEntries would keep it), never the prototype.
      if (name === '__proto__')
        Object.defineProperty(copy, name, {
          value: item,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else copy[name] = item;
    }
    return copy;
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
