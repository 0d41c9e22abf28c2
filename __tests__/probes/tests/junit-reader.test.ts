// Issue 21: the JUnit and go test -json readers, asserted exactly enough to kill their mutants:
// failure text from CDATA and plain text, cases without classname, Surefire's rerun/flaky errors,
// <error> and <skipped>, the output limits, and an abort in the middle of a file.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeError } from '../../../src/probes/probe.js';
import { ResultCollector, type TestRun } from '../../../src/probes/tests/collector.js';
import { parseGoTestJson } from '../../../src/probes/tests/go-json.js';
import { parseJunit } from '../../../src/probes/tests/junit.js';
import { NameMatcher, parseNamePatterns } from '../../../src/probes/tests/names.js';
import { goRun, junit, runTests, runTestsError, scratchWorkspace } from './probe-runner.js';

type Scratch = Awaited<ReturnType<typeof scratchWorkspace>>;
let scratch: Scratch;
beforeAll(async () => {
  scratch = await scratchWorkspace();
});
afterAll(() => scratch.cleanup());

describe('JUnit failure text', () => {
  it('Gradle: the stack trace comes from the CDATA of <failure> and <error>', async () => {
    const fields = await runTests({ report: 'junit/gradle-cdata.xml', names: ['/^replay/'] });
    expect(fields).toMatchObject({
      passed: 1,
      failed: 2,
      skipped: 1,
      missing: 0,
      total: 4,
      failed_tests: [
        'com.example.webhook.ReplayTest.replayIsAcknowledged()',
        'com.example.webhook.ReplayTest.replayIsLogged()',
      ],
    });
    expect(fields.output).toBe(
      [
        'com.example.webhook.ReplayTest.replayIsAcknowledged():',
        '  org.opentest4j.AssertionFailedError: expected: <200> but was: <500>',
        '  \tat app//org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)',
        '  \tat app//com.example.webhook.ReplayTest.replayIsAcknowledged(ReplayTest.java:27)',
        'com.example.webhook.ReplayTest.replayIsLogged():',
        '  java.lang.IllegalStateException: log sink closed',
        '  \tat app//com.example.webhook.ReplayTest.replayIsLogged(ReplayTest.java:35)',
      ].join('\n'),
    );
  });

  it('puts the message first when the text does not repeat it, and reads text and CDATA together', async () => {
    const cases = [
      '<testcase classname="c" name="a"><failure message="status 500">at a.js:1</failure></testcase>',
      '<testcase classname="c" name="b"><failure><![CDATA[first from cdata]]>\nsecond from text</failure></testcase>',
      '<testcase classname="c" name="m"><failure message="only a message"/></testcase>',
      '<testcase classname="c" name="d"><error type="Timeout"/></testcase>',
    ];
    await scratch.write({ 'text.xml': junit(['s', cases]) });
    const fields = await runTests({ report: 'text.xml', names: ['a', 'b', 'm', 'd'] }, scratch.dir);
    expect(fields).toMatchObject({ failed: 4, failed_tests: ['c.a', 'c.b', 'c.m', 'c.d'] });
    expect(fields.output).toBe(
      [
        'c.a:',
        '  status 500',
        '  at a.js:1',
        'c.b:',
        '  first from cdata',
        '  second from text',
        'c.m:',
        '  only a message',
        'c.d:',
      ].join('\n'),
    );
  });

  it('keeps 8 lines per test, drops runner chatter and repeated lines, and reads only 4 KiB of text', async () => {
    const lines = [
      '=== RUN   TestX',
      'line 1',
      'line 1',
      '',
      '--- FAIL: TestX (0.00s)',
      ...Array.from({ length: 10 }, (_, i) => `line ${i + 2}`),
    ];
    const long = `${'x'.repeat(5000)}\nafter the limit`;
    const cases = [
      `<testcase classname="c" name="many"><failure>${lines.join('\n')}</failure></testcase>`,
      `<testcase classname="c" name="long"><failure>${long}</failure></testcase>`,
    ];
    await scratch.write({ 'limits.xml': junit(['s', cases]) });
    const fields = await runTests({ report: 'limits.xml', names: ['many', 'long'] }, scratch.dir);
    const output = (fields.output as string).split('\n');
    expect(output.slice(0, 9)).toEqual([
      'c.many:',
      ...Array.from({ length: 8 }, (_, i) => `  line ${i + 1}`),
    ]);
    expect(output[9]).toBe('c.long:');
    expect(output[10]).toBe(`  ${'x'.repeat(238)}…`);
    expect(output).toHaveLength(11);
  });
});

