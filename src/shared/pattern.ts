import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js';

/**
 * Every regular expression a gate file supplies (`matches /…/` in `expect`, `/…/` test names) runs
 * here, on RE2 (a pure-JS port): matching takes time linear in the text, so no pattern can block
 * the event loop past a check's timeout and the gate's deadline the way a backtracking RegExp can
 * (`(a+)+$` on 100 kB of `a`). The price is RE2's syntax: no backreferences and no lookaround,
 * refused here with the reason and the fix, so a gate file that loads can always run.
 */

/** The flags a pattern accepts: i (case-insensitive), m (^ and $ at line ends), s (. matches newline), u (accepted; matching is always by code point). */
export const PATTERN_FLAGS = 'imsu';

/** A compiled pattern; `test` finds it anywhere in the text, like RegExp.test without `g`. */
export class Pattern {
  constructor(
    /** The pattern as written, between the slashes. */
    readonly source: string,
    readonly flags: string,
    private readonly compiled: RE2JS | Literal,
  ) {}

  test(text: string): boolean {
    if (this.compiled instanceof RE2JS) return this.compiled.test(text);
    const { text: literal, atStart, atEnd } = this.compiled;
    if (atStart && atEnd) return text === literal;
    if (atStart) return text.startsWith(literal);
    if (atEnd) return text.endsWith(literal);
    return text.includes(literal);
  }

  toString(): string {
    return `/${this.source}/${this.flags}`;
  }
}

/**
 * A pattern that cannot run. The message is the reason alone (the caller says where); `offset` is
 * where it fails, counted from the first character of the source (flags start at source.length + 1).
 */
