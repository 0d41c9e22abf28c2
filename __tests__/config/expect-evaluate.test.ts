// The expect language's decisions, both sides of every boundary: the kill set for mutation testing
// of src/config/expect-evaluate.ts. Each case states the exact result a gate author relies on.
import { describe, expect, it } from 'vitest';
import {
  evaluateCondition,
  ExpectEvaluationError,
  isTruthy,
  parseCondition,
} from '../../src/config/expect.js';
import { httpProbe } from '../../src/probes/http/index.js';
import type { FieldValue, Fields } from '../../src/probes/probe.js';

const lookupIn =
  (fields: Fields) =>
  (name: string): FieldValue | undefined => {
    if (Object.hasOwn(fields, name)) return fields[name];
    const dot = name.indexOf('.');
    const parent = dot < 0 ? undefined : fields[name.slice(0, dot)];
    if (parent && typeof parent === 'object' && !Array.isArray(parent)) {
      const map = parent as Record<string, string>;
      return Object.hasOwn(map, name.slice(dot + 1)) ? map[name.slice(dot + 1)] : undefined;
    }
    return undefined;
  };
const holds = (text: string, fields: Fields): boolean =>
  evaluateCondition(parseCondition(text), lookupIn(fields));
const failure = (text: string, fields: Fields): string => {
  try {
    holds(text, fields);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpectEvaluationError);
    return (error as Error).message;
  }
  throw new Error(`'${text}' was decided`);
};

describe('expect: ordering, both sides of each boundary', () => {
  it.each([
    ['status < 400', 399, true],
    ['status < 400', 400, false],
    ['status < 400', 500, false],
    ['status <= 400', 399, true],
    ['status <= 400', 400, true],
    ['status <= 400', 401, false],
    ['status > 400', 401, true],
    ['status > 400', 400, false],
    ['status > 400', 399, false],
    ['status >= 400', 401, true],
    ['status >= 400', 400, true],
    ['status >= 400', 399, false],
  ])('%s with status %d is %s', (text, status, result) => {
    expect(holds(text, { status })).toBe(result);
  });

  it.each([
    [200, true],
    [399, true],
    [400, false],
    [500, false],
  ])("the http probe's default expect with status %d holds: %s", (status, result) => {
    const defaultExpect = httpProbe.defaultExpect({ url: 'http://127.0.0.1/' } as never);
    expect(defaultExpect).toBe('status < 400');
    expect(holds(defaultExpect, { status, body: '', latency_ms: 1, headers: {} })).toBe(result);
  });

  it.each([
    ['error_rate < 0.05', 0.04, true],
    ['error_rate < 0.05', 0.05, false],
    ['error_rate < 0.05', 0.06, false],
    ['error_rate <= 0.05', '0.050', true],
    ['error_rate <= 0.05', '0.0501', false],
    ['error_rate > -0.5', -0.25, true],
    ['error_rate > -0.5', '-0.5', false],
    ['error_rate >= 1.25', '1.25', true],
    ['error_rate >= 1.25', 1.2499, false],
    ['lag < 1', 1e-7, true],
    ['lag == 0.0000001', 1e-7, true],
    ['n == 1', 1.0000000000000002, false],
    ['n > 1', 1.0000000000000002, true],
  ])('%s with %j is %s (exact decimals)', (text, value, result) => {
    const field = text.split(' ')[0]!;
    expect(holds(text, { [field]: value })).toBe(result);
  });

  it('orders counts past 2^53 exactly (bigint and numeric text)', () => {
    expect(holds('n > 9007199254740992', { n: 9007199254740993n })).toBe(true);
    expect(holds('n < 9007199254740993', { n: '9007199254740992' })).toBe(true);
    expect(holds('n < 9007199254740993', { n: '9007199254740993' })).toBe(false);
  });

  it.each<[FieldValue, string]>([
    ['success', "'n' is 'success'; '<' needs numbers on both sides"],
    [null, "'n' is null; '<' needs numbers on both sides"],
    [['1'], "'n' is a list; '<' needs numbers on both sides"],
    [true, "'n' is 'true'; '<' needs numbers on both sides"],
    ['12abc', "'n' is '12abc'; '<' needs numbers on both sides"],
  ])('is an error, never false, to order %j', (value, message) => {
    expect(failure('n < 5', { n: value })).toBe(message);
  });

  it('is an error when the literal is not a number', () => {
    expect(failure("n < 'five'", { n: 4 })).toBe(
      "'n' is '4' but compared with 'five'; '<' needs numbers on both sides",
    );
  });
});

