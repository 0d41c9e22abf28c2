// Stops a statement on the server the way psql's Ctrl-C does: a CancelRequest on a separate
// connection, naming the backend by its process id and secret key. The server accepts it only
// with both, so it can only ever stop the backend of the connection it was read from.
import { connect as netConnect } from 'node:net';
import type pg from 'pg';
import type { Target } from './target.js';

/** How long a cancel request may take to be delivered before its socket is dropped. */
export const CANCEL_GRACE_MS = 3_000;
const CANCEL_REQUEST_CODE = 80877102;

/** The backend key pg keeps after login; not in pg's typings. */
interface BackendKey {
  processID: number | null;
  secretKey: number | null;
}

/** The server's process id for this connection, or undefined before login. */
export function backendPid(client: pg.Client): number | undefined {
  return (client as unknown as BackendKey).processID ?? undefined;
}

/** Asks the server to cancel whatever `client`'s own backend is running; never throws. */
export function sendCancel(target: Target, client: pg.Client): void {
  const key = client as unknown as BackendKey;
  if (key.processID === null || key.secretKey === null) return;
  const message = Buffer.alloc(16);
  message.writeInt32BE(16, 0);
  message.writeInt32BE(CANCEL_REQUEST_CODE, 4);
  message.writeInt32BE(key.processID, 8);
  message.writeInt32BE(key.secretKey, 12);
  const socket = target.host.startsWith('/')
    ? netConnect({ path: `${target.host}/.s.PGSQL.${target.port}` })
    : netConnect({ host: target.host, port: target.port });
  socket.setTimeout(CANCEL_GRACE_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('connect', () => socket.end(message));
}
