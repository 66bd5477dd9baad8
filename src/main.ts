import { ConfigError, loadConfig, StartupProblem } from './config';
import { createLogger } from './domain/logger';
import { serve } from './http/server';
import { createGateway } from './http/yoga';
import { connectCognito } from './local/connect';
import { GatewayMetrics } from './ops/metrics';
import { serveOps } from './ops/ops-server';
import { Readiness } from './ops/readiness';
import { requestLogFields } from './ops/request-context';
import { startTracing } from './ops/tracing-setup';
import { SharedStore } from './store/shared-store';

// The pinned SDK release supports Node 20; its warning about releases after January 2027 is
// answered by package.json `engines` and the README, so it need not greet every start.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

/** How long a start waits for REDIS_URL to answer before serving on its local share. */
const SHARED_STORE_CONNECT_MS = 3_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, console, { format: config.logFormat, context: requestLogFields });
  const cognito = await connectCognito(config.cognito, logger);
  const readiness = new Readiness();
  const metrics = new GatewayMetrics();
  const traces = config.otel.endpoint ? startTracing(config.otel.serviceName) : undefined;
  const sharedStore = config.redisUrl ? new SharedStore(config.redisUrl, config.replicas, logger) : undefined;
  // Started on the shared budget when Redis answers soon; otherwise on this replica's share until it does.
  await sharedStore?.connected(SHARED_STORE_CONNECT_MS);
  if (sharedStore) {
    // Not ready while Redis is away: a replica serves on its share then, and the others are told apart.
    readiness.add('redis', async () => {
      if (!sharedStore.isReachable()) throw new Error('the shared store (REDIS_URL) is unreachable: serving on this replica’s share');
    });
    metrics.watchSharedStore(sharedStore);
  }
  const gateway = createGateway({
    ...(sharedStore ? { sharedStore } : {}),
    ...config,
    client: cognito.client,
    logger,
    readiness,
    metrics,
    ...(traces ? { tracing: traces.tracing } : {}),
    issuerBase: config.issuerBase ?? cognito.issuerBase,
    appClients: [...cognito.appClients, ...config.appClients],
    ...((config.adminGroup ?? cognito.adminGroup) ? { adminGroup: config.adminGroup ?? cognito.adminGroup } : {}),
    ...(cognito.demoSignIn ? { graphiqlExample: cognito.demoSignIn } : {}),
  });
  const { port, stop: stopServer } = await serve(gateway, config.host, config.port, logger, config.http).catch(async (error: unknown) => {
    await sharedStore?.close();
    await cognito.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupProblem(`Port ${config.port} on ${config.host} is in use: stop what holds it, or set PORT to another port.`);
    }
    throw error;
  });
  const ops =
    config.ops.port === undefined
      ? undefined
      : await serveOps({ readiness, metrics }, config.ops.host, config.ops.port).catch(async (error: unknown) => {
          await stopServer();
          await cognito.close();
          if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
            throw new StartupProblem(
              `Port ${config.ops.port} on ${config.ops.host} is in use: stop what holds it, or set OPS_PORT to another port.`,
            );
          }
          throw error;
        });
  // Ctrl-C is handled before the address is announced: whoever reads it may stop the gateway at once.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing the requests in flight, then stopping`);
    readiness.startDraining();
    await stopServer();
    await ops?.stop();
    await traces?.shutdown();
    await sharedStore?.close();
    await cognito.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  logger.info(`Cognito: ${cognito.description}`);
  // Once started: a start that fails says only why, in one line.
  for (const warning of config.warnings) logger.warn(warning);
  // Announced before the GraphQL address, which comes last: whoever waits for it finds these already said.
  if (traces) logger.info(`Traces: OpenTelemetry, exported over OTLP/HTTP to ${config.otel.endpoint}`);
  if (ops) logger.info(`Operations: http://${config.ops.host}:${ops.port} (/health, /ready, /metrics)`);
  else if (config.mode === 'production')
    logger.info('/ready and /metrics are off (OPS_PORT turns them on); /health is on the GraphQL port');
  const url = `http://${config.host}:${port}${gateway.graphqlEndpoint}`;
  logger.info(config.graphiql ? `GraphiQL: ${url}` : `GraphQL endpoint: ${url} (GraphiQL is off; GRAPHIQL=true turns it on)`);
  if (config.graphiql && cognito.demoSignIn) {
    logger.info(
      'In GraphiQL, press "Sign in" in the bar at the top (the demo administrator is filled in): every tab then sends the token.',
    );
  }
  if (config.authDisabled) logger.warn('AUTH_DISABLED=true: every caller is an administrator. Never run like this outside a demo.');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupProblem) {
    console.error(error.message);
  } else {
    console.error('The gateway could not start:', error);
  }
  process.exit(1);
});
