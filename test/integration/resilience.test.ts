import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { CallRecord } from '../../src/cognito/call-log';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/http/yoga';
import { CognitoProxy, type ProxyRecord } from '../support/cognito-proxy';
import { asService, postQuery, TEST_SERVICE_KEY, type GraphQLResponse } from '../support/gateway';

/**
 * The call path's resilience end to end: a gateway over a loopback proxy in front of the run's
 * shared cognito-local, the proxy answering scripted throttles, faults, resets and hangs. What is
 * asserted is the calls made (proxy records, the response's call log), never how long they took.
 * Read-only: reads of the demo directory, and writes to a user that does not exist.
 */

const demo = inject('demo');
const POOL = demo.pools[0]!;
const NO_SUCH_USER = 'nobody-xyz';

let proxy: CognitoProxy;

beforeAll(async () => {
  proxy = await new CognitoProxy(inject('cognitoEndpoint')).start();
});

afterAll(async () => {
  await proxy.stop();
});

beforeEach(() => {
  proxy.reset();
});

/**
 * Each test gets its own breaker and pacer. The timeouts are generous, so that a busy machine's slow
 * answer is never taken for a fault: the tests about hangs and deadlines set their own short ones.
 */
const FAST: Partial<GatewayOptions> = { maxAttempts: 4, attemptTimeoutMs: 2_000, requestTimeoutMs: 5_000 };

function gatewayOverProxy(options: Partial<GatewayOptions> = {}) {
  const gateway = createGateway({
    client: createCognitoClient({ region: 'local', endpoint: proxy.endpoint, credentials: localCredentials }),
    serviceKeys: [TEST_SERVICE_KEY],
    debug: true,
    ...FAST,
    ...options,
  });
  return {
    gateway,
    query: (query: string, variables?: Record<string, unknown>) => postQuery(gateway, query, variables, asService),
  };
}

const POOL_NAME = `query ($id: String!) { userPool(userPoolId: $id) { name } }`;
const USERS = `query ($id: String!) { userPool(userPoolId: $id) { users(first: 3) { edges { node { username } } } } }`;
const CSV_HEADER = `query ($id: String!) { userPool(userPoolId: $id) { csvHeader } }`;
const DISABLE = `mutation ($input: AdminDisableUserInput!) {
  adminDisableUser(input: $input) { __typename ... on CognitoError { message } ... on UserNotFoundError { code } }
}`;
const disableNobody = { input: { userPoolId: POOL.userPoolId, username: NO_SUCH_USER } };

/** The outcomes of `operation`'s attempts, in order, from the response's call log. */
function outcomes(result: GraphQLResponse, operation: string): string[] {
  const calls: CallRecord[] = result.extensions?.cognitoCalls?.calls ?? [];
  return calls.filter((call) => call.operation === operation).map((call) => call.outcome);
}

function recordsOf(operation: string): ProxyRecord[] {
  return proxy.records.filter((record) => record.operation === operation);
}

/** Waits (bounded: 2 s at most) for `condition`; the proxy learns of a hang-up asynchronously. */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

function onlyError(result: GraphQLResponse) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  return result.errors![0]!;
}

function expectUsers(result: GraphQLResponse) {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data?.userPool.users.edges).toHaveLength(3);
}

