import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { indexBaseline, type Baseline } from './compare.js';
import { reportSchema } from './report-schema.js';
import type { GitHubClient } from '../github/client.js';
import { downloadArtifactZip } from '../github/run-artifacts.js';

/** Why a baseline could not be used; shown as a notice or warning, never fatal. */
export class BaselineUnavailable extends Error {
  override readonly name = 'BaselineUnavailable';
}

/** Parses and checks a bundle's JSON text as a baseline for gate `gateId`. */
export function parseBaseline(text: string, source: string, gateId: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BaselineUnavailable(`${source} is not JSON; point 'baseline' at a <gate.id>.json report`);
  }
  const parsed = reportSchema().safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BaselineUnavailable(
      `${source} is not a regression-gate report (${issue.path.join('.') || 'top level'}: ${issue.message})`,
    );
  }
  if (parsed.data.gate.id !== gateId) {
    throw new BaselineUnavailable(
      `${source} is the report of gate '${parsed.data.gate.id}', not '${gateId}'`,
    );
  }
  return indexBaseline(parsed.data, source);
}

/** Reads a baseline from a report file. */
export async function loadBaselineFile(path: string, shownAs: string, gateId: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new BaselineUnavailable(`no baseline report at ${shownAs}`);
  }
  return parseBaseline(text, shownAs, gateId);
}

/** Which earlier runs' bundles to read: this workflow's runs on this branch, this run left out. */
export interface EarlierBundlesQuery {
  owner: string;
  repo: string;
  /** Workflow file name, e.g. `deploy.yml`. */
  workflow: string;
  branch: string;
  /** This run, which must not compare with itself. */
  currentRunId?: number;
  artifactName: string;
  gateId: string;
}

/** Where to look for the last accepted run. */
export interface LastGoQuery extends EarlierBundlesQuery {
  /** Runs looked at, newest first (default 20). */
  limit?: number;
}

/**
 * The newest successful run of the same workflow on the same branch whose uploaded bundle says Go.
 * Reads the artifact zip through the REST API; undefined when there is none.
 */
export async function findLastGo(octokit: GitHubClient, query: LastGoQuery): Promise<Baseline | undefined> {
  const { owner, repo } = query;
  const runs = await octokit.rest.actions.listWorkflowRuns({
    owner,
    repo,
    workflow_id: query.workflow,
    branch: query.branch,
    status: 'success',
    per_page: query.limit ?? 20,
  });
  for (const run of runs.data.workflow_runs) {
    if (run.id === query.currentRunId) continue;
    const artifacts = await octokit.rest.actions.listWorkflowRunArtifacts({
      owner,
      repo,
      run_id: run.id,
      name: query.artifactName,
    });
    const artifact = artifacts.data.artifacts.find(
      (candidate) => !candidate.expired && candidate.name === query.artifactName,
    );
    if (!artifact) continue;
    const text = await readBundleText(octokit, {
      owner,
      repo,
      artifactId: artifact.id,
      gateId: query.gateId,
    });
    if (text === undefined) continue;
    const baseline = parseBaseline(text, `run ${run.id} (artifact ${query.artifactName})`, query.gateId);
    if (baseline.decision === 'go') return baseline;
  }
  return undefined;
}

/** The text of `<gateId>.json` in an artifact's zip; undefined when the archive has none. */
export async function readBundleText(
  octokit: GitHubClient,
  query: { owner: string; repo: string; artifactId: number; gateId: string },
): Promise<string | undefined> {
  const archive = await downloadArtifactZip(octokit, query);
  // fflate (~95 KB) is loaded only when an artifact is actually read, not at every start.
  const { readZipEntry } = await import('./zip.js');
  const entry = readZipEntry(archive, (name) => basename(name) === `${query.gateId}.json`);
  return entry?.data.toString('utf8');
}

/** The workflow file of this run, from GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/x.yml@ref`). */
export function currentWorkflowFile(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const ref = env.GITHUB_WORKFLOW_REF;
  const match = ref ? /\/\.github\/workflows\/([^@/]+)@/.exec(ref) : null;
  return match?.[1];
}
