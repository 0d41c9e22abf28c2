// Edges of a report cell that mutation testing of src/report/escape.ts found untested: each is the
// exact Markdown a reader of the job summary, the check run or the .md bundle gets.
import { describe, expect, it } from 'vitest';
import { escapeCellText, escapeMarkdown, renderEvidenceCell } from '../../src/report/escape.js';

describe('values next to the author’s code spans', () => {
  it('a value starting or ending in @ joins the author’s code span, so no two fences touch', () => {
    expect(renderEvidenceCell([{ text: '`x`' }, { value: '@' }])).toBe('`x@`');
    expect(renderEvidenceCell([{ text: '`x`' }, { value: '@a' }])).toBe('`x@`a');
  });

  it('the author’s code span loses one space at each end only when both ends have one, like CommonMark', () => {
    expect(renderEvidenceCell([{ text: 'run `npm ci`, ` x `, `  `, ` a`, `a `, ` `' }])).toBe(
      'run `npm ci`, `x`, `  `, ` a`, `a `, ` `',
    );
  });
});

describe('plain text stays as written', () => {
  it('a colon not starting // and www not followed by a dot are not escaped', () => {
    expect(escapeMarkdown('time 12:30 and wwwhat')).toBe('time 12:30 and wwwhat');
    expect(escapeMarkdown('see a//b')).toBe('see a//b');
  });

  it('an unclosed backtick keeps its place in author text', () => {
    expect(escapeCellText('a `b')).toBe('a \\`b');
  });
});

describe('author text (names, reasons): an escaped @ or # still cannot mention or reference', () => {
  it('\\@team and \\#12 become code, not a mention or an issue link', () => {
    expect(escapeCellText('cc \\@team and \\#12')).toBe('cc `@`team and `#`12');
  });
});

describe('link destinations: a value is percent-encoded only inside the author’s URL', () => {
  it('inside [text](path/…) the value is encoded, up to the closing parenthesis', () => {
    expect(renderEvidenceCell([{ text: '[log](runs/' }, { value: 'b c' }, { text: ')' }])).toBe(
      '[log](runs/b%20c)',
    );
  });

  it('a ( after a value or after a code span opens no destination', () => {
    expect(
      renderEvidenceCell([{ text: 'see ' }, { value: 'a' }, { text: '(' }, { value: 'b c' }, { text: ')' }]),
    ).toBe('see a(b c)');
    expect(renderEvidenceCell([{ text: '`cmd`(' }, { value: 'b c' }, { text: ')' }])).toBe('`cmd`(b c)');
  });

  it('a word starting www. takes the value into its URL; www. inside a word does not', () => {
    expect(renderEvidenceCell([{ text: 'see www.example.com/' }, { value: 'b c' }])).toBe(
      'see www.example.com/b%20c',
    );
    expect(renderEvidenceCell([{ text: 'see mywww.example/' }, { value: 'b c' }])).toBe(
      'see mywww.example/b c',
    );
  });

  it('in text mode, author text before a value keeps its place', () => {
    expect(renderEvidenceCell([{ text: 'a ' }, { value: 'b' }], 'text')).toBe('a b');
  });
});
