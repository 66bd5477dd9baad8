import { setMaxListeners } from 'node:events';
import type { AppClients } from '../auth/app-clients';
import type { Caller } from '../auth/caller';
import { callerIdentity } from '../auth/caller-identity';
import type { CallerCallLimiter } from '../auth/caller-rate-limit';
import type { PublicFlowLimiter } from '../auth/rate-limit';
import { createCognitoCall, type CallPathServices, type CognitoCall } from '../cognito/call';
import type { RequestBudgets } from '../cognito/call-budget';
import { CallLog } from '../cognito/call-log';
import type { PagingOptions } from '../cognito/connection';
import type { Descriptions } from '../cognito/description-cache';
import { clearLoaders, type LoaderFactory, type Loaders } from '../cognito/loaders';
import type { Logger } from '../domain/logger';
import type { UserExistencePrevention } from './user-existence';

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
  /** Whether, and how, public flows keep a user's existence to themselves. */
  userExistence: UserExistencePrevention;
  limits: QueryCostLimits;
  /** Pools in which federation looks up a User known only by `sub`. */
  subLookupPools: readonly string[];
  /** Whether anyone may read the schema (introspection, `_service { sdl }`). */
  introspection: boolean;
  descriptions: Descriptions;
  /** Makes each request's loaders (createLoaders; the benchmark's naive baseline brings its own). */
  createLoaders: LoaderFactory;
  /** Cognito calls per caller per minute. */
  callerLimits: CallerCallLimiter;
  /** Cognito calls per HTTP request, shared by the operations of a batch. */
  budgets: RequestBudgets;
}

/** What the shared services give every request as they are; the rest is the call path's own. */
type SharedWithRequests = Omit<
  GatewayServices,
  'callPath' | 'requestTimeoutMs' | 'descriptions' | 'createLoaders' | 'callerLimits' | 'budgets'
>;

/** What every resolver gets, one per GraphQL request: the shared services and its own parts. */
export interface GatewayContext extends SharedWithRequests {
  call: CognitoCall;
  /** Created on first use, so requests that need none pay nothing. */
  readonly loaders: Loaders;
  callLog: CallLog;
  caller: Caller;
  /** The address public flows are rate-limited by. */
  clientAddress: string;
}

export interface RequestFacts {
  caller: Caller;
  clientAddress: string;
  signal?: AbortSignal;
  /** The HTTP request: every operation of a batch shares its call budget, found by this object. */
  httpRequest?: Request;
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
    // Every operation of a batch listens on its HTTP request's signal: up to BATCH_LIMIT, not a leak.
    setMaxListeners(0, clientSignal);
    if (clientSignal.aborted) controller.abort(clientSignal.reason);
    else clientSignal.addEventListener('abort', () => controller.abort(clientSignal.reason), { once: true });
  }
  return controller.signal;
}

export function createContext(services: GatewayServices, request: RequestFacts): GatewayContext {
  const { callPath, requestTimeoutMs, descriptions, createLoaders, callerLimits, budgets, ...shared } = services;
  const callLog = new CallLog();
  let loaders: Loaders | undefined;
  const identity = callerIdentity(request.caller, request.clientAddress, request.httpRequest?.headers);
  // The administrators' re-check may make the caller a plain user after this context is made: the
  // limit its calls are counted under follows it (its sub, and so its place in the pacer, stays).
  const identityNow = () =>
    context.caller === request.caller ? identity : callerIdentity(context.caller, request.clientAddress, request.httpRequest?.headers);
  const budget = budgets.of(request.httpRequest);
  const call = createCognitoCall({
    ...callPath,
    callLog,
    caller: identity.key,
    admit: async (operation) => {
      // Counted before the rate limit is asked, so that concurrent calls cannot overshoot the budget.
      budget.spend(operation);
      try {
        await callerLimits.consume(identityNow());
      } catch (error) {
        budget.refund();
        throw error;
      }
    },
    signal: requestDeadline(request.signal, requestTimeoutMs),
    deadlineAt: performance.now() + requestTimeoutMs,
    onWrite: (userPoolId) => {
      if (loaders) clearLoaders(loaders);
      descriptions.forget(userPoolId);
    },
  });
  const context: GatewayContext = {
    ...shared,
    call,
    callLog,
    caller: request.caller,
    clientAddress: request.clientAddress,
    get loaders() {
      loaders ??= createLoaders(call, shared.paging, descriptions);
      return loaders;
    },
  };
  return context;
}
