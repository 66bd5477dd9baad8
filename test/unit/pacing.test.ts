import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OperationName } from '../../src/cognito/commands';
import { MIN_LEARNED_RATE, QuotaPacer, QuotaWaitTooLong } from '../../src/cognito/pacing';
import { backoffDelay, classifyFailure, defaultRetryPolicy, type RetryPolicy } from '../../src/cognito/resilience';
import { TokenBucket } from '../../src/cognito/token-bucket';

/**
 * The token bucket and the quota pacer on fake time (setTimeout and performance.now both faked,
 * so nothing here waits for real), and the failure classification and backoff of the call path.
 */

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Starts `take`s and records, in order, which of them have been let through. */
function tracker() {
  const released: string[] = [];
  const rejected: string[] = [];
  return {
    released,
    rejected,
    track(label: string, promise: Promise<void>) {
      promise.then(
        () => released.push(label),
        () => rejected.push(label),
      );
    },
  };
}

/** Lets settled promises run their callbacks without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('fake time', () => {
  it('performance.now moves with the fake clock only', async () => {
    const start = performance.now();
    await vi.advanceTimersByTimeAsync(1234);
    expect(performance.now() - start).toBe(1234);
  });
});

describe('TokenBucket', () => {
  it('lets a burst of `rate` through at once, then one every 1/rate second, in the order asked', async () => {
    const bucket = new TokenBucket(2);
    const t = tracker();
    for (const label of ['a', 'b', 'c', 'd', 'e']) t.track(label, bucket.take());
    await settle();
    expect(t.released).toEqual(['a', 'b']);
    expect(bucket.waiting).toBe(3);

    await vi.advanceTimersByTimeAsync(499);
    expect(t.released).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.released).toEqual(['a', 'b', 'c']);

    await vi.advanceTimersByTimeAsync(499);
    expect(t.released).toEqual(['a', 'b', 'c']);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.released).toEqual(['a', 'b', 'c', 'd']);

    await vi.advanceTimersByTimeAsync(500);
    expect(t.released).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(bucket.waiting).toBe(0);
    expect(t.rejected).toEqual([]);
  });

  it('refills while idle, up to its capacity (a one-second burst)', async () => {
    const bucket = new TokenBucket(2);
    await bucket.take();
    await bucket.take();
    await vi.advanceTimersByTimeAsync(10_000);
    const t = tracker();
    for (const label of ['a', 'b', 'c']) t.track(label, bucket.take());
    await settle();
    // Ten idle seconds buy no more than the capacity of 2.
    expect(t.released).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.released).toEqual(['a', 'b', 'c']);
  });

  it('an aborted waiter leaves the queue and rejects with the reason; the others keep their turn', async () => {
    const bucket = new TokenBucket(2);
    const t = tracker();
    const controller = new AbortController();
    t.track('a', bucket.take());
    t.track('b', bucket.take());
    const c = bucket.take(controller.signal);
    t.track('c', c);
    t.track('d', bucket.take());
    await settle();
    expect(bucket.waiting).toBe(2);

    const reason = new Error('client gone');
    controller.abort(reason);
    await expect(c).rejects.toBe(reason);
    expect(bucket.waiting).toBe(1);
    expect(t.rejected).toEqual(['c']);

    // The token c would have had goes to d, at c's time.
    await vi.advanceTimersByTimeAsync(500);
    expect(t.released).toEqual(['a', 'b', 'd']);
    expect(bucket.waiting).toBe(0);
  });

  it('a take with a signal aborted already rejects when it would have to wait', async () => {
    const bucket = new TokenBucket(1);
    await bucket.take();
    const reason = new Error('deadline');
    await expect(bucket.take(AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(bucket.waiting).toBe(0);
  });
});

describe('QuotaPacer', () => {
  const POOL_A = 'local_PoolA';
  const POOL_B = 'local_PoolB';

  /** Starts `count` acquires of `operation` on `pool`, labelled `<prefix><i>`. */
  function acquireMany(
    pacer: QuotaPacer,
    t: ReturnType<typeof tracker>,
    operation: OperationName,
    pool: string | undefined,
    count: number,
    prefix: string,
  ) {
    for (let i = 0; i < count; i++) t.track(`${prefix}${i}`, pacer.acquire(operation, pool));
  }

  it('GetGroup on one pool: the per-pool cap releases 5 per second (the category allows 20 at once)', async () => {
    const pacer = new QuotaPacer();
    const t = tracker();
    acquireMany(pacer, t, 'GetGroup', POOL_A, 20, 'a');
    await settle();
    expect(t.released).toHaveLength(5);
    for (const [second, released] of [
      [1, 10],
      [2, 15],
      [3, 20],
    ] as const) {
      await vi.advanceTimersByTimeAsync(999);
      expect(t.released, `just before ${second} s`).toHaveLength(released - 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(t.released, `at ${second} s`).toHaveLength(released);
    }
    // In the order asked.
    expect(t.released).toEqual(Array.from({ length: 20 }, (_, i) => `a${i}`));
    expect(t.rejected).toEqual([]);
  });

  it("GetGroup on another pool is not held by the first pool's bucket; another operation on the same pool neither", async () => {
    const pacer = new QuotaPacer();
    const t = tracker();
    acquireMany(pacer, t, 'GetGroup', POOL_A, 10, 'a');
    await settle();
    expect(t.released).toHaveLength(5);
    // The category (20 per second) still has tokens; pool B's and ListGroups' own buckets are full.
    t.track('b0', pacer.acquire('GetGroup', POOL_B));
    t.track('list0', pacer.acquire('ListGroups', POOL_A));
    await settle();
    expect(t.released).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b0', 'list0']);
  });

  it('the category rate holds across pools: 25 GetGroup calls on 25 pools, 20 at once, then one every 50 ms', async () => {
    const pacer = new QuotaPacer();
    const t = tracker();
    for (let i = 0; i < 25; i++) t.track(`p${i}`, pacer.acquire('GetGroup', `local_Pool${i}`));
    await settle();
    expect(t.released).toHaveLength(20);
    await vi.advanceTimersByTimeAsync(50);
    expect(t.released).toHaveLength(21);
    await vi.advanceTimersByTimeAsync(200);
    expect(t.released).toHaveLength(25);
  });

  it('a category without a per-pool cap (UserList) is paced by its category only', async () => {
    const pacer = new QuotaPacer();
    const t = tracker();
    acquireMany(pacer, t, 'ListUsers', POOL_A, 30, 'u');
    await settle();
    expect(t.released).toHaveLength(30);
  });

  it('disabled (new QuotaPacer({}, false)): never waits', async () => {
    const pacer = new QuotaPacer({}, false);
    const t = tracker();
    acquireMany(pacer, t, 'GetGroup', POOL_A, 100, 'g');
    acquireMany(pacer, t, 'ListUsers', POOL_A, 100, 'u');
    await settle();
    expect(t.released).toHaveLength(200);
    expect(pacer.waiting()).toEqual({});
  });

  it('a rate from the configuration ({ UserList: 1 }) replaces the default', async () => {
    const pacer = new QuotaPacer({ UserList: 1 });
    const t = tracker();
    acquireMany(pacer, t, 'ListUsers', POOL_A, 2, 'u');
    t.track('g', pacer.acquire('ListUsersInGroup', POOL_A));
    await settle();
    expect(t.released).toEqual(['u0']);
    expect(pacer.waiting()).toEqual({ UserList: 2 });
    await vi.advanceTimersByTimeAsync(999);
    expect(t.released).toEqual(['u0']);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.released).toEqual(['u0', 'u1']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.released).toEqual(['u0', 'u1', 'g']);
    // Other categories keep their default rate.
    acquireMany(pacer, t, 'DescribeUserPool', POOL_A, 15, 'd');
    await settle();
    expect(t.released).toHaveLength(18);
  });

  it('an aborted acquire rejects and leaves the queue', async () => {
    const pacer = new QuotaPacer({ UserList: 1 });
    await pacer.acquire('ListUsers', POOL_A);
    const controller = new AbortController();
    const waiting = pacer.acquire('ListUsers', POOL_A, controller.signal);
    await settle();
    expect(pacer.waiting()).toEqual({ UserList: 1 });
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(pacer.waiting()).toEqual({});
  });
});

