// A generated family of secrets — one per Markdown, JSON, regex and shell special character, one
// per class holding all of them, unicode, one secret inside another, one of exactly 4 characters —
// and the forms a reader could see each of them in. The forms are written here independently of
// src/report/secret-forms.ts, so a form the product forgets is still looked for.
import { escapeMarkdown } from '../../src/report/escape.js';

export const CHARACTER_CLASSES = {
  markdown: '\\`*_{}[]()#+-.!|~<>&@:',
  json: '"\\/\n\t\r',
  regex: '^$.*+?()[]{}|\\',
  shell: '\'"`$;&|<>()*?~#! ',
} as const;

// Names the gate must recognise as secret; several were missed before (_PASS, _PWD, _KEY, …).
const NAME_SUFFIXES = ['TOKEN', 'PASS', 'PWD', 'KEY', 'CREDENTIALS', 'DSN', 'SECRET', 'API_KEY', 'PASSWORD'];

export interface FamilySecret {
  /** Environment variable that holds it. */
  name: string;
  value: string;
  /** What it exercises, for failure messages. */
  what: string;
}

/** The family, each under a secret-looking variable name. */
export function secretFamily(): FamilySecret[] {
  const values: Array<[string, string]> = [];
  const characters = [...new Set(Object.values(CHARACTER_CLASSES).join(''))];
  for (const [index, char] of characters.entries())
    values.push([`character ${JSON.stringify(char)}`, `s${index}K${char}q7${char}Zx`]);
  for (const [name, chars] of Object.entries(CHARACTER_CLASSES))
    values.push([`every ${name} character`, `all-${name}-${chars}-end9`]);
  values.push(['unicode', 'пароль-秘密-🔑-é-Ω9']);
  values.push(['inner secret', 'inNer_s3cr*t']);
  values.push(['secret containing another', 'outer[inNer_s3cr*t](x)_tail']);
  values.push(['4 characters (the minimum)', 'Q#7~']);
  return values.map(([what, value], index) => ({
    name: `FAMILY_${index}_${NAME_SUFFIXES[index % NAME_SUFFIXES.length]}`,
    value,
    what,
  }));
}

/** Every form of `secret` a leak could take: raw, Markdown-, JSON-, URL- and HTML-escaped. */
export function leakForms(secret: string): Record<string, string> {
  const html = secret.replace(
    /[&<>"']/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[char]};`,
  );
  const forms: Record<string, string> = {
    raw: secret,
    'Markdown-escaped': escapeMarkdown(secret),
    'Markdown-escaped (every punctuation)': secret.replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`),
    'JSON-escaped': JSON.stringify(secret).slice(1, -1),
    'URL-encoded': encodeURIComponent(secret),
    'HTML entities': html,
  };
  return Object.fromEntries(Object.entries(forms).filter(([, form]) => form.length >= 4));
}
