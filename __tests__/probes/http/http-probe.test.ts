import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeError, type Fields, type ProbeEnvironment } from '../../../src/probes/probe.js';
import { httpProbe } from '../../../src/probes/http/index.js';
import { httpSpecSchema } from '../../../src/probes/http/schema.js';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse, body: string) => void;

const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

function handler(routes: Record<string, Handler>): http.RequestListener {
  return (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
      if (route) route(request, response, body);
      else response.writeHead(404).end('no such route');
    });
  };
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A safeguard: the test run never waits on these servers if a test forgets them.
  server.unref();
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let origin: string;
let otherOrigin: string;
let tlsOrigin: string;
let scratch: string;
const servers: http.Server[] = [];
const secrets: string[] = [];

function environment(): ProbeEnvironment {
  return {
    sources: { postgres: { statementTimeoutMs: 15_000 }, kubernetes: {}, github: {} },
    env: {},
    workspace: '/',
    addSecret: (value) => secrets.push(value),
    debug: () => {},
  };
}

async function probe(
  input: unknown,
  timeoutMs = 5000,
  signal = new AbortController().signal,
): Promise<Fields> {
  const spec = httpSpecSchema.parse(input);
  const session = await httpProbe.open(environment());
  try {
    return await session.run({ spec, extras: {}, signal, timeoutMs });
  } finally {
    await session.close();
  }
}

async function probeError(input: unknown, timeoutMs = 5000, signal?: AbortSignal): Promise<string> {
  const error: unknown = await probe(input, timeoutMs, signal).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProbeError);
  return (error as ProbeError).message;
}

const routes: Record<string, Handler> = {
  '/ok': (_request, response) =>
    response
      .writeHead(200, {
        'Content-Type': 'application/json',
        'X-Request-Id': 'r-1',
        'Set-Cookie': ['session=abc; HttpOnly', 'csrf=def'],
        'X-Auth-Token': 'tok-123',
      })
      .end('{"ok":true}'),
  '/webhook': (request, response, body) => {
    // The S1 webhook: invalid signature 401, first delivery 202, replay 200.
    if (request.headers['x-hub-signature-256'] !== 'sha256=good')
      return void response.writeHead(401).end('bad signature');
    const replay =
      seen.filter(
        (entry) =>
          entry.url === '/webhook' &&
          entry.body === body &&
          entry.headers['x-hub-signature-256'] === 'sha256=good',
      ).length > 1;
    response.writeHead(replay ? 200 : 202).end(replay ? 'duplicate' : 'accepted');
  },
  '/error': (_request, response) => response.writeHead(503).end('down'),
  '/slow': (_request, response) => {
    const timer = setTimeout(() => response.writeHead(200).end('late'), 3000);
    response.on('close', () => clearTimeout(timer));
  },
  '/stall': (_request, response) => {
    response.writeHead(200);
    response.write('partial');
  },
  '/cut': (_request, response) => {
    response.writeHead(200, { 'Content-Length': '1000' });
    response.write('only part', () => response.socket?.destroy());
  },
  '/redirect': (_request, response) => response.writeHead(302, { Location: '/ok' }).end(),
  '/see-other': (_request, response) => response.writeHead(303, { Location: '/echo' }).end(),
  '/echo': (request, response, body) => response.writeHead(200).end(`${request.method} ${body}`),
  '/loop': (_request, response) => response.writeHead(307, { Location: '/loop' }).end(),
  '/elsewhere': (_request, response) =>
    response.writeHead(302, { Location: `http://${otherOrigin}/echo-auth` }).end(),
  '/big': (_request, response) => response.writeHead(200).end(`a${'é'.repeat(100_000)}`),
};

