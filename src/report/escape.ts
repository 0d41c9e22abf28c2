// How untrusted text becomes inert Markdown. Values from sources (probe fields, error messages,
// warnings) must never become a link, image, mention, HTML, heading, emphasis or table break,
// whatever the author's template around them. The rules are built for GitHub's renderer
// (cmark-gfm plus its post-render filters), not only for the CommonMark spec:
// - cmark-gfm finds URL and www autolinks in the source text, so an escape (`\:` `www\.`) stops them;
// - it finds e-mail addresses after decoding escapes and entities, and GitHub finds @mentions and
//   #123 references in the rendered text, so only a non-text node stops those: `@` and `#<digit>`
//   go into a code span of their own;
// - the author's code spans are re-emitted by us with fences the content cannot close, so a value
//   never depends on the parity of the author's backticks.
import type { EvidencePart } from '../engine/results.js';

const CONTROL =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*(\u0007|\u001b\\)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Invisible format characters: bidirectional overrides and isolates, zero-width characters, the
// byte-order mark, tag characters. They can reverse or hide text, so they are shown by code point.
const INVISIBLE = /\p{Cf}|[\u2028\u2029]/gu;

/**
 * Removes ANSI escape sequences and control characters (keeps tabs and newlines) and shows invisible
 * format characters (U+202E, U+200B, U+FEFF, …) as `<U+202E>`, so no text can hide or reverse another.
 */
