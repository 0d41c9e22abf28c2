// A bounded pool of pg connections to one PostgreSQL source: at most `size` connections exist at
// once (open, being opened, or busy with a check), opened only when a check finds none idle, and
// every one of them ended by close(). Waiting checks are served in arrival order and stop waiting
// when their own signal aborts. Not pg.Pool: see docs/postgres.md ("Connections").
import type pg from 'pg';
import { ProbeError } from '../probe.js';
import { destroyConnection, endConnection } from './connection.js';

/** What a check asking for a connection brings. */
export interface ConnectionWanted {
  signal: AbortSignal;
  /** Opens a new connection for this check (its timeout, its abort message). */
  open(): Promise<pg.Client>;
  /** The error when the signal aborts while every connection is in use. */
  waitError(): ProbeError;
  /** Skip idle connections: a reused one was just found dead, so probably the rest are too. */
  fresh?: boolean;
}

/** A place in the queue: either a connection handed over, or a free slot to open one in. */
type Grant = { client: pg.Client } | { slot: true };

interface Waiter {
  grant(grant: Grant): void;
  fail(error: ProbeError): void;
}

/** Counts for logs, tests and benchmarks. */
export interface PoolStats {
  /** Connections open now (idle or busy). */
  open: number;
  /** Most connections open at once. */
  peak: number;
  /** Connections opened over the pool's life. */
  opened: number;
}

export class ConnectionPool {
  private readonly idle: pg.Client[] = [];
  private readonly busy = new Set<pg.Client>();
  /** Busy connections the server or the network ended; dropped when their check lets go. */
  private readonly lost = new WeakSet<pg.Client>();
  private readonly waiters: Waiter[] = [];
  /** Slots reserved by checks that are opening a connection. */
  private opening = 0;
  private closed = false;
  private peak = 0;
  private opened = 0;

  constructor(readonly size: number) {}

  get stats(): PoolStats {
    return { open: this.idle.length + this.busy.size, peak: this.peak, opened: this.opened };
  }

  /** Busy connections (a check is running on them); close() cancels their statements first. */
  get inUse(): readonly pg.Client[] {
    return [...this.busy];
  }

  /** A connection for one check, which must give it back with release() or discard(). */
  async acquire(wanted: ConnectionWanted): Promise<pg.Client> {
    if (this.closed) throw closedError();
    if (wanted.signal.aborted) throw wanted.waitError();
    if (wanted.fresh && this.taken() >= this.size) this.dropIdle();
    const reused = wanted.fresh ? undefined : this.idle.pop();
    if (reused) {
      this.busy.add(reused);
      return reused;
    }
    if (this.taken() < this.size && this.waiters.length === 0) {
      this.opening++;
      return this.openInSlot(wanted);
    }
    const grant = await this.wait(wanted);
    return 'client' in grant ? grant.client : this.openInSlot(wanted);
  }

  /** Gives back a connection whose check ended cleanly; it may serve the next check. */
  release(client: pg.Client): void {
    if (!this.busy.delete(client)) return;
    if (this.closed || this.lost.has(client)) {
      destroyConnection(client);
    } else {
      this.idle.push(client);
    }
    this.serveWaiters();
  }

  /** Ends a connection that must not serve another check (lost, cancelled, state unknown). */
  discard(client: pg.Client): void {
    if (!this.busy.delete(client)) return;
    destroyConnection(client);
    this.serveWaiters();
  }

  /** Ends every connection: idle ones politely, busy ones too (their checks are abandoned). */
  async close(graceMs: number): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.fail(closedError());
    const all = [...this.idle.splice(0), ...this.busy];
    this.busy.clear();
    await Promise.all(all.map((client) => endConnection(client, graceMs)));
  }

  /** Connections that exist or are being opened. */
  private taken(): number {
    return this.idle.length + this.busy.size + this.opening;
  }

  private dropIdle(): void {
    const client = this.idle.shift();
    if (client) destroyConnection(client);
  }

  /** Opens a connection in a slot already counted in `opening`. */
  private async openInSlot(wanted: ConnectionWanted): Promise<pg.Client> {
    let client: pg.Client;
    try {
      client = await wanted.open();
    } catch (error) {
      this.opening--;
      this.serveWaiters();
      throw error;
    }
    this.opening--;
    if (this.closed) {
      destroyConnection(client);
      throw closedError();
    }
    this.watch(client);
    this.busy.add(client);
    this.opened++;
    this.peak = Math.max(this.peak, this.idle.length + this.busy.size);
    return client;
  }

  /** Drops a connection the server or network ends while idle; marks it lost while busy. */
  private watch(client: pg.Client): void {
    const gone = (): void => {
      const index = this.idle.indexOf(client);
      if (index >= 0) {
        this.idle.splice(index, 1);
        destroyConnection(client);
        this.serveWaiters();
      } else if (this.busy.has(client)) {
        this.lost.add(client);
      }
    };
    client.on('error', gone);
    client.on('end', gone);
  }

  private wait(wanted: ConnectionWanted): Promise<Grant> {
    return new Promise<Grant>((resolve, reject) => {
      const abort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(wanted.waitError());
      };
      const waiter: Waiter = {
        grant: (grant) => {
          wanted.signal.removeEventListener('abort', abort);
          resolve(grant);
        },
        fail: (error) => {
          wanted.signal.removeEventListener('abort', abort);
          reject(error);
        },
      };
      wanted.signal.addEventListener('abort', abort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Hands idle connections and free slots to waiting checks, first come first served. */
  private serveWaiters(): void {
    while (this.waiters.length > 0) {
      const client = this.idle.pop();
      if (client) {
        this.busy.add(client);
        this.waiters.shift()!.grant({ client });
      } else if (this.taken() < this.size) {
        this.opening++;
        this.waiters.shift()!.grant({ slot: true });
      } else {
        return;
      }
    }
  }
}

function closedError(): ProbeError {
  return new ProbeError('the gate ended before a PostgreSQL connection was free for this check');
}
