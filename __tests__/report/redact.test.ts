import { describe, expect, it } from 'vitest';
import { isSecretVariable, registerKnownSecrets } from '../../src/secrets.js';
import { escapeMarkdown } from '../../src/report/escape.js';
import { Redactor } from '../../src/report/redact.js';
import { CHARACTER_CLASSES, leakForms, secretFamily } from '../hardening/secrets-family.js';

function redactorWith(...secrets: string[]): Redactor {
  const redactor = new Redactor();
  for (const secret of secrets) redactor.add(secret);
  return redactor;
}

describe('Redactor.redactValue (on data, before escaping and serialization)', () => {
  it('removes every secret of the family from strings, keys included, and leaves other types alone', () => {
    for (const { value, what } of secretFamily()) {
      const redactor = redactorWith(value);
      const out = redactor.redactValue({
        text: `a ${value} b`,
        list: [value, 1, true, null],
        [`key ${value}`]: 2n,
      });
      expect(out, what).toEqual({ text: 'a *** b', list: ['***', 1, true, null], 'key ***': 2n });
    }
  });

  it('masks a secret that reached a string already encoded (JSON, URL, Markdown, HTML, shell-quoted)', () => {
    const secret = `p"a\\s's<w>&@_*rd`;
    const redactor = redactorWith(secret);
    const encoded = [
      JSON.stringify(secret).slice(1, -1),
      encodeURIComponent(secret),
      escapeMarkdown(secret),
      secret.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!),
      secret.replaceAll("'", `'\\''`),
    ];
    for (const form of encoded) expect(redactor.redactValue(`[${form}]`), form).toBe('[***]');
  });

  it('serializes to JSON that parses, with numbers and booleans still themselves', () => {
    const redactor = redactorWith('quote"back\\slash', '12345678');
    const value = redactor.redactValue({ body: 'x quote"back\\slash y', n: 3600, ok: true, pin: 12345678 });
    const parsed = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    // A number that is itself a registered secret is hidden; it becomes the string '***'.
    expect(parsed).toEqual({ body: 'x *** y', n: 3600, ok: true, pin: '***' });
  });

  it('masks the longer of two nested secrets whole, whichever was registered first', () => {
    const inner = 'inNer_s3cr*t';
    const outer = `outer[${inner}](x)_tail`;
    for (const order of [
      [inner, outer],
      [outer, inner],
    ]) {
      expect(redactorWith(...order).redactValue(`${outer} and ${inner}`)).toBe('*** and ***');
    }
  });

  it('masks 4 characters and leaves 3 alone (the documented minimum)', () => {
    expect(redactorWith('Q#7~', 'abc').redactValue('Q#7~ abc')).toBe('*** abc');
  });

  it('masks URL passwords nobody registered', () => {
    expect(new Redactor().redactValue('postgres://u:other-secret@db:5432/x')).toBe(
      'postgres://u:***@db:5432/x',
    );
  });
});

describe('Redactor.maskText (the sink, on finished text)', () => {
  it('masks every form of every secret in Markdown and plain text', () => {
    for (const { value, what } of secretFamily()) {
      const redactor = redactorWith(value);
      for (const [form, text] of Object.entries(leakForms(value)))
        expect(redactor.maskText(`| ${text} |`, 'markdown'), `${what}: ${form}`).not.toContain(text);
    }
  });

  it('masks inside JSON string tokens only, so the document still parses', () => {
    const redactor = redactorWith('quote"back\\slash', '36000000');
    const text = JSON.stringify({ a: 'x quote"back\\slash y', n: 36000000, [`k36000000`]: 1 }, null, 2);
    const masked = redactor.maskText(text, 'json');
    expect(JSON.parse(masked)).toEqual({ a: 'x *** y', n: 36000000, 'k***': 1 });
  });

  it('returns the forms to hand to add-mask, each once', () => {
    const redactor = new Redactor();
    const forms = redactor.add('a"b_c d');
    expect(forms).toEqual(expect.arrayContaining(['a"b_c d', 'a\\"b_c d', 'a%22b_c%20d', 'a&quot;b_c d']));
    expect(redactor.add('a"b_c d')).toEqual([]);
  });
});

describe('which environment variables hold secrets', () => {
  it.each([
    'DB_PASS',
    'MYSQL_PWD',
    'STRIPE_KEY',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'SENTRY_DSN',
    'AZURE_STORAGE_CONNECTION_STRING',
    'AWS_SECRET_ACCESS_KEY',
    'SLACK_WEBHOOK_TOKEN',
    'SMTP_PASSWORD',
    'signing_key',
  ])('%s is a secret name', (name) => {
    expect(isSecretVariable(name, 'some-value-1')).toBe(true);
  });

  it.each(['PWD', 'OLDPWD', 'HOME', 'GITHUB_REPOSITORY', 'KEYBOARD_LAYOUT', 'INPUT_CONFIG_TOKEN'])(
    '%s is not',
    (name) => {
      expect(isSecretVariable(name, 'some-value-1')).toBe(false);
    },
  );

  it.each(['3600', 'true', 'FALSE', '30s', '1800000', 'yes'])(
    'a secret-named setting holding %s is a value, not a credential',
    (value) => {
      expect(isSecretVariable('SESSION_TOKEN_TTL', value)).toBe(false);
    },
  );

  it('registers a long number or any other text under a secret name, with every form for add-mask', () => {
    const masked: string[] = [];
    const redactor = new Redactor();
    registerKnownSecrets(
      { DB_PIN_PASS: '123456789', API_KEY: 'k_y*1', SESSION_TOKEN_TTL: '3600' },
      redactor,
      (form) => masked.push(form),
    );
    expect(redactor.redactValue('123456789 k_y*1 k\\_y\\*1 3600')).toBe('*** *** *** 3600');
    expect(masked).toEqual(expect.arrayContaining(['123456789', 'k_y*1', 'k\\_y\\*1']));
    expect(masked).not.toContain('3600');
  });
});

describe('the family itself', () => {
  it('covers every special character of each class', () => {
    const values = secretFamily().map((secret) => secret.value);
    for (const char of Object.values(CHARACTER_CLASSES).join(''))
      expect(
        values.some((value) => value.includes(char)),
        JSON.stringify(char),
      ).toBe(true);
  });
});
