// A generated family of hostile values and hostile author templates, and a real CommonMark + GFM
// renderer (micromark) to check what a reader would see: shared by the unit tests and the dist/ test.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import type { EvidencePart } from '../../src/engine/results.js';

const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** Values a source could return that try to become live Markdown, HTML, a link, a mention or reversed text. */
export function hostileValues(): string[] {
  const values = [
    ...[...PUNCTUATION].map((char) => `a${char}b`),
    PUNCTUATION,
    'https://evil.example/x?a=1',
    'HTTP://EVIL.EXAMPLE',
    'ftp://evil.example/f',
    'see https://evil.example.',
    'www.evil.example',
    'WWW.Evil.Example/path',
    '(www.evil.example)',
    '*www.evil.example*',
    'user@evil.example',
    'first.last+tag@sub.evil.example',
    'mailto:user@evil.example',
    'xmpp:user@evil.example',
    '@octocat',
    'cc @org/team please',
    '#123',
    'fixes #4 and owner/repo#5',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="https://evil.example">click</a>',
    '<https://evil.example>',
    '<user@evil.example>',
    '<!-- hidden -->',
    '<details open>',
    '![x](https://evil.example/i.png)',
    '[x](https://evil.example)',
    '[x]: https://evil.example',
    '[x][y]',
    '# heading',
    '## heading',
    'Heading\n===',
    'text\n---\n# h',
    '> quote',
    '- item',
    '1. item',
    '```',
    '~~~',
    '| a | b |',
    '\\|',
    '\\\\|',
    ...[1, 2, 3, 4, 5].map((length) => '`'.repeat(length)),
    '`x` ``y`` ```z```',
    '**bold** __bold__ *em* _em_ ~~del~~ ~del~',
    '$x^2$ $$y$$',
    '&lt;script&gt; &#60;img src=x onerror=alert(1)&#62; &amp;',
    'abc\u202Edcba',
    'zero\u200Bwidth\u200C\u200D',
    'iso\u2066late\u2067x\u2068y\u2069',
    '\uFEFFbom \u200E\u200F \u061C \u202A\u202B\u202C\u202D',
    'line1\r\nline2\rline3\nline4',
    '\u001b[31mred\u001b[0m',
    'x'.repeat(5000),
  ];
  values.push(values.join(' '));
  return values;
}

/** Author templates around one value: unbalanced backticks, pipes, links, emphasis, a trailing backslash. */
export function hostileTemplates(): Array<(value: string) => EvidencePart[]> {
  const around =
    (before: string, after = '') =>
    (value: string): EvidencePart[] => [{ text: before }, { value }, { text: after }];
  return [
    around(''),
    around('`', '`'),
    around('open `'),
    around('', ' close `'),
    around('`a` `'),
    around('``', '`'),
    around('`', '``'),
    around('a | b ', ' | c'),
    around('a \\| b \\\\| c '),
    around('**', '**'),
    around('trailing \\'),
    around('<b>', '</b>'),
    around('# not a heading '),
    around('`x|y` '),
  ];
}

/** The value as a template with no author text at all, twice, with a change suffix. */
export function twoValues(value: string): EvidencePart[] {
  return [{ value }, { text: ' and ' }, { value, change: '+1' }];
}

/** Renders Markdown the way GitHub's engine reads it (CommonMark + GFM), raw HTML let through so it would show. */
export function render(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
}

/** The HTML elements the report itself uses; anything else came from a value. */
const OWN_TAGS = new Set([
  'h1',
  'h2',
  'p',
  'strong',
  'em',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ul',
  'li',
  'br',
  'hr',
  'blockquote',
  'details',
  'summary',
]);

/** What a reader would see that a value made live, as a list of problems (empty is what a test wants). */
export function liveMarkdown(html: string): string[] {
  const problems: string[] = [];
  for (const [, tag] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)) {
    if (!OWN_TAGS.has(tag!.toLowerCase())) problems.push(`element <${tag}>`);
  }
  if (/<(em|del)>/.test(html)) problems.push('emphasis or strikethrough');
  // GitHub links @mentions and #123 in rendered text, but not inside code or pre.
  const text = html
    .replace(/<pre>[\s\S]*?<\/pre>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<[^>]+>/g, '');
  const mention = /(^|[^\w`])@[A-Za-z0-9]/.exec(text);
  if (mention) problems.push(`mention near ${JSON.stringify(text.slice(mention.index, mention.index + 20))}`);
  const reference = /(^|[^\w&])#[0-9]/.exec(text);
  if (reference)
    problems.push(`reference near ${JSON.stringify(text.slice(reference.index, reference.index + 20))}`);
  const invisible = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]/u.exec(html);
  if (invisible) problems.push(`invisible character U+${invisible[0].codePointAt(0)!.toString(16)}`);
  return problems;
}

/** The cells of each body row of each rendered table (GFM drops cells beyond the header's count). */
export function tableCells(html: string): string[][][] {
  return [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map(([, body]) =>
    [...body!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell]) => cell!),
    ),
  );
}

/**
 * Cells per body row, per table; a row whose last cell is not `last` (a break moved it) counts -1.
 * The last cell of a report's row is its result, starting with the status icon.
 */
export function tableShape(html: string, last: RegExp = /^(✅|❌|⚠️|🟡|y$)/u): number[][] {
  return tableCells(html).map((rows) =>
    rows.map((cells) => (last.test(cells.at(-1) ?? '') ? cells.length : -1)),
  );
}
