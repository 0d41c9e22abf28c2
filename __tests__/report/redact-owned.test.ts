// The merge's large result is redacted in place (redactOwnedValue) and its JSON masked with a
// whole-text check before the token-by-token pass: both must mask exactly what the copying walk
// and the token pass mask, in every spelling.
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/report/redact.js';

const SECRET = 'hunter2-"quoted"\\slash-secret';

function redactor(): Redactor {
  const made = new Redactor();
  made.add(SECRET);
  made.add('4242424242');
  return made;
}

const sample = (): Record<string, unknown> => ({
  name: `token ${SECRET} seen`,
  [`key ${SECRET}`]: 1,
  count: 4242424242,
  nested: [{ evidence: [{ text: SECRET }, { value: 'safe' }] }, 'plain', null, true],
  url: 'postgres://user:pa55word@db:5432/app',
});

describe('redactOwnedValue', () => {
  it('gives what redactValue gives, in the same object', () => {
    const value = sample();
    const expected = redactor().redactValue(sample());
    const redacted = redactor().redactOwnedValue(value);
    expect(redacted).toBe(value);
    expect(redacted).toEqual(expected);
    expect(JSON.stringify(redacted)).not.toContain('hunter2');
    expect(JSON.stringify(redacted)).not.toContain('pa55word');
  });

  it('turns a cycle into *** as redactValue does', () => {
    const value: Record<string, unknown> = { name: 'a' };
    value.self = value;
    expect(redactor().redactOwnedValue(value).self).toBe('***');
  });

  it('keeps an own __proto__ key a key', () => {
    const value = JSON.parse('{"__proto__": {"x": "y"}, "a": 1}') as Record<string, unknown>;
    const redacted = redactor().redactOwnedValue(value);
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.keys(redacted)).toEqual(['__proto__', 'a']);
  });
});

describe("maskText('json') whole-text check", () => {
  const masked = (text: string): string => redactor().maskText(text, 'json');

  it('leaves a JSON text without any spelling of a secret unchanged', () => {
    const text = JSON.stringify({ a: 'plain "quoted" \\ text\n', b: [1, 2] }, null, 2);
    expect(masked(text)).toBe(text);
  });

  it('masks a secret however the JSON spells it', () => {
    const spellings = [
      JSON.stringify({ a: `x ${SECRET} y` }),
      // \u escapes and \/ are not what JSON.stringify writes: the token-by-token pass decodes them.
      JSON.stringify({ a: `x ${SECRET} y` }).replace('hunter2', '\\u0068unter2'),
      JSON.stringify({ a: `x ${SECRET} y` }).replace('slash-', 'slash\\u002d'),
      '{"u": "postgres://user:pa55word@db/app"}',
    ];
    for (const text of spellings) {
      const out = masked(text);
      expect(JSON.parse(out)).toBeTypeOf('object');
      expect(JSON.stringify(JSON.parse(out))).not.toContain('hunter2');
      expect(out).not.toContain('pa55word');
    }
  });
});

describe('bundleJson', () => {
  it('keeps a bigint exact (the replacer is used when plain stringify throws)', async () => {
    const { bundleJson } = await import('../../src/report/bundle.js');
    const { gateResult } = await import('../support/results.js');
    const result = gateResult();
    const row = result.scenarios[0]!;
    row.checks[0]!.fields = { big: 12345678901234567890n };
    const text = bundleJson(new Redactor().redactValue(result));
    expect(text).toContain('"big": "12345678901234567890"');
  });

  it('writes a merged bundle compact and a job bundle indented', async () => {
    const { bundleJson } = await import('../../src/report/bundle.js');
    const { gateResult } = await import('../support/results.js');
    const result = gateResult();
    expect(bundleJson(new Redactor().redactValue(result))).toContain('\n  "schema_version": 1');
    const merged = { ...result, merge: { bundles: 1, environments: [], problems: 0 } };
    const text = bundleJson(new Redactor().redactValue(merged));
    expect(text.trimEnd()).not.toContain('\n');
    expect(JSON.parse(text)).toMatchObject({ schema_version: 1, merge: { bundles: 1 } });
  });
});
