import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { setMaxListeners } from 'node:events';
import type { Logger } from '../domain/logger';
import type { CallLog } from './call-log';
import { userPoolOfCall } from './call-pool';
import { noCallObserver, type AttemptOutcome, type CallObserver } from './call-observer';
import { CALL_SIGNAL, takesSignalOnInput } from './client';
import { commands, readOperations, type InputOf, type OperationName, type OutputOf } from './commands';
import { GatewayError } from '../domain/gateway-error';
import { exceptionName, fromCognitoException, fromUnknownException } from './errors';
import { QuotaWaitTooLong, type QuotaPacer } from './pacing';
import { redactSecrets } from './redaction';
import {
  answerStatus,
  backoffDelay,
  callTimedOut,
  classifyFailure,
  cognitoFailed,
  deadlineExceeded,
  isNotImplemented,
  quotaExhausted,
  sleep,
  unreachable,
  type CircuitBreaker,
  type RetryPolicy,
} from './resilience';

export interface CallOptions {
  /**
   * Keep secrets in the output: only for the creator of an app client who asked for its secret,
   * the user setting up TOTP, and the gateway's own SRP steps of a sign-in.
   */
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
  /** Metrics and traces of every call; none unless given. */
  observer?: CallObserver;
}

export interface CallPathOptions extends CallPathServices {
  callLog: CallLog;
  /** Aborted when the request's deadline passes or its client goes away; pending calls stop with it. */
  signal?: AbortSignal;
  /** When the request's deadline passes (a performance.now() time): throttled calls wait until then, no longer. */
  deadlineAt?: number;
  /** Called after every successful write, so that no later field reads stale loaded data. */
  onWrite?: (userPoolId: string | undefined) => void;
  /**
   * Who the request is for (an opaque id, never a credential): the pacer serves the waiting calls
   * of different callers in turn, so one caller's backlog cannot hold another's calls behind it.
   */
  caller?: string;
  /**
   * Asked once per call, before it waits for its turn (not per attempt): the request's call budget
   * and the caller's rate limit. Throws the GatewayError that refuses the call.
   */
  admit?: (operation: OperationName) => void | Promise<void>;
}

type AnyCommand = new (input: unknown) => Parameters<CognitoIdentityProviderClient['send']>[0];

/** Without a pacer to wait in, a throttled call waits this long at most between attempts. */
const UNPACED_THROTTLE_WAIT_MS = 1_000;

/**
 * Builds the request-scoped call function. Every call: is admitted once (the request's call
 * budget, the caller's rate limit), waits for its quota (category, and pool where Cognito caps
 * per pool; in turn with other callers' calls), passes through the circuit breaker, is sent with the request's
 * AbortSignal and a per-attempt timeout, is logged per attempt, has secrets stripped from its
 * output, drops the request's loaded data after a write, and maps Cognito's answers through the
 * code table to GatewayErrors (an exception the table lacks gets a code derived from its name).
 *
 * Retries: a throttled call (not carried out) is tried again for as long as the request's deadline
 * allows, waiting its turn in the pacer at the rate the throttling taught it; THROTTLED reaches
 * the client only when that turn would come after the deadline. A fault (5xx, reset, timeout) is
 * retried by reads, up to `retry.maxAttempts`; a write that ends in one says its outcome is unknown.
 */
