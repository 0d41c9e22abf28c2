/** One thing wrong with the gate file, where it is, and what to do. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Thrown when a gate file cannot be used; carries every problem found, not just the first. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** `file:line:column: message`, the form editors and GitHub annotations understand. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(
        previous[j]! + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** ` (did you mean 'x'?)` when a known word is close to what was written, else ''. */
export function didYouMean(written: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(written.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const close = best !== undefined && bestDistance <= Math.max(2, Math.floor(written.length / 3));
  if (close) return ` (did you mean '${best}'?)`;
  // `latency` for `latency_ms`: a unit or qualifier left off is a near miss too.
  const lower = written.toLowerCase();
  const extended =
    lower.length >= 3 ? known.find((candidate) => candidate.toLowerCase().startsWith(lower)) : undefined;
  return extended ? ` (did you mean '${extended}'?)` : '';
}
