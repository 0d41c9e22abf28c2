// Servers echo credentials without their auth scheme ("invalid token abc") or decode a Basic
// password; the probe must hide those parts too, not only the whole header value.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { httpProbe } from '../../src/probes/http/index.js';
import { httpSpecSchema } from '../../src/probes/http/schema.js';
import { Redactor } from '../../src/report/redact.js';
import { startHttpServer, type TestHttpServer } from './artefacts.js';

let server: TestHttpServer | undefined;
afterEach(() => server?.close());

/** The body the server answered, as every report would show it (after redaction). */
async function shownBody(
  headers: Record<string, string>,
  answer: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<string> {
  server = await startHttpServer(answer);
  const redactor = new Redactor();
  const session = await httpProbe.open({
    sources: { postgres: { statementTimeoutMs: 15_000 }, kubernetes: {}, github: {} },
    env: {},
    workspace: '/',
    addSecret: (value) => redactor.add(value),
    debug: () => {},
  });
  const fields = await session.run({
    spec: httpSpecSchema.parse({ url: `${server.url}/`, headers }),
    extras: {},
    signal: new AbortController().signal,
    timeoutMs: 5_000,
  });
  await session.close();
  return redactor.redact(fields.body as string);
}

const echoCredential = (request: IncomingMessage, response: ServerResponse): void => {
  const value = request.headers.authorization ?? request.headers['proxy-authorization'] ?? '';
  response.end(`rejected credential ${value.replace(/^\S+\s+/, '')}`);
};

describe('http probe: credentials in Authorization headers', () => {
  it('hides a bearer credential a server echoes without its scheme', async () => {
    expect(await shownBody({ Authorization: 'Bearer s3cr3t-bearer-value' }, echoCredential)).toBe(
      'rejected credential ***',
    );
  });

  it('hides a Basic credential, and the password inside it', async () => {
    const basic = `Basic ${Buffer.from('gate:basic-pass-42').toString('base64')}`;
    expect(await shownBody({ 'Proxy-Authorization': basic }, echoCredential)).toBe('rejected credential ***');
    await server?.close();
    expect(
      await shownBody({ Authorization: basic }, (_request, response) =>
        response.end('password basic-pass-42 is wrong'),
      ),
    ).toBe('password *** is wrong');
  });
});
