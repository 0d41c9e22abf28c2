// The layers of src/, lowest first. A module may import its own files and any lower layer, never a
// higher one nor a sibling of the same rank (config and probes know nothing of each other: config
// is handed the registry's light definitions). `src/shared/` is the bottom: it imports nothing of
// the project. Every import counts: static, `export … from`, `import type`, dynamic `import()`
// and `declare module` augmentations.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

/** Rank of each module (a folder of src/, or a file at its top); higher may import lower. */
const RANKS: Readonly<Record<string, number>> = {
  shared: 0,
  version: 0,
  github: 1,
  config: 2,
  probes: 2,
  baseline: 2,
  engine: 3,
  report: 4,
};
/** Entry points (src/main.ts, src/index.ts, src/cli/*, src/inputs.ts, …): everything not listed above. */
const ENTRY_RANK = 5;

/**
 * The module a file of src/ belongs to: its first folder, or its name for a top-level file; the
 * entry points (every folder or top-level file not ranked) are one module and may import each other.
 */
function moduleOf(file: string): string {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep);
  const name = rest.length > 0 ? first! : first!.replace(/\.[jt]s$/, '');
  return name in RANKS ? name : 'entry points';
}

function rankOf(module: string): number {
  return RANKS[module] ?? ENTRY_RANK;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file names, with its line. */
export function importsOf(file: string, text: string): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node, literal: ts.Node | undefined): void => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    found.push({
      specifier: literal.text,
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      add(node, node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      add(node, node.argument.literal);
    else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) add(node, node.name);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node, node.moduleReference.expression);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Imports of src/ that cross a layer the wrong way, as `file:line imports 'x' (from → to)`. */
export function layerViolations(): string[] {
  const violations: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = moduleOf(file);
    for (const { specifier, line } of importsOf(file, readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier);
      const where = `${path.relative(process.cwd(), file)}:${line} imports '${specifier}'`;
      if (!target.startsWith(SRC + path.sep)) {
        violations.push(`${where}: outside src/`);
        continue;
      }
      const to = moduleOf(target);
      if (to === from) continue;
      if (rankOf(to) < rankOf(from)) continue;
      const why = rankOf(to) === rankOf(from) ? 'a sibling of the same layer' : 'a higher layer';
      violations.push(`${where}: ${from} may not import ${to} (${why})`);
    }
  }
  return violations;
}

describe('layers of src/', () => {
  it('no import crosses a layer the wrong way (shared → github → config | probes | baseline → engine → report → entry points)', () => {
    expect(layerViolations()).toEqual([]);
  });

  it('sees static, type-only, re-exported and dynamic imports', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "const d = await import('./d.js');",
      "type E = import('./e.js').E;",
      "declare module './f.js' { interface F { x: 1 } }",
    ].join('\n');
    expect(importsOf('x.ts', text).map((found) => found.specifier)).toEqual([
      './a.js',
      '../b.js',
      './c.js',
      './d.js',
      './e.js',
      './f.js',
    ]);
  });

  it('knows every module of src/ (a new top-level folder must be given a layer here)', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .filter((name) => name !== 'cli');
    expect(folders.filter((name) => !(name in RANKS))).toEqual([]);
  });
});
