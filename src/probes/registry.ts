import type { ProbeDefinition } from './probe.js';

/**
 * Every probe kind, by the key users write in a check. Adding a probe is one folder under
 * src/probes/ and one line here; the definitions are light (the clients load on first use).
 */
export const probeRegistry: Readonly<Record<string, ProbeDefinition<unknown>>> = {};

/** The probe keys in the order error messages list them. */
export const probeKinds = (): string[] => Object.keys(probeRegistry);
