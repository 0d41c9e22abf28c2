// The fields a tests check reports, computed from recorded runs: the kill set for mutation testing
// of src/probes/tests/collector.ts. Every case asserts the exact fields a gate author's expect reads.
import { describe, expect, it } from 'vitest';
import { isNoise, ResultCollector, type TestRun } from '../../../src/probes/tests/collector.js';
import { NameMatcher, parseNamePatterns } from '../../../src/probes/tests/names.js';

function collector(names: string[], retries: 'fail' | 'accept' = 'fail'): ResultCollector {
  return new ResultCollector(new NameMatcher(parseNamePatterns(names)), retries);
}

function run(name: string, outcome: TestRun['outcome'], extra: Partial<TestRun> = {}): TestRun {
  return { id: `id:${name}`, display: name, context: [], candidates: [name], outcome, output: [], ...extra };
}

const EMPTY = {
  passed: 0,
  failed: 0,
  skipped: 0,
  missing: 0,
  total: 0,
  failed_tests: [],
  missing_tests: [],
  flaky_tests: [],
  failed_packages: [],
  output: '',
};

describe('ResultCollector: outcomes', () => {
  it('counts passed, failed and skipped tests, and keeps the output of the failure', () => {
    const c = collector(['/^T/']);
    c.record(run('TA', 'passed'));
    c.record(run('TB', 'failed', { output: ['boom', 'at x'] }));
    c.record(run('TC', 'skipped'));
    c.record(run('Other', 'failed'));
    expect(c.fields()).toEqual({
      ...EMPTY,
      passed: 1,
      failed: 1,
      skipped: 1,
      total: 3,
      failed_tests: ['TB'],
      output: 'TB:\n  boom\n  at x',
    });
  });

  it('fails a test on any failed run, says how many, and that the last passed', () => {
    const c = collector(['T']);
    c.record(run('T', 'failed', { output: ['first'] }));
    c.record(run('T', 'passed', { output: ['ignored'] }));
    expect(c.fields()).toMatchObject({
      passed: 0,
      failed: 1,
      total: 1,
      failed_tests: ['T (failed 1 of 2 runs; the last passed)'],
      flaky_tests: [],
      output: 'T:\n  first',
    });
  });

  it('fails a test whose last run failed too, without "the last passed"', () => {
    const c = collector(['T']);
    c.record(run('T', 'passed'));
    c.record(run('T', 'failed', { note: 'did not finish' }));
    expect(c.fields()).toMatchObject({ failed_tests: ['T (failed 1 of 2 runs; did not finish)'] });
  });

  it('names a single failed run by its note alone', () => {
    const c = collector(['T']);
    c.record(run('T', 'failed', { note: 'did not finish' }));
    expect(c.fields()).toMatchObject({ failed: 1, failed_tests: ['T (did not finish)'] });
  });

  it('with retries: accept, a pass on the last run counts as a pass and is listed as flaky', () => {
    const c = collector(['T'], 'accept');
    c.record(run('T', 'failed'));
    c.record(run('T', 'failed'));
    c.record(run('T', 'passed'));
    expect(c.fields()).toMatchObject({
      passed: 1,
      failed: 0,
      failed_tests: [],
      flaky_tests: ['T (passed on last of 3 runs, failed 2)'],
      output: '',
    });
  });

  it('with retries: accept, a failure on the last run still fails', () => {
    const c = collector(['T'], 'accept');
    c.record(run('T', 'passed'));
    c.record(run('T', 'failed'));
    expect(c.fields()).toMatchObject({ passed: 0, failed: 1, failed_tests: ['T (failed 1 of 2 runs)'] });
  });

  it('counts reruns the format marked as runs: a flaky pass, or a failure with its reruns', () => {
    const flaky = collector(['T']);
    flaky.record(run('T', 'passed', { markedReruns: 2 }));
    expect(flaky.fields()).toMatchObject({
      passed: 1,
      flaky_tests: ['T (passed on last of 3 runs, failed 2)'],
    });
    const failed = collector(['T']);
    failed.record(run('T', 'failed', { markedReruns: 1 }));
    expect(failed.fields()).toMatchObject({ failed: 1, failed_tests: ['T (failed 2 of 2 runs)'] });
  });

  it('a skipped run after a pass leaves the test skipped; a pass alone is not flaky', () => {
    const c = collector(['A', 'B']);
    c.record(run('A', 'passed'));
    c.record(run('A', 'skipped'));
    c.record(run('B', 'passed'));
    expect(c.fields()).toMatchObject({ passed: 1, skipped: 1, flaky_tests: [] });
  });
});

