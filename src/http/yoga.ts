import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { GraphQLError } from 'graphql';
import { createYoga, useExecutionCancellation, type YogaServerInstance } from 'graphql-yoga';
import { AdminRecheck } from '../auth/admin-recheck';
import { AppClients } from '../auth/app-clients';
import { identifyCaller, SERVICE_KEY_HEADER } from '../auth/caller';
import { callerPolicy, clientAddressOf } from '../auth/caller-policy';
import { CallerCallLimiter } from '../auth/caller-rate-limit';
import { PublicFlowLimiter } from '../auth/rate-limit';
import { RequestBudgets } from '../cognito/call-budget';
import type { PagingOptions } from '../cognito/connection';
import { CursorCodec } from '../cognito/cursor';
import { DescriptionCache } from '../cognito/description-cache';
import { createLoaders, type LoaderFactory } from '../cognito/loaders';
import { QuotaPacer } from '../cognito/pacing';
import { CircuitBreaker, defaultRetryPolicy } from '../cognito/resilience';
import { loadConfig, type GatewayConfig } from '../config';
import type { GatewayCode } from '../domain/codes';
import { silentLogger, type Logger } from '../domain/logger';
import { confirmAdministrator } from '../resolvers/admin-standing';
import { createContext, type GatewayContext, type GatewayServices } from '../resolvers/context';
import { UserExistencePrevention } from '../resolvers/user-existence';
import { cognitoReadiness } from '../ops/cognito-readiness';
import type { GatewayMetrics } from '../ops/metrics';
import type { Readiness } from '../ops/readiness';
import { observeWith, type GatewayTracing } from '../ops/tracing';
import { schema } from '../schema';
import { SharedDescriptionCache } from '../store/shared-description-cache';
import { sharedLimiters } from '../store/shared-limiters';
import { RedisSharedQuota } from '../store/shared-quota';
import type { SharedStore } from '../store/shared-store';
import { gatewayErrorMasking } from '../schema/error-mapping';
import { useRequestBodyLimit } from './body-limit';
import { useCallBudget } from './call-budget-plugin';
import { useCallLog } from './call-log-plugin';
import { graphiqlPage } from './graphiql-page';
import type { GraphiqlExample } from './graphiql-tabs';

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
  | 'authRecheckSeconds'
  | 'graphiql'
  | 'introspection'
  | 'corsOrigins'
  | 'publicFlowRateLimit'
  | 'publicFlowRateLimitPerUsername'
  | 'preventUserExistenceErrors'
  | 'callerLimits'
  | 'trustProxy'
  | 'limits'
  | 'federationUserPools'
  | 'quotas'
  | 'breaker'
  | 'maxAttempts'
  | 'attemptTimeoutMs'
  | 'requestTimeoutMs'
  | 'descriptionCacheTtlMs'
>;

export interface GatewayOptions extends Partial<GatewaySettings> {
  client: CognitoIdentityProviderClient;
  logger?: Logger;
  /** What GraphiQL's tabs and sign-in bar start with (the demo pool and administrator in embedded mode). */
  graphiqlExample?: GraphiqlExample;
  /** Makes each request's loaders; createLoaders unless given (the benchmark's naive baseline brings its own). */
  createLoaders?: LoaderFactory;
  /** The clock AUTH_RECHECK_SECONDS is measured by (performance.now() unless given): tests move it instead of sleeping. */
  recheckClock?: () => number;
  /** Paces every call; one made from `quotas` unless given (the benchmark's first-come-first-served baseline brings its own). */
  pacer?: QuotaPacer;
  /** Prometheus metrics of the requests and of the call path (src/ops/metrics.ts); none unless given. */
  metrics?: GatewayMetrics;
  /** Where the gateway registers its `cognito` readiness check (src/ops/readiness.ts). */
  readiness?: Readiness;
  /** OpenTelemetry spans of operations and Cognito calls (src/ops/tracing.ts); none unless given. */
  tracing?: GatewayTracing;
  /** With REDIS_URL: the store through which replicas share quotas, rate limits and the description cache. */
  sharedStore?: SharedStore;
}

export type Gateway = YogaServerInstance<{ req?: { socket?: { remoteAddress?: string } } }, GatewayContext>;

export const DEFAULT_CONNECTION_SIZE = 20;
/** Page fetches one connection field may make; see PagingOptions.maxPagesPerField. */
const MAX_PAGES_PER_FIELD = 100;

