// Quoting for the reproduce commands a report prints. They are pasted into bash (and zsh) by
// people, so the output must mean exactly the value: single quotes are the only form in which no
// character is special — `$`, backticks, `\`, `!` (history expansion) and newlines stay literal.
// shell-quote's `quote` was measured against this and left out: it backslash-escapes `=`, `,`
// and `*` (`-l app\=web\,tier\=db`) and double-quotes values with `'`, which reads worse in a
// report and is no safer; and it leaves a tab raw, which a terminal turns into completion.

// Characters that no POSIX shell, bash or zsh treats specially inside a word. `=` may not lead:
// zsh expands a leading `=cmd` to the command's path.
const BARE_WORD = /^[A-Za-z0-9_./:,@%+-][A-Za-z0-9_./=:,@%+-]*$/;

// Control characters other than a newline: pasted raw, a tab triggers completion and others are
// read as editing keys, so these values are written with bash/zsh ANSI-C escapes ($'\t').
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

function ansiCQuote(value: string): string {
  let body = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\' || char === "'") body += `\\${char}`;
    else if (char === '\n') body += '\\n';
    else if (code < 0x20 || code === 0x7f) body += `\\x${code.toString(16).padStart(2, '0')}`;
    else body += char;
  }
  return `$'${body}'`;
}

/** Wraps `value` in single quotes for a POSIX shell; an embedded `'` becomes `'\''`. */
export function singleQuote(value: string): string {
  if (CONTROL.test(value)) return ansiCQuote(value);
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Quotes `value` as one shell word, leaving it bare when no character in it is special. */
export function shellQuote(value: string): string {
  return BARE_WORD.test(value) ? value : singleQuote(value);
}
