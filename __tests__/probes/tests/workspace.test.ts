// Issue 14 class 6 (second bullet): a report glob never reads outside the workspace, and no error
// of the tests probe quotes what a file holds.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testsSpecSchema } from '../../../src/probes/tests/schema.js';
import { goRun, junit, runTests, runTestsError, scratchWorkspace } from './probe-runner.js';

const SECRET = 'hunter2-SECRET-d41d8cd98f00';
type Scratch = Awaited<ReturnType<typeof scratchWorkspace>>;
let scratch: Scratch;
let outside: string;
const PASSING = `${goRun('p', 'TestA', 'pass').join('\n')}\n`;

beforeAll(async () => {
  scratch = await scratchWorkspace({ 'reports/in.json': PASSING });
  outside = await mkdtemp(path.join(tmpdir(), 'outside-workspace-'));
  await writeFile(path.join(outside, 'passwd'), `root:x:0:0:${SECRET}:/root:/bin/bash\n`);
  await writeFile(path.join(outside, 'report.json'), PASSING);
  await symlink(path.join(outside, 'passwd'), path.join(scratch.dir, 'reports/link.json'));
  await symlink(path.join(outside, 'report.json'), path.join(scratch.dir, 'reports/link-report.json'));
  await symlink(outside, path.join(scratch.dir, 'linked-dir'));
  await symlink(path.join(scratch.dir, 'reports/in.json'), path.join(scratch.dir, 'inside-link.json'));
  // A link to a parent: `**` must not walk it forever.
  await symlink(scratch.dir, path.join(scratch.dir, 'reports/loop'));
});
afterAll(async () => {
  await scratch.cleanup();
  await rm(outside, { recursive: true, force: true });
});

function expectNoContent(message: string): void {
  expect(message).not.toContain(SECRET);
  expect(message).not.toContain('root:x');
}

describe('report globs stay inside the workspace', () => {
  it('refuses a relative glob that climbs out with .., at load', () => {
    for (const report of ['../../etc/passwd', 'reports/../../x.xml', '..', ['ok.xml', '../*.xml']]) {
      const result = testsSpecSchema.safeParse({ report, names: ['T'] });
      expect(result.success, JSON.stringify(report)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        'the report glob climbs out of the workspace with ..; reports are read only inside the workspace: write the report there and name it relative to the workspace',
      );
    }
    expect(testsSpecSchema.safeParse({ report: 'a/../b/*.json', names: ['T'] }).success).toBe(true);
  });

  it('refuses an absolute glob outside the workspace, saying where it points, without reading it', async () => {
    const target = path.join(outside, 'passwd');
    const error = await runTestsError({ report: target, names: ['T'] }, scratch.dir);
    expect(error.message).toBe(
      `tests: report '${target}' points outside the workspace (to ${target}); reports are read only inside the workspace: write the report there (or copy it in a step before the gate) and name it relative to the workspace`,
    );
    expectNoContent(error.message);
  });

  it('reads an absolute glob inside the workspace', async () => {
    const fields = await runTests(
      { report: path.join(scratch.dir, 'reports/in.json'), names: ['TestA'] },
      scratch.dir,
    );
    expect(fields).toMatchObject({ passed: 1, missing: 0 });
  });

  it('refuses a symbolic link to a file outside the workspace, naming the link and its target', async () => {
    const error = await runTestsError({ report: 'reports/link.json', names: ['T'] }, scratch.dir);
    expect(error.message).toBe(
      `reports/link.json: a symbolic link to ${path.join(outside, 'passwd')}, outside the workspace; reports are read only inside the workspace: write the report there (or copy it in a step before the gate) and name it relative to the workspace`,
    );
    expectNoContent(error.message);
    // Even when the file outside is a valid report, and through a wildcard.
    expect(
      (await runTestsError({ report: 'reports/link-*.json', names: ['TestA'] }, scratch.dir)).message,
    ).toMatch(/^reports\/link-report\.json: a symbolic link to .*outside the workspace/);
  });

  it('refuses a file reached through a linked directory that points outside', async () => {
    const error = await runTestsError({ report: 'linked-dir/*.json', names: ['TestA'] }, scratch.dir);
    expect(error.message).toMatch(
      /^linked-dir\/report\.json: a symbolic link to .*report\.json, outside the workspace/,
    );
  });

  it('reads a symbolic link that stays inside, and ** does not follow linked directories', async () => {
    expect(await runTests({ report: 'inside-link.json', names: ['TestA'] }, scratch.dir)).toMatchObject({
      passed: 1,
    });
    expect(await runTests({ report: 'reports/**/in.json', names: ['TestA'] }, scratch.dir)).toMatchObject({
      passed: 1,
      total: 1,
    });
  });
});

describe('no error of the tests probe quotes file content', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(scratch.dir, 'bad');
    await mkdir(dir, { recursive: true });
  });

  it.each([
    ['neither format', 'text.txt', `${SECRET} is the password\n`],
    [
      'malformed go test -json line',
      'cut.json',
      `${goRun('p', 'TestA', 'pass')[0]}\n{"Action":"output","Output":"${SECRET}\n`,
    ],
    ['unclosed XML tag', 'cut.xml', `<testsuites><testsuite name="s"><${SECRET.replace(/-/g, '_')} a="b">`],
    [
      'duplicate XML attribute',
      'dup.xml',
      `<testsuites><testsuite name="s"><testcase ${SECRET.replace(/-/g, '_')}="1" ${SECRET.replace(/-/g, '_')}="2"/></testsuite></testsuites>`,
    ],
    ['foreign root element', 'root.xml', `<${SECRET.replace(/-/g, '_')}_and_more_to_be_long/>`],
  ])('%s', async (_situation, name, content) => {
    await writeFile(path.join(dir, name), content);
    const error = await runTestsError({ report: `bad/${name}`, names: ['TestA'] }, scratch.dir);
    expect(error.message).toMatch(new RegExp(`^bad/${name.replace('.', '\\.')}`));
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain(SECRET.replace(/-/g, '_'));
  });

  it('says which XML rule broke without the names involved', async () => {
    await writeFile(path.join(dir, 'open.xml'), junit(['s', ['<testcase name="t">']]));
    expect((await runTestsError({ report: 'bad/open.xml', names: ['t'] }, scratch.dir)).message).toMatch(
      /^bad\/open\.xml:\d+: malformed XML: unexpected close tag$/,
    );
  });
});
