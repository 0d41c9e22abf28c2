// What the GitHub REST simulator serves: the deploy run the seed's first precondition names.
import { emptyState, makeRun, simId, type SimState } from '../../__tests__/support/github-sim/index.js';

export const DEMO_REPOSITORY = 'codex-k8s/codex-k8s';
export const DEMO_DEPLOY_RUN_ID = 21985095587;
export const DEMO_DEPLOY_JOB = 'Deploy codex-k8s to ai-staging';

export function demoGitHubState(): SimState {
  const state = emptyState();
  const workflow = { id: 4242, name: 'Deploy', path: '.github/workflows/deploy.yml' };
  const job = (name: string): SimState['repositories'][string]['runs'][number]['jobs'][number] => ({
    id: simId(),
    name,
    status: 'completed',
    conclusion: 'success',
  });
  state.repositories[DEMO_REPOSITORY] = {
    workflows: [workflow],
    runs: [
      makeRun({
        id: DEMO_DEPLOY_RUN_ID,
        workflow,
        jobs: [job('Build images'), job(DEMO_DEPLOY_JOB)],
      }),
    ],
  };
  return state;
}
