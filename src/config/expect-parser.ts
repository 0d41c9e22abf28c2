import { compilePattern, Pattern, PatternError } from '../shared/pattern.js';
import { ExpectSyntaxError, KEYWORD_OPERATORS, tokenize, type Token } from './expect-lexer.js';

/**
 * The `expect` condition language of the gate file, parsed into a tree. Nothing a user writes is
 * ever evaluated as code.
 *
 *   cond    := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | "(" cond ")" [op value] | operand [op value]
 *   operand := field ["??" value]
 *   op      := == != > >= < <= | in | contains | matches
 *   (after == != > >= < <=, a `baseline.field` or `delta.field` operand may stand for the value)
 *   value   := number | 'string' | "string" | bareword | true | false | null | [value, …] | /regex/flags
 *
 * `(pending ?? 0) <= 0` is allowed: parentheses around a lone operand keep it an operand.
 */

/** A value written in a condition. Regexes appear only right after `matches`. */
export type Literal = string | number | boolean | null | Pattern | Literal[];

export interface Operand {
  field: string;
  /** Used when the field is null, or when a `baseline.`/`delta.` field has no earlier value. */
  fallback?: Literal;
}

export type Condition =
  | { type: 'or' | 'and'; terms: Condition[] }
  | { type: 'not'; operand: Condition }
  | { type: 'truthy'; operand: Operand }
  | { type: 'compare'; operand: Operand; op: ComparisonOperator; value: Literal }
  /** `failed <= baseline.failed`: the right side reads the earlier run, not a literal. */
  | { type: 'compare'; operand: Operand; op: ComparisonOperator; against: Operand };

export type ComparisonOperator = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'contains' | 'matches';

/**
 * Most fields, comparisons and values one condition may hold. A real condition has a handful; a
 * generated one of tens of thousands of terms is refused here, at load, not at run time.
 */
export const MAX_EXPECT_TERMS = 256;
/** Deepest nesting of `(`, `not` and `[` (it also bounds the parser's and evaluator's recursion). */
export const MAX_EXPECT_DEPTH = 32;

const RELATIONS = new Set(['==', '!=', '>', '>=', '<', '<=']);
const EARLIER_RUN = /^(baseline|delta)\./;
const RESERVED = new Set(['and', 'or', 'not', ...KEYWORD_OPERATORS]);
const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

