// The ArtefactSink is the one door out of the process: every writer it feeds gets masked text, in
// the syntax of what it writes (a JSON file still parses), and a writer it lacks is skipped, never
// an exception that would lose the report.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/report/redact.js';
import { ArtefactSink, type ArtefactWriters, type LogLevel, type LogPlace } from '../../src/report/sink.js';

const SECRET = 's3cr3t-t0ken';

interface Written {
  logs: [LogLevel, string, LogPlace | undefined][];
  summaries: string[];
  outputs: [string, string][];
  failures: string[];
  stdout: string[];
}

function recordingSink(writers: (keyof ArtefactWriters)[] = ['summary', 'output', 'fail', 'stdout']): {
  sink: ArtefactSink;
  written: Written;
} {
  const redactor = new Redactor();
  redactor.add(SECRET);
  const written: Written = { logs: [], summaries: [], outputs: [], failures: [], stdout: [] };
  const all: Required<ArtefactWriters> = {
    log: (level, text, place) => written.logs.push([level, text, place]),
    summary: (markdown) => {
      written.summaries.push(markdown);
      return Promise.resolve();
    },
    output: (name, value) => written.outputs.push([name, value]),
    fail: (message) => written.failures.push(message),
    stdout: (text) => written.stdout.push(text),
  };
  const chosen: ArtefactWriters = { log: all.log };
  for (const name of writers) Object.assign(chosen, { [name]: all[name] });
  return { sink: new ArtefactSink(redactor, chosen), written };
}

describe('ArtefactSink: every artefact leaves masked', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rg-sink-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('log lines, and the title and file of the annotation they point at', () => {
    const { sink, written } = recordingSink();
    sink.log('warning', `token ${SECRET} refused`, { title: `t ${SECRET}`, file: 'gate.yml', startLine: 3 });
    sink.log('info', `plain ${SECRET}`);
    expect(written.logs).toEqual([
      ['warning', 'token *** refused', { title: 't ***', file: 'gate.yml', startLine: 3 }],
      ['info', 'plain ***', undefined],
    ]);
  });

  it('the job summary, step outputs, stdout and the failure message', async () => {
    const { sink, written } = recordingSink();
    await sink.summary(`| ${SECRET} |`);
    sink.output('decision', `no-go ${SECRET}`);
    sink.stdout(`out ${SECRET}\n`);
    sink.fail(`No-Go: ${SECRET}`);
    expect(written).toEqual({
      logs: [],
      summaries: ['| *** |'],
      outputs: [['decision', 'no-go ***']],
      failures: ['No-Go: ***'],
      stdout: ['out ***\n'],
    });
  });

  it('a failure goes to the error log when the writers cannot mark a run failed', () => {
    const { sink, written } = recordingSink([]);
    sink.fail(`No-Go: ${SECRET}`);
    expect(written.logs).toEqual([['error', 'No-Go: ***', undefined]]);
    expect(written.failures).toEqual([]);
  });

  it('skips the writers it does not have (the CLI has no summary or outputs) without throwing', async () => {
    const { sink, written } = recordingSink([]);
    await sink.summary('s');
    sink.output('o', 'v');
    sink.stdout('x');
    expect(written).toEqual({ logs: [], summaries: [], outputs: [], failures: [], stdout: [] });
  });

  it('masks stdout JSON inside its strings, so it still parses', () => {
    const { sink, written } = recordingSink();
    sink.stdout(JSON.stringify({ note: `a ${SECRET} b`, n: 1 }), 'json');
    expect(JSON.parse(written.stdout[0]!)).toEqual({ note: 'a *** b', n: 1 });
  });

  it('writes a bundle file masked, creating its directory', async () => {
    const { sink } = recordingSink();
    const file = path.join(dir, 'deep', 'er', 'report.json');
    await sink.file(file, JSON.stringify({ evidence: `x ${SECRET}` }), 'json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ evidence: 'x ***' });
    const md = path.join(dir, 'deep', 'report.md');
    await sink.file(md, `# ${SECRET}\n`, 'markdown');
    expect(await readFile(md, 'utf8')).toBe('# ***\n');
  });

  it('masks every string of an API body, keys and nested values included', () => {
    const { sink } = recordingSink();
    expect(sink.value({ [`k ${SECRET}`]: [`v ${SECRET}`, 3], ok: true })).toEqual({
      'k ***': ['v ***', 3],
      ok: true,
    });
  });
});
