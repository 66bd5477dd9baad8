import { createServer, type Server } from 'node:http';
import { loadConfig, type HttpLimits } from '../config';
import type { Logger } from '../domain/logger';
import { withRequestId } from '../ops/request-context';
import type { Gateway } from './yoga';

export interface RunningServer {
  server: Server;
  port: number;
  /** Stops taking requests, lets those in flight finish (up to `drainMs`), then closes the rest. */
  stop(drainMs?: number): Promise<void>;
}

export const DEFAULT_DRAIN_MS = 10_000;

/** Connections closed for the cap are reported at most this often, so a flood does not flood the log. */
const DROP_REPORT_INTERVAL_MS = 60_000;

/**
 * Serves the gateway over HTTP, and shuts down gracefully: requests in flight are answered.
 * A client gets `limits` to send its request and to keep an idle connection, rather than Node's
 * minutes, and no more than `limits.maxConnections` connections are open at once.
 */
export async function serve(
  gateway: Gateway,
  host: string,
  port: number,
  logger: Logger,
  limits: HttpLimits = loadConfig({}).http,
): Promise<RunningServer> {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node enforces the two timeouts above only when it checks, every 30 s by default: check
      // often enough that a client is cut off within a quarter of its timeout (and at least each second).
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    // Every request runs with its id (X-Request-Id), which its log lines carry and its answer returns.
    withRequestId(gateway),
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  let dropsReportedAt = -Infinity;
  server.on('drop', () => {
    if (Date.now() - dropsReportedAt < DROP_REPORT_INTERVAL_MS) return;
    dropsReportedAt = Date.now();
    logger.warn(`${limits.maxConnections} connections are open (HTTP_MAX_CONNECTIONS): closing new ones as they arrive`);
  });
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
