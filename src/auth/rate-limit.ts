import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { GatewayError } from '../domain/gateway-error';

/**
 * Makes the counter of one limit: `points` per `durationSeconds` per key, under `name`. In this
 * process by default; shared by the replicas with REDIS_URL (src/store/shared-limiters.ts).
 */
export type LimiterFactory = (name: string, points: number, durationSeconds: number) => RateLimiterAbstract;

export const inProcessLimiters: LimiterFactory = (_name, points, duration) => new RateLimiterMemory({ points, duration });

export interface PublicFlowLimits {
  /** Public calls per client address per minute. */
  perAddress: number;
  /** Public calls per username (of one pool) per minute, from all addresses together. */
  perUsername: number;
}

/** Whose calls a public flow counts: the account asked about, whether or not it exists. */
export interface PublicFlowSubject {
  clientAddress: string;
  userPoolId: string;
  username: string;
}

/**
 * Public sign-up and sign-in calls, limited twice. Per client address: each call spends the
 * account's Cognito authentication quota, so one address must not be able to spend it all. Per
 * username: an address is cheap to change, so guesses at one account's password or codes are
 * limited however many addresses they come from. The username key is counted before any Cognito
 * call, the same for a user that does not exist as for one that does, so the limit tells nothing
 * about existence; it holds the username only (never a password).
 */
export class PublicFlowLimiter {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byUsername: RateLimiterAbstract;

  constructor(
    readonly limits: PublicFlowLimits,
    limiter: LimiterFactory = inProcessLimiters,
  ) {
    this.byAddress = limiter('public-address', limits.perAddress, 60);
    this.byUsername = limiter('public-username', limits.perUsername, 60);
  }

  /** Counts one call, or refuses it with RATE_LIMITED; an address over its limit spends nothing of a username's. */
  async consume(subject: PublicFlowSubject): Promise<void> {
    await spend(this.byAddress, subject.clientAddress, 'from this address');
    await spend(this.byUsername, usernameKey(subject.userPoolId, subject.username), 'for this username');
  }

  /**
   * Counts one call of a flow that names no user (a refresh token proves who it is for): the
   * address's allowance only, the same one the sign-in flows spend.
   */
  async consumeForAddress(clientAddress: string): Promise<void> {
    await spend(this.byAddress, clientAddress, 'from this address');
  }
}

/**
 * One key per account of a pool, however the name is written: pools compare usernames without
 * case by default, so `Alice` and `alice` are one account and share one allowance.
 */
export function usernameKey(userPoolId: string, username: string): string {
  return `${userPoolId}\u0000${username.normalize('NFKC').toLowerCase()}`;
}

async function spend(limiter: RateLimiterAbstract, key: string, whose: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (result) {
    if (!(result instanceof RateLimiterRes)) throw result;
    const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    throw new GatewayError('RATE_LIMITED', `Too many sign-up or sign-in requests ${whose}; retry in ${retryAfterSeconds} s.`, {
      details: { retryAfterSeconds },
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}
