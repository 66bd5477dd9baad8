import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { CursorCodec } from '../../src/cognito/cursor';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { loadConfig, type HttpLimits } from '../../src/config';
import { silentLogger } from '../../src/domain/logger';
import { serve, type RunningServer } from '../../src/http/server';
import { createGateway } from '../../src/http/yoga';
import { asService, bearer, localGateway, TEST_SERVICE_KEY, type GraphQLResponse } from '../support/gateway';
import { accessClaims, mintJwt, signInDemoAccount, webAppClient } from '../support/tokens';

/**
 * The HTTP edge in production's shape: slow clients and too many connections over a real loopback
 * socket; what errors show a client; which credentials pass; what a validly signed cursor may ask.
 */

const demo = () => inject('demo');
const demoPoolId = () => demo().pools[0]!.userPoolId;

// ---------------------------------------------------------------------------------------------
// Slow clients and the connection cap (a real socket on loopback)
// ---------------------------------------------------------------------------------------------

/** Longest any socket test waits for the server to act: far above the configured limits. */
const WAIT_CAP_MS = 3_000;

interface SocketOutcome {
  closedByServer: boolean;
  received: string;
}

/** Opens a raw connection, writes `sent`, and reports what came back until the server closed it (or WAIT_CAP_MS passed). */
function rawExchange(port: number, sent: string, onOpen?: (socket: Socket) => void): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    const giveUp = setTimeout(() => {
      socket.destroy();
      resolve({ closedByServer: false, received });
    }, WAIT_CAP_MS);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined); // a reset is a close too
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ closedByServer: true, received });
    });
    socket.on('connect', () => {
      if (sent) socket.write(sent);
      onOpen?.(socket);
    });
  });
}

async function startServer(limits: Partial<HttpLimits>): Promise<RunningServer> {
  const client = createCognitoClient({ region: 'local', endpoint: inject('cognitoEndpoint'), credentials: localCredentials });
  const gateway = createGateway({ client, serviceKeys: [TEST_SERVICE_KEY] });
  return serve(gateway, '127.0.0.1', 0, silentLogger, { ...loadConfig({}).http, ...limits });
}

/** A whole `{ __typename }` request as it goes on the wire. */
function rawPost(connection: 'keep-alive' | 'close'): string {
  const body = JSON.stringify({ query: '{ __typename }' });
  const head = [
    'POST /graphql HTTP/1.1',
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    'Accept: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `Connection: ${connection}`,
  ];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

async function typename(port: number): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

describe('slow clients', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startServer({ headersTimeoutMs: 200, requestTimeoutMs: 400, keepAliveTimeoutMs: 200 });
  });
  afterAll(() => running.stop(1_000));

  it('a client that never finishes its headers is answered 408 and cut off', async () => {
    const outcome = await rawExchange(running.port, 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n');
    expect(outcome.closedByServer).toBe(true);
    expect(outcome.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a client that never finishes its body is cut off too', async () => {
    const head = 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":';
    const outcome = await rawExchange(running.port, head);
    expect(outcome.closedByServer).toBe(true);
    expect(outcome.received).not.toMatch(/^HTTP\/1\.1 200 /);
  });

  it('an idle kept-alive connection is closed after its request was answered', async () => {
    const outcome = await rawExchange(running.port, rawPost('keep-alive'));
    expect(outcome.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(outcome.received).toContain('"__typename":"Query"');
    expect(outcome.closedByServer).toBe(true);
  });

  it('a normal request is answered', async () => {
    const answer = await typename(running.port);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ __typename: 'Query' });
  });
});

describe('the connection cap', () => {
  let running: RunningServer;
  const held: Socket[] = [];
  beforeAll(async () => {
    running = await startServer({ maxConnections: 2 });
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await running.stop(1_000);
  });

  /** Opens a connection that sends nothing, and resolves once the server has accepted it. */
  async function holdConnection(): Promise<void> {
    const accepted = new Promise<void>((resolve) => running.server.once('connection', () => resolve()));
    held.push(connect({ host: '127.0.0.1', port: running.port }).on('error', () => undefined));
    await accepted;
  }

  async function openConnections(): Promise<number> {
    return new Promise((resolve, reject) => running.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
  }

  it('a connection over the cap is closed at once, unanswered; below the cap requests are served again', async () => {
    await holdConnection();
    await holdConnection();
    let dropped = false;
    running.server.once('drop', () => (dropped = true));
    const over = await rawExchange(running.port, rawPost('close'));
    expect(over.closedByServer).toBe(true);
    expect(over.received).toBe('');
    expect(dropped).toBe(true);

    held.pop()!.destroy();
    for (let i = 0; i < 100 && (await openConnections()) > 1; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const answer = await typename(running.port);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ __typename: 'Query' });
  });
});

// ---------------------------------------------------------------------------------------------
// What errors show a client
// ---------------------------------------------------------------------------------------------