describe('throttling is retried, for reads and writes', () => {
  it('ListUsers throttled twice, then answered: the query succeeds after 3 calls', async () => {
    // Throttled twice in one second, the retry waits for that second to pass: a deadline with room for it.
    const { query } = gatewayOverProxy({ requestTimeoutMs: 5_000 });
    proxy.script(
      'ListUsers',
      { kind: 'error', status: 400, type: 'TooManyRequestsException' },
      { kind: 'error', status: 400, type: 'TooManyRequestsException' },
    );
    const result = await query(USERS, { id: POOL.userPoolId });
    expectUsers(result);
    expect(proxy.count('ListUsers')).toBe(3);
    expect(outcomes(result, 'ListUsers')).toEqual(['TooManyRequestsException', 'TooManyRequestsException', 'ok']);
  });

  it('a throttled write is retried too (it was not carried out): adminDisableUser on a missing user, 2 calls, typed UserNotFoundError', async () => {
    const { query } = gatewayOverProxy();
    proxy.script('AdminDisableUser', { kind: 'error', status: 400, type: 'TooManyRequestsException' });
    const result = await query(DISABLE, disableNobody);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data?.adminDisableUser).toMatchObject({ __typename: 'UserNotFoundError', code: 'USER_NOT_FOUND' });
    expect(proxy.count('AdminDisableUser')).toBe(2);
    expect(outcomes(result, 'AdminDisableUser')).toEqual(['TooManyRequestsException', 'UserNotFoundException']);
  });

  it('throttling is not bounded by maxAttempts: 6 throttles, then the answer, within the deadline', async () => {
    const { query } = gatewayOverProxy({ maxAttempts: 2, requestTimeoutMs: 15_000 });
    const throttle = { kind: 'error', status: 400, type: 'TooManyRequestsException' } as const;
    proxy.script('ListUsers', throttle, throttle, throttle, throttle, throttle, throttle);
    const result = await query(USERS, { id: POOL.userPoolId });
    expectUsers(result);
    expect(proxy.count('ListUsers')).toBe(7);
    expect(outcomes(result, 'ListUsers')).toEqual([...Array(6).fill('TooManyRequestsException'), 'ok']);
  });

  it('throttling that outlasts the request deadline: THROTTLED reaches the client, and no call is made after it', async () => {
    const { query } = gatewayOverProxy({ requestTimeoutMs: 1_000 });
    const throttle = { kind: 'error', status: 400, type: 'TooManyRequestsException' } as const;
    proxy.script('ListUsers', ...Array<typeof throttle>(40).fill(throttle));
    const result = await query(USERS, { id: POOL.userPoolId });
    const error = onlyError(result);
    expect(error.extensions).toMatchObject({ code: 'THROTTLED', operation: 'ListUsers' });
    expect(error.message).toMatch(/deadline/);
    const calls = proxy.count('ListUsers');
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThan(40);
    expect(outcomes(result, 'ListUsers')).toEqual(Array(calls).fill('TooManyRequestsException'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.count('ListUsers')).toBe(calls);
  });

  it('HTTP 429 without a Cognito type counts as throttling', async () => {
    const { query } = gatewayOverProxy();
    proxy.script('DescribeUserPool', { kind: 'error', status: 429, type: 'SlowDown' });
    const result = await query(POOL_NAME, { id: POOL.userPoolId });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data).toEqual({ userPool: { name: POOL.name } });
    expect(proxy.count('DescribeUserPool')).toBe(2);
  });
});

describe('faults (5xx, resets) are retried by reads only', () => {
  const internalError = { kind: 'error', status: 500, type: 'InternalErrorException' } as const;

  it('500 InternalErrorException on a read: retried, the answer is right', async () => {
    const { query } = gatewayOverProxy();
    proxy.script('ListUsers', internalError);
    const result = await query(USERS, { id: POOL.userPoolId });
    expectUsers(result);
    expect(proxy.count('ListUsers')).toBe(2);
    expect(outcomes(result, 'ListUsers')).toEqual(['InternalErrorException', 'ok']);
  });

  it('500 on a read that outlasts maxAttempts: COGNITO_UNAVAILABLE after exactly maxAttempts calls', async () => {
    const { query } = gatewayOverProxy({ maxAttempts: 3 });
    proxy.script('DescribeUserPool', internalError, internalError, internalError, internalError);
    const result = await query(POOL_NAME, { id: POOL.userPoolId });
    expect(onlyError(result).extensions).toMatchObject({
      code: 'COGNITO_UNAVAILABLE',
      cognitoError: 'InternalErrorException',
      operation: 'DescribeUserPool',
    });
    expect(proxy.count('DescribeUserPool')).toBe(3);
  });

  it('500 on a write: not retried (it may have happened); one call, COGNITO_UNAVAILABLE as a top-level error', async () => {
    const { query } = gatewayOverProxy();
    proxy.script('AdminDisableUser', internalError);
    const result = await query(DISABLE, disableNobody);
    expect(onlyError(result).extensions).toMatchObject({
      code: 'COGNITO_UNAVAILABLE',
      cognitoError: 'InternalErrorException',
      operation: 'AdminDisableUser',
    });
    expect(result.data?.adminDisableUser ?? null).toBeNull();
    expect(proxy.count('AdminDisableUser')).toBe(1);
    expect(outcomes(result, 'AdminDisableUser')).toEqual(['InternalErrorException']);
  });

  it('a reset connection on a read: retried, the answer is right', async () => {
    const { query } = gatewayOverProxy();
    proxy.script('ListUsers', { kind: 'reset' });
    const result = await query(USERS, { id: POOL.userPoolId });
    expectUsers(result);
    expect(proxy.count('ListUsers')).toBe(2);
    const [first, second] = outcomes(result, 'ListUsers');
    expect(first).not.toBe('ok');
    expect(second).toBe('ok');
  });

  it('a reset connection on a write: not retried, one call, COGNITO_UNAVAILABLE saying the write may have happened', async () => {
    const { query } = gatewayOverProxy();
    proxy.script('AdminDisableUser', { kind: 'reset' });
    const result = await query(DISABLE, disableNobody);
    const error = onlyError(result);
    expect(error.extensions?.code).toBe('COGNITO_UNAVAILABLE');
    expect(error.message).toMatch(/may or may not have been made/);
    expect(result.data?.adminDisableUser ?? null).toBeNull();
    expect(proxy.count('AdminDisableUser')).toBe(1);
    expect(outcomes(result, 'AdminDisableUser')).toHaveLength(1);
    expect(outcomes(result, 'AdminDisableUser')[0]).not.toBe('ok');
  });
});

