// The light half of `http` … `json:`: which JSONPath expressions are accepted, checked when the gate
// file loads. Evaluation (jsonpath-plus) is in json-fields.ts, loaded with the session.

/** Field names a `json:` entry may take: what `expect` can name, and not a built-in field. */
export const JSON_FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Quoted member names ('a b', "x") are data: nothing inside them is syntax.
const QUOTED = /'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g;

/**
 * Checks a JSONPath against the subset this probe evaluates and returns it ready for jsonpath-plus,
 * or a message that says what to write instead. Filter selectors (`?`) and script expressions are
 * refused: jsonpath-plus would evaluate them as code, and values come from a gate file that must
 * never execute anything. Its non-RFC extensions (`^` parent, `~` names, `@` and backtick forms)
 * are refused too, so a path means what RFC 9535 says. A negative index `[-1]`, which jsonpath-plus
 * does not select, becomes the one-element slice `[-1:]` (RFC 9535 picks the same node).
 */
export function normalizeJsonPath(path: string): { path: string } | { problem: string } {
  const text = path.trim();
  if (!text.startsWith('$'))
    return { problem: `'${path}' must start with $ (the answer's root), e.g. $.status` };
  const syntax = text.replace(QUOTED, (quoted) => ' '.repeat(quoted.length));
  if (/[?()]/.test(syntax)) {
    return {
      problem: `'${path}': filter selectors and script expressions (?…, (…)) are not supported, so a gate file never runs code; select by name or index instead`,
    };
  }
  const extension = /[\^~@`]/.exec(syntax);
  if (extension) {
    return {
      problem: `'${path}': '${extension[0]}' is a jsonpath-plus extension, not RFC 9535 JSONPath; select by name or index`,
    };
  }
  if (/\[\s*(?:-?\d+\s*,\s*)*-\d+\s*,/.test(syntax) || /,\s*-\d+\s*\]/.test(syntax)) {
    return {
      problem: `'${path}': a negative index inside a list of indexes is not supported; write one selector per field`,
    };
  }
  let rewritten = '';
  let last = 0;
  // Negative single indexes outside quoted names only: positions come from the blanked copy.
  for (const match of syntax.matchAll(/\[\s*(-\d+)\s*\]/g)) {
    const index = Number(match[1]);
    const end = index === -1 ? '' : String(index + 1);
    rewritten += `${text.slice(last, match.index)}[${index}:${end}]`;
    last = match.index + match[0].length;
  }
  return { path: rewritten + text.slice(last) };
}
