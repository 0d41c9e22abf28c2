// Exact output of the escaper, rule by rule: the kill set for mutation testing of
// src/report/escape.ts. inert-values.test.ts proves no hostile value comes alive; this file pins what
// a reader sees, so a rule that escapes too much (an unreadable report) or too little is caught.
import { describe, expect, it } from 'vitest';
import {
  codeBlock,
  escapeCellText,
  escapeMarkdown,
  inlineCode,
  stripControlAndLineBreaks,
  renderEvidenceCell,
  stripControl,
} from '../../src/report/escape.js';

describe('stripControl and stripControlAndLineBreaks', () => {
  it.each([
    ['an ANSI colour (CSI with parameters)', '\u001b[1;31mred\u001b[0m', 'red'],
    ['an OSC title ended by BEL', 'a\u001b]0;title\u0007b', 'ab'],
    ['an OSC hyperlink ended by ESC \\', 'a\u001b]8;;http://x\u001b\\b', 'ab'],
    [
      'C0 and C1 controls, keeping tab, newline and CR',
      'a\u0000\u0008\u000b\u000c\u000e\u001f\u007f\u0085\u009fb\t\n\r',
      'ab\t\n\r',
    ],
    [
      'invisible format characters, named by code point',
      '\u00ad\u200b\u202e\ufeff\u2028\u2029\u{E0041}',
      '<U+00AD><U+200B><U+202E><U+FEFF><U+2028><U+2029><U+E0041>',
    ],
  ])('removes %s', (_what, input, output) => {
    expect(stripControl(input)).toBe(output);
  });

  it('puts every line break and tab on one line, CRLF as one space', () => {
    expect(stripControlAndLineBreaks('a\r\nb\rc\nd\te')).toBe('a b c d e');
  });
});

describe('escapeMarkdown: a value outside code', () => {
  it('backslash-escapes each inline Markdown character', () => {
    expect(escapeMarkdown('\\`*_{}[]()#!|~$')).toBe('\\\\\\`\\*\\_\\{\\}\\[\\]\\(\\)\\#\\!\\|\\~\\$');
  });

  it('writes &, < and > as entities', () => {
    expect(escapeMarkdown('a&b<c>d')).toBe('a&amp;b&lt;c&gt;d');
  });

  it('puts @ and #<digit> in code spans of their own, merged when adjacent, and leaves a lone # escaped', () => {
    expect(escapeMarkdown('#1 # x@y @@ a@#2')).toBe('`#`1 \\# x`@`y `@@` a`@#`2');
    expect(escapeMarkdown('end@')).toBe('end`@`');
  });

  it('breaks URL and www autolinks only where they would form', () => {
    expect(escapeMarkdown('http://x a:b www.x WWW.y awww.z ww.q .w')).toBe(
      'http\\://x a:b www\\.x WWW\\.y awww\\.z ww.q .w',
    );
  });

  it('is one line', () => {
    expect(escapeMarkdown('a\nb')).toBe('a b');
  });
});

describe('inlineCode: a span the content cannot close', () => {
  it.each([
    ['a', '`a`'],
    ['a``b`c', '```a``b`c```'],
    ['`a', '`` `a ``'],
    ['a`', '`` a` ``'],
    [' a ', '`  a  `'],
    [' a', '` a`'],
    ['a ', '`a `'],
    ['  ', '`  `'],
    ['a\nb', '`a b`'],
  ])('%j -> %s', (input, output) => {
    expect(inlineCode(input)).toBe(output);
  });

  it('escapes every pipe for a table, counting the backslashes before it', () => {
    // `a|b` gains a backslash; `b\|c` is already escaped; `c\\|d` is an escaped backslash, then a pipe.
    expect(inlineCode('a|b\\|c\\\\|d')).toBe('`a\\|b\\|c\\\\\\|d`');
  });
});