describe('ResultCollector: names', () => {
  it('lists the names: entries no test matched as missing, in the order written', () => {
    const c = collector(['TA', '/^Nope/', 'TZ']);
    c.record(run('TA', 'passed'));
    expect(c.fields()).toMatchObject({ passed: 1, missing: 2, total: 3, missing_tests: ['/^Nope/', 'TZ'] });
  });

  it('records only the tests some entry wants', () => {
    const c = collector(['TA']);
    expect(c.wants(['TB', 'TA'])).toBe(true);
    expect(c.wants(['TB'])).toBe(false);
    c.record(run('TB', 'failed'));
    expect(c.fields()).toEqual({ ...EMPTY, missing: 1, total: 1, missing_tests: ['TA'] });
  });

  it('tells apart two tests shown alike by the parts of their context that differ', () => {
    const c = collector(['T']);
    c.record(run('T', 'failed', { id: 'a', context: ['a.xml', 'suite S', '', 'class C'] }));
    c.record(run('T', 'failed', { id: 'b', context: ['b.xml', 'suite S', '', 'class C'] }));
    c.record(run('T', 'failed', { id: 'c', context: ['b.xml', 'suite S', '', 'class C'] }));
    expect(c.fields()).toMatchObject({ failed: 3, failed_tests: ['T [a.xml]', 'T [b.xml]', 'T [b.xml]'] });
  });
});

describe('ResultCollector: packages and output limits', () => {
  it('shows why a package failed only when tests are missing', () => {
    const missing = collector(['TA', 'TB']);
    missing.record(run('TA', 'passed'));
    missing.packageFailed('example.com/p', 'build failed', ['p.go:3: undefined: x']);
    expect(missing.fields()).toMatchObject({
      failed_packages: ['example.com/p [build failed]'],
      output: 'example.com/p [build failed]:\n  p.go:3: undefined: x',
    });
    const complete = collector(['TA']);
    complete.record(run('TA', 'passed'));
    complete.packageFailed('example.com/p', 'build failed', ['p.go:3: undefined: x']);
    expect(complete.fields()).toMatchObject({
      failed_packages: ['example.com/p [build failed]'],
      output: '',
    });
  });

  it('keeps 8 lines per test and package', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i}`);
    const c = collector(['T', 'Missing']);
    c.record(run('T', 'failed', { output: lines }));
    c.packageFailed('p', 'setup failed', lines);
    const output = (c.fields().output as string).split('\n');
    expect(output).toEqual([
      'T:',
      ...lines.slice(0, 8).map((line) => `  ${line}`),
      'p [setup failed]:',
      ...lines.slice(0, 8).map((line) => `  ${line}`),
    ]);
  });

  it('caps the output at 40 lines of 240 characters and says how many more there were', () => {
    const c = collector(['/^T/']);
    for (let i = 0; i < 5; i++)
      c.record(run(`T${i}`, 'failed', { output: Array.from({ length: 8 }, () => 'x') }));
    const output = (c.fields().output as string).split('\n');
    expect(output).toHaveLength(41);
    expect(output.at(-1)).toBe('… 5 more lines');
    const exact = collector(['/^T/']);
    // 8 failed tests of 4 lines each: exactly 40 lines, all shown.
    for (let i = 0; i < 8; i++) exact.record(run(`T${i}`, 'failed', { output: ['a', 'b', 'c', 'd'] }));
    const all = (exact.fields().output as string).split('\n');
    expect(all).toHaveLength(40);
    expect(all.at(-1)).toBe('  d');

    const long = collector(['T']);
    long.record(run('T', 'failed', { output: ['y'.repeat(238), 'z'.repeat(239)] }));
    expect((long.fields().output as string).split('\n')).toEqual([
      'T:',
      `  ${'y'.repeat(238)}`,
      `  ${'z'.repeat(238)}…`,
    ]);
  });
});

describe('isNoise', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['=== RUN   TestA', true],
    ['=== PAUSE TestA', true],
    ['=== CONT  TestA', true],
    ['=== NAME  TestA', true],
    ['--- FAIL: TestA (0.00s)', true],
    ['--- PASS: TestA (0.00s)', true],
    ['--- SKIP: TestA (0.00s)', true],
    ['PASS', true],
    ['FAIL', true],
    ['Failed', true],
    ['ok  \texample.com/p\t0.01s', true],
    ['FAIL\texample.com/p\t0.01s', true],
    ['=== RUNNER', false],
    ['FAILED to connect', false],
    ['PASSWORD rejected', false],
    ['okay', false],
    ['expected 1, got 2', false],
  ])('%j is noise: %s', (line, noise) => {
    expect(isNoise(line)).toBe(noise);
  });
});