describe('JUnit cases, outcomes and names', () => {
  it('cases without classname: named by name alone, failure text, <error>, <skipped>', async () => {
    const fields = await runTests({
      report: 'junit/no-classname.xml',
      names: [
        'first delivery is accepted',
        'replay is acknowledged',
        'secret is loaded',
        'staging delivery',
        'webhook.replay is acknowledged',
      ],
    });
    expect(fields).toEqual({
      passed: 1,
      failed: 2,
      skipped: 1,
      missing: 1,
      total: 5,
      failed_tests: ['replay is acknowledged', 'secret is loaded'],
      missing_tests: ['webhook.replay is acknowledged'],
      flaky_tests: [],
      failed_packages: [],
      output:
        'replay is acknowledged:\n  replay answered 500\n  at replay.spec:12\nsecret is loaded:\n  WEBHOOK_SECRET not set',
    });
  });

  it('Surefire rerunError keeps a failed case failed; flakyError makes a passed case flaky', async () => {
    const fields = await runTests({
      report: 'junit/surefire-rerun-error.xml',
      names: ['/DeliveryStoreTest/'],
    });
    expect(fields).toMatchObject({
      passed: 2,
      failed: 1,
      skipped: 0,
      total: 3,
      failed_tests: ['com.example.webhook.DeliveryStoreTest.storesDelivery (failed 3 of 3 runs)'],
      flaky_tests: [
        'com.example.webhook.DeliveryStoreTest.readsDelivery (passed on last of 2 runs, failed 1)',
      ],
    });
    expect(fields.output).toBe(
      'com.example.webhook.DeliveryStoreTest.storesDelivery:\n  java.net.ConnectException: Connection refused\n  \tat com.example.webhook.DeliveryStoreTest.storesDelivery(DeliveryStoreTest.java:22)',
    );
  });

  it('a marked flaky pass stays a pass without retries: accept', async () => {
    const fields = await runTests({ report: 'junit/surefire.xml', names: ['signatureCacheWarmsUp'] });
    expect(fields).toMatchObject({
      passed: 1,
      failed: 0,
      flaky_tests: [
        'com.example.webhook.WebhookHandlerTest.signatureCacheWarmsUp (passed on last of 2 runs, failed 1)',
      ],
    });
  });

  it('a failure beats <skipped> in either order; <skipped> alone is skipped', async () => {
    const cases = [
      '<testcase classname="c" name="a"><skipped/><failure message="m"/></testcase>',
      '<testcase classname="c" name="b"><error message="m"/><skipped/></testcase>',
      '<testcase classname="c" name="s"><skipped message="later"/></testcase>',
    ];
    await scratch.write({ 'skip.xml': junit(['s', cases]) });
    expect(await runTests({ report: 'skip.xml', names: ['a', 'b', 's'] }, scratch.dir)).toMatchObject({
      passed: 0,
      failed: 2,
      skipped: 1,
      failed_tests: ['c.a', 'c.b'],
    });
  });

  it('names: classname.name or name; PHPUnit class; classname repeated in the name is shown once', async () => {
    const cases = [
      '<testcase class="Tests\\Sig" name="testA"/>',
      '<testcase classname="jest title" name="jest title"><failure>x</failure></testcase>',
      '<testcase classname="pkg.Cls" name="pkg.Cls.method"><failure>y</failure></testcase>',
    ];
    await scratch.write({ 'names.xml': junit(['s', cases]) });
    const fields = await runTests(
      { report: 'names.xml', names: ['Tests\\Sig.testA', 'jest title', 'pkg.Cls.method', 'Cls.testA'] },
      scratch.dir,
    );
    expect(fields).toMatchObject({
      passed: 1,
      failed: 2,
      missing: 1,
      failed_tests: ['jest title', 'pkg.Cls.method'],
      missing_tests: ['Cls.testA'],
    });
  });

  it('a case outside any suite in a <testsuites> root still counts', async () => {
    await scratch.write({
      'bare.xml': '<testsuites><testcase classname="c" name="t"><failure/></testcase></testsuites>',
    });
    expect(await runTests({ report: 'bare.xml', names: ['c.t'] }, scratch.dir)).toMatchObject({
      failed: 1,
      failed_tests: ['c.t'],
    });
  });
});

/** A collector that aborts `controller` on the first named test it records, counting records. */
class AbortingCollector extends ResultCollector {
  records = 0;
  constructor(private readonly controller: AbortController) {
    super(new NameMatcher(parseNamePatterns(['/./'])));
  }
  override record(run: TestRun): void {
    this.records += 1;
    this.controller.abort();
    super.record(run);
  }
}

