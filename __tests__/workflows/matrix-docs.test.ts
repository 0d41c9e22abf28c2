// docs/matrix.md shows the matrix workflow users paste; it must be the shipped file byte for byte, so
// the page explained step by step is the workflow that is actionlinted and checked against action.yml.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(path, 'utf8');

/** The fenced blocks of `language` in a Markdown section (from its heading to the next `## `). */
function fencedBlocks(markdown: string, heading: string, language: string): string[] {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`heading '${heading}' not found`);
  const end = markdown.indexOf('\n## ', start + heading.length);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe('docs/matrix.md', () => {
  it('shows examples/workflows/matrix-gate.yml exactly as shipped', () => {
    const blocks = fencedBlocks(read('docs/matrix.md'), '## The workflow, step by step', 'yaml');
    expect(blocks).toEqual([read('examples/workflows/matrix-gate.yml')]);
  });

  it('is linked from the README and the gate-file reference', () => {
    expect(read('README.md')).toContain('](docs/matrix.md)');
    expect(read('docs/gate-file.md')).toContain('](matrix.md)');
  });
});
