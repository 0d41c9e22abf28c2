// The tests check's gate-file keys as the loader and the generated JSON Schema see them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGate } from '../../../src/config/load.js';
import { probeRegistry } from '../../../src/probes/registry.js';
import { testsProbe } from '../../../src/probes/tests/index.js';

function gate(testsKeys: string): string {
  return `version: 1
gate: { id: T-1, title: tests keys, owner_role: QA }
scenarios:
  - name: s
    checks:
      - tests:
${testsKeys
  .split('\n')
  .map((line) => `          ${line}`)
  .join('\n')}
`;
}

function loadError(text: string): string {
  try {
    parseGate(text, { file: 'gate.yml', env: {}, probes: probeRegistry });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the gate loaded');
}

describe('tests: retries', () => {
  it('loads retries: accept and retries: fail', () => {
    for (const value of ['accept', 'fail']) {
      const loaded = parseGate(gate(`report: r.xml\nnames: [t]\nretries: ${value}`), {
        file: 'gate.yml',
        env: {},
        probes: probeRegistry,
      });
      expect(loaded.scenarios[0]!.checks[0]!.spec).toEqual({ report: 'r.xml', names: ['t'], retries: value });
    }
  });

  it('refuses any other value at load, naming file, line and the allowed values', () => {
    expect(loadError(gate('report: r.xml\nnames: [t]\nretries: true'))).toBe(
      'gate.yml:9:20: scenarios[0].checks[0].tests.retries: expected one of fail, accept',
    );
  });

  it('is in the generated JSON Schema with its values and what it means', () => {
    const text = readFileSync('schema/gate.schema.json', 'utf8');
    const schema = JSON.parse(text) as unknown;
    const found: unknown[] = [];
    const visit = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      const properties = record.properties as Record<string, unknown> | undefined;
      if (properties?.names && properties.report && properties.retries) found.push(properties.retries);
      for (const value of Object.values(record)) visit(value);
    };
    visit(schema);
    expect(found.length).toBeGreaterThan(0);
    for (const retries of found) {
      expect(retries).toMatchObject({ type: 'string', enum: ['fail', 'accept'] });
      expect((retries as { description: string }).description).toMatch(
        /'fail' \(default\) fails it when any run failed/,
      );
    }
  });
});

describe('tests: describe', () => {
  it('says in the check description when a retried pass is accepted', () => {
    const sources = { postgres: { statementTimeoutMs: 1 }, kubernetes: {}, github: {} };
    expect(testsProbe.describe({ report: 'r.json', names: ['TestA'], retries: 'accept' }, {}, sources)).toBe(
      'tests TestA in r.json (a retried pass accepted)',
    );
    expect(testsProbe.describe({ report: 'r.json', names: ['TestA'], retries: 'fail' }, {}, sources)).toBe(
      'tests TestA in r.json',
    );
  });
});

describe('tests: report', () => {
  it('refuses a glob that climbs out of the workspace at load, with the fix', () => {
    expect(loadError(gate('report: ../../etc/passwd\nnames: [t]'))).toBe(
      'gate.yml:7:19: scenarios[0].checks[0].tests.report: the report glob climbs out of the workspace with ..; reports are read only inside the workspace: write the report there and name it relative to the workspace',
    );
  });
});
