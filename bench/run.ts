// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints each
// figure with its target and PASS/FAIL. Exits 1 when a target is missed.
import { readdir } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchRow } from './harness.js';

const wanted = process.argv.slice(2);
const files = (await readdir('bench'))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.includes(name)))
  .sort();

let failed = 0;
for (const file of files) {
  const started = performance.now();
  const module = (await import(pathToFileURL(resolve('bench', file)).href)) as { default: Bench };
  let rows: BenchRow[];
  try {
    rows = await module.default();
  } catch (error) {
    console.log(`\n${basename(file)}: FAILED TO RUN — ${(error as Error).message}`);
    failed++;
    continue;
  }
  console.log(`\n${basename(file, '.bench.ts')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const width = Math.max(...rows.map((row) => row.name.length));
  for (const row of rows) {
    const verdict = row.pass === undefined ? '' : row.pass ? 'PASS' : 'FAIL';
    if (row.pass === false) failed++;
    console.log(
      `  ${row.name.padEnd(width)}  ${row.figure.padEnd(34)}  ${row.target.padEnd(30)}  ${verdict}`,
    );
  }
}
console.log(failed === 0 ? '\nall targets met' : `\n${failed} target(s) missed`);
process.exitCode = failed === 0 ? 0 : 1;
