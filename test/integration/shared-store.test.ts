import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallerCallLimiter } from '../../src/auth/caller-rate-limit';
import { PublicFlowLimiter } from '../../src/auth/rate-limit';
import { QuotaPacer } from '../../src/cognito/pacing';
import { GatewayError } from '../../src/domain/gateway-error';
import { SharedDescriptionCache } from '../../src/store/shared-description-cache';
import { sharedLimiters } from '../../src/store/shared-limiters';
import { RedisSharedQuota } from '../../src/store/shared-quota';
import { SharedStore } from '../../src/store/shared-store';
import { capturingLogger } from '../support/capturing-logger';
import { startRedisServer, type RedisServer } from '../support/redis-server';

/**
 * Two replicas in one test process, each with its own connection to a real redis-server: what
 * one spends, learns or caches, the other sees; when Redis goes away each keeps serving on its
 * share, and both go back to the shared state when it returns.
 */
const REPLICAS = 2;
let redis: RedisServer;
const stores: SharedStore[] = [];
const logs: ReturnType<typeof capturingLogger>[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  for (let i = 0; i < REPLICAS; i++) {
    const log = capturingLogger();
    const store = new SharedStore(redis.url, REPLICAS, log);
    expect(await store.connected(5_000)).toBe(true);
    stores.push(store);
    logs.push(log);
  }
});

afterAll(async () => {
  for (const store of stores) await store.close();
  await redis?.stop();
});

/** Polls `condition` (bounded: 100 × 100 ms) until it holds; returns whether it did. */
async function eventually(condition: () => boolean): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

/** Each call of `attempt`, in order: 'ok', or the GatewayError code that refused it. */
async function outcomes(attempts: (() => Promise<void>)[]): Promise<string[]> {
  const results: string[] = [];
  for (const attempt of attempts) {
    try {
      await attempt();
      results.push('ok');
    } catch (error) {
      results.push(error instanceof GatewayError ? error.code : String(error));
    }
  }
  return results;
}

const selfService = (sub: string) => ({ key: `sub:${sub}`, limit: 'selfService' as const });

