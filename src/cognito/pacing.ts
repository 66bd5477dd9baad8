import type { OperationName } from './commands';
import { operationCategories, PER_POOL_CAP, quotaCategories, type QuotaCategory } from './quotas';
import { TokenBucket } from './token-bucket';

/** Requests per second per category; a category missing here runs at AWS's default rate. */
export type QuotaRates = Partial<Record<QuotaCategory, number>>;

/**
 * Paces every Cognito call by its quota category (account-wide) and, for the categories that cap
 * each operation per pool, by (operation, pool) as well: a request that fans out to hundreds of
 * calls waits its turn instead of being throttled. One pacer serves the whole gateway.
 */
export class QuotaPacer {
  private readonly categories = new Map<QuotaCategory, TokenBucket>();
  private readonly perPool = new Map<string, TokenBucket>();

  /** @param enabled false: no pacing at all (a local emulator, a benchmark of the gateway alone). */
  constructor(
    private readonly rates: QuotaRates = {},
    private readonly enabled = true,
  ) {}

  async acquire(operation: OperationName, userPoolId: string | undefined, signal?: AbortSignal): Promise<void> {
    if (!this.enabled) return;
    const category = operationCategories[operation];
    await this.bucket(this.categories, category, this.rates[category] ?? quotaCategories[category].requestsPerSecond).take(signal);
    if (quotaCategories[category].perPoolCap && userPoolId) {
      await this.bucket(this.perPool, `${operation}\u0000${userPoolId}`, PER_POOL_CAP).take(signal);
    }
  }

  /** Calls waiting for their turn right now, by category. */
  waiting(): Record<string, number> {
    return Object.fromEntries(
      [...this.categories].filter(([, bucket]) => bucket.waiting > 0).map(([name, bucket]) => [name, bucket.waiting]),
    );
  }

  private bucket<Key>(buckets: Map<Key, TokenBucket>, key: Key, rate: number): TokenBucket {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(rate);
      buckets.set(key, bucket);
    }
    return bucket;
  }
}
