/**
 * Benchmark: representative queries against cognito-local behind a latency-injecting proxy, each
 * through the gateway and through a naive resolver set (no loaders, no priming). Prints, per
 * query: Cognito calls against the minimum, wall time against the ideal (levels of dependent
 * calls × latency), gateway CPU per request; then the gateway's own overhead on a single-user
 * query and throughput with concurrent clients. Traffic stays on 127.0.0.1.
 *
 *   npm run bench                   # 20 ms injected latency
 *   BENCH_LATENCY_MS=50 npm run bench
 *   BENCH_REPLAY=1 npm run bench    # repeated reads answered from memory: no cognito-local time
 *   BENCH_WARMUP=2 npm run bench    # fewer untimed runs before each query's timed ones (20 by default)
 *   BENCH_ONLY=fairness npm run bench  # only the fairness scenario (floods of self-service calls, one administrator's call)
 *   BENCH_ONLY=replicas npm run bench  # only the replica scenario (1, 2, 3 gateway processes sharing a quota through Redis)
 */
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  CreateUserPoolCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createCognitoClient, localCredentials } from '../src/cognito/client';
import type { CallLogSummary } from '../src/cognito/call-log';
import { startEmbeddedCognito } from '../src/local/embedded-cognito';
import { silentLogger } from '../src/domain/logger';
import { BULK_CONCURRENCY } from '../src/resolvers/bulk';
import type { OperationName } from '../src/cognito/commands';
import { QuotaPacer } from '../src/cognito/pacing';
import { createGateway, type Gateway, type GatewayOptions } from '../src/http/yoga';
import { naiveLoaders } from './naive-loaders';
import { redisServerPath } from '../test/support/redis-server';
import { replicaScenario } from './replicas';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
const LATENCY_MS = Number(process.env['BENCH_LATENCY_MS'] ?? 20);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
/** Untimed runs first: the figures are of a warmed-up process (V8 optimizes hot code after a while), as a gateway in service is. */
const WARMUP_RUNS = Number(process.env['BENCH_WARMUP'] ?? 20);
const SERVICE_KEY = 'bench-service-key-0123456789abcdef0123456789';
const EXPORT_USERS = 1000;
const WRITE_USERS = 12;
const PAGE_SIZE = 60;

interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The fewest Cognito calls that can answer it. */
  minCalls: number;
  /** Dependent rounds of calls: the ideal wall time is levels × latency. */
  levels: number;
}

interface Answer {
  data?: unknown;
  errors?: unknown[];
  extensions?: { cognitoCalls?: CallLogSummary };
}

async function ask(gateway: Gateway, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await gateway.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-service-key': SERVICE_KEY },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** How long at least one Cognito call was under way: the union of the calls' intervals. */
function cognitoBusyMs(summary: CallLogSummary | undefined): number {
  const intervals = (summary?.calls ?? [])
    .map((call) => [call.startedAtMs, call.startedAtMs + call.durationMs] as const)
    .sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [start, stop] of intervals) {
    if (stop <= end) continue;
    busy += stop - Math.max(start, end);
    end = stop;
  }
  return busy;
}

