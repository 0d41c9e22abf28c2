// Redaction at its edges, each a way a secret or a report could come out wrong: the kill set for
// mutation testing of src/report/redact.ts and secret-forms.ts (redact.test.ts covers the family).
import { describe, expect, it } from 'vitest';
import { jsonReplacer, MIN_SECRET_LENGTH, Redactor } from '../../src/report/redact.js';
import { encodedForms } from '../../src/report/secret-forms.js';

function redactorWith(...secrets: (string | undefined)[]): Redactor {
  const redactor = new Redactor();
  for (const secret of secrets) redactor.add(secret);
  return redactor;
}

describe('Redactor.add', () => {
  it('ignores an unset or empty secret and one under the minimum, and says so by adding no forms', () => {
    const redactor = new Redactor();
    expect(redactor.add(undefined)).toEqual([]);
    expect(redactor.add('')).toEqual([]);
    expect(redactor.add('x'.repeat(MIN_SECRET_LENGTH - 1))).toEqual([]);
    expect(redactor.redact('xxx and nothing')).toBe('xxx and nothing');
    expect(MIN_SECRET_LENGTH).toBe(4);
  });

  it('returns only the forms no earlier secret brought', () => {
    const redactor = new Redactor();
    expect(redactor.add('abcd')).toEqual(['abcd']);
    // Registered again under another name, or a secret whose only form is already known: nothing new.
    expect(redactor.add('abcd')).toEqual([]);
    expect(redactor.add('a b*')).toEqual(['a b&#42;', 'a%20b*', 'a b\\*', 'a b*', 'a+b*']);
  });

  it('masks a secret that contains another whole, in every order and position', () => {
    const redactor = redactorWith('abcd', 'xxabcdyy');
    expect(redactor.redact('xxabcdyy abcd xxabcd')).toBe('*** *** xx***');
    expect(redactorWith('xxabcdyy', 'abcd').redact('xxabcdyy')).toBe('***');
  });

  it('masks a secret whole when another secret is its beginning, whichever was registered first', () => {
    // The alternation tries its branches in order at each position: the short one first would leave 'efgh'.
    expect(redactorWith('abcd', 'abcdefgh').redact('key=abcdefgh;')).toBe('key=***;');
    expect(redactorWith('abcdefgh', 'abcd').redact('key=abcdefgh;')).toBe('key=***;');
    expect(redactorWith('abcd', 'abcdefgh', 'abcdef').redact('abcdefgh abcdef abcd')).toBe('*** *** ***');
  });

  it('returns no form an earlier secret already brought (add-mask gets each once)', () => {
    const redactor = new Redactor();
    redactor.add('a"bcd');
    // The JSON form of the first secret is the second secret as written.
    const added = redactor.add('a\\"bcd');
    expect(added).not.toContain('a\\"bcd');
    expect(added).toContain('a&#92;&#34;bcd');
  });

  it('masks regex metacharacters literally', () => {
    const redactor = redactorWith('a.b*c+d?(e)[f]{g}|h^$\\/');
    expect(redactor.redact('x a.b*c+d?(e)[f]{g}|h^$\\/ y')).toBe('x *** y');
    expect(redactor.redact('aXb*c+d?(e)[f]{g}|h^$\\/')).toBe('aXb*c+d?(e)[f]{g}|h^$\\/');
  });

  it('masks a URL password nobody registered only in a URL', () => {
    const redactor = new Redactor();
    expect(redactor.redact('https://user:pw-1@host/x and mailto:user:pw@host')).toBe(
      'https://user:***@host/x and mailto:user:pw@host',
    );
    expect(redactor.redact('HTTPS://u:p@h')).toBe('HTTPS://u:***@h');
  });
});

describe('Redactor.redactValue', () => {
  it('masks a number or bigint that is a registered secret, nothing else', () => {
    const redactor = redactorWith('12345678');
    expect(
      redactor.redactValue({ a: 12345678, b: 12345678n, c: 1234567, d: true, e: undefined, f: null }),
    ).toEqual({
      a: '***',
      b: '***',
      c: 1234567,
      d: true,
      e: undefined,
      f: null,
    });
  });

  it('copies an object referenced twice in full each time; a cycle becomes *** instead of hanging', () => {
    const shared = { n: 'abcd-secret x' };
    const redactor = redactorWith('abcd-secret');
    expect(redactor.redactValue({ one: shared, two: shared, list: [shared, shared] })).toEqual({
      one: { n: '*** x' },
      two: { n: '*** x' },
      list: [{ n: '*** x' }, { n: '*** x' }],
    });
    const cyclic: Record<string, unknown> = { name: 'root' };
    cyclic.self = cyclic;
    expect(redactor.redactValue(cyclic)).toEqual({ name: 'root', self: '***' });
  });

  it('returns a copy, leaving the input as it was', () => {
    const input = { text: 'abcd-secret', list: ['abcd-secret'] };
    const out = redactorWith('abcd-secret').redactValue(input);
    expect(out).toEqual({ text: '***', list: ['***'] });
    expect(input).toEqual({ text: 'abcd-secret', list: ['abcd-secret'] });
  });
});

