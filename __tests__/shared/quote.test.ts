import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote, singleQuote } from '../../src/shared/quote.js';

// Values a gate file may carry into a reproduce command: quotes, expansions, history
// expansion, newlines, globs, braces, non-ASCII, the empty string.
const NASTY = [
  "it's",
  "'",
  'a$b',
  '$(id)',
  '`id`',
  'wow!',
  '!!',
  'x"y',
  'a\\b',
  'line1\nline2',
  'tab\there',
  'bell\u0007 and\r return',
  '*.xml',
  '{a,b}',
  '~root',
  '#comment',
  'a;b|c&d',
  '=ls',
  'привет мир',
  '',
  ' ',
];

/** What an interactive bash (history expansion on, as when a person pastes) prints for `printf`. */
function pastedIntoBash(words: readonly string[]): string[] {
  const script = `printf '%s\\0' ${words.join(' ')}\n`;
  const answer = spawnSync('bash', ['--norc', '--noprofile', '-i'], { input: script, encoding: 'utf8' });
  return answer.stdout.split('\0').slice(0, -1);
}

describe('shell quoting', () => {
  it('gives back every nasty value unchanged when pasted into an interactive bash', () => {
    expect(pastedIntoBash(NASTY.map(shellQuote))).toEqual(NASTY);
    expect(pastedIntoBash(NASTY.map(singleQuote))).toEqual(NASTY);
  });

  it('leaves plain words bare and quotes everything else in single quotes', () => {
    expect(shellQuote('app=web,tier=db')).toBe('app=web,tier=db');
    expect(shellQuote('octo-org/platform')).toBe('octo-org/platform');
    expect(shellQuote('status.phase=Running')).toBe('status.phase=Running');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('=ls')).toBe("'=ls'");
    expect(shellQuote('*.xml')).toBe("'*.xml'");
    expect(shellQuote("it's wow!")).toBe("'it'\\''s wow!'");
    expect(singleQuote('select 1')).toBe("'select 1'");
    expect(singleQuote('plain')).toBe("'plain'");
    // A raw tab pasted into a terminal triggers completion: control characters are escaped.
    expect(singleQuote("a\tb'c\\")).toBe("$'a\\x09b\\'c\\\\'");
  });
});
