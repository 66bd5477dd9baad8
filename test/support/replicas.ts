import type { ProxyRecord } from './cognito-proxy';
import { gatewayEnv, startGatewayProcess, type GatewayProcess } from './gateway-process';

/** The service key the replicas are started with (a machine caller: an administrator). */
export const REPLICA_SERVICE_KEY = 'replica-service-key-0123456789abcdef-0123';

export interface ReplicaSettings {
  /** The Cognito endpoint the replicas call (the throttling proxy). */
  cognitoEndpoint: string;
  /** REDIS_URL; unset, each replica paces alone. */
  redisUrl?: string;
  /** COGNITO_QUOTAS. */
  quotas: string;
  /** Anything else, on top. */
  env?: Record<string, string>;
}

/** `count` gateway processes as `npm start` runs them, against one Cognito endpoint, started side by side. */
export async function startReplicas(count: number, settings: ReplicaSettings): Promise<GatewayProcess[]> {
  const env = {
    COGNITO_ENDPOINT: settings.cognitoEndpoint,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    SERVICE_API_KEYS: REPLICA_SERVICE_KEY,
    CURSOR_SECRET: 'replicas-share-one-cursor-secret-0123456789',
    PORT: '0',
    HOST: '127.0.0.1',
    COGNITO_QUOTAS: settings.quotas,
    GATEWAY_REPLICAS: String(count),
    ...(settings.redisUrl ? { REDIS_URL: settings.redisUrl } : {}),
    ...settings.env,
  };
  return Promise.all(Array.from({ length: count }, async () => startGatewayProcess(await gatewayEnv(env))));
}

export interface LoadOutcome {
  /** Which replica it was sent to (its index). */
  replica: number;
  /** performance.now() when it was sent, and when its answer (or failure) came. */
  sentAt: number;
  endedAt: number;
  /** `data`, the first error's code, or `no answer` (the connection failed: the replica is gone). */
  outcome: string;
}

export interface LoadPlan {
  replicas: GatewayProcess[];
  /** Requests in all, sent by `workers` clients that each send the next when the last is answered. */
  requests: number;
  /** No request is sent after this (a performance.now() time): for runs of a set length (the benchmark). */
  until?: number;
  workers: number;
  query: string;
  /** Replicas a client no longer sends to (a load balancer's health check took them out). */
  isDown?: (replica: number) => boolean;
  /** After each answer: where a test kills a replica or the store mid-run. */
  afterEach?: (done: number) => void | Promise<void>;
}

/** Sends the plan's requests round-robin over the replicas that are up, and returns every outcome in the order they ended. */
export async function runLoad(plan: LoadPlan): Promise<LoadOutcome[]> {
  const outcomes: LoadOutcome[] = [];
  let next = 0;
  let turn = 0;
  const worker = async () => {
    while (next < plan.requests && (plan.until === undefined || performance.now() < plan.until)) {
      next += 1;
      let replica = turn++ % plan.replicas.length;
      for (let tries = 0; plan.isDown?.(replica) && tries < plan.replicas.length; tries++) replica = turn++ % plan.replicas.length;
      const sentAt = performance.now();
      const outcome = await ask(plan.replicas[replica]!.graphql, plan.query);
      outcomes.push({ replica, sentAt, endedAt: performance.now(), outcome });
      await plan.afterEach?.(outcomes.length);
    }
  };
  await Promise.all(Array.from({ length: plan.workers }, worker));
  return outcomes;
}

async function ask(endpoint: string, query: string): Promise<string> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-service-key': REPLICA_SERVICE_KEY },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.length) return body.errors[0]?.extensions?.code ?? 'UNKNOWN';
    return 'data';
  } catch {
    return 'no answer';
  }
}

/** The most calls of `operation` the proxy received in any one-second window (sliding, as its quota counts). */
export function mostCallsInOneSecond(records: readonly ProxyRecord[], operation: string): number {
  const times = records
    .filter((record) => record.operation === operation)
    .map((record) => record.at)
    .sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Tallies outcomes: `{ data: 57, 'no answer': 3 }`. */
export function tally(outcomes: readonly LoadOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { outcome } of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}
