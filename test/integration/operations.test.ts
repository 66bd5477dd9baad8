import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { createLogger } from '../../src/domain/logger';
import { serve, type RunningServer } from '../../src/http/server';
import { createGateway } from '../../src/http/yoga';
import { adaptToEmulator } from '../../src/local/emulator-quirks';
import { GatewayMetrics } from '../../src/ops/metrics';
import { serveOps, type RunningOpsServer } from '../../src/ops/ops-server';
import { Readiness } from '../../src/ops/readiness';
import { requestLogFields } from '../../src/ops/request-context';
import { TEST_SERVICE_KEY } from '../support/gateway';

/**
 * The operators' side of a gateway served as main.ts serves it, over real sockets: /health on the
 * public port, /ready and /metrics on the operations listener, request ids, and JSON log lines.
 */
const DEMO_PASSWORD = 'User#Demo1';

interface Served {
  base: string;
  ops: string;
  readiness: Readiness;
  lines: string[];
  stop(): Promise<void>;
}

async function serveGateway(endpoint: string): Promise<Served> {
  const lines: string[] = [];
  const sink = {
    debug: (l: string) => lines.push(l),
    info: (l: string) => lines.push(l),
    warn: (l: string) => lines.push(l),
    error: (l: string) => lines.push(l),
  };
  const logger = createLogger('debug', sink, { format: 'json', context: requestLogFields });
  const client = adaptToEmulator(createCognitoClient({ region: 'local', endpoint, credentials: localCredentials, maxAttempts: 1 }));
  const readiness = new Readiness();
  const metrics = new GatewayMetrics();
  const gateway = createGateway({
    client,
    logger,
    readiness,
    metrics,
    serviceKeys: [TEST_SERVICE_KEY],
    appClients: inject('appClients'),
    issuerBase: endpoint,
    adminGroup: `${inject('demo').pools[0]!.userPoolId}:admins`,
    maxAttempts: 1,
    attemptTimeoutMs: 1_000,
  });
  const server: RunningServer = await serve(gateway, '127.0.0.1', 0, logger);
  const ops: RunningOpsServer = await serveOps({ readiness, metrics }, '127.0.0.1', 0);
  return {
    base: `http://127.0.0.1:${server.port}`,
    ops: `http://127.0.0.1:${ops.port}`,
    readiness,
    lines,
    stop: async () => {
      await server.stop(1_000);
      await ops.stop();
      client.destroy();
    },
  };
}

const post = (base: string, body: object, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });

