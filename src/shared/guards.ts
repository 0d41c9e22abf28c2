/**
 * True for a plain object whose keys can be read: not null, not an array. Parsed YAML/JSON and
 * thrown errors are checked with it before their fields are read.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