describe('expect: equality', () => {
  it.each<[string, FieldValue, boolean]>([
    ['n == 1', 1, true],
    ['n == 1', 0, false],
    ['n == 1', 2, false],
    ['n == 1', '1', true],
    ['n == 1', '1.00', true],
    ['n == 1', '01', true],
    ['n != 1', 1, false],
    ['n != 1', 2, true],
    ['n == 0', null, false],
    ['n != 0', null, true],
    ['n == null', null, true],
    ['n != null', null, false],
    ['n == null', 0, false],
    ['n == null', '', false],
    ['n == true', true, true],
    ['n == true', 'true', true],
    ['n == false', true, false],
    ['n == 1', true, false],
    ['n == ""', '', true],
    ['n == ""', ' ', false],
  ])('%s with %j is %s', (text, n, result) => {
    expect(holds(text, { n })).toBe(result);
  });

  it('compares quoted strings by their exact text', () => {
    expect(holds("conclusion == 'success'", { conclusion: 'success' })).toBe(true);
    expect(holds("conclusion == 'success'", { conclusion: 'Success' })).toBe(false);
    expect(holds("conclusion == 'success'", { conclusion: 'success ' })).toBe(false);
    expect(holds('conclusion == "success"', { conclusion: 'success' })).toBe(true);
    expect(holds("conclusion != 'failure'", { conclusion: 'failure' })).toBe(false);
    expect(holds("conclusion != 'failure'", { conclusion: 'success' })).toBe(true);
    expect(holds('title == "it\'s done"', { title: "it's done" })).toBe(true);
    expect(holds("title == 'a and b'", { title: 'a and b' })).toBe(true);
    expect(holds("title == 'a and b'", { title: "title == 'a and b'" })).toBe(false);
  });

  it('reads a bareword as text', () => {
    expect(holds('conclusion == success', { conclusion: 'success' })).toBe(true);
    expect(holds('conclusion == success', { conclusion: 'failure' })).toBe(false);
    expect(holds('image == nginx:1.25', { image: 'nginx:1.25' })).toBe(true);
    expect(holds('branch == release/v2', { branch: 'release/v2' })).toBe(true);
  });

  it('compares lists item by item', () => {
    expect(holds('failed_tests == []', { failed_tests: [] })).toBe(true);
    expect(holds('failed_tests == []', { failed_tests: ['TestA'] })).toBe(false);
    expect(holds('names == [a, b]', { names: ['a', 'b'] })).toBe(true);
    expect(holds('names == [a, b]', { names: ['b', 'a'] })).toBe(false);
    expect(holds('names == [a]', { names: ['a', 'b'] })).toBe(false);
    expect(holds("names == 'a,b'", { names: ['a', 'b'] })).toBe(false);
    expect(holds("names == ''", { names: [] })).toBe(false);
  });
});

describe('expect: in, contains, matches', () => {
  it.each<[string, FieldValue, boolean]>([
    ['status in [401, 403]', 401, true],
    ['status in [401, 403]', 403, true],
    ['status in [401, 403]', 402, false],
    ['status in [401, 403]', '403', true],
    ['status in []', 401, false],
    ['status in [success, failure]', 'failure', true],
    ['status in [success, failure]', 'fail', false],
    ['status in [null, 0]', null, true],
  ])('%s with %j is %s', (text, status, result) => {
    expect(holds(text, { status })).toBe(result);
  });

  it('finds an item in a list, never a substring of an item', () => {
    expect(holds("names contains 'web'", { names: ['web-canary'] })).toBe(false);
    expect(holds("names contains 'web'", { names: ['api', 'web'] })).toBe(true);
    expect(holds('names contains web', { names: [] })).toBe(false);
    expect(holds('names contains 1', { names: ['1'] })).toBe(true);
    expect(holds("not names contains 'web'", { names: ['web-canary'] })).toBe(true);
  });

  it('finds a substring in text', () => {
    expect(holds("body contains 'ok'", { body: 'all ok' })).toBe(true);
    expect(holds("body contains 'OK'", { body: 'all ok' })).toBe(false);
    expect(holds("body contains ''", { body: 'x' })).toBe(true);
    expect(holds('body contains 42', { body: 'answer 42' })).toBe(true);
  });

  it('finds a key in a map, not a substring of its JSON', () => {
    const headers = { 'content-type': 'text/html', server: 'nginx' };
    expect(holds("headers contains 'server'", { headers })).toBe(true);
    expect(holds("headers contains 'nginx'", { headers })).toBe(false);
    expect(holds("headers contains 'type'", { headers })).toBe(false);
  });

  it('finds nothing in null', () => {
    expect(holds("body contains 'ul'", { body: null })).toBe(false);
    expect(holds('body matches /null/', { body: null })).toBe(false);
    expect(holds('body contains null', { body: 'null' })).toBe(false);
  });

  it('matches anywhere in text, with the flags written', () => {
    expect(holds('body matches /ok|fine/', { body: 'all fine' })).toBe(true);
    expect(holds('body matches /ok|fine/', { body: 'All OK' })).toBe(false);
    expect(holds('body matches /ok|fine/i', { body: 'All OK' })).toBe(true);
    expect(holds('body matches /^ok$/', { body: 'ok' })).toBe(true);
    expect(holds('body matches /^ok$/', { body: 'ok\n' })).toBe(false);
    expect(holds('body matches /^ok$/m', { body: 'x\nok\ny' })).toBe(true);
    expect(holds('body matches /a.b/', { body: 'a\nb' })).toBe(false);
    expect(holds('body matches /a.b/s', { body: 'a\nb' })).toBe(true);
    expect(holds("body matches 'v[0-9]+'", { body: 'v12' })).toBe(true);
    expect(holds("body matches 'v[0-9]+'", { body: 'vx' })).toBe(false);
    expect(holds('n matches /^4\\d\\d$/', { n: 404 })).toBe(true);
  });

  it('matches a list when one item matches', () => {
    expect(holds('failed_tests matches /^TestLogin/', { failed_tests: ['TestA', 'TestLogin_ok'] })).toBe(
      true,
    );
    expect(holds('failed_tests matches /^TestLogin$/', { failed_tests: ['TestA', 'TestLogin_ok'] })).toBe(
      false,
    );
    expect(holds('failed_tests matches /x/', { failed_tests: [] })).toBe(false);
  });

  it('matches a catastrophic pattern on 100 kB in linear time', () => {
    const value = 'a'.repeat(100_000);
    expect(holds('v matches /(a+)+$/', { v: `${value}!` })).toBe(false);
    expect(holds('v matches /^(a|aa)*b$/', { v: value })).toBe(false);
    expect(holds('v matches /^(a|aa)*$/', { v: value })).toBe(true);
  });
});

