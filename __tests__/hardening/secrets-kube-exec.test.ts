// A kubeconfig whose user gets its token from an `exec` plugin (as EKS, GKE and AKS kubeconfigs do):
// the token exists only when a request is signed, and the gate must register it then. A test
// report from the same job logged the Authorization header, so the token really reaches the result.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runAction } from '../support/action-runner.js';
import { loadFixture, startK8sSim, type K8sSim } from '../support/k8s-sim/index.js';
import { artefactsContaining, collectArtefacts } from './artefacts.js';
import { leakForms } from './secrets-family.js';

let k8s: K8sSim | undefined;
afterEach(() => k8s?.close());

/** A kubeconfig for the simulator whose user runs a node script that prints an ExecCredential. */
async function execKubeconfig(sim: K8sSim): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'rg-exec-plugin-'));
  const plugin = join(directory, 'credential.mjs');
  const credential = {
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    kind: 'ExecCredential',
    status: { token: sim.token },
  };
  await writeFile(plugin, `process.stdout.write(${JSON.stringify(JSON.stringify(credential))});\n`);
  const path = join(directory, 'kubeconfig');
  await writeFile(
    path,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'sim', cluster: { server: sim.url, 'insecure-skip-tls-verify': true } }],
      users: [
        {
          name: 'exec-user',
          user: {
            exec: {
              apiVersion: 'client.authentication.k8s.io/v1beta1',
              command: process.execPath,
              args: [plugin],
              interactiveMode: 'Never',
            },
          },
        },
      ],
      contexts: [{ name: 'sim', context: { cluster: 'sim', user: 'exec-user' } }],
      'current-context': 'sim',
    }),
  );
  return path;
}

const GATE = `version: 1
gate: { id: REG-EXEC, title: Exec plugin gate }
sources:
  kubernetes: { namespace: codex-k8s-staging }
scenarios:
  - name: Cluster
    checks:
      - kubernetes: { deployments: [codex-k8s] }
  - name: Integration tests
    checks:
      - tests: { report: "reports/go-test.json", names: [TestCluster] }
        evidence: "{{output}}"
`;

/** go test -json: a failing test that logged the request it sent to the cluster. */
function goTestReport(token: string): string {
  const event = (action: string, output?: string): string =>
    JSON.stringify({
      Action: action,
      Package: 'example.com/it',
      Test: 'TestCluster',
      ...(output ? { Output: output } : {}),
    });
  return [
    event('run'),
    event('output', `GET /apis/apps/v1 Authorization: Bearer ${token}\n`),
    event('fail'),
  ].join('\n');
}

describe('a token from a kubeconfig exec plugin, through dist/', () => {
  it('is used, and then appears in no artefact in any form', async () => {
    k8s = await startK8sSim({ objects: loadFixture('staging.yaml') });
    const run = await runAction({
      inputs: { config: 'gate.yml' },
      files: { 'gate.yml': GATE, 'reports/go-test.json': goTestReport(k8s.token) },
      env: { KUBECONFIG: await execKubeconfig(k8s), RUNNER_DEBUG: '1' },
    });
    if (!run.outputs.decision) throw new Error(run.stdout + run.stderr);
    // The plugin's token was accepted: the cluster check passed; the test report failed.
    expect(run.outputs).toMatchObject({ decision: 'no-go', passed: '1', failed: '1' });
    const artefacts = await collectArtefacts(run);
    expect(artefacts.summary).toContain('TestCluster');
    for (const [form, text] of Object.entries(leakForms(k8s.token)))
      expect(artefactsContaining(artefacts, text), `${form} token leaked`).toEqual([]);
  }, 60_000);
});
