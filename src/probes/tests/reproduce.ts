import { shellQuote } from '../../shared/quote.js';
import { parseNamePatterns } from './names.js';
import { reportGlobs, type TestsSpec } from './schema.js';

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `go test -run` pattern: exact names as `^(A|B)$`, regexes as written; subtests run by their parent. */
function goRunPattern(spec: TestsSpec): string {
  const exact: string[] = [];
  const regexes: string[] = [];
  for (const pattern of parseNamePatterns(spec.names)) {
    if ('exact' in pattern) {
      // go splits -run on `/` per subtest level; running the parent runs its subtests too.
      const top = escapeRegex(pattern.exact.split('/')[0]!);
      if (!exact.includes(top)) exact.push(top);
    } else {
      regexes.push(pattern.regex.source);
    }
  }
  const parts = exact.length > 0 ? [`^(${exact.join('|')})$`] : [];
  return [...parts, ...regexes].join('|');
}

const xmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An ERE matching the `name="…"` attribute of the named test cases (regex names approximately). */
function junitNamePattern(spec: TestsSpec): string {
  const parts = parseNamePatterns(spec.names).map((pattern) => {
    if ('exact' in pattern) {
      // `classname.name` is matched on its last part too: the attribute holds the name alone.
      const last = pattern.exact.split('.').at(-1)!;
      const forms = last === pattern.exact ? [pattern.exact] : [pattern.exact, last];
      return forms.map((form) => escapeRegex(xmlEscape(form))).join('|');
    }
    let source = pattern.regex.source;
    const anchoredStart = source.startsWith('^');
    const anchoredEnd = source.endsWith('$') && !source.endsWith('\\$');
    if (anchoredStart) source = source.slice(1);
    if (anchoredEnd) source = source.slice(0, -1);
    return `${anchoredStart ? '' : '[^"]*'}${source}${anchoredEnd ? '' : '[^"]*'}`;
  });
  return `<testcase [^>]*name="(${parts.join('|')})"`;
}

/** The command a person runs to see the same evidence. */
export function reproduceTests(spec: TestsSpec): string {
  const globs = reportGlobs(spec);
  // The format is only known once a file is read; the glob's extension is the best guess here.
  const allXml = globs.every((glob) => /\.xml$/i.test(glob));
  const files = globs.map((glob) => (/^[\w./*?-]+$/.test(glob) ? glob : shellQuote(glob))).join(' ');
  if (allXml) return `grep -E -A3 ${shellQuote(junitNamePattern(spec))} ${files}`;
  return `go test ./... -count=1 -run ${shellQuote(goRunPattern(spec))}`;
}
