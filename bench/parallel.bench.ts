// Parallel evaluation: 50 scenarios whose http checks each answer after 200 ms, spread over ten
// origins, against the slowest single check; and the per-source bound kept when all 50 hit one origin.
import { createServer, type Server } from 'node:http';
import { parseGate } from '../src/config/load.js';
import { evaluateGate } from '../src/engine/run.js';
import { probeRegistry } from '../src/probes/registry.js';
import type { BenchRow } from './harness.js';

const LATENCY_MS = 200;
const SCENARIOS = 50;

interface SlowOrigin {
  url: string;
  server: Server;
  maxConcurrent: number;
}

async function slowOrigin(): Promise<SlowOrigin> {
  let now = 0;
  const origin = { url: '', server: createServer(), maxConcurrent: 0 };
  origin.server.on('request', (_request, response) => {
    now++;
    origin.maxConcurrent = Math.max(origin.maxConcurrent, now);
    setTimeout(() => {
      now--;
      response.end('ok');
    }, LATENCY_MS);
  });
  await new Promise<void>((done) => origin.server.listen(0, '127.0.0.1', done));
  origin.url = `http://127.0.0.1:${(origin.server.address() as { port: number }).port}/`;
  return origin;
}

async function timeGate(urls: string[]): Promise<number> {
  const scenarios = urls
    .map((url, index) => `  - name: s${index}\n    checks:\n      - http: { url: "${url}" }\n`)
    .join('');
  const gate = parseGate(`version: 1\ngate: { id: P, title: p }\nscenarios:\n${scenarios}`, {
    file: 'p.yml',
    env: {},
    probes: probeRegistry,
  });
  const environment = {
    sources: gate.sources,
    env: {},
    workspace: '.',
    addSecret: () => undefined,
    debug: () => undefined,
  };
  const started = performance.now();
  const result = await evaluateGate(gate, {
    probes: probeRegistry,
    environment,
    tool: { name: 'bench', version: '0' },
  });
  const elapsed = performance.now() - started;
  if (result.counts.passed !== urls.length)
    throw new Error(`expected every check to pass, got ${JSON.stringify(result.counts)}`);
  return elapsed;
}

const bench = async (): Promise<BenchRow[]> => {
  const origins = await Promise.all(Array.from({ length: 10 }, slowOrigin));
  try {
    await timeGate([origins[0]!.url]); // warm-up: loads the http probe once
    const single = await timeGate([origins[0]!.url]);
    const spread = await timeGate(
      Array.from({ length: SCENARIOS }, (_, index) => origins[index % origins.length]!.url),
    );
    for (const origin of origins) origin.maxConcurrent = 0;
    const oneOrigin = await timeGate(Array.from({ length: SCENARIOS }, () => origins[0]!.url));
    const ratio = spread / single;
    return [
      {
        name: 'slowest single check (200 ms answer)',
        figure: `${single.toFixed(0)} ms`,
        target: '',
        pass: undefined,
      },
      {
        name: `${SCENARIOS} scenarios over 10 origins, default concurrency`,
        figure: `${spread.toFixed(0)} ms (${ratio.toFixed(2)}x)`,
        target: '<= 1.3x the single check',
        pass: ratio <= 1.3,
      },
      {
        name: `${SCENARIOS} scenarios on one origin: max concurrent requests seen`,
        figure: `${origins[0]!.maxConcurrent} (${oneOrigin.toFixed(0)} ms)`,
        target: '<= 8 (the per-source bound)',
        pass: origins[0]!.maxConcurrent <= 8,
      },
    ];
  } finally {
    for (const origin of origins) origin.server.close();
  }
};

export default bench;
