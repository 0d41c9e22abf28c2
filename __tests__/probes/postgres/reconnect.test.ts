// The postgres probe reusing and replacing pooled connections against a real PostgreSQL: many
// checks on few connections, and what happens when the server or the network ends a connection.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';
import { openPool, probeCall, probeEnvironment } from './helpers.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.cleanup();
});

/**
 * A TCP hop in front of the server that can go silent: sever() ends every server side while the
 * probe's side stays open, so the probe learns a connection is gone only when it next sends
 * (a NAT or load balancer that dropped an idle flow, a failover behind a proxy).
 */
async function silentHop(port: number): Promise<{ port: number; sever(): void; server: Server }> {
  const pairs: { client: Socket; upstream: Socket; severed: boolean }[] = [];
  const server = createServer((client) => {
    const upstream = connect({ host: '127.0.0.1', port });
    const pair = { client, upstream, severed: false };
    pairs.push(pair);
    client.on('data', (chunk) => (pair.severed ? client.destroy() : upstream.write(chunk)));
    upstream.on('data', (chunk) => pair.severed || client.write(chunk));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => pair.severed || client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    server,
    sever(): void {
      for (const pair of pairs) {
        pair.severed = true;
        pair.upstream.destroy();
      }
    },
  };
}

describe('postgres pool: reuse and reconnect', () => {
  it('runs 200 concurrent checks on at most `concurrency` connections without interleaving transactions', async () => {
    const own = await openPool(probeEnvironment(db.url), 8);
    try {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          own.run(
            probeCall('select pg_backend_pid() as pid, $1::int as i, current_setting($2) as ro', [
              i,
              'transaction_read_only',
            ]),
          ),
        ),
      );
      expect(new Set(results.map((fields) => fields.pid)).size).toBeLessThanOrEqual(8);
      expect(results.map((fields) => fields.i)).toEqual(Array.from({ length: 200 }, (_, i) => i));
      expect(results.every((fields) => fields.ro === 'on')).toBe(true);
      const connections = await db.query(
        "select count(*) as n from pg_stat_activity where datname = current_database() and application_name = 'regression-gate'",
      );
      expect(Number(connections.rows[0]!.n)).toBeLessThanOrEqual(8);
    } finally {
      await own.close();
    }
  });

  it('reconnects after the server ends its backend', async () => {
    const own = await openPool(probeEnvironment(db.url), 8);
    try {
      const before = (await own.run(probeCall('select pg_backend_pid() as pid'))).pid;
      await db.query('select pg_terminate_backend($1)', [before]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const after = await own.run(probeCall('select pg_backend_pid() as pid'));
      expect(after.pid).not.toBe(before);
      expect(after.rows).toBe(1);
    } finally {
      await own.close();
    }
  });

  it('when the server ends every idle connection at once (a restart), the next checks still run', async () => {
    const own = await openPool(probeEnvironment(db.url), 3);
    try {
      const slow = Array.from({ length: 3 }, () =>
        own.run(probeCall('select pg_backend_pid() as pid, pg_sleep(0.2)')),
      );
      const before = new Set((await Promise.all(slow)).map((fields) => fields.pid));
      expect(before.size).toBe(3);
      // No pause: the next checks may find a connection whose end pg has not noticed yet.
      await db.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'regression-gate'",
      );
      const after = await Promise.all(
        Array.from({ length: 3 }, () => own.run(probeCall('select pg_backend_pid() as pid'))),
      );
      for (const fields of after) expect(before.has(fields.pid)).toBe(false);
    } finally {
      await own.close();
    }
  });

  it('closes its connection on close()', async () => {
    const own = await openPool(probeEnvironment(db.url), 8);
    const pid = (await own.run(probeCall('select pg_backend_pid() as pid'))).pid;
    await own.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const left = await db.query('select count(*) as n from pg_stat_activity where pid = $1', [pid]);
    expect(left.rows[0]!.n).toBe('0');
  });
});

describe('postgres pool: a connection that died silently', () => {
  it('is found at BEGIN, before anything of the check ran, and the check runs on a fresh one', async () => {
    const url = new URL(db.url);
    const hop = await silentHop(Number(url.port));
    url.port = String(hop.port);
    const environment = probeEnvironment(url.toString());
    const own = await openPool(environment, 2);
    try {
      const first = await Promise.all(
        [1, 2].map(() => own.run(probeCall('select pg_backend_pid() as pid, pg_sleep(0.1)'))),
      );
      hop.sever();
      const after = await Promise.all(
        [1, 2].map(() => own.run(probeCall('select pg_backend_pid() as pid, 1 as ok'))),
      );
      expect(after.map((fields) => fields.ok)).toEqual([1, 1]);
      for (const fields of after) expect(first.map((earlier) => earlier.pid)).not.toContain(fields.pid);
      expect(environment.debugLines.filter((line) => / was gone .*; reconnecting$/.test(line))).toHaveLength(
        2,
      );
    } finally {
      await own.close();
      hop.server.close();
    }
  });
});
