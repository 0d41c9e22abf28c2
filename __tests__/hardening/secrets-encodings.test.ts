// Secrets with every Markdown, JSON, regex and shell special character, run through dist/ on the
// Go path, the No-Go path and the invalid-gate-file path. Each secret reaches the result three
// ways — in a scenario's name (author text), in a value a server answered (raw, and already
// JSON- and URL-encoded), and inside a code span — and no artefact may hold it in any form a
// reader could decode. Settings under secret-looking names (3600, true) stay values.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { emptyState, startGitHubSim, type GitHubSim } from '../support/github-sim/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import {
  artefactsContaining,
  collectArtefacts,
  readBundleJson,
  startHttpServer,
  type Artefacts,
  type TestHttpServer,
} from './artefacts.js';
import { leakForms, secretFamily } from './secrets-family.js';

const GITHUB_TOKEN = 'ghs_familyToken0123456789abcdef';
const FAMILY = secretFamily();

let db: TestDatabase;
let github: GitHubSim | undefined;
let echo: TestHttpServer | undefined;

beforeAll(async () => {
  db = await createTestDatabase(undefined, { reader: true });
});
afterAll(() => db?.cleanup());
afterEach(async () => {
  await github?.close();
  await echo?.close();
});

function gateFile(): string {
  const rows = FAMILY.map(
    (secret, index) => `  - name: "Echo \${${secret.name}}"
    checks:
      - http: { url: "\${ECHO_URL}/${index}" }
        expect: status == 200
        evidence: "{{body}}"
      - http: { url: "\${ECHO_URL}/${index}" }
        expect: status == 200
        evidence: "code \`{{body}}\`"`,
  );
  return `version: 1
gate: { id: REG-FAMILY, title: Secret family }
sources:
  postgres: { url: "\${PG_CONN}" }
scenarios:
  - name: Settings under secret-looking names stay values
    checks:
      - postgres: select 3600 as n, true as flag
        expect: n == 3600
        evidence: "n={{n}} flag={{flag}}"
${rows.join('\n')}
`;
}

/** Starts GitHub and a careless server that echoes secret `index` raw, JSON-encoded and URL-encoded. */
async function startSources(failing: boolean): Promise<Record<string, string>> {
  github = await startGitHubSim(emptyState(GITHUB_TOKEN));
  echo = await startHttpServer((request, response) => {
    const secret = FAMILY[Number(request.url?.slice(1))]?.value ?? '';
    response.writeHead(failing ? 503 : 200, { 'content-type': 'text/plain' });
    response.end(`raw=${secret} json=${JSON.stringify(secret)} url=${encodeURIComponent(secret)}`);
  });
  return {
    ...Object.fromEntries(FAMILY.map((secret) => [secret.name, secret.value])),
    SESSION_TOKEN_TTL: '3600',
    FEATURE_TOKEN_CHECK: 'true',
    PG_CONN: db.readerUrl!,
    ECHO_URL: echo.url,
    GITHUB_API_URL: github.url,
    RUNNER_DEBUG: '1',
  };
}

/** Every (secret, form, artefact) that leaked; an empty list is a pass. */
function leaks(artefacts: Artefacts): string[] {
  const found: string[] = [];
  for (const secret of FAMILY) {
    for (const [form, text] of Object.entries(leakForms(secret.value))) {
      for (const where of artefactsContaining(artefacts, text))
        found.push(`${secret.what} (${secret.name}) ${form} in ${where}`);
    }
  }
  return found;
}

async function runFamily(
  failing: boolean,
): Promise<{ artefacts: Artefacts; json: () => Promise<unknown>; summary: string; code: number | null }> {
  const env = await startSources(failing);
  const run = await runAction({
    inputs: { config: 'gate.yml', 'github-token': GITHUB_TOKEN, 'check-run': 'true' },
    files: { 'gate.yml': gateFile() },
    env,
    timeoutMs: 90_000,
  });
  const artefacts = await collectArtefacts(run, { github });
  // The check run was really posted, so its body is among the artefacts.
  expect(github!.state.checkRuns.size).toBe(1);
  const json = (): Promise<unknown> => readBundleJson(run, 'REG-FAMILY');
  return { artefacts, json, summary: run.summary, code: run.exitCode };
}

interface BundleRow {
  status: string;
  checks: Array<{ fields: Record<string, unknown> }>;
}

describe('a family of secrets with special characters, through dist/', () => {
  it('Go: no artefact holds any secret raw, Markdown-, JSON-, URL- or HTML-escaped; 3600 and true stay values', async () => {
    const { artefacts, json, summary, code } = await runFamily(false);
    expect(code).toBe(0);
    expect(leaks(artefacts)).toEqual([]);
    // The bundle parsed (readBundleJson) and the settings' look-alikes are still a number and a boolean.
    const rows = ((await json()) as { scenarios: BundleRow[] }).scenarios;
    expect(rows.map((row) => row.status)).toEqual(FAMILY.map(() => 'pass').concat('pass'));
    expect(rows[0]!.checks[0]!.fields).toMatchObject({ n: 3600, flag: true });
    expect(summary).toContain('n=3600 flag=true');
  }, 120_000);

  it('No-Go: the failing rows, annotations and failure message hold no secret in any form', async () => {
    const { artefacts, json, code } = await runFamily(true);
    expect(code).toBe(1);
    expect(leaks(artefacts)).toEqual([]);
    const rows = ((await json()) as { scenarios: BundleRow[] }).scenarios;
    expect(rows.filter((row) => row.status === 'fail')).toHaveLength(FAMILY.length);
    expect(rows[0]!.checks[0]!.fields).toMatchObject({ n: 3600, flag: true });
  }, 120_000);

  it('invalid gate file: problems quoting the secrets reach no artefact in any form', async () => {
    const checks = FAMILY.map(
      (secret) => `      - http: { url: "\${${secret.name}}" }
        timeout: "\${${secret.name}}"`,
    );
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: {
        'gate.yml': `version: 1
gate: { id: REG-FAMILY-BAD, title: Bad }
scenarios:
  - name: Bad values
    checks:
${checks.join('\n')}
`,
      },
      env: Object.fromEntries(FAMILY.map((secret) => [secret.name, secret.value])),
    });
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain('Invalid gate file');
    expect(run.summary).toContain('is not a URL');
    expect(leaks(await collectArtefacts(run))).toEqual([]);
  }, 60_000);
});