describe('timeouts', () => {
  it('a hung attempt is aborted after attemptTimeoutMs and retried; the answer is right', async () => {
    const { query } = gatewayOverProxy({ attemptTimeoutMs: 100 });
    proxy.script('DescribeUserPool', { kind: 'hang' });
    const result = await query(POOL_NAME, { id: POOL.userPoolId });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data).toEqual({ userPool: { name: POOL.name } });
    expect(outcomes(result, 'DescribeUserPool')).toEqual(['Timeout', 'ok']);
    const records = recordsOf('DescribeUserPool');
    expect(records.map((r) => r.action)).toEqual(['hang', 'pass']);
    await eventually(() => records[0]!.aborted, 'the hung attempt is hung up on');
    expect(records[1]!.aborted).toBe(false);
  });

  it('hanging on every attempt: COGNITO_TIMEOUT after exactly maxAttempts attempts, each aborted', async () => {
    const { query } = gatewayOverProxy({ attemptTimeoutMs: 100, maxAttempts: 3, requestTimeoutMs: 5_000 });
    proxy.script('DescribeUserPool', { kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' });
    const result = await query(POOL_NAME, { id: POOL.userPoolId });
    expect(onlyError(result).extensions).toMatchObject({ code: 'COGNITO_TIMEOUT', operation: 'DescribeUserPool' });
    expect(onlyError(result).message).toContain('3 attempts');
    expect(outcomes(result, 'DescribeUserPool')).toEqual(['Timeout', 'Timeout', 'Timeout']);
    expect(proxy.count('DescribeUserPool')).toBe(3);
    await eventually(() => recordsOf('DescribeUserPool').every((r) => r.aborted), 'every hung attempt is hung up on');
  });

  it('the request deadline: DEADLINE_EXCEEDED, the pending call is aborted, no retry follows', async () => {
    // One attempt could wait 5 s; the request may only run 300 ms.
    const { query } = gatewayOverProxy({ attemptTimeoutMs: 5_000, requestTimeoutMs: 300 });
    proxy.script('DescribeUserPool', { kind: 'hang' }, { kind: 'hang' });
    const result = await query(POOL_NAME, { id: POOL.userPoolId });
    expect(onlyError(result).extensions).toMatchObject({ code: 'DEADLINE_EXCEEDED', operation: 'DescribeUserPool' });
    expect(recordsOf('DescribeUserPool')).toHaveLength(1);
    await eventually(() => recordsOf('DescribeUserPool')[0]!.aborted, 'the pending call is hung up on');
    // Nothing else is sent for the request once it is over.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.records).toHaveLength(1);
  });

  it('throttled retries stop at the request deadline: THROTTLED (the quota could not serve it in time), no call after it', async () => {
    const { query } = gatewayOverProxy({ maxAttempts: 10, requestTimeoutMs: 150 });
    const throttle = { kind: 'error', status: 400, type: 'TooManyRequestsException' } as const;
    proxy.script('DescribeUserPool', ...Array<typeof throttle>(20).fill(throttle));
    const result = await query(POOL_NAME, { id: POOL.userPoolId });
    expect(onlyError(result).extensions).toMatchObject({ code: 'THROTTLED', operation: 'DescribeUserPool' });
    const calls = proxy.count('DescribeUserPool');
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThan(10);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.count('DescribeUserPool')).toBe(calls);
  });
});

