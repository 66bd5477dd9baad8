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
 * happened. An answer Cognito gives on purpose (user not found, not supported here) is final.
 */
export function classifyFailure(error: unknown, attemptTimedOut: boolean): FailureKind {
  if (attemptTimedOut) return 'fault';
  const name = exceptionName(error);
  const shape = (error ?? {}) as SdkErrorShape;
  if ((name && throttlingExceptions.has(name)) || shape.$metadata?.httpStatusCode === 429) return 'throttled';
  if (name === 'InternalErrorException') return 'fault';
  if (name && isCognitoException(name)) return 'final';
  if (shape.$fault === 'server' || (shape.$metadata?.httpStatusCode ?? 0) >= 500) return 'fault';
  const code = typeof shape.code === 'string' ? shape.code : (shape.cause as SdkErrorShape | undefined)?.code;
  if (typeof code === 'string' && networkErrorCodes.has(code)) return 'fault';
  if (error instanceof Error && /socket hang up|network|ECONNRESET/i.test(error.message)) return 'fault';
  return 'final';
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
 * Fails fast while Cognito is down: after `threshold` faults in a row every call is refused at once
 * for `cooldownMs`; then one call is let through, and its answer closes or reopens the circuit.
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

  failed(kind: FailureKind): void {
    this.trialInFlight = false;
    if (kind !== 'fault') return;
    this.consecutiveFaults += 1;
    if (this.consecutiveFaults >= this.threshold) this.openUntil = performance.now() + this.cooldownMs;
  }
}

export function deadlineExceeded(operation: string): GatewayError {
  return new GatewayError('DEADLINE_EXCEEDED', `The request ended (deadline or client gone) before Cognito answered ${operation}.`, {
    operation,
  });
}

export function unreachable(operation: string, isWrite: boolean): GatewayError {
  const doubt = isWrite ? ' The change may or may not have been made.' : '';
  return new GatewayError('COGNITO_UNAVAILABLE', `Cognito could not be reached for ${operation} (the connection failed).${doubt}`, {
    operation,
  });
}

export function callTimedOut(operation: string, attempts: number): GatewayError {
  return new GatewayError(
    'COGNITO_TIMEOUT',
    `Cognito did not answer ${operation} in time (${attempts} attempt${attempts === 1 ? '' : 's'}).`,
    {
      operation,
    },
  );
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
