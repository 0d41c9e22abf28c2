// The sticky pull-request comment: one per gate id and environment, found again by a hidden
// marker and edited in place. Two runs that race (two jobs of the same environment, or re-runs)
// can both find nothing and both create; each re-reads the list after creating, the oldest
// comment with the marker wins, and a run whose own comment is not the oldest deletes it and
// writes its body into the oldest. A run only ever deletes a comment it created itself.
import { gitHubRequest, type GitHubClient } from './client.js';
import { explainWrite, writeContext } from './why.js';

/** Where the comment goes and what it says; `body` must start with `marker`. */
export interface StickyCommentTarget {
  owner: string;
  repo: string;
  /** Pull request (issue) number. */
  issue: number;
  marker: string;
  body: string;
}

/** What happened: the comment's id and URL, or a warning saying why there is none. */
export type StickyCommentResult =
  | { action: 'created' | 'updated'; id: number; url: string; warning?: undefined }
  | { action?: undefined; warning: string };

/** The hidden line that identifies the comment of one gate and environment. */
export function commentMarker(gateId: string, environment: string | undefined): string {
  // Encoded so no gate id or environment can close the HTML comment early.
  const part = (text: string): string => encodeURIComponent(text).replace(/-/g, '%2D');
  return `<!-- regression-gate:${part(gateId)}:${part(environment ?? '')} -->`;
}

const PERMISSION = 'pull-requests: write';

interface OwnComment {
  id: number;
  url: string;
}

async function listMarked(octokit: GitHubClient, target: StickyCommentTarget): Promise<OwnComment[]> {
  const context = writeContext(`listing the comments of pull request #${target.issue}`);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issue,
    per_page: 100,
    request: gitHubRequest(context),
  });
  return comments
    .filter((comment) => (comment.body ?? '').startsWith(target.marker))
    .map((comment) => ({ id: comment.id, url: comment.html_url }))
    .sort((a, b) => a.id - b.id);
}

async function update(octokit: GitHubClient, target: StickyCommentTarget, id: number): Promise<OwnComment> {
  const context = writeContext(`updating comment ${id} on pull request #${target.issue}`);
  const answer = await octokit.rest.issues.updateComment({
    owner: target.owner,
    repo: target.repo,
    comment_id: id,
    body: target.body,
    request: gitHubRequest(context),
  });
  return { id: answer.data.id, url: answer.data.html_url };
}

/**
 * Creates the comment, or updates the one that carries the marker. Never throws: a refusal (403
 * without `pull-requests: write`, a fork) comes back as a warning.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  target: StickyCommentTarget,
): Promise<StickyCommentResult> {
  let step = `reading the comments of pull request #${target.issue}`;
  try {
    const existing = await listMarked(octokit, target);
    if (existing[0]) {
      step = `updating the comment on pull request #${target.issue}`;
      const updated = await update(octokit, target, existing[0].id);
      return { action: 'updated', ...updated };
    }
    step = `commenting on pull request #${target.issue}`;
    const created = await octokit.rest.issues.createComment({
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issue,
      body: target.body,
      // A create that failed on the way back may have landed: never sent twice.
      request: gitHubRequest(writeContext(step), false),
    });
    step = `checking pull request #${target.issue} for a second comment of this gate`;
    const after = await listMarked(octokit, target);
    const oldest = after[0];
    if (!oldest || oldest.id === created.data.id) {
      return { action: 'created', id: created.data.id, url: created.data.html_url };
    }
    // Another run created the same gate's comment first: ours is the duplicate.
    step = `removing this run's duplicate comment ${created.data.id} on pull request #${target.issue}`;
    await octokit.rest.issues.deleteComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: created.data.id,
      request: gitHubRequest(writeContext(step)),
    });
    step = `updating the comment on pull request #${target.issue}`;
    const merged = await update(octokit, target, oldest.id);
    return { action: 'updated', ...merged };
  } catch (error) {
    return {
      warning: `No pull-request comment: ${explainWrite(error, step, PERMISSION)}`,
    };
  }
}
