// Through dist/ as the runner runs it: a failing run of a test is never reported as a pass (issue 14
// class 4), a retried pass shows in the Evidence, and a report glob outside the workspace is refused
// without any of the file's content reaching an artefact (class 6).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectArtefacts, artefactsContaining, readBundleJson } from '../../hardening/artefacts.js';
import { runAction, type ActionRun } from '../../support/action-runner.js';
import { FIXTURES, goRun } from './probe-runner.js';

interface Row {
  name: string;
  status: string;
  checks: Array<{ status: string; error?: string; fields: Record<string, unknown> }>;
}

const FAIL_THEN_PASS = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="webhook">
    <testcase classname="WebhookTest" name="replay is idempotent"><failure message="replay answered 202, want 200">at WebhookTest.java:58</failure></testcase>
    <testcase classname="WebhookTest" name="replay is idempotent"/>
  </testsuite>
</testsuites>
`;
const GO_COUNT2 = `${[
  ...goRun('example.com/webhook', 'TestReplay', 'fail', ['    replay_test.go:9: run 1: answered 202']),
  ...goRun('example.com/webhook', 'TestReplay', 'pass'),
].join('\n')}\n`;

/** The summary as a reader sees it rendered: Markdown's backslash escapes gone. */
function shown(run: ActionRun): string {
  return run.summary.replace(/\\(?=[\\`*_{}[\]()#+\-.!|<>~])/g, '');
}

async function gateRun(
  gate: string,
  files: Record<string, string>,
): Promise<{ run: ActionRun; rows: Map<string, Row> }> {
  const run = await runAction({ inputs: { config: 'gate.yml' }, files: { 'gate.yml': gate, ...files } });
  const bundle = (await readBundleJson(run, 'REG-TESTS')) as { scenarios: Row[] };
  return { run, rows: new Map(bundle.scenarios.map((row) => [row.name, row])) };
}

describe('test reports through dist/', () => {
  it('a testcase that fails and then passes under the same id, jest-junit top-level names of two files and a -count=2 retry are No-Go', async () => {
    const jest = await readFile(path.join(FIXTURES, 'junit/jest-junit-toplevel.xml'), 'utf8');
    const { run, rows } = await gateRun(
      `version: 1
gate: { id: REG-TESTS, title: Tests }
scenarios:
  - name: same id fails then passes
    checks:
      - tests: { report: reports/junit.xml, names: [replay is idempotent] }
  - name: same name in two jest files
    checks:
      - tests: { report: reports/jest.xml, names: [rejects an invalid signature] }
  - name: go -count=2 fail then pass
    checks:
      - tests: { report: reports/go.json, names: [TestReplay] }
`,
      { 'reports/junit.xml': FAIL_THEN_PASS, 'reports/jest.xml': jest, 'reports/go.json': GO_COUNT2 },
    );
    expect(run.outputs.decision).toBe('no-go');
    expect(run.exitCode).not.toBe(0);
    for (const row of rows.values()) expect(row.status, row.name).toBe('fail');
    expect(rows.get('same id fails then passes')!.checks[0]!.fields).toMatchObject({ passed: 0, failed: 1 });
    expect(rows.get('same name in two jest files')!.checks[0]!.fields).toMatchObject({
      passed: 1,
      failed: 1,
    });
    expect(shown(run)).toContain('WebhookTest.replay is idempotent (failed 1 of 2 runs; the last passed)');
    expect(shown(run)).toContain('rejects an invalid signature [suite src/webhook/signature.test.js]');
    expect(shown(run)).toContain('TestReplay (failed 1 of 2 runs; the last passed)');
  });

  it('with retries: accept the retried pass is a Go, and the Evidence says the test was flaky', async () => {
    const { run, rows } = await gateRun(
      `version: 1
gate: { id: REG-TESTS, title: Tests }
scenarios:
  - name: retried replay
    checks:
      - tests: { report: reports/go.json, names: [TestReplay], retries: accept }
`,
      { 'reports/go.json': GO_COUNT2 },
    );
    expect(run.outputs.decision).toBe('go');
    expect(run.exitCode).toBe(0);
    expect(rows.get('retried replay')!.status).toBe('pass');
    expect(shown(run)).toContain('flaky_tests: TestReplay (passed on last of 2 runs, failed 1)');
  });

  it('a report glob outside the workspace is an error that says where it points and quotes nothing', async () => {
    const run = await runAction({
      inputs: { config: 'gate.yml', 'fail-on': 'never' },
      files: {
        'gate.yml': `version: 1
gate: { id: REG-TESTS, title: Tests }
scenarios:
  - name: outside
    checks:
      - tests: { report: /etc/passwd, names: [TestA] }
`,
      },
    });
    const bundle = (await readBundleJson(run, 'REG-TESTS')) as { scenarios: Row[] };
    expect(bundle.scenarios[0]!.status).toBe('error');
    expect(bundle.scenarios[0]!.checks[0]!.error).toMatch(
      /^tests: report '\/etc\/passwd' points outside the workspace \(to \/etc\/passwd\)/,
    );
    const artefacts = await collectArtefacts(run);
    expect(artefactsContaining(artefacts, 'root:x:0')).toEqual([]);
    expect(artefactsContaining(artefacts, '/bin/bash')).toEqual([]);
  });
});
