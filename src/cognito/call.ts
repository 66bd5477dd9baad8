import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { setMaxListeners } from 'node:events';
import type { Logger } from '../logger';
import type { CallLog } from './call-log';
import { commands, readOperations, type InputOf, type OperationName, type OutputOf } from './commands';
import { exceptionName, toGraphQLError } from './errors';
import { redactSecrets } from './redaction';

export interface CallOptions {
  /** Keep secrets in the output: only for the creator of an app client who asked for its secret. */
  revealSecrets?: boolean;
}

/** The one way the gateway calls Cognito: `call('ListUsers', { UserPoolId })`. */
export type CognitoCall = <Name extends OperationName>(operation: Name, input: InputOf<Name>, options?: CallOptions) => Promise<OutputOf<Name>>;

export interface CallPathOptions {
  client: CognitoIdentityProviderClient;
  callLog: CallLog;
  logger: Logger;
  /** Aborted when the GraphQL request ends early; pending calls stop with it. */
  signal?: AbortSignal;
  /** Called after every successful write, so that no later field reads stale loaded data. */
  onWrite?: () => void;
}

type AnyCommand = new (input: unknown) => Parameters<CognitoIdentityProviderClient['send']>[0];

/**
 * Builds the request-scoped call function: it passes the request's AbortSignal to the SDK,
 * records every call in the request's call log, strips secrets from outputs, drops the request's
 * loaded data after a write, and maps Cognito exceptions to GraphQL errors with stable codes.
 */
export function createCognitoCall({ client, callLog, logger, signal, onWrite }: CallPathOptions): CognitoCall {
  // Every call in flight listens on the request's signal (the SDK removes its listener when the
  // call ends); a request fanning out to dozens of calls is normal, not a leak.
  if (signal) setMaxListeners(0, signal);
  return async (operation, input, options = {}) => {
    const Command = commands[operation] as unknown as AnyCommand;
    const startedAt = performance.now();
    try {
      const output = (await client.send(new Command(input), { abortSignal: signal })) as unknown as Record<string, unknown>;
      callLog.record(operation, startedAt, 'ok');
      if (!readOperations.has(operation)) onWrite?.();
      delete output['$metadata'];
      if (!options.revealSecrets) redactSecrets(operation, output);
      logger.debug(`cognito ${operation} ok in ${(performance.now() - startedAt).toFixed(1)} ms`);
      return output as OutputOf<typeof operation>;
    } catch (error) {
      const name = exceptionName(error) ?? 'UnknownError';
      callLog.record(operation, startedAt, name);
      const mapped = toGraphQLError(error, operation);
      if (mapped) {
        logger.debug(`cognito ${operation} answered ${name}`);
        throw mapped;
      }
      throw error;
    }
  };
}
