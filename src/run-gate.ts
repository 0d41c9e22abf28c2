// Evaluating a gate with the registered probes, as the action and the CLI both do: the world the
// probes see (sources, environment, token, secret registration) and the engine's settings.
import type { Baseline } from './baseline/compare.js';
import type { Gate, Scenario } from './config/model.js';
import type { DecisionMode } from './engine/decision.js';
import type { GateResult } from './engine/results.js';
import { evaluateGate } from './engine/run.js';
import { probeRegistry } from './probes/registry.js';
import { TOOL } from './version.js';
import type { ProbeEnvironment } from './probes/probe.js';
import type { Redactor } from './report/redact.js';
import { secretAdder } from './secrets.js';

/** The world as probes see it: sources, environment, workspace, token, secret registration. */
export function probeEnvironment(
  gate: Gate,
  settings: Pick<GateRunSettings, 'env' | 'workspace' | 'githubToken' | 'redactor' | 'mask' | 'debug'>,
): ProbeEnvironment {
  const environment: ProbeEnvironment = {
    sources: gate.sources,
    env: settings.env,
    workspace: settings.workspace,
    addSecret: secretAdder(settings.redactor, settings.mask),
    // Masked by the sink the caller writes it through.
    debug: settings.debug,
  };
  if (settings.githubToken) environment.githubToken = settings.githubToken;
  return environment;
}

/** Everything the action and the CLI decide before evaluating a gate. */
export interface GateRunSettings {
  env: Readonly<Record<string, string | undefined>>;
  workspace: string;
  githubToken?: string;
  redactor: Redactor;
  /** Hides a value from logs (the runner's add-mask; a no-op in a terminal). */
  mask: (value: string) => void;
  debug: (message: string) => void;
  concurrency: number;
  gateTimeoutMs: number;
  baseline?: Baseline;
  decisionMode?: DecisionMode;
  onScenario?: (scenario: Scenario) => void;
}

/** Evaluates a gate with the registered probes, as both the action and the CLI do. */
export function runGate(gate: Gate, settings: GateRunSettings): Promise<GateResult> {
  const environment = probeEnvironment(gate, settings);
  return evaluateGate(gate, {
    probes: probeRegistry,
    environment,
    concurrency: settings.concurrency,
    gateTimeoutMs: settings.gateTimeoutMs,
    tool: TOOL,
    ...(settings.baseline ? { baseline: settings.baseline } : {}),
    ...(settings.decisionMode ? { decisionMode: settings.decisionMode } : {}),
    ...(settings.onScenario ? { onScenario: settings.onScenario } : {}),
  });
}
