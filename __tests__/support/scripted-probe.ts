import { z } from 'zod';
import { parseGate } from '../../src/config/load.js';
import type { EngineOptions } from '../../src/engine/run.js';
import { evaluateGate } from '../../src/engine/run.js';
import type { GateResult } from '../../src/engine/results.js';
import {
  defineProbe,
  ProbeError,
  type Fields,
  type ProbeDefinition,
  type ProbeEnvironment,
} from '../../src/probes/probe.js';

/** What a scripted check does: answer with fields after a delay, or throw. */
export interface Script {
  fields?: Fields | ((attempt: number) => Fields);
  delayMs?: number;
  /** Throws a `ProbeError` with this message (after `delayMs`). */
  throws?: string | ((attempt: number) => string | undefined);
  /** Marks the `throws` error as not worth retrying (always, or on the tries the function says). */
  retryable?: false | ((attempt: number) => boolean);
  /** Throws a `TypeError` with this message: a bug in the probe. */
  crash?: string;
  /**
   * What the probe does when its signal aborts during `delayMs`: `reject` (default) with a
   * `ProbeError` saying `abortMessage`; `ignore` the abort and answer when the delay ends;
   * `resolve` at once with its fields; `crash` with a non-ProbeError (an AbortError).
   */
  onAbort?: 'reject' | 'ignore' | 'resolve' | 'crash';
  /** Message of the `ProbeError` on abort; default `scripted <spec>: stopped: <signal's reason>`. */
  abortMessage?: string;
  /** How long after the abort the probe reacts. */
  reactAfterMs?: number;
}

/** What the scripted session does when opened and closed. */
export interface SessionScript {
  /** `open` rejects with a `ProbeError` with this message. */
  openThrows?: string;
  openRetryable?: false;
  /** `open` rejects with a `TypeError`. */
  openCrash?: string;
  /** `open` resolves after this long (it cannot see any signal). */
  openDelayMs?: number;
  /** `close` rejects with this message. */
  closeThrows?: string;
  /** `close` never settles. */
  closeHangs?: boolean;
}

/** The scripted probe with the counters tests read. */
export type ScriptedProbe = ProbeDefinition<string> & {
  calls: Map<string, number>;
  inFlight: { now: number; max: number };
  maxBySource: Map<string, number>;
  /** Every signal each spec's tries were given, in order. */
  signals: Map<string, AbortSignal[]>;
  /** Times the session was opened and closed. */
  opens: number;
  closes: number;
  /** Specs in the order their tries started. */
  started: string[];
};

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A probe whose answers the test scripts by name, for exercising the engine's own logic
 * (timeouts, waits, decisions) without a data source. Real sources are tested with real servers.
 */
