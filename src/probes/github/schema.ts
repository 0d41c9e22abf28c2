import { z } from 'zod';
import { parseRepository } from '../../github/repository.js';

/** What a `github:` check looks at, after validation. */
export type GitHubSpec =
  | { target: 'run'; run: number; job?: string; repository?: string }
  | {
      target: 'workflow';
      workflow: string;
      branch?: string;
      event?: string;
      job?: string;
      repository?: string;
    }
  | { target: 'current'; job: string; repository?: string };

const text = (key: string): z.ZodType<string> =>
  z
    .string({ error: `${key} must be a string` })
    .trim()
    .min(1, { error: `${key} is empty` });

const runId = z
  .union([z.number(), z.string()], { error: 'run must be a workflow run id (a number such as 21985095587)' })
  .transform((value, context) => {
    const number = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number <= 0) {
      context.addIssue({
        code: 'custom',
        message: `run must be a workflow run id (a number such as 21985095587), got "${String(value)}"`,
      });
      return z.NEVER;
    }
    return number;
  });

const repository = z
  .string({ error: 'repository must be a string such as octo-org/octo-repo' })
  .superRefine((value, context) => {
    try {
      parseRepository(value);
    } catch (error) {
      context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    }
  });

const mapping = z.strictObject(
  {
    run: runId.optional(),
    workflow: text('workflow').optional(),
    branch: text('branch').optional(),
    event: text('event').optional(),
    job: text('job').optional(),
    repository: repository.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? undefined
        : 'github must be a mapping such as { run: 21985095587, job: deploy }, { workflow: deploy.yml, branch: main } or { job: deploy }',
  },
);

/** Schema of the value under `github:`; yields a {@link GitHubSpec}. */
export const gitHubSpecSchema: z.ZodType<GitHubSpec> = mapping.transform((value, context): GitHubSpec => {
  const fail = (message: string): never => {
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  const { run, workflow, branch, event, job, repository: repo } = value;
  const common = {
    ...(repo === undefined ? {} : { repository: repo }),
    ...(job === undefined ? {} : { job }),
  };
  if (run !== undefined && workflow !== undefined)
    return fail('give either run (a run id) or workflow (its latest completed run), not both');
  if ((branch !== undefined || event !== undefined) && workflow === undefined) {
    return fail('branch and event select runs of a workflow: add workflow (e.g. workflow: deploy.yml)');
  }
  if (run !== undefined) return { target: 'run', run, ...common };
  if (workflow !== undefined) {
    return {
      target: 'workflow',
      workflow,
      ...(branch === undefined ? {} : { branch }),
      ...(event === undefined ? {} : { event }),
      ...common,
    };
  }
  if (job !== undefined)
    return { target: 'current', job, ...(repo === undefined ? {} : { repository: repo }) };
  return fail(
    'github needs run (a run id), workflow (a workflow file or name) or job (a job of the current run)',
  );
});
