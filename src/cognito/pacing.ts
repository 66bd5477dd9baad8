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

/**
 * What replicas share through a store (REDIS_URL): one budget per bucket for all of them, and the
 * rates they learn. Absent, the process paces alone. `key` names a bucket the same way in every
 * replica (a category, or an operation in a pool).
 */
export interface SharedQuota {
  /**
   * Waits until the shared budget of `key`, spent at `ratePerSecond`, has room for one more call.
   * Resolves `undefined` once the call is counted, or, without counting it, the wait in ms it
   * would still need when that would end after `deadlineAt` (a performance.now() time).
   */
  admit(key: string, ratePerSecond: number, signal?: AbortSignal, deadlineAt?: number): Promise<number | undefined>;
  /** Cognito throttled a call of `key`: the current window's shared budget is spent, for every replica. */
  exhausted(key: string): void;
  /** This replica lowered the rate of `key` to `ratePerSecond`: every other replica adopts it. */
  lowered(key: string, ratePerSecond: number): void;
  /** Called when another replica lowered the rate of `key`, `ageMs` ago (also for lowerings made before this replica asked). */
  onLowered(listener: (key: string, ratePerSecond: number, ageMs: number) => void): void;
  /** Asks for the lowering of `key` still in force, if any (answered through onLowered's listener). */
  recall(key: string): void;
}

interface LearnedBucket {
  /** As the call log and errors name it: a category, or `<operation> in <pool>`. */
  name: string;
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
 * configured one, or shared with other applications. With a SharedQuota (REDIS_URL) the budget
 * and the learned rates are the replicas' together; without, they are this process's.
 */
export class QuotaPacer {
  private readonly categories = new Map<QuotaCategory, LearnedBucket>();
  private readonly perPool = new Map<string, LearnedBucket>();
  /** Every bucket by its shared key (see sharedKey). */
  private readonly byKey = new Map<string, LearnedBucket>();

  /**
   * @param enabled false: no pacing at all (a local emulator, a benchmark of the gateway alone).
   * @param shared with REDIS_URL: the budget and learned rates every replica shares.
   */
  constructor(
    private readonly rates: QuotaRates = {},
    readonly enabled = true,
    private readonly shared?: SharedQuota,
  ) {
    shared?.onLowered((key, rate, ageMs) => this.adopt(key, rate, ageMs));
  }

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
    for (const [key, learned] of this.bucketsOf(operation, userPoolId)) {
      const bucket = recovered(learned);
      const waitMs = bucket.expectedWaitMs(caller);
      if (deadlineAt !== undefined && performance.now() + waitMs > deadlineAt)
        throw new QuotaWaitTooLong(learned.name, waitMs, bucket.ratePerSecond);
      await bucket.take(signal, caller);
      // This replica's turn came (fairly between its callers); now the budget all replicas share.
      const sharedWaitMs = await this.shared?.admit(key, recovered(learned).ratePerSecond, signal, deadlineAt);
      if (sharedWaitMs !== undefined) throw new QuotaWaitTooLong(learned.name, sharedWaitMs, bucket.ratePerSecond);
    }
  }

  /** Cognito throttled the call: its buckets were faster than the quota really is. */
  throttled(operation: OperationName, userPoolId: string | undefined): void {
    if (!this.enabled) return;
    const now = performance.now();
    for (const [key, learned] of this.bucketsOf(operation, userPoolId)) {
      this.shared?.exhausted(key);
      if (learned.lowered && now - learned.lowered.at < DECREASE_WINDOW_MS) {
        // Throttled again in the window that was already lowered: its budget is spent, so the
        // next call waits for the window to pass rather than asking again at once.
        learned.bucket.hold(learned.lowered.at + DECREASE_WINDOW_MS);
        continue;
      }
      const rate = Math.max(MIN_LEARNED_RATE, recovered(learned).ratePerSecond * DECREASE);
      learned.lowered = { at: now, rate };
      learned.bucket.setRate(rate, true);
      this.shared?.lowered(key, rate);
    }
  }

  /**
   * Another replica lowered `key` to `rate`, `ageMs` ago: where that (recovered since, as ours
   * would be) is below this replica's rate, it becomes this replica's too. Two replicas throttled
   * at once both halve the same shared rate, so neither halves it again on hearing of the other.
   */
  private adopt(key: string, rate: number, ageMs: number): void {
    const learned = this.byKey.get(key);
    if (!learned) return;
    const lowered = { at: performance.now() - ageMs, rate };
    const theirs = Math.min(learned.ceiling, rate + (ageMs / 1000) * recoveryPerSecond(learned.ceiling));
    if (theirs >= recovered(learned).ratePerSecond) return;
    learned.lowered = lowered;
    learned.bucket.setRate(theirs, true);
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

  /** The buckets a call goes through, by shared key: its category's, and its pool's where Cognito caps each pool. */
  private bucketsOf(operation: OperationName, userPoolId: string | undefined): [string, LearnedBucket][] {
    const category = operationCategories[operation];
    const rate = this.rates[category] ?? quotaCategories[category].requestsPerSecond;
    const buckets: [string, LearnedBucket][] = [[category, this.bucket(this.categories, category, category, category, rate)]];
    if (quotaCategories[category].perPoolCap && userPoolId) {
      const key = `${operation}\u0000${userPoolId}`;
      buckets.push([
        `${operation}@${userPoolId}`,
        this.bucket(this.perPool, key, `${operation}@${userPoolId}`, `${operation} in ${userPoolId}`, PER_POOL_CAP),
      ]);
    }
    return buckets;
  }

  private bucket<Key>(buckets: Map<Key, LearnedBucket>, key: Key, sharedKey: string, name: string, rate: number): LearnedBucket {
    let learned = buckets.get(key);
    if (!learned) {
      learned = { name, bucket: new TokenBucket(rate), ceiling: rate };
      buckets.set(key, learned);
      this.byKey.set(sharedKey, learned);
      // A replica that starts while the others run slower learns their rate before it spends much.
      this.shared?.recall(sharedKey);
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
