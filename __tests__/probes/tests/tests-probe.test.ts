import { mkdtemp, rm, writeFile, readFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeError, type Fields, type ProbeEnvironment } from '../../../src/probes/probe.js';
import { testsProbe } from '../../../src/probes/tests/index.js';
import { testsSpecSchema, type TestsSpec } from '../../../src/probes/tests/schema.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/reports');

const SEED_TESTS = [
  'TestResolveModelFromLabels_ConflictingLabels',
  'TestResolveRunAgentContext_ConflictingPullRequestLabelsFail',
  'TestResolveRunAgentContext_ConfigLabelsPullRequestOverrideIssue',
  'TestResolveRunAgentContext_ReasoningExtraHighLabel',
  'TestResolveRunAgentContext_UsesPullRequestHintsForRevise',
];

function environment(workspace: string): ProbeEnvironment {
  return {
    sources: { postgres: { statementTimeoutMs: 15_000 }, kubernetes: {}, github: {} },
    env: {},
    workspace,
    addSecret: () => {},
    debug: () => {},
  };
}

async function run(input: unknown, workspace = FIXTURES): Promise<Fields> {
  const spec = testsSpecSchema.parse(input);
  const session = await testsProbe.open(environment(workspace));
  try {
    return await session.run({ spec, extras: {}, signal: new AbortController().signal, timeoutMs: 30_000 });
  } finally {
    await session.close();
  }
}

async function runError(input: unknown, workspace = FIXTURES): Promise<ProbeError> {
  const error: unknown = await run(input, workspace).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProbeError);
  return error as ProbeError;
}

