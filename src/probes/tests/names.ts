import { compilePattern, PatternError, type Pattern } from '../../shared/pattern.js';

/** One entry of `names:`: an exact test name or a `/regex/flags` pattern (RE2 syntax, linear time). */
export type NamePattern =
  { readonly raw: string; readonly exact: string } | { readonly raw: string; readonly regex: Pattern };

const REGEX_FORM = /^\/(.+)\/([a-z]*)$/s;

/**
 * Parses one `names:` entry. Returns an error message (without the check's location, which the
 * caller adds) when the entry looks like a regex but does not compile.
 */
export function parseNamePattern(raw: string): NamePattern | string {
  const form = REGEX_FORM.exec(raw);
  if (!form) return { raw, exact: raw };
  const [, source, flags] = form;
  try {
    return { raw, regex: compilePattern(source!, flags) };
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    if (error.offset > source!.length) return `${raw} has flags '${flags}': ${error.message}`;
    return `${raw} is not a valid regular expression (${error.message}); write /pattern/ in RE2 syntax or an exact test name`;
  }
}

/** Parses entries already validated by the schema. */
export function parseNamePatterns(raws: readonly string[]): NamePattern[] {
  return raws.map((raw) => {
    const parsed = parseNamePattern(raw);
    if (typeof parsed === 'string') throw new Error(parsed);
    return parsed;
  });
}

const NO_HITS: readonly number[] = Object.freeze([]);

/** Answers which `names:` entries a test matches, given every name the test is known by. */
export class NameMatcher {
  private readonly exact = new Map<string, number[]>();
  private readonly regexes: { index: number; regex: Pattern }[] = [];

  constructor(readonly patterns: readonly NamePattern[]) {
    patterns.forEach((pattern, index) => {
      if ('exact' in pattern) {
        const list = this.exact.get(pattern.exact) ?? [];
        list.push(index);
        this.exact.set(pattern.exact, list);
      } else {
        this.regexes.push({ index, regex: pattern.regex });
      }
    });
  }

  /**
   * Indexes of the entries that match any of the test's names; empty when none does. Called for
   * every test of a report, so it allocates nothing for a test no entry matches.
   */
  match(candidates: readonly string[]): readonly number[] {
    let hits: number[] | undefined;
    for (const candidate of candidates) {
      const indexes = this.exact.get(candidate);
      if (indexes === undefined) continue;
      hits ??= [];
      for (const index of indexes) if (!hits.includes(index)) hits.push(index);
    }
    for (const { index, regex } of this.regexes) {
      if (hits?.includes(index)) continue;
      for (const candidate of candidates) {
        if (!regex.test(candidate)) continue;
        hits ??= [];
        hits.push(index);
        break;
      }
    }
    return hits ?? NO_HITS;
  }
}