async function measure(gateway: Gateway, scenario: Scenario) {
  for (let i = 0; i < WARMUP_RUNS; i++) await ask(gateway, scenario.query, scenario.variables);
  const walls: number[] = [];
  const ownMs: number[] = [];
  let calls = 0;
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const answer = await ask(gateway, scenario.query, scenario.variables);
    walls.push(performance.now() - started);
    ownMs.push(walls[walls.length - 1]! - cognitoBusyMs(answer.extensions?.cognitoCalls));
    if (answer.errors) throw new Error(`${scenario.name}: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    calls = answer.extensions?.cognitoCalls?.total ?? Number.NaN;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { calls, wallMs: median(walls), gatewayMs: median(ownMs), cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / RUNS };
}

interface Lateness {
  count: number;
  totalMs: number;
  requests: number;
}

interface BenchProxy {
  endpoint: string;
  /** How many of the emulator's answers took longer than the injected latency, so far. */
  lateness(): Promise<Lateness>;
  /** Answers to the latency within a millisecond from now on, without keeping a core busy (load runs). */
  loadMode(): void;
  /** Enforce `perSecond` calls on every operation from now on, as Cognito's quotas do (0 lifts it). */
  quota(perSecond: number): void;
  /** Throttling answers given since the quota was set. */
  throttled(): Promise<number>;
  stop(): void;
}

async function startProxy(target: string): Promise<BenchProxy> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'proxy-main.ts'), target, String(LATENCY_MS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const endpoint = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`proxy exited with ${code}`)));
  });
  return {
    endpoint,
    lateness: () =>
      new Promise((resolve) => {
        lines.once('line', (line) => resolve(JSON.parse(line) as Lateness));
        child.stdin.write('late\n');
      }),
    loadMode: () => child.stdin.write('load\n'),
    quota: (perSecond) => child.stdin.write(`quota ${perSecond}\n`),
    throttled: () =>
      new Promise((resolve) => {
        lines.once('line', (line) => resolve((JSON.parse(line) as { throttled: number }).throttled));
        child.stdin.write('throttled\n');
      }),
    stop: () => child.stdin.end(),
  };
}

/** A pool of `count` users named `<prefix>.0000`…, created 8 at a time straight on cognito-local. */
async function seedPool(client: CognitoIdentityProviderClient, name: string, prefix: string, count: number): Promise<string> {
  const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: name }));
  const userPoolId = UserPool!.Id!;
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const Username = `${prefix}.${String(next++).padStart(4, '0')}`;
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username,
            MessageAction: 'SUPPRESS',
            UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }],
          }),
        );
      }
    }),
  );
  return userPoolId;
}

/** Pages Cognito needs for `items` (a list call answers one page even when it is empty). */
const pages = (items: number) => Math.max(1, Math.ceil(items / PAGE_SIZE));

/** Member counts of a pool's groups, read whole from cognito-local (which does not page). */
async function groupSizes(client: CognitoIdentityProviderClient, userPoolId: string): Promise<Map<string, number>> {
  const { Groups = [] } = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId }));
  const sizes = await Promise.all(
    Groups.map(async ({ GroupName }) => {
      const { Users = [] } = await client.send(new ListUsersInGroupCommand({ UserPoolId: userPoolId, GroupName }));
      return [GroupName!, Users.length] as const;
    }),
  );
  return new Map(sizes);
}

interface BenchData {
  demoPool: string;
  demoGroupSizes: Map<string, number>;
  exportPool: string;
  writesPool: string;
  subs: string[];
}

/**
 * The fewest calls and dependent rounds Cognito allows, from its page size of 60: a lookup by key
 * and the lists below it need only the key, so they share a round; a group's pages follow one
 * another; a pool's users' groups cost ListGroups and every group's member pages (or one
 * AdminListGroupsForUser per user, whichever is fewer).
 */
function scenarios(data: BenchData): Scenario[] {
  const sizes = [...data.demoGroupSizes.values()];
  const memberPages = sizes.reduce((sum, size) => sum + pages(size), 0);
  const engineering = data.demoGroupSizes.get('engineering') ?? 0;
  const writeUsers = Array.from({ length: WRITE_USERS }, (_, n) => `writer.${String(n).padStart(4, '0')}`);
  const membership = (operation: string) =>
    `${operation}(input: { userPoolId: "${data.writesPool}", groupName: "bench", usernames: ${JSON.stringify(writeUsers)} }) { ... on ${operation.charAt(0).toUpperCase()}${operation.slice(1)}Payload { succeeded failed } }`;
  return [
    {
      name: 'pool + 60 users + their groups',
      query: `query ($p: String!) { userPool(userPoolId: $p) { name users(first: 60) { edges { node { username email status pool { name } groups(first: 10) { edges { node { name } } } } } } } }`,
      variables: { p: data.demoPool },
      // DescribeUserPool, ListUsers and ListGroups; then every group's member pages.
      minCalls: 2 + Math.min(1 + memberPages, 60),
      levels: 1 + Math.max(...sizes.map(pages)),
    },
    {
      name: `group + its ${engineering} members`,
      query: `query ($p: String!) { group(userPoolId: $p, name: "engineering") { description members(first: 100) { edges { node { username email } } } } }`,
      variables: { p: data.demoPool },
      minCalls: 1 + pages(engineering),
      levels: pages(engineering),
    },
    {
      name: `${data.subs.length} users by sub (_entities)`,
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { username email } } }`,
      variables: { r: data.subs.map((sub) => ({ __typename: 'User', sub })) },
      minCalls: data.subs.length,
      levels: 1,
    },
    {
      name: `export ${EXPORT_USERS} users`,
      query: `query ($p: String!) { userPool(userPoolId: $p) { users(first: ${EXPORT_USERS}) { edges { node { username email } } pageInfo { hasNextPage } } } }`,
      variables: { p: data.exportPool },
      // DescribeUserPool alongside the first of the pages, which follow one another.
      minCalls: 1 + pages(EXPORT_USERS),
      levels: pages(EXPORT_USERS),
    },
    {
      name: `batch: add then remove ${WRITE_USERS} members`,
      query: `mutation { add: ${membership('addUsersToGroup')} remove: ${membership('removeUsersFromGroup')} }`,
      minCalls: 2 * WRITE_USERS,
      levels: 2 * Math.ceil(WRITE_USERS / BULK_CONCURRENCY),
    },
  ];
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cognito-gateway-bench-'));
  const embedded = await startEmbeddedCognito({ dataDir, port: 0, logger: silentLogger });
  const proxy = await startProxy(embedded.local.endpoint);
  try {
    const exportPool = await seedPool(embedded.client, 'bench-export', 'export', EXPORT_USERS);
    // cognito-local rewrites a pool's whole file on every write: the batch gets a small pool of its own.
    const writesPool = await seedPool(embedded.client, 'bench-writes', 'writer', WRITE_USERS);
    await embedded.client.send(new CreateGroupCommand({ UserPoolId: writesPool, GroupName: 'bench' }));
    const client = createCognitoClient({ region: 'local', endpoint: proxy.endpoint, credentials: localCredentials });
    // Pacing off: cognito-local has no quotas, and the figures are the gateway's own.
    const demoPool = embedded.demo.pools[0]!.userPoolId;
    const common = {
      client,
      serviceKeys: [SERVICE_KEY],
      debug: true,
      quotas: { enabled: false, rates: {} },
      maxConnectionSize: EXPORT_USERS,
      federationUserPools: [demoPool],
      // The figures are the gateway's own: one service key sends thousands of calls a minute here.
      callerLimits: { selfServicePerMinute: UNLIMITED, adminPerMinute: UNLIMITED },
    };
    if (process.env['BENCH_ONLY'] === 'fairness') {
      await fairnessScenario(embedded, common, demoPool);
      return;
    }
    if (process.env['BENCH_ONLY'] === 'replicas') {
      await replicaScenario(embedded.local.endpoint, demoPool, LATENCY_MS);
      return;
    }
    const gateway = createGateway(common);
    const naive = createGateway({ ...common, createLoaders: naiveLoaders });

    const sample = await ask(
      gateway,
      `query ($p: String!) { userPool(userPoolId: $p) { users(first: 20) { edges { node { username sub } } } } }`,
      { p: demoPool },
    );
    const subs = (sample.data as { userPool: { users: { edges: { node: { sub: string } }[] } } }).userPool.users.edges.map(
      (e) => e.node.sub,
    );
    const list = scenarios({ demoPool, demoGroupSizes: await groupSizes(embedded.client, demoPool), exportPool, writesPool, subs });

    const replay = process.env['BENCH_REPLAY'] === '1';
    console.log(
      `cognito-graphql-gateway benchmark: ${LATENCY_MS} ms injected per Cognito call, median of ${RUNS} runs, 2 cores${replay ? ', reads replayed from memory' : ''}\n`,
    );
    console.log(
      '| query | calls (min) | naive calls | wall ms (ideal) | naive wall ms | wall − Cognito busy ms | gateway CPU ms/req | emulator past latency ms/req | calls = min | wall ≤ 1.1·ideal+5 |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    // Replayed answers cannot follow writes: the batch of mutations only runs against the backend.
    for (const scenario of list.filter((s) => !replay || !s.query.startsWith('mutation'))) {
      const lateBefore = await proxy.lateness();
      const fast = await measure(gateway, scenario);
      const lateAfter = await proxy.lateness();
      const slow = await measure(naive, scenario);
      const pastLatencyMs = (lateAfter.totalMs - lateBefore.totalMs) / (RUNS + WARMUP_RUNS);
      const ideal = scenario.levels * LATENCY_MS;
      console.log(
        `| ${scenario.name} | ${fast.calls} (${scenario.minCalls}) | ${slow.calls} | ${fast.wallMs.toFixed(1)} (${ideal}) | ${slow.wallMs.toFixed(1)} | ${fast.gatewayMs.toFixed(1)} | ${fast.cpuMsPerRequest.toFixed(2)} | ${pastLatencyMs.toFixed(1)} | ${fast.calls === scenario.minCalls ? 'yes' : 'NO'} | ${fast.wallMs <= ideal * 1.1 + 5 ? 'yes' : 'NO'} |`,
      );
    }

    // The gateway's own time on a single-user query: wall time less the Cognito call's own duration.
    const single = `query ($p: String!) { user(userPoolId: $p, username: "ada.lovelace") { username email groups(first: 5) { edges { node { name } } } } }`;
    const oneUser = `query ($p: String!) { user(userPoolId: $p, username: "ada.lovelace") { username email } }`;
    const overheads: number[] = [];
    for (let i = 0; i < WARMUP_RUNS + 100; i++) {
      const started = performance.now();
      const answer = await ask(gateway, oneUser, { p: demoPool });
      const wall = performance.now() - started;
      if (i >= WARMUP_RUNS) overheads.push(wall - (answer.extensions?.cognitoCalls?.calls[0]?.durationMs ?? wall));
    }
    const p50 = median(overheads);
    console.log(
      `\nsingle-user query, gateway overhead (wall − Cognito call): p50 ${p50.toFixed(2)} ms (target < 1 ms: ${p50 < 1 ? 'yes' : 'NO'})`,
    );

    proxy.loadMode();
    for (const clients of [1, 8, 32]) {
      let done = 0;
      const until = performance.now() + 3_000;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() < until) {
            await ask(gateway, single, { p: demoPool });
            done++;
          }
        }),
      );
      console.log(`throughput, user + groups query, ${clients} concurrent clients: ${(done / 3).toFixed(0)} requests/s`);
    }

    await throttledScenario(proxy, common, demoPool);
    await fairnessScenario(embedded, common, demoPool);
    if (redisServerInstalled()) await replicaScenario(embedded.local.endpoint, demoPool, LATENCY_MS);
    else console.log('\nReplica scenario skipped: it needs Debian’s redis-server (apt-get install redis-server).');
  } finally {
    proxy.stop();
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const UNLIMITED = 1_000_000_000;
const FLOODS = 3;
const FLOOD_BATCH = 10;
const FLOOD_ALIASES = 30;

/**
 * The pacer, recording whom each call it lets through is for, in order. `firstComeFirstServed`:
 * the pacer as it was, serving waiting calls in the order they came, whoever they are for.
 */
class RecordingPacer extends QuotaPacer {
  readonly served: string[] = [];

  constructor(readonly firstComeFirstServed: boolean) {
    super();
  }

  override async acquire(
    operation: OperationName,
    userPoolId: string | undefined,
    signal?: AbortSignal,
    deadlineAt?: number,
    caller?: string,
  ): Promise<void> {
    await super.acquire(operation, userPoolId, signal, deadlineAt, this.firstComeFirstServed ? undefined : caller);
    this.served.push(caller ?? '');
  }
}

/**
 * The audit's fairness finding: three signed-in users each send a batch of 10 operations × 30
 * `viewer` aliases (300 GetUser each, paced in the UserRead bucket at AWS's default 120/s), and
 * while their 900 calls wait, an administrator asks for one user (one AdminGetUser, the same
 * bucket). Per-caller limits lifted, so that the pacer alone is measured; then once more with the
 * default SELF_SERVICE_CALL_LIMIT, which caps each flood before it reaches the pacer.
 */
async function fairnessScenario(
  embedded: Awaited<ReturnType<typeof startEmbeddedCognito>>,
  common: Omit<GatewayOptions, 'quotas' | 'client'> & { client: CognitoIdentityProviderClient },
  demoPool: string,
): Promise<void> {
  const web = embedded.appClients.find((c) => c.userPoolId === demoPool && !c.clientSecret)!;
  const password = 'Flood#Bench1';
  const usernames = Array.from({ length: FLOODS }, (_, i) => `flood.${i}`);
  for (const Username of usernames) {
    await embedded.client
      .send(new AdminCreateUserCommand({ UserPoolId: demoPool, Username, MessageAction: 'SUPPRESS' }))
      .catch((error: unknown) => {
        if ((error as Error).name !== 'UsernameExistsException') throw error;
      });
    await embedded.client.send(new AdminSetUserPasswordCommand({ UserPoolId: demoPool, Username, Password: password, Permanent: true }));
  }
  /** A flood's caller key (its token's sub, as the gateway counts it) → its name. */
  const floodOf = new Map<string, string>();
  const subOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;
  const auth = { appClients: embedded.appClients, issuerBase: embedded.local.endpoint };
  const viewers = `{ ${Array.from({ length: FLOOD_ALIASES }, (_, i) => `v${i}: viewer { username }`).join(' ')} }`;
  const batch = JSON.stringify(Array.from({ length: FLOOD_BATCH }, () => ({ query: viewers })));
  const adminQuery = `query ($p: String!) { user(userPoolId: $p, username: "ada.lovelace") { username } }`;

  console.log(
    `\nfairness: ${FLOODS} signed-in users each send ${FLOOD_BATCH} operations × ${FLOOD_ALIASES} viewer aliases (UserRead paced at 120/s), then an administrator asks for one user\n`,
  );
  console.log(
    '| pacer, limits | flood calls waiting in UserRead when the administrator asks | each flood’s calls let through before the administrator’s | administrator’s query ms | floods’ calls let through in all | floods’ refused fields |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  const variants = [
    { name: 'first come, first served; limits lifted', pacer: new RecordingPacer(true), selfService: UNLIMITED },
    { name: 'fair; limits lifted', pacer: new RecordingPacer(false), selfService: UNLIMITED },
    { name: 'fair; SELF_SERVICE_CALL_LIMIT 30 (default)', pacer: new RecordingPacer(false), selfService: 30 },
  ];
  for (const variant of variants) {
    const gateway = createGateway({
      ...common,
      ...auth,
      pacer: variant.pacer,
      callerLimits: { selfServicePerMinute: variant.selfService, adminPerMinute: UNLIMITED },
    });
    floodOf.clear();
    const tokens: string[] = [];
    for (const [i, username] of usernames.entries()) {
      const signedIn = await gateway.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($i: InitiateAuthInput!) { initiateAuth(input: $i) { ... on InitiateAuthPayload { tokens { accessToken } } } }',
          variables: { i: { authFlow: 'USER_PASSWORD_AUTH', clientId: web.clientId, username, password } },
        }),
      });
      const token = ((await signedIn.json()) as { data?: { initiateAuth?: { tokens?: { accessToken: string } } } }).data?.initiateAuth
        ?.tokens?.accessToken;
      if (!token) throw new Error(`fairness: ${username} could not sign in`);
      floodOf.set(`sub:${subOf(token)}`, `flood ${i + 1}`);
      tokens.push(token);
    }
    // The same query with nothing else under way, for comparison (and to warm the gateway).
    await ask(gateway, adminQuery, { p: demoPool });
    const aloneStarted = performance.now();
    await ask(gateway, adminQuery, { p: demoPool });
    const aloneMs = performance.now() - aloneStarted;
    const served = variant.pacer.served;
    served.length = 0;
    const floods = tokens.map(async (token) => {
      const response = await gateway.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: batch,
      });
      const results = (await response.json()) as Answer[];
      return results.reduce((refused, result) => refused + (result.errors?.length ?? 0), 0);
    });
    // Let the floods' calls queue up in the pacer first.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const waiting = variant.pacer.waiting()['UserRead'] ?? 0;
    const askedAt = served.length;
    const started = performance.now();
    const answer = await ask(gateway, adminQuery, { p: demoPool });
    const adminMs = performance.now() - started;
    if (answer.errors) throw new Error(`fairness: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    // Calls the pacer let through between the administrator's asking and its own call.
    const adminAt = served.findIndex((caller, index) => index >= askedAt && caller.startsWith('key:'));
    const ahead = served.slice(askedAt, adminAt);
    const count = (calls: string[], flood: string) => calls.filter((caller) => floodOf.get(caller) === flood).length;
    const aheadOfAdmin = [...floodOf.values()].map((flood) => count(ahead, flood));
    const refused = await Promise.all(floods);
    const total = [...floodOf.values()].map((flood) => count(served, flood));
    console.log(
      `| ${variant.name} | ${waiting} | ${aheadOfAdmin.join(' / ')} | ${adminMs.toFixed(0)} (alone: ${aloneMs.toFixed(0)}) | ${total.join(' / ')} | ${refused.join(' / ')} |`,
    );
  }
}

const THROTTLED_QUOTA = 5;
const THROTTLED_RUNS = Number(process.env['BENCH_THROTTLED_RUNS'] ?? 3);

/**
 * A pool's 60 users with their groups against a quota of 5 calls per second on every operation,
 * with the gateway's pacing at AWS's default rates: what it has to learn from the throttling.
 * Each run gets a fresh gateway (nothing learned before) and a fresh quota window.
 */
async function throttledScenario(proxy: BenchProxy, common: Omit<GatewayOptions, 'quotas'>, demoPool: string): Promise<void> {
  const groups = (cursors: boolean) => `groups(first: 10) { edges { ${cursors ? 'cursor ' : ''}node { name } } }`;
  const query = (cursors: boolean) =>
    `query ($p: String!) { userPool(userPoolId: $p) { users(first: 60) { edges { node { username ${groups(cursors)} } } } } }`;
  console.log(
    `\nthrottled: ${THROTTLED_QUOTA} calls/s per operation, a pool's 60 users with their groups, pacing learning from AWS's default rates, ${THROTTLED_RUNS} runs\n`,
  );
  console.log('| query | calls | busiest operation | ideal ms (its calls ÷ quota) | wall ms | throttling answers | client errors |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const cursors of [false, true]) {
    for (let run = 0; run < THROTTLED_RUNS; run++) {
      const gateway = createGateway({ ...common, quotas: { enabled: true, rates: {} }, requestTimeoutMs: 30_000 });
      proxy.quota(THROTTLED_QUOTA);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const started = performance.now();
      const answer = await ask(gateway, query(cursors), { p: demoPool });
      const wallMs = performance.now() - started;
      const throttled = await proxy.throttled();
      const byOperation = answer.extensions?.cognitoCalls?.byOperation ?? {};
      const outcomes = answer.extensions?.cognitoCalls?.calls ?? [];
      const answered = (operation: string) => outcomes.filter((call) => call.operation === operation && call.outcome === 'ok').length;
      const [busiest] = Object.keys(byOperation).sort((a, b) => answered(b) - answered(a));
      const idealMs = (answered(busiest ?? '') / THROTTLED_QUOTA) * 1000;
      const calls = outcomes.filter((call) => call.outcome === 'ok').length;
      console.log(
        `| ${cursors ? 'with cursors' : 'without cursors'} | ${calls} | ${busiest} × ${answered(busiest ?? '')} | ${idealMs.toFixed(0)} | ${wallMs.toFixed(0)} | ${throttled} | ${answer.errors?.length ?? 0} |`,
      );
    }
  }
  proxy.quota(0);
}

await main();

function redisServerInstalled(): boolean {
  try {
    redisServerPath();
    return true;
  } catch {
    return false;
  }
}
