import { CognitoProxy } from '../test/support/cognito-proxy';
import { cleanUpGateways } from '../test/support/gateway-process';
import { startRedisServer } from '../test/support/redis-server';
import { runLoad, startReplicas, tally } from '../test/support/replicas';

/** The account's quota for the operation measured, enforced by the proxy (sliding one-second windows). */
const REPLICA_QUOTA = 10;
const REPLICA_SECONDS = Number(process.env['BENCH_REPLICA_SECONDS'] ?? 10);
const REPLICA_CLIENTS = 15;
const OPERATION = 'AdminGetUser';

/**
 * 1, 2 and 3 gateway processes (as `npm start` runs them) sharing a quota of REPLICA_QUOTA
 * AdminGetUser calls a second through one real redis-server, and 3 without Redis for contrast:
 * requests answered per second, Cognito calls per second against the quota (throttling answers
 * included), throttling answers, and errors the clients saw. Clients keep REPLICA_CLIENTS
 * requests in flight, round-robin over the replicas.
 */
export async function replicaScenario(cognitoEndpoint: string, demoPool: string, latencyMs: number): Promise<void> {
  const query = `{ user(userPoolId: "${demoPool}", username: "demo.user") { username } }`;
  const redis = await startRedisServer();
  const proxy = await new CognitoProxy(cognitoEndpoint).start();
  proxy.exactLatency = false;
  console.log(
    `\nreplicas: a quota of ${REPLICA_QUOTA} ${OPERATION} calls/s shared through one Redis, ${REPLICA_CLIENTS} clients for ${REPLICA_SECONDS} s, ${latencyMs} ms per call\n`,
  );
  console.log('| replicas | REDIS_URL | requests answered/s | Cognito calls/s (quota) | throttling answers | client errors |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  try {
    for (const [count, shared] of [
      [1, true],
      [2, true],
      [3, true],
      [3, false],
    ] as const) {
      const replicas = await startReplicas(count, {
        cognitoEndpoint: proxy.endpoint,
        quotas: `UserRead=${REPLICA_QUOTA}`,
        ...(shared ? { redisUrl: redis.url } : {}),
      });
      try {
        // Warm: each replica's first call opens its connections; then a fresh quota window.
        await runLoad({ replicas, requests: count, workers: count, query });
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        proxy.reset();
        proxy.latencyMs = latencyMs;
        proxy.enforceQuota(OPERATION, REPLICA_QUOTA);
        const started = performance.now();
        const outcomes = await runLoad({
          replicas,
          requests: Number.POSITIVE_INFINITY,
          until: started + REPLICA_SECONDS * 1000,
          workers: REPLICA_CLIENTS,
          query,
        });
        const seconds = (performance.now() - started) / 1000;
        const { data = 0, ...errors } = tally(outcomes);
        const errorText =
          Object.entries(errors)
            .map(([code, n]) => `${code} × ${n}`)
            .join(', ') || '0';
        console.log(
          `| ${count} | ${shared ? 'yes' : 'no'} | ${(data / seconds).toFixed(1)} | ${(proxy.count(OPERATION) / seconds).toFixed(1)} (${REPLICA_QUOTA}) | ${proxy.throttled()} | ${errorText} |`,
        );
      } finally {
        await Promise.all(replicas.map((replica) => replica.stop('SIGINT')));
      }
    }
  } finally {
    await cleanUpGateways();
    await proxy.stop();
    await redis.stop();
  }
}