export function createCognitoCall(options: CallPathOptions): CognitoCall {
  const { client, callLog, logger, signal, deadlineAt, onWrite, pacer, breaker, retry, attemptTimeoutMs, caller, admit } = options;
  const observer = options.observer ?? noCallObserver;
  // Every call in flight listens on the request's signal (the SDK removes its listener when the
  // call ends); a request fanning out to dozens of calls is normal, not a leak.
  if (signal) setMaxListeners(0, signal);
  const send = signalSender(client);

  return (operation, input, callOptions = {}) => observer.around(operation, () => callOnce(operation, input, callOptions));

  async function callOnce<Name extends OperationName>(
    operation: Name,
    input: InputOf<Name>,
    callOptions: CallOptions,
  ): Promise<OutputOf<Name>> {
    const Command = commands[operation] as unknown as AnyCommand;
    const userPoolId = userPoolOfCall(input);
    const isWrite = !readOperations.has(operation);
    let throttles = 0;
    // The request ended (deadline, or its client gone) before an answer: after throttling, the quota is why.
    const ended = () =>
      throttles > 0 ? quotaExhausted(operation, 'did not allow it before the request’s deadline') : deadlineExceeded(operation);
    await admit?.(operation);
    for (let faults = 0; ;) {
      if (signal?.aborted) throw ended();
      breaker.admit();
      try {
        const pacedAt = performance.now();
        await pacer.acquire(operation, userPoolId, signal, deadlineAt, caller);
        observer.paced(operation, (performance.now() - pacedAt) / 1000);
      } catch (error) {
        breaker.released();
        if (error instanceof QuotaWaitTooLong) {
          logger.debug(`cognito ${operation}: ${error.message}, past the request's deadline`);
          throw quotaExhausted(operation, `(${error.ratePerSecond.toFixed(1)} calls/s now) cannot serve it before the request’s deadline`);
        }
        throw ended();
      }
      const attemptControl = attemptAbort(signal, attemptTimeoutMs);
      const attemptSignal = attemptControl.signal;
      const startedAt = performance.now();
      try {
        const output = (await send(Command, input, attemptSignal)) as Record<string, unknown>;
        callLog.record(operation, startedAt, 'ok');
        observer.attempted(operation, 'ok', (performance.now() - startedAt) / 1000);
        breaker.succeeded();
        if (isWrite) onWrite?.(userPoolId);
        delete output['$metadata'];
        if (!callOptions.revealSecrets) redactSecrets(operation, output);
        logger.debug(`cognito ${operation} ok in ${(performance.now() - startedAt).toFixed(1)} ms`);
        return output as OutputOf<Name>;
      } catch (error) {
        const timedOut = attemptSignal.aborted && !signal?.aborted;
        callLog.record(operation, startedAt, timedOut ? 'Timeout' : (exceptionName(error) ?? 'UnknownError'));
        const kind = classifyFailure(error, timedOut);
        observer.attempted(operation, attemptOutcome(kind, timedOut, signal?.aborted === true), (performance.now() - startedAt) / 1000);
        if (signal?.aborted) {
          breaker.released();
          throw ended();
        }
        if (kind === 'throttled') {
          breaker.released();
          throttles += 1;
          pacer.throttled(operation, userPoolId);
          logger.debug(`cognito ${operation} throttled (${throttles} so far); waiting for its turn`);
          // The pacer makes the call wait its turn at the lowered rate; without one, a jittered wait.
          if (!pacer.enabled) await pause(backoffDelay(throttles, { ...retry, maxDelayMs: UNPACED_THROTTLE_WAIT_MS }), signal, ended);
          continue;
        }
        if (kind === 'final') {
          breaker.succeeded();
          const answer = finalAnswer(error, operation);
          if (!answer) throw error;
          logger.debug(`cognito ${operation} answered ${answer.exception ?? answer.unknownException ?? answer.code}`);
          throw answer;
        }
        faults += 1;
        if (!isWrite && faults < retry.maxAttempts) {
          breaker.released();
          const delay = backoffDelay(faults - 1, retry);
          logger.debug(`cognito ${operation} fault (attempt ${faults}); retrying in ${delay} ms`);
          await pause(delay, signal, ended);
          continue;
        }
        breaker.faulted();
        logger.warn(`cognito ${operation} failed after ${faults} attempt${faults === 1 ? '' : 's'}:`, timedOut ? 'timed out' : error);
        if (timedOut) throw callTimedOut(operation, faults, isWrite);
        const answered = fromCognitoException(error, operation);
        if (answered || answerStatus(error) !== undefined) throw cognitoFailed(operation, isWrite, answered);
        throw unreachable(operation, isWrite);
      } finally {
        attemptControl.done();
      }
    }
  }
}

function attemptOutcome(kind: ReturnType<typeof classifyFailure>, timedOut: boolean, aborted: boolean): AttemptOutcome {
  if (aborted) return 'aborted';
  if (timedOut) return 'timeout';
  return kind === 'throttled' ? 'throttled' : kind === 'final' ? 'answered_error' : 'fault';
}

/** What Cognito's answer on purpose becomes: the table's code, NOT_IMPLEMENTED, or a code derived from the exception. */
function finalAnswer(error: unknown, operation: string): GatewayError | undefined {
  const known = fromCognitoException(error, operation);
  if (known) return known;
  if (isNotImplemented(error)) {
    return new GatewayError('NOT_IMPLEMENTED', `The Cognito endpoint does not implement ${operation}.`, { operation });
  }
  return fromUnknownException(error, operation);
}

/** Waits before the next attempt, unless the request ends first. */
async function pause(ms: number, signal: AbortSignal | undefined, ended: () => GatewayError): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch {
    throw ended();
  }
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