export class PatternError extends Error {
  // Stryker disable next-line StringLiteral: never shown; callers print message and offset
  override readonly name = 'PatternError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const LINEAR = 'patterns run on RE2, in time linear in the text, which has no';

/** Compiles `source` with `flags`; throws PatternError naming the problem and the fix. */
export function compilePattern(source: string, flags = ''): Pattern {
  let re2Flags = 0;
  for (const [index, flag] of [...flags].entries()) {
    if (!PATTERN_FLAGS.includes(flag) || flags.indexOf(flag) !== index) {
      throw new PatternError(
        flags.indexOf(flag) !== index
          ? `flag '${flag}' is given twice; give each flag once`
          : `flag '${flag}' is not supported; use only i, m, s and u`,
        source.length + 1 + index,
      );
    }
    if (flag === 'i') re2Flags |= RE2JS.CASE_INSENSITIVE;
    if (flag === 'm') re2Flags |= RE2JS.MULTILINE;
    if (flag === 's') re2Flags |= RE2JS.DOTALL;
  }
  refuseBacktrackingOnly(source);
  const literal = literalOf(source, flags);
  // Stryker disable next-line ConditionalExpression: without the plain-text fast path RE2 gives the same answer
  if (literal !== undefined) return new Pattern(source, flags, literal);
  let compiled: RE2JS;
  try {
    // JS spellings RE2 lacks (`\u0041`, `\u{1F600}`, `\cA`, `(?<name>…)`) become their RE2 forms.
    compiled = RE2JS.compile(RE2JS.translateRegExp(source), re2Flags);
  } catch (error) {
    throw syntaxError(source, error);
  }
  return new Pattern(source, flags, compiled);
}

/**
 * A pattern that is plain text, optionally anchored (`^TestWebhook_`, `Replay$`): it matches as a
 * string search does, so it runs as one (still linear time) instead of through RE2's machine,
 * which costs a microsecond or more per test name in a report of hundreds of thousands.
 */
interface Literal {
  readonly text: string;
  /** `^` without the m flag: the text must start with it. */
  readonly atStart: boolean;
  /** `$` without the m flag: the text must end with it (RE2's `$` is the very end, like `\z`). */
  readonly atEnd: boolean;
}

const SYNTAX = '\\.+*?()[]{}|^$';
/** Punctuation a backslash turns into itself in RE2. */
// Stryker disable next-line StringLiteral: fewer plain-text escapes only send the pattern to RE2, which gives the same answer
const ESCAPED_LITERALLY = `${SYNTAX}/-`;

/** The pattern as plain text when it is one; undefined when it needs RE2. */
// Stryker disable next-line BlockStatement: undefined sends the pattern to RE2, which gives the same answer
function literalOf(source: string, flags: string): Literal | undefined {
  // Stryker disable next-line ConditionalExpression,StringLiteral,Regex: undefined sends the pattern to RE2, which gives the same answer
  if (flags.includes('i') || /[\uD800-\uDFFF]/.test(source)) return undefined;
  // Stryker disable next-line MethodExpression: a ^ anywhere but first is SYNTAX, so the pattern goes to RE2
  const atStart = source.startsWith('^');
  let text = '';
  let atEnd = false;
  for (let at = atStart ? 1 : 0; at < source.length; at++) {
    const char = source[at]!;
    // Stryker disable next-line ConditionalExpression,StringLiteral: a backslash is SYNTAX too, so the pattern goes to RE2
    if (char === '\\') {
      const next = source[at + 1];
      // Stryker disable next-line EqualityOperator,ConditionalExpression: includes(undefined) is false, so a trailing backslash goes to RE2 either way, and a known escape is kept as text only when next is defined
      if (next === undefined || !ESCAPED_LITERALLY.includes(next)) return undefined;
      text += next;
      at++;
    } else if (
      // Stryker disable next-line StringLiteral: a $ not taken here is SYNTAX, so the pattern goes to RE2
      char === '$' &&
      // Stryker disable next-line ArithmeticOperator: as above
      at === source.length - 1
    ) {
      atEnd = true;
    } else if (
      // Stryker disable next-line ConditionalExpression: more patterns sent to RE2, which gives the same answer
      SYNTAX.includes(char)
    ) {
      return undefined;
    } else {
      text += char;
    }
  }
  // With m, ^ and $ also match at line ends: RE2 decides.
  // Stryker disable next-line ConditionalExpression,StringLiteral: more patterns sent to RE2, which gives the same answer
  if ((atStart || atEnd) && flags.includes('m')) return undefined;
  return { text, atStart, atEnd };
}

/** Backreferences and lookaround need backtracking; say so at the exact place, with what to do instead. */
function refuseBacktrackingOnly(source: string): void {
  let inClass = false;
  // Stryker disable next-line EqualityOperator: source[length] is undefined and matches no branch
  for (let at = 0; at < source.length; at++) {
    const char = source[at]!;
    if (char === '\\') {
      // Stryker disable next-line StringLiteral: after a trailing backslash no text starts with a digit or is `k`
      const next = source[at + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && source[at + 2] === '<'))) {
        throw new PatternError(
          `backreference '\\${next}${next === 'k' ? '<…>' : ''}' is not supported: ${LINEAR} backreferences; spell the repeated text out or match it more loosely`,
          at,
        );
      }
      at++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (
      // Stryker disable next-line ConditionalExpression,LogicalOperator: the regex below is anchored at `(?` and finds nothing elsewhere
      char === '(' &&
      source[at + 1] === '?'
    ) {
      // Stryker disable next-line Regex: the slice starts at `(` followed by `?`, so the anchor changes nothing
      const kind = /^\(\?(=|!|<=|<!)/.exec(source.slice(at, at + 4))?.[1];
      if (kind !== undefined) {
        const what = kind.startsWith('<') ? 'lookbehind' : 'lookahead';
        throw new PatternError(
          `${what} '(?${kind}' is not supported: ${LINEAR} lookaround; match the text itself, or split the condition ('x matches /a/ and not x matches /b/')`,
          at,
        );
      }
    }
  }
}

function syntaxError(source: string, error: unknown): PatternError {
  if (error instanceof RE2JSSyntaxException) {
    const fragment = error.getPattern() ?? '';
    // Stryker disable next-line ConditionalExpression,StringLiteral: indexOf('') is 0 and the offset is max(found, 0) either way
    const found = fragment === '' ? -1 : source.indexOf(fragment);
    return new PatternError(
      `${error.getDescription()}${fragment ? ` at '${fragment}'` : ''}`,
      Math.max(found, 0),
    );
  }
  const message = error instanceof RE2JSException || error instanceof Error ? error.message : String(error);
  return new PatternError(message, 0);
}
