// Sets a GitHub deployment's status from the decision, so the environment's deployments page
// shows whether the gate accepted the deploy. The latest status's environment_url is read first
// and sent again: a new status without it would drop the environment's link from that page.
import { gitHubRequest, type GitHubClient } from './client.js';
import { explainWrite, writeContext } from './why.js';

/** GitHub's limit for a deployment status's description. */
export const DEPLOYMENT_DESCRIPTION_CHARS = 140;

/** The status to post. */
export interface DeploymentStatusTarget {
  owner: string;
  repo: string;
  deploymentId: number;
  state: 'success' | 'failure';
  /** The workflow run's page. */
  logUrl?: string;
  /** The decision title; cut to 140 characters here. */
  description: string;
}

/** The posted status's id and the environment_url carried over, or a warning. */
export type DeploymentStatusResult =
  { id: number; environmentUrl?: string; warning?: undefined } | { id?: undefined; warning: string };

const PERMISSION = 'deployments: write';

/** `text` in at most `limit` characters (code points), with `…` when cut. */
export function cutDescription(text: string, limit = DEPLOYMENT_DESCRIPTION_CHARS): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= limit ? chars.join('') : `${chars.slice(0, limit - 1).join('')}…`;
}

/** Posts `success` or `failure` on the deployment, keeping its environment_url. Never throws. */
export async function setDeploymentStatus(
  octokit: GitHubClient,
  target: DeploymentStatusTarget,
): Promise<DeploymentStatusResult> {
  const { owner, repo, deploymentId } = target;
  let step = `reading the statuses of deployment ${deploymentId}`;
  try {
    const latest = await octokit.rest.repos.listDeploymentStatuses({
      owner,
      repo,
      deployment_id: deploymentId,
      per_page: 1,
      request: gitHubRequest(writeContext(step)),
    });
    const environmentUrl = latest.data[0]?.environment_url || undefined;
    step = `setting the status of deployment ${deploymentId}`;
    const posted = await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: deploymentId,
      state: target.state,
      description: cutDescription(target.description),
      ...(target.logUrl ? { log_url: target.logUrl } : {}),
      ...(environmentUrl ? { environment_url: environmentUrl } : {}),
      request: gitHubRequest(writeContext(step), false),
    });
    return environmentUrl ? { id: posted.data.id, environmentUrl } : { id: posted.data.id };
  } catch (error) {
    return { warning: `No deployment status: ${explainWrite(error, step, PERMISSION)}` };
  }
}
