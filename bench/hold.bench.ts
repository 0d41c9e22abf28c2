// Benchmark: `hold` with many samples, through the whole engine (parseGate + evaluateGate) with an
// in-process probe that answers at once and times itself.
// - memory: a hold of ~1,000 samples (interval 1ms) and one of far more (interval 0: ~100,000 on
//   an idle machine, fewer on a busy one, hence the figure per 1,000): RSS growth beyond the kept
//   samples' own size (their heap, measured by dropping them) must stay ≤ 10 MB.
// - overhead: at interval 0 the engine samples back to back, so (hold time − the probe's own time)
//   / samples is what the engine adds per sample (abort signals, timers, evaluation, tally).
//
//   npx tsx bench/hold.bench.ts     # run alone (or through bench/run.ts)
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { parseGate } from '../src/config/load.js';
import { evaluateGate } from '../src/engine/run.js';
import type { GateResult } from '../src/engine/results.js';
import { defineProbe, type ProbeDefinition } from '../src/probes/probe.js';
import { megabytes, type BenchRow } from './harness.js';

const MEMORY_TARGET_BYTES = 10 * 1024 * 1024;
const OVERHEAD_TARGET_MS = 1;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settle(): void {
  for (let i = 0; i < 3; i++) gc();
}

/** A probe answering at once with a value and a long text (the text is not kept in samples). */
function instantProbe(clock: { probeMs: number }): ProbeDefinition<string> {
  let tick = 0;
  return defineProbe<string>({
    kind: 'instant',
    schema: z.string(),
    fields: () => ['value', 'body'],
    defaultExpect: () => 'value < 1',
    reproduce: () => 'true',
    describe: () => 'instant',
    open: () =>
      Promise.resolve({
        run: async () => {
          const started = performance.now();
          await Promise.resolve();
          const fields = { value: (tick++ % 100) / 1000, body: 'x'.repeat(2_000) };
          clock.probeMs += performance.now() - started;
          return fields;
        },
        close: () => Promise.resolve(),
      }),
  });
}

async function holdRun(
  hold: string,
  interval: string,
): Promise<{ result: GateResult; probeMs: number; ms: number }> {
  const clock = { probeMs: 0 };
  const probe = instantProbe(clock);
  const text = `version: 1\ngate: { id: b, title: b }\nscenarios:\n  - name: held\n    checks:\n      - instant: a\n        expect: value < 1\n        warn: value < 0.5\n        hold: ${hold}\n        interval: ${interval}\n`;
  const gate = parseGate(text, { file: 'b.yml', env: {}, probes: { instant: probe } });
  const started = performance.now();
  const result = await evaluateGate(gate, {
    probes: { instant: probe },
    environment: {
      sources: gate.sources,
      env: {},
      workspace: '.',
      addSecret: () => undefined,
      debug: () => undefined,
    },
    tool: { name: 'bench', version: '0' },
    gateTimeoutMs: 60_000,
  });
  return { result, probeMs: clock.probeMs, ms: performance.now() - started };
}

/** RSS growth while holding the result, less the heap its kept samples take. */
async function memoryRow(name: string, hold: string, interval: string): Promise<BenchRow[]> {
  settle();
  const before = process.memoryUsage();
  const { result } = await holdRun(hold, interval);
  settle();
  const after = process.memoryUsage();
  const summary = result.scenarios[0]!.checks[0]!.hold!;
  const heapWith = after.heapUsed;
  const kept = summary.samples.length;
  summary.samples = [];
  settle();
  const samplesBytes = Math.max(0, heapWith - process.memoryUsage().heapUsed);
  const beyond = after.rss - before.rss - samplesBytes;
  const heapBeyond = process.memoryUsage().heapUsed - before.heapUsed;
  return [
    {
      name: `${name}: samples taken / kept`,
      figure: `${summary.total} / ${kept}`,
      target: '',
      pass: undefined,
    },
    {
      name: `${name}: RSS growth beyond kept samples`,
      figure: `${megabytes(beyond)} (samples ${megabytes(samplesBytes)}, heap ${megabytes(heapBeyond)})`,
      target: `<= ${megabytes(MEMORY_TARGET_BYTES)}`,
      pass: beyond <= MEMORY_TARGET_BYTES,
    },
    {
      name: `${name}: RSS growth beyond kept samples per 1,000 samples`,
      figure: `${((beyond / 1024 / summary.total) * 1000).toFixed(1)} KB`,
      target: '',
      pass: undefined,
    },
  ];
}

export default async function bench(): Promise<BenchRow[]> {
  await holdRun('200ms', '0ms'); // warm up: modules, JIT
  const rows = [
    ...(await memoryRow('hold 1s @1ms', '1s', '1ms')),
    ...(await memoryRow('hold 5s @0', '5s', '0ms')),
  ];
  const { result, probeMs, ms } = await holdRun('1s', '0ms');
  const summary = result.scenarios[0]!.checks[0]!.hold!;
  const perSample = (summary.elapsedMs - probeMs) / summary.total;
  rows.push({
    name: 'engine overhead per sample',
    figure: `${(perSample * 1000).toFixed(0)} µs (${summary.total} samples in ${ms.toFixed(0)} ms)`,
    target: `<= ${OVERHEAD_TARGET_MS} ms over the probe`,
    pass: perSample <= OVERHEAD_TARGET_MS,
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await bench()) console.log(row.name, row.figure, row.target, row.pass ?? '');
}
