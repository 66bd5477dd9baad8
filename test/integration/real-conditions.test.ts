import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  CreateGroupCommand,
  CreateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { createGateway, type GatewayOptions } from '../../src/http/yoga';
import { startCognitoLocal, type CognitoLocal } from '../../src/local/cognito-local';
import { LiveCognitoPaging } from '../support/cognito-paging';
import { CognitoProxy } from '../support/cognito-proxy';
import { asService, postQuery, TEST_SERVICE_KEY, type GraphQLResponse } from '../support/gateway';

/**
 * The gateway under conditions like AWS's, through the project's fault-injecting proxy in front of
 * a cognito-local of this file's own (it writes): lists paged live as Cognito pages them (opaque
 * tokens, short and empty pages, lists that change between pages), quotas enforced in sliding
 * one-second windows, scripted 5xx and dropped connections. Asserted: data and errors per path,
 * calls and retries; never timings.
 */

let dataDir: string;
let local: CognitoLocal;
let sdk: CognitoIdentityProviderClient;
let proxy: CognitoProxy;
let paging: LiveCognitoPaging;
let membershipPool: string;

const USERS = 70;
const MEMBERS = 40;
const name = (prefix: string, n: number) => `${prefix}${String(n).padStart(3, '0')}`;
/** Who is in which group of the membership pool: a (even), b (multiples of 3), c (multiples of 5), d (the first 8). */
const groupsOf = (n: number) => [n % 2 === 0 && 'a', n % 3 === 0 && 'b', n % 5 === 0 && 'c', n < 8 && 'd'].filter(Boolean) as string[];

/** A pool of its own for a test that pages while it deletes. */
async function poolWithUsers(prefix: string, count: number): Promise<string> {
  const userPoolId = (await sdk.send(new CreateUserPoolCommand({ PoolName: `paging-${prefix}` }))).UserPool!.Id!;
  await createUsers(userPoolId, prefix, count);
  return userPoolId;
}

async function createUsers(userPoolId: string, prefix: string, count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    await sdk.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: name(prefix, n), MessageAction: 'SUPPRESS' }));
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'real-conditions-test-'));
  local = await startCognitoLocal({ dataDir });
  sdk = createCognitoClient({ region: 'local', endpoint: local.endpoint, credentials: localCredentials, maxAttempts: 1 });
  membershipPool = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'membership' }))).UserPool!.Id!;
  await createUsers(membershipPool, 'member', MEMBERS);
  for (const group of ['a', 'b', 'c', 'd']) await sdk.send(new CreateGroupCommand({ UserPoolId: membershipPool, GroupName: group }));
  for (let n = 0; n < MEMBERS; n++) {
    for (const group of groupsOf(n)) {
      await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: membershipPool, Username: name('member', n), GroupName: group }));
    }
  }
  proxy = await new CognitoProxy(local.endpoint).start();
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  sdk?.destroy();
  await local?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  proxy.reset();
  paging = new LiveCognitoPaging();
  proxy.paging = paging;
});

function gatewayOverProxy(options: Partial<GatewayOptions> = {}) {
  const gateway = createGateway({
    client: createCognitoClient({ region: 'local', endpoint: proxy.endpoint, credentials: localCredentials }),
    serviceKeys: [TEST_SERVICE_KEY],
    debug: true,
    attemptTimeoutMs: 2_000,
    ...options,
  });
  return (query: string, variables?: Record<string, unknown>) => postQuery(gateway, query, variables, asService);
}

const PAGE = `query ($pool: String!, $first: Int!, $after: String) {
  userPool(userPoolId: $pool) { users(first: $first, after: $after) { edges { cursor node { username } } pageInfo { hasNextPage endCursor } } }
}`;

const usernamesOf = (result: GraphQLResponse) =>
  (result.data!.userPool.users.edges as { node: { username: string } }[]).map((e) => e.node.username);

