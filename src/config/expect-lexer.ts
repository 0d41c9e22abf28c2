import { compilePattern, PatternError, type Pattern } from '../shared/pattern.js';

/** A syntax error with the 0-based column in the condition text. */
export class ExpectSyntaxError extends Error {
  override readonly name = 'ExpectSyntaxError';
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

export type TokenKind = 'word' | 'number' | 'string' | 'regex' | 'op' | 'punct' | 'end';

/** One token of a condition; `value` holds a literal's value (a number too precise for a double stays as its digits). */
export interface Token {
  kind: TokenKind;
  text: string;
  value?: string | number | Pattern;
  column: number;
}

export const KEYWORD_OPERATORS = new Set(['in', 'contains', 'matches']);
const SYMBOL_OPERATORS = ['==', '!=', '>=', '<=', '??', '>', '<'];
// Stryker disable next-line Regex: readNumber runs only where a digit or -digit starts the text, so the ^ changes nothing
const NUMBER = /^-?\d+(\.\d+)?/;
// What follows a number and makes it something else (`1e3`, `1.2.3`, `3abc`).
const NUMBER_TAIL = /^[\w.]+/;
// Stryker disable next-line Regex: used only where a letter or _ starts the text, so the ^ changes nothing
const WORD = /^[A-Za-z_][A-Za-z0-9_.:\-/]*/;

/** Splits a condition into tokens; throws ExpectSyntaxError with the column of what cannot be read. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  // A `/` opens a regex only where a value is expected; elsewhere it is a stray character.
  const previousAllowsRegex = (): boolean => {
    const last = tokens.at(-1);
    return !last || (last.kind === 'op' && last.text !== '??') || last.text === '[' || last.text === ',';
  };
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    const start = at;
    const symbol = SYMBOL_OPERATORS.find((candidate) => text.startsWith(candidate, at));
    if (symbol) {
      tokens.push({ kind: 'op', text: symbol, column: start });
      at += symbol.length;
    } else if ('()[],'.includes(char)) {
      tokens.push({ kind: 'punct', text: char, column: start });
      at++;
    } else if (char === "'" || char === '"') {
      const end = text.indexOf(char, at + 1);
      // Stryker disable next-line EqualityOperator: the search starts at at + 1, so end is never 0
      if (end < 0) {
        throw new ExpectSyntaxError(
          `unterminated string starting with ${char}; close it with ${char} (strings have no escapes: put a ' inside "…")`,
          start,
        );
      }
      tokens.push({
        kind: 'string',
        text: text.slice(at, end + 1),
        value: text.slice(at + 1, end),
        column: start,
      });
      at = end + 1;
    } else if (char === '/' && previousAllowsRegex()) {
      at = readRegex(text, at, tokens);
      // Stryker disable next-line StringLiteral: past the end any text without a digit does; '' is just the plainest
    } else if (/\d/.test(char) || (char === '-' && /\d/.test(text[at + 1] ?? ''))) {
      at = readNumber(text, at, tokens);
    } else if (/[A-Za-z_]/.test(char)) {
      const word = WORD.exec(text.slice(at))![0].replace(/[.:\-/]+$/, '');
      tokens.push({ kind: KEYWORD_OPERATORS.has(word) ? 'op' : 'word', text: word, column: start });
      at += word.length;
    } else {
      throw new ExpectSyntaxError(strayMessage(text, at), start);
    }
  }
  tokens.push({ kind: 'end', text: 'end of condition', column: text.length });
  return tokens;
}

function strayMessage(text: string, at: number): string {
  const char = text[at]!;
  if (char === '=') return "use '==' to compare, not '='";
  if (text.startsWith('&&', at)) return "use 'and', not '&&'";
  if (text.startsWith('||', at)) return "use 'or', not '||'";
  if (char === '!') return "use 'not' to negate, not '!'";
  // Stryker disable next-line StringLiteral: past the end any text without a digit does; '' is just the plainest
  if (char === '.' && /\d/.test(text[at + 1] ?? ''))
    return `write 0${NUMBER_TAIL.exec(text.slice(at))![0]}, not a number starting with '.'`;
  return `unexpected character '${char}'`;
}

function readNumber(text: string, start: number, tokens: Token[]): number {
  const digits = NUMBER.exec(text.slice(start))![0];
  const tail = NUMBER_TAIL.exec(text.slice(start + digits.length))?.[0];
  if (tail !== undefined) {
    const written = digits + tail;
    throw new ExpectSyntaxError(
      `'${written}' is not a number: write numbers as 12, -3 or 0.05, and quote text ('${written}')`,
      start,
    );
  }
  // A literal past double precision stays as its digits, so `n == 9007199254740993` compares exactly.
  const exact = String(Number(digits)) === digits;
  tokens.push({ kind: 'number', text: digits, value: exact ? Number(digits) : digits, column: start });
  return start + digits.length;
}

/** Reads `/source/flags` (a `/` inside `[…]` or escaped does not end it) and compiles it on RE2. */
function readRegex(text: string, start: number, tokens: Token[]): number {
  let at = start + 1;
  let inClass = false;
  // Stryker disable next-line EqualityOperator: one more turn past the end reads no character and the check below still says unterminated
  for (; at < text.length; at++) {
    const char = text[at]!;
    if (char === '\\') at++;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) break;
  }
  if (at >= text.length) throw new ExpectSyntaxError('unterminated /regex/; close it with /', start);
  // Stryker disable next-line Regex: a * pattern matches (perhaps empty) at index 0 with or without ^
  const flags = /^[A-Za-z]*/.exec(text.slice(at + 1))![0];
  const source = text.slice(start + 1, at);
  try {
    tokens.push({
      kind: 'regex',
      text: text.slice(start, at + 1 + flags.length),
      value: compilePattern(source, flags),
      column: start,
    });
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: compilePattern throws only PatternError; this rethrows a programming error unchanged
    if (!(error instanceof PatternError)) throw error;
    throw new ExpectSyntaxError(`invalid regular expression: ${error.message}`, start + 1 + error.offset);
  }
  return at + 1 + flags.length;
}
