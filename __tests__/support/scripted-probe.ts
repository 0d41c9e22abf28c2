import { z } from 'zod';
import { defineProbe, ProbeError, type Fields, type ProbeDefinition } from '../../src/probes/probe.js';

/** What a scripted check does: answer with fields after a delay, or throw. */
export interface Script {
  fields?: Fields | ((attempt: number) => Fields);
  delayMs?: number;
  throws?: string;
  crash?: string;
}

/**
 * A probe whose answers the test scripts by name, for exercising the engine's own logic
 * (timeouts, waits, decisions) without a data source. Real sources are tested with real servers.
 */
export function scriptedProbe(scripts: Record<string, Script>): ProbeDefinition<string> & {
  calls: Map<string, number>;
  inFlight: { now: number; max: number };
  maxBySource: Map<string, number>;
} {
  const calls = new Map<string, number>();
  const inFlight = { now: 0, max: 0 };
  // Specs written `source/name` belong to `source`, like checks against one database.
  const sourceOf = (spec: string): string => (spec.includes('/') ? spec.split('/')[0]! : '');
  const nowBySource = new Map<string, number>();
  const maxBySource = new Map<string, number>();
  const definition = defineProbe<string>({
    kind: 'scripted',
    schema: z.string(),
    fields: (spec) => (spec.startsWith('open:') ? undefined : ['n', 'status', 'names', 'ready']),
    defaultExpect: () => 'n > 0',
    reproduce: (spec) => `scripted ${spec}`,
    describe: (spec) => `scripted ${spec}`,
    source: (spec) => sourceOf(spec),
    open() {
      return Promise.resolve({
        async run({ spec, signal }) {
          const attempt = (calls.get(spec) ?? 0) + 1;
          calls.set(spec, attempt);
          const script: Script = scripts[spec] ?? { fields: { n: 1 } };
          inFlight.now++;
          inFlight.max = Math.max(inFlight.max, inFlight.now);
          const source = sourceOf(spec);
          nowBySource.set(source, (nowBySource.get(source) ?? 0) + 1);
          maxBySource.set(source, Math.max(maxBySource.get(source) ?? 0, nowBySource.get(source)!));
          try {
            if (script.delayMs) {
              await new Promise<void>((resolve, reject) => {
                const timer = setTimeout(resolve, script.delayMs);
                signal.addEventListener('abort', () => {
                  clearTimeout(timer);
                  reject(new ProbeError('aborted'));
                });
              });
            }
            if (script.crash) throw new TypeError(script.crash);
            if (script.throws) throw new ProbeError(script.throws);
            return typeof script.fields === 'function' ? script.fields(attempt) : (script.fields ?? {});
          } finally {
            inFlight.now--;
            nowBySource.set(sourceOf(spec), nowBySource.get(sourceOf(spec))! - 1);
          }
        },
        close: () => Promise.resolve(),
      });
    },
  });
  return Object.assign(definition, { calls, inFlight, maxBySource });
}