describe('lists that change while they are paged', () => {
  it('a job that deletes or disables the users it has seen still sees every user, once', async () => {
    const pagingPool = await poolWithUsers('paged', USERS);
    const query = gatewayOverProxy();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: GraphQLResponse = await query(PAGE, { pool: pagingPool, first: 10, after });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const names = usernamesOf(result);
      seen.push(...names);
      // Half the pages deleted, half disabled: the list shrinks under the cursor, or keeps its items.
      for (const username of names) {
        await sdk.send(
          page % 2 === 0
            ? new AdminDeleteUserCommand({ UserPoolId: pagingPool, Username: username })
            : new AdminDisableUserCommand({ UserPoolId: pagingPool, Username: username }),
        );
      }
      const info = result.data!.userPool.users.pageInfo;
      if (!info.hasNextPage) break;
      after = info.endCursor;
    }
    const everyone = Array.from({ length: USERS }, (_, n) => name('paged', n));
    expect(seen).toEqual(everyone);
  });

  it('pages across Cognito pages with short and empty ones, in step with a job deleting what it saw', async () => {
    const pagingPool = await poolWithUsers('short', 30);
    paging.shortPages = true;
    const query = gatewayOverProxy();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: GraphQLResponse = await query(PAGE, { pool: pagingPool, first: 7, after });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const names = usernamesOf(result);
      seen.push(...names);
      for (const username of names) await sdk.send(new AdminDeleteUserCommand({ UserPoolId: pagingPool, Username: username }));
      const info = result.data!.userPool.users.pageInfo;
      if (!info.hasNextPage) break;
      after = info.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 30 }, (_, n) => name('short', n)));
    // The proxy answered short and empty pages, and the gateway followed their tokens.
    expect(paging.pages.some((page) => page.keys.length === 0)).toBe(true);
  });

  it('a cursor whose items on both sides were deleted answers STALE_CURSOR, saying what to do', async () => {
    const pagingPool = await poolWithUsers('stale', 12);
    const query = gatewayOverProxy();
    const first = await query(PAGE, { pool: pagingPool, first: 3 });
    const [, , third] = usernamesOf(first);
    const cursor = first.data!.userPool.users.edges[2].cursor as string;
    const next = name('stale', 3);
    expect(third).toBe(name('stale', 2));
    for (const username of [third!, next]) await sdk.send(new AdminDeleteUserCommand({ UserPoolId: pagingPool, Username: username }));
    const resumed = await query(PAGE, { pool: pagingPool, first: 3, after: cursor });
    expect(resumed.data!.userPool.users).toBeNull();
    expect(resumed.errors?.[0]?.path).toEqual(['userPool', 'users']);
    expect(resumed.errors?.[0]?.extensions).toMatchObject({ code: 'STALE_CURSOR', field: 'after' });
    expect(resumed.errors?.[0]?.message).toMatch(/Page again from the start/);
  });

  it('a cursor whose page token Cognito no longer takes answers STALE_CURSOR, not an unexpected error', async () => {
    const pagingPool = await poolWithUsers('token', 63);
    const query = gatewayOverProxy();
    // 60 fill the first Cognito page exactly: the end cursor is the next page's token.
    const full = await query(PAGE, { pool: pagingPool, first: 60 });
    expect(full.errors).toBeUndefined();
    paging.forgetTokens();
    const resumed = await query(PAGE, { pool: pagingPool, first: 5, after: full.data!.userPool.users.pageInfo.endCursor });
    expect(resumed.errors?.[0]?.extensions).toMatchObject({ code: 'STALE_CURSOR' });
    expect(resumed.data!.userPool).toEqual({ users: null });
  });
});

const MEMBERSHIP = `query ($pool: String!, $first: Int!) {
  userPool(userPoolId: $pool) { name users(first: $first) { edges { node { username groups(first: 10) { edges { node { name } } } } } } }
}`;

/** Each listed user's groups as answered, or null where they failed. */
function groupsByUser(result: GraphQLResponse): Record<string, string[] | null> {
  return Object.fromEntries(
    (result.data!.userPool.users.edges as { node: { username: string; groups: { edges: { node: { name: string } }[] } | null } }[]).map(
      ({ node }) => [node.username, node.groups ? node.groups.edges.map((edge) => edge.node.name) : null],
    ),
  );
}

const expectedGroups = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, n) => [name('member', n), groupsOf(n)]));

describe('throttling is absorbed', () => {
  it('three users-with-groups queries at once over a 5-per-second quota: every answer complete, throttles retried', async () => {
    for (const operation of ['ListUsers', 'ListGroups', 'ListUsersInGroup', 'DescribeUserPool', 'AdminListGroupsForUser']) {
      proxy.enforceQuota(operation, 5);
    }
    const query = gatewayOverProxy();
    const answers = await Promise.all([0, 1, 2].map(() => query(MEMBERSHIP, { pool: membershipPool, first: MEMBERS })));
    for (const answer of answers) {
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      expect(groupsByUser(answer)).toEqual(expectedGroups(MEMBERS));
    }
    // The pool-wide way: per query one ListGroups and one ListUsersInGroup per group; every throttled call was asked again.
    const throttled = proxy.throttled();
    expect(throttled).toBeGreaterThan(0);
    expect(proxy.count('ListUsersInGroup')).toBe(3 * 4 + proxy.throttled('ListUsersInGroup'));
    expect(proxy.count('AdminListGroupsForUser')).toBe(0);
  });
});

