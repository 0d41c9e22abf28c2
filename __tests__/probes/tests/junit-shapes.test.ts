// The JUnit reader and the collector on report shapes the fixtures do not hold: tests that read
// alike in two places, identities that must not merge, odd roots and malformed XML, and failure
// text that repeats itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTests, runTestsError, scratchWorkspace } from './probe-runner.js';

type Scratch = Awaited<ReturnType<typeof scratchWorkspace>>;
let scratch: Scratch;
beforeAll(async () => {
  scratch = await scratchWorkspace();
});
afterAll(() => scratch.cleanup());

let written = 0;
async function read(xml: string, names: string[]): Promise<Record<string, unknown>> {
  written += 1;
  await scratch.write({ [`r${written}.xml`]: xml });
  return runTests({ report: `r${written}.xml`, names }, scratch.dir);
}
async function refusal(xml: string): Promise<string> {
  written += 1;
  await scratch.write({ [`r${written}.xml`]: xml });
  const error = await runTestsError({ report: `r${written}.xml`, names: ['A'] }, scratch.dir);
  return error.message.replace(/r\d+\.xml/g, 'r.xml');
}

const FAIL = '<failure message="boom"/>';

describe('tests that read alike are told apart by what differs', () => {
  it('by suite, and not at all when one has none', async () => {
    const fields = await read(
      [
        '<testsuites>',
        `<testcase name="TestA">${FAIL}</testcase>`,
        `<testsuite name="s1"><properties><property name="k" value="v"/></properties><testcase name="TestA">${FAIL}</testcase></testsuite>`,
        `<testsuite name="s2"><testcase name="TestA">${FAIL}</testcase></testsuite>`,
        '</testsuites>',
      ].join('\n'),
      ['TestA'],
    );
    expect(fields.failed_tests).toEqual(['TestA', 'TestA [suite s1]', 'TestA [suite s2]']);
  });

  it('by nested suite path and file, each part named', async () => {
    const fields = await read(
      [
        '<testsuites><testsuite name="outer">',
        `<testsuite name="a"><testcase name="TestA" file="a.test.ts">${FAIL}</testcase></testsuite>`,
        `<testsuite name="b"><testcase name="TestA" file="b.test.ts">${FAIL}</testcase></testsuite>`,
        '</testsuite></testsuites>',
      ].join('\n'),
      ['TestA'],
    );
    expect(fields.failed_tests).toEqual([
      'TestA [suite outer > a, file a.test.ts]',
      'TestA [suite outer > b, file b.test.ts]',
    ]);
  });

  it('by class when the name already holds it', async () => {
    const fields = await read(
      [
        '<testsuite name="s">',
        `<testcase classname="a" name="a.b.t">${FAIL}</testcase>`,
        `<testcase classname="a.b" name="a.b.t">${FAIL}</testcase>`,
        '</testsuite>',
      ].join('\n'),
      ['/t$/'],
    );
    expect(fields.failed_tests).toEqual(['a.b.t [class a]', 'a.b.t [class a.b]']);
  });

  it('names nothing for the one without a file or class', async () => {
    const fields = await read(
      [
        '<testsuite name="s">',
        `<testcase name="TestA" file="a.test.ts">${FAIL}</testcase>`,
        `<testcase name="TestA">${FAIL}</testcase>`,
        `<testcase classname="x" name="x.t">${FAIL}</testcase>`,
        `<testcase name="x.t">${FAIL}</testcase>`,
        '</testsuite>',
      ].join('\n'),
      ['TestA', '/t$/'],
    );
    expect(fields.failed_tests).toEqual(['TestA [file a.test.ts]', 'TestA', 'x.t [class x]', 'x.t']);
  });

  it('keeps class a, name bc apart from class ab, name c', async () => {
    const fields = await read(
      '<testsuite name="s"><testcase classname="a" name="bc"/><testcase classname="ab" name="c"/></testsuite>',
      ['/c$/'],
    );
    expect(fields).toMatchObject({ passed: 2, total: 2 });
  });
});

describe('text across read chunks', () => {
  it('reads a character split by a chunk boundary whole', async () => {
    // Every é starts at an odd byte, so every 64 KiB or 256 KiB boundary falls inside one.
    const name = 'é'.repeat(200_000);
    const fields = await read(`<testsuite name="ss"><testcase name="${name}"/></testsuite>`, ['/^é+$/']);
    expect(fields).toMatchObject({ passed: 1, missing: 0 });
  });
});

describe('failure text', () => {
  it('shows a repeated line once, whatever its trailing blanks', async () => {
    const fields = await read(
      '<testsuite name="s"><testcase name="TestA"><failure message="boom">boom  \n  at a.js:1  \n  at a.js:1\n</failure></testcase></testsuite>',
      ['TestA'],
    );
    expect(fields.output).toBe('TestA:\n  boom\n    at a.js:1');
  });

  it('drops indented runner chatter but keeps a line that only mentions PASS or FAIL', async () => {
    const fields = await read(
      '<testsuite name="s"><testcase name="TestA"><failure message="">    --- FAIL: TestA/case (0.00s)\ngot FAIL, want PASS\nFAIL\texample.com/p\t0.01s\n</failure></testcase></testsuite>',
      ['TestA'],
    );
    expect(fields.output).toBe('TestA:\n  got FAIL, want PASS');
  });
});

describe('reports the reader refuses', () => {
  it('names a root element too long to quote as another element', async () => {
    expect(await refusal(`<${'x'.repeat(41)}/>`)).toBe(
      'r.xml: not a JUnit report: the root element is another element, not <testsuites> or <testsuite>',
    );
  });

  it('says when the file holds no element at all, with the line it reached', async () => {
    expect(await refusal('<?xml version="1.0"?>\n<!-- nothing here -->\n')).toBe(
      'r.xml:3: malformed XML: document must contain a root element',
    );
  });

  it('gives the line and the reason of malformed XML, without what it quotes', async () => {
    const messages: string[] = [];
    for (const xml of [
      '<testsuites>\n<testsuite name="a">\n<testcase name="b">\n',
      '<testsuites>\n\n<testsuite name="a" name="b"/></testsuites>',
      '<testsuites>\n<testsuite name="a"></testcase></testsuites>',
      '<testsuites>\n<testsuite name="secret-value: 1"</testsuites>',
      `<testsuites>${'\n'.repeat(11)}<testsuite name="a"></testcase></testsuites>`,
    ])
      messages.push(await refusal(xml));
    expect(messages).toEqual([
      'r.xml:4: malformed XML: unclosed tag',
      'r.xml:3: malformed XML: duplicate attribute',
      'r.xml:2: malformed XML: unexpected close tag',
      'r.xml:2: malformed XML: disallowed character in attribute name',
      'r.xml:12: malformed XML: unexpected close tag',
    ]);
  });
});