describe('QuotaPacer learns the real rate from throttling (AIMD)', () => {
  const POOL = 'local_PoolA';

  it('a throttling answer halves the category rate and empties its bucket: the next call waits 1/rate', async () => {
    const pacer = new QuotaPacer({ UserList: 4 });
    pacer.throttled('ListUsers', POOL);
    expect(pacer.currentRates()).toMatchObject({ UserList: 2 });
    const t = tracker();
    t.track('next', pacer.acquire('ListUsers', POOL));
    await vi.advanceTimersByTimeAsync(499);
    expect(t.released).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.released).toEqual(['next']);
  });

  it('halves the per-pool bucket too where the category caps each pool, and not another pool’s', () => {
    const pacer = new QuotaPacer();
    pacer.throttled('GetGroup', POOL);
    const rates = pacer.currentRates();
    expect(rates['UserPoolResourceRead']).toBe(10);
    expect(rates[`GetGroup@${POOL}`]).toBe(2.5);
    expect(rates['GetGroup@local_Other']).toBeUndefined();
  });

  it('lowers the rate once for calls throttled in the same second: a burst is one event', () => {
    const pacer = new QuotaPacer({ UserList: 32 });
    for (let i = 0; i < 7; i++) pacer.throttled('ListUsers', POOL);
    expect(pacer.currentRates()['UserList']).toBe(16);
  });

  it('throttled again in the same window: the next call waits for the window to pass instead of asking at once', async () => {
    const pacer = new QuotaPacer({ UserList: 32 });
    pacer.throttled('ListUsers', POOL);
    await vi.advanceTimersByTimeAsync(100);
    pacer.throttled('ListUsers', POOL);
    const t = tracker();
    t.track('retry', pacer.acquire('ListUsers', POOL));
    await vi.advanceTimersByTimeAsync(899);
    expect(t.released).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.released).toEqual(['retry']);
    // The rate was halved once, not twice.
    expect(pacer.currentRates()['UserList']).toBeCloseTo(16 + (1 / 30) * 32, 5);
  });

  it('settles under a real quota a sixth of the configured one, and never goes below one call in five seconds', async () => {
    const pacer = new QuotaPacer({ UserList: 30 });
    for (let i = 0; i < 20; i++) {
      pacer.throttled('ListUsers', POOL);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(pacer.currentRates()['UserList']).toBeLessThan(5);
    const slow = new QuotaPacer({ UserList: 0.3 });
    slow.throttled('ListUsers', POOL);
    expect(slow.currentRates()['UserList']).toBe(MIN_LEARNED_RATE);
  });

  it('climbs back by a thirtieth of the ceiling per second, up to the configured rate and no further', async () => {
    const pacer = new QuotaPacer({ UserList: 30 });
    pacer.throttled('ListUsers', POOL);
    expect(pacer.currentRates()['UserList']).toBe(15);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(pacer.currentRates()['UserList']).toBe(17);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pacer.currentRates()['UserList']).toBe(30);
  });

  it('refuses at once, without waiting, a call whose turn would come after the deadline', async () => {
    const pacer = new QuotaPacer({ UserList: 1 });
    await pacer.acquire('ListUsers', POOL);
    await expect(pacer.acquire('ListUsers', POOL, undefined, performance.now() + 500)).rejects.toBeInstanceOf(QuotaWaitTooLong);
    expect(pacer.waiting()).toEqual({});
    // A deadline the turn fits in: it waits its turn.
    const t = tracker();
    t.track('fits', pacer.acquire('ListUsers', POOL, undefined, performance.now() + 1_500));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.released).toEqual(['fits']);
  });
});

