// `npm run build`: bundles src/ into dist/ with ncc, then minifies the chunks that hold only
// third-party code.
//
// Why the second step: the runner compiles every chunk a gate loads before the first check runs,
// and V8's compile time grows with the text. @kubernetes/client-node alone is a 19 MB chunk: its
// config module imports the barrel of every generated API class, so no deep import avoids it, and
// compiling it took ~110 ms of the seed gate's start. ncc's own `-m` minifies only dist/index.js,
// never the chunks. Terser (not a whitespace-only minifier) because webpack already knows which of
// the barrel's exports are unused; terser drops those classes inside the concatenated module,
// which halves the chunk again (4.4 -> 2.3 MB).
//
// Chunks holding any of our src/ stay as ncc wrote them, and so does index.js, so stack traces in
// the debug log keep our names and lines. The step is deterministic: scripts/check-dist.sh
// rebuilds and compares byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parse } from 'acorn';
import { minify } from 'terser';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const work = mkdtempSync(path.join(tmpdir(), 'regression-gate-build-'));
const stats = path.join(work, 'stats.json');

try {
  rmSync(dist, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      'src/index.ts',
      '-o',
      'dist',
      '--transpile-only',
      '--license',
      'licenses.txt',
      '--stats-out',
      stats,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const { chunks, modules } = JSON.parse(readFileSync(stats, 'utf8'));
  const ours = new Set();
  for (const module of modules) {
    if (isOurs(module.name ?? '')) for (const chunk of module.chunks ?? []) ours.add(chunk);
  }
  let before = 0;
  let after = 0;
  for (const chunk of chunks) {
    if (chunk.entry || ours.has(chunk.id)) continue;
    const file = path.join(dist, `${chunk.id}.index.js`);
    const code = readFileSync(file, 'utf8');
    // Legal comments are kept in dist/licenses.txt (ncc --license), so the chunks drop them.
    const { code: terse } = await minify(code, { module: true, format: { comments: false } });
    if (typeof terse !== 'string') throw new Error(`terser returned no code for ${file}`);
    const minified = parenthesizeFactories(terse);
    writeFileSync(file, minified);
    before += code.length;
    after += minified.length;
  }
  process.stdout.write(`third-party chunks minified: ${mb(before)} -> ${mb(after)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * Wraps each module factory of a chunk (`export const modules = { 123: (…) => {…} }`) in
 * parentheses again, as webpack writes them and terser drops them: V8 compiles a parenthesized
 * function eagerly. A factory runs as soon as its module is required, so compiling it lazily would
 * only parse the whole module twice (measured: the seed gate 30 ms slower without the parentheses).
 */
function parenthesizeFactories(code) {
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const factories = [];
  for (const statement of program.body) {
    const declarations = statement.declaration?.declarations ?? statement.declarations ?? [];
    for (const declaration of declarations) {
      if (declaration.init?.type !== 'ObjectExpression') continue;
      for (const property of declaration.init.properties) {
        if (/FunctionExpression$/.test(property.value?.type ?? '')) factories.push(property.value);
      }
    }
  }
  let out = '';
  let at = 0;
  for (const { start, end } of factories) {
    out += `${code.slice(at, start)}(${code.slice(start, end)})`;
    at = end;
  }
  return out + code.slice(at);
}

/** Anything not known to be third-party counts as ours (a concatenated module is named after its root). */
function isOurs(name) {
  return !/^\.\/node_modules\/|^external |^webpack\//.test(name);
}

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
