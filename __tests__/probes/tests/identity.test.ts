// Issue 14 class 4: two results must never collapse into one, and a failed run is never hidden by a
// later pass unless the format marks it as a rerun or the gate file says `retries: accept`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goRun, junit, runTests, scratchWorkspace } from './probe-runner.js';

type Scratch = Awaited<ReturnType<typeof scratchWorkspace>>;
let scratch: Scratch;
beforeAll(async () => {
  scratch = await scratchWorkspace();
});
afterAll(() => scratch.cleanup());

const FAILED = '<testcase classname="c" name="t"><failure message="boom">boom at t.js:3</failure></testcase>';
const PASSED = '<testcase classname="c" name="t"/>';

describe('JUnit: every <testcase> is its own result', () => {
  it('fails a case that failed and then passed under the same id in one file', async () => {
    await scratch.write({ 'same-id.xml': junit(['s', [FAILED, PASSED]]) });
    const fields = await runTests({ report: 'same-id.xml', names: ['t'] }, scratch.dir);
    expect(fields).toMatchObject({
      passed: 0,
      failed: 1,
      total: 1,
      failed_tests: ['c.t (failed 1 of 2 runs; the last passed)'],
      flaky_tests: [],
    });
    // The message is part of the text, so it is shown once.
    expect(fields.output).toBe('c.t:\n  boom at t.js:3');
  });

  it('fails a case that passed and then failed under the same id, and one that failed twice', async () => {
    await scratch.write({ 'pass-fail.xml': junit(['s', [PASSED, FAILED, FAILED]]) });
    expect(await runTests({ report: 'pass-fail.xml', names: ['t'] }, scratch.dir)).toMatchObject({
      passed: 0,
      failed: 1,
      failed_tests: ['c.t (failed 2 of 3 runs)'],
    });
  });

  it('jest-junit top-level tests (classname="") of two files stay two tests', async () => {
    const fields = await runTests({
      report: 'junit/jest-junit-toplevel.xml',
      names: ['rejects an invalid signature', 'accepts the first delivery'],
    });
    expect(fields).toMatchObject({ passed: 3, failed: 1, missing: 0, total: 4 });
    expect(fields.failed_tests).toEqual([
      'rejects an invalid signature [suite src/webhook/signature.test.js]',
    ]);
    expect(fields.output).toContain('Expected: 401');
  });

  it('TestNG data-provider invocations: a failing row is not hidden by the passing rows after it', async () => {
    const fields = await runTests({
      report: 'junit/testng-dataprovider.xml',
      names: ['com.example.webhook.SignatureTest.verifiesSignature'],
    });
    expect(fields).toMatchObject({
      passed: 0,
      failed: 1,
      failed_tests: [
        'com.example.webhook.SignatureTest.verifiesSignature (failed 1 of 3 runs; the last passed)',
      ],
    });
    expect(fields.output).toContain(
      'at com.example.webhook.SignatureTest.verifiesSignature(SignatureTest.java:41)',
    );
  });

  it('the same class and name in two report files are two results, told apart by file', async () => {
    await scratch.write({ 'two/a.xml': junit(['s', [FAILED]]), 'two/b.xml': junit(['s', [PASSED]]) });
    const fields = await runTests({ report: 'two/*.xml', names: ['c.t'] }, scratch.dir);
    expect(fields).toMatchObject({ passed: 1, failed: 1, total: 2, failed_tests: ['c.t [two/a.xml]'] });
    // Read in the other order, the failure still counts.
    await scratch.write({ 'two/0.xml': junit(['s', [PASSED]]) });
    expect(await runTests({ report: ['two/b.xml', 'two/a.xml'], names: ['c.t'] }, scratch.dir)).toMatchObject(
      {
        passed: 1,
        failed: 1,
      },
    );
  });

  it('the same class and name in two suites of one file, nested or not, are two results', async () => {
    const nested = `<testsuites>
  <testsuite name="api"><testsuite name="v1">${FAILED}</testsuite><testsuite name="v2">${PASSED}</testsuite></testsuite>
  <testsuite name="cli">${PASSED}</testsuite>
</testsuites>`;
    await scratch.write({ 'suites.xml': nested });
    const fields = await runTests({ report: 'suites.xml', names: ['t'] }, scratch.dir);
    expect(fields).toMatchObject({ passed: 2, failed: 1, total: 3, failed_tests: ['c.t [suite api > v1]'] });
  });

  it('a suite closing does not merge the cases after it into the enclosing suite', async () => {
    const text = `<testsuite name="root"><testsuite name="inner">${FAILED}</testsuite>${PASSED}</testsuite>`;
    await scratch.write({ 'inner.xml': text });
    const fields = await runTests({ report: 'inner.xml', names: ['t'] }, scratch.dir);
    expect(fields).toMatchObject({ passed: 1, failed: 1, failed_tests: ['c.t [suite root > inner]'] });
  });

  it('the same class and name from two source files (file attribute) are two results', async () => {
    const cases = [
      '<testcase classname="" name="t" file="src/a.test.ts"><failure>a broke</failure></testcase>',
      '<testcase classname="" name="t" file="src/b.test.ts"/>',
    ];
    await scratch.write({ 'files.xml': junit(['all', cases]) });
    const fields = await runTests({ report: 'files.xml', names: ['t'] }, scratch.dir);
    expect(fields).toMatchObject({ passed: 1, failed: 1, failed_tests: ['t [file src/a.test.ts]'] });
  });

  it('parametrised cases with their own names count one each', async () => {
    const cases = [
      '<testcase classname="m" name="test_sig[sha1]"><failure>sha1 accepted</failure></testcase>',
      '<testcase classname="m" name="test_sig[sha256]"/>',
    ];
    await scratch.write({ 'params.xml': junit(['pytest', cases]) });
    expect(await runTests({ report: 'params.xml', names: ['/^test_sig\\[/'] }, scratch.dir)).toMatchObject({
      passed: 1,
      failed: 1,
      failed_tests: ['m.test_sig[sha1]'],
    });
  });

  it('retries: accept counts a repeated id by its last run and lists the retried pass', async () => {
    const fields = await runTests({
      report: 'junit/gotestsum-rerun.xml',
      names: ['/^TestWebhook_/'],
      retries: 'accept',
    });
    expect(fields).toMatchObject({
      passed: 2,
      failed: 0,
      failed_tests: [],
      flaky_tests: [
        'example.com/codex-k8s/services/webhook.TestWebhook_WarmupFlaky (passed on last of 2 runs, failed 1)',
      ],
    });
    // Without the switch the same report fails it.
    expect(await runTests({ report: 'junit/gotestsum-rerun.xml', names: ['/^TestWebhook_/'] })).toMatchObject(
      {
        passed: 1,
        failed: 1,
        flaky_tests: [],
      },
    );
  });

  it('retries: accept still fails a test whose last run failed, or that only skipped after failing', async () => {
    const skipped = '<testcase classname="c" name="t"><skipped/></testcase>';
    await scratch.write({
      'last-fails.xml': junit(['s', [FAILED, PASSED, FAILED]]),
      'fail-skip.xml': junit(['s', [FAILED, skipped]]),
    });
    expect(
      await runTests({ report: 'last-fails.xml', names: ['t'], retries: 'accept' }, scratch.dir),
    ).toMatchObject({
      passed: 0,
      failed: 1,
      failed_tests: ['c.t (failed 2 of 3 runs)'],
    });
    expect(
      await runTests({ report: 'fail-skip.xml', names: ['t'], retries: 'accept' }, scratch.dir),
    ).toMatchObject({
      passed: 0,
      skipped: 0,
      failed: 1,
    });
  });

  it('retries: fail is the default and can be written out', async () => {
    await scratch.write({ 'explicit.xml': junit(['s', [FAILED, PASSED]]) });
    expect(
      await runTests({ report: 'explicit.xml', names: ['t'], retries: 'fail' }, scratch.dir),
    ).toMatchObject({
      failed: 1,
      passed: 0,
    });
  });
});