class Parser {
  private index = 0;
  private depth = 0;
  private terms = 0;
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
    // Stryker disable next-line ConditionalExpression: only a word token can have the text and, or or not
    return token.kind === 'word' && token.text === word;
  }

  /** Runs `parse` one nesting level deeper, refusing nesting past the limit before it can exhaust the stack. */
  private nested<T>(token: Token, parse: () => T): T {
    if (++this.depth > MAX_EXPECT_DEPTH) {
      throw new ExpectSyntaxError(
        `the condition nests deeper than ${MAX_EXPECT_DEPTH} levels of '(', 'not' and '[' (the limit); simplify it or split it into several checks`,
        token.column,
      );
    }
    const result = parse();
    this.depth--;
    return result;
  }

  private count(token: Token): void {
    if (++this.terms > MAX_EXPECT_TERMS) {
      throw new ExpectSyntaxError(
        `the condition has more than ${MAX_EXPECT_TERMS} fields and values (the limit); split it into several checks`,
        token.column,
      );
    }
  }

  private parseOr(): Condition {
    return this.parseJoined('or', () => this.parseAnd());
  }

  private parseAnd(): Condition {
    return this.parseJoined('and', () => this.parseUnary());
  }

  /** Terms joined by `word` (`a or b or c`); a single term is itself. */
  private parseJoined(word: 'or' | 'and', parseTerm: () => Condition): Condition {
    const terms = [parseTerm()];
    while (this.isWord(word)) {
      this.take();
      terms.push(parseTerm());
    }
    return terms.length === 1 ? terms[0]! : { type: word, terms };
  }

  private parseUnary(): Condition {
    const token = this.peek();
    if (this.isWord('not')) {
      this.take();
      return { type: 'not', operand: this.nested(token, () => this.parseUnary()) };
    }
    // Stryker disable next-line ConditionalExpression: only a punct token has the text ( (a string token's text keeps its quotes)
    if (token.kind === 'punct' && token.text === '(') {
      this.take();
      const inner = this.nested(token, () => this.parseOr());
      const close = this.take();
      if (close.text !== ')')
        throw new ExpectSyntaxError(`expected ')' but found '${close.text}'`, close.column);
      if (this.peek().kind !== 'op') return inner;
      if (inner.type !== 'truthy') {
        throw new ExpectSyntaxError(
          `only a field can be compared, not the condition in '(…)'; write 'field ${this.peek().text} value' inside it`,
          this.peek().column,
        );
      }
      return this.parseComparison(inner.operand);
    }
    return this.parseComparison(this.parseOperand());
  }

  /** The optional `op value` after an operand; without it the operand is read for its truth. */
  private parseComparison(operand: Operand): Condition {
    const op = this.peek();
    if (op.kind !== 'op') return { type: 'truthy', operand };
    if (op.text === '??') throw new ExpectSyntaxError("'??' goes right after a field", op.column);
    this.take();
    const valueToken = this.peek();
    // Stryker disable next-line ConditionalExpression: only a word token's text can start with baseline. or delta. (a string token's text starts with its quote)
    if (RELATIONS.has(op.text) && valueToken.kind === 'word' && EARLIER_RUN.test(valueToken.text)) {
      return { type: 'compare', operand, op: op.text as ComparisonOperator, against: this.parseOperand() };
    }
    const value = op.text === 'matches' ? this.parseMatchValue() : this.parseValue();
    if (op.text === 'in' && !Array.isArray(value))
      throw new ExpectSyntaxError("'in' needs a list: [a, b]", op.column);
    if (op.text === 'contains' && Array.isArray(value)) {
      throw new ExpectSyntaxError(
        "'contains' takes one value; to test several, write 'x contains a and x contains b'",
        valueToken.column,
      );
    }
    return { type: 'compare', operand, op: op.text as ComparisonOperator, value };
  }

  /** After `matches`: a /regex/, or a quoted string read as one (compiled now, so a bad one fails at load). */
  private parseMatchValue(): Pattern {
    const token = this.take();
    if (token.value instanceof Pattern) return token.value;
    if (token.kind === 'string') {
      try {
        return compilePattern(token.value as string);
      } catch (error) {
        // Stryker disable next-line ConditionalExpression: compilePattern throws only PatternError; this rethrows a programming error unchanged
        if (!(error instanceof PatternError)) throw error;
        throw new ExpectSyntaxError(
          `invalid regular expression: ${error.message}`,
          token.column + 1 + error.offset,
        );
      }
    }
    throw new ExpectSyntaxError(
      `'matches' needs a /regex/ or a quoted string but found '${token.text}'`,
      token.column,
    );
  }

  private parseOperand(): Operand {
    const token = this.take();
    // Stryker disable next-line ConditionalExpression: no other kind of token has a text FIELD_PATTERN accepts (numbers start with a digit, strings with a quote, ops are reserved or symbols)
    if (token.kind !== 'word' || RESERVED.has(token.text) || !FIELD_PATTERN.test(token.text)) {
      throw new ExpectSyntaxError(`expected a field name but found '${token.text}'`, token.column);
    }
    this.count(token);
    const operand: Operand = { field: token.text };
    const next = this.peek();
    // Stryker disable next-line ConditionalExpression: only an op token can have the text ??
    if (next.kind === 'op' && next.text === '??') {
      this.take();
      operand.fallback = this.parseValue();
    }
    return operand;
  }

  private parseValue(): Literal {
    const token = this.take();
    this.count(token);
    switch (token.kind) {
      case 'number':
      case 'string':
        return token.value as string | number;
      case 'regex':
        throw new ExpectSyntaxError("a /regex/ goes only after 'matches'", token.column);
      case 'word':
        if (token.text === 'true') return true;
        if (token.text === 'false') return false;
        if (token.text === 'null') return null;
        if (RESERVED.has(token.text)) break;
        return token.text;
      case 'punct':
        if (token.text === '[') return this.nested(token, () => this.parseList());
        break;
      // Stryker disable next-line ConditionalExpression: without it an end or op token falls out of the switch to the same throw
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
        for (const term of node.terms) walk(term);
        return;
      case 'not':
        walk(node.operand);
        return;
      default:
        found.add(node.operand.field);
        // Stryker disable next-line ConditionalExpression: only a compare node has `against`
        if (node.type === 'compare' && 'against' in node) found.add(node.against.field);
    }
  };
  walk(condition);
  return [...found];
}