describe('error masking', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('an unexpected error is "Unexpected error." without its message, stack or original error, even with NODE_ENV=development', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const failing = localGateway({
      createLoaders: () => {
        throw new Error('internal detail at /srv/gateway/secret-path');
      },
    });
    const answer = await failing.query('query ($p: String!) { userPool(userPoolId: $p) { name } }', { p: demoPoolId() });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.message).toBe('Unexpected error.');
    const text = JSON.stringify(answer);
    expect(text).not.toContain('secret-path');
    expect(text).not.toContain('originalError');
    expect(text).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it('a body that is not JSON is refused with 400 without quoting any of it', async () => {
    const { gateway } = localGateway();
    for (const env of ['production', 'development']) {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        vi.stubEnv('NODE_ENV', env);
        const response = await gateway.fetch('http://gateway.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept },
          body: '{"query": "{ __typename }", "variables": {"password": Hunter2Secret}}',
        });
        const text = await response.text();
        const label = `${env}, ${accept}: ${text}`;
        expect(response.status, label).toBe(400);
        const [error] = (JSON.parse(text) as GraphQLResponse).errors!;
        expect(error!.extensions?.code, label).toBe('BAD_REQUEST');
        expect(error!.message, label).toBe('POST body sent invalid JSON.');
        expect(text, label).not.toContain('Hunter2');
        expect(text, label).not.toContain('is not valid JSON');
      }
    }
  });

  it('GET parameters that are not JSON are a 400, without quoting them', async () => {
    const { gateway } = localGateway();
    const variables = encodeURIComponent('{"password": Hunter2Secret}');
    const response = await gateway.fetch(`http://gateway.test/graphql?query=%7B__typename%7D&variables=${variables}`, {
      headers: { accept: 'application/graphql-response+json', 'x-graphql-yoga-csrf': '1' },
    });
    const text = await response.text();
    expect(response.status, text).toBe(400);
    const [error] = (JSON.parse(text) as GraphQLResponse).errors!;
    expect(error!.extensions?.code, text).toBe('BAD_REQUEST');
    expect(error!.message).toMatch(/`variables` or `extensions` parameter is not valid JSON/);
    expect(text).not.toContain('Hunter2');
  });
});

// ---------------------------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------------------------

describe('credentials', () => {
  const { gateway } = localGateway();
  const send = async (headers: Record<string, string>) => {
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  };
  const expectRefused = (answer: { status: number; body: GraphQLResponse }, message: RegExp) => {
    expect(answer.status, JSON.stringify(answer)).toBe(401);
    expect(answer.body.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.body.errors![0]!.message).toMatch(message);
  };

  it('a valid service key with an invalid bearer token is refused: a bad credential fails the request', async () => {
    expectRefused(await send({ ...asService, ...bearer('not-a-token') }), /not a valid access token/);
    expectRefused(await send({ ...asService, authorization: 'Basic abc' }), /Authorization header must be "Bearer/);
    // Controls: the key alone, and the key with a valid token, pass.
    expect((await send(asService)).status).toBe(200);
    const user = await signInDemoAccount(gateway, demo(), 'user');
    expect((await send({ ...asService, ...bearer(user.accessToken) })).status).toBe(200);
  });

  it('a token without `exp` is refused; the same token with one passes', async () => {
    const { userPoolId, clientId } = webAppClient(demo());
    const claims = accessClaims({ issuer: `${inject('cognitoEndpoint')}/${userPoolId}`, clientId });
    const { exp: _exp, ...neverExpiring } = claims;
    expectRefused(await send(bearer(mintJwt(neverExpiring))), /not a valid access token/);
    expect((await send(bearer(mintJwt(claims)))).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Cursors: a valid signature is not enough
// ---------------------------------------------------------------------------------------------

describe('a validly signed cursor', () => {
  const secret = 'edge-hardening-test-cursor-secret-0123456789';
  const { query } = localGateway({ cursorSecret: secret });
  const USERS =
    'query ($p: String!, $after: String) { userPool(userPoolId: $p) { users(first: 1, after: $after) { edges { node { username } } pageInfo { endCursor } } } }';

  it('asking Cognito for a page larger than the operation takes is refused before any ListUsers call', async () => {
    const first = await query(USERS, { p: demoPoolId() });
    const endCursor = first.data!.userPool.users.pageInfo.endCursor as string;
    const body = JSON.parse(Buffer.from(endCursor.split('.')[0]!, 'base64url').toString('utf8')) as unknown[];
    const [, binding, token, , offset, after, next] = body as [number, string, string | null, number, number, string?, string?];
    const codec = new CursorCodec(secret);
    const position = { kind: 'page', token, offset, ...(after ? { after } : {}), ...(next ? { next } : {}) } as const;

    // Control: re-signed as issued, the cursor resumes.
    const resumed = await query(USERS, { p: demoPoolId(), after: codec.encode(binding, { ...position, pageSize: 60 }) });
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data!.userPool.users.edges).toHaveLength(1);

    const forged = await query(USERS, { p: demoPoolId(), after: codec.encode(binding, { ...position, pageSize: 1_000_000 }) });
    expect(forged.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
    expect(forged.extensions?.cognitoCalls?.byOperation['ListUsers'] ?? 0).toBe(0);
  });
});