describe('jsonReplacer', () => {
  it('writes a bigint as its exact digits and leaves other values alone', () => {
    expect(JSON.stringify({ big: 9007199254740993n, n: 1, s: 'x' }, jsonReplacer)).toBe(
      '{"big":"9007199254740993","n":1,"s":"x"}',
    );
  });
});

describe('Redactor.maskText on JSON', () => {
  it('leaves a JSON token without a secret byte for byte as written', () => {
    const text = '{"name":"caf\\u00e9 \\"q\\"","n":1}';
    expect(redactorWith('abcd-secret').maskText(text, 'json')).toBe(text);
  });

  it('masks a secret written with JSON escapes and re-encodes only that token', () => {
    const redactor = redactorWith('pä"ss');
    expect(redactor.maskText('{"a":"x p\\u00e4\\"ss y","b":"\\u00e9"}', 'json')).toBe(
      '{"a":"x *** y","b":"\\u00e9"}',
    );
  });

  it('masks a secret inside a token written with escapes no encoder of ours makes (\\/, \\u0070)', () => {
    const redactor = redactorWith('pass/word');
    expect(redactor.maskText('{"p":"pass\\/word","q":"\\u0070ass/word x"}', 'json')).toBe(
      '{"p":"***","q":"*** x"}',
    );
  });

  it('masks the text of a token that is not valid JSON, keeping the document parseable', () => {
    const redactor = redactorWith('abcd-secret');
    const masked = redactor.maskText('["abcd-secret \\x"]', 'json');
    expect(masked).toBe('["*** \\\\x"]');
    expect(JSON.parse(masked)).toEqual(['*** \\x']);
  });

  it('masks plain text and Markdown directly', () => {
    const redactor = redactorWith('abcd-secret');
    expect(redactor.maskText('"abcd-secret" abcd\\-secret', 'text')).toBe('"***" ***');
    expect(redactor.maskText('`abcd-secret`', 'markdown')).toBe('`***`');
  });
});

describe('encodedForms', () => {
  it('lists each form once, longest first', () => {
    const forms = encodedForms('a<b c');
    expect([...forms].sort()).toEqual(['a%3Cb%20c', 'a%3Cb+c', 'a&#60;b c', 'a&lt;b c', 'a<b c', 'a\\<b c']);
    expect(forms.map((form) => form.length)).toEqual([9, 9, 8, 7, 6, 5]);
  });

  it('knows the forms of escapers other than ours (JSON, URL, HTML, any Markdown escaper, shell)', () => {
    const forms = encodedForms(`it's é<"&`);
    expect([...forms].sort()).toEqual(
      [
        `it's é<"&`,
        `it's é<\\"&`,
        `it's \\u00e9<\\"&`,
        `it's é<\\\\\\"&`,
        `it\\'s é\\<\\"\\&`,
        `it's%20%C3%A9%3C%22%26`,
        `it's%20%C3%A9%3C%22&`,
        `it's+%C3%A9%3C%22%26`,
        `it's é&lt;"&amp;`,
        `it's é&lt;&quot;&amp;`,
        'it&#39;s é&lt;&quot;&amp;',
        'it&#x27;s é&lt;&quot;&amp;',
        'it&#39;s é&#60;&#34;&#38;',
        `it'\\''s é<"&`,
      ].sort(),
    );
  });

  it('includes the form a log shows: control characters dropped, whitespace runs as one space', () => {
    expect(encodedForms('ab\u0007c\t\n d')).toContain('abc d');
  });

  it('drops forms under the minimum', () => {
    expect(encodedForms('abcd')).toEqual(['abcd']);
    expect(encodedForms('ab\u0007\u0007c')).toEqual(
      ['ab\\u0007\\u0007c', 'ab\\\\u0007\\\\u0007c', 'ab%07%07c', 'ab\u0007\u0007c'].sort(
        (a, b) => b.length - a.length,
      ),
    );
  });
});
