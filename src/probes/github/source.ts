// `sources.github`: the repository checks read when they name none.
import { z } from 'zod';
import { nonEmpty } from '../../shared/text.js';
import { defineSourceEntry } from '../probe.js';

/** `sources.github` as the probe reads it. */
export interface GitHubSource {
  repository?: string;
}

declare module '../../shared/probe-contract.js' {
  interface Sources {
    github: GitHubSource;
  }
}

/** What a gate file may write under `sources.github`. */
export const gitHubSourceSchema = z.strictObject({ repository: z.string().optional() });

/** The repository defaults to GITHUB_REPOSITORY (the repository the workflow runs in). */
export const gitHubSourceEntry = defineSourceEntry({
  schema: gitHubSourceSchema,
  resolve: (written, env): GitHubSource => ({
    repository: written?.repository ?? nonEmpty(env.GITHUB_REPOSITORY),
  }),
});
