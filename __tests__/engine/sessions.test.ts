// The engine's per-source limits and session pool on their own, with probes the test defines: the
// kill set for mutation testing of src/engine/sessions.ts (run-sessions.test.ts covers them in a run).
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/config/model.js';
import { messageOf, SessionPool, SourceLimits } from '../../src/engine/sessions.js';
import type { ProbeDefinition, ProbeEnvironment, Sources } from '../../src/shared/probe-contract.js';

const sources = { postgres: { main: {} } } as unknown as Sources;
const environment = { sources, env: {} } as unknown as ProbeEnvironment;

function probe(overrides: Partial<ProbeDefinition> = {}): ProbeDefinition {
  return {
    kind: 'fake',
    open: () => Promise.resolve({ run: () => Promise.resolve({}), close: () => Promise.resolve() }),
    ...overrides,
  } as ProbeDefinition;
}
const check = (kind: string, spec: unknown, source?: string): Check =>
  ({ kind, spec, extras: {}, ...(source ? { source } : {}) }) as unknown as Check;

describe('messageOf', () => {
  it('gives the first line, trimmed; the error name or "unknown error" when that is empty', () => {
    expect(messageOf(new Error('  connection refused  \n    at stack'))).toBe('connection refused');
    expect(messageOf(new TypeError('\nlater'))).toBe('TypeError');
    expect(messageOf('   ')).toBe('unknown error');
    expect(messageOf(42)).toBe('42');
  });
});

describe('SourceLimits', () => {
  const probes = {
    db: probe({ source: (spec) => (spec as { source: string }).source }),
    plain: probe(),
    broken: probe({
      source: () => {
        throw new Error('no such source');
      },
    }),
  };
  const pool = new SessionPool(probes, environment, 1000, 1);

  it('one limit per source: the same source shares it, another source has its own', () => {
    const limits = new SourceLimits(probes, pool, 1);
    const main = limits.for(check('db', { source: 'main' }));
    expect(limits.for(check('db', { source: 'main' }))).toBe(main);
    expect(limits.for(check('db', { source: 'other' }))).not.toBe(main);
  });

  it('each named source of a kind has its own limit', () => {
    const limits = new SourceLimits(probes, pool, 1);
    expect(limits.for(check('plain', {}, 'billing'))).not.toBe(limits.for(check('plain', {}, 'platform')));
    expect(limits.for(check('plain', {}, 'billing'))).toBe(limits.for(check('plain', { x: 1 }, 'billing')));
    expect(limits.for(check('plain', {}))).toBe(limits.for(check('plain', {}, 'default')));
  });

  it('a probe without sources, or whose source cannot be named, shares one limit per kind', () => {
    const limits = new SourceLimits(probes, pool, 1);
    expect(limits.for(check('plain', {}))).toBe(limits.for(check('plain', { x: 1 })));
    expect(limits.for(check('broken', {}))).toBe(limits.for(check('broken', { x: 1 })));
    expect(limits.for(check('broken', {}))).not.toBe(limits.for(check('plain', {})));
  });

  it('the shared limit holds: with concurrency 1 a second check of the source waits for the first', async () => {
    const limits = new SourceLimits(probes, pool, 1);
    const order: string[] = [];
    let release!: () => void;
    const first = limits.for(check('db', { source: 'main' })).use(async () => {
      order.push('first starts');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first ends');
    });
    const second = limits.for(check('db', { source: 'main' })).use(() => {
      order.push('second starts');
      return Promise.resolve();
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['first starts']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second starts']);
  });
});

describe('SessionPool', () => {
  it('opens once per kind with the per-source concurrency, and exposes the sources', async () => {
    const opened: unknown[] = [];
    const pool = new SessionPool(
      {
        fake: probe({
          open: (env, options) => {
            opened.push([env.sources, options]);
            return Promise.resolve({ run: () => Promise.resolve({}), close: () => Promise.resolve() });
          },
        }),
      },
      environment,
      1000,
      3,
    );
    expect(pool.sourcesFor('fake', undefined)).toEqual(sources);
    const one = await pool.get('fake');
    expect(await pool.get('fake')).toBe(one);
    expect(opened).toEqual([[sources, { concurrency: 3 }]]);
    expect(await pool.closeAll()).toEqual([]);
  });
});
