import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { silentLogger } from '../../src/domain/logger';
import { serve, type RunningServer } from '../../src/http/server';
import { createGateway } from '../../src/http/yoga';
import { adaptToEmulator } from '../../src/local/emulator-quirks';
import { GatewayMetrics } from '../../src/ops/metrics';
import { REQUEST_ID_ATTRIBUTE } from '../../src/ops/tracing';
import { startTracing, type StartedTracing } from '../../src/ops/tracing-setup';
import { TEST_SERVICE_KEY } from '../support/gateway';

/**
 * Traces as an OTLP collector would receive them, kept in memory: a span per GraphQL operation,
 * a child span per Cognito call, the request id on both, and no secret in any attribute.
 */
const DEMO_PASSWORD = 'User#Demo1';
const exporter = new InMemorySpanExporter();
let traces: StartedTracing;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  traces = startTracing('gateway-under-test', new SimpleSpanProcessor(exporter));
  const endpoint = inject('cognitoEndpoint');
  const client = adaptToEmulator(createCognitoClient({ region: 'local', endpoint, credentials: localCredentials, maxAttempts: 1 }));
  const gateway = createGateway({
    client,
    logger: silentLogger,
    // With metrics too, as main.ts runs it: both observe every call.
    metrics: new GatewayMetrics(),
    tracing: traces.tracing,
    serviceKeys: [TEST_SERVICE_KEY],
    appClients: inject('appClients'),
    issuerBase: endpoint,
    adminGroup: `${inject('demo').pools[0]!.userPoolId}:admins`,
  });
  server = await serve(gateway, '127.0.0.1', 0, silentLogger);
  base = `http://127.0.0.1:${server.port}/graphql`;
});

afterAll(async () => {
  await server.stop(1_000);
  await traces.shutdown();
});

const post = (body: object, headers: Record<string, string>) =>
  fetch(base, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });

const childrenOf = (parent: ReadableSpan, spans: ReadableSpan[]) =>
  spans.filter(
    (span) => span.parentSpanContext?.spanId === parent.spanContext().spanId && span.spanContext().traceId === parent.spanContext().traceId,
  );

describe('OpenTelemetry traces', () => {
  it('a span per operation, the Cognito calls as its children, the request id on each', async () => {
    exporter.reset();
    const response = await post(
      { query: 'query Pools { userPools(first: 5) { edges { node { name } } } }' },
      { 'x-service-key': TEST_SERVICE_KEY, 'x-request-id': 'pools-1' },
    );
    expect(response.status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const operations = spans.filter((span) => span.name === 'graphql.query');
    expect(operations).toHaveLength(1);
    const operation = operations[0]!;
    expect(operation.attributes).toMatchObject({
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'Pools',
      [REQUEST_ID_ATTRIBUTE]: 'pools-1',
    });
    const calls = childrenOf(operation, spans);
    expect(calls.map((span) => span.name)).toEqual(['cognito.ListUserPools']);
    expect(calls[0]!.attributes).toMatchObject({ 'rpc.method': 'ListUserPools', [REQUEST_ID_ATTRIBUTE]: 'pools-1' });
    expect(spans.every((span) => span.resource.attributes['service.name'] === 'gateway-under-test')).toBe(true);
  });

  it('a sign-in: its password, tokens and the service key are in no attribute of any span', async () => {
    exporter.reset();
    const pool = inject('demo').pools[0]!.userPoolId;
    const clientId = inject('appClients').find((client) => client.userPoolId === pool && !client.clientSecret)!.clientId;
    const signIn = await post(
      {
        query:
          'mutation SignIn($input: InitiateAuthInput!) { initiateAuth(input: $input) { ... on InitiateAuthPayload { tokens { accessToken refreshToken } } } }',
        variables: { input: { clientId, username: 'demo.user', authFlow: 'USER_PASSWORD_AUTH', password: DEMO_PASSWORD } },
      },
      {},
    );
    const tokens = ((await signIn.json()) as { data: { initiateAuth: { tokens: { accessToken: string; refreshToken: string } } } }).data
      .initiateAuth.tokens;
    // A password written into the document itself, as a careless client might.
    await post(
      {
        query: `mutation { initiateAuth(input: { clientId: "${clientId}", username: "demo.user", authFlow: USER_PASSWORD_AUTH, password: "${DEMO_PASSWORD}" }) { __typename } }`,
      },
      {},
    );
    const spans = exporter.getFinishedSpans();
    const mutation = spans.find((span) => span.name === 'graphql.mutation' && span.attributes['graphql.operation.name'] === 'SignIn')!;
    expect(childrenOf(mutation, spans).map((span) => span.name)).toEqual(['cognito.InitiateAuth']);
    expect(spans.filter((span) => span.name === 'cognito.InitiateAuth')).toHaveLength(2);
    const everything = JSON.stringify(spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events })));
    for (const secret of [DEMO_PASSWORD, tokens.accessToken, tokens.refreshToken, TEST_SERVICE_KEY])
      expect(everything).not.toContain(secret);
  });
});
