// A small SQL lexer: enough to tell one query from several statements or a non-query, to find
// `$n` parameters, and to inline them for a human — without ever mistaking text inside a string,
// a quoted identifier, a dollar-quoted body or a comment for SQL.

/** A piece of SQL that matters to the checks below; strings, identifiers and comments are skipped. */
export type SqlToken =
  | { kind: 'word'; text: string; start: number; end: number }
  | { kind: 'param'; index: number; start: number; end: number }
  | { kind: 'semicolon' | 'open-paren' | 'other'; start: number; end: number };

/** What the lexer found, or the reason it could not read the text. */
export type SqlScan = { ok: true; tokens: SqlToken[] } | { ok: false; message: string };

/** Statement keywords a check may start with: the query forms PostgreSQL can run in a cursor. */
export const QUERY_KEYWORDS: readonly string[] = ['select', 'with', 'values', 'table'];

// EXPLAIN is refused on purpose: EXPLAIN ANALYZE executes the statement it explains (a DELETE
// included; only the read-only transaction would stop it), a plan is not evidence about data,
// and EXPLAIN cannot run inside the cursor the session uses to count rows without fetching them.
const REFUSAL_REASONS: Record<string, string> = {
  explain: 'a plan is not evidence, and EXPLAIN ANALYZE runs the statement it explains',
  begin: 'the gate opens and rolls back the transaction itself',
  start: 'the gate opens and rolls back the transaction itself',
  commit: 'the gate opens and rolls back the transaction itself',
  end: 'the gate opens and rolls back the transaction itself',
  rollback: 'the gate opens and rolls back the transaction itself',
  abort: 'the gate opens and rolls back the transaction itself',
  savepoint: 'the gate opens and rolls back the transaction itself',
  release: 'the gate opens and rolls back the transaction itself',
  set: 'session and transaction settings are fixed by the gate (read only, statement_timeout)',
  reset: 'session and transaction settings are fixed by the gate (read only, statement_timeout)',
};

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** Line and column (1-based) of a character offset, for messages about SQL text. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Splits SQL into the tokens that matter, skipping strings, quoted identifiers and comments. */
export function scanSql(text: string): SqlScan {
  const tokens: SqlToken[] = [];
  let i = 0;
  const unterminated = (what: string, start: number): SqlScan => ({
    ok: false,
    message: `unterminated ${what} starting at ${lineAndColumn(text, start)}`,
  });
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '-' && next === '-') {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline + 1;
    } else if (ch === '/' && next === '*') {
      // Block comments nest in PostgreSQL.
      const start = i;
      let depth = 0;
      while (i < text.length) {
        if (text.startsWith('/*', i)) {
          depth++;
          i += 2;
        } else if (text.startsWith('*/', i)) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else {
          i++;
        }
      }
      if (depth !== 0) return unterminated('comment', start);
    } else if (ch === "'") {
      const end = skipQuoted(text, i, "'", false);
      if (end === -1) return unterminated('string', i);
      tokens.push({ kind: 'other', start: i, end });
      i = end;
    } else if (ch === '"') {
      const end = skipQuoted(text, i, '"', false);
      if (end === -1) return unterminated('quoted identifier', i);
      tokens.push({ kind: 'other', start: i, end });
      i = end;
    } else if (ch === '$') {
      const digits = /^\$(\d+)/.exec(text.slice(i, i + 12));
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 200));
      if (digits) {
        tokens.push({ kind: 'param', index: Number(digits[1]), start: i, end: i + digits[0].length });
        i += digits[0].length;
      } else if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        if (close === -1) return unterminated('dollar-quoted string', i);
        const end = close + tag[0].length;
        tokens.push({ kind: 'other', start: i, end });
        i = end;
      } else {
        tokens.push({ kind: 'other', start: i, end: i + 1 });
        i++;
      }
    } else if (WORD_START.test(ch)) {
      const start = i;
      while (i < text.length && WORD_PART.test(text[i]!)) i++;
      const word = text.slice(start, i);
      // E'…' strings take backslash escapes; B'…', X'…', N'…' and U&'…' follow the standard rule.
      if (text[i] === "'" && /^(e|b|x|n)$/i.test(word)) {
        const end = skipQuoted(text, i, "'", /^e$/i.test(word));
        if (end === -1) return unterminated('string', start);
        tokens.push({ kind: 'other', start, end });
        i = end;
      } else if (/^u$/i.test(word) && text[i] === '&' && (text[i + 1] === "'" || text[i + 1] === '"')) {
        const end = skipQuoted(text, i + 1, text[i + 1]!, false);
        if (end === -1) return unterminated('string', start);
        tokens.push({ kind: 'other', start, end });
        i = end;
      } else {
        tokens.push({ kind: 'word', text: word, start, end: i });
      }
    } else if (ch === ';') {
      tokens.push({ kind: 'semicolon', start: i, end: i + 1 });
      i++;
    } else if (ch === '(') {
      tokens.push({ kind: 'open-paren', start: i, end: i + 1 });
      i++;
    } else {
      tokens.push({ kind: 'other', start: i, end: i + 1 });
      i++;
    }
  }
  return { ok: true, tokens };
}

