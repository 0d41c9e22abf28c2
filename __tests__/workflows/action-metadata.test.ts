import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { getInputs, INPUT } from '../../src/inputs.js';
import { OUTPUT } from '../../src/report/outputs.js';

interface ActionMetadata {
  name?: string;
  description?: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string; main?: string };
}

const action = parse(readFileSync('action.yml', 'utf8'), { uniqueKeys: true }) as ActionMetadata;
const sorted = (names: Iterable<string>): string[] => [...names].sort();

describe('action.yml', () => {
  it('runs the committed bundle on Node 24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync(action.runs!.main!)).toBe(true);
  });

  it('has what the Marketplace requires: name, description, branding', () => {
    expect(action.name).toMatch(/\S/);
    expect(action.description).toMatch(/\S/);
    expect(action.branding).toEqual({
      icon: expect.stringMatching(/^[a-z0-9-]+$/),
      color: expect.any(String),
    });
    // The only colours the metadata syntax accepts.
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(
      action.branding!.color,
    );
  });

  it('declares exactly the inputs src/inputs.ts reads, each with a description', () => {
    expect(sorted(Object.keys(action.inputs ?? {}))).toEqual(sorted(Object.values(INPUT)));
    for (const [name, input] of Object.entries(action.inputs ?? {})) {
      expect(input.description, `input ${name}`).toEqual(expect.any(String));
      expect(input.required ?? false, `input ${name} is required; the action has a default for it`).toBe(
        false,
      );
    }
  });

  it("documents the code's own defaults", () => {
    // What the action does with action.yml's defaults must be what it does with nothing at all
    // (CLI runs and tests pass no defaults); the token default is an expression the runner fills.
    const declared = (name: string): string =>
      name === INPUT.githubToken ? '' : String(action.inputs?.[name]?.default ?? '');
    expect(getInputs(declared)).toEqual(getInputs(() => ''));
    expect(action.inputs?.[INPUT.githubToken]?.default).toBe('${{ github.token }}');
  });

  it('declares exactly the outputs src/report/outputs.ts sets, each with a description', () => {
    expect(sorted(Object.keys(action.outputs ?? {}))).toEqual(sorted(Object.values(OUTPUT)));
    for (const [name, output] of Object.entries(action.outputs ?? {}))
      expect(output.description, `output ${name}`).toEqual(expect.any(String));
  });
});