describe('abort while reading', () => {
  const CASES = 400;
  // Each case carries 2 KiB of failure text, so the file spans several 256 KiB reads.
  const bigJunit = junit([
    's',
    Array.from(
      { length: CASES },
      (_, i) => `<testcase classname="c" name="t${i}"><failure>${'x'.repeat(2048)}</failure></testcase>`,
    ),
  ]);

  it('JUnit: the signal stops the read part-way and the check is an error', async () => {
    const file = path.join(scratch.dir, 'big.xml');
    await writeFile(file, bigJunit);
    const controller = new AbortController();
    const collector = new AbortingCollector(controller);
    const error: unknown = await parseJunit(file, 'big.xml', collector, controller.signal).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ProbeError);
    expect((error as Error).message).toMatch(/^big\.xml:\d+: stopped reading: the check timed out$/);
    expect(collector.records).toBeGreaterThan(0);
    expect(collector.records).toBeLessThan(CASES);
  });

  it('JUnit: an aborted try does not read at all', async () => {
    await writeFile(
      path.join(scratch.dir, 'small.xml'),
      junit(['s', ['<testcase classname="c" name="t"/>']]),
    );
    const controller = new AbortController();
    controller.abort();
    const error = await runTestsError({ report: 'small.xml', names: ['t'] }, scratch.dir, controller.signal);
    expect(error.message).toBe('small.xml:1: stopped reading: the check timed out');
  });

  it('go test -json: the signal stops the read part-way', async () => {
    const lines = Array.from({ length: 4000 }, (_, i) =>
      goRun('p', `Test${i}`, 'fail', ['y'.repeat(200)]),
    ).flat();
    const file = path.join(scratch.dir, 'big.json');
    await writeFile(file, `${lines.join('\n')}\n`);
    const controller = new AbortController();
    const collector = new AbortingCollector(controller);
    const error: unknown = await parseGoTestJson(file, 'big.json', collector, controller.signal).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ProbeError);
    expect((error as Error).message).toMatch(/^big\.json: stopped reading at line \d+: the check timed out$/);
    expect(collector.records).toBeLessThan(4000);
  });
});

describe('go test -json reader', () => {
  it('fails a named test the report ends in the middle of, with its output', async () => {
    const lines = [
      ...goRun('p', 'TestDone', 'pass'),
      JSON.stringify({ Action: 'run', Package: 'p', Test: 'TestCut' }),
      JSON.stringify({
        Action: 'output',
        Package: 'p',
        Test: 'TestCut',
        Output: '    cut_test.go:4: waiting\n',
      }),
    ];
    await scratch.write({ 'cut.json': `${lines.join('\n')}\n` });
    expect(await runTests({ report: 'cut.json', names: ['TestDone', 'TestCut'] }, scratch.dir)).toEqual({
      passed: 1,
      failed: 1,
      skipped: 0,
      missing: 0,
      total: 2,
      failed_tests: ['TestCut (did not finish: the report ends before its result)'],
      missing_tests: [],
      flaky_tests: [],
      failed_packages: [],
      // go indents a test's own lines by 4; the reader keeps that indentation.
      output: 'TestCut:\n      cut_test.go:4: waiting',
    });
  });

  it('counts skip as skipped and keeps the output of the failed run, not of the passing one', async () => {
    const lines = [
      ...goRun('p', 'TestS', 'skip', ['s_test.go:3: needs staging']),
      ...goRun('p', 'TestX', 'fail', ['x_test.go:1: first run']),
      ...goRun('p', 'TestX', 'pass', ['x_test.go:1: second run']),
    ];
    await scratch.write({ 'skip.json': `${lines.join('\n')}\n` });
    expect(await runTests({ report: 'skip.json', names: ['TestS', 'TestX'] }, scratch.dir)).toMatchObject({
      passed: 0,
      failed: 1,
      skipped: 1,
      output: 'TestX:\n  x_test.go:1: first run',
    });
  });

  it('says when a file holds no events', async () => {
    await scratch.write({ 'text.json': 'FAIL\n{' + '\n' });
    await scratch.write({ 'none.json': 'ok  \tp\t0.1s\n{"Action":"start","Package":"p"}\n' });
    expect((await runTestsError({ report: 'text.json', names: ['T'] }, scratch.dir)).message).toBe(
      'text.json:2: malformed go test -json line (not valid JSON, 1 characters); was the report cut off or written by two processes at once?',
    );
    expect(await runTests({ report: 'none.json', names: ['T'] }, scratch.dir)).toMatchObject({
      missing: 1,
      total: 1,
    });
  });
});
