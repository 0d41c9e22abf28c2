// The go test -json reader on report shapes the fixtures do not hold: what a user sees in the
// fields (failed_tests, failed_packages, output) and the errors for reports it must refuse.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeError, type Fields, type ProbeEnvironment } from '../../../src/probes/probe.js';
import { testsProbe } from '../../../src/probes/tests/index.js';
import { testsSpecSchema } from '../../../src/probes/tests/schema.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'go-json-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const environment = (): ProbeEnvironment => ({
  sources: { postgres: { statementTimeoutMs: 15_000 }, kubernetes: {}, github: {} },
  env: {},
  workspace: scratch,
  addSecret: () => {},
  debug: () => {},
});

let written = 0;
/** Runs the tests probe over a report made of these lines. */
async function read(lines: readonly string[], names: string[]): Promise<Fields> {
  written += 1;
  const report = `r${written}.json`;
  await writeFile(path.join(scratch, report), `${lines.join('\n')}\n`);
  const spec = testsSpecSchema.parse({ report, names });
  const session = await testsProbe.open(environment());
  try {
    return await session.run({ spec, extras: {}, signal: new AbortController().signal, timeoutMs: 30_000 });
  } finally {
    await session.close();
  }
}

async function refusal(lines: readonly string[], names: string[]): Promise<string> {
  const error: unknown = await read(lines, names).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProbeError);
  return (error as ProbeError).message.replace(/r\d+\.json/g, 'r.json');
}

const T = '"Time":"2026-11-25T03:00:01Z"';
const event = (action: string, pkg: string, test?: string, output?: string): string =>
  JSON.stringify({
    Time: '2026-11-25T03:00:01Z',
    Action: action,
    Package: pkg,
    ...(test === undefined ? {} : { Test: test }),
    ...(output === undefined ? {} : { Output: output }),
  });