const TRUTHINESS: [FieldValue, boolean][] = [
  [0, false],
  [1, true],
  [-1, true],
  [Number.NaN, false],
  [0n, false],
  [2n, true],
  ['0', false],
  ['0.00', false],
  ['-0', false],
  ['1', true],
  ['0.01', true],
  ['false', false],
  ['False', true],
  ['true', true],
  ['', false],
  [' ', true],
  ['no', true],
  [[], false],
  [['x'], true],
  [null, false],
  [false, false],
  [true, true],
  [{}, true],
];

describe('expect: truthiness', () => {
  it.each(
    TRUTHINESS.map(
      ([value, result]) =>
        [typeof value === 'bigint' ? `${value}n` : JSON.stringify(value), value, result] as const,
    ),
  )('%s is %s', (_label, value, result) => {
    expect(isTruthy(value)).toBe(result);
    expect(holds('ready', { ready: value })).toBe(result);
    expect(holds('not ready', { ready: value })).toBe(!result);
  });
});

describe('expect: and, or, not', () => {
  it.each([
    ['a and b', 1, 1, true],
    ['a and b', 1, 0, false],
    ['a and b', 0, 1, false],
    ['a or b', 0, 0, false],
    ['a or b', 0, 1, true],
    ['a or b', 1, 0, true],
    ['not a and b', 0, 1, true],
    ['not (a and b)', 1, 1, false],
    ['not not a', 1, 0, true],
  ])('%s with a=%d b=%d is %s', (text, a, b, result) => {
    expect(holds(text, { a, b })).toBe(result);
  });

  it('binds "and" tighter than "or" across long chains', () => {
    expect(holds('a == 1 or b == 1 and c == 1', { a: 1, b: 0, c: 0 })).toBe(true);
    expect(holds('a == 1 and b == 1 or c == 1', { a: 0, b: 1, c: 1 })).toBe(true);
    expect(holds('a == 1 and b == 1 or c == 1', { a: 1, b: 0, c: 0 })).toBe(false);
    expect(holds('a == 1 or b == 1 or c == 1 or d == 1', { a: 0, b: 0, c: 0, d: 1 })).toBe(true);
    expect(holds('a == 1 and b == 1 and c == 1 and d == 1', { a: 1, b: 1, c: 1, d: 0 })).toBe(false);
  });
});

