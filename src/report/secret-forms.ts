// Every way a secret can be written down by the code between a probe and a reader: Markdown
// escapers, JSON, URLs, HTML, shell quoting and log cleaning. The Redactor masks each form, so a
// secret that slipped into a string already encoded (a JSON body echoing it, a URL holding it) is
// caught as surely as the raw value.
import { escapeCellText, escapeMarkdown, stripControl } from './escape.js';

/**
 * Shortest value masked. Shorter values ("abc", "42", "yes") occur in ordinary text so often that
 * masking them would hide the report itself; a credential that short is not a credential.
 */
export const MIN_SECRET_LENGTH = 4;

// CommonMark lets any ASCII punctuation be backslash-escaped; another escaper may pick any subset.
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const HTML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** The distinct forms of `secret` a report, a log or an API body could hold, longest first. */
export function encodedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [
    secret,
    // Markdown, as this project escapes it (outside and inside code spans) and as any escaper may.
    escapeMarkdown(secret),
    escapeCellText(secret),
    secret.replace(ASCII_PUNCTUATION, (char) => `\\${char}`),
    // JSON string contents; with non-ASCII as \u escapes; JSON quoted inside JSON.
    json,
    asciiJson(json),
    JSON.stringify(json).slice(1, -1),
    // URLs: path/query component, whole URL, HTML form.
    encodeURIComponent(secret),
    encodeURI(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    // HTML: text-node and attribute escaping (apostrophe kept or in either spelling), every punctuation as &#NN;.
    secret.replace(/[&<>]/g, (char) => HTML_NAMED[char]!),
    secret.replace(/[&<>"]/g, (char) => HTML_NAMED[char]!),
    htmlNamed(secret, '&#39;'),
    htmlNamed(secret, '&#x27;'),
    secret.replace(ASCII_PUNCTUATION, (char) => `&#${char.charCodeAt(0)};`),
    // POSIX single quoting, as the reproduce commands write values.
    secret.replaceAll("'", `'\\''`),
    // As logs and the terminal table show it: control characters dropped, whitespace collapsed.
    stripControl(secret).replace(/\s+/g, ' '),
  ];
  const distinct = [...new Set(forms)].filter((form) => form.length >= MIN_SECRET_LENGTH);
  return distinct.sort((a, b) => b.length - a.length);
}

function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function htmlNamed(secret: string, apostrophe: string): string {
  return secret.replace(/[&<>"']/g, (char) => HTML_NAMED[char] ?? apostrophe);
}