export function stripControl(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(INVISIBLE, (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/**
 * Control characters removed and each line break or tab made a space (no other whitespace is
 * touched, unlike shared/text.ts's `oneLine`): for a table cell, a list item, a heading or a log line.
 */
export function stripControlAndLineBreaks(text: string): string {
  return stripControl(text).replace(/\r\n|[\r\n\t]/g, ' ');
}

// The ASCII punctuation that means something inline in GitHub's Markdown (emphasis, links, images,
// code, tables, headings, strikethrough, math). Values never start a line, so list markers are safe.
const ESCAPED = new Set('\\`*_{}[]()#!|~$'.split(''));

/**
 * Makes an untrusted value inert in Markdown outside code: no HTML, no link (URL, www, e-mail), no
 * image, no emphasis, no @mention, no #reference, no table break, one line.
 */
export function escapeMarkdown(value: string): string {
  const writer = new CellWriter();
  writer.value(value);
  return writer.finish();
}

type Piece = { markdown: string } | { code: string };

/** The escaped pieces of a value (or author text) outside code: `@` and `#<digit>` as code, the rest escaped text. */
function valuePieces(value: string, author = false): Piece[] {
  const text = stripControlAndLineBreaks(value);
  const pieces: Piece[] = [];
  let markdown = '';
  let code = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    // Stryker disable next-line StringLiteral: past the end any text without a digit does; '' is just the plainest
    if (char === '@' || (char === '#' && /[0-9]/.test(text[index + 1] ?? ''))) {
      if (markdown !== '') pieces.push({ markdown });
      markdown = '';
      code += char;
      continue;
    }
    if (code !== '') pieces.push({ code });
    code = '';
    if (char === '&') markdown += '&amp;';
    else if (char === '<') markdown += '&lt;';
    else if (char === '>') markdown += author ? '>' : '&gt;';
    else if (char === ':' && text.startsWith('//', index + 1)) markdown += '\\:';
    else if (char === '.' && followsWww(text, index)) markdown += '\\.';
    else if (ESCAPED.has(char) && !(author && (char === '(' || char === ')'))) markdown += `\\${char}`;
    else markdown += char;
  }
  if (markdown !== '') pieces.push({ markdown });
  if (code !== '') pieces.push({ code });
  return pieces;
}

/** `www` ends right before `index`, so a `.` there would start a www autolink. */
function followsWww(text: string, index: number): boolean {
  // Stryker disable next-line Regex,MethodExpression: the slice holds at most the 3 characters before the dot, so www$ and www agree; a longer prefix (Math.min) ends in www exactly when the 3 do
  return /www$/i.test(text.slice(Math.max(0, index - 3), index));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A value inside the author's link destination `[text](…{{field}}…)`: percent-encoded, so it stays in the URL. */
function encodeInUrl(value: string): string {
  return encodeURI(stripControlAndLineBreaks(value).replace(LONE_SURROGATE, '\uFFFD')).replace(
    /[()]/g,
    (char) => (char === '(' ? '%28' : '%29'),
  );
}

/**
 * In a table cell a `|` ends the cell unless an odd number of backslashes precedes it (GFM reads
 * `\\` as one escaped backslash). Adds the backslash that makes every pipe escaped.
 */
function escapePipes(text: string): string {
  return text.replace(/(\\*)\|/g, (_match, slashes: string) =>
    slashes.length % 2 === 0 ? `${slashes}\\|` : `${slashes}|`,
  );
}

/**
 * An inline code span showing `content` literally: the fence is longer than any backtick run in it,
 * padded where CommonMark would otherwise strip or misread a space or backtick, pipes escaped for tables.
 */
export function inlineCode(value: string): string {
  const clean = stripControlAndLineBreaks(value);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const spaced = clean.startsWith(' ') && clean.endsWith(' ') && clean.trim() !== '';
  const pad = clean.startsWith('`') || clean.endsWith('`') || spaced ? ' ' : '';
  return `${fence}${pad}${escapePipes(clean)}${pad}${fence}`;
}

/** A fenced code block that no backtick run in the content can close early. */
export function codeBlock(content: string, language = ''): string {
  const clean = stripControl(content);
  const longest = Math.max(2, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${clean}\n${fence}`;
}

/**
 * Author-written text (a name, a title, a reason) for a cell, a list item or a heading: its code
 * spans are kept, the rest is shown as text like a value, because `${VAR}` may have put a value from
 * the environment (a branch name, say) into it.
 */
export function escapeCellText(text: string): string {
  return renderEvidenceCell([{ text }], 'text');
}

type Atom = { char: string } | { value: string; change?: string };

/**
 * Renders Evidence parts on one line. The author's text stays Markdown, read the way CommonMark
 * reads it (a backtick run opens a code span only if a run of the same length closes it), but
 * without raw HTML and without table breaks; the code spans are emitted anew with safe fences.
 * A value inside an author's code span is shown literally in it; elsewhere it is escaped text; in
 * the destination of an author's link it is percent-encoded.
 */
export function renderEvidenceCell(
  parts: readonly EvidencePart[],
  // Stryker disable next-line StringLiteral: only 'text' changes anything, so any other default reads author text as Markdown
  author: 'markdown' | 'text' = 'markdown',
): string {
  const atoms: Atom[] = [];
  for (const part of parts) {
    if ('text' in part) for (const char of stripControlAndLineBreaks(part.text)) atoms.push({ char });
    else atoms.push(part.change ? { value: part.value, change: part.change } : { value: part.value });
  }
  const out = new CellWriter(author);
  let index = 0;
  while (index < atoms.length) {
    const atom = atoms[index]!;
    if ('value' in atom) {
      out.value(atom.value);
      // The change since the baseline is the gate's own words (`+1`, `=`), beside the value.
      if (atom.change) out.markdown(` (${escapeMarkdown(atom.change)})`);
      index += 1;
      continue;
    }
    const next = atoms[index + 1];
    if (atom.char === '\\' && next && 'char' in next && isPunctuation(next.char)) {
      if (author === 'text') out.authorChar(next.char);
      else out.markdown(`\\${next.char}`);
      index += 2;
      continue;
    }
    if (atom.char !== '`') {
      out.authorChar(atom.char);
      index += 1;
      continue;
    }
    const length = runLength(atoms, index);
    const close = findCloser(atoms, index + length, length);
    // Stryker disable next-line EqualityOperator: findCloser searches from past the opening run, so it never returns 0
    if (close < 0) {
      // A backtick run nothing closes is literal text; escaped, it can never pair with a value's.
      out.markdown('\\`'.repeat(length));
      index += length;
      continue;
    }
    out.code(
      normalizeSpan(
        atoms
          .slice(index + length, close)
          .map(atomText)
          .join(''),
      ),
    );
    index = close + length;
  }
  return out.finish();
}

function atomText(atom: Atom): string {
  if ('char' in atom) return atom.char;
  return stripControlAndLineBreaks(atom.change ? `${atom.value} (${atom.change})` : atom.value);
}

function isPunctuation(char: string): boolean {
  // Stryker disable next-line Regex: char is one code point, so either anchor alone already means the whole of it
  return /^[!-/:-@[-`{-~]$/.test(char);
}

function isBacktick(atom: Atom | undefined): boolean {
  return atom !== undefined && 'char' in atom && atom.char === '`';
}

function runLength(atoms: readonly Atom[], start: number): number {
  let end = start;
  while (isBacktick(atoms[end])) end += 1;
  return end - start;
}

/** Start of the next backtick run of exactly `length` from `from`, or -1. Values hold no backtick run of the author's. */
function findCloser(atoms: readonly Atom[], from: number, length: number): number {
  let index = from;
  // Stryker disable next-line EqualityOperator: atoms[atoms.length] is undefined, not a backtick, so one more turn only steps past the end
  while (index < atoms.length) {
    if (!isBacktick(atoms[index])) {
      index += 1;
      continue;
    }
    const run = runLength(atoms, index);
    if (run === length) return index;
    index += run;
  }
  return -1;
}

/** CommonMark strips one space from each end of a code span's content when both ends have one. */
function normalizeSpan(content: string): string {
  return content.startsWith(' ') && content.endsWith(' ') && content.trim() !== ''
    ? content.slice(1, -1)
    : content;
}

/** Collects the cell's pieces; adjacent code pieces merge into one span so their fences never touch. */
class CellWriter {
  private out = '';
  private pendingCode: string | undefined;
  /** The author's text since `](`, while it can still be a link destination. */
  private inDestination = false;
  /** The author's last character was `]`, so a `(` opens a link destination. */
  private afterBracket = false;
  /** The author's text since the last space: a URL the author started (`https://…{{field}}`) takes the value in. */
  private word = '';
  /** Author text waiting to be escaped as text (`text` mode), so `://` and `www.` are seen whole. */
  private text = '';

  // Stryker disable next-line StringLiteral: only 'text' changes anything, so any other default reads author text as Markdown
  constructor(private readonly author: 'markdown' | 'text' = 'markdown') {}

  markdown(text: string): void {
    this.flushText();
    this.flushCode();
    this.out += text;
    this.afterBracket = false;
  }

  code(content: string): void {
    this.flushText();
    this.pendingCode = (this.pendingCode ?? '') + content;
    // Stryker disable next-line StringLiteral: after a code span any other start still fails ^www. and gains :// only where '' would too
    this.word = '';
    this.inDestination = false;
    this.afterBracket = false;
  }

  authorChar(char: string): void {
    if (this.author === 'text') {
      this.text += char;
      return;
    }
    const opensDestination = char === '(' && this.afterBracket;
    if (opensDestination) this.inDestination = true;
    else if (/\s|\)/.test(char)) this.inDestination = false;
    this.word = /\s/.test(char) ? '' : this.word + char;
    if (char === '<') this.markdown('&lt;');
    else if (char === '|') this.markdown('\\|');
    // A backslash that escapes nothing of the author's would escape what comes next: show it as text.
    else if (char === '\\') this.markdown('\\\\');
    else this.markdown(char);
    this.afterBracket = char === ']';
  }

  value(value: string): void {
    // Stryker disable next-line CallExpression: markdown() and code(), which write every piece below, flush the text first too
    this.flushText();
    // In the author's own link the value is part of its URL, percent-encoded so it cannot leave it.
    if (this.inDestination || /:\/\/|^www\./i.test(this.word)) {
      this.markdown(encodeInUrl(value));
      return;
    }
    for (const piece of valuePieces(value)) {
      if ('code' in piece) this.code(piece.code);
      else this.markdown(piece.markdown);
    }
  }

  finish(): string {
    this.flushText();
    this.flushCode();
    return this.out;
  }

  private flushText(): void {
    // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; valuePieces('') gives no pieces, so going on writes nothing
    if (this.text === '') return;
    const text = this.text;
    this.text = '';
    // With every bracket and `<` escaped no link or tag can form: the author's `(`, `)`, `>` stay as written.
    for (const piece of valuePieces(text, true)) {
      if ('code' in piece) this.code(piece.code);
      else this.markdown(piece.markdown);
    }
  }

  private flushCode(): void {
    if (this.pendingCode === undefined) return;
    this.out += inlineCode(this.pendingCode);
    this.pendingCode = undefined;
  }
}
