import type { ProbeCall, ProbeEnvironment } from '../../../src/probes/probe.js';
import { kubernetesProbe } from '../../../src/probes/kubernetes/index.js';
import type { KubernetesSpec } from '../../../src/probes/kubernetes/index.js';
import type { K8sSim } from './index.js';

/** A ProbeEnvironment that reaches the simulator through its kubeconfig, recording secrets and debug lines. */
export interface SimEnvironment extends ProbeEnvironment {
  secrets: string[];
  debugLines: string[];
}

export function simEnvironment(
  sim: Pick<K8sSim, 'kubeconfigPath'>,
  options: { namespace?: string; context?: string; env?: Record<string, string | undefined> } = {},
): SimEnvironment {
  const secrets: string[] = [];
  const debugLines: string[] = [];
  return {
    sources: {
      postgres: { statementTimeoutMs: 15_000 },
      kubernetes: { namespace: options.namespace, context: options.context },
      github: {},
    },
    // HOME points nowhere so a developer's own ~/.kube/config can never be used by a test.
    env: { KUBECONFIG: sim.kubeconfigPath, HOME: '/nonexistent-home', ...options.env },
    workspace: process.cwd(),
    addSecret: (value) => secrets.push(value),
    debug: (message) => debugLines.push(message),
    secrets,
    debugLines,
  };
}

/** Validates a check's `kubernetes:` value as a gate file would and wraps it in one try. */
export function probeCall(raw: unknown, timeoutMs = 5_000, signal?: AbortSignal): ProbeCall<KubernetesSpec> {
  return {
    spec: kubernetesProbe.schema.parse(raw),
    extras: {},
    signal: signal ?? new AbortController().signal,
    timeoutMs,
  };
}