/** Index just past the closing quote (a doubled quote is an escaped one), or -1. */
function skipQuoted(text: string, open: number, quote: string, backslashEscapes: boolean): number {
  let i = open + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (backslashEscapes && ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return -1;
}

/**
 * Why this text cannot be a check's SQL, or undefined when it is one query. The read-only
 * transaction on the server stays the backstop; this only refuses early, with a clearer message.
 */
export function sqlTextProblem(text: string): string | undefined {
  const scan = scanSql(text);
  if (!scan.ok) return `the SQL has an ${scan.message}`;
  const { tokens } = scan;
  const firstSemicolon = tokens.findIndex((token) => token.kind === 'semicolon');
  if (firstSemicolon !== -1) {
    const after = tokens.slice(firstSemicolon + 1).find((token) => token.kind !== 'semicolon');
    if (after) {
      return `one statement only: the SQL goes on after the ";" at ${lineAndColumn(text, tokens[firstSemicolon]!.start)}; put each query in its own check`;
    }
  }
  const first = tokens.find((token) => token.kind !== 'open-paren');
  if (!first || first.kind === 'semicolon')
    return 'the SQL text is empty; write one query such as `select count(*) as n from …`';
  if (first.kind !== 'word') {
    return `the SQL must start with SELECT, WITH, VALUES or TABLE, not "${text.slice(first.start, first.end)}"`;
  }
  const keyword = first.text.toLowerCase();
  if (QUERY_KEYWORDS.includes(keyword)) return undefined;
  const reason =
    REFUSAL_REASONS[keyword] ?? 'a check runs one read-only query; gates never change the database';
  return `only a query can be evidence (SELECT, WITH, VALUES or TABLE), not ${first.text.toUpperCase()}: ${reason}`;
}

/** The highest `$n` the SQL uses (0 when none). */
export function highestParam(text: string): number {
  const scan = scanSql(text);
  if (!scan.ok) return 0;
  let highest = 0;
  for (const token of scan.tokens) if (token.kind === 'param') highest = Math.max(highest, token.index);
  return highest;
}

/** A parameter value as a SQL literal, for a person to paste (the probe itself always binds). */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `'${String(value)}'`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/** The SQL with each `$n` replaced by its parameter as a quoted literal. */
export function inlineParams(text: string, params: readonly unknown[]): string {
  const scan = scanSql(text);
  if (!scan.ok) return text;
  let out = '';
  let cursor = 0;
  for (const token of scan.tokens) {
    if (token.kind !== 'param' || token.index < 1 || token.index > params.length) continue;
    out += text.slice(cursor, token.start) + sqlLiteral(params[token.index - 1]);
    cursor = token.end;
  }
  return out + text.slice(cursor);
}

/** The `params` extra as a list (missing means none). */
export function paramsOf(extras: Record<string, unknown>): readonly unknown[] {
  const params = extras.params;
  return Array.isArray(params) ? params : [];
}
