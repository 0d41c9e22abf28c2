// Reading earlier runs' uploaded bundles: the runs of a workflow on a branch, the artifacts of a
// name, and one artifact's zip. Shared by `baseline: last-go` and `history`.
import type { GitHubClient } from './client.js';

/** An earlier run, as the history shows it. */
export interface EarlierRun {
  id: number;
  url: string;
  createdAt: string;
  conclusion: string | null;
}

/** The newest `limit` completed runs of `workflow` on `branch`, newest first, without `skipRunId`. */
export async function listCompletedRuns(
  octokit: GitHubClient,
  query: { owner: string; repo: string; workflow: string; branch: string; limit: number; skipRunId?: number },
): Promise<EarlierRun[]> {
  const runs = await octokit.rest.actions.listWorkflowRuns({
    owner: query.owner,
    repo: query.repo,
    workflow_id: query.workflow,
    branch: query.branch,
    status: 'completed',
    // One more than needed, in case this run is listed (a re-run attempt is).
    per_page: Math.min(100, query.limit + 1),
  });
  return runs.data.workflow_runs
    .filter((run) => run.id !== query.skipRunId)
    .slice(0, query.limit)
    .map((run) => ({ id: run.id, url: run.html_url, createdAt: run.created_at, conclusion: run.conclusion }));
}

/**
 * Artifact ids by run id for the artifacts named `name` in the repository (newest 100, one call),
 * so N runs cost one listing instead of N.
 */
export async function artifactsByRun(
  octokit: GitHubClient,
  query: { owner: string; repo: string; name: string },
): Promise<Map<number, number>> {
  const listed = await octokit.rest.actions.listArtifactsForRepo({
    owner: query.owner,
    repo: query.repo,
    name: query.name,
    per_page: 100,
  });
  const byRun = new Map<number, number>();
  for (const artifact of listed.data.artifacts) {
    const runId = artifact.workflow_run?.id;
    if (artifact.expired || artifact.name !== query.name || runId === undefined) continue;
    // Newest first: a re-run's artifact wins over an older attempt's.
    if (!byRun.has(runId)) byRun.set(runId, artifact.id);
  }
  return byRun;
}

/** The zip of one artifact (the API redirects to blob storage; Octokit follows). */
export async function downloadArtifactZip(
  octokit: GitHubClient,
  query: { owner: string; repo: string; artifactId: number },
): Promise<Buffer> {
  const download = await octokit.rest.actions.downloadArtifact({
    owner: query.owner,
    repo: query.repo,
    artifact_id: query.artifactId,
    archive_format: 'zip',
  });
  return Buffer.from(download.data as ArrayBuffer);
}
