// Acting on the decision where people look: the trend of earlier runs (`history`), the sticky
// pull-request comment (`comment`) and the deployment's status (`deployment-id`). Each is
// optional and best-effort: a refusal is one warning, and every other report is kept.
import type { EarlierRows, History } from './baseline/trend.js';
import { messageOf } from './engine/run.js';
import type { ActionInputs } from './inputs.js';
import { renderComment } from './report/comment.js';
import type { PublicResult } from './report/redact.js';
import type { ArtefactSink } from './report/sink.js';
import type { PublicHistory } from './report/trend.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Earlier runs' rows read for `history`, or undefined when none were asked for or none could be read. */
export interface EarlierHistory {
  earlier: EarlierRows[];
  skipped: number;
}

/** Most pull requests one run comments on (a workflow_run can name several). */
const MAX_PULL_REQUESTS = 5;

/**
 * Starts reading `history: N` earlier bundles. Never rejects: without a workflow, a branch or a
 * token, or when the listing fails, it says so in a notice and the gate goes on without a trend.
 */
export async function startHistory(
  inputs: ActionInputs,
  env: Env,
  gateId: string,
  sink: ArtefactSink,
): Promise<EarlierHistory | undefined> {
  if (inputs.history === 0) return undefined;
  const notice = (message: string): void => sink.log('notice', message);
  const [{ currentWorkflowFile }, { readHistory }] = await Promise.all([
    import('./baseline/load.js'),
    import('./baseline/history.js'),
  ]);
  const workflow = currentWorkflowFile(env);
  const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME;
  if (!workflow || !branch || !env.GITHUB_REPOSITORY || !inputs.githubToken) {
    notice(
      'No history: `history` needs GITHUB_WORKFLOW_REF, GITHUB_REF_NAME, GITHUB_REPOSITORY and the github-token input (actions: read).',
    );
    return undefined;
  }
  try {
    const { createGitHubClient, parseRepository } = await import('./github/client.js');
    const { owner, repo } = parseRepository(env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY');
    return await readHistory(createGitHubClient(inputs.githubToken, env), {
      owner,
      repo,
      workflow,
      branch,
      ...(env.GITHUB_RUN_ID ? { currentRunId: Number(env.GITHUB_RUN_ID) } : {}),
      artifactName: inputs.artifactName,
      gateId,
      limit: inputs.history,
      notice,
    });
  } catch (error) {
    notice(
      `No history: the earlier runs of ${workflow} on ${branch} could not be listed: ${messageOf(error).split('\n')[0]}`,
    );
    return undefined;
  }
}

/** The trend of this run's rows over the earlier runs read, redacted for the reports. */
export async function trendOf(
  result: PublicResult,
  earlier: EarlierHistory | undefined,
  inputs: ActionInputs,
  env: Env,
  sink: ArtefactSink,
): Promise<PublicHistory | undefined> {
  if (!earlier) return undefined;
  const [{ buildTrend }, { workflowRunUrl }] = await Promise.all([
    import('./baseline/trend.js'),
    import('./github/context.js'),
  ]);
  const rows = [...result.preconditions, ...result.scenarios];
  const runId = Number(env.GITHUB_RUN_ID);
  const url = workflowRunUrl(env);
  const history: History = buildTrend(
    { rows, ...(Number.isSafeInteger(runId) && runId > 0 ? { id: runId } : {}), ...(url ? { url } : {}) },
    earlier.earlier,
    inputs.history,
    earlier.skipped,
  );
  // Old bundles were redacted when written, but by another run's secrets: redact again with ours.
  return sink.value(history);
}

/** The links and trend the comment and the summary file carry. */
export interface DecisionLinks {
  checkRunUrl?: string;
  history?: PublicHistory;
}

/** The sticky comment on the run's pull requests and the deployment's status; warnings only. */
export async function actOnDecision(
  result: PublicResult,
  inputs: ActionInputs,
  env: Env,
  sink: ArtefactSink,
  links: DecisionLinks,
): Promise<void> {
  const tasks: Promise<void>[] = [];
  if (inputs.comment !== 'never') tasks.push(comment({ result, inputs, env, sink, links }));
  if (inputs.deploymentId !== '') tasks.push(deploymentStatus(result, inputs, env, sink));
  await Promise.all(tasks);
}

/** What `actOnDecision` was given, as one value for the tasks that need all of it. */
interface Decision {
  result: PublicResult;
  inputs: ActionInputs;
  env: Env;
  sink: ArtefactSink;
  links: DecisionLinks;
}

async function comment({ result, inputs, env, sink, links }: Decision): Promise<void> {
  const warn = (message: string): void => sink.log('warning', message);
  const [{ readEventPayload, workflowRunUrl }, { runPullRequests }] = await Promise.all([
    import('./github/context.js'),
    import('./github/pull-requests.js'),
  ]);
  const pulls = runPullRequests(env, readEventPayload(env));
  if (pulls.numbers.length === 0) {
    if (inputs.comment === 'always') {
      warn(
        `No pull-request comment: this ${env.GITHUB_EVENT_NAME ?? ''} run belongs to no pull request (comments go on pull_request and workflow_run events of pull requests).`,
      );
    }
    return;
  }
  if (pulls.fork) {
    warn(
      `No pull-request comment: the pull request comes from the fork ${pulls.fork}, where GITHUB_TOKEN is read-only; the job summary and the check run carry the decision.`,
    );
    return;
  }
  if (!inputs.githubToken) {
    warn('No pull-request comment: the github-token input is empty.');
    return;
  }
  const [{ createGitHubClient, parseRepository }, { commentMarker, upsertStickyComment }] = await Promise.all(
    [import('./github/client.js'), import('./github/comments.js')],
  );
  const marker = commentMarker(result.gate.id, result.gate.environment);
  const runUrl = workflowRunUrl(env);
  const body = renderComment(result, {
    marker,
    ...(links.checkRunUrl ? { checkRunUrl: links.checkRunUrl } : {}),
    ...(runUrl ? { runUrl } : {}),
    ...(links.history ? { history: links.history } : {}),
  });
  try {
    const { owner, repo } = parseRepository(env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY');
    const octokit = createGitHubClient(inputs.githubToken, env);
    for (const issue of pulls.numbers.slice(0, MAX_PULL_REQUESTS)) {
      // The body leaves for GitHub: through the sink, like the check run's.
      const posted = await upsertStickyComment(octokit, {
        owner,
        repo,
        issue,
        marker,
        body: sink.value(body),
      });
      if (posted.warning !== undefined) {
        warn(posted.warning);
        // The same refusal would come for every other pull request: one warning is enough.
        return;
      }
      sink.log('info', `Pull-request comment ${posted.action}: ${posted.url}`);
    }
  } catch (error) {
    warn(`No pull-request comment: ${messageOf(error)}`);
  }
}

async function deploymentStatus(
  result: PublicResult,
  inputs: ActionInputs,
  env: Env,
  sink: ArtefactSink,
): Promise<void> {
  const warn = (message: string): void => sink.log('warning', message);
  if (!inputs.githubToken) {
    warn('No deployment status: the github-token input is empty.');
    return;
  }
  const [
    { createGitHubClient, parseRepository },
    { setDeploymentStatus },
    { workflowRunUrl },
    { shortTitle },
  ] = await Promise.all([
    import('./github/client.js'),
    import('./github/deployments.js'),
    import('./github/context.js'),
    import('./report/markdown.js'),
  ]);
  try {
    const { owner, repo } = parseRepository(env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY');
    const logUrl = workflowRunUrl(env);
    const posted = await setDeploymentStatus(createGitHubClient(inputs.githubToken, env), {
      owner,
      repo,
      deploymentId: Number(inputs.deploymentId),
      state: result.decision === 'go' ? 'success' : 'failure',
      ...(logUrl ? { logUrl } : {}),
      description: sink.value(shortTitle(result)),
    });
    if (posted.warning !== undefined) warn(posted.warning);
    else
      sink.log(
        'info',
        `Deployment ${inputs.deploymentId}: status ${result.decision === 'go' ? 'success' : 'failure'}`,
      );
  } catch (error) {
    warn(`No deployment status: ${messageOf(error)}`);
  }
}