describe('expect: fields that are not there (a typo can never give Go)', () => {
  it('is an error when the probe did not report the field, with or without ??', () => {
    expect(failure('stuck == 0', { stuk: 0 })).toBe("the probe reported no field 'stuck'");
    expect(failure('stuck ?? 0 == 0', { stuk: 0 })).toBe("the probe reported no field 'stuck'");
    expect(failure('(stuck ?? 0) <= 0', { stuk: 0 })).toBe("the probe reported no field 'stuck'");
    expect(failure('stuck ?? 0', { stuk: 1 })).toBe("the probe reported no field 'stuck'");
  });

  it('is an error even in a branch that "or" or "and" would not evaluate', () => {
    expect(failure('ready or stuk == 0', { ready: true, stuck: 0 })).toBe(
      "the probe reported no field 'stuk'",
    );
    expect(failure('not ready and stuk == 0', { ready: true, stuck: 0 })).toBe(
      "the probe reported no field 'stuk'",
    );
  });

  it('is an error for a baseline or delta of a field this run does not report', () => {
    expect(failure('baseline.stuk ?? 0 == 0', { stuck: 0 })).toBe("the probe reported no field 'stuk'");
    expect(failure('delta.stuk ?? 0 <= 0', { stuck: 0 })).toBe("the probe reported no field 'stuk'");
  });

  it('uses ?? for null (a query that found no row)', () => {
    expect(holds('stuck ?? 0 == 0', { stuck: null })).toBe(true);
    expect(holds('stuck ?? 1 == 0', { stuck: null })).toBe(false);
    expect(holds('stuck ?? 0 == 0', { stuck: 2 })).toBe(false);
    expect(holds('stuck ?? 0 == 0', { stuck: 0 })).toBe(true);
    expect(holds('stuck == null', { stuck: null })).toBe(true);
    expect(holds('stuck ?? null == null', { stuck: null })).toBe(true);
  });

  it('uses ?? for a baseline without the value', () => {
    expect(holds('baseline.failed ?? 0 == 0', { failed: 3 })).toBe(true);
    expect(holds('failed <= baseline.failed ?? 0', { failed: 3 })).toBe(false);
    expect(holds('failed <= baseline.failed ?? 3', { failed: 3 })).toBe(true);
    expect(holds('baseline.failed ?? 5 == 5', { failed: 3, 'baseline.failed': null })).toBe(true);
    expect(holds('baseline.failed ?? 0 == 0', { failed: 3, 'baseline.failed': 2 })).toBe(false);
    expect(holds('delta.failed ?? 0 <= 0', { failed: 3 })).toBe(true);
    expect(holds('delta.failed ?? 0 <= 0', { failed: 3, 'delta.failed': '1' })).toBe(false);
  });

  it('is an error for a baseline without the value and without ??', () => {
    expect(failure('baseline.failed == 0', { failed: 3 })).toBe(
      "'baseline.failed' has no value: there is no baseline, or it lacks that field (write 'baseline.failed ?? 0' for a default)",
    );
  });

  it('is an error, not the fallback, for a delta of values that are not numbers', () => {
    expect(failure('delta.state ?? 0 == 0', { state: 'up', 'baseline.state': 'down' })).toBe(
      "'delta.state' has no value: 'state' is not a number in this run or in the baseline",
    );
  });

  it('uses ?? for an absent entry of a reported map, and errors without it', () => {
    const headers = { server: 'nginx' };
    expect(holds("headers.x-cache ?? 'MISS' == 'MISS'", { headers })).toBe(true);
    expect(holds("headers.server ?? 'none' == 'nginx'", { headers })).toBe(true);
    expect(failure("headers.x-cache == 'HIT'", { headers })).toBe(
      "'headers' has no entry 'x-cache' (write 'headers.x-cache ?? ''' for a default)",
    );
    expect(failure("header.server ?? '' == 'nginx'", { headers })).toBe(
      "the probe reported no field 'header.server'",
    );
  });

  it('reads baseline.x and delta.x on the right side as fields, not as text', () => {
    expect(holds('failed <= baseline.failed', { failed: 3, 'baseline.failed': 3 })).toBe(true);
    expect(holds('failed <= baseline.failed', { failed: 4, 'baseline.failed': 3 })).toBe(false);
    expect(holds('failed < baseline.failed', { failed: 3, 'baseline.failed': 3 })).toBe(false);
    expect(holds('status != baseline.status', { status: 'up', 'baseline.status': 'up' })).toBe(false);
    expect(holds('status == baseline.status', { status: 'up', 'baseline.status': 'up' })).toBe(true);
    expect(failure('failed <= baseline.failed', { failed: 3 })).toContain("'baseline.failed' has no value");
    expect(failure('failed <= baseline.faild ?? 0', { failed: 3 })).toBe(
      "the probe reported no field 'faild'",
    );
  });

  it('evaluates a parenthesised operand like the bare one', () => {
    expect(holds('(pending ?? 0) <= 0', { pending: null })).toBe(true);
    expect(holds('(pending ?? 0) <= 0', { pending: 1 })).toBe(false);
    expect(holds('((pending)) == 3', { pending: 3 })).toBe(true);
    expect(holds('not (pending ?? 0) > 0', { pending: null })).toBe(true);
    expect(holds('(pending ?? 0)', { pending: null })).toBe(false);
  });
});