export function scriptedProbe(
  scripts: Record<string, Script>,
  sessionScript: SessionScript = {},
): ScriptedProbe {
  const calls = new Map<string, number>();
  const signals = new Map<string, AbortSignal[]>();
  const started: string[] = [];
  const inFlight = { now: 0, max: 0 };
  // Specs written `source/name` belong to `source`, like checks against one database.
  const sourceOf = (spec: string): string => (spec.includes('/') ? spec.split('/')[0]! : '');
  const nowBySource = new Map<string, number>();
  const maxBySource = new Map<string, number>();

  async function delay(script: Script, spec: string, signal: AbortSignal): Promise<'done' | 'resolve'> {
    const onAbort = script.onAbort ?? 'reject';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve('done'), script.delayMs);
      if (onAbort === 'ignore') return;
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        void wait(script.reactAfterMs ?? 0).then(() => {
          if (onAbort === 'resolve') return resolve('resolve');
          if (onAbort === 'crash')
            return reject(new DOMException('This operation was aborted', 'AbortError'));
          const reason = signal.reason instanceof Error ? signal.reason.message : String(signal.reason);
          reject(new ProbeError(script.abortMessage ?? `scripted ${spec}: stopped: ${reason}`));
        });
      });
    });
  }

  const counters = { opens: 0, closes: 0 };
  const definition = defineProbe<string>({
    kind: 'scripted',
    schema: z.string(),
    fields: (spec) => (spec.startsWith('open:') ? undefined : ['n', 'status', 'names', 'ready']),
    defaultExpect: () => 'n > 0',
    reproduce: (spec) => {
      if (spec.startsWith('unnamed')) throw new Error(`no command for ${spec}\nsecond line`);
      return `scripted ${spec}`;
    },
    describe: (spec) => `scripted ${spec}`,
    source: (spec) => {
      if (spec.startsWith('nameless')) throw new Error('no source');
      return sourceOf(spec);
    },
    async open() {
      counters.opens++;
      if (sessionScript.openDelayMs) await wait(sessionScript.openDelayMs);
      if (sessionScript.openCrash) throw new TypeError(sessionScript.openCrash);
      if (sessionScript.openThrows) {
        throw new ProbeError(
          sessionScript.openThrows,
          sessionScript.openRetryable === false ? { retryable: false } : {},
        );
      }
      return {
        async run({ spec, signal }) {
          const attempt = (calls.get(spec) ?? 0) + 1;
          calls.set(spec, attempt);
          started.push(spec);
          signals.set(spec, [...(signals.get(spec) ?? []), signal]);
          const script: Script = scripts[spec] ?? { fields: { n: 1 } };
          inFlight.now++;
          inFlight.max = Math.max(inFlight.max, inFlight.now);
          const source = sourceOf(spec);
          nowBySource.set(source, (nowBySource.get(source) ?? 0) + 1);
          maxBySource.set(source, Math.max(maxBySource.get(source) ?? 0, nowBySource.get(source)!));
          try {
            if (script.delayMs) await delay(script, spec, signal);
            if (script.crash) throw new TypeError(script.crash);
            const message = typeof script.throws === 'function' ? script.throws(attempt) : script.throws;
            if (message) {
              const retryable =
                typeof script.retryable === 'function'
                  ? script.retryable(attempt)
                  : script.retryable !== false;
              throw new ProbeError(message, { retryable });
            }
            return typeof script.fields === 'function' ? script.fields(attempt) : (script.fields ?? {});
          } finally {
            inFlight.now--;
            nowBySource.set(source, nowBySource.get(source)! - 1);
          }
        },
        close: () => {
          counters.closes++;
          if (sessionScript.closeHangs) return new Promise<void>(() => undefined);
          if (sessionScript.closeThrows) return Promise.reject(new Error(sessionScript.closeThrows));
          return Promise.resolve();
        },
      };
    },
  });
  const withCounters = Object.assign(definition, { calls, inFlight, maxBySource, signals, started });
  // Getters (not copies), so tests read the current numbers.
  return Object.defineProperties(withCounters, {
    opens: { get: () => counters.opens },
    closes: { get: () => counters.closes },
  }) as ScriptedProbe;
}

/** `version: 1` gate text with the given `scenarios:` rows (and optional sections before them). */
export function gateWith(checks: string, extra = ''): string {
  return `version: 1\ngate: { id: g, title: t }\n${extra}scenarios:\n${checks}`;
}

/** What {@link evaluateScripted} returns: the result, the probe and the debug lines it wrote. */
export interface ScriptedRun {
  result: GateResult;
  probe: ScriptedProbe;
  debug: string[];
}

/** Parses a gate whose checks are `scripted:` and evaluates it with the scripted probe. */
export async function evaluateScripted(
  text: string,
  scripts: Record<string, Script>,
  options: Partial<Omit<EngineOptions, 'probes' | 'environment' | 'tool'>> & { session?: SessionScript } = {},
): Promise<ScriptedRun> {
  const { session, ...engineOptions } = options;
  const probe = scriptedProbe(scripts, session);
  const gate = parseGate(text, { file: 'g.yml', env: {}, probes: { scripted: probe } });
  const debug: string[] = [];
  const environment: ProbeEnvironment = {
    sources: gate.sources,
    env: {},
    workspace: '.',
    addSecret: () => undefined,
    debug: (message) => debug.push(message),
  };
  const result = await evaluateGate(gate, {
    probes: { scripted: probe },
    environment,
    tool: { name: 'rg', version: '0' },
    ...engineOptions,
  });
  return { result, probe, debug };
}
