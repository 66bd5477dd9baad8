import { isCognitoException } from '../domain/codes';
import { GatewayError } from '../domain/gateway-error';
import { exceptionName } from './errors';

/** How a failed attempt is treated: tried again, counted against Cognito's health, or final. */
export type FailureKind = 'throttled' | 'fault' | 'final';

const throttlingExceptions = new Set(['TooManyRequestsException', 'ThrottlingException']);
const networkErrorCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

interface SdkErrorShape {
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number };
  code?: unknown;
  cause?: unknown;
}

/**
 * Throttling is always worth another try (the call was not carried out). A fault (5xx, a reset or
 * refused connection, an attempt that timed out) is retried only by reads, since a write may have
 * happened. An answer Cognito gives on purpose (user not found, not supported here) is final, and
 * so is an operation the backend does not implement: a 5xx that will not change with retrying.
 */
export function classifyFailure(error: unknown, attemptTimedOut: boolean): FailureKind {
  if (attemptTimedOut) return 'fault';
  const name = exceptionName(error);
  const shape = (error ?? {}) as SdkErrorShape;
  if ((name && throttlingExceptions.has(name)) || shape.$metadata?.httpStatusCode === 429) return 'throttled';
  if (name === 'InternalErrorException' || name === 'InternalServerException') return 'fault';
  if (name && isCognitoException(name)) return 'final';
  if (isNotImplemented(error)) return 'final';
  if (shape.$fault === 'server' || (shape.$metadata?.httpStatusCode ?? 0) >= 500) return 'fault';
  const code = typeof shape.code === 'string' ? shape.code : (shape.cause as SdkErrorShape | undefined)?.code;
  if (typeof code === 'string' && networkErrorCodes.has(code)) return 'fault';
  if (error instanceof Error && /socket hang up|network|ECONNRESET/i.test(error.message)) return 'fault';
  return 'final';
}

const notImplementedPattern = /not[ _-]?((yet|been)[ _-]?)?implemented|unknown[ _-]?operation/i;

/** An answer that the backend lacks the operation: HTTP 501, or said so in its name or message. */
export function isNotImplemented(error: unknown): boolean {
  const shape = (error ?? {}) as SdkErrorShape & { message?: unknown };
  if (shape.$metadata?.httpStatusCode === 501) return true;
  const name = exceptionName(error);
  const message = typeof shape.message === 'string' ? shape.message : '';
  return shape.$metadata !== undefined && (notImplementedPattern.test(name ?? '') || notImplementedPattern.test(message));
}

/** The HTTP status an SDK error came with, if it came from an answer. */
export function answerStatus(error: unknown): number | undefined {
  return ((error ?? {}) as SdkErrorShape).$metadata?.httpStatusCode;
}

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 50, maxDelayMs: 2_000 };

/** "Full jitter" exponential backoff: spreads the retries of many callers instead of syncing them. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/**
 * Fails fast while Cognito is down: after `threshold` calls in a row that ended in a fault
 * (connection failures, timeouts, 5xx after the call's retries) every call is refused at once for
 * `cooldownMs`; then one call is let through as a probe, and its answer closes or reopens the
 * circuit. Throttling, Cognito's own answers and operations the backend lacks never count.
 * One breaker serves one gateway, which talks to one endpoint.
 */
export class CircuitBreaker {
  private consecutiveFaults = 0;
  private openUntil = 0;
  private trialInFlight = false;

  constructor(
    readonly threshold = 5,
    readonly cooldownMs = 5_000,
  ) {}

  /** Throws when calls are refused; otherwise lets this one through. */
  admit(): void {
    if (this.consecutiveFaults < this.threshold) return;
    if (performance.now() < this.openUntil || this.trialInFlight) {
      throw new GatewayError('COGNITO_UNAVAILABLE', 'Cognito is not answering; the gateway refuses calls for a few seconds. Retry later.');
    }
    this.trialInFlight = true;
  }

  succeeded(): void {
    this.consecutiveFaults = 0;
    this.trialInFlight = false;
  }

  /** The call ended without an answer either way (its request went away): a trial may run again. */
  released(): void {
    this.trialInFlight = false;
  }

  /** The call ended in a fault (after its retries): one more toward opening the circuit. */
  faulted(): void {
    this.trialInFlight = false;
    this.consecutiveFaults += 1;
    if (this.consecutiveFaults >= this.threshold) this.openUntil = performance.now() + this.cooldownMs;
  }
}

export function deadlineExceeded(operation: string): GatewayError {
  return new GatewayError('DEADLINE_EXCEEDED', `The request ended (deadline or client gone) before Cognito answered ${operation}.`, {
    operation,
  });
}

/** What a failed write whose outcome is unknown says, and the extension a client can switch on. */
function outcome(isWrite: boolean, operation: string) {
  return isWrite
    ? { doubt: ` The write (${operation}) may or may not have been made: read before you retry it.`, details: { outcomeUnknown: true } }
    : { doubt: '', details: {} };
}

export function unreachable(operation: string, isWrite: boolean): GatewayError {
  const { doubt, details } = outcome(isWrite, operation);
  return new GatewayError('COGNITO_UNAVAILABLE', `Cognito could not be reached for ${operation} (the connection failed).${doubt}`, {
    operation,
    details,
  });
}

/** Cognito answered with a 5xx: it failed, or is failing, and did not say the call had no effect. */
export function cognitoFailed(operation: string, isWrite: boolean, answer?: GatewayError): GatewayError {
  const { doubt, details } = outcome(isWrite, operation);
  const said = answer ? ` (${answer.message})` : '';
  return new GatewayError('COGNITO_UNAVAILABLE', `Cognito failed to answer ${operation}${said}.${doubt}`, {
    operation,
    ...(answer?.exception ? { exception: answer.exception } : {}),
    details,
  });
}

export function callTimedOut(operation: string, attempts: number, isWrite: boolean): GatewayError {
  const { doubt, details } = outcome(isWrite, operation);
  return new GatewayError(
    'COGNITO_TIMEOUT',
    `Cognito did not answer ${operation} in time (${attempts} attempt${attempts === 1 ? '' : 's'}).${doubt}`,
    { operation, details },
  );
}

/** Cognito's quota for the call cannot serve it before the request's deadline. */
export function quotaExhausted(operation: string, reason: string): GatewayError {
  return new GatewayError('THROTTLED', `Cognito's request rate for ${operation} ${reason}; retry later.`, { operation });
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
