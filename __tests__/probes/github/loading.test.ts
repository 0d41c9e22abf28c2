import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('loading', () => {
  it('validating a github spec does not load @actions/github; opening a session does', async () => {
    // Resolve hooks see every module the definition pulls in, in a fresh process.
    const script = `
      import { registerHooks } from 'node:module';
      const seen = [];
      registerHooks({ resolve(specifier, context, next) { seen.push(specifier); return next(specifier, context); } });
      const { githubProbe } = await import(process.env.PROBE);
      githubProbe.reproduce(githubProbe.schema.parse({ run: 1, job: 'deploy' }), {}, { github: {} });
      const light = seen.some((s) => s.includes('@actions/github'));
      await githubProbe.open({ sources: { github: {} }, env: {}, githubToken: 't', addSecret() {}, debug() {} });
      console.log(JSON.stringify({ light, heavy: seen.some((s) => s.includes('@actions/github')) }));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        env: { ...process.env, PROBE: path.resolve('src/probes/github/index.ts') },
      },
    );
    expect(JSON.parse(stdout)).toEqual({ light: false, heavy: true });
  });
});
