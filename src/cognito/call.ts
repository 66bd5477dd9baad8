import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { setMaxListeners } from 'node:events';
import type { Logger } from '../domain/logger';
import type { CallLog } from './call-log';
import { CALL_SIGNAL, takesSignalOnInput } from './client';
import { commands, readOperations, type InputOf, type OperationName, type OutputOf } from './commands';
import { exceptionName, fromCognitoException } from './errors';
import type { QuotaPacer } from './pacing';
import { redactSecrets } from './redaction';
import {
  backoffDelay,
  callTimedOut,
  classifyFailure,
  deadlineExceeded,
  sleep,
  unreachable,
  type CircuitBreaker,
  type RetryPolicy,
} from './resilience';

export interface CallOptions {
  /** Keep secrets in the output: only for the creator of an app client who asked for its secret. */
  revealSecrets?: boolean;
}

/** The one way the gateway calls Cognito: `call('ListUsers', { UserPoolId })`. */
export type CognitoCall = <Name extends OperationName>(
  operation: Name,
  input: InputOf<Name>,
  options?: CallOptions,
) => Promise<OutputOf<Name>>;

/** What lives as long as the gateway: shared by the calls of every request. */
export interface CallPathServices {
  client: CognitoIdentityProviderClient;
  logger: Logger;
  pacer: QuotaPacer;
  breaker: CircuitBreaker;
  retry: RetryPolicy;
  /** Longest wait for one attempt; the SDK has no timeout of its own. */
  attemptTimeoutMs: number;
}

export interface CallPathOptions extends CallPathServices {
  callLog: CallLog;
  /** Aborted when the request's deadline passes or its client goes away; pending calls stop with it. */
  signal?: AbortSignal;
  /** Called after every successful write, so that no later field reads stale loaded data. */
  onWrite?: (userPoolId: string | undefined) => void;
}

type AnyCommand = new (input: unknown) => Parameters<CognitoIdentityProviderClient['send']>[0];

/**
 * Builds the request-scoped call function. Every call: waits for its quota (category, and pool
 * where Cognito caps per pool), passes through the circuit breaker, is sent with the request's
 * AbortSignal and a per-attempt timeout, is retried with jittered backoff when throttled (or, for
 * reads, on a fault) while the request's deadline allows, is logged per attempt, has secrets
 * stripped from its output, drops the request's loaded data after a write, and maps Cognito
 * exceptions through the code table to GatewayErrors.
 */
export function createCognitoCall(options: CallPathOptions): CognitoCall {
  const { client, callLog, logger, signal, onWrite, pacer, breaker, retry, attemptTimeoutMs } = options;
  // Every call in flight listens on the request's signal (the SDK removes its listener when the
  // call ends); a request fanning out to dozens of calls is normal, not a leak.
  if (signal) setMaxListeners(0, signal);
  const send = signalSender(client);

  return async (operation, input, callOptions = {}) => {
    const Command = commands[operation] as unknown as AnyCommand;
    const userPoolId = (input as { UserPoolId?: string }).UserPoolId;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw deadlineExceeded(operation);
      breaker.admit();
      try {
        await pacer.acquire(operation, userPoolId, signal);
      } catch {
        breaker.released();
        throw deadlineExceeded(operation);
      }
      const attemptControl = attemptAbort(signal, attemptTimeoutMs);
      const attemptSignal = attemptControl.signal;
      const startedAt = performance.now();
      try {
        const output = (await send(Command, input, attemptSignal)) as Record<string, unknown>;
        callLog.record(operation, startedAt, 'ok');
        breaker.succeeded();
        if (!readOperations.has(operation)) onWrite?.(userPoolId);
        delete output['$metadata'];
        if (!callOptions.revealSecrets) redactSecrets(operation, output);
        logger.debug(`cognito ${operation} ok in ${(performance.now() - startedAt).toFixed(1)} ms`);
        return output as OutputOf<typeof operation>;
      } catch (error) {
        const timedOut = attemptSignal.aborted && !signal?.aborted;
        callLog.record(operation, startedAt, timedOut ? 'Timeout' : (exceptionName(error) ?? 'UnknownError'));
        if (signal?.aborted) {
          breaker.released();
          throw deadlineExceeded(operation);
        }
        const kind = classifyFailure(error, timedOut);
        breaker.failed(kind);
        const retryable = kind === 'throttled' || (kind === 'fault' && readOperations.has(operation));
        if (retryable && attempt + 1 < retry.maxAttempts) {
          const delay = backoffDelay(attempt, retry);
          logger.debug(`cognito ${operation} ${kind} (attempt ${attempt + 1}); retrying in ${delay} ms`);
          try {
            await sleep(delay, signal);
          } catch {
            throw deadlineExceeded(operation);
          }
          continue;
        }
        if (timedOut) throw callTimedOut(operation, attempt + 1);
        const mapped = fromCognitoException(error, operation);
        if (mapped) {
          logger.debug(`cognito ${operation} answered ${mapped.exception}`);
          throw mapped;
        }
        if (kind === 'fault') {
          logger.warn(`cognito ${operation} unreachable:`, error);
          throw unreachable(operation, !readOperations.has(operation));
        }
        throw error;
      } finally {
        attemptControl.done();
      }
    }
  };
}

/** Sends a command with its AbortSignal the cheapest way the client allows (see client.ts). */
function signalSender(client: CognitoIdentityProviderClient) {
  if (takesSignalOnInput(client)) {
    return (Command: AnyCommand, input: unknown, signal: AbortSignal): Promise<unknown> =>
      client.send(new Command({ ...(input as object), [CALL_SIGNAL]: signal }));
  }
  return (Command: AnyCommand, input: unknown, signal: AbortSignal): Promise<unknown> =>
    client.send(new Command(input), { abortSignal: signal });
}

/**
 * One attempt's signal: aborted by the request's signal or after `timeoutMs`. A plain controller
 * and timer, released when the attempt ends, cost less per call than composed AbortSignals.
 */
function attemptAbort(parent: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`attempt timed out after ${timeoutMs} ms`)), timeoutMs);
  const onParentAbort = () => controller.abort(parent?.reason);
  parent?.addEventListener('abort', onParentAbort, { once: true });
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}
