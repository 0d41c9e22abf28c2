import type { FieldValue } from '../probes/probe.js';

/**
 * The `expect` condition language of the gate file: tokenised and parsed into a tree, then
 * interpreted. Nothing a user writes is ever evaluated as code.
 *
 *   cond    := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | "(" cond ")" | operand [op value]
 *   operand := field ["??" value]
 *   op      := == != > >= < <= | in | contains | matches
 *   value   := number | 'string' | "string" | bareword | true | false | null | [value, …] | /regex/flags
 */

export type Literal = string | number | boolean | null | RegExp | Literal[];

export interface Operand {
  field: string;
  /** Used when the field is absent (`baseline.failed ?? 0`). */
  fallback?: Literal;
}

export type Condition =
  | { type: 'or' | 'and'; left: Condition; right: Condition }
  | { type: 'not'; operand: Condition }
  | { type: 'truthy'; operand: Operand }
  | { type: 'compare'; operand: Operand; op: ComparisonOperator; value: Literal };

export type ComparisonOperator = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'contains' | 'matches';

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

/** A condition that could not be decided from the measured fields (e.g. an unknown SQL column). */
export class ExpectEvaluationError extends Error {
  override readonly name = 'ExpectEvaluationError';
}

type TokenKind = 'word' | 'number' | 'string' | 'regex' | 'op' | 'punct' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  value?: string | number | RegExp;
  column: number;
}

const KEYWORD_OPERATORS = new Set(['in', 'contains', 'matches']);
const RESERVED = new Set(['and', 'or', 'not', ...KEYWORD_OPERATORS]);
const SYMBOL_OPERATORS = ['==', '!=', '>=', '<=', '??', '>', '<'];
const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
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
      if (end < 0) throw new ExpectSyntaxError(`unterminated string starting with ${char}`, start);
      tokens.push({
        kind: 'string',
        text: text.slice(at, end + 1),
        value: text.slice(at + 1, end),
        column: start,
      });
      at = end + 1;
    } else if (char === '/' && previousAllowsRegex()) {
      at = readRegex(text, at, tokens);
    } else if (/[-\d]/.test(char) && /^-?\d/.test(text.slice(at))) {
      const match = /^-?\d+(\.\d+)?/.exec(text.slice(at))!;
      // A literal past float precision stays as its digits, so `n == 9007199254740993` compares exactly.
      const exact = String(Number(match[0])) === match[0];
      tokens.push({
        kind: 'number',
        text: match[0],
        value: exact ? Number(match[0]) : match[0],
        column: start,
      });
      at += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.:\-/]*/.exec(text.slice(at))!;
      const word = match[0].replace(/[.:\-/]+$/, '');
      tokens.push({ kind: KEYWORD_OPERATORS.has(word) ? 'op' : 'word', text: word, column: start });
      at += word.length;
    } else if (char === '=') {
      throw new ExpectSyntaxError("use '==' to compare, not '='", start);
    } else {
      throw new ExpectSyntaxError(`unexpected character '${char}'`, start);
    }
  }
  tokens.push({ kind: 'end', text: 'end of condition', column: text.length });
  return tokens;
}

