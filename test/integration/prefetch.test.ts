import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { createGateway } from '../../src/http/yoga';
import { CognitoPaging } from '../support/cognito-paging';
import { CognitoProxy, type ProxyRecord } from '../support/cognito-proxy';
import { asService, localGateway, postQuery, TEST_SERVICE_KEY, type GraphQLResponse } from '../support/gateway';

/**
 * A lookup by key starts the lists selected below it alongside its own Describe/Get, and a
 * list's users start their groups as soon as the list is in. Asserted through a loopback proxy in
 * front of the run's cognito-local that pages lists as Cognito does and records, for every request,
 * which others were still unanswered when it came: a list read overlapping the lookup proves it
 * did not wait for it. Calls are counted exactly; nothing is timed. Read-only.
 */

const POOL = inject('demo').pools[0]!.userPoolId;
const MISSING_POOL = `${POOL.split('_')[0]}_NoSuchPool1`;

let proxy: CognitoProxy;
let query: (text: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;

beforeAll(async () => {
  proxy = await new CognitoProxy(inject('cognitoEndpoint')).start();
  proxy.paging = new CognitoPaging();
  const gateway = createGateway({
    client: createCognitoClient({ region: 'local', endpoint: proxy.endpoint, credentials: localCredentials }),
    serviceKeys: [TEST_SERVICE_KEY],
    debug: true,
  });
  query = (text, variables) => postQuery(gateway, text, variables, asService);
});

afterAll(async () => {
  await proxy.stop();
});

beforeEach(() => {
  proxy.reset();
});

/** These answer late: a read that waits for one of them cannot overlap it. */
function slow(...operations: string[]): void {
  for (const operation of operations) proxy.script(operation, { kind: 'pass', delayMs: 150 });
}

function requests(operation: string): ProxyRecord[] {
  return proxy.records.filter((record) => record.operation === operation);
}

/** Whether the first request for `a` and the first for `b` were under way together. */
function overlapped(a: string, b: string): boolean {
  const [first, second] = [requests(a)[0], requests(b)[0]];
  if (!first || !second) return false;
  return first.pendingAtArrival.includes(b) || second.pendingAtArrival.includes(a);
}

const operations = () => proxy.records.map((record) => record.operation).sort();

describe('a pool looked up by id', () => {
  it('reads its selected users and groups alongside DescribeUserPool, each once, with the answers a direct read gives', async () => {
    slow('DescribeUserPool', 'ListUsers', 'ListGroups');
    const result = await query(
      `query ($p: String!) { userPool(userPoolId: $p) {
        name
        users(first: 3) { edges { node { username } } }
        again: users(first: 3) { edges { node { username } } }
        groups(first: 2) { edges { node { name } } }
      } }`,
      { p: POOL },
    );
    expect(result.errors).toBeUndefined();
    expect(operations()).toEqual(['DescribeUserPool', 'ListGroups', 'ListUsers']);
    expect(overlapped('ListUsers', 'DescribeUserPool')).toBe(true);
    expect(overlapped('ListGroups', 'DescribeUserPool')).toBe(true);

    const direct = await localGateway().query(
      `query ($p: String!) { userPool(userPoolId: $p) { users(first: 3) { edges { node { username } } } groups(first: 2) { edges { node { name } } } } }`,
      { p: POOL },
    );
    expect(result.data!['userPool'].users).toEqual(direct.data!['userPool'].users);
    expect(result.data!['userPool'].again).toEqual(direct.data!['userPool'].users);
    expect(result.data!['userPool'].groups).toEqual(direct.data!['userPool'].groups);
  });

  it('starts nothing a @skip or @include leaves out', async () => {
    const result = await query(
      `query ($p: String!, $no: Boolean!) { userPool(userPoolId: $p) {
        name
        users(first: 3) @include(if: $no) { edges { node { username } } }
        ... @skip(if: true) { groups(first: 2) { edges { node { name } } } }
      } }`,
      { p: POOL, no: false },
    );
    expect(result.errors).toBeUndefined();
    expect(operations()).toEqual(['DescribeUserPool']);
  });

  it('finds lists selected through fragments, with their arguments from variables', async () => {
    slow('DescribeUserPool', 'ListUsers');
    const result = await query(
      `query ($p: String!, $n: Int!) { userPool(userPoolId: $p) { ...PoolUsers } }
       fragment PoolUsers on UserPool { users(first: $n) { edges { node { username } } } }`,
      { p: POOL, n: 4 },
    );
    expect(result.data!['userPool'].users.edges).toHaveLength(4);
    expect(operations()).toEqual(['DescribeUserPool', 'ListUsers']);
    expect(overlapped('ListUsers', 'DescribeUserPool')).toBe(true);
  });

  it('answers null for a pool that does not exist, the early list read going unread', async () => {
    const result = await query(
      `query ($p: String!) { userPool(userPoolId: $p) { name users(first: 3) { edges { node { username } } } } }`,
      {
        p: MISSING_POOL,
      },
    );
    expect(result).toMatchObject({ data: { userPool: null } });
    expect(result.errors).toBeUndefined();
    expect(operations()).toEqual(['DescribeUserPool', 'ListUsers']);
  });

  it('reads nothing for a malformed pool id: the input error comes first', async () => {
    const result = await query(`{ userPool(userPoolId: "not a pool id!") { users(first: 3) { edges { node { username } } } } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(proxy.records).toEqual([]);
  });

  it('starts the listed users’ groups as soon as the list is in, without waiting for the pool', async () => {
    slow('DescribeUserPool');
    const result = await query(
      `query ($p: String!) { userPool(userPoolId: $p) { name users(first: 60) { edges { node { username groups(first: 10) { edges { node { name } } } } } } } }`,
      { p: POOL },
    );
    expect(result.errors).toBeUndefined();
    const users = result.data!['userPool'].users.edges as { node: { username: string; groups: { edges: unknown[] } } }[];
    expect(users.find((edge) => edge.node.username === 'admin')?.node.groups.edges).toEqual([{ node: { name: 'admins' } }]);
    const direct = await localGateway().query(
      `query ($p: String!) { userPool(userPoolId: $p) { groups(first: 60) { edges { node { name } } } } }`,
      {
        p: POOL,
      },
    );
    const groupCount = (direct.data!['userPool'].groups.edges as unknown[]).length;
    // Every group's first page of members went out while the pool was still being described.
    const early = requests('ListUsersInGroup').filter((record) => record.pendingAtArrival.includes('DescribeUserPool'));
    expect(early.length).toBeGreaterThanOrEqual(groupCount);
    expect(requests('AdminListGroupsForUser')).toEqual([]);
  });
});

describe('a group looked up by name', () => {
  it('reads its members alongside GetGroup; 66 members take two pages of 60', async () => {
    slow('GetGroup', 'ListUsersInGroup');
    const result = await query(
      `query ($p: String!) { group(userPoolId: $p, name: "engineering") { description members(first: 100) { edges { node { username } } } } }`,
      { p: POOL },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!['group'].members.edges).toHaveLength(66);
    expect(operations()).toEqual(['GetGroup', 'ListUsersInGroup', 'ListUsersInGroup']);
    expect(overlapped('ListUsersInGroup', 'GetGroup')).toBe(true);
  });
});

describe('a user looked up by username', () => {
  it('reads the user’s groups alongside AdminGetUser', async () => {
    slow('AdminGetUser', 'AdminListGroupsForUser');
    const result = await query(
      `query ($p: String!) { user(userPoolId: $p, username: "admin") { email groups(first: 5) { edges { node { name } } } } }`,
      { p: POOL },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!['user'].groups.edges.map((edge: { node: { name: string } }) => edge.node.name)).toContain('admins');
    expect(operations()).toEqual(['AdminGetUser', 'AdminListGroupsForUser']);
    expect(overlapped('AdminListGroupsForUser', 'AdminGetUser')).toBe(true);
  });
});
