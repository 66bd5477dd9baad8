import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { SharedQuota } from '../cognito/pacing';
import { sleep } from '../cognito/resilience';
import { KEY_PREFIX } from './shared-limiters';
import type { SharedStore } from './shared-store';

/**
 * A one-second window's budget, in points: a call at r calls/s costs WINDOW_POINTS / r of it, so
 * one counter per bucket serves whatever rate the replicas have learned (a rate under one call a
 * second costs the whole window: one call a second at least, the local bucket slows it further).
 */
const WINDOW_POINTS = 1_000_000;
/**
 * A spent window is waited out to this long past its end: the n-th call of one window then goes
 * at least a second and this much after the n-th of the last, which absorbs the scheduling jitter
 * between counting a call here and its arrival at Cognito (a sliding one-second window there).
 * It costs 5% of the quota.
 */
const PAST_WINDOW_END_MS = 50;
/** A bound on the rounds of one wait (each waits out a window): the request's deadline ends it far sooner. */
const MAX_ROUNDS = 1_000;
/** A lowered rate is back at its ceiling within 30 s (see pacing.ts): a replica starting later needs it no longer. */
const LOWERING_KEPT_MS = 30_000;
const LOWERED_CHANNEL = `${KEY_PREFIX}:quota-lowered`;

interface Lowering {
  key: string;
  rate: number;
  /** When it was lowered (Date.now() of the replica that did: replicas' clocks agree well enough for a 30 s recovery). */
  at: number;
}

/**
 * The quota budget the replicas share (QuotaPacer's SharedQuota), through rate-limiter-flexible's
 * Redis limiter: one fixed one-second window per bucket, counted in Redis, its calls spread
 * evenly through it. A call that finds the window spent waits for the next one (it is not
 * refused), until its request's deadline. While
 * Redis is unreachable the same limiter counts in this process, on this replica's share of the
 * window (its insurance limiter). Learned rates travel by Redis publish/subscribe, and are kept
 * for replicas that start later.
 */
export class RedisSharedQuota implements SharedQuota {
  private readonly budget: RateLimiterRedis;
  private readonly listeners: ((key: string, rate: number, ageMs: number) => void)[] = [];

  /** The buckets asked for so far: their windows are closed when the budget moves between Redis and this process. */
  private readonly keys = new Set<string>();

  constructor(private readonly store: SharedStore) {
    const local = new RateLimiterMemory({ points: store.share(WINDOW_POINTS), duration: 1 });
    this.budget = new RateLimiterRedis({
      storeClient: store.client,
      keyPrefix: `${KEY_PREFIX}:quota`,
      points: WINDOW_POINTS,
      duration: 1,
      rejectIfRedisNotReady: true,
      insuranceLimiter: local,
    });
    // The window the other side was spending is not known to this one: at each switch the new side
    // starts with its current window spent, so that the two budgets do not add up for that second.
    store.onChange((reachable) => {
      for (const key of this.keys) {
        const spent = reachable ? this.budget.penalty(key, WINDOW_POINTS) : local.penalty(key, WINDOW_POINTS);
        spent.catch(() => {});
      }
    });
    store.subscriber.on('message', (channel: string, message: string) => {
      if (channel === LOWERED_CHANNEL) this.deliver(message);
    });
    store.subscriber.subscribe(LOWERED_CHANNEL).catch(() => {
      // Resubscribed by ioredis when the store comes back; until then each replica learns alone.
    });
  }

  async admit(key: string, ratePerSecond: number, signal?: AbortSignal, deadlineAt?: number): Promise<number | undefined> {
    const cost = Math.min(WINDOW_POINTS, Math.floor(WINDOW_POINTS / ratePerSecond));
    this.keys.add(key);
    let waitMs = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      try {
        const counted = await this.budget.consume(key, cost);
        // Calls go at even steps through their window (the n-th at (n-1)/rate s), not all at its
        // start: windows follow each other back to back, and a burst at the end of one followed
        // by one at the start of the next would be twice the rate in a second across them.
        const stepMs = ((counted.consumedPoints - cost) / WINDOW_POINTS) * 1000 - (1000 - counted.msBeforeNext);
        if (stepMs > 0) {
          if (deadlineAt !== undefined && performance.now() + stepMs > deadlineAt) return stepMs;
          await sleep(stepMs, signal);
        }
        return undefined;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        waitMs = refusal.msBeforeNext + PAST_WINDOW_END_MS;
        if (deadlineAt !== undefined && performance.now() + waitMs > deadlineAt) return waitMs;
        await sleep(waitMs, signal);
      }
    }
    return waitMs;
  }

  exhausted(key: string): void {
    this.budget.penalty(key, WINDOW_POINTS).catch(() => {});
  }

  lowered(key: string, ratePerSecond: number): void {
    const message = JSON.stringify({ key, rate: ratePerSecond, at: Date.now() } satisfies Lowering);
    this.store.client
      .multi()
      .set(`${LOWERED_CHANNEL}:${key}`, message, 'PX', LOWERING_KEPT_MS)
      .publish(LOWERED_CHANNEL, message)
      .exec()
      .catch(() => {});
  }

  onLowered(listener: (key: string, ratePerSecond: number, ageMs: number) => void): void {
    this.listeners.push(listener);
  }

  recall(key: string): void {
    this.store.client
      .get(`${LOWERED_CHANNEL}:${key}`)
      .then((message) => message && this.deliver(message))
      .catch(() => {});
  }

  private deliver(message: string): void {
    const lowering = parseLowering(message);
    if (!lowering) return;
    const ageMs = Math.max(0, Date.now() - lowering.at);
    for (const listener of this.listeners) listener(lowering.key, lowering.rate, ageMs);
  }
}

function parseLowering(message: string): Lowering | undefined {
  try {
    const value = JSON.parse(message) as Partial<Lowering>;
    if (typeof value.key === 'string' && typeof value.rate === 'number' && value.rate > 0 && typeof value.at === 'number') {
      return { key: value.key, rate: value.rate, at: value.at };
    }
  } catch {
    // not ours
  }
  return undefined;
}
