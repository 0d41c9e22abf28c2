import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGateFile, parseGate } from '../../src/config/load.js';
import { ConfigError, formatProblem } from '../../src/config/problems.js';
import { kubernetesProbe } from '../../src/probes/kubernetes/index.js';
import { scriptedProbe } from '../support/scripted-probe.js';

// `sources:` takes an entry for each probe that declares one: kubernetes here.
const probes = { scripted: scriptedProbe({}), kubernetes: kubernetesProbe };
const env = { DEPLOY_RUN_ID: '21985095587', STAGING_NS: 'codex-k8s-staging' };

function problemsOf(text: string, environment: Record<string, string> = env): string[] {
  try {
    parseGate(text, { file: 'gate.yml', env: environment, probes });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('the gate was accepted');
}

const VALID = `version: 1
gate:
  id: REG-1
  title: Sprint gate
  related_prs: [20, 22]
sources:
  kubernetes: { namespace: "\${STAGING_NS}" }
preconditions:
  - name: Deploy done
    scripted: "run \${DEPLOY_RUN_ID}"
    expect: status == success
scenarios:
  - name: "\`run:dev\` -> run -> job -> PR"
    checks:
      - scripted: one
        expect: n >= 1
        evidence: "runs={{n}}"
        wait: 5m
        interval: 15s
  - name: Leaks
    id: leaks
    priority: P1
    waiver: { reason: known, until: 2026-03-01, issue: 31 }
    checks:
      - scripted: two
`;

describe('gate file: a valid file', () => {
  it('keeps lines, expands variables, derives ids and applies defaults', () => {
    const gate = parseGate(VALID, { file: 'gate.yml', env, probes });
    expect(gate.sources.kubernetes.namespace).toBe('codex-k8s-staging');
    expect(gate.preconditions[0]!.checks[0]!.spec).toBe('run 21985095587');
    expect(gate.preconditions[0]!.position.line).toBe(9);
    const [first, second] = gate.scenarios;
    expect(first!.id).toBe('run-dev-run-job-pr');
    expect(first!.position.line).toBe(13);
    expect(first!.checks[0]).toMatchObject({
      id: 'run-dev-run-job-pr/1',
      waitMs: 300_000,
      intervalMs: 15_000,
      timeoutMs: 30_000,
      expectText: 'n >= 1',
    });
    expect(first!.checks[0]!.position.line).toBe(15);
    expect(second).toMatchObject({
      id: 'leaks',
      priority: 'P1',
      waiver: { reason: 'known', until: '2026-03-01', issue: 31 },
    });
    expect(second!.checks[0]).toMatchObject({ expectText: 'n > 0', defaultExpect: true });
    expect(gate.meta).toMatchObject({ id: 'REG-1', relatedPrs: [20, 22], relatedIssues: [], language: 'en' });
  });

  it('never expands variables inside SQL text', () => {
    const postgresLike = { ...probes, postgres: scriptedProbe({}) };
    const gate = parseGate(
      `version: 1\ngate: { id: g, title: t }\nscenarios:\n  - name: s\n    checks:\n      - postgres: "select '\${HOME}'"\n`,
      { file: 'g.yml', env: {}, probes: postgresLike },
    );
    expect(gate.scenarios[0]!.checks[0]!.spec).toBe("select '${HOME}'");
  });
});

describe('gate file: every problem at once, with its line', () => {
  it('reports unknown keys with a hint, unset variables, two probe keys and bad values together', () => {
    const problems = problemsOf(`version: 1
gate: { id: g, title: t, titel: x }
scenarios:
  - name: a
    prority: P0
    checks:
      - scripted: one
        scripted2: x
  - name: b
    checks:
      - scripted: "\${MISSING_VAR}"
        expect: nn >= 1
      - expect: n > 0
      - scripted: x
        wait: forever
`);
    expect(problems).toEqual([
      "gate.yml:2:26: unknown key 'titel' in gate (did you mean 'title'?)",
      "gate.yml:5:5: unknown key 'prority' in scenarios[0] (did you mean 'priority'?)",
      expect.stringMatching(/^gate\.yml:8:9: unknown key 'scripted2' in scenarios\[0\]\.checks\[0\]/),
      'gate.yml:11:19: ${MISSING_VAR} is not set; set the environment variable MISSING_VAR or write ${MISSING_VAR:-default}',
      "gate.yml:12:17: expect uses 'nn', which this scripted check does not report (did you mean 'n'?); its fields are n, status, names, ready",
      'gate.yml:13:9: a check needs one probe key (scripted, kubernetes)',
      "gate.yml:15:15: scenarios[1].checks[2].wait: 'forever' is not a duration; write it like 30s, 5m or 1h30m",
    ]);
  });

  it('reports check-level problems after the structure is sound', () => {
    const problems = problemsOf(`version: 1
gate: { id: g, title: t }
scenarios:
  - name: b
    checks:
      - scripted: x
        expect: nn >= 1
      - expect: n > 0
      - scripted: x
        wait: forever
      - scripted: x
        expect: n >=
`);
    expect(problems).toEqual([
      "gate.yml:7:17: expect uses 'nn', which this scripted check does not report (did you mean 'n'?); its fields are n, status, names, ready",
      'gate.yml:8:9: a check needs one probe key (scripted, kubernetes)',
      "gate.yml:10:15: scenarios[0].checks[2].wait: 'forever' is not a duration; write it like 30s, 5m or 1h30m",
      "gate.yml:12:21: expect: expected a value but found 'end of condition' (at column 5 of 'n >=')",
    ]);
  });

  it('accepts any field where fields are known only at run time', () => {
    expect(() =>
      parseGate(
        `version: 1\ngate: { id: g, title: t }\nscenarios:\n  - name: s\n    checks:\n      - scripted: "open: sql"\n        expect: anything > 1\n`,
        {
          file: 'g.yml',
          env: {},
          probes,
        },
      ),
    ).not.toThrow();
  });

  it.each([
    ['', 'gate.yml:1:1: the gate file is empty'],
    ['version: 1\ngate: [\n', 'gate.yml:'],
    [
      'version: 2\ngate: { id: g, title: t }\nscenarios: []\n',
      'gate.yml:1:10: version: this version of regression-gate reads gate files of version: 1',
    ],
    ['version: 1\nversion: 1\n', 'gate.yml:2:1: not valid YAML: Map keys must be unique'],
    ['- a\n- b\n', 'gate.yml:1:1: a gate file is a mapping with version, gate and scenarios'],
  ])('rejects %j', (text, message) => {
    expect(problemsOf(text)[0]).toContain(message);
  });

  it('rejects duplicate scenario ids, naming the first', () => {
    const problems = problemsOf(`version: 1
gate: { id: g, title: t }
scenarios:
  - { name: Same, checks: [ { scripted: a } ] }
  - { name: same, checks: [ { scripted: b } ] }
`);
    expect(problems).toEqual([
      "gate.yml:5:5: scenario id 'same' is already used by the scenario on line 4; give one of them another 'id'",
    ]);
  });

  it('rejects a waiver with a date that does not exist', () => {
    const problems = problemsOf(`version: 1
gate: { id: g, title: t }
scenarios:
  - name: s
    waiver: { reason: r, until: 2026-02-30 }
    checks: [ { scripted: a } ]
`);
    expect(problems).toEqual([
      "gate.yml:5:33: scenarios[0].waiver.until: '2026-02-30' is not a date; write it as YYYY-MM-DD",
    ]);
  });

  it('rejects an alias bomb quickly', () => {
    const lines = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 12; level++)
      lines.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(',')}]`,
      );
    const started = performance.now();
    const problems = problemsOf(lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(problems[0]).toMatch(/gate\.yml:1:1: the file cannot be read as data: .*alias/i);
  });

  it('names a missing file and what to do', async () => {
    await expect(
      loadGateFile('/nonexistent/gate.yml', { file: '.github/regression-gate.yml', env, probes }),
    ).rejects.toThrow(
      ".github/regression-gate.yml:1:1: gate file not found; create it, or point the action's 'config' input (the CLI's FILE argument) at it",
    );
  });

  it('loads from disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gate-'));
    await writeFile(join(dir, 'gate.yml'), VALID);
    const gate = await loadGateFile(join(dir, 'gate.yml'), { file: 'gate.yml', env, probes });
    expect(gate.scenarios).toHaveLength(2);
  });
});

describe('gate file: unknown fields with the real probes', () => {
  it('points at the field inside expect and suggests the field it extends', async () => {
    const { probeRegistry } = await import('../../src/probes/registry.js');
    const text = `version: 1\ngate: { id: g, title: t }\nscenarios:\n  - name: web\n    checks:\n      - http: { url: "https://example.test/" }\n        expect: status == 200 and latency < 500\n`;
    try {
      parseGate(text, { file: 'g.yml', env: {}, probes: probeRegistry });
      throw new Error('accepted');
    } catch (error) {
      expect((error as ConfigError).problems.map(formatProblem)).toEqual([
        "g.yml:7:35: expect uses 'latency', which this http check does not report (did you mean 'latency_ms'?); its fields are status, body, latency_ms, headers",
      ]);
    }
  });
});
