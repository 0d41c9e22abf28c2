// `sources.kubernetes`: the namespace and kubeconfig context checks use when they name none.
import { z } from 'zod';
import { nonEmpty } from '../../shared/text.js';
import { defineSourceEntry } from '../probe.js';

/** `sources.kubernetes` as the probe reads it (empty values count as unset). */
export interface KubernetesSource {
  namespace?: string;
  context?: string;
}

declare module '../../shared/probe-contract.js' {
  interface Sources {
    kubernetes: KubernetesSource;
  }
}

/** What a gate file may write under `sources.kubernetes`. */
export const kubernetesSourceSchema = z.strictObject({
  namespace: z.string().optional(),
  context: z.string().optional(),
});

export const kubernetesSourceEntry = defineSourceEntry({
  schema: kubernetesSourceSchema,
  resolve: (written): KubernetesSource => ({
    namespace: nonEmpty(written?.namespace),
    context: nonEmpty(written?.context),
  }),
});
