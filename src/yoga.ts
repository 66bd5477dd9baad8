import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, maskError, useExecutionCancellation, type YogaServerInstance } from 'graphql-yoga';
import { AppClients } from './auth/app-clients';
import { identifyCaller, SERVICE_KEY_HEADER, type CallerPolicy } from './auth/caller';
import { PublicFlowLimiter } from './auth/rate-limit';
import { createAccessTokenVerifier } from './auth/token-verifier';
import { useCallLog } from './call-log-plugin';
import type { PagingOptions } from './cognito/connection';
import { CursorCodec } from './cognito/cursor';
import { loadConfig, type GatewayConfig } from './config';
import { createContext, type GatewayContext, type GatewayServices } from './context';
import { graphiqlTabs, type GraphiqlExample } from './graphiql-tabs';
import { silentLogger, type Logger } from './logger';
import { schema } from './schema';

/** The parts of the configuration the GraphQL server itself uses. */
export type GatewaySettings = Pick<
  GatewayConfig,
  | 'debug'
  | 'maxConnectionSize'
  | 'cursorSecret'
  | 'appClients'
  | 'issuerBase'
  | 'adminGroup'
  | 'serviceKeys'
  | 'authDisabled'
  | 'graphiql'
  | 'introspection'
  | 'corsOrigins'
  | 'publicFlowRateLimit'
  | 'trustProxy'
  | 'limits'
>;

export interface GatewayOptions extends Partial<GatewaySettings> {
  client: CognitoIdentityProviderClient;
  logger?: Logger;
  /** What GraphiQL's example tabs start with (the demo pool and administrator in embedded mode). */
  graphiqlExample?: GraphiqlExample;
}

export type Gateway = YogaServerInstance<{ req?: { socket?: { remoteAddress?: string } } }, GatewayContext>;

export const DEFAULT_CONNECTION_SIZE = 20;
/** Page fetches one connection field may make; see PagingOptions.maxPagesPerField. */
const MAX_PAGES_PER_FIELD = 100;

/** The GraphQL server, without listening: main.ts serves it over HTTP, tests call `fetch`. */
export function createGateway(options: GatewayOptions): Gateway {
  const settings: GatewaySettings = { ...loadConfig({}), ...withoutUndefined(options) };
  const logger = options.logger ?? silentLogger;
  if (settings.authDisabled) logger.warn('AUTH IS DISABLED: every caller is an administrator. Embedded demo only.');

  const appClients = new AppClients(settings.appClients);
  const services: GatewayServices = {
    client: options.client,
    paging: pagingOptions(settings),
    logger,
    appClients,
    publicFlows: new PublicFlowLimiter(settings.publicFlowRateLimit),
    limits: { complexity: settings.limits.complexity, depth: Number.MAX_SAFE_INTEGER, breadth: Number.MAX_SAFE_INTEGER },
  };
  const policy = callerPolicy(settings, appClients, logger);

  return createYoga({
    schema,
    logging: logger,
    context: async ({ request, req }) => {
      const caller = await identifyCaller(request.headers, policy);
      return createContext(services, { caller, clientAddress: clientAddress(request, req, settings.trustProxy), signal: request.signal });
    },
    graphiql: settings.graphiql ? { title: 'cognito-graphql-gateway', defaultTabs: graphiqlTabs(options.graphiqlExample) } : false,
    // GraphiQL served from the package itself, not a CDN: it works offline and on closed networks.
    renderGraphiQL,
    batching: { limit: settings.limits.batch },
    cors: settings.corsOrigins.length > 0
      ? { origin: settings.corsOrigins, credentials: true, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization', SERVICE_KEY_HEADER, 'x-graphql-yoga-csrf'] }
      : false,
    maskedErrors: {
      maskError(error, message, isDev) {
        const masked = maskError(error, message, isDev);
        if (masked !== error) logger.error('unexpected error (masked for the client):', error);
        return masked;
      },
    },
    plugins: [
      useExecutionCancellation(),
      // Browsers send "simple" requests (GET, form posts) without a CORS preflight: demand a
      // header they cannot set cross-site, which also refuses urlencoded and multipart POSTs.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      EnvelopArmorPlugin({
        maxDepth: { n: settings.limits.depth, ignoreIntrospection: true },
        maxAliases: { n: settings.limits.aliases },
        maxTokens: { n: settings.limits.tokens },
        maxDirectives: { n: settings.limits.directives },
        // Cost is the Pothos complexity plugin's job: it knows what `first` multiplies.
        costLimit: { enabled: false },
        blockFieldSuggestion: { enabled: true },
      }),
      ...(settings.introspection ? [] : [useDisableIntrospection()]),
      useCallLog({ exposeInResponse: settings.debug, logger }),
    ],
  });
}

function pagingOptions(settings: GatewaySettings): PagingOptions {
  return {
    codec: new CursorCodec(settings.cursorSecret),
    maxSize: settings.maxConnectionSize,
    defaultSize: DEFAULT_CONNECTION_SIZE,
    maxPagesPerField: MAX_PAGES_PER_FIELD,
  };
}

function callerPolicy(settings: GatewaySettings, appClients: AppClients, logger: Logger): CallerPolicy {
  const pools = [...appClients.byPool()].map(([userPoolId, clientIds]) => {
    if (!settings.issuerBase) throw new Error('issuerBase is required to verify tokens of the configured app clients');
    return { userPoolId, clientIds, issuer: `${settings.issuerBase}/${userPoolId}` };
  });
  return {
    verifier: createAccessTokenVerifier(pools),
    adminGroup: settings.adminGroup,
    serviceKeys: settings.serviceKeys,
    authDisabled: settings.authDisabled,
    logger,
  };
}

function clientAddress(request: Request, req: { socket?: { remoteAddress?: string } } | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return forwarded || req?.socket?.remoteAddress || 'unknown';
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
