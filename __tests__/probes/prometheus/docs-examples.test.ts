import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGate } from '../../../src/config/load.js';
import { probeRegistry } from '../../../src/probes/registry.js';

// The examples of docs/prometheus.md and the http json: example must load: a doc example the loader
// refuses would teach a format that does not work.
const env = { PROMETHEUS_URL: 'http://prometheus:9090', PROM_TOKEN: 'token-1234' };
const load = (text: string): number =>
  parseGate(text, { file: 'doc.yml', env, probes: probeRegistry }).scenarios.flatMap(
    (scenario) => scenario.checks,
  ).length;
const blocks = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
const asScenario = (checks: string): string =>
  `version: 1\ngate: { id: DOC, title: doc }\nscenarios:\n  - name: doc\n    checks:\n${checks.replace(/^/gm, '      ')}`;

describe('docs/prometheus.md and the http json: example', () => {
  it('the first gate of docs/prometheus.md loads', () => {
    expect(load(`version: 1\ngate: { id: DOC, title: doc }\n${blocks('docs/prometheus.md')[0]!}`)).toBe(2);
  });

  it('every query teams write loads as a check', () => {
    const queries = blocks('docs/prometheus.md').find((block) => block.startsWith('# Ratio of rates'))!;
    expect(load(asScenario(queries))).toBe(7);
  });

  it('the json: example of docs/tests-and-http.md loads', () => {
    const example = blocks('docs/tests-and-http.md').find((block) => block.includes('json:'))!;
    expect(load(asScenario(example))).toBe(1);
  });
});