function readRegex(text: string, start: number, tokens: Token[]): number {
  let at = start + 1;
  let escaped = false;
  while (at < text.length && (escaped || text[at] !== '/')) {
    escaped = !escaped && text[at] === '\\';
    at++;
  }
  if (at >= text.length) throw new ExpectSyntaxError('unterminated /regex/', start);
  const flags = /^[gimsuy]*/.exec(text.slice(at + 1))![0];
  const source = text.slice(start + 1, at);
  try {
    tokens.push({
      kind: 'regex',
      text: text.slice(start, at + 1 + flags.length),
      value: new RegExp(source, flags),
      column: start,
    });
  } catch (error) {
    throw new ExpectSyntaxError(`invalid regular expression: ${(error as Error).message}`, start);
  }
  return at + 1 + flags.length;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Condition {
    const condition = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end')
      throw new ExpectSyntaxError(`unexpected '${next.text}'; expected 'and', 'or' or the end`, next.column);
    return condition;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private take(): Token {
    return this.tokens[this.index++]!;
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text === word;
  }

  private parseOr(): Condition {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      this.take();
      left = { type: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Condition {
    let left = this.parseUnary();
    while (this.isWord('and')) {
      this.take();
      left = { type: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Condition {
    if (this.isWord('not')) {
      this.take();
      return { type: 'not', operand: this.parseUnary() };
    }
    const token = this.peek();
    if (token.kind === 'punct' && token.text === '(') {
      this.take();
      const inner = this.parseOr();
      const close = this.take();
      if (close.text !== ')')
        throw new ExpectSyntaxError(`expected ')' but found '${close.text}'`, close.column);
      return inner;
    }
    const operand = this.parseOperand();
    const op = this.peek();
    if (op.kind !== 'op') return { type: 'truthy', operand };
    if (op.text === '??') throw new ExpectSyntaxError("'??' goes right after a field", op.column);
    this.take();
    const value = this.parseValue();
    if (op.text === 'matches' && !(value instanceof RegExp) && typeof value !== 'string') {
      throw new ExpectSyntaxError("'matches' needs a /regex/ or a string", op.column);
    }
    if (op.text === 'in' && !Array.isArray(value))
      throw new ExpectSyntaxError("'in' needs a list: [a, b]", op.column);
    return { type: 'compare', operand, op: op.text as ComparisonOperator, value };
  }

  private parseOperand(): Operand {
    const token = this.take();
    if (token.kind !== 'word' || RESERVED.has(token.text) || !FIELD_PATTERN.test(token.text)) {
      throw new ExpectSyntaxError(`expected a field name but found '${token.text}'`, token.column);
    }
    const operand: Operand = { field: token.text };
    const next = this.peek();
    if (next.kind === 'op' && next.text === '??') {
      this.take();
      operand.fallback = this.parseValue();
    }
    return operand;
  }

  private parseValue(): Literal {
    const token = this.take();
    switch (token.kind) {
      case 'number':
      case 'string':
      case 'regex':
        return token.value!;
      case 'word':
        if (token.text === 'true') return true;
        if (token.text === 'false') return false;
        if (token.text === 'null') return null;
        if (RESERVED.has(token.text)) break;
        return token.text;
      case 'punct':
        if (token.text === '[') return this.parseList();
        break;
      default:
        break;
    }
    throw new ExpectSyntaxError(`expected a value but found '${token.text}'`, token.column);
  }

  private parseList(): Literal[] {
    const items: Literal[] = [];
    if (this.peek().text === ']') {
      this.take();
      return items;
    }
    for (;;) {
      items.push(this.parseValue());
      const separator = this.take();
      if (separator.text === ']') return items;
      if (separator.text !== ',')
        throw new ExpectSyntaxError(`expected ',' or ']' but found '${separator.text}'`, separator.column);
    }
  }
}

/** Parses an `expect` condition; throws ExpectSyntaxError with the column of the problem. */
export function parseCondition(text: string): Condition {
  if (text.trim() === '') throw new ExpectSyntaxError('the condition is empty', 0);
  return new Parser(tokenize(text)).parse();
}

/** Every field a condition reads, in order of appearance, without duplicates. */
export function referencedFields(condition: Condition): string[] {
  const found = new Set<string>();
  const walk = (node: Condition): void => {
    switch (node.type) {
      case 'or':
      case 'and':
        walk(node.left);
        walk(node.right);
        return;
      case 'not':
        walk(node.operand);
        return;
      default:
        found.add(node.operand.field);
    }
  };
  walk(condition);
  return [...found];
}

/** Looks a field up; undefined means the probe did not report it. */
export type FieldLookup = (field: string) => FieldValue | undefined;

/** Decides a condition over measured fields; throws ExpectEvaluationError when it cannot. */
export function evaluateCondition(condition: Condition, lookup: FieldLookup): boolean {
  switch (condition.type) {
    case 'or':
      return evaluateCondition(condition.left, lookup) || evaluateCondition(condition.right, lookup);
    case 'and':
      return evaluateCondition(condition.left, lookup) && evaluateCondition(condition.right, lookup);
    case 'not':
      return !evaluateCondition(condition.operand, lookup);
    case 'truthy':
      return isTruthy(resolve(condition.operand, lookup));
    case 'compare':
      return compare(
        resolve(condition.operand, lookup),
        condition.op,
        condition.value,
        condition.operand.field,
      );
  }
}

function resolve(operand: Operand, lookup: FieldLookup): FieldValue | Literal {
  const value = lookup(operand.field);
  if (value !== undefined) return value;
  if ('fallback' in operand) return operand.fallback!;
  if (/^(baseline|delta)\./.test(operand.field)) {
    throw new ExpectEvaluationError(
      `'${operand.field}' has no value: there is no baseline, or it lacks that field (write '${operand.field} ?? 0' for a default)`,
    );
  }
  throw new ExpectEvaluationError(`the probe reported no field '${operand.field}'`);
}

function isTruthy(value: FieldValue | Literal): boolean {
  if (value === null || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'string') return value !== '' && value !== 'false' && value !== '0';
  return true;
}

function compare(
  actual: FieldValue | Literal,
  op: ComparisonOperator,
  expected: Literal,
  field: string,
): boolean {
  switch (op) {
    case '==':
      return isEqual(actual, expected);
    case '!=':
      return !isEqual(actual, expected);
    case 'in':
      return (expected as Literal[]).some((item) => isEqual(actual, item));
    case 'contains':
      if (Array.isArray(actual)) return actual.some((item: FieldValue | Literal) => isEqual(item, expected));
      return scalarText(actual).includes(scalarText(expected));
    case 'matches': {
      const pattern = expected instanceof RegExp ? expected : new RegExp(String(expected));
      return pattern.test(scalarText(actual));
    }
    default: {
      const order = compareNumbers(actual, expected);
      if (order === undefined) {
        throw new ExpectEvaluationError(
          `'${field}' is ${describeValue(actual)}; '${op}' needs numbers on both sides`,
        );
      }
      if (op === '>') return order > 0;
      if (op === '>=') return order >= 0;
      if (op === '<') return order < 0;
      return order <= 0;
    }
  }
}

function isEqual(actual: FieldValue | Literal, expected: Literal): boolean {
  if (expected === null || actual === null) return actual === expected;
  const order = compareNumbers(actual, expected);
  if (order !== undefined) return order === 0;
  return scalarText(actual) === scalarText(expected);
}

function scalarText(value: FieldValue | Literal): string {
  if (value === null) return 'null';
  if (value instanceof RegExp) return value.source;
  if (Array.isArray(value)) return value.map((item: FieldValue | Literal) => scalarText(item)).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function describeValue(value: FieldValue | Literal): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `'${scalarText(value)}'`;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Exact decimal comparison, so counts past 2^53 from bigint/numeric columns compare correctly. */
export function compareNumbers(a: FieldValue | Literal, b: FieldValue | Literal): number | undefined {
  const left = toDecimal(a);
  const right = toDecimal(b);
  if (left === undefined || right === undefined) return undefined;
  const scale = Math.max(left.scale, right.scale);
  const l = left.digits * 10n ** BigInt(scale - left.scale);
  const r = right.digits * 10n ** BigInt(scale - right.scale);
  return l === r ? 0 : l > r ? 1 : -1;
}

/** A number, bigint or decimal string as exact digits and a decimal scale; undefined for anything else. */
export function toDecimal(value: FieldValue | Literal): { digits: bigint; scale: number } | undefined {
  if (typeof value === 'bigint') return { digits: value, scale: 0 };
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = Number.isInteger(value) ? BigInt(value).toString() : value.toFixed(15).replace(/0+$/, '');
  } else if (typeof value === 'string') {
    text = value.trim();
  } else return undefined;
  if (!DECIMAL.test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.');
  return { digits: BigInt(whole! + fraction), scale: fraction.length };
}
