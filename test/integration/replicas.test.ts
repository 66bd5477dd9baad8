import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CognitoProxy } from '../support/cognito-proxy';
import { cleanUpGateways, type GatewayProcess } from '../support/gateway-process';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { mostCallsInOneSecond, runLoad, startReplicas, tally, type LoadOutcome } from '../support/replicas';

/**
 * Three gateway processes (as `npm start` runs them) sharing one real redis-server, in front of
 * the throttling proxy that stands for Cognito with a quota of Q calls in any one-second window.
 * Calls and outcomes are asserted, not times.
 */
const Q = 10;
const OPERATION = 'AdminGetUser';
const demoPool = inject('demo').pools[0]!.userPoolId;
/** One AdminGetUser per request. */
const QUERY = `{ user(userPoolId: "${demoPool}", username: "demo.user") { username } }`;
/** Clients at once: more than the quota serves in a second, so calls queue, and fewer than it serves before a request's deadline. */
const WORKERS = 15;

let redis: RedisServer;
let proxy: CognitoProxy;
let replicas: GatewayProcess[];

beforeAll(async () => {
  redis = await startRedisServer();
  proxy = await new CognitoProxy(inject('cognitoEndpoint')).start();
  replicas = await startReplicas(3, {
    cognitoEndpoint: proxy.endpoint,
    redisUrl: redis.url,
    quotas: `UserRead=${Q}`,
    // On the local share (a third of the quota each, two replicas left) the queue of WORKERS requests takes a while.
    // OPS_PORT 0: each replica's operators' listener on a port of its own, read from its output.
    env: { REQUEST_TIMEOUT_MS: '30000', OPS_PORT: '0' },
  });
  // Each replica's first call opens its connections; measured runs start warm.
  const warm = await runLoad({ replicas, requests: 3, workers: 3, query: QUERY });
  expect(tally(warm)).toEqual({ data: 3 });
}, 120_000);

afterAll(async () => {
  await cleanUpGateways();
  await proxy?.stop();
  await redis?.stop();
});

/**
 * The proxy's record holds the calls within the quota: on average over the run (every call it
 * received, throttled ones too, at most Q a second plus one second's worth), and in every
 * one-second window but for the few calls that the scheduling jitter of a loaded machine moves
 * across a window's edge: those are throttled, retried inside the gateway and never seen by a
 * client. (Each replica pacing alone would send three times the quota: two calls in three throttled.)
 */
function expectWithinQuota(): void {
  const calls = proxy.records.filter((record) => record.operation === OPERATION);
  const seconds = (calls.at(-1)!.at - calls[0]!.at) / 1000;
  expect(calls.length).toBeLessThanOrEqual(Q * (Math.ceil(seconds) + 1));
  expect(proxy.throttled()).toBeLessThanOrEqual(calls.length * EDGE_JITTER_SHARE);
  expect(mostCallsInOneSecond(proxy.records, OPERATION)).toBeLessThanOrEqual(Q + Q * EDGE_JITTER_SHARE * 3);
}
/** The share of calls that scheduling jitter may move across a window's edge (measured: 0 to 5% at a load average of 12 on 2 cores). */
const EDGE_JITTER_SHARE = 0.1;

/** A fresh quota at the proxy, and its record from now on. */
function freshQuota(): void {
  proxy.reset();
  proxy.enforceQuota(OPERATION, Q);
}

/** Sent after `at` (a performance.now() time): requests that had not started when something was killed. */
const sentAfter = (outcomes: LoadOutcome[], at: number) => outcomes.filter((outcome) => outcome.sentAt > at);

