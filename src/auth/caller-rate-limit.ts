import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { GatewayError } from '../domain/gateway-error';
import type { CallerIdentity } from './caller-identity';
import { inProcessLimiters, type LimiterFactory } from './rate-limit';

export interface CallerCallLimits {
  /** Cognito calls a minute for one signed-in caller that is not an administrator (by `sub`). */
  selfServicePerMinute: number;
  /** Cognito calls a minute for one administrator (by `sub`, or service key). */
  adminPerMinute: number;
}

const LIMITS = {
  selfService: { setting: 'SELF_SERVICE_CALL_LIMIT', who: { sub: 'this signed-in user' } },
  admin: { setting: 'ADMIN_CALL_LIMIT', who: { sub: 'this administrator', key: 'this service key', address: 'this address' } },
} as const;

/**
 * Cognito calls per caller per minute, counted as they are made, whatever operations and HTTP
 * requests they come from: one caller cannot spend the account's quota (nor guess a password
 * hundreds of times through a batch of aliased changePassword) however it shapes its requests.
 * Self-service callers get far fewer than administrators: a user's own account needs a handful
 * of calls a minute. A refused call answers RATE_LIMITED at its field, naming the limit, with
 * Retry-After.
 */
export class CallerCallLimiter {
  private readonly limiters: Record<'admin' | 'selfService', RateLimiterAbstract>;

  constructor(
    readonly limits: CallerCallLimits,
    limiter: LimiterFactory = inProcessLimiters,
  ) {
    this.limiters = {
      selfService: limiter('caller-self-service', limits.selfServicePerMinute, 60),
      admin: limiter('caller-admin', limits.adminPerMinute, 60),
    };
  }

  /** Counts one Cognito call of `identity`, or refuses it with RATE_LIMITED. */
  async consume(identity: CallerIdentity): Promise<void> {
    if (identity.limit === 'publicFlows') return;
    try {
      await this.limiters[identity.limit].consume(identity.key);
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
      const { setting, who } = LIMITS[identity.limit];
      const kind = identity.key.slice(0, identity.key.indexOf(':')) as keyof typeof who;
      // Anonymous administrators exist only with AUTH_DISABLED (the embedded demo): counted by address.
      const perMinute = identity.limit === 'admin' ? this.limits.adminPerMinute : this.limits.selfServicePerMinute;
      throw new GatewayError(
        'RATE_LIMITED',
        `Too many Cognito calls by ${who[kind] ?? 'this caller'}: ${setting} allows ${perMinute} a minute; retry in ${retryAfterSeconds} s.`,
        { details: { limit: setting, retryAfterSeconds }, headers: { 'Retry-After': String(retryAfterSeconds) } },
      );
    }
  }
}
