// Lists 2,000 and 10,000 labelled namespaces through the real client and the API simulator, in
// pages of 500, and measures time and peak memory growth: memory must follow the page, not the list.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { kubernetesProbe } from '../src/probes/kubernetes/index.js';
import { generateNamespaces, startK8sSim } from '../__tests__/support/k8s-sim/index.js';
import { probeCall, simEnvironment } from '../__tests__/support/k8s-sim/environment.js';
import type { BenchRow } from './harness.js';
import { median, megabytes } from './harness.js';

const SELECTOR = 'codex-k8s.dev/namespace-purpose=run';
const RUNS = 3;

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}

interface Measure {
  ms: number;
  heap: number;
  rss: number;
  retained: number;
  pages: number;
  count: number;
}

async function measure(total: number): Promise<Measure> {
  const sim = await startK8sSim({
    objects: generateNamespaces(total, { labels: { 'codex-k8s.dev/namespace-purpose': 'run' } }),
  });
  try {
    const session = await kubernetesProbe.open(simEnvironment(sim));
    // Warm up: the first call loads and JIT-compiles the client.
    await session.run(probeCall({ namespaces: { selector: SELECTOR } }, 60_000));
    const times: number[] = [];
    const heaps: number[] = [];
    const rsses: number[] = [];
    const retained: number[] = [];
    let count = 0;
    for (let run = 0; run < RUNS; run++) {
      sim.requests.length = 0;
      collectGarbage();
      const before = process.memoryUsage();
      let peakHeap = before.heapUsed;
      let peakRss = before.rss;
      const sampler = setInterval(() => {
        const now = process.memoryUsage();
        peakHeap = Math.max(peakHeap, now.heapUsed);
        peakRss = Math.max(peakRss, now.rss);
      }, 2);
      const started = performance.now();
      const fields = await session.run(probeCall({ namespaces: { selector: SELECTOR } }, 60_000));
      times.push(performance.now() - started);
      clearInterval(sampler);
      const after = process.memoryUsage();
      heaps.push(Math.max(peakHeap, after.heapUsed) - before.heapUsed);
      rsses.push(Math.max(peakRss, after.rss) - before.rss);
      // What the session keeps once the garbage of the pages is gone: the result, nothing per page.
      collectGarbage();
      retained.push(process.memoryUsage().heapUsed - before.heapUsed);
      count = fields.count as number;
    }
    await session.close();
    return {
      ms: median(times),
      heap: median(heaps),
      rss: median(rsses),
      retained: median(retained),
      pages: sim.requests.length,
      count,
    };
  } finally {
    await sim.close();
  }
}

/** Time and memory of listing namespaces by selector in pages of 500. */
export default async function kubernetesPagingBench(): Promise<BenchRow[]> {
  const small = await measure(2_000);
  const large = await measure(10_000);
  const listed = large.count === 10_000 && small.count === 2_000;
  // Five times the pages may add the retained names but not five times the page memory.
  const flat = large.rss <= small.rss * 2 + 8 * 1024 * 1024;
  return [
    {
      name: `kubernetes: list 10,000 namespaces by selector (${large.pages} pages of 500)`,
      figure: `${Math.round(large.ms)} ms`,
      target: '<= 3000 ms, all 10,000 counted',
      pass: listed && large.ms <= 3000,
    },
    {
      name: 'kubernetes: list 2,000 namespaces by selector',
      figure: `${Math.round(small.ms)} ms (${small.pages} pages)`,
      target: '',
      pass: undefined,
    },
    {
      name: 'kubernetes: peak RSS growth, 2,000 / 10,000 namespaces',
      figure: `${megabytes(small.rss)} / ${megabytes(large.rss)}`,
      target: '10,000 <= 2x 2,000 + 8 MB (memory follows the page, not the list)',
      pass: flat,
    },
    {
      name: 'kubernetes: heap kept after GC (the result: names), 2,000 / 10,000',
      figure: `${megabytes(small.retained)} / ${megabytes(large.retained)}`,
      target: '',
      pass: undefined,
    },
    {
      name: 'kubernetes: peak heapUsed growth incl. uncollected page garbage, 2,000 / 10,000',
      figure: `${megabytes(small.heap)} / ${megabytes(large.heap)}`,
      target: '',
      pass: undefined,
    },
  ];
}