describe('go test -json reader', () => {
  it('refuses a cut-off event line of a test nobody named, not only of a named one', async () => {
    const cut = `{${T},"Action":"output","Package":"p","Test":"TestOther","Output":"hel`;
    const message = await refusal(
      [event('run', 'p', 'TestOther'), cut, event('pass', 'p', 'TestA')],
      ['TestA'],
    );
    expect(message).toBe(
      `r.json:2: malformed go test -json line (not valid JSON, ${cut.length} characters); was the report cut off or written by two processes at once?`,
    );
  });

  it('refuses a line whose Action value never closes instead of reading it as an event', async () => {
    expect(await refusal(['{"Action":"}', event('pass', 'p', 'TestA')], ['TestA'])).toBe(
      'r.json:1: malformed go test -json line (not valid JSON, 12 characters); was the report cut off or written by two processes at once?',
    );
  });

  it('reads merged compiler output whose lines end in } or hold " # " as text, not events', async () => {
    const fields = await read(
      [
        '# example.com/broken',
        './a.go:3:5: syntax error: unexpected }',
        './a.go:4:1: want # of items',
        'FAIL\texample.com/broken [build failed]',
        event('run', 'example.com/ok', 'TestA'),
        event('pass', 'example.com/ok', 'TestA'),
      ],
      ['TestA', 'TestBroken'],
    );
    expect(fields.failed_packages).toEqual(['example.com/broken [build failed]']);
    expect(fields.output).toBe(
      [
        'example.com/broken [build failed]:',
        '  # example.com/broken',
        '  ./a.go:3:5: syntax error: unexpected }',
        '  ./a.go:4:1: want # of items',
      ].join('\n'),
    );
  });

  it('shows nothing made up for a package that failed to set up without compiler output', async () => {
    const fields = await read(
      ['FAIL\texample.com/setup [setup failed]', event('run', 'q', 'TestA'), event('pass', 'q', 'TestA')],
      ['TestA', 'TestGone'],
    );
    expect(fields.failed_packages).toEqual(['example.com/setup [setup failed]']);
    expect(fields.output).toBe('example.com/setup [setup failed]:');
  });

  it('keeps the go 1.24 build output of each package apart', async () => {
    const build = (pkg: string, output: string): string =>
      JSON.stringify({ ImportPath: `${pkg} [${pkg}.test]`, Action: 'build-output', Output: output });
    const fail = (pkg: string): string =>
      JSON.stringify({ Action: 'fail', Package: pkg, FailedBuild: `${pkg} [${pkg}.test]` });
    const fields = await read(
      [
        build('example.com/one', '# example.com/one\n'),
        build('example.com/one', 'one.go:1: bad\n'),
        build('example.com/two', '# example.com/two\ntwo.go:2: worse\n'),
        fail('example.com/one'),
        fail('example.com/two'),
      ],
      ['TestMissing'],
    );
    expect(fields.failed_packages).toEqual([
      'example.com/one [build failed]',
      'example.com/two [build failed]',
    ]);
    expect(fields.output).toBe(
      [
        'example.com/one [build failed]:',
        '  # example.com/one',
        '  one.go:1: bad',
        'example.com/two [build failed]:',
        '  # example.com/two',
        '  two.go:2: worse',
      ].join('\n'),
    );
  });

  it('names the reason go 1.24 prints as an output event: setup failed', async () => {
    const fields = await read(
      [
        event('output', 'example.com/s', undefined, 'FAIL\texample.com/s [setup failed]\n'),
        event('output', 'example.com/s', undefined, 'no such file: testdata/x\n'),
        event('fail', 'example.com/s'),
      ],
      ['TestMissing'],
    );
    expect(fields.failed_packages).toEqual(['example.com/s [setup failed]']);
    expect(fields.output).toBe(
      [
        'example.com/s [setup failed]:',
        '  FAIL\texample.com/s [setup failed]',
        '  no such file: testdata/x',
      ].join('\n'),
    );
  });

  it('says build failed for a FailedBuild event even without the FAIL line', async () => {
    const fields = await read(
      [JSON.stringify({ Action: 'fail', Package: 'example.com/b', FailedBuild: 'example.com/b' })],
      ['TestMissing'],
    );
    expect(fields.failed_packages).toEqual(['example.com/b [build failed]']);
  });

  it('lists a package that failed twice (a rerun appended) once', async () => {
    const fields = await read(
      [
        'FAIL\texample.com/x [build failed]',
        'FAIL\texample.com/x [build failed]',
        event('pass', 'q', 'TestA'),
      ],
      ['TestA', 'TestGone'],
    );
    expect(fields.failed_packages).toEqual(['example.com/x [build failed]']);
  });

  it('judges a second run of a package afresh: TestMain failing it after a retried test passed', async () => {
    const fields = await read(
      [
        event('run', 'p', 'TestA'),
        event('fail', 'p', 'TestA'),
        event('fail', 'p'),
        event('run', 'p', 'TestA'),
        event('pass', 'p', 'TestA'),
        event('output', 'p', undefined, 'TestMain: cleanup failed\n'),
        event('fail', 'p'),
      ],
      ['TestA'],
    );
    expect(fields.failed_packages).toEqual(['p [failed outside any test]']);
  });

  it('does not carry an unfinished test of a passed package run into the next run', async () => {
    const fields = await read(
      [
        event('run', 'p', 'TestHung'),
        event('pass', 'p'),
        event('run', 'p', 'TestA'),
        event('pass', 'p', 'TestA'),
        event('fail', 'p'),
      ],
      ['TestA'],
    );
    expect(fields.failed_packages).toEqual(['p [failed outside any test]']);
  });

  it('fails a named test that never ended when its package passed: did not finish', async () => {
    const fields = await read(
      [event('run', 'p', 'TestA'), event('output', 'p', 'TestA', 'waiting\n'), event('pass', 'p')],
      ['TestA'],
    );
    expect(fields).toMatchObject({ failed: 1, passed: 0, failed_tests: ['TestA (did not finish)'] });
    expect(fields.output).toBe('TestA:\n  waiting');
  });

  it('does the same for a skipped package', async () => {
    const fields = await read([event('run', 'p', 'TestA'), event('skip', 'p')], ['TestA']);
    expect(fields.failed_tests).toEqual(['TestA (did not finish)']);
  });

  it('blames the test the timeout killed, not the package, while another test of it passed', async () => {
    const fields = await read(
      [
        event('run', 'p', 'TestFast'),
        event('run', 'p', 'TestSlow'),
        event('pass', 'p', 'TestFast'),
        event('fail', 'p'),
      ],
      ['TestFast', 'TestSlow'],
    );
    expect(fields.failed_packages).toEqual([]);
    expect(fields.failed_tests).toEqual(['TestSlow (did not finish: its package failed)']);
  });

  it('keeps every line of a multi-line output event', async () => {
    const fields = await read(
      [
        event('run', 'p', 'TestA'),
        event('output', 'p', 'TestA', 'first\nsecond\n'),
        event('fail', 'p', 'TestA'),
      ],
      ['TestA'],
    );
    expect(fields.output).toBe('TestA:\n  first\n  second');
  });

  it('shows no output for a failed test whose run event is missing', async () => {
    const fields = await read([event('fail', 'p', 'TestA')], ['TestA']);
    expect(fields.output).toBe('TestA:');
  });

  it('reads an escaped package name as JSON does, so the runs of one test stay one test', async () => {
    const fields = await read(
      [
        '{"Action":"pass","Package":"example.com/\\u0061","Test":"TestA"}',
        '{"Action":"fail","Package":"example.com/\\u0061","Test":"TestA"}',
      ],
      ['TestA'],
    );
    expect(fields).toMatchObject({
      passed: 0,
      failed: 1,
      total: 1,
      failed_tests: ['TestA (failed 1 of 2 runs)'],
    });
  });

  it('reads indented event lines', async () => {
    const fields = await read(['  ' + event('pass', 'p', 'TestA')], ['TestA']);
    expect(fields).toMatchObject({ passed: 1, missing: 0 });
  });

  it('refuses a file with no event line in it', async () => {
    // The format sniffer sees a `{` after the carriage return; the reader splits lines on \n only.
    expect(await refusal(['text\r{}'], ['TestA'])).toBe(
      'r.json: no go test -json events in the file; write it with `go test -json ./... > r.json`',
    );
  });
});
