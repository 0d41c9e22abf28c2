/** Fields every `prometheus` check produces (`value`/`last` only for exactly one series). */
export const PROMETHEUS_FIELDS = [
  'series',
  'samples',
  'min',
  'max',
  'avg',
  'sum',
  'value',
  'last',
  'warnings',
] as const;

/** Fields that exist only when the answer has exactly one series. */
export const SINGLE_SERIES_FIELDS = ['value', 'last'] as const;

// Quoted strings and /regex/ literals are values, not field names: `labels matches /value/` reads no field.
const LITERALS = /'[^']*'|"[^"]*"|(?<=\bmatches\s*)\/(?:\\.|[^/\\])*\/[a-z]*/g;
const FIELD_IN_EXPECT = /(?<![\w.])(?:(?:baseline|delta)\.)?(value|last)(?![\w.])/;
const FIELD_IN_TEMPLATE = /\{\{\s*(value|last)\s*\}\}/;

/**
 * The single-series field a check reads in its expect or evidence template, if any. The probe
 * needs it to turn "no such field" into an error that names the series; a field this scan misses
 * still ends the check `error` (the engine's unknown-field error), never a pass.
 */
export function singleSeriesFieldRead(extras: Record<string, unknown>): string | undefined {
  const expect = typeof extras.expect === 'string' ? extras.expect.replace(LITERALS, ' ') : '';
  const evidence = typeof extras.evidence === 'string' ? extras.evidence : '';
  return FIELD_IN_EXPECT.exec(expect)?.[1] ?? FIELD_IN_TEMPLATE.exec(evidence)?.[1];
}
