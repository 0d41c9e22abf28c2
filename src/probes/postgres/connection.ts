// Opens one pg connection to a target with libpq's sslmode semantics: the TLS settings are tried
// in order (prefer: TLS, then plaintext) and the one that worked is reused for later connections.
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import { ProbeError } from '../probe.js';
import { untilAborted } from './abort.js';
import { asDriverError, connectError } from './errors.js';
import type { Target } from './target.js';

/** What one connection attempt needs from the check that asked for it. */
export interface ConnectRequest {
  signal: AbortSignal;
  /** The check's timeout, also the login timeout. */
  timeoutMs: number;
  /** The error when the signal aborts before the server let us in. */
  onAbort: () => ProbeError;
}

/** Opens connections to one target. */
export class Connector {
  /** The TLS attempt that worked, reused for every later connection. */
  private workingAttempt: ConnectionOptions | false | undefined;

  constructor(
    private readonly target: Target,
    private readonly debug: (message: string) => void,
  ) {}

  async open(request: ConnectRequest): Promise<pg.Client> {
    const { target } = this;
    const attempts = this.workingAttempt === undefined ? target.attempts : [this.workingAttempt];
    let lastError: unknown;
    for (const ssl of attempts) {
      const client = new pg.Client({
        connectionString: target.connectionString,
        ssl,
        application_name: 'regression-gate',
        connectionTimeoutMillis: Math.max(1, Math.round(request.timeoutMs)),
        keepAlive: true,
      });
      // Without a listener an error on an idle connection (the server ended the session) would
      // crash the process; the pool adds its own listener to drop the connection.
      client.on('error', (error: Error) => {
        this.debug(`postgres: connection error: ${error.message}`);
      });
      try {
        await untilAborted(client.connect(), request.signal, () => {
          destroyConnection(client);
          return request.onAbort();
        });
        this.workingAttempt = ssl;
        return client;
      } catch (error) {
        destroyConnection(client);
        if (error instanceof ProbeError) throw error;
        lastError = error;
        const driverError = asDriverError(error);
        // Only the TLS-or-not negotiation falls through to the next attempt (prefer / allow).
        const negotiation =
          /does not support SSL/i.test(driverError.message) ||
          (driverError.code === '28000' && /no encryption/i.test(driverError.message));
        if (!negotiation) break;
      }
    }
    throw connectError(asDriverError(lastError), target.label, request.timeoutMs);
  }
}

/** Ends a connection at once, even one whose peer stopped answering. */
export function destroyConnection(client: pg.Client): void {
  const connection = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection;
  connection?.stream?.destroy();
}

/** Ends a connection politely (Terminate), or at once when the server does not answer in `graceMs`. */
export async function endConnection(client: pg.Client, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ended = client.end().catch(() => undefined);
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
  await Promise.race([ended, late]);
  clearTimeout(timer);
  destroyConnection(client);
}
