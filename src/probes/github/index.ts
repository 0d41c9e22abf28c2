import { shellQuote } from '../../shared/quote.js';
import { defineProbe } from '../probe.js';
import type { ProbeDefinition, ProbeEnvironment, ProbeSession, Sources } from '../probe.js';
import { gitHubSpecSchema } from './schema.js';
import { gitHubSourceEntry } from './source.js';
import type { GitHubSpec } from './schema.js';

export type { GitHubSpec } from './schema.js';

/** Fields every `github` check produces (the contract's seven, then extras). */
export const GITHUB_FIELDS = [
  'status',
  'conclusion',
  'run_id',
  'run_url',
  'head_sha',
  'workflow',
  'job',
  'job_url',
  'run_attempt',
  'branch',
  'event',
] as const;

function repositoryWord(spec: GitHubSpec, sources: Sources): string {
  const repository = spec.repository ?? sources.github.repository;
  return repository === undefined || repository === '' ? '"$GITHUB_REPOSITORY"' : shellQuote(repository);
}

// A person reading the report later has no GITHUB_RUN_ID, so the id is written out when known.
function currentRunWord(): string {
  const id = process.env.GITHUB_RUN_ID;
  return id !== undefined && /^\d+$/.test(id) ? id : '"$GITHUB_RUN_ID"';
}

function jobFilter(job: string): string {
  return ` --jq ${shellQuote(`.jobs[] | select(.name == ${JSON.stringify(job)}) | {name, status, conclusion, url}`)}`;
}

/** `gh run view -R OWNER/REPO ID --json status,conclusion,jobs`, or `gh run list … --limit 1` for a workflow. */
export function gitHubReproduce(spec: GitHubSpec, sources: Sources): string {
  const repo = repositoryWord(spec, sources);
  if (spec.target === 'workflow') {
    const words = ['gh', 'run', 'list', '-R', repo, '--workflow', shellQuote(spec.workflow)];
    if (spec.branch !== undefined) words.push('--branch', shellQuote(spec.branch));
    if (spec.event !== undefined) words.push('--event', shellQuote(spec.event));
    words.push('--status', 'completed', '--limit', '1', '--json', 'databaseId,status,conclusion,headSha,url');
    return words.join(' ');
  }
  const id = spec.target === 'run' ? String(spec.run) : currentRunWord();
  const base = `gh run view -R ${repo} ${id} --json status,conclusion,jobs`;
  return spec.job === undefined ? base : base + jobFilter(spec.job);
}

/** One line: `job "deploy" of run 123 in octo/repo`. */
export function gitHubDescribe(spec: GitHubSpec, sources: Sources): string {
  const repository = spec.repository ?? sources.github.repository ?? 'the current repository';
  const job = spec.job === undefined ? '' : `job "${spec.job}" of `;
  if (spec.target === 'run') return `${job}workflow run ${spec.run} in ${repository}`;
  if (spec.target === 'current') return `${job}the current workflow run in ${repository}`;
  const filters = [spec.branch && `branch ${spec.branch}`, spec.event && `event ${spec.event}`]
    .filter(Boolean)
    .join(', ');
  return `${job}the latest completed run of workflow ${spec.workflow}${filters ? ` (${filters})` : ''} in ${repository}`;
}

/** The `github` probe: workflow runs and jobs, read through the REST API. */
export const githubProbe: ProbeDefinition<GitHubSpec> = defineProbe<GitHubSpec>({
  kind: 'github',
  schema: gitHubSpecSchema,
  sourceEntry: gitHubSourceEntry,
  fields: () => GITHUB_FIELDS,
  defaultExpect: () => 'conclusion == success',
  reproduce: (spec, _extras, sources) => gitHubReproduce(spec, sources),
  describe: (spec, _extras, sources) => gitHubDescribe(spec, sources),
  open: async (environment: ProbeEnvironment): Promise<ProbeSession<GitHubSpec>> => {
    const { openGitHubSession } = await import('./session.js');
    return openGitHubSession(environment);
  },
});
