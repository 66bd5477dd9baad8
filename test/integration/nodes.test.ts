import { describe, expect, inject, it } from 'vitest';
import { bearer, localGateway, type GraphQLResponse } from '../support/gateway';
import { signInDemoAccount } from '../support/tokens';

/**
 * Relay's node(id:) and nodes(ids:), against the run's demo directory (read only): every node type
 * found by the global id its `id` field wrote, through the request's loaders, for administrators
 * only, and a bad id refused by name before any call.
 */
const { gateway, query, queryAs } = localGateway();
const demo = inject('demo');

const IDS = `{ userPools(first: 5) { edges { node { id userPoolId
  users(first: 2) { edges { node { id username } } }
  groups(first: 2) { edges { node { id name } } }
  clients(first: 1) { edges { node { id clientId } } } } } } }`;

const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) {
  __typename id
  ... on UserPool { userPoolId } ... on User { username } ... on Group { name } ... on Client { clientId } } }`;

const calls = (answer: GraphQLResponse) => answer.extensions?.cognitoCalls?.byOperation ?? {};

async function demoIds() {
  const answer = await query(IDS);
  const pool = (answer.data!.userPools.edges as { node: any }[]).find((edge) => edge.node.userPoolId === demo.pools[0]!.userPoolId)!.node;
  return {
    pool: { id: pool.id as string, userPoolId: pool.userPoolId as string },
    users: pool.users.edges.map((e: any) => e.node) as { id: string; username: string }[],
    groups: pool.groups.edges.map((e: any) => e.node) as { id: string; name: string }[],
    client: pool.clients.edges[0].node as { id: string; clientId: string },
  };
}

describe('node and nodes', () => {
  it('finds every kind of node by the id it wrote, in the order asked, one lookup per distinct node', async () => {
    const ids = await demoIds();
    const asked = [ids.pool.id, ...ids.users.map((u) => u.id), ids.groups[0]!.id, ids.client.id, ids.users[0]!.id];
    const answer = await query(NODES, { ids: asked });
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data!.nodes).toEqual([
      { __typename: 'UserPool', id: ids.pool.id, userPoolId: ids.pool.userPoolId },
      ...ids.users.map((user) => ({ __typename: 'User', id: user.id, username: user.username })),
      { __typename: 'Group', id: ids.groups[0]!.id, name: ids.groups[0]!.name },
      { __typename: 'Client', id: ids.client.id, clientId: ids.client.clientId },
      { __typename: 'User', id: ids.users[0]!.id, username: ids.users[0]!.username },
    ]);
    // The loaders: the repeated user costs nothing more.
    expect(calls(answer)).toEqual({ DescribeUserPool: 1, AdminGetUser: 2, GetGroup: 1, DescribeUserPoolClient: 1 });
  });

  it('answers null for an id that names nothing', async () => {
    const ids = await demoIds();
    const gone = Buffer.from(`User:${ids.pool.userPoolId}:nobody-xyz`).toString('base64');
    const answer = await query(`query ($id: ID!) { node(id: $id) { id } }`, { id: gone });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ node: null });
  });

  it('refuses an id that is not one of the gateway’s, naming the argument, before any call', async () => {
    for (const bad of ['not-an-id', Buffer.from('Order:42').toString('base64'), Buffer.from('User:no-colon').toString('base64')]) {
      const answer = await query(`query ($id: ID!) { node(id: $id) { id } }`, { id: bad });
      expect(answer.data, bad).toEqual({ node: null });
      expect(answer.errors?.[0]?.extensions?.code, bad).toBe('BAD_USER_INPUT');
      expect(answer.extensions?.cognitoCalls?.total, bad).toBe(0);
    }
  });

  it('is for administrators: a signed-in user is refused before any call', async () => {
    const ids = await demoIds();
    const user = await signInDemoAccount(gateway, demo, 'user');
    const answer = await queryAs(bearer(user.accessToken), NODES, { ids: [ids.pool.id] });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.data?.nodes ?? null).toBeNull();
    expect(answer.extensions?.cognitoCalls?.total).toBe(0);
  });
});
