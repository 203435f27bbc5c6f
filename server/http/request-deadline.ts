import type { Server } from 'node:http';

export interface Timeouts {
  /** Until the request's headers are in. Default 10 s. */
  headersMs: number;
  /** Until the whole request (headers and body) is in. Default 30 s. */
  requestMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 30_000 };

/**
 * Node checks headersTimeout and requestTimeout only every connectionsCheckingInterval (30 s, fixed
 * when restify creates the server), so a slow body would hold a connection for up to a minute. Each
 * request here gets its own deadline: a body not fully received by then loses its connection.
 */
export function applyTimeouts(server: Server, timeouts: Timeouts): void {
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  // An idle connection (no bytes either way) is dropped; long enough for the slowest handler (a connection test).
  server.on('connection', (socket) => socket.setTimeout(2 * timeouts.requestMs, () => socket.destroy()));
  server.prependListener('request', (req, res) => {
    // Answered before its body arrived (a refused token, a bad path id): the answer says the connection
    // closes, so a keep-alive client does not send its next request down a socket about to be cut.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept unbound on purpose: the wrapper below calls it with the response as `this`.
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
      if (!req.complete) res.shouldKeepAlive = false;
      return writeHead.apply(this, args);
    } as typeof res.writeHead;
    // ...and the rest of the body is not waited for.
    res.once('finish', () => {
      if (!req.complete) req.socket.destroy();
    });
    const timer = setTimeout(() => {
      if (!req.complete) req.socket.destroy();
    }, timeouts.requestMs);
    timer.unref();
    // Not on 'close': that comes with the answer, and an answer sent early (a 401) must not keep a dribbling body alive.
    req.once('end', () => clearTimeout(timer));
  });
}
