import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../auth/rate-limit';
import type { SharedStore } from './shared-store';

/** Every key the gateway keeps in Redis starts with this, so the store can be shared with other uses. */
export const KEY_PREFIX = 'cognito-gateway';

/**
 * Counters that every replica shares, in Redis; while Redis is unreachable (or slower than its
 * command timeout) rate-limiter-flexible counts in this process instead, on the replica's share of
 * the limit (its insurance limiter): the replicas together then allow about what one shared limit
 * would, however a load balancer spreads the calls.
 */
export function sharedLimiters(store: SharedStore): LimiterFactory {
  return (name, points, duration) =>
    new RateLimiterRedis({
      storeClient: store.client,
      keyPrefix: `${KEY_PREFIX}:${name}`,
      points,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points: store.share(points), duration }),
    });
}