describe('fair queuing between callers', () => {
  /** Lets every waiting take through, one token at a time, and returns the order they went in. */
  async function servedOrder(t: ReturnType<typeof tracker>, ratePerSecond: number, takes: number) {
    await vi.advanceTimersByTimeAsync(Math.ceil((takes / ratePerSecond) * 1000) + 1000);
    return t.released;
  }

  it('a caller with a backlog of 100 delays another caller’s single call by one call (FIFO: by 99)', async () => {
    const bucket = new TokenBucket(1);
    const t = tracker();
    for (let i = 0; i < 100; i++) t.track(`A${i}`, bucket.take(undefined, 'A'));
    await settle();
    expect(t.released).toEqual(['A0']);
    t.track('B0', bucket.take(undefined, 'B'));
    const order = await servedOrder(t, 1, 100);
    expect(order).toHaveLength(101);
    // The bound: B's call goes after at most one call of each other caller waiting when it came
    // (here A, one caller), counted from when it joined (A0 had gone already).
    const served = order.slice(1);
    expect(served.indexOf('B0')).toBeLessThanOrEqual(1);
    expect(served.slice(0, 2)).toEqual(['A1', 'B0']);
  });

  it('three callers with backlogs: a fourth caller’s call goes after at most one call of each', async () => {
    const bucket = new TokenBucket(2);
    const t = tracker();
    for (const flood of ['A', 'B', 'C']) for (let i = 0; i < 50; i++) t.track(`${flood}${i}`, bucket.take(undefined, flood));
    await settle();
    const before = t.released.length;
    t.track('admin', bucket.take(undefined, 'admin'));
    const order = await servedOrder(t, 2, 150);
    expect(order.slice(before).indexOf('admin')).toBeLessThanOrEqual(3);
  });

  it('callers with backlogs take turns, one call each, each in the order it asked', async () => {
    const bucket = new TokenBucket(1);
    await bucket.take();
    const t = tracker();
    for (let i = 0; i < 3; i++) t.track(`A${i}`, bucket.take(undefined, 'A'));
    for (let i = 0; i < 3; i++) t.track(`B${i}`, bucket.take(undefined, 'B'));
    t.track('C0', bucket.take(undefined, 'C'));
    expect(await servedOrder(t, 1, 7)).toEqual(['A0', 'B0', 'C0', 'A1', 'B1', 'A2', 'B2']);
  });

  it('takes that name no caller share one queue, in the order asked', async () => {
    const bucket = new TokenBucket(1);
    await bucket.take();
    const t = tracker();
    for (const label of ['a', 'b', 'c']) t.track(label, bucket.take());
    expect(await servedOrder(t, 1, 3)).toEqual(['a', 'b', 'c']);
  });

  it('an aborted last call of a caller takes it out of the round', async () => {
    const bucket = new TokenBucket(1);
    await bucket.take();
    const t = tracker();
    const controller = new AbortController();
    t.track('A0', bucket.take(undefined, 'A'));
    t.track('A1', bucket.take(undefined, 'A'));
    const b = bucket.take(controller.signal, 'B');
    t.track('B0', b);
    t.track('C0', bucket.take(undefined, 'C'));
    controller.abort(new Error('gone'));
    await expect(b).rejects.toThrow('gone');
    expect(bucket.waiting).toBe(3);
    expect(await servedOrder(t, 1, 3)).toEqual(['A0', 'C0', 'A1']);
  });

  it('a caller’s expected wait counts one call of each other caller’s backlog per round, not the whole backlog', async () => {
    const bucket = new TokenBucket(1);
    await bucket.take();
    for (let i = 0; i < 100; i++) void bucket.take(undefined, 'A').catch(() => undefined);
    // B's first call: one of A's goes before it, then B's (the bucket is empty: 2 tokens short).
    expect(bucket.expectedWaitMs('B')).toBe(2000);
    expect(bucket.expectedWaitMs('A')).toBe(101_000);
  });

  it('QuotaPacer: through the category and the per-pool bucket, B’s one call goes after at most one of A’s in each', async () => {
    const pacer = new QuotaPacer();
    const t = tracker();
    for (let i = 0; i < 100; i++) t.track(`A${i}`, pacer.acquire('GetGroup', 'local_Pool', undefined, undefined, 'A'));
    await settle();
    const before = t.released.length;
    t.track('B0', pacer.acquire('GetGroup', 'local_Pool', undefined, undefined, 'B'));
    await vi.advanceTimersByTimeAsync(25_000);
    expect(t.released).toHaveLength(101);
    expect(t.released.slice(before).indexOf('B0')).toBeLessThanOrEqual(1);
  });

  it('QuotaPacer: another caller’s backlog past the deadline does not refuse a call whose own turn fits', async () => {
    const pacer = new QuotaPacer({ UserList: 1 });
    for (let i = 0; i < 30; i++) void pacer.acquire('ListUsers', undefined, undefined, undefined, 'A').catch(() => undefined);
    await settle();
    const t = tracker();
    t.track('B0', pacer.acquire('ListUsers', undefined, undefined, performance.now() + 5_000, 'B'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.rejected).toEqual([]);
    expect(t.released).toEqual(['B0']);
  });
});

describe('classifyFailure', () => {
  const sdkError = (name: string, status: number, fault: 'client' | 'server', extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(name), { name, $fault: fault, $metadata: { httpStatusCode: status }, ...extra });

  it('throttling: by exception name or HTTP 429', () => {
    expect(classifyFailure(sdkError('TooManyRequestsException', 400, 'client'), false)).toBe('throttled');
    expect(classifyFailure(sdkError('ThrottlingException', 400, 'client'), false)).toBe('throttled');
    expect(classifyFailure(sdkError('SomethingElse', 429, 'client'), false)).toBe('throttled');
    expect(classifyFailure({ __type: 'TooManyRequestsException', name: 'Error' }, false)).toBe('throttled');
  });

  it('faults: 5xx, $fault server, InternalErrorException, network errors, timed-out attempts', () => {
    expect(classifyFailure(sdkError('InternalErrorException', 500, 'server'), false)).toBe('fault');
    expect(classifyFailure(sdkError('ServiceUnavailable', 503, 'server'), false)).toBe('fault');
    expect(classifyFailure(sdkError('Unknown', 502, 'client'), false)).toBe('fault');
    expect(classifyFailure({ name: 'Weird', $fault: 'server' }, false)).toBe('fault');
    expect(classifyFailure(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), false)).toBe('fault');
    expect(classifyFailure(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), false)).toBe('fault');
    expect(classifyFailure(new Error('socket hang up'), false)).toBe('fault');
    expect(classifyFailure(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }), true)).toBe('fault');
    // A timed-out attempt is a fault whatever error the abort produced.
    expect(classifyFailure(sdkError('UserNotFoundException', 400, 'client'), true)).toBe('fault');
  });

  it("Cognito's answers on purpose are final, whatever their status", () => {
    expect(classifyFailure(sdkError('UserNotFoundException', 400, 'client'), false)).toBe('final');
    expect(classifyFailure(sdkError('NotAuthorizedException', 400, 'client'), false)).toBe('final');
    expect(classifyFailure(sdkError('InvalidParameterException', 400, 'client'), false)).toBe('final');
    expect(classifyFailure(sdkError('ResourceNotFoundException', 500, 'server'), false)).toBe('final');
  });

  it("cognito-local's unsupported answer (HTTP 500, __type CognitoLocal#Unsupported) is final, not a fault", () => {
    const unsupported = sdkError('Unsupported', 500, 'server', { __type: 'CognitoLocal#Unsupported' });
    expect(classifyFailure(unsupported, false)).toBe('final');
    expect(classifyFailure(sdkError('CognitoLocal#Unsupported', 500, 'server'), false)).toBe('final');
  });

  it('an operation the backend does not implement is final, not a fault: HTTP 501, or said so with a 500', () => {
    expect(classifyFailure(sdkError('InternalFailure', 501, 'server'), false)).toBe('final');
    expect(classifyFailure(sdkError('NotImplementedException', 500, 'server'), false)).toBe('final');
    expect(
      classifyFailure(
        Object.assign(sdkError('InternalFailure', 500, 'server'), { message: 'The action X has not been implemented' }),
        false,
      ),
    ).toBe('final');
    // A 5xx that says nothing of the kind is a fault.
    expect(
      classifyFailure(Object.assign(sdkError('InternalFailure', 500, 'server'), { message: 'We encountered an internal error' }), false),
    ).toBe('fault');
    expect(
      classifyFailure(Object.assign(sdkError('InternalFailure', 500, 'server'), { message: 'API action X not yet implemented' }), false),
    ).toBe('final');
  });

  it('anything else is final: a 4xx the table does not know, a plain error, a non-error', () => {
    expect(classifyFailure(sdkError('SomeNewException', 400, 'client'), false)).toBe('final');
    expect(classifyFailure(new Error('boom'), false)).toBe('final');
    expect(classifyFailure(undefined, false)).toBe('final');
    expect(classifyFailure('text', false)).toBe('final');
  });
});

describe('backoffDelay', () => {
  const policy: RetryPolicy = { maxAttempts: 10, baseDelayMs: 50, maxDelayMs: 2_000 };
  const almostOne = () => 0.999_999;

  it('0 with random() = 0, at every attempt', () => {
    for (let attempt = 0; attempt < 10; attempt++) expect(backoffDelay(attempt, policy, () => 0)).toBe(0);
  });

  it('full jitter: random() times base·2^attempt, floored', () => {
    expect(backoffDelay(0, policy, () => 0.5)).toBe(25);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(100);
    expect(backoffDelay(3, policy, almostOne)).toBe(399);
  });

  it('bounded by maxDelayMs however many attempts', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const delay = backoffDelay(attempt, policy, almostOne);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(policy.maxDelayMs);
    }
    expect(backoffDelay(30, policy, () => 0.5)).toBe(1_000);
  });

  it('the default policy: up to 50·2^n ms, 4 attempts', () => {
    expect(defaultRetryPolicy).toEqual({ maxAttempts: 4, baseDelayMs: 50, maxDelayMs: 2_000 });
    for (let i = 0; i < 50; i++) {
      expect(backoffDelay(1, defaultRetryPolicy)).toBeLessThan(100);
    }
  });
});