describe('with REDIS_URL, the replicas share', () => {
  it('one quota budget per bucket: calls past the window wait for the next (here: refused by a deadline before it)', async () => {
    const [a, b] = stores.map((store) => new RedisSharedQuota(store));
    const key = `UserList-${randomUUID()}`;
    // Four calls a second between both, spread through the window; a deadline before its end lets through what fits this window only.
    const beforeWindowEnd = () => performance.now() + 900;
    const admitted = await Promise.all([
      ...[1, 2, 3].map(() => a!.admit(key, 4, undefined, beforeWindowEnd())),
      ...[1, 2, 3].map(() => b!.admit(key, 4, undefined, beforeWindowEnd())),
    ]);
    expect(admitted.filter((wait) => wait === undefined)).toHaveLength(4);
    const waits = admitted.filter((wait) => wait !== undefined);
    expect(waits).toHaveLength(2);
    // The rest of the window, and the margin past its end (see PAST_WINDOW_END_MS).
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(1_000 + 50 + 1);
  });

  it('one learned rate: a throttling answer in one replica lowers the rate of the other', async () => {
    const [a, b] = stores.map((store) => new QuotaPacer({ UserList: 8 }, true, new RedisSharedQuota(store)));
    const pool = `eu-west-1_${randomUUID().slice(0, 8)}`;
    await a!.acquire('ListUsers', pool);
    await b!.acquire('ListUsers', pool);
    a!.throttled('ListUsers', pool);
    expect(a!.currentRates()['UserList']).toBeCloseTo(4, 0);
    expect(await eventually(() => b!.currentRates()['UserList']! < 5)).toBe(true);
    // A replica that starts later learns the lowered rate too.
    const late = new QuotaPacer({ UserList: 8 }, true, new RedisSharedQuota(stores[0]!));
    await late.acquire('ListUsers', pool);
    expect(await eventually(() => late.currentRates()['UserList']! < 5)).toBe(true);
  });

  it('one set of caller limits', async () => {
    const [a, b] = stores.map((store) => new CallerCallLimiter({ selfServicePerMinute: 3, adminPerMinute: 100 }, sharedLimiters(store)));
    const sub = randomUUID();
    const results = await outcomes([a, b, a, b].map((limiter) => () => limiter!.consume(selfService(sub))));
    expect(results).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
  });

  it('one set of public-flow limits, per username from every replica', async () => {
    const [a, b] = stores.map((store) => new PublicFlowLimiter({ perAddress: 100, perUsername: 2 }, sharedLimiters(store)));
    const subject = (clientAddress: string) => ({ clientAddress, userPoolId: 'eu-west-1_pool', username: `user-${randomUUID()}` });
    const one = subject('192.0.2.1');
    const results = await outcomes([
      () => a!.consume(one),
      () => b!.consume({ ...one, clientAddress: '192.0.2.2', username: one.username.toUpperCase() }),
      () => b!.consume({ ...one, clientAddress: '192.0.2.3' }),
    ]);
    expect(results).toEqual(['ok', 'ok', 'RATE_LIMITED']);
  });

  it('one description cache, which a write through either replica clears for both', async () => {
    const [a, b] = stores.map((store) => new SharedDescriptionCache(store, 60_000, capturingLogger()));
    const pool = `eu-west-1_${randomUUID().slice(0, 8)}`;
    let loads = 0;
    const load = async () => {
      loads += 1;
      return { name: `group-${loads}`, created: new Date('2026-01-02T03:04:05Z') };
    };
    expect(await a!.through('group', pool, 'admins', load)).toMatchObject({ name: 'group-1' });
    const fromOther = await b!.through('group', pool, 'admins', load);
    expect(loads).toBe(1);
    // Stored with v8's serializer: the SDK's Dates come back as Dates.
    expect(fromOther.created).toBeInstanceOf(Date);
    expect(fromOther.created.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    b!.forget(pool);
    expect(await a!.through('group', pool, 'admins', load)).toMatchObject({ name: 'group-2' });
    expect(loads).toBe(2);
  });
});

describe('when Redis goes away', () => {
  it('each replica serves on its share of every limit, says so once, and goes back to the shared state when Redis returns', async () => {
    const [a, b] = stores.map((store) => new PublicFlowLimiter({ perAddress: 4, perUsername: 100 }, sharedLimiters(store)));
    const [cacheA] = stores.map((store) => new SharedDescriptionCache(store, 60_000, capturingLogger()));
    const address = (n: number) => ({ clientAddress: `198.51.100.${n}`, userPoolId: 'eu-west-1_pool', username: `u-${randomUUID()}` });

    await redis.kill();
    expect(await eventually(() => stores.every((store) => !store.isReachable()))).toBe(true);

    // The share of each replica: 4 / 2 replicas = 2 calls a minute per address, counted in the process.
    const here = address(1);
    expect(await outcomes([1, 2, 3].map(() => () => a!.consume({ ...here, username: `u-${randomUUID()}` })))).toEqual([
      'ok',
      'ok',
      'RATE_LIMITED',
    ]);
    expect(await outcomes([1, 2, 3].map(() => () => b!.consume({ ...here, username: `u-${randomUUID()}` })))).toEqual([
      'ok',
      'ok',
      'RATE_LIMITED',
    ]);
    // The quota budget too: on its share, without waiting for the store.
    const quota = new RedisSharedQuota(stores[0]!);
    const key = `UserRead-${randomUUID()}`;
    const admitted = await Promise.all([1, 2, 3, 4].map(() => quota.admit(key, 4, undefined, performance.now() + 900)));
    expect(admitted.filter((wait) => wait === undefined)).toHaveLength(2);
    // The description cache is bypassed: every read goes to Cognito.
    let loads = 0;
    for (let i = 0; i < 2; i++) await cacheA!.through('pool', 'eu-west-1_pool', '', async () => ++loads);
    expect(loads).toBe(2);

    for (const log of logs) expect(log.text().match(/shared store .* unreachable/g)).toHaveLength(1);

    await redis.start();
    expect(await eventually(() => stores.every((store) => store.isReachable()))).toBe(true);
    for (const log of logs) expect(log.text().match(/shared store .* reachable: /g)).toHaveLength(2);

    // Shared again: an address' four calls a minute between both replicas.
    const back = address(2);
    const results = await outcomes([a, b, a, b, a].map((limiter) => () => limiter!.consume({ ...back, username: `u-${randomUUID()}` })));
    expect(results).toEqual(['ok', 'ok', 'ok', 'ok', 'RATE_LIMITED']);
  }, 60_000);
});