describe('one failed call stays in its place', () => {
  it('a user whose groups could not be read gets null there, with the error at that path; every other user is answered', async () => {
    const query = gatewayOverProxy();
    proxy.script(
      'AdminListGroupsForUser',
      { kind: 'pass' },
      { kind: 'error', status: 400, type: 'SomethingBrokeException', message: 'broke' },
    );
    const result = await query(MEMBERSHIP, { pool: membershipPool, first: 3 });
    const byUser = groupsByUser(result);
    const failed = Object.entries(byUser).filter(([, groups]) => groups === null);
    expect(failed).toHaveLength(1);
    const index = Object.keys(byUser).indexOf(failed[0]![0]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.path).toEqual(['userPool', 'users', 'edges', index, 'node', 'groups']);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'COGNITO_SOMETHING_BROKE', cognitoError: 'SomethingBrokeException' });
    const expected = expectedGroups(3);
    for (const [username, groups] of Object.entries(byUser)) if (groups !== null) expect(groups).toEqual(expected[username]);
    expect(result.data!.userPool.name).toBe('membership');
  });

  it('the pool-wide read falls back to per-user reads when one member list cannot be read', async () => {
    const query = gatewayOverProxy({ maxAttempts: 2 });
    const failure = { kind: 'error', status: 500, type: 'InternalErrorException' } as const;
    // Every member list fails, on every attempt (the four groups' reads run at once).
    proxy.script('ListUsersInGroup', ...Array<typeof failure>(8).fill(failure));
    const result = await query(MEMBERSHIP, { pool: membershipPool, first: 10 });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(groupsByUser(result)).toEqual(expectedGroups(10));
    expect(proxy.count('AdminListGroupsForUser')).toBe(10);
  });

  it('a dropped connection under a list read is retried, and the answer is whole', async () => {
    const query = gatewayOverProxy();
    proxy.script('ListUsers', { kind: 'reset' });
    const result = await query(MEMBERSHIP, { pool: membershipPool, first: 5 });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(groupsByUser(result)).toEqual(expectedGroups(5));
    expect(proxy.count('ListUsers')).toBe(2);
  });
});

describe('errors that are not outages', () => {
  const POOL_NAME = `query ($pool: String!) { userPool(userPoolId: $pool) { name } }`;

  it('an operation the endpoint does not implement (501, or a 500 that says so) is tried once and opens no breaker', async () => {
    const query = gatewayOverProxy({ maxAttempts: 4, breaker: { threshold: 1, cooldownMs: 60_000 } });
    proxy.script(
      'DescribeUserPool',
      { kind: 'error', status: 501, type: 'InternalFailure', message: 'API action not yet implemented' },
      { kind: 'error', status: 500, type: 'InternalFailure', message: 'The action DescribeUserPool has not been implemented' },
    );
    for (let i = 0; i < 2; i++) {
      const result = await query(POOL_NAME, { pool: membershipPool });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_IMPLEMENTED', operation: 'DescribeUserPool' });
    }
    expect(proxy.count('DescribeUserPool')).toBe(2);
    // With a threshold of 1, a fault would have opened the circuit; the next query is served.
    const next = await query(POOL_NAME, { pool: membershipPool });
    expect(next.data).toEqual({ userPool: { name: 'membership' } });
  });

  it('an exception the code table does not know gets a code of its name, with Cognito’s message, and is not retried', async () => {
    const query = gatewayOverProxy();
    proxy.script('DescribeUserPool', { kind: 'error', status: 400, type: 'BrandNewException', message: 'Something new went wrong.' });
    const result = await query(POOL_NAME, { pool: membershipPool });
    expect(result.errors?.[0]).toMatchObject({
      message: 'Something new went wrong.',
      extensions: { code: 'COGNITO_BRAND_NEW', cognitoError: 'BrandNewException', operation: 'DescribeUserPool', httpStatus: 400 },
    });
    expect(proxy.count('DescribeUserPool')).toBe(1);
  });

  it('a write that ends in a 5xx says its outcome is unknown and names the write', async () => {
    const query = gatewayOverProxy();
    proxy.script('AdminDisableUser', { kind: 'error', status: 503, type: 'ServiceUnavailable' });
    const result = await query(`mutation ($input: AdminDisableUserInput!) { adminDisableUser(input: $input) { __typename } }`, {
      input: { userPoolId: membershipPool, username: name('member', 1) },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'COGNITO_UNAVAILABLE',
      operation: 'AdminDisableUser',
      outcomeUnknown: true,
    });
    expect(result.errors?.[0]?.message).toMatch(/AdminDisableUser\) may or may not have been made/);
    expect(proxy.count('AdminDisableUser')).toBe(1);
  });
});
