import type { OperationName } from './commands';
import { operationCategories, PER_POOL_CAP, quotaCategories, type QuotaCategory } from './quotas';
import { ANY_CALLER, TokenBucket } from './token-bucket';

/** Requests per second per category; a category missing here runs at AWS's default rate. */
export type QuotaRates = Partial<Record<QuotaCategory, number>>;

/** Where a call would have to wait too long for its quota, and how long. */
export class QuotaWaitTooLong extends Error {
  constructor(
    readonly bucket: string,
    readonly waitMs: number,
    readonly ratePerSecond: number,
  ) {
    super(`${bucket} would wait ${Math.ceil(waitMs)} ms at ${ratePerSecond.toFixed(2)} calls/s`);
  }
}

/** The slowest a learned rate goes: one call every five seconds still makes progress. */
export const MIN_LEARNED_RATE = 0.2;
/** A throttling answer halves the rate (multiplicative decrease), once per window: a burst of calls throttled together is one event... */
const DECREASE = 0.5;
const DECREASE_WINDOW_MS = 1_000;
/**
 * ...and every second gives back a thirtieth of the ceiling (a quarter of a call per second at
 * least): additive increase. Slow enough that, halved once a second, the rate settles under a
 * real quota as low as a sixth of the configured one (30/s configured, 5/s real: it settles near 2).
 */
const recoveryPerSecond = (ceiling: number) => Math.max(0.25, ceiling / 30);

interface LearnedBucket {
  bucket: TokenBucket;
  /** The configured (or AWS default) rate: the learned rate never goes above it. */
  ceiling: number;
  /** When the rate was last lowered, and to what: it climbs back from there. */
  lowered?: { at: number; rate: number };
}

/**
 * Paces every Cognito call by its quota category (account-wide) and, for the categories that cap
 * each operation per pool, by (operation, pool) as well: a request that fans out to hundreds of
 * calls waits its turn instead of being throttled. One pacer serves the whole gateway, and every
 * request of the process shares what it learns: a throttling answer halves the rate of the
 * buckets the call went through (once a second at most), and each second raises it again by a step, never
 * above the configured rate (AIMD). So the pacer finds the account's real rate when it is lower than the
 * configured one, or shared with other applications.
 */
export class QuotaPacer {
  private readonly categories = new Map<QuotaCategory, LearnedBucket>();
  private readonly perPool = new Map<string, LearnedBucket>();

  /** @param enabled false: no pacing at all (a local emulator, a benchmark of the gateway alone). */
  constructor(
    private readonly rates: QuotaRates = {},
    readonly enabled = true,
  ) {}

  /**
   * Waits for the call's turn. With `deadlineAt` (a performance.now() time), refuses at once with
   * QuotaWaitTooLong when the turn would come after it: waiting could not help. `caller` names
   * who the call is for: in every bucket, waiting calls are served round-robin between callers
   * (see TokenBucket), so one caller's backlog does not hold another's calls behind it.
   */
  async acquire(
    operation: OperationName,
    userPoolId: string | undefined,
    signal?: AbortSignal,
    deadlineAt?: number,
    caller: string = ANY_CALLER,
  ): Promise<void> {
    if (!this.enabled) return;
    for (const [name, learned] of this.bucketsOf(operation, userPoolId)) {
      const bucket = recovered(learned);
      const waitMs = bucket.expectedWaitMs(caller);
      if (deadlineAt !== undefined && performance.now() + waitMs > deadlineAt)
        throw new QuotaWaitTooLong(name, waitMs, bucket.ratePerSecond);
      await bucket.take(signal, caller);
    }
  }

  /** Cognito throttled the call: its buckets were faster than the quota really is. */
  throttled(operation: OperationName, userPoolId: string | undefined): void {
    if (!this.enabled) return;
    const now = performance.now();
    for (const [, learned] of this.bucketsOf(operation, userPoolId)) {
      if (learned.lowered && now - learned.lowered.at < DECREASE_WINDOW_MS) {
        // Throttled again in the window that was already lowered: its budget is spent, so the
        // next call waits for the window to pass rather than asking again at once.
        learned.bucket.hold(learned.lowered.at + DECREASE_WINDOW_MS);
        continue;
      }
      const rate = Math.max(MIN_LEARNED_RATE, recovered(learned).ratePerSecond * DECREASE);
      learned.lowered = { at: now, rate };
      learned.bucket.setRate(rate, true);
    }
  }

  /** The rate each bucket runs at now, learned or configured: for the call log and tests. */
  currentRates(): Record<string, number> {
    const rates: Record<string, number> = {};
    for (const [name, learned] of this.categories) rates[name] = recovered(learned).ratePerSecond;
    for (const [key, learned] of this.perPool) rates[key.replace('\u0000', '@')] = recovered(learned).ratePerSecond;
    return rates;
  }

  /** Calls waiting for their turn right now, by category. */
  waiting(): Record<string, number> {
    return Object.fromEntries(
      [...this.categories].filter(([, { bucket }]) => bucket.waiting > 0).map(([name, { bucket }]) => [name, bucket.waiting]),
    );
  }

  private bucketsOf(operation: OperationName, userPoolId: string | undefined): [string, LearnedBucket][] {
    const category = operationCategories[operation];
    const buckets: [string, LearnedBucket][] = [
      [category, this.bucket(this.categories, category, this.rates[category] ?? quotaCategories[category].requestsPerSecond)],
    ];
    if (quotaCategories[category].perPoolCap && userPoolId) {
      const key = `${operation}\u0000${userPoolId}`;
      buckets.push([`${operation} in ${userPoolId}`, this.bucket(this.perPool, key, PER_POOL_CAP)]);
    }
    return buckets;
  }

  private bucket<Key>(buckets: Map<Key, LearnedBucket>, key: Key, rate: number): LearnedBucket {
    let learned = buckets.get(key);
    if (!learned) {
      learned = { bucket: new TokenBucket(rate), ceiling: rate };
      buckets.set(key, learned);
    }
    return learned;
  }
}

/** The bucket at the rate it has climbed back to since it was last lowered. */
function recovered(learned: LearnedBucket): TokenBucket {
  const { bucket, ceiling, lowered } = learned;
  if (!lowered) return bucket;
  const rate = Math.min(ceiling, lowered.rate + ((performance.now() - lowered.at) / 1000) * recoveryPerSecond(ceiling));
  if (rate >= ceiling) learned.lowered = undefined;
  if (rate !== bucket.ratePerSecond) bucket.setRate(rate);
  return bucket;
}
