import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module src/cli.ts can load, static or dynamic imports alike, following relative paths. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);
    seen.set(file, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  }
  return seen;
}

describe('the CLI outside GitHub Actions', () => {
  it('never loads @actions/core (no workflow commands, no runner assumptions)', () => {
    const modules = reachable('src/cli.ts');
    expect(modules.size).toBeGreaterThan(20);
    const users = [...modules].filter(([, specifiers]) => specifiers.includes('@actions/core'));
    expect(users.map(([file]) => file)).toEqual([]);
  });
});
