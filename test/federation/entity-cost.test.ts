import { describe, expect, inject, it } from 'vitest';
import { localGateway } from '../support/gateway';

const demo = inject('demo');
const [demoPool, partnersPool] = demo.pools;
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { username sub email } } }';

describe('what entity resolution costs in Cognito calls', () => {
  const { query } = localGateway();

  async function someUsers(count: number): Promise<{ username: string; sub: string }[]> {
    const listed = await query(
      `query ($id: String!, $n: Int!) { userPool(userPoolId: $id) { users(first: $n) { edges { node { username sub } } } } }`,
      {
        id: demoPool!.userPoolId,
        n: count,
      },
    );
    return listed.data!.userPool.users.edges.map((edge: { node: { username: string; sub: string } }) => edge.node);
  }

  it('50 representations of 25 users by (userPoolId, username): 25 AdminGetUser, duplicates free', async () => {
    const users = await someUsers(25);
    const representations = [...users, ...users].map((user) => ({
      __typename: 'User',
      userPoolId: demoPool!.userPoolId,
      username: user.username,
    }));
    const answer = await query(ENTITIES, { r: representations });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!._entities.map((user: { username: string }) => user.username)).toEqual(representations.map((r) => r.username));
    expect(answer.extensions?.cognitoCalls?.byOperation).toEqual({ AdminGetUser: 25 });
  });

  it('by sub alone: one ListUsers (filter sub = …) per distinct user in the first pool that has it', async () => {
    const users = await someUsers(25);
    const representations = [...users, ...users].map((user) => ({ __typename: 'User', sub: user.sub }));
    const answer = await query(ENTITIES, { r: representations });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!._entities.map((user: { sub: string }) => user.sub)).toEqual(representations.map((r) => r.sub));
    // The served pools are searched in order; every user here is in the first, so one call each.
    const calls = answer.extensions!.cognitoCalls!;
    expect(calls.byOperation).toEqual({ ListUsers: 25 });
  });

  it('a sub no served pool knows costs one ListUsers per pool, and answers null', async () => {
    const answer = await query(ENTITIES, { r: [{ __typename: 'User', sub: '00000000-0000-4000-8000-000000000000' }] });
    expect(answer.data!._entities).toEqual([null]);
    expect(answer.extensions?.cognitoCalls?.byOperation).toEqual({ ListUsers: demo.pools.length });
  });

  it('a representation with the pool id as well costs one call in that pool', async () => {
    const listed = await query(
      `query ($id: String!) { userPool(userPoolId: $id) { users(first: 1) { edges { node { username sub } } } } }`,
      {
        id: partnersPool!.userPoolId,
      },
    );
    const partner = listed.data!.userPool.users.edges[0].node;
    const answer = await query(ENTITIES, { r: [{ __typename: 'User', sub: partner.sub, userPoolId: partnersPool!.userPoolId }] });
    expect(answer.data!._entities).toEqual([expect.objectContaining({ username: partner.username, sub: partner.sub })]);
    expect(answer.extensions?.cognitoCalls?.byOperation).toEqual({ ListUsers: 1 });
  });
});
