// Preloaded into a measured `node` process (`--import`): records which dist/ chunks were loaded and
// the peak RSS, and writes them as JSON to $MEASURE_FILE when the process exits.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import process from 'node:process';

const loaded = [];
registerHooks({
  load(url, context, nextLoad) {
    if (url.includes('/dist/')) loaded.push(url.slice(url.lastIndexOf('/') + 1));
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  if (!process.env.MEASURE_FILE) return;
  writeFileSync(
    process.env.MEASURE_FILE,
    JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, loaded }),
  );
});
