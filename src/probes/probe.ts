// What a probe module needs from the contract, in one import. The contract itself lives in
// src/shared/ (config reads the definitions without importing any probe).
import type { z } from 'zod';
import type { Env, ProbeDefinition, SourceEntry } from '../shared/probe-contract.js';

export type { FieldValue, Fields } from '../shared/fields.js';
export { ProbeError, type ProbeErrorOptions } from '../shared/errors.js';
export {
  DEFAULT_CONCURRENCY,
  type Env,
  type ProbeCall,
  type ProbeDefinition,
  type ProbeEnvironment,
  type ProbeSession,
  type SessionOptions,
  type SourceEntry,
  type Sources,
} from '../shared/probe-contract.js';

/** Helps probe modules keep their definition's generic type without casts at the registry. */
export function defineProbe<S>(definition: ProbeDefinition<S>): ProbeDefinition<S> {
  return definition;
}

/** Helps a probe type its `sources:` entry: `resolve` receives what its schema parsed. */
export function defineSourceEntry<Written, Source>(entry: {
  readonly schema: z.ZodType<Written>;
  resolve(written: Written | undefined, env: Env): Source;
}): SourceEntry {
  return entry;
}
