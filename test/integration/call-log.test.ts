import { describe, expect, inject, it } from 'vitest';
import type { CallLogSummary } from '../../src/cognito/call-log';
import { DEMO_ACCOUNTS, demoDirectory } from '../../src/local/demo-data';
import { localGateway, type GraphQLResponse } from '../support/gateway';

/**
 * The Cognito calls queries make against the real SDK and cognito-local, as the response's
 * `extensions.cognitoCalls` reports them (debug on). Read-only.
 */

const demoPool = demoDirectory[0]!;
const userPoolId = inject('demo').pools.find((p) => p.name === demoPool.name)!.userPoolId;
const { query } = localGateway();

/** The summary of an answer without errors; its totals must agree with its list of calls. */
function callsOf(result: GraphQLResponse): CallLogSummary {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const summary = result.extensions?.cognitoCalls;
  expect(summary).toBeDefined();
  expect(summary!.calls).toHaveLength(summary!.total);
  expect(Object.values(summary!.byOperation).reduce((a, b) => a + b, 0)).toBe(summary!.total);
  for (const call of summary!.calls) expect(call.outcome, call.operation).toBe('ok');
  return summary!;
}

const REPRESENTATIVE = /* GraphQL */ `
  query ($id: String!) {
    userPool(userPoolId: $id) {
      name
      users(first: 50) {
        edges {
          node {
            username
            email
            status
            groups(first: 10) {
              edges {
                node {
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`;

describe('Cognito calls per query, against cognito-local', () => {
  /** Each user's groups as the answer gives them, against demo-data. */
  function expectDemoGroups(result: GraphQLResponse) {
    const pool = result.data!.userPool;
    expect(pool.name).toBe(demoPool.name);
    expect(pool.users.edges).toHaveLength(50);
    for (const { node } of pool.users.edges as { node: { username: string; email: string; status: string; groups: any } }[]) {
      const expected = demoPool.users.find((u) => u.username === node.username)!;
      expect(node.email).toBe(expected.attributes.email);
      expect(node.status).toBe(expected.status);
      const groups = (node.groups.edges as { node: { name: string } }[]).map((e) => e.node.name).sort();
      expect(groups, node.username).toEqual([...expected.groups].sort());
    }
  }

  it('the representative query reads the groups pool-wide: ListGroups and each group’s members, not one call per user', async () => {
    expect(demoPool.users.length).toBeGreaterThan(50);
    const result = await query(REPRESENTATIVE, { id: userPoolId });
    const calls = callsOf(result);
    expect(calls.byOperation).toEqual({ DescribeUserPool: 1, ListUsers: 1, ListGroups: 1, ListUsersInGroup: demoPool.groups.length });
    expect(calls.total).toBe(3 + demoPool.groups.length);
    expectDemoGroups(result);
  });

  it('asking for cursors reads the same way (its cursors page each user’s groups by name), with the same answer', async () => {
    // The same query, each group edge also asking for its cursor.
    const withCursors = REPRESENTATIVE.replace(/groups\(first: 10\) \{\s*edges \{/, 'groups(first: 10) { edges { cursor');
    expect(withCursors).not.toBe(REPRESENTATIVE);
    const result = await query(withCursors, { id: userPoolId });
    const calls = callsOf(result);
    expect(calls.byOperation).toEqual({ DescribeUserPool: 1, ListUsers: 1, ListGroups: 1, ListUsersInGroup: demoPool.groups.length });
    expectDemoGroups(result);
  });

  it('gives a user’s groups in group-name order, read pool-wide or one user at a time', async () => {
    const listed = await query(REPRESENTATIVE, { id: userPoolId });
    const member = (listed.data!.userPool.users.edges as { node: { username: string; groups: any } }[]).find(
      (edge) => edge.node.groups.edges.length >= 2,
    )!.node;
    const names = (groups: any) => (groups.edges as { node: { name: string } }[]).map((e) => e.node.name);
    expect(names(member.groups)).toEqual([...names(member.groups)].sort());
    const alone = await query(
      `query ($id: String!, $u: String!) { user(userPoolId: $id, username: $u) { groups(first: 10) { edges { node { name } } } } }`,
      { id: userPoolId, u: member.username },
    );
    expect(callsOf(alone).byOperation).toMatchObject({ AdminListGroupsForUser: 1 });
    expect(names(alone.data!.user.groups)).toEqual(names(member.groups));
  });

  it('list-summary user fields make no AdminGetUser; MFA settings make one per user', async () => {
    const summaryFields = `username sub status enabled createdAt updatedAt attributes { name value }
      email emailVerified givenName familyName name phoneNumber preferredUsername locale zoneinfo
      department: attribute(name: "custom:department") pool { userPoolId }`;
    const listed = callsOf(
      await query(`query ($id: String!) { userPool(userPoolId: $id) { users(first: 50) { edges { node { ${summaryFields} } } } } }`, {
        id: userPoolId,
      }),
    );
    expect(listed.byOperation.AdminGetUser).toBeUndefined();
    expect(listed.byOperation).toEqual({ DescribeUserPool: 1, ListUsers: 1 });

    const withMfa = callsOf(
      await query(
        `query ($id: String!) { userPool(userPoolId: $id) { users(first: 5) { edges { node { username mfa { preferred } } } } } }`,
        {
          id: userPoolId,
        },
      ),
    );
    expect(withMfa.byOperation).toEqual({ DescribeUserPool: 1, ListUsers: 1, AdminGetUser: 5 });
  });

  it('the same user asked for twice by key, and once more through its pool, costs one AdminGetUser', async () => {
    const username = DEMO_ACCOUNTS[0]!.username;
    const result = await query(
      `query ($id: String!, $username: String!) {
        a: user(userPoolId: $id, username: $username) { username email }
        b: user(userPoolId: $id, username: $username) { sub mfa { preferred } }
        userPool(userPoolId: $id) { user(username: $username) { username enabled } }
      }`,
      { id: userPoolId, username },
    );
    const calls = callsOf(result);
    expect(calls.byOperation).toEqual({ AdminGetUser: 1, DescribeUserPool: 1 });
    expect(result.data!.a.username).toBe(username);
    expect(result.data!.userPool.user.username).toBe(username);
    expect(result.data!.b.sub).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports nothing in the response when the gateway is not in debug mode', async () => {
    const quiet = localGateway({ debug: false });
    const result = await quiet.query(REPRESENTATIVE, { id: userPoolId });
    expect(result.errors).toBeUndefined();
    expect(result.data!.userPool.users.edges).toHaveLength(50);
    expect(result.extensions?.cognitoCalls).toBeUndefined();
  });
});