describe('a client that goes away', () => {
  it('aborting the HTTP request aborts the pending Cognito call; no further attempt is made', async () => {
    const { gateway } = gatewayOverProxy({ attemptTimeoutMs: 5_000, requestTimeoutMs: 10_000 });
    proxy.script('DescribeUserPool', { kind: 'hang' }, { kind: 'hang' });
    const controller = new AbortController();
    const response = (gateway as Gateway).fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...asService },
      body: JSON.stringify({ query: POOL_NAME, variables: { id: POOL.userPoolId } }),
      signal: controller.signal,
    });
    // Settled either way: rejected (aborted) or answered; what matters is what Cognito saw.
    const settled = Promise.resolve(response).then(
      async (r) => r.text(),
      (error: unknown) => error,
    );
    await eventually(() => proxy.count('DescribeUserPool') === 1, 'the call reaches the proxy');
    expect(proxy.records[0]!.aborted).toBe(false);
    controller.abort();
    await eventually(() => proxy.records[0]!.aborted, 'the pending call is hung up on');
    await settled;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.count('DescribeUserPool')).toBe(1);
  });
});

describe('circuit breaker', () => {
  const internalError = { kind: 'error', status: 500, type: 'InternalErrorException' } as const;

  it('after `threshold` faults in a row the next request fails at once with COGNITO_UNAVAILABLE; Cognito sees nothing', async () => {
    const { query } = gatewayOverProxy({ maxAttempts: 1, breaker: { threshold: 3, cooldownMs: 60_000 } });
    proxy.script('DescribeUserPool', internalError, internalError, internalError);
    for (let i = 0; i < 3; i++) {
      const result = await query(POOL_NAME, { id: POOL.userPoolId });
      expect(onlyError(result).extensions).toMatchObject({ code: 'COGNITO_UNAVAILABLE', cognitoError: 'InternalErrorException' });
    }
    expect(proxy.count('DescribeUserPool')).toBe(3);

    const refused = await query(POOL_NAME, { id: POOL.userPoolId });
    const error = onlyError(refused);
    expect(error.extensions?.code).toBe('COGNITO_UNAVAILABLE');
    expect(error.extensions?.cognitoError).toBeUndefined();
    expect(error.message).toMatch(/not answering/);
    expect(refused.extensions?.cognitoCalls?.total).toBe(0);
    // The proxy would pass this call now; it never got it. Nor does any other operation go out.
    expect(proxy.records).toHaveLength(3);
    const write = await query(DISABLE, disableNobody);
    expect(onlyError(write).extensions?.code).toBe('COGNITO_UNAVAILABLE');
    expect(proxy.records).toHaveLength(3);
  });

  it('throttling and final answers do not open the circuit', async () => {
    // Unpaced, so that what the pacer learned from the throttling does not hold the last query back.
    const { query } = gatewayOverProxy({
      maxAttempts: 1,
      requestTimeoutMs: 150,
      quotas: { enabled: false, rates: {} },
      breaker: { threshold: 2, cooldownMs: 60_000 },
    });
    const throttle = { kind: 'error', status: 400, type: 'TooManyRequestsException' } as const;
    proxy.script('DescribeUserPool', ...Array<typeof throttle>(30).fill(throttle));
    for (let i = 0; i < 3; i++) expect(onlyError(await query(POOL_NAME, { id: POOL.userPoolId })).extensions?.code).toBe('THROTTLED');
    const throttles = proxy.count('DescribeUserPool');
    proxy.reset();
    for (let i = 0; i < 3; i++) {
      const result = await query(DISABLE, disableNobody);
      expect(result.data?.adminDisableUser).toMatchObject({ __typename: 'UserNotFoundError' });
    }
    const result = await query(POOL_NAME, { id: POOL.userPoolId });
    expect(result.data).toEqual({ userPool: { name: POOL.name } });
    expect(throttles).toBeGreaterThanOrEqual(3);
    expect(proxy.count('DescribeUserPool')).toBe(1);
    expect(proxy.count('AdminDisableUser')).toBe(3);
  });

  it('a success in between resets the count of faults in a row', async () => {
    const { query } = gatewayOverProxy({ maxAttempts: 1, breaker: { threshold: 2, cooldownMs: 60_000 } });
    proxy.script('DescribeUserPool', internalError, { kind: 'pass' }, internalError, { kind: 'pass' });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) codes.push((await query(POOL_NAME, { id: POOL.userPoolId })).errors?.[0]?.extensions?.code);
    expect(codes).toEqual(['COGNITO_UNAVAILABLE', undefined, 'COGNITO_UNAVAILABLE', undefined]);
    expect(proxy.count('DescribeUserPool')).toBe(4);
  });

  it('after the cooldown one trial call goes through; its success closes the circuit', async () => {
    const { query } = gatewayOverProxy({ maxAttempts: 1, breaker: { threshold: 1, cooldownMs: 50 } });
    proxy.script('DescribeUserPool', internalError);
    expect(onlyError(await query(POOL_NAME, { id: POOL.userPoolId })).extensions?.cognitoError).toBe('InternalErrorException');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const trial = await query(POOL_NAME, { id: POOL.userPoolId });
    expect(trial.data).toEqual({ userPool: { name: POOL.name } });
    const after = await query(POOL_NAME, { id: POOL.userPoolId });
    expect(after.data).toEqual({ userPool: { name: POOL.name } });
    expect(proxy.count('DescribeUserPool')).toBe(3);
  });

  // A half-open trial whose request ends (deadline or client gone) while the call is pending
  // releases the trial: the next call after the cooldown is let through as a new trial.
  it('a trial call whose request hits its deadline does not leave the circuit open for good', async () => {
    const { query } = gatewayOverProxy({
      maxAttempts: 1,
      attemptTimeoutMs: 5_000,
      requestTimeoutMs: 200,
      breaker: { threshold: 1, cooldownMs: 50 },
    });
    proxy.script('DescribeUserPool', internalError, { kind: 'hang' });
    expect(onlyError(await query(POOL_NAME, { id: POOL.userPoolId })).extensions?.cognitoError).toBe('InternalErrorException');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The trial call hangs until the request's deadline.
    expect(onlyError(await query(POOL_NAME, { id: POOL.userPoolId })).extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect(proxy.count('DescribeUserPool')).toBe(2);
    // Long past the cooldown, the next request should be let through (as a new trial).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const later = await query(POOL_NAME, { id: POOL.userPoolId });
    expect(proxy.count('DescribeUserPool')).toBe(3);
    expect(later.data).toEqual({ userPool: { name: POOL.name } });
  });
});

describe("cognito-local's own refusals", () => {
  it('"unsupported" (HTTP 500, CognitoLocal#Unsupported) is final: exactly 1 GetCSVHeader, and it is no fault', async () => {
    const { query } = gatewayOverProxy({ maxAttempts: 4, breaker: { threshold: 1, cooldownMs: 60_000 } });
    const result = await query(CSV_HEADER, { id: POOL.userPoolId });
    expect(onlyError(result).extensions).toMatchObject({ code: 'NOT_SUPPORTED_BY_LOCAL_COGNITO', operation: 'GetCSVHeader' });
    expect(result.data).toEqual({ userPool: { csvHeader: null } });
    expect(proxy.count('GetCSVHeader')).toBe(1);
    expect(outcomes(result, 'GetCSVHeader')).toHaveLength(1);
    // With a threshold of 1, had it counted as a fault, the next call would be refused.
    const next = await query(POOL_NAME, { id: POOL.userPoolId });
    expect(next.data).toEqual({ userPool: { name: POOL.name } });
  });
});
