// `history: N`: reads the bundles of the last N completed runs of this workflow on this branch —
// the same artifacts `baseline: last-go` reads — for the per-scenario trend. One runs listing,
// one artifacts listing, then at most N downloads, a few at a time. A bundle that is missing or
// unreadable is skipped with a notice: history is context, never a reason to fail.
import type { GitHubClient } from '../github/client.js';
import { artifactsByRun, listCompletedRuns, type EarlierRun } from '../github/run-artifacts.js';
import { BaselineUnavailable, readBundleText, type EarlierBundlesQuery } from './load.js';
import { reportSchema } from './report-schema.js';
import type { EarlierRows } from './trend.js';
import { mapBounded } from '../shared/map-bounded.js';

/** Downloads in flight at once. */
export const HISTORY_DOWNLOADS_IN_FLIGHT = 4;

/** What reading the history needs. */
export interface HistoryQuery extends EarlierBundlesQuery {
  /** N: earlier runs to read. */
  limit: number;
  notice: (message: string) => void;
}

/** The earlier runs' rows, newest first, and how many runs were skipped. */
export async function readHistory(
  octokit: GitHubClient,
  query: HistoryQuery,
): Promise<{ earlier: EarlierRows[]; skipped: number }> {
  const { owner, repo } = query;
  const [runs, artifacts] = await Promise.all([
    listCompletedRuns(octokit, {
      owner,
      repo,
      workflow: query.workflow,
      branch: query.branch,
      limit: query.limit,
      ...(query.currentRunId === undefined ? {} : { skipRunId: query.currentRunId }),
    }),
    artifactsByRun(octokit, { owner, repo, name: query.artifactName }),
  ]);
  const read = await mapBounded(runs, HISTORY_DOWNLOADS_IN_FLIGHT, async (run) => {
    try {
      return await readRun(octokit, query, run, artifacts.get(run.id));
    } catch (error) {
      const why =
        error instanceof BaselineUnavailable ? error.message : (error as Error).message.split('\n')[0];
      query.notice(`History: run ${run.id} skipped: ${why}.`);
      return undefined;
    }
  });
  const earlier = read.filter((rows): rows is EarlierRows => rows !== undefined);
  return { earlier, skipped: runs.length - earlier.length };
}

async function readRun(
  octokit: GitHubClient,
  query: HistoryQuery,
  run: EarlierRun,
  artifactId: number | undefined,
): Promise<EarlierRows> {
  if (artifactId === undefined) {
    throw new BaselineUnavailable(`it has no unexpired artifact '${query.artifactName}'`);
  }
  const text = await readBundleText(octokit, {
    owner: query.owner,
    repo: query.repo,
    artifactId,
    gateId: query.gateId,
  });
  if (text === undefined) throw new BaselineUnavailable(`its artifact holds no ${query.gateId}.json`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BaselineUnavailable(`its ${query.gateId}.json is not JSON`);
  }
  const parsed = reportSchema().safeParse(data);
  if (!parsed.success)
    throw new BaselineUnavailable(`its ${query.gateId}.json is not a regression-gate report`);
  if (parsed.data.gate.id !== query.gateId) {
    throw new BaselineUnavailable(`its report is of gate '${parsed.data.gate.id}'`);
  }
  const rows = [...parsed.data.preconditions, ...parsed.data.scenarios].map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
  }));
  return { id: run.id, url: run.url, rows };
}
