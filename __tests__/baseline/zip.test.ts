import { describe, expect, it } from 'vitest';
import { readZipEntry } from '../../src/baseline/zip.js';
import { makeZip } from '../support/zip.js';

const json = JSON.stringify({ tool: 'regression-gate', rows: Array.from({ length: 2000 }, (_, n) => n) });
const isReport = (name: string): boolean => name.endsWith('REG-1.json');

describe('artifact zip', () => {
  it.each([
    ['deflated', {}],
    ['stored', { method: 'store' as const }],
    ['with data descriptors (streaming zippers)', { dataDescriptor: true }],
    ['stored with data descriptors', { method: 'store' as const, dataDescriptor: true }],
  ])('reads a %s entry, the first one the predicate accepts', (_label, options) => {
    const zip = makeZip(
      { 'REG-1.md': '# report', 'bundle/REG-1.json': json, 'REG-1.json': 'second' },
      options,
    );
    const entry = readZipEntry(zip, isReport);
    expect(entry?.name).toBe('bundle/REG-1.json');
    expect(entry?.data.toString()).toBe(json);
    expect(readZipEntry(zip, (name) => name === 'missing.json')).toBeUndefined();
  });

  it('reads an empty archive as having no report', () => {
    expect(readZipEntry(makeZip({}), isReport)).toBeUndefined();
  });

  it('refuses an entry whose header declares more than the limit', () => {
    const zip = makeZip({ 'REG-1.json': 'x'.repeat(2000) });
    expect(() => readZipEntry(zip, isReport, { maxBytes: 1000 })).toThrow(
      'REG-1.json in the artifact is larger than the 1000-byte limit for a report (its header says 2000 bytes); it is not a regression-gate bundle',
    );
  });

  it('stops a zip bomb whose header understates its size at the limit', () => {
    // 256 MiB of zeros deflate to a quarter of a megabyte; the headers claim 100 bytes.
    const bomb = makeZip({ 'REG-1.json': Buffer.alloc(256 * 1024 * 1024) }, { declaredSize: 100 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(() => readZipEntry(bomb, isReport, { maxBytes: 64 * 1024 })).toThrow(
      'REG-1.json in the artifact is larger than the 65536-byte limit for a report (it inflates past 65536 bytes); it is not a regression-gate bundle',
    );
    const streamed = makeZip({ 'REG-1.json': Buffer.alloc(64 * 1024 * 1024) }, { dataDescriptor: true });
    expect(() => readZipEntry(streamed, isReport, { maxBytes: 64 * 1024 })).toThrow(
      /inflates past 65536 bytes/,
    );
  });

  it('explains what is not a zip or is cut short', () => {
    expect(() => readZipEntry(Buffer.from('not a zip at all, just text'), () => true)).toThrow(
      'the artifact is not a zip archive',
    );
    const zip = makeZip({ 'REG-1.json': json });
    expect(() => readZipEntry(zip.subarray(0, 200), isReport)).toThrow(
      /REG-1\.json in the artifact|not a valid zip/,
    );
  });
});
