import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/usage.js';
import { getInputs, InputError } from '../../src/inputs.js';

const inputs = (values: Record<string, string>) => getInputs((name) => values[name] ?? '');

describe('environment, shard and merge inputs', () => {
  it('reads environment and K/N', () => {
    expect(inputs({ environment: 'prod-eu', shard: '2/4' })).toMatchObject({
      environment: 'prod-eu',
      shard: { index: 2, total: 4 },
      merge: '',
    });
    expect(inputs({})).toMatchObject({ environment: '', merge: '' });
    expect(inputs({}).shard).toBeUndefined();
  });

  it.each([
    ['0/4', "input 'shard' is '0/4'; K must be from 1 to N (4), e.g. 1/4"],
    ['5/4', "input 'shard' is '5/4'; K must be from 1 to N (4), e.g. 1/4"],
    ['1/0', "input 'shard' is '1/0'; N must be a whole number from 1 to 256"],
    ['two of four', "input 'shard' is 'two of four'; write K/N, e.g. 2/4 for the second of four shards"],
  ])('rejects shard %j with the expected form', (shard, message) => {
    expect(() => inputs({ shard })).toThrow(new InputError(message));
  });

  it('rejects an environment that is not a short one-line label', () => {
    expect(() => inputs({ environment: 'a\nb' })).toThrow(InputError);
    expect(() => inputs({ environment: 'x'.repeat(65) })).toThrow(/at most 64 characters/);
  });

  it('a merge takes no shard (the bundles carry it); its environment lists the expected ones', () => {
    expect(() => inputs({ merge: 'b/*.json', shard: '1/2' })).toThrow(/leave 'shard' empty in the merge job/);
    expect(inputs({ merge: 'b/*.json', environment: 'qa' }).expectedEnvironments).toEqual(['qa']);
    expect(() => inputs({ merge: 'b/*.json', environment: `qa,${'x'.repeat(65)}` })).toThrow(
      /input 'environment' names .* not a short label/,
    );
    expect(inputs({ merge: 'b/*.json' }).merge).toBe('b/*.json');
  });
});

describe('CLI: run --environment --shard, merge', () => {
  it('parses run --environment NAME --shard K/N', () => {
    expect(parseCommandLine(['run', 'g.yml', '--environment', 'staging', '--shard', '3/8'])).toMatchObject({
      name: 'run',
      options: { file: 'g.yml', environment: 'staging', shard: { index: 3, total: 8 } },
    });
  });

  it.each([
    [['run', '--shard', '9/8'], "--shard is '9/8'; K must be from 1 to N (8), e.g. 1/8"],
    [['run', '--shard', '1/'], "--shard is '1/'; write K/N, e.g. 2/4 for the second of four shards"],
    [
      ['run', '--environment', ''],
      '--environment must be a short one-line label (1 to 64 characters), such as staging',
    ],
    [['merge'], 'merge needs the bundle files of the jobs, e.g. merge bundles/*.json --out gate-report'],
    [
      ['merge', 'a.json', '--fail-on', 'sometimes'],
      "--fail-on is 'sometimes'; use no-go, new-failures or never",
    ],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(new UsageError(message));
  });

  it('parses merge FILES… --out DIR --language --fail-on', () => {
    expect(
      parseCommandLine([
        'merge',
        'a/*.json',
        'b.json',
        '--out',
        'merged',
        '--language',
        'ru',
        '--fail-on',
        'never',
      ]),
    ).toEqual({
      name: 'merge',
      options: {
        patterns: ['a/*.json', 'b.json'],
        out: 'merged',
        json: false,
        language: 'ru',
        failOn: 'never',
      },
    });
  });
});
