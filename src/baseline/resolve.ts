import { isAbsolute, resolve } from 'node:path';
import type { Baseline } from './compare.js';
import { BaselineUnavailable, currentWorkflowFile, findLastGo, loadBaselineFile } from './load.js';

/** What finding the baseline needs besides the `baseline` setting. */
export interface BaselineContext {
  gateId: string;
  workspace: string;
  env: Readonly<Record<string, string | undefined>>;
  token: string;
  artifactName: string;
  /** No baseline is normal (the first run): told, not warned. */
  notice: (message: string) => void;
  warn: (message: string) => void;
}

/**
 * The baseline named by the `baseline` input: '' for none, `last-go` for the newest accepted run of
 * this workflow on this branch, or a path to a `<gate.id>.json` report. Never throws: a baseline
 * that cannot be had is a notice or a warning, and the gate runs without one.
 */
export async function resolveBaseline(
  setting: string,
  context: BaselineContext,
): Promise<Baseline | undefined> {
  if (setting === '') return undefined;
  try {
    if (setting !== 'last-go') {
      const path = isAbsolute(setting) ? setting : resolve(context.workspace, setting);
      return await loadBaselineFile(path, setting, context.gateId);
    }
    return await lastGo(context);
  } catch (error) {
    if (error instanceof BaselineUnavailable) context.notice(`No baseline: ${error.message}.`);
    else context.warn(`No baseline: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

async function lastGo(context: BaselineContext): Promise<Baseline | undefined> {
  const { env } = context;
  const workflow = currentWorkflowFile(env);
  const branch = env.GITHUB_BASE_REF || env.GITHUB_REF_NAME;
  if (!workflow || !branch || !env.GITHUB_REPOSITORY) {
    throw new BaselineUnavailable(
      'baseline: last-go needs GITHUB_WORKFLOW_REF, GITHUB_REF_NAME and GITHUB_REPOSITORY (run it on GitHub Actions)',
    );
  }
  if (!context.token)
    throw new BaselineUnavailable('baseline: last-go needs the github-token input (actions: read)');
  const { createGitHubClient, parseRepository } = await import('../github/client.js');
  const { owner, repo } = parseRepository(env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY');
  const found = await findLastGo(createGitHubClient(context.token, env), {
    owner,
    repo,
    workflow,
    branch,
    ...(env.GITHUB_RUN_ID ? { currentRunId: Number(env.GITHUB_RUN_ID) } : {}),
    artifactName: context.artifactName,
    gateId: context.gateId,
  });
  if (!found) {
    throw new BaselineUnavailable(
      `no earlier successful run of ${workflow} on ${branch} uploaded an artifact '${context.artifactName}' with a Go report of ${context.gateId}`,
    );
  }
  return found;
}
