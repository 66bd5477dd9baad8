import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { GatewayError } from '../domain/gateway-error';

/**
 * Public sign-up and sign-in calls per client address: each spends the account's Cognito
 * authentication quota, so one address must not be able to spend it all.
 */
export class PublicFlowLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  async consume(clientAddress: string): Promise<void> {
    try {
      await this.limiter.consume(clientAddress);
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      const retryAfterSeconds = Math.ceil(result.msBeforeNext / 1000);
      throw new GatewayError('RATE_LIMITED', `Too many sign-up or sign-in requests from this address; retry in ${retryAfterSeconds} s.`, {
        details: { retryAfterSeconds },
        headers: { 'Retry-After': String(retryAfterSeconds) },
      });
    }
  }
}
