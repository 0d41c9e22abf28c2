// The simulator's issue comments and deployment statuses: validated as GitHub validates them
// (65,536-character bodies, 140-character descriptions, the state enum) and recorded in the state.
import type { SimComment, SimState } from './state.js';
import { simId } from './state.js';

export type ConversationRoute =
  | 'listComments'
  | 'createComment'
  | 'updateComment'
  | 'deleteComment'
  | 'listDeploymentStatuses'
  | 'createDeploymentStatus';

/** An answer: status and JSON body. */
export interface ConversationAnswer {
  status: number;
  body: unknown;
}

const HTML = 'https://github.com';
const COMMENT_LIMIT = 65_536;
const STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(status: number, message: string): ConversationAnswer {
  return {
    status,
    body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) },
  };
}

function commentJson(comment: SimComment, baseUrl: string): Record<string, unknown> {
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${baseUrl}/repos/${comment.owner}/${comment.repo}/issues/comments/${comment.id}`,
    html_url: `${HTML}/${comment.owner}/${comment.repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
    issue_url: `${baseUrl}/repos/${comment.owner}/${comment.repo}/issues/${comment.issue}`,
    body: comment.body,
    user: { login: comment.user, type: 'Bot' },
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: 'NONE',
  };
}

function checkBody(body: unknown): string | ConversationAnswer {
  if (!isRecord(body) || typeof body.body !== 'string')
    return fail(422, 'Invalid request.\n\n"body" is required.');
  if ([...body.body].length > COMMENT_LIMIT)
    return fail(422, `Validation Failed: body is too long (maximum is ${COMMENT_LIMIT} characters)`);
  return body.body;
}

/** Answers one comments or deployment-status request. */
export function handleConversation(
  state: SimState,
  route: ConversationRoute,
  where: { owner: string; repo: string; id: string },
  query: Record<string, string>,
  body: unknown,
  baseUrl: string,
): ConversationAnswer {
  const { owner, repo } = where;
  const id = Number(where.id);
  const now = new Date().toISOString();
  switch (route) {
    case 'listComments': {
      const all = [...state.comments.values()]
        .filter((comment) => comment.owner === owner && comment.repo === repo && comment.issue === id)
        .sort((a, b) => a.id - b.id);
      const perPage = Math.min(100, Number(query.per_page ?? 30) || 30);
      const page = Math.max(1, Number(query.page ?? 1) || 1);
      return {
        status: 200,
        body: all.slice((page - 1) * perPage, page * perPage).map((c) => commentJson(c, baseUrl)),
      };
    }
    case 'createComment': {
      const text = checkBody(body);
      if (typeof text !== 'string') return text;
      const comment: SimComment = {
        id: simId(),
        owner,
        repo,
        issue: id,
        body: text,
        user: state.login ?? 'github-actions[bot]',
        created_at: now,
        updated_at: now,
      };
      state.comments.set(comment.id, comment);
      return { status: 201, body: commentJson(comment, baseUrl) };
    }
    case 'updateComment': {
      const comment = state.comments.get(id);
      if (!comment || comment.owner !== owner || comment.repo !== repo) return fail(404, 'Not Found');
      const text = checkBody(body);
      if (typeof text !== 'string') return text;
      comment.body = text;
      comment.updated_at = now;
      return { status: 200, body: commentJson(comment, baseUrl) };
    }
    case 'deleteComment': {
      const comment = state.comments.get(id);
      if (!comment || comment.owner !== owner || comment.repo !== repo) return fail(404, 'Not Found');
      state.comments.delete(id);
      return { status: 204, body: undefined };
    }
    case 'listDeploymentStatuses': {
      const deployment = state.deployments.get(id);
      if (!deployment || deployment.owner !== owner || deployment.repo !== repo)
        return fail(404, 'Not Found');
      const perPage = Math.min(100, Number(query.per_page ?? 30) || 30);
      // Newest first, as GitHub lists them.
      const statuses = [...deployment.statuses].reverse().slice(0, perPage);
      return {
        status: 200,
        body: statuses.map((status) => ({ ...status, environment: deployment.environment })),
      };
    }
    case 'createDeploymentStatus': {
      const deployment = state.deployments.get(id);
      if (!deployment || deployment.owner !== owner || deployment.repo !== repo)
        return fail(404, 'Not Found');
      if (!isRecord(body) || typeof body.state !== 'string' || !STATES.includes(body.state))
        return fail(422, 'Validation Failed: state is not included in the list');
      const description = typeof body.description === 'string' ? body.description : '';
      if ([...description].length > 140)
        return fail(422, 'Validation Failed: description is too long (maximum is 140 characters)');
      const status = {
        id: simId(),
        state: body.state,
        description,
        log_url: typeof body.log_url === 'string' ? body.log_url : '',
        environment_url: typeof body.environment_url === 'string' ? body.environment_url : '',
      };
      deployment.statuses.push(status);
      return { status: 201, body: { ...status, environment: deployment.environment } };
    }
  }
}
