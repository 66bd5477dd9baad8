import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoCall, type CognitoCall } from './cognito/call';
import { CallLog } from './cognito/call-log';
import type { PagingOptions } from './cognito/connection';
import { createLoaders, type Loaders } from './cognito/loaders';
import type { Logger } from './logger';

/** What every resolver gets, one per GraphQL request. */
export interface GatewayContext {
  call: CognitoCall;
  /** Created on first use, so requests that need none pay nothing. */
  readonly loaders: Loaders;
  paging: PagingOptions;
  callLog: CallLog;
  logger: Logger;
}

export interface ContextDependencies {
  client: CognitoIdentityProviderClient;
  paging: PagingOptions;
  logger: Logger;
}

export function createContext(deps: ContextDependencies, signal?: AbortSignal): GatewayContext {
  const callLog = new CallLog();
  const call = createCognitoCall({ client: deps.client, callLog, logger: deps.logger, ...(signal ? { signal } : {}) });
  let loaders: Loaders | undefined;
  return {
    call,
    get loaders() {
      loaders ??= createLoaders(call);
      return loaders;
    },
    paging: deps.paging,
    callLog,
    logger: deps.logger,
  };
}