describe('codeBlock: a fence the content cannot close', () => {
  it('uses three backticks at least, more than any run in the content', () => {
    expect(codeBlock('x')).toBe('```\nx\n```');
    expect(codeBlock('a`b')).toBe('```\na`b\n```');
    expect(codeBlock('a````b', 'sql')).toBe('`````sql\na````b\n`````');
  });

  it('keeps lines, drops escapes', () => {
    expect(codeBlock('a\u001b[31m\nb')).toBe('```\na\nb\n```');
  });
});

describe("escapeCellText: the author's text, read as text", () => {
  it('keeps ( ) and > as written, escapes brackets, pipes, emphasis, mentions and URLs', () => {
    expect(escapeCellText('(a) > b [x](y) a | b @u https://x *s* \\* a\\b')).toBe(
      '(a) > b \\[x\\](y) a \\| b `@`u https\\://x \\*s\\* \\* a\\\\b',
    );
    expect(escapeCellText('www.x')).toBe('www\\.x');
  });

  it("keeps the author's code spans, pipes escaped", () => {
    expect(escapeCellText('see `code|x` ok')).toBe('see `code\\|x` ok');
  });
});

describe('renderEvidenceCell: Markdown of the author, values as text', () => {
  it("keeps the author's emphasis, drops raw HTML and table breaks, shows a stray backslash", () => {
    expect(renderEvidenceCell([{ text: '**b** <i> a|b \\* a\\b ~' }])).toBe(
      '**b** &lt;i> a\\|b \\* a\\\\b ~',
    );
    expect(renderEvidenceCell([{ text: 'a\\' }])).toBe('a\\\\');
    expect(renderEvidenceCell([{ text: '\\' }, { value: '*' }])).toBe('\\\\\\*');
  });

  it('writes the change beside the value, escaped, and inside a code span as it is', () => {
    expect(
      renderEvidenceCell([{ value: '5', change: '+1' }, { text: ' ' }, { value: 'x', change: '*' }]),
    ).toBe('5 (+1) x (\\*)');
    expect(renderEvidenceCell([{ text: '`' }, { value: '5', change: '+1' }, { text: '`' }])).toBe('`5 (+1)`');
  });

  it('reads backtick runs as CommonMark does: unclosed runs literal, a span closed only by a run as long', () => {
    expect(renderEvidenceCell([{ text: '``a`' }])).toBe('\\`\\`a\\`');
    expect(renderEvidenceCell([{ text: '`a``b`' }])).toBe('```a``b```');
    expect(renderEvidenceCell([{ text: '` a ` ` ` `  `' }])).toBe('`a` ` ` `  `');
  });

  it("merges a value's code piece with the author's span next to it", () => {
    expect(renderEvidenceCell([{ value: '@' }, { text: '`x`' }])).toBe('`@x`');
  });

  it("percent-encodes a value only inside the author's link destination or URL", () => {
    const cell = (...parts: Parameters<typeof renderEvidenceCell>[0]) => renderEvidenceCell(parts);
    expect(cell({ text: '[run](' }, { value: 'a b(c)' }, { text: ')' })).toBe('[run](a%20b%28c%29)');
    expect(cell({ text: '[r](' }, { value: 'a\uD800b\uDC00' })).toBe('[r](a%EF%BF%BDb%EF%BF%BD');
    expect(cell({ text: 'https://ci/' }, { value: 'x y' })).toBe('https://ci/x%20y');
    expect(cell({ text: 'WWW.' }, { value: 'x y' })).toBe('WWW.x%20y');
    // Not a destination: no `]` right before `(`, a space or `)` ended it, or a code span came between.
    expect(cell({ text: '(' }, { value: 'a b' }, { text: ')' })).toBe('(a b)');
    expect(cell({ text: '] (' }, { value: 'a b' })).toBe('] (a b');
    expect(cell({ text: 'https://x ' }, { value: 'a b' })).toBe('https://x a b');
    expect(cell({ text: '[r](u)' }, { value: '(x)' })).toBe('[r](u)\\(x\\)');
    expect(cell({ text: '[r](u ' }, { value: '(x)' })).toBe('[r](u \\(x\\)');
    expect(cell({ text: '[r](`c`' }, { value: 'a b' })).toBe('[r](`c`a b');
  });
});
