// One gate that holds every kind of secret the action meets — a DSN password, the GitHub token, a
// kubeconfig bearer token and an http Authorization header — run through dist/ with a check run,
// once when every source answers and once when every source fails. Every artefact is grepped.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { emptyState, makeRun, simSha, startGitHubSim, type GitHubSim } from '../support/github-sim/index.js';
import { loadFixture, startK8sSim, type K8sSim } from '../support/k8s-sim/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import {
  artefactsContaining,
  collectArtefacts,
  readBundleJson,
  startHttpServer,
  type TestHttpServer,
} from './artefacts.js';

const GITHUB_TOKEN = 'ghs_hardeningToken0123456789abcdef';
// Not named like a secret, so only the http probe's own handling of Authorization can hide it.
const HOOK_CREDENTIAL = 'hook-credential-7f3a9c2e51';
const WRONG_DB_PASSWORD = 'Wr0ng-db-passw0rd-4d1e';
const DEPLOY_RUN_ID = 21985095587;

let db: TestDatabase;
let k8s: K8sSim | undefined;
let github: GitHubSim | undefined;
let hook: TestHttpServer | undefined;
const seenAuthorization: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase(undefined, { reader: true });
  await db.query(`create table items (id int); insert into items values (1), (2);`);
});
afterAll(() => db?.cleanup());
afterEach(async () => {
  await k8s?.close();
  await github?.close();
  await hook?.close();
  seenAuthorization.length = 0;
});

// No `DATABASE_URL`-like or `*_TOKEN` names: the probes must find these secrets themselves.
const GATE = `version: 1
gate: { id: REG-SECRETS, title: Secrets gate }
sources:
  postgres: { url: "\${PG_CONN}" }
  kubernetes: { namespace: codex-k8s-staging }
preconditions:
  - name: Deploy on main succeeded
    github: { run: "\${DEPLOY_RUN_ID}", job: Deploy codex-k8s to ai-staging }
scenarios:
  - name: Database
    checks:
      - postgres: select count(*) as n from items
        expect: n >= 1
        evidence: "items={{n}}"
  - name: Cluster
    checks:
      - kubernetes: { deployments: [codex-k8s] }
  - name: Webhook
    checks:
      - http: { url: "\${HOOK_URL}/echo", headers: { Authorization: "Bearer \${HOOK_AUTH}" } }
        expect: status == 200
        evidence: "{{body}}"
`;

/** Starts the cluster, GitHub and the webhook; `failing` makes each of them refuse. */
async function startSources(failing: boolean): Promise<Record<string, string>> {
  k8s = await startK8sSim({ objects: loadFixture('staging.yaml') });
  const state = emptyState(GITHUB_TOKEN);
  state.repositories['acme/platform'] = {
    workflows: [],
    runs: [
      makeRun({
        id: DEPLOY_RUN_ID,
        head_sha: simSha('deployed'),
        jobs: [{ id: 1, name: 'Deploy codex-k8s to ai-staging', status: 'completed', conclusion: 'success' }],
      }),
    ],
  };
  github = await startGitHubSim(state);
  // A careless server that echoes the credential back, whole and without its scheme.
  hook = await startHttpServer((request, response) => {
    const authorization = request.headers.authorization ?? '';
    seenAuthorization.push(authorization);
    response.writeHead(failing ? 401 : 200, { 'content-type': 'text/plain' });
    response.end(`got "${authorization}", credential ${authorization.replace(/^Bearer /, '')}`);
  });
  if (failing) {
    k8s.setFault({ status: 401 });
    github.setFault('getRun', { type: 'status', status: 401 });
  }
  const password = failing ? WRONG_DB_PASSWORD : decodeURIComponent(new URL(db.readerUrl!).password);
  const url = new URL(db.readerUrl!);
  url.password = encodeURIComponent(password);
  return {
    PG_CONN: url.toString(),
    KUBECONFIG: k8s.kubeconfigPath,
    GITHUB_API_URL: github.url,
    DEPLOY_RUN_ID: String(DEPLOY_RUN_ID),
    GITHUB_SHA: simSha('deployed'),
    HOOK_URL: hook.url,
    HOOK_AUTH: HOOK_CREDENTIAL,
    // Debug lines are written too (the runner shows them with step debugging on).
    RUNNER_DEBUG: '1',
  };
}

function secretsOf(env: Record<string, string>): Record<string, string> {
  return {
    'DSN password': decodeURIComponent(new URL(env.PG_CONN!).password),
    'GitHub token': GITHUB_TOKEN,
    'kubeconfig bearer token': k8s!.token,
    'Authorization header value': `Bearer ${HOOK_CREDENTIAL}`,
    'Authorization credential': HOOK_CREDENTIAL,
  };
}

describe('secrets never leave the process, through dist/', () => {
  it('when every source answers (Go): no artefact holds the DSN password, either token or the header value', async () => {
    const env = await startSources(false);
    const run = await runAction({
      inputs: { config: 'gate.yml', 'github-token': GITHUB_TOKEN, 'check-run': 'true' },
      files: { 'gate.yml': GATE },
      env,
    });
    // Each secret was really used: every source answered, and the echo carried the credential.
    expect(run.outputs).toMatchObject({ decision: 'go', passed: '3', errors: '0' });
    expect(seenAuthorization).toEqual([`Bearer ${HOOK_CREDENTIAL}`]);
    expect(github!.state.checkRuns.size).toBe(1);
    const artefacts = await collectArtefacts(run, { github });
    expect(Object.keys(artefacts)).toEqual(
      expect.arrayContaining(['bundle/REG-SECRETS.md', 'bundle/REG-SECRETS.json']),
    );
    // Masked before escaping: the mask is a value like any other, escaped so it renders as ***.
    expect(artefacts.summary).toContain('got "\\*\\*\\*", credential \\*\\*\\*');
    for (const [what, secret] of Object.entries(secretsOf(env)))
      expect(artefactsContaining(artefacts, secret), `${what} leaked`).toEqual([]);
  });

  it('when every source fails (No-Go with four error or fail rows): still no artefact holds a secret', async () => {
    const env = await startSources(true);
    const run = await runAction({
      inputs: { config: 'gate.yml', 'github-token': GITHUB_TOKEN, 'check-run': 'true' },
      files: { 'gate.yml': GATE },
      env,
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ decision: 'no-go', passed: '0' });
    const json = (await readBundleJson(run, 'REG-SECRETS')) as {
      preconditions: Array<{ status: string }>;
      scenarios: Array<{ status: string }>;
    };
    expect([...json.preconditions, ...json.scenarios].map((row) => row.status)).toEqual([
      'error',
      'error',
      'error',
      'fail',
    ]);
    expect(run.summary).toMatch(/password authentication failed|password was rejected|credentials/i);
    const artefacts = await collectArtefacts(run, { github });
    for (const [what, secret] of Object.entries(secretsOf(env)))
      expect(artefactsContaining(artefacts, secret), `${what} leaked`).toEqual([]);
  });
});
