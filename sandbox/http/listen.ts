import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  server: http.Server;
  host: string;
  port: number;
  close: () => Promise<void>;
}

/** Starts an HTTP server on host:port (port 0 picks a free one) and resolves once it listens. */
export function listen(handler: http.RequestListener, host = '127.0.0.1', port = 0): Promise<Listening> {
  const server = http.createServer(handler);
  // Clients keep connections alive; close() must not wait for them.
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        server,
        host,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
