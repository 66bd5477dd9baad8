import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { GatewayMetrics } from './metrics';
import type { Readiness } from './readiness';

export interface OpsEndpoints {
  readiness: Readiness;
  metrics: GatewayMetrics;
}

export interface RunningOpsServer {
  port: number;
  stop(): Promise<void>;
}

/**
 * The operators' endpoints, on a listener of their own (OPS_HOST:OPS_PORT, loopback by default),
 * never on the public port: `/health` (the process runs), `/ready` (send it traffic: every
 * readiness check passes and it is not draining; 503 with the failing check named otherwise) and
 * `/metrics` (Prometheus).
 */
export function opsHandler({ readiness, metrics }: OpsEndpoints) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://ops').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, { error: 'only GET' });
    try {
      if (path === '/health') return answer(res, 200, { status: 'alive' });
      if (path === '/ready') {
        const report = await readiness.report();
        return answer(res, report.ready ? 200 : 503, { status: report.status, checks: report.checks });
      }
      if (path === '/metrics') {
        const { contentType, body } = await metrics.exposition();
        res.writeHead(200, { 'content-type': contentType }).end(body);
        return;
      }
      answer(res, 404, { error: 'not found: /health, /ready, /metrics' });
    } catch {
      answer(res, 500, { error: 'internal error' });
    }
  };
}

export async function serveOps(endpoints: OpsEndpoints, host: string, port: number): Promise<RunningOpsServer> {
  const handle = opsHandler(endpoints);
  const server = createServer((req, res) => void handle(req, res));
  // Probes and scrapes are short: an idle kept-alive connection need not hold shutdown up.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    port: address && typeof address === 'object' ? address.port : port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}
