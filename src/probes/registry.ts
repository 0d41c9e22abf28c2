import { githubProbe } from './github/index.js';
import { httpProbe } from './http/index.js';
import { kubernetesProbe } from './kubernetes/index.js';
import { postgresProbe } from './postgres/index.js';
import type { ProbeDefinition } from './probe.js';
import { prometheusProbe } from './prometheus/index.js';
import { testsProbe } from './tests/index.js';

/**
 * Every probe kind, by the key users write in a check. Adding a probe is one folder under
 * src/probes/ and one line here; the definitions are light (the clients load on first use).
 */
export const probeRegistry: Readonly<Record<string, ProbeDefinition<unknown>>> = {
  github: githubProbe,
  kubernetes: kubernetesProbe,
  postgres: postgresProbe,
  tests: testsProbe,
  http: httpProbe,
  prometheus: prometheusProbe,
};