describe('tests probe spec', () => {
  it('accepts one glob or a list, and exact or /regex/ names', () => {
    expect(testsSpecSchema.parse({ report: 'a/*.json', names: ['TestA', '/^TestB_/i'] })).toEqual({
      report: 'a/*.json',
      names: ['TestA', '/^TestB_/i'],
    });
    expect(testsSpecSchema.safeParse({ report: ['a.json', 'b.xml'], names: ['TestA'] }).success).toBe(true);
  });

  it('rejects a regex that does not compile, naming it', () => {
    const result = testsSpecSchema.safeParse({ report: 'a.json', names: ['/^Test(/'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "/^Test(/ is not a valid regular expression (missing closing ) at '^Test('); write /pattern/ in RE2 syntax or an exact test name",
    );
  });

  it('rejects stateful regex flags, unknown keys and empty name lists', () => {
    expect(
      testsSpecSchema.safeParse({ report: 'a.json', names: ['/x/g'] }).error?.issues[0]?.message,
    ).toContain("has flags 'g'");
    expect(testsSpecSchema.safeParse({ report: 'a.json', names: ['A'], name: 'B' }).success).toBe(false);
    expect(testsSpecSchema.safeParse({ report: 'a.json', names: [] }).success).toBe(false);
  });

  it('defaults to failed == 0 and missing == 0 and passed > 0 and knows its fields', () => {
    const spec: TestsSpec = { report: 'r.json', names: ['A'] };
    expect(testsProbe.defaultExpect(spec)).toBe('failed == 0 and missing == 0 and passed > 0');
    expect(testsProbe.fields(spec)).toEqual(
      expect.arrayContaining(['passed', 'failed', 'skipped', 'missing', 'total']),
    );
  });
});

describe('go test -json reports (real go 1.19 output)', () => {
  it('counts the seed five label-conflict tests as passed', async () => {
    const fields = await run({ report: 'go/go-test.json', names: SEED_TESTS });
    expect(fields).toMatchObject({
      passed: 5,
      failed: 0,
      skipped: 0,
      missing: 0,
      total: 5,
      failed_tests: [],
    });
  });

  it('counts each test a regex matches, subtests included', async () => {
    const fields = await run({ report: 'go/go-test.json', names: ['/^TestResolveRunAgentContext_/'] });
    // 6 top-level tests + UsesPullRequestHintsForRevise/{model,default} + LabelMatrix/{issue_only,conflicting_effort}.
    expect(fields).toMatchObject({ passed: 7, failed: 2, skipped: 1, missing: 0, total: 10 });
    expect(fields.failed_tests).toEqual([
      'TestResolveRunAgentContext_LabelMatrix/conflicting_effort',
      'TestResolveRunAgentContext_LabelMatrix',
    ]);
  });

  it('matches a subtest by its Parent/child name and attaches its output', async () => {
    const fields = await run({
      report: 'go/go-test.json',
      names: [
        'TestResolveRunAgentContext_LabelMatrix/conflicting_effort',
        'TestResolveRunAgentContext_LabelMatrix/issue_only',
      ],
    });
    expect(fields).toMatchObject({ passed: 1, failed: 1 });
    expect(fields.output).toContain(
      'labels_test.go:79: labels [ai-reasoning:high ai-reasoning:low]: conflicting labels',
    );
    expect(fields.output).not.toContain('=== RUN');
  });

  it('reports a panicking test as failed with the panic in its output', async () => {
    const fields = await run({
      report: 'go/go-test.json',
      names: ['TestRunner_NilTriggerPanics', 'TestRunner_LabelFromTrigger'],
    });
    expect(fields).toMatchObject({ passed: 1, failed: 1, failed_tests: ['TestRunner_NilTriggerPanics'] });
    expect(fields.output).toMatch(
      /^TestRunner_NilTriggerPanics:\n {6}runner_test\.go:13: payload without trigger\n {2}panic: runtime error/,
    );
  });

  it('names failed and skipped tests and a missing one', async () => {
    const fields = await run({
      report: 'go/go-test.json',
      names: [
        'TestResolveModelFromLabels_UnknownModelRejected',
        'TestResolveRunAgentContext_NeedsCluster',
        'TestNotWritten',
        '/^TestNope/',
      ],
    });
    expect(fields).toMatchObject({ passed: 0, failed: 1, skipped: 1, missing: 2, total: 4 });
    expect(fields.missing_tests).toEqual(['TestNotWritten', '/^TestNope/']);
    expect(fields.output).toContain('want an error for an unknown model, got model "does-not-exist"');
  });

  it('reads tests from several packages of one report', async () => {
    const fields = await run({
      report: 'go/go-test.json',
      names: [
        'TestWebhook_InvalidSignatureRejected',
        'TestResolveModelFromLabels_ConflictingLabels',
        'TestRunner_LabelFromTrigger',
      ],
    });
    expect(fields).toMatchObject({ passed: 3, failed: 0, missing: 0 });
  });

  it('says a test is missing because its package did not build or set up', async () => {
    const fields = await run({ report: 'go/go-test.json', names: ['TestBroken_Answer'] });
    expect(fields).toMatchObject({ passed: 0, failed: 0, missing: 1, missing_tests: ['TestBroken_Answer'] });
    expect(fields.failed_packages).toEqual([
      'example.com/codex-k8s/services/setupfail [setup failed]',
      'example.com/codex-k8s/services/broken [build failed]',
      'example.com/codex-k8s/services/leakcheck [failed outside any test]',
    ]);
  });

  it('fails a test the -timeout killed, with the timeout panic, without blaming its package', async () => {
    const fields = await run({ report: 'go/go-test.json', names: ['/^TestSlow_/'] });
    expect(fields).toMatchObject({
      passed: 1,
      failed: 1,
      failed_tests: ['TestSlow_WaitsForApproval (did not finish: its package failed)'],
    });
    expect(fields.output).toContain(
      'slow_test.go:12: waiting for approval\n  panic: test timed out after 5s',
    );
    expect(fields.failed_packages).not.toContain(
      'example.com/codex-k8s/services/slow [failed outside any test]',
    );
  });

  it('keeps a passed test passed when TestMain fails its package, and names the package', async () => {
    const fields = await run({
      report: 'go/go-test.json',
      names: ['TestLeak_ReleasesWorkers', 'TestLeak_Missing'],
    });
    expect(fields).toMatchObject({ passed: 1, failed: 0, missing: 1 });
    expect(fields.failed_packages).toContain(
      'example.com/codex-k8s/services/leakcheck [failed outside any test]',
    );
    expect(fields.output).toContain('found unexpected goroutines');
  });

  it('attaches compiler output when stderr was merged into the report', async () => {
    const fields = await run({ report: 'go/go-test-count2.json', names: ['TestBroken_Answer'] });
    expect(fields.output).toContain('example.com/codex-k8s/services/broken [build failed]:');
    expect(fields.output).toContain(
      'broken.go:4:28: cannot use "forty-two" (untyped string constant) as int value',
    );
    expect(fields.output).toContain(
      'no required module provides package example.com/codex-k8s/services/missing',
    );
  });

  it('reads go 1.24 build-output / FailedBuild events', async () => {
    const fields = await run({
      report: 'go/go124-build-failed.json',
      names: ['TestBroken_Answer', 'TestWebhook_InvalidSignatureRejected'],
    });
    expect(fields).toMatchObject({
      passed: 1,
      missing: 1,
      failed_packages: ['example.com/codex-k8s/services/broken [build failed]'],
    });
    expect(fields.output).toContain('cannot use "forty-two"');
  });

  it('fails a -count=2 test when any run failed, and says which runs', async () => {
    const fields = await run({ report: 'go/go-test-count2.json', names: ['/^TestWebhook_/'] });
    expect(fields).toMatchObject({ passed: 2, failed: 2, missing: 0, total: 4, flaky_tests: [] });
    expect(fields.failed_tests).toEqual([
      'TestWebhook_ReplayIdempotent (failed 1 of 2 runs)',
      'TestWebhook_WarmupFlaky (failed 1 of 2 runs; the last passed)',
    ]);
    expect(fields.output).toContain('run 2: replay answered 202, want 200');
    expect(fields.output).toContain('run 1: cold cache');
  });

  it('with retries: accept, decides a -count=2 test by its last run and lists the retried pass', async () => {
    const fields = await run({
      report: 'go/go-test-count2.json',
      names: ['/^TestWebhook_/'],
      retries: 'accept',
    });
    expect(fields).toMatchObject({ passed: 3, failed: 1, missing: 0, total: 4 });
    expect(fields.failed_tests).toEqual(['TestWebhook_ReplayIdempotent (failed 1 of 2 runs)']);
    expect(fields.flaky_tests).toEqual(['TestWebhook_WarmupFlaky (passed on last of 2 runs, failed 1)']);
  });

  it('builds a go test -run command from the names', () => {
    expect(
      testsProbe.reproduce({ report: 'reports/*.json', names: SEED_TESTS }, {}, environment('').sources),
    ).toBe(`go test ./... -count=1 -run '^(${SEED_TESTS.join('|')})$'`);
    expect(
      testsProbe.reproduce(
        { report: 'r.json', names: ['TestA/child', '/^TestB_/'] },
        {},
        environment('').sources,
      ),
    ).toBe("go test ./... -count=1 -run '^(TestA)$|^TestB_'");
    expect(testsProbe.describe({ report: 'r.json', names: SEED_TESTS }, {}, environment('').sources)).toBe(
      'tests TestResolveModelFromLabels_ConflictingLabels, TestResolveRunAgentContext_ConflictingPullRequestLabelsFail, TestResolveRunAgentContext_ConfigLabelsPullRequestOverrideIssue and 2 more in r.json',
    );
  });
});

describe('JUnit XML reports', () => {
  it('pytest: failure and fixture error count as failed, skip as skipped, classname.name matches', async () => {
    const fields = await run({
      report: 'junit/pytest.xml',
      names: [
        'test_invalid_signature_rejected',
        'test_first_delivery_accepted',
        'test_replay_is_idempotent',
        'test_delivery_against_staging',
        'test_signature_with_secret',
        'test_webhook.TestHeaders.test_event_header_accepted[push]',
      ],
    });
    expect(fields).toMatchObject({ passed: 3, failed: 2, skipped: 1, missing: 0 });
    expect(fields.failed_tests).toEqual([
      'test_webhook.test_replay_is_idempotent',
      'test_webhook.test_signature_with_secret',
    ]);
    expect(fields.output).toContain('AssertionError: replay must not be processed twice');
    expect(fields.output).toContain('failed on setup with "RuntimeError: WEBHOOK_SECRET not set"');
  });

  it('jest-junit: nested describe names, skipped test, failure text', async () => {
    const fields = await run({ report: 'junit/jest-junit.xml', names: ['/^webhook /'] });
    expect(fields).toMatchObject({
      passed: 3,
      failed: 1,
      skipped: 1,
      failed_tests: ['webhook replay => 200'],
    });
    expect(fields.output).toContain('Expected: 202');
  });

  it('vitest: names joined with " > "', async () => {
    const fields = await run({
      report: 'junit/vitest.xml',
      names: ['webhook > replay => 200', 'webhook > headers > push event accepted'],
    });
    expect(fields).toMatchObject({ passed: 1, failed: 1, missing: 0 });
    expect(fields.output).toContain('expected 200 to be 202');
  });

  it('gotestsum (go-junit-report format): package as classname', async () => {
    const fields = await run({
      report: 'junit/gotestsum.xml',
      names: ['example.com/codex-k8s/services/jobs/runner.TestRunner_NilTriggerPanics', ...SEED_TESTS],
    });
    expect(fields).toMatchObject({ passed: 5, failed: 1, missing: 0 });
    expect(fields.output).toContain('panic: runtime error: invalid memory address');
    expect(fields.output).not.toMatch(/^ {2}Failed$/m);
  });

  it('Surefire: error is a failure, marked reruns count as runs, flaky passes are listed', async () => {
    const fields = await run({
      report: 'junit/surefire.xml',
      names: ['/^com\\.example\\.webhook\\.WebhookHandlerTest\\./'],
    });
    expect(fields).toMatchObject({ passed: 3, failed: 2, skipped: 1, total: 6 });
    expect(fields.failed_tests).toEqual([
      'com.example.webhook.WebhookHandlerTest.replayIsIdempotent (failed 2 of 2 runs)',
      'com.example.webhook.WebhookHandlerTest.secretIsLoaded',
    ]);
    expect(fields.flaky_tests).toEqual([
      'com.example.webhook.WebhookHandlerTest.signatureCacheWarmsUp (passed on last of 2 runs, failed 1)',
    ]);
    expect(fields.output).toContain('expected: <200> but was: <202>');
  });

  it('PHPUnit: test cases inside nested testsuite elements', async () => {
    const fields = await run({
      report: 'junit/phpunit-nested.xml',
      names: ['testFirstDeliveryIsAccepted', 'Tests.Webhook.SignatureTest.testReplayIsIdempotent'],
    });
    expect(fields).toMatchObject({ passed: 1, failed: 1, missing: 0 });
    expect(fields.output).toContain('Failed asserting that 202 matches expected 200.');
  });

  it('reads every report a list of globs matches, whatever the format', async () => {
    const fields = await run({
      report: ['go/*.json', 'junit/**/*.xml'],
      names: ['TestResolveModelFromLabels_ConflictingLabels', 'test_first_delivery_accepted'],
    });
    // Every report is its own result: go-test.json, go-test-count2.json and gotestsum.xml each
    // hold the Go test, pytest.xml the Python one.
    expect(fields).toMatchObject({ passed: 4, failed: 0, missing: 0, total: 4 });
  });

  it('builds a grep command for XML reports', () => {
    expect(
      testsProbe.reproduce(
        { report: 'TEST-*.xml', names: ['com.example.WebhookTest.replayIsIdempotent'] },
        {},
        environment('').sources,
      ),
    ).toBe(
      `grep -E -A3 '<testcase [^>]*name="(com\\.example\\.WebhookTest\\.replayIsIdempotent|replayIsIdempotent)"' TEST-*.xml`,
    );
    expect(
      testsProbe.reproduce(
        { report: 'reports/*.xml', names: ['replayIsIdempotent', '/^test_/'] },
        {},
        environment('').sources,
      ),
    ).toBe(`grep -E -A3 '<testcase [^>]*name="(replayIsIdempotent|test_[^"]*)"' reports/*.xml`);
  });
});

describe('tests probe errors', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'tests-probe-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('names the glob and the directory when nothing matches', async () => {
    const error = await runError({ report: 'reports/*.json', names: ['TestA'] }, scratch);
    expect(error.message).toBe(
      `tests: no file matches report 'reports/*.json' in ${scratch}; check the path and that the test step wrote its report before the gate runs`,
    );
  });

  it('refuses an empty report', async () => {
    await writeFile(path.join(scratch, 'empty.json'), '  \n');
    expect((await runError({ report: 'empty.json', names: ['TestA'] }, scratch)).message).toBe(
      'empty.json: the report is empty; did the test step write it?',
    );
  });

  it('names the file and line of a malformed go test -json line', async () => {
    const lines = (await readFile(path.join(FIXTURES, 'go/go-test.json'), 'utf8')).split('\n');
    lines[6] = lines[6]!.slice(0, 40);
    await writeFile(path.join(scratch, 'truncated.json'), lines.join('\n'));
    const error = await runError({ report: 'truncated.json', names: SEED_TESTS }, scratch);
    expect(error.message).toBe(
      'truncated.json:7: malformed go test -json line (not valid JSON, 40 characters); was the report cut off or written by two processes at once?',
    );
  });

  it('refuses JSON lines that are not test2json events', async () => {
    await writeFile(path.join(scratch, 'other.json'), '{"numTotalTests": 3}\n');
    expect((await runError({ report: 'other.json', names: ['TestA'] }, scratch)).message).toBe(
      'other.json:1: not a go test -json event (no "Action"); is this the output of go test -json?',
    );
  });

  it('refuses a DOCTYPE (entity bomb) without expanding it, quickly', async () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let level = 1; level <= 9; level += 1)
      entities.push(`<!ENTITY lol${level} "${`&lol${level - 1 || ''};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${entities.join('\n')}\n]>\n<testsuites><testsuite><testcase name="&lol9;"/></testsuite></testsuites>\n`;
    await writeFile(path.join(scratch, 'bomb.xml'), bomb);
    const started = performance.now();
    const error = await runError({ report: 'bomb.xml', names: ['/./'] }, scratch);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.message).toMatch(
      /^bomb\.xml:\d+: the report has a DOCTYPE; .*entity declarations are refused/,
    );
  });

  it('refuses XML that is not a JUnit report, and malformed XML with its line', async () => {
    await writeFile(path.join(scratch, 'pom.xml'), '<project><modelVersion>4.0.0</modelVersion></project>\n');
    expect((await runError({ report: 'pom.xml', names: ['A'] }, scratch)).message).toBe(
      'pom.xml: not a JUnit report: the root element is <project>, not <testsuites> or <testsuite>',
    );
    await writeFile(
      path.join(scratch, 'cut.xml'),
      '<testsuites>\n<testsuite name="a">\n<testcase name="b">\n',
    );
    expect((await runError({ report: 'cut.xml', names: ['b'] }, scratch)).message).toMatch(
      /^cut\.xml:\d+: malformed XML: /,
    );
  });

  it('refuses a file that is neither format', async () => {
    await writeFile(path.join(scratch, 'notes.txt'), 'all tests passed\n');
    expect((await runError({ report: 'notes.txt', names: ['A'] }, scratch)).message).toBe(
      'notes.txt: neither go test -json (lines starting with "{") nor JUnit XML (starting with "<"); point the glob at the test step\'s report',
    );
  });

  it('is not fooled by event-like text inside an output line', async () => {
    const lines = [
      '{"Action":"run","Package":"p","Test":"TestA"}',
      String.raw`{"Action":"output","Package":"p","Test":"TestB","Output":"{\"Action\":\"fail\",\"Package\":\"p\",\"Test\":\"TestA\"}\n"}`,
      '{"Action":"pass","Package":"p","Test":"TestA"}',
      '{"Action":"pass","Package":"p","Test":"Test\\u0043"}',
    ];
    await writeFile(path.join(scratch, 'tricky.json'), `${lines.join('\n')}\n`);
    // TestC is written with a JSON escape, which the quick field reader must hand to JSON.parse.
    expect(await run({ report: 'tricky.json', names: ['TestA', 'TestC'] }, scratch)).toMatchObject({
      passed: 2,
      failed: 0,
      missing: 0,
    });
  });

  it('stops reading when the try is aborted', async () => {
    const spec = testsSpecSchema.parse({ report: 'go/go-test.json', names: ['TestA'] });
    const session = await testsProbe.open(environment(FIXTURES));
    const controller = new AbortController();
    controller.abort();
    await expect(session.run({ spec, extras: {}, signal: controller.signal, timeoutMs: 1 })).rejects.toThrow(
      'go/go-test.json: stopped reading at line 0: the check timed out',
    );
  });

  it('expands *, ? and ** but not into dot directories or node_modules', async () => {
    const report = '{"Action":"pass","Package":"p","Test":"TestA"}\n';
    for (const dir of ['deep/a/b', '.hidden', 'node_modules/x'])
      await mkdir(path.join(scratch, 'g', dir), { recursive: true });
    await writeFile(path.join(scratch, 'g/deep/a/b/r1.json'), report);
    await writeFile(path.join(scratch, 'g/.hidden/r2.json'), report);
    await writeFile(path.join(scratch, 'g/node_modules/x/r3.json'), report);
    await writeFile(path.join(scratch, 'g/r4.json'), report);
    const { expandGlob } = await import('../../../src/probes/tests/glob.js');
    expect(await expandGlob('g/**/r?.json', scratch)).toEqual([
      path.join(scratch, 'g/deep/a/b/r1.json'),
      path.join(scratch, 'g/r4.json'),
    ]);
    expect(await expandGlob('g/*/a/*/*.json', scratch)).toEqual([path.join(scratch, 'g/deep/a/b/r1.json')]);
    expect(await expandGlob('g/.hidden/*.json', scratch)).toEqual([path.join(scratch, 'g/.hidden/r2.json')]);
    expect(await expandGlob(path.join(scratch, 'g/r4.json'), '/elsewhere')).toEqual([
      path.join(scratch, 'g/r4.json'),
    ]);
  });
});
