import { evidenceText } from '../engine/evidence.js';
import type { CheckRunTarget } from './check-run.js';
import type { CheckAnnotation, CheckRunReport } from './check-run-output.js';
import { stripControlAndLineBreaks, stripControl } from './escape.js';
import { CHECK_RUN_LIMIT_BYTES, renderMarkdown, shortTitle } from './markdown.js';
import type { PublicResult } from './redact.js';
import type { ArtefactSink } from './sink.js';

/** What the check run needs from the action's settings. */
export interface CheckRunSettings {
  token: string;
  name: string;
  sha: string;
  env: Readonly<Record<string, string | undefined>>;
  warn: (message: string) => void;
}

/** A check run created `in_progress`, finished once the decision is known. */
export interface PendingCheckRun {
  finish(
    result: PublicResult,
    sink: ArtefactSink,
    fullReport?: string,
  ): Promise<{ id: number; url: string } | undefined>;
}

/**
 * Creates the check run on the commit. Octokit is loaded here, not at start-up, so a gate that
 * posts no check run never pays for it. Returns undefined (with a warning) when it cannot be made;
 * every other report goes on regardless.
 */
export async function openCheckRun(settings: CheckRunSettings): Promise<PendingCheckRun | undefined> {
  const [{ createGitHubClient, parseRepository }, gitHubContext, checkRun] = await Promise.all([
    import('../github/client.js'),
    import('../github/context.js'),
    import('./check-run.js'),
  ]);
  const headSha = gitHubContext.resolveHeadSha({
    inputSha: settings.sha,
    env: settings.env,
    eventPayload: gitHubContext.readEventPayload(settings.env),
  });
  if (!headSha) {
    settings.warn(
      'No check run: there is no commit to attach it to (set the `sha` input or run on GitHub Actions).',
    );
    return undefined;
  }
  let target: CheckRunTarget;
  let octokit: ReturnType<typeof createGitHubClient>;
  try {
    const { owner, repo } = parseRepository(settings.env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY');
    octokit = createGitHubClient(settings.token, settings.env, checkRun.CHECK_RUN_CLIENT);
    target = {
      owner,
      repo,
      name: settings.name,
      headSha,
      detailsUrl: gitHubContext.workflowRunUrl(settings.env),
    };
  } catch (error) {
    settings.warn(`No check run: ${(error as Error).message}`);
    return undefined;
  }
  const started = await checkRun.createInProgressCheckRun(octokit, target);
  if (started.warning) {
    settings.warn(started.warning);
    // A refused create (fork PR, missing checks: write) would only be refused again.
    return undefined;
  }
  return {
    async finish(result, sink, fullReport) {
      // The body goes to GitHub: through the sink like every other artefact.
      const report = sink.value(checkRunReport(result, fullReport));
      const done = await checkRun.completeCheckRun(octokit, { ...target, id: started.id }, report);
      if (done.warning) settings.warn(done.warning);
      return done.id === undefined ? undefined : { id: done.id, url: done.url };
    },
  };
}

/** The check run's conclusion, title, summary and one annotation per row that did not pass. */
export function checkRunReport(result: PublicResult, fullReport?: string): CheckRunReport {
  const summary = renderMarkdown(result, {
    omitTitle: true,
    maxBytes: CHECK_RUN_LIMIT_BYTES,
    ...(fullReport ? { fullReport } : {}),
  });
  return {
    conclusion: result.decision === 'go' ? 'success' : 'failure',
    title: shortTitle(result),
    summary,
    annotations: annotationsFor(result),
  };
}

/** An annotation on the gate file's line for every precondition and scenario that did not pass. */
export function annotationsFor(result: PublicResult): CheckAnnotation[] {
  const annotations: CheckAnnotation[] = [];
  for (const row of [...result.preconditions, ...result.scenarios]) {
    if (row.status === 'pass') continue;
    // A warning never blocks: it is annotated at `warning` level, like a waived or P1 row.
    const blocking = row.status !== 'waived' && row.status !== 'warn' && row.priority === 'P0';
    const reasons = new Set(
      row.checks.filter((check) => check.status !== 'pass').map((check) => evidenceText(check.evidence)),
    );
    // A merge problem has no check: its evidence says which file or shard and why.
    if (reasons.size === 0 && row.evidence.length > 0) reasons.add(evidenceText(row.evidence));
    const where = row.environment === undefined ? '' : ` (${row.environment})`;
    annotations.push({
      path: result.file,
      startLine: row.line,
      level: blocking ? 'failure' : 'warning',
      // Plain text in the log and the check run: no control, bidirectional or zero-width characters.
      title: stripControlAndLineBreaks(`${row.name}${where}: ${row.status}`),
      message: stripControl([...reasons].join('\n') || row.status),
    });
  }
  return annotations;
}