describe('three replicas sharing one Redis', () => {
  it('stay within the quota together, and no client sees THROTTLED for work that fits it', async () => {
    freshQuota();
    const outcomes = await runLoad({ replicas, requests: 6 * Q, workers: WORKERS, query: QUERY });
    expect(tally(outcomes)).toEqual({ data: 6 * Q });
    // Every replica served its part.
    expect(new Set(outcomes.map((outcome) => outcome.replica)).size).toBe(3);
    expectWithinQuota();
  }, 120_000);

  it('a replica killed mid-run loses no request that had not started: the others answer every one, still within the quota', async () => {
    freshQuota();
    let killedAt = Number.POSITIVE_INFINITY;
    const victim = 2;
    const outcomes = await runLoad({
      replicas,
      requests: 6 * Q,
      workers: WORKERS,
      query: QUERY,
      isDown: (replica) => replica === victim && killedAt < Number.POSITIVE_INFINITY,
      afterEach: async (done) => {
        if (done !== 2 * Q) return;
        // From the decision on, requests go to the other replicas: those sent after it count, however
        // long the kill itself takes (at most WORKERS - 1 were in flight: more than 2Q are sent after).
        killedAt = performance.now();
        await replicas[victim]!.stop('SIGKILL');
      },
    });
    const after = sentAfter(outcomes, killedAt);
    expect(after.length).toBeGreaterThan(2 * Q);
    expect(tally(after)).toEqual({ data: after.length });
    // Only requests the killed replica held when it died went unanswered.
    const unanswered = outcomes.filter((outcome) => outcome.outcome !== 'data');
    for (const lost of unanswered) expect(lost).toMatchObject({ replica: victim, outcome: 'no answer' });
    expect(unanswered.every((lost) => lost.sentAt < killedAt)).toBe(true);
    expectWithinQuota();
  }, 120_000);

  it('Redis killed mid-run: every request is still answered, each replica runs on its share (within the quota), says so once, and shares again when Redis is back', async () => {
    const live = replicas.slice(0, 2);
    freshQuota();
    let killedAt = Number.POSITIVE_INFINITY;
    const outcomes = await runLoad({
      replicas: live,
      requests: 3 * Q,
      workers: WORKERS,
      query: QUERY,
      afterEach: async (done) => {
        if (done !== Q) return;
        killedAt = performance.now();
        await redis.kill();
      },
    });
    expect(tally(outcomes)).toEqual({ data: 3 * Q });
    // Those in flight when Redis died, and those sent after: none had to be given up.
    expect(sentAfter(outcomes, killedAt).length).toBeGreaterThanOrEqual(3 * Q - Q - WORKERS);
    expectWithinQuota();
    for (const replica of live) expect(replica.output().match(/shared store .* unreachable/g)).toHaveLength(1);
    // Operators see it too: not ready (the redis check named), and the store's gauge at 0.
    for (const replica of live) expect(await opsState(replica)).toEqual({ ready: 503, failing: 'redis', storeUp: 0 });

    await redis.start();
    for (const replica of live)
      expect(await eventually(() => replica.output().match(/shared store .* reachable: /g)?.length === 2)).toBe(true);
    for (const replica of live) expect(await opsState(replica)).toEqual({ ready: 200, failing: undefined, storeUp: 1 });
    freshQuota();
    const shared = await runLoad({ replicas: live, requests: 3 * Q, workers: WORKERS, query: QUERY });
    expect(tally(shared)).toEqual({ data: 3 * Q });
    expectWithinQuota();
  }, 120_000);
});

/** What a replica's /ready and /metrics say of the shared store (its operators' port, from its start-up line). */
async function opsState(replica: GatewayProcess): Promise<{ ready: number; failing: string | undefined; storeUp: number }> {
  const port = /Operations: http:\/\/[^:]+:(\d+)/.exec(replica.output())?.[1];
  if (!port) throw new Error('the replica did not announce its operators’ port');
  const ready = await fetch(`http://127.0.0.1:${port}/ready`);
  const report = (await ready.json()) as { checks?: Record<string, string> };
  const failing = Object.entries(report.checks ?? {}).find(([, state]) => state !== 'ok')?.[0];
  const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const storeUp = Number(/^gateway_shared_store_up (\d)/m.exec(metrics)?.[1]);
  return { ready: ready.status, failing, storeUp };
}

/** Polls `condition` (bounded: 100 × 100 ms) until it holds; returns whether it did. */
async function eventually(condition: () => boolean): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}
