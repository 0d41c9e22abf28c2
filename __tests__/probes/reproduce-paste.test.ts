// Every probe's reproduce command, pasted into an interactive bash, must hand the program exactly
// the values of the gate file — whatever quotes, `$`, `!`, tabs or newlines they hold.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { githubProbe } from '../../src/probes/github/index.js';
import { httpProbe } from '../../src/probes/http/index.js';
import { kubernetesProbe } from '../../src/probes/kubernetes/index.js';
import { postgresProbe } from '../../src/probes/postgres/index.js';
import type { Sources } from '../../src/probes/probe.js';
import { testsProbe } from '../../src/probes/tests/index.js';

const sources: Sources = {
  postgres: { statementTimeoutMs: 5000 },
  kubernetes: { namespace: "team's\tns" },
  github: { repository: 'octo-org/platform' },
};

const NASTY = "it's $HOME `id` wow!!\ttab";

/** The arguments each program receives when `command` is pasted into an interactive bash. */
function argumentsOf(command: string): string[][] {
  const stubs = ['kubectl', 'gh', 'curl', 'psql', 'grep', 'go']
    .map((program) => `${program}() { printf '%s\\0' ${program} "$@"; printf '\\n'; }`)
    .join('\n');
  const answer = spawnSync('bash', ['--norc', '--noprofile', '-i'], {
    input: `${stubs}\n${command}\n`,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: '/home/someone', DATABASE_URL: 'postgres://x' },
  });
  return answer.stdout
    .split('\n')
    .filter((line) => line.includes('\0'))
    .map((line) => line.split('\0').slice(0, -1));
}

describe('reproduce commands survive a paste into bash', () => {
  it('kubernetes: namespace, names and selectors', () => {
    const spec = kubernetesProbe.schema.parse({ pods: { selector: NASTY, field_selector: `x!=${NASTY}` } });
    const [args] = argumentsOf(kubernetesProbe.reproduce(spec, {}, sources));
    expect(args).toContain(NASTY);
    expect(args).toContain(`x!=${NASTY}`);
    expect(args).toContain("team's\tns");
  });

  it('github: workflow, branch and event', () => {
    const spec = githubProbe.schema.parse({ workflow: NASTY, branch: `b ${NASTY}` });
    const [args] = argumentsOf(githubProbe.reproduce(spec, {}, sources));
    expect(args).toContain(NASTY);
    expect(args).toContain(`b ${NASTY}`);
  });

  it('http: header values, body and url', () => {
    const spec = httpProbe.schema.parse({
      url: `https://example.test/a?q='!$x`,
      method: 'POST',
      headers: { 'X-Note': NASTY },
      body: NASTY,
    });
    const [args] = argumentsOf(httpProbe.reproduce(spec, {}, sources));
    expect(args).toContain(`X-Note: ${NASTY}`);
    expect(args).toContain(NASTY);
    expect(args).toContain(`https://example.test/a?q='!$x`);
  });

  it('postgres: the query', () => {
    const sql = "select 'it''s $HOME `id` wow!!\ttab' as note";
    const [args] = argumentsOf(postgresProbe.reproduce(postgresProbe.schema.parse(sql), {}, sources));
    expect(args).toEqual(['psql', 'postgres://x', '-c', sql]);
  });

  it('tests: name patterns', () => {
    const spec = testsProbe.schema.parse({ report: 'reports/*.xml', names: [NASTY] });
    const [args] = argumentsOf(testsProbe.reproduce(spec, {}, sources));
    const pattern = new RegExp(args?.[3] ?? '');
    expect(pattern.test(`<testcase classname="x" name="${NASTY}"`)).toBe(true);
  });
});