describe('a gateway whose Cognito answers', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveGateway(inject('cognitoEndpoint'));
  });
  afterAll(() => served.stop());

  it('is alive on the public port, and ready on the operations port with its Cognito check named', async () => {
    const health = await fetch(`${served.base}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${served.ops}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { cognito: 'ok' } });
    expect((await fetch(`${served.base}/ready`)).status).toBe(404);
    expect((await fetch(`${served.base}/metrics`)).status).toBe(404);
  });

  it('counts requests, Cognito calls by operation and outcome, and errors by code, with no secret or pool in a label', async () => {
    const pools = await post(
      served.base,
      { query: '{ userPools(first: 5) { edges { node { name } } } }' },
      { 'x-service-key': TEST_SERVICE_KEY },
    );
    expect(pools.status).toBe(200);
    await post(served.base, { query: '{ noSuchField }' }, { 'x-service-key': TEST_SERVICE_KEY });
    const badInput = await post(
      served.base,
      { query: '{ userPool(userPoolId: "not a pool id") { name } }' },
      { 'x-service-key': TEST_SERVICE_KEY },
    );
    expect(JSON.stringify(await badInput.json())).toContain('BAD_USER_INPUT');
    const metrics = await (await fetch(`${served.ops}/metrics`)).text();
    expect(metrics).toMatch(/^gateway_cognito_calls_total\{operation="ListUserPools",outcome="ok"\} [1-9]/m);
    expect(metrics).toMatch(/^gateway_cognito_call_duration_seconds_count\{operation="ListUserPools"\} [1-9]/m);
    expect(metrics).toMatch(/^gateway_pacer_wait_seconds_count\{category="UserPoolRead"\} [1-9]/m);
    expect(metrics).toMatch(/^gateway_pacer_waiting_calls\{category="UserList"\} 0$/m);
    expect(metrics).toMatch(/^gateway_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1$/m);
    expect(metrics).toMatch(/^gateway_graphql_errors_total\{code="BAD_USER_INPUT"\} 1$/m);
    expect(metrics).toMatch(/^graphql_envelop_request\{operationType="query"\} [1-9]/m);
    expect(metrics).toMatch(/^graphql_yoga_http_duration_count\{method="POST",statusCode="200"/m);
    expect(metrics).not.toContain(TEST_SERVICE_KEY);
    for (const pool of inject('demo').pools) expect(metrics).not.toContain(pool.userPoolId);
  });

  it('keeps a well-formed X-Request-Id, replaces a bad one, and puts it in every log line of the request, with no password or token', async () => {
    const demo = inject('demo').pools[0]!;
    const clientId = inject('appClients').find((client) => client.userPoolId === demo.userPoolId && !client.clientSecret)!.clientId;
    served.lines.length = 0;
    const signIn = await post(
      served.base,
      {
        query:
          'mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { __typename ... on InitiateAuthPayload { tokens { accessToken } } } }',
        variables: { input: { clientId, username: 'demo.user', authFlow: 'USER_PASSWORD_AUTH', password: DEMO_PASSWORD } },
      },
      { 'x-request-id': 'trace-me.42' },
    );
    expect(signIn.headers.get('x-request-id')).toBe('trace-me.42');
    const accessToken = ((await signIn.json()) as { data: { initiateAuth: { tokens: { accessToken: string } } } }).data.initiateAuth.tokens
      .accessToken;
    expect(accessToken.length).toBeGreaterThan(100);
    const viewer = await post(
      served.base,
      { query: '{ viewer { username } }' },
      { authorization: `Bearer ${accessToken}`, 'x-request-id': 'not allowed <script>' },
    );
    const generated = viewer.headers.get('x-request-id')!;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);

    const entries = served.lines.map((line) => JSON.parse(line) as { level: string; msg: string; requestId?: string });
    const ofSignIn = entries.filter((entry) => entry.requestId === 'trace-me.42');
    const ofViewer = entries.filter((entry) => entry.requestId === generated);
    // LOG_LEVEL debug: each Cognito call and each request's call summary is a line of its request.
    expect(ofSignIn.map((entry) => entry.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^cognito InitiateAuth ok/)]));
    expect(ofViewer.map((entry) => entry.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^cognito GetUser ok/)]));
    expect(entries.filter((entry) => entry.requestId === undefined)).toEqual([]);
    const text = served.lines.join('\n');
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toContain(accessToken);
    expect(text).not.toContain(accessToken.split('.')[2]);
  });

  it('answers 503 draining from the start of shutdown, whatever its checks say', async () => {
    served.readiness.startDraining();
    const ready = await fetch(`${served.ops}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining', checks: { cognito: 'ok' } });
    expect((await fetch(`${served.base}/health`)).status).toBe(200);
  });
});

describe('a gateway whose Cognito does not answer', () => {
  let served: Served;
  beforeAll(async () => {
    // A loopback port nothing listens on: every connection is refused.
    const { createServer } = await import('node:net');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    served = await serveGateway(`http://127.0.0.1:${port}`);
  });
  afterAll(() => served.stop());

  it('is alive but not ready, naming the failing check; the failed attempt is counted as a fault', async () => {
    expect((await fetch(`${served.base}/health`)).status).toBe(200);
    const ready = await fetch(`${served.ops}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', checks: { cognito: 'COGNITO_UNAVAILABLE' } });
    const metrics = await (await fetch(`${served.ops}/metrics`)).text();
    expect(metrics).toMatch(/^gateway_cognito_calls_total\{operation="ListUserPools",outcome="fault"\} 1$/m);
  });
});