describe('go test -json: package, subtest and report are part of a test', () => {
  const pkgA = 'example.com/app/a';
  const pkgB = 'example.com/app/b';

  it('fails a test that failed on one run of -count=2 and passed on the other, in either order', async () => {
    const failThenPass = [
      ...goRun(pkgA, 'TestX', 'fail', ['x_test.go:9: run 1 broke']),
      ...goRun(pkgA, 'TestX', 'pass'),
    ];
    const passThenFail = [
      ...goRun(pkgA, 'TestX', 'pass'),
      ...goRun(pkgA, 'TestX', 'fail', ['x_test.go:9: run 2 broke']),
    ];
    await scratch.write({
      'fp.json': `${failThenPass.join('\n')}\n`,
      'pf.json': `${passThenFail.join('\n')}\n`,
    });
    const first = await runTests({ report: 'fp.json', names: ['TestX'] }, scratch.dir);
    expect(first).toMatchObject({
      passed: 0,
      failed: 1,
      failed_tests: ['TestX (failed 1 of 2 runs; the last passed)'],
    });
    expect(first.output).toBe('TestX:\n  x_test.go:9: run 1 broke');
    expect(await runTests({ report: 'pf.json', names: ['TestX'] }, scratch.dir)).toMatchObject({
      failed: 1,
      failed_tests: ['TestX (failed 1 of 2 runs)'],
    });
    expect(
      await runTests({ report: 'fp.json', names: ['TestX'], retries: 'accept' }, scratch.dir),
    ).toMatchObject({
      passed: 1,
      failed: 0,
      flaky_tests: ['TestX (passed on last of 2 runs, failed 1)'],
    });
  });

  it('the same test name in two packages is two results, told apart by package', async () => {
    const lines = [...goRun(pkgA, 'TestX', 'fail', ['a broke']), ...goRun(pkgB, 'TestX', 'pass')];
    await scratch.write({ 'pkgs.json': `${lines.join('\n')}\n` });
    const fields = await runTests({ report: 'pkgs.json', names: ['TestX'] }, scratch.dir);
    expect(fields).toMatchObject({ passed: 1, failed: 1, total: 2, failed_tests: [`TestX [${pkgA}]`] });
    expect(fields.output).toBe(`TestX [${pkgA}]:\n  a broke`);
  });

  it('a subtest and its parent are two results', async () => {
    const lines = [
      JSON.stringify({ Action: 'run', Package: pkgA, Test: 'TestA' }),
      ...goRun(pkgA, 'TestA/case', 'fail', ['case broke']),
      JSON.stringify({ Action: 'fail', Package: pkgA, Test: 'TestA' }),
      ...goRun(pkgA, 'TestA/other', 'pass'),
    ];
    await scratch.write({ 'sub.json': `${lines.join('\n')}\n` });
    expect(
      await runTests({ report: 'sub.json', names: ['TestA/case', 'TestA/other'] }, scratch.dir),
    ).toMatchObject({
      passed: 1,
      failed: 1,
      total: 2,
      failed_tests: ['TestA/case'],
    });
    expect(await runTests({ report: 'sub.json', names: ['/^TestA/'] }, scratch.dir)).toMatchObject({
      passed: 1,
      failed: 2,
      total: 3,
      failed_tests: ['TestA/case', 'TestA'],
    });
  });

  it('the same test in two report files is two results, whichever file is read last', async () => {
    await scratch.write({
      'go2/a.json': `${goRun(pkgA, 'TestX', 'fail', ['a broke']).join('\n')}\n`,
      'go2/b.json': `${goRun(pkgA, 'TestX', 'pass').join('\n')}\n`,
    });
    expect(await runTests({ report: 'go2/*.json', names: ['TestX'] }, scratch.dir)).toMatchObject({
      passed: 1,
      failed: 1,
      failed_tests: ['TestX [go2/a.json]'],
    });
  });

  it('a test killed mid-run and then passing on the next run is failed', async () => {
    const lines = [
      JSON.stringify({ Action: 'run', Package: pkgA, Test: 'TestX' }),
      JSON.stringify({ Action: 'output', Package: pkgA, Output: 'panic: test timed out after 5s\n' }),
      JSON.stringify({ Action: 'fail', Package: pkgA }),
      ...goRun(pkgA, 'TestX', 'pass'),
    ];
    await scratch.write({ 'killed.json': `${lines.join('\n')}\n` });
    expect(await runTests({ report: 'killed.json', names: ['TestX'] }, scratch.dir)).toMatchObject({
      passed: 0,
      failed: 1,
      failed_tests: ['TestX (failed 1 of 2 runs; the last passed; did not finish: its package failed)'],
    });
  });
});
