import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { gateJsonSchemaText, REPORT_SCHEMA_PATH, reportJsonSchemaText, SCHEMA_PATH } from '../../scripts/generate-schema.js';
import { probeRegistry } from '../../src/probes/registry.js';

interface Variant {
  title: string;
  required: string[];
  additionalProperties: boolean;
  properties: Record<string, unknown>;
}

describe('schema/report.schema.json', () => {
  it('is what `npm run schema` makes from the report schema today', async () => {
    const committed = await readFile(REPORT_SCHEMA_PATH, 'utf8');
    expect(
      committed === reportJsonSchemaText(),
      'schema/report.schema.json is stale: the report schema changed. Run `npm run schema` and commit the result.',
    ).toBe(true);
  });
});

describe('schema/gate.schema.json', () => {
  it('is what `npm run schema` makes from the zod schemas today', async () => {
    const committed = await readFile(SCHEMA_PATH, 'utf8');
    const fresh = gateJsonSchemaText();
    expect(
      committed === fresh,
      'schema/gate.schema.json is stale: the gate-file schemas changed. Run `npm run schema` and commit the result.',
    ).toBe(true);
  });

  it('types each check and precondition as exactly one of the registered probes', () => {
    const schema = JSON.parse(gateJsonSchemaText()) as {
      properties: {
        preconditions: { items: { oneOf: Variant[] } };
        scenarios: { items: { properties: { checks: { items: { oneOf: Variant[] } } } } };
      };
    };
    const kinds = Object.keys(probeRegistry);
    for (const variants of [
      schema.properties.preconditions.items.oneOf,
      schema.properties.scenarios.items.properties.checks.items.oneOf,
    ]) {
      expect(variants.map((variant) => variant.title)).toEqual(kinds.map((kind) => `${kind} check`));
      for (const [index, variant] of variants.entries()) {
        expect(variant.required).toContain(kinds[index]);
        expect(variant.additionalProperties).toBe(false);
        expect(Object.keys(variant.properties)).toEqual(expect.arrayContaining(['expect', 'evidence', 'wait']));
      }
    }
    const postgres = schema.properties.scenarios.items.properties.checks.items.oneOf.find(
      (variant) => variant.title === 'postgres check',
    )!;
    expect(Object.keys(postgres.properties)).toContain('params');
    // A precondition must be named; a scenario's check need not be.
    expect(schema.properties.preconditions.items.oneOf[0]!.required).toContain('name');
    expect(schema.properties.scenarios.items.properties.checks.items.oneOf[0]!.required).not.toContain('name');
  });
});