beforeAll(async () => {
  const main = http.createServer(handler(routes));
  const other = http.createServer(
    handler({
      '/echo-auth': (request, response) =>
        response.writeHead(200).end(`auth=${request.headers.authorization ?? 'none'}`),
    }),
  );
  scratch = await mkdtemp(path.join(tmpdir(), 'http-probe-'));
  // A throwaway self-signed certificate for 127.0.0.1, made fresh for every run.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      path.join(scratch, 'key.pem'),
      '-out',
      path.join(scratch, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const tls = https.createServer(
    {
      key: await readFile(path.join(scratch, 'key.pem')),
      cert: await readFile(path.join(scratch, 'cert.pem')),
    },
    handler(routes),
  );
  servers.push(main, other, tls);
  origin = await listen(main);
  otherOrigin = await listen(other);
  tlsOrigin = await listen(tls);
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await rm(scratch, { recursive: true, force: true });
});

describe('http probe spec', () => {
  it('fills defaults and upper-cases the method', () => {
    expect(httpSpecSchema.parse({ url: 'https://example.test/x', method: 'post' })).toEqual({
      url: 'https://example.test/x',
      method: 'POST',
      follow: false,
      insecure: false,
    });
  });

  it('rejects what cannot be sent, saying why', () => {
    const message = (input: unknown): string | undefined =>
      httpSpecSchema.safeParse(input).error?.issues[0]?.message;
    expect(message({ url: 'example.test/x' })).toBe(
      "'example.test/x' is not a URL; write it as https://host/path",
    );
    expect(message({ url: 'ftp://example.test/x' })).toBe("'ftp:' is not supported; use http:// or https://");
    expect(message({ url: 'http://x.test', headers: { 'X-A': 'a\r\nX-B: b' } })).toBe(
      "the value of 'X-A' contains a line break",
    );
    expect(httpSpecSchema.safeParse({ url: 'http://x.test', verify: false }).success).toBe(false);
  });

  it('defaults to status < 400 and says when TLS is not verified', () => {
    const spec = httpSpecSchema.parse({
      url: 'https://user:pw@example.test/h',
      insecure: true,
      follow: true,
    });
    expect(httpProbe.defaultExpect(spec)).toBe('status < 400');
    expect(httpProbe.source?.(spec, {}, environment().sources)).toBe('https://example.test');
    expect(httpProbe.fields(spec)).toEqual(['status', 'body', 'latency_ms', 'headers']);
    expect(httpProbe.describe(spec, {}, environment().sources)).toBe(
      'GET https://example.test/h (follows redirects, TLS not verified)',
    );
  });

  it('reproduces with curl, secret header values as shell variables', () => {
    const spec = httpSpecSchema.parse({
      url: 'https://example.test/api/v1/webhooks/github',
      method: 'POST',
      headers: { Authorization: 'Bearer s3cr3t', 'X-GitHub-Event': 'push' },
      body: '{}',
      insecure: true,
      follow: true,
    });
    const command = httpProbe.reproduce(spec, {}, environment().sources);
    expect(command).toBe(
      `curl -sS -k -L --max-redirs 5 -X POST -H "Authorization: $AUTHORIZATION" -H 'X-GitHub-Event: push' --data-binary '{}' 'https://example.test/api/v1/webhooks/github' -o /dev/null -w '%{http_code}'`,
    );
    expect(command).not.toContain('s3cr3t');
  });
});

describe('http probe against a local server', () => {
  it('measures status, body, latency and lower-case headers with secrets masked', async () => {
    const fields = await probe({ url: `http://${origin}/ok` });
    expect(fields).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect(fields.latency_ms).toEqual(expect.any(Number));
    expect(fields.headers).toMatchObject({
      'content-type': 'application/json',
      'x-request-id': 'r-1',
      'set-cookie': '***',
      'x-auth-token': '***',
    });
    expect(JSON.stringify(fields)).not.toContain('tok-123');
  });

  it('answers the S1 webhook checks: invalid signature 401, first delivery 202, replay 200', async () => {
    const delivery = {
      url: `http://${origin}/webhook`,
      method: 'POST',
      body: `{"delivery":"${Date.now()}"}`,
    };
    expect((await probe({ ...delivery, headers: { 'X-Hub-Signature-256': 'sha256=bad' } })).status).toBe(401);
    expect((await probe({ ...delivery, headers: { 'X-Hub-Signature-256': 'sha256=good' } })).status).toBe(
      202,
    );
    expect((await probe({ ...delivery, headers: { 'X-Hub-Signature-256': 'sha256=good' } })).status).toBe(
      200,
    );
  });

  it('sends method, headers and body, and registers secret header values', async () => {
    await probe({
      url: `http://${origin}/echo`,
      method: 'PUT',
      headers: { Authorization: 'Bearer abc', 'X-Trace': 't1' },
      body: 'payload',
    });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'PUT', body: 'payload' });
    expect(last.headers).toMatchObject({ authorization: 'Bearer abc', 'x-trace': 't1' });
    expect(secrets).toContain('Bearer abc');
    expect(secrets).not.toContain('t1');
    await probe({ url: `http://user:p%40ss@${origin}/echo?access_token=qwerty&page=2` });
    expect(secrets).toEqual(expect.arrayContaining(['p@ss', 'qwerty']));
    expect(secrets).not.toContain('2');
  });

  it('returns error statuses as fields, not errors', async () => {
    expect(await probe({ url: `http://${origin}/error` })).toMatchObject({ status: 503, body: 'down' });
  });

  it('gives up on a slow answer after the per-try timeout', async () => {
    const started = performance.now();
    const message = await probeError({ url: `http://${origin}/slow` }, 300);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(message).toBe(
      `http: no answer from http://${origin}/slow within 300 ms (timeout); raise the check's timeout if it is just slow`,
    );
  });

  it('gives up on a body that stalls after the headers', async () => {
    expect(await probeError({ url: `http://${origin}/stall` }, 300)).toBe(
      `http: no answer from http://${origin}/stall within 300 ms (timeout); raise the check's timeout if it is just slow`,
    );
  });

  it('says so when the server drops the connection mid-body', async () => {
    expect(await probeError({ url: `http://${origin}/cut` })).toBe(
      `http: ${origin} closed the connection (ECONNRESET)`,
    );
  });

  it('stops when the gate aborts the try', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(await probeError({ url: `http://${origin}/slow` }, 10_000, controller.signal)).toMatch(
      /^http: no answer from .* \(timeout\)/,
    );
  });

  it('does not follow a redirect unless follow: true', async () => {
    const fields = await probe({ url: `http://${origin}/redirect` });
    expect(fields).toMatchObject({ status: 302, headers: expect.objectContaining({ location: '/ok' }) });
    expect(await probe({ url: `http://${origin}/redirect`, follow: true })).toMatchObject({
      status: 200,
      body: '{"ok":true}',
    });
  });

  it('turns a POST into a GET on 303, and stops after 5 redirects', async () => {
    expect(
      await probe({ url: `http://${origin}/see-other`, method: 'POST', body: 'x', follow: true }),
    ).toMatchObject({ body: 'GET ' });
    expect(await probeError({ url: `http://${origin}/loop`, follow: true })).toBe(
      `http: more than 5 redirects from http://${origin}/loop; the last went to http://${origin}/loop`,
    );
  });

  it('does not send credentials to another origin on a redirect', async () => {
    const fields = await probe({
      url: `http://${origin}/elsewhere`,
      headers: { Authorization: 'Bearer abc' },
      follow: true,
    });
    expect(fields).toMatchObject({ status: 200, body: 'auth=none' });
  });

  it('keeps the first 64 KiB of the body without a broken last character', async () => {
    const fields = await probe({ url: `http://${origin}/big` });
    const body = fields.body as string;
    expect(Buffer.byteLength(body)).toBe(65_535);
    expect(body.endsWith('é')).toBe(true);
    expect(body).not.toContain('\uFFFD');
  });

  it('refuses a self-signed certificate unless insecure: true', async () => {
    expect(await probeError({ url: `https://${tlsOrigin}/ok` })).toBe(
      `http: TLS certificate of ${tlsOrigin} not accepted (DEPTH_ZERO_SELF_SIGNED_CERT); fix the certificate (or trust its CA) or set insecure: true`,
    );
    expect(await probe({ url: `https://${tlsOrigin}/ok`, insecure: true })).toMatchObject({ status: 200 });
  });

  it('says the connection was refused or the host does not resolve', async () => {
    const closed = http.createServer();
    const where = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    expect(await probeError({ url: `http://${where}/` })).toBe(
      `http: connection refused by ${where}; is the service up and listening there?`,
    );
    expect(await probeError({ url: 'http://no-such-host.invalid/' })).toMatch(
      /^http: cannot resolve host no-such-host\.invalid \(DNS (ENOTFOUND|EAI_AGAIN)\); check the host name and the runner's DNS$/,
    );
  });
});
