// `sources:` is built from the probes' own entries: a probe with a source declares its schema and
// defaults in its folder, and the loader and schema/gate.schema.json follow the registry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseGate } from '../../src/config/load.js';
import { ConfigError, formatProblem } from '../../src/config/problems.js';
import { defineSourceEntry } from '../../src/probes/probe.js';
import { probeRegistry } from '../../src/probes/registry.js';
import { scriptedProbe } from '../support/scripted-probe.js';

interface DemoSource {
  endpoint: string;
  retries: number;
}

/** A probe that is not in the registry, with a `sources.demo` entry of its own. */
const demoProbe = {
  ...scriptedProbe({}),
  kind: 'demo',
  sourceEntry: defineSourceEntry({
    schema: z.strictObject({ endpoint: z.string().optional(), retries: z.number().int().optional() }),
    resolve: (written, env): DemoSource => ({
      endpoint: written?.endpoint ?? env.DEMO_ENDPOINT ?? 'http://127.0.0.1:1',
      retries: written?.retries ?? 2,
    }),
  }),
};
const probes = { demo: demoProbe };

function gateText(sources: string): string {
  return `version: 1\ngate: { id: g, title: T }\n${sources}scenarios:\n  - name: one\n    checks:\n      - demo: x\n`;
}

function problemsOf(text: string): string[] {
  try {
    parseGate(text, { file: 'gate.yml', env: {}, probes });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('the gate was accepted');
}

describe('sources: from the probes that declare an entry', () => {
  it("validates and resolves a new probe's entry with its own schema and defaults, ${VAR} expanded", () => {
    const gate = parseGate(gateText('sources:\n  demo: { endpoint: "${HOST}", retries: 5 }\n'), {
      file: 'gate.yml',
      env: { HOST: 'http://127.0.0.1:9' },
      probes,
    });
    expect(gate.sources).toEqual({ demo: { endpoint: 'http://127.0.0.1:9', retries: 5 } });
    const defaults = parseGate(gateText(''), {
      file: 'gate.yml',
      env: { DEMO_ENDPOINT: 'http://e' },
      probes,
    });
    expect(defaults.sources).toEqual({ demo: { endpoint: 'http://e', retries: 2 } });
  });

  it("names an unknown key inside a probe's entry, and an entry of a probe that is not there, with lines", () => {
    expect(problemsOf(gateText('sources:\n  demo: { endpont: x }\n'))).toEqual([
      "gate.yml:4:11: unknown key 'endpont' in sources.demo (did you mean 'endpoint'?)",
    ]);
    expect(problemsOf(gateText('sources:\n  demo: { retries: 1.5 }\n'))).toEqual([
      'gate.yml:4:20: sources.demo.retries: expected int, received number',
    ]);
    expect(problemsOf(gateText('sources:\n  postgres: { url: x }\n'))).toEqual([
      "gate.yml:4:3: unknown key 'postgres' in sources",
    ]);
  });

  it('schema/gate.schema.json has one `sources:` entry per registered probe that declares one', () => {
    const schema = JSON.parse(readFileSync('schema/gate.schema.json', 'utf8')) as {
      properties: { sources: { properties: Record<string, unknown>; additionalProperties: boolean } };
    };
    const declaring = Object.entries(probeRegistry)
      .filter(([, probe]) => probe.sourceEntry !== undefined)
      .map(([kind]) => kind);
    expect(declaring).toEqual(expect.arrayContaining(['postgres', 'kubernetes', 'github']));
    expect(Object.keys(schema.properties.sources.properties).sort()).toEqual([...declaring].sort());
    expect(schema.properties.sources.additionalProperties).toBe(false);
  });
});
