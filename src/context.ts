import type { AppClients } from './auth/app-clients';
import type { Caller } from './auth/caller';
import type { PublicFlowLimiter } from './auth/rate-limit';
import { createCognitoCall, type CallPathServices, type CognitoCall } from './cognito/call';
import { CallLog } from './cognito/call-log';
import type { PagingOptions } from './cognito/connection';
import type { DescriptionCache } from './cognito/description-cache';
import { createLoaders, type Loaders } from './cognito/loaders';
import type { Logger } from './logger';

export interface QueryCostLimits {
  complexity: number;
  depth: number;
  breadth: number;
}

/** What lives as long as the gateway: shared by every request. */
export interface GatewayServices {
  callPath: CallPathServices;
  /** A request's calls stop when it has run this long (its pending calls are aborted). */
  requestTimeoutMs: number;
  paging: PagingOptions;
  logger: Logger;
  appClients: AppClients;
  publicFlows: PublicFlowLimiter;
  limits: QueryCostLimits;
  /** Pools in which federation looks up a User known only by `sub`. */
  subLookupPools: readonly string[];
  /** Whether anyone may read the schema (introspection, `_service { sdl }`). */
  introspection: boolean;
  /** Benchmark baseline only: loaders without cache (see LoaderOptions). */
  loaderCache: boolean;
  descriptions: DescriptionCache;
}

/** What every resolver gets, one per GraphQL request. */
export interface GatewayContext {
  call: CognitoCall;
  /** Created on first use, so requests that need none pay nothing. */
  readonly loaders: Loaders;
  paging: PagingOptions;
  callLog: CallLog;
  logger: Logger;
  caller: Caller;
  /** The address public flows are rate-limited by. */
  clientAddress: string;
  appClients: AppClients;
  publicFlows: PublicFlowLimiter;
  limits: QueryCostLimits;
  subLookupPools: readonly string[];
  introspection: boolean;
  /** Whether loaders batch, cache and read ahead (false only for the benchmark's naive baseline). */
  loaderCache: boolean;
}

export interface RequestFacts {
  caller: Caller;
  clientAddress: string;
  signal?: AbortSignal;
}

/**
 * Aborted when the client goes away or the request has run `timeoutMs`. The timer is unref'd so a
 * finished request's deadline keeps nothing alive.
 */
function requestDeadline(clientSignal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`request deadline of ${timeoutMs} ms passed`)), timeoutMs);
  timer.unref();
  if (clientSignal) {
    if (clientSignal.aborted) controller.abort(clientSignal.reason);
    else clientSignal.addEventListener('abort', () => controller.abort(clientSignal.reason), { once: true });
  }
  return controller.signal;
}

export function createContext(services: GatewayServices, request: RequestFacts): GatewayContext {
  const callLog = new CallLog();
  let loaders: Loaders | undefined;
  const call = createCognitoCall({
    ...services.callPath,
    callLog,
    signal: requestDeadline(request.signal, services.requestTimeoutMs),
    onWrite: (userPoolId) => {
      for (const loader of Object.values(loaders ?? {})) loader.clearAll();
      services.descriptions.forget(userPoolId);
    },
  });
  return {
    call,
    get loaders() {
      loaders ??= createLoaders(call, services.paging, { cache: services.loaderCache, descriptions: services.descriptions });
      return loaders;
    },
    paging: services.paging,
    callLog,
    logger: services.logger,
    caller: request.caller,
    clientAddress: request.clientAddress,
    appClients: services.appClients,
    publicFlows: services.publicFlows,
    limits: services.limits,
    loaderCache: services.loaderCache,
    subLookupPools: services.subLookupPools,
    introspection: services.introspection,
  };
}
