/**
 * Folds every run of whitespace (newlines included) into one space and trims, so a message fits in
 * a table cell or a log line; longer than `maxChars` characters, it is cut with `…`.
 */
export function oneLine(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // A string has at least as many UTF-16 units as characters: short ones need no counting.
  if (flat.length <= maxChars) return flat;
  const chars = [...flat];
  return chars.length > maxChars ? `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…` : flat;
}

/** Length of `text` in UTF-8 bytes, the unit GitHub's size limits count in. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The longest start of `text` that is at most `maxBytes` UTF-8 bytes, never ending inside a
 * character (a cut multi-byte character would show as U+FFFD).
 */
export function cutToBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, Math.floor(maxBytes));
  // Step back over continuation bytes (10xxxxxx) to the start of the character cut in two.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString('utf8');
}

/** `value`, or undefined when it is missing or empty (an unset `${VAR}` or `KEY=` in the environment). */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** The first line of `text` that is not blank, trimmed: the gist of a multi-line library message. */
export function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? text).trim();
}
