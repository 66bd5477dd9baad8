import { createServer, type Server } from 'node:http';
import type { Logger } from '../domain/logger';
import type { Gateway } from './yoga';

export interface RunningServer {
  server: Server;
  port: number;
  /** Stops taking requests, lets those in flight finish (up to `drainMs`), then closes the rest. */
  stop(drainMs?: number): Promise<void>;
}

export const DEFAULT_DRAIN_MS = 10_000;

/** Serves the gateway over HTTP, and shuts down gracefully: requests in flight are answered. */
export async function serve(gateway: Gateway, host: string, port: number, logger: Logger): Promise<RunningServer> {
  const server = createServer(gateway);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    server,
    port: address && typeof address === 'object' ? address.port : port,
    stop: async (drainMs = DEFAULT_DRAIN_MS) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A kept-alive connection turns idle once its request is answered: close it then, rather
      // than waiting for the client to let go.
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      server.closeIdleConnections();
      const force = setTimeout(() => {
        logger.warn(`requests still running after ${drainMs} ms: closing their connections`);
        server.closeAllConnections();
      }, drainMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(force);
      await gateway.dispose();
    },
  };
}
