// The data the GitHub simulator serves, shaped after the REST API's own objects.

export interface SimJob {
  id: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting';
  conclusion: string | null;
}

export interface SimRun {
  id: number;
  /** The workflow's display name, as the API's run.name. */
  name: string;
  workflow_id: number;
  /** `.github/workflows/deploy.yml` */
  path: string;
  head_branch: string;
  head_sha: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  run_attempt: number;
  created_at: string;
  jobs: SimJob[];
}

export interface SimWorkflow {
  id: number;
  name: string;
  path: string;
}

export interface SimAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  title?: string;
  message: string;
  raw_details?: string;
}

export interface SimCheckRun {
  id: number;
  owner: string;
  repo: string;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url: string | null;
  started_at: string | null;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number };
  annotations: SimAnnotation[];
  html_url: string;
}

/** An artifact a run uploaded (served as its zip, like `actions/upload-artifact` makes). */
export interface SimArtifact {
  id: number;
  name: string;
  run_id: number;
  expired: boolean;
  zip: Buffer;
}

export interface SimRepository {
  workflows: SimWorkflow[];
  runs: SimRun[];
  artifacts?: SimArtifact[];
}

/** A pull-request (issue) comment. */
export interface SimComment {
  id: number;
  owner: string;
  repo: string;
  issue: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

/** A deployment status as posted. */
export interface SimDeploymentStatus {
  id: number;
  state: string;
  description: string;
  log_url: string;
  environment_url: string;
}

/** A deployment and its statuses, newest last. */
export interface SimDeployment {
  id: number;
  owner: string;
  repo: string;
  environment: string;
  statuses: SimDeploymentStatus[];
}

export interface SimState {
  /** The only token the simulator accepts; requests with another answer 401. */
  token: string;
  /** By `owner/name`. */
  repositories: Record<string, SimRepository>;
  /** Check runs created through the API, by id. */
  checkRuns: Map<number, SimCheckRun>;
  /** Issue comments, by id (created, updated and deleted through the API). */
  comments: Map<number, SimComment>;
  /** Deployments, by id; statuses are posted through the API. */
  deployments: Map<number, SimDeployment>;
  /** Who the token acts as (the comments' author). */
  login?: string;
}

let nextId = 9_000_000_000;

/** A fresh id in the range real run ids live in (above 2^32, so 32-bit bugs show). */
export function simId(): number {
  nextId += 1;
  return nextId;
}

/** A 40-hex commit SHA derived from `seed`. */
export function simSha(seed: string): string {
  let hash = 0x811c9dc5;
  let out = '';
  while (out.length < 40) {
    for (const char of seed + out.length) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

/** A workflow run with sensible defaults. */
export function makeRun(fields: Partial<SimRun> & { workflow?: SimWorkflow } = {}): SimRun {
  const { workflow, ...rest } = fields;
  const id = rest.id ?? simId();
  return {
    id,
    name: workflow?.name ?? 'Deploy',
    workflow_id: workflow?.id ?? 1,
    path: workflow?.path ?? '.github/workflows/deploy.yml',
    head_branch: 'main',
    head_sha: simSha(String(id)),
    event: 'push',
    status: 'completed',
    conclusion: 'success',
    run_attempt: 1,
    created_at: new Date(Date.UTC(2026, 0, 1) + (id % 1_000_000) * 1000).toISOString(),
    jobs: [],
    ...rest,
  };
}

/** `count` jobs named `job 1` … `job N`, all successful. */
export function makeJobs(count: number, prefix = 'job'): SimJob[] {
  return Array.from({ length: count }, (_, index) => ({
    id: simId(),
    name: `${prefix} ${index + 1}`,
    status: 'completed' as const,
    conclusion: 'success',
  }));
}

/** An empty state with one accepted token. */
export function emptyState(token = 'ghs_simulated_token_value'): SimState {
  return { token, repositories: {}, checkRuns: new Map(), comments: new Map(), deployments: new Map() };
}
