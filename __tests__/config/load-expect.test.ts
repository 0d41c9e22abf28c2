// What the loader refuses in `expect` and in regex test names, with the real probes: a misspelt
// field behind `??`, patterns RE2 cannot run, conditions past the limits. Each is refused at load
// with file:line:column and the fix, so it can never reach a run.
import { describe, expect, it } from 'vitest';
import { parseGate } from '../../src/config/load.js';
import { MAX_EXPECT_TERMS } from '../../src/config/expect.js';
import { ConfigError, formatProblem } from '../../src/config/problems.js';
import { probeRegistry } from '../../src/probes/registry.js';

function problemsOf(text: string): string[] {
  try {
    parseGate(text, { file: 'gate.yml', env: {}, probes: probeRegistry });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('the gate was accepted');
}

const gate = (checks: string): string => `version: 1
gate: { id: REG-1, title: Gate }
scenarios:
  - name: S
    checks:
${checks}`;

describe('load: a field the probe does not report', () => {
  it('is refused with or without ?? and inside parentheses, where the probe knows its fields', () => {
    expect(
      problemsOf(
        gate(`      - http: { url: "http://127.0.0.1:1/" }
        expect: statsu ?? 200 == 200
      - http: { url: "http://127.0.0.1:1/" }
        expect: (latency ?? 0) < 500
      - tests: { report: r.json, names: [TestA] }
        expect: failed == 0 and baseline.faild ?? 0 == 0`),
      ),
    ).toEqual([
      "gate.yml:7:17: expect uses 'statsu', which this http check does not report (did you mean 'status'?); its fields are status, body, latency_ms, headers",
      "gate.yml:9:18: expect uses 'latency', which this http check does not report (did you mean 'latency_ms'?); its fields are status, body, latency_ms, headers",
      expect.stringMatching(
        /^gate\.yml:11:33: expect uses 'baseline\.faild', which this tests check does not report \(did you mean 'failed'\?\); its fields are /,
      ),
    ]);
  });

  it('accepts parentheses around an operand with a fallback', () => {
    expect(() =>
      parseGate(
        gate(`      - http: { url: "http://127.0.0.1:1/" }
        expect: (latency_ms ?? 0) <= 500 and (headers.x-cache ?? MISS) != HIT`),
        { file: 'gate.yml', env: {}, probes: probeRegistry },
      ),
    ).not.toThrow();
  });
});

describe('load: patterns RE2 cannot run', () => {
  it('refuses a backreference in expect at its line and column, with the fix', () => {
    expect(
      problemsOf(
        gate(`      - http: { url: "http://127.0.0.1:1/" }
        expect: body matches /(a+)\\1/`),
      ),
    ).toEqual([
      "gate.yml:7:35: expect: invalid regular expression: backreference '\\1' is not supported: patterns run on RE2, in time linear in the text, which has no backreferences; spell the repeated text out or match it more loosely (at column 19 of 'body matches /(a+)\\1/')",
    ]);
  });

  it('refuses lookaround and unsupported flags in tests.names, naming the entry', () => {
    const problems = problemsOf(
      gate(`      - tests: { report: r.json, names: ["/^Test(?!Flaky)/", "/^TestA/g", "/(x)\\\\1/"] }`),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^gate\.yml:6:\d+: .*\/\^Test\(\?!Flaky\)\/ is not a valid regular expression \(lookahead '\(\?!' is not supported: patterns run on RE2/,
      ),
      expect.stringMatching(
        /^gate\.yml:6:\d+: .*\/\^TestA\/g has flags 'g': flag 'g' is not supported; use only i, m, s and u/,
      ),
      expect.stringMatching(
        /^gate\.yml:6:\d+: .*\/\(x\)\\1\/ is not a valid regular expression \(backreference '\\1'/,
      ),
    ]);
  });
});

describe('load: conditions past the limits', () => {
  it('refuses an expect of tens of thousands of terms at load, naming the limit, quoting only a stretch of it', () => {
    const huge = Array.from({ length: 20_000 }, () => 'status == 200').join(' or ');
    const problems = problemsOf(
      gate(`      - http: { url: "http://127.0.0.1:1/" }
        expect: ${huge}`),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^gate\\.yml:7:\\d+: expect: the condition has more than ${MAX_EXPECT_TERMS} fields and values \\(the limit\\); split it into several checks \\(at column \\d+ of '…[^']{120}…'\\)$`,
      ),
    );
  });

  it('refuses 10,000 nested parentheses at load without a stack overflow', () => {
    const problems = problemsOf(
      gate(`      - http: { url: "http://127.0.0.1:1/" }
        expect: "${'('.repeat(10_000)}status${')'.repeat(10_000)} == 200"`),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      "the condition nests deeper than 32 levels of '(', 'not' and '[' (the limit)",
    );
  });
});