/** What the gateway shares between requests, built from its options over the defaults. */
export function createGatewayServices(options: GatewayOptions) {
  const settings: GatewaySettings = { ...loadConfig({}), ...withoutUndefined(options) };
  const logger = options.logger ?? silentLogger;
  const appClients = new AppClients(settings.appClients);
  const store = options.sharedStore;
  const limiters = store ? sharedLimiters(store) : undefined;
  const pacer = options.pacer ?? new QuotaPacer(settings.quotas.rates, settings.quotas.enabled, store && new RedisSharedQuota(store));
  options.metrics?.watchPacer(pacer);
  const services: GatewayServices = {
    callPath: {
      client: options.client,
      logger,
      pacer,
      breaker: new CircuitBreaker(settings.breaker.threshold, settings.breaker.cooldownMs),
      retry: { ...defaultRetryPolicy, maxAttempts: settings.maxAttempts },
      attemptTimeoutMs: settings.attemptTimeoutMs,
      ...callObserverOf(options),
    },
    requestTimeoutMs: settings.requestTimeoutMs,
    paging: pagingOptions(settings),
    logger,
    appClients,
    publicFlows: new PublicFlowLimiter(
      { perAddress: settings.publicFlowRateLimit, perUsername: settings.publicFlowRateLimitPerUsername },
      limiters,
    ),
    userExistence: new UserExistencePrevention(settings.preventUserExistenceErrors, settings.cursorSecret),
    limits: { complexity: settings.limits.complexity, depth: Number.MAX_SAFE_INTEGER, breadth: Number.MAX_SAFE_INTEGER },
    // Tokens carry the sub of users of the served pools, so that is where a sub is looked up.
    subLookupPools: settings.federationUserPools.length > 0 ? settings.federationUserPools : [...appClients.byPool().keys()],
    introspection: settings.introspection,
    descriptions: store
      ? new SharedDescriptionCache(store, settings.descriptionCacheTtlMs, logger)
      : new DescriptionCache(settings.descriptionCacheTtlMs),
    createLoaders: options.createLoaders ?? createLoaders,
    callerLimits: new CallerCallLimiter(settings.callerLimits, limiters),
    budgets: new RequestBudgets(settings.limits.callsPerRequest),
  };
  options.readiness?.add('cognito', cognitoReadiness(services.callPath));
  const policy = callerPolicy(settings, appClients, logger);
  const adminRecheck = new AdminRecheck({
    windowMs: settings.authRecheckSeconds * 1000,
    adminGroup: policy.adminGroup,
    authDisabled: settings.authDisabled,
    logger,
    ...(options.recheckClock ? { now: options.recheckClock } : {}),
  });
  return { settings, logger, services, policy, adminRecheck };
}

/** The GraphQL server, without listening: main.ts serves it over HTTP, tests call `fetch`. */
export function createGateway(options: GatewayOptions): Gateway {
  const { settings, logger, services, policy, adminRecheck } = createGatewayServices(options);
  if (settings.authDisabled) logger.warn('AUTH IS DISABLED: every caller is an administrator. Embedded demo only.');
  const clientAddress = clientAddressOf(settings.trustProxy);
  const graphiql = settings.graphiql ? graphiqlPage(settings.appClients, options.graphiqlExample) : undefined;

  return createYoga({
    schema,
    logging: logger,
    context: async ({ request, req }) => {
      const caller = await identifyCaller(request.headers, policy);
      const context = createContext(services, {
        caller,
        clientAddress: clientAddress(request, req),
        signal: request.signal,
        httpRequest: request,
      });
      return confirmAdministrator(context, adminRecheck);
    },
    graphiql: graphiql?.options ?? false,
    // GraphiQL served from the package itself, not a CDN (it works offline), with a sign-in bar.
    ...(graphiql ? { renderGraphiQL: graphiql.render } : {}),
    batching: { limit: settings.limits.batch },
    // Enforced by useRequestBodyLimit instead, which checks a stated length without streaming the body through a counter.
    maxRequestBodySize: false,
    // No multipart parser: the gateway takes no uploads (and CSRF prevention refuses such posts).
    multipart: false,
    cors:
      settings.corsOrigins.length > 0
        ? {
            origin: settings.corsOrigins,
            credentials: false,
            methods: ['GET', 'POST'],
            allowedHeaders: ['content-type', 'authorization', SERVICE_KEY_HEADER, 'x-graphql-yoga-csrf'],
          }
        : false,
    // isDev false: yoga would otherwise read NODE_ENV and add original errors and stacks to responses.
    maskedErrors: { maskError: gatewayErrorMasking(logger), isDev: false },
    plugins: [
      ...(options.metrics?.yogaPlugins() ?? []),
      ...(options.tracing ? [options.tracing.yogaPlugin()] : []),
      useRequestBodyLimit(settings.limits.bodyBytes),
      useCallBudget(schema, settings.limits.callsPerRequest, settings.limits.tokens),
      useExecutionCancellation(),
      // Browsers send "simple" requests (GET, form posts) without a CORS preflight: demand a
      // header they cannot set cross-site, which also refuses urlencoded and multipart POSTs.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      EnvelopArmorPlugin({
        maxDepth: { n: settings.limits.depth, ignoreIntrospection: true, onReject: [withCode('QUERY_TOO_DEEP')] },
        maxAliases: { n: settings.limits.aliases, onReject: [withCode('TOO_MANY_ALIASES')] },
        maxTokens: { n: settings.limits.tokens, onReject: [withCode('QUERY_TOO_LONG')] },
        maxDirectives: { n: settings.limits.directives, onReject: [withCode('TOO_MANY_DIRECTIVES')] },
        // Cost is the Pothos complexity plugin's job: it knows what `first` multiplies.
        costLimit: { enabled: false },
        blockFieldSuggestion: { enabled: true },
      }),
      ...(settings.introspection ? [] : [useDisableIntrospection()]),
      useCallLog({ exposeInResponse: settings.debug, logger }),
    ],
  });
}

/** graphql-armor's refusals carry no code of their own; clients switch on one like any other. */
function withCode(code: GatewayCode) {
  return (_context: unknown, error: GraphQLError) => {
    Object.assign(error.extensions, { code });
  };
}

function callObserverOf({ metrics, tracing }: GatewayOptions) {
  if (metrics && tracing) return { observer: observeWith(metrics.callObserver, tracing.callObserver) };
  const observer = metrics?.callObserver ?? tracing?.callObserver;
  return observer ? { observer } : {};
}

function pagingOptions(settings: GatewaySettings): PagingOptions {
  return {
    codec: new CursorCodec(settings.cursorSecret),
    maxSize: settings.maxConnectionSize,
    defaultSize: DEFAULT_CONNECTION_SIZE,
    maxPagesPerField: MAX_PAGES_PER_FIELD,
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
