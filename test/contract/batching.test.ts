import {
  AdminGetUserCommand,
  ListUsersInGroupCommand,
  AdminListGroupsForUserCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/resolvers/context';
import { createGatewayServices } from '../../src/http/yoga';
import { getGroup, listGroups } from '../../src/resolvers/groups';
import { getUser, listUsers } from '../../src/resolvers/users';
import { range, scriptedGateway, scriptedGroup, scriptedUser } from '../support/scripted-cognito';

const POOL = 'eu-west-1_Batch1';

function scriptDirectory(scripted: ReturnType<typeof scriptedGateway>) {
  scripted.cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Name: 'batching', EstimatedNumberOfUsers: 60 } });
  scripted.cognito.on(ListUsersCommand).resolves({ Users: range(0, 60).map(scriptedUser) });
  scripted.cognito.on(AdminListGroupsForUserCommand).callsFake((input: { Username: string }) => ({
    Groups: [scriptedGroup(POOL, 'staff'), scriptedGroup(POOL, `team-${input.Username.slice(-1)}`)],
  }));
  scripted.cognito.on(AdminGetUserCommand).callsFake((input: { Username: string }) => {
    const user = scriptedUser(Number(input.Username.slice(4)));
    return {
      ...user,
      UserAttributes: user.Attributes,
      Attributes: undefined,
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    };
  });
}

const REPRESENTATIVE = /* GraphQL */ `{
  userPool(userPoolId: "${POOL}") {
    name
    estimatedNumberOfUsers
    users(first: 50) {
      edges { node { username email status enabled createdAt pool { name } groups(first: 10) { edges { cursor node { name description } } } } }
    }
  }
}`;

describe('batching: calls one representative query makes (pool + first 50 users + their groups)', () => {
  it('with cursors asked for, per user (the pool-wide way does not pay here): one DescribeUserPool, one ListUsers, one AdminListGroupsForUser per user', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    // 60 groups: more than fit the pool-wide way (one ListGroups page of 59), so users are asked one by one.
    scripted.cognito.on(ListGroupsCommand).resolves({ Groups: range(0, 60).map((n) => scriptedGroup(POOL, `g${n}`)), NextToken: 'more' });
    const result = await scripted.query(REPRESENTATIVE);
    expect(result.errors).toBeUndefined();
    const edges = result.data!.userPool.users.edges;
    expect(edges).toHaveLength(50);
    expect(edges[3].node.groups.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['staff', 'team-3']);
    expect(edges[3].node.pool.name).toBe('batching');

    expect(scripted.cognito.commandCalls(DescribeUserPoolCommand)).toHaveLength(1);
    expect(scripted.cognito.commandCalls(ListUsersCommand)).toHaveLength(1);
    expect(scripted.cognito.commandCalls(AdminListGroupsForUserCommand)).toHaveLength(50);
    expect(scripted.cognito.commandCalls(AdminGetUserCommand)).toHaveLength(0);
    expect(scripted.cognito.commandCalls(ListGroupsCommand)).toHaveLength(1);
    expect(scripted.cognito.calls()).toHaveLength(53);
    // The call log in the response says the same.
    expect(result.extensions?.cognitoCalls?.byOperation).toEqual({
      DescribeUserPool: 1,
      ListUsers: 1,
      ListGroups: 1,
      AdminListGroupsForUser: 50,
    });
    expect(result.extensions?.cognitoCalls?.total).toBe(53);
  });

  it('serves every field a list summary carries without AdminGetUser; MFA costs one per user, deduplicated', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    const result = await scripted.query(`{
      userPool(userPoolId: "${POOL}") {
        users(first: 3) { edges { node { username mfa { preferred enabled } again: mfa { preferred } } } }
      }
    }`);
    expect(result.data!.userPool.users.edges[0].node.mfa).toEqual({ preferred: 'SOFTWARE_TOKEN_MFA', enabled: ['SOFTWARE_TOKEN_MFA'] });
    expect(scripted.cognito.commandCalls(AdminGetUserCommand).map((c) => c.args[0].input.Username)).toEqual([
      'user000',
      'user001',
      'user002',
    ]);
  });

  it('describes the same user once per request however often it is asked for', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    const result = await scripted.query(`{
      a: user(userPoolId: "${POOL}", username: "user001") { email }
      b: user(userPoolId: "${POOL}", username: "user001") { sub mfa { preferred } }
      c: user(userPoolId: "${POOL}", username: "user002") { email }
    }`);
    expect(result.data!.a.email).toBe('user001@example.com');
    expect(
      scripted.cognito
        .commandCalls(AdminGetUserCommand)
        .map((c) => c.args[0].input.Username)
        .sort(),
    ).toEqual(['user001', 'user002']);
  });

  it('does not keep loaded data from one request to the next', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    await scripted.query(`{ user(userPoolId: "${POOL}", username: "user001") { email } }`);
    await scripted.query(`{ user(userPoolId: "${POOL}", username: "user001") { email } }`);
    expect(scripted.cognito.commandCalls(AdminGetUserCommand)).toHaveLength(2);
  });
});

describe('priming: what a list returned is not described again in the same request', () => {
  function context() {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    scripted.cognito.on(ListGroupsCommand).resolves({ Groups: [scriptedGroup(POOL, 'staff')] });
    const { services } = createGatewayServices({ client: scripted.client });
    return { scripted, ctx: createContext(services, { caller: { kind: 'service', admin: true }, clientAddress: '127.0.0.1' }) };
  }

  it('a listed user is served from the list', async () => {
    const { scripted, ctx } = context();
    await listUsers(ctx, POOL, undefined, { first: 5 });
    const user = await getUser(ctx, { userPoolId: POOL, username: 'user004' });
    expect(user?.attributes).toContainEqual({ name: 'email', value: 'user004@example.com' });
    expect(scripted.cognito.commandCalls(AdminGetUserCommand)).toHaveLength(0);
  });

  it('a listed group is served from the list', async () => {
    const { scripted, ctx } = context();
    await listGroups(ctx, POOL, { first: 5 });
    const group = await getGroup(ctx, { userPoolId: POOL, name: 'staff' });
    expect(group?.description).toBe('The staff group');
    expect(scripted.cognito.commandCalls(GetGroupCommand)).toHaveLength(0);
  });
});

describe('many users with their groups, read pool-wide when it is cheaper', () => {
  const GROUPS_OF_USERS = (first: number, groupsFirst = 10) => /* GraphQL */ `{
    userPool(userPoolId: "${POOL}") {
      users(first: ${first}) { edges { node { username groups(first: ${groupsFirst}) { edges { node { name } } pageInfo { hasNextPage } } } } }
    }
  }`;

  /** Groups a, b, c; user N is in a when N is even, in b when N % 3 = 0, c has nobody. */
  function scriptGroups(scripted: ReturnType<typeof scriptedGateway>, pagesOfB: string[][] = []) {
    scripted.cognito.on(ListGroupsCommand).resolves({ Groups: ['a', 'b', 'c'].map((name) => scriptedGroup(POOL, name)) });
    const members = (predicate: (n: number) => boolean) => range(0, 60).filter(predicate).map(scriptedUser);
    scripted.cognito.on(ListUsersInGroupCommand, { GroupName: 'a' }).resolves({ Users: members((n) => n % 2 === 0) });
    scripted.cognito.on(ListUsersInGroupCommand, { GroupName: 'c' }).resolves({ Users: [] });
    if (pagesOfB.length === 0) {
      scripted.cognito.on(ListUsersInGroupCommand, { GroupName: 'b' }).resolves({ Users: members((n) => n % 3 === 0) });
    } else {
      pagesOfB.forEach((page, index) =>
        scripted.cognito.on(ListUsersInGroupCommand, { GroupName: 'b', ...(index > 0 ? { NextToken: `B${index}` } : {}) }).resolves({
          Users: page.map((n) => scriptedUser(Number(n))),
          ...(index + 1 < pagesOfB.length ? { NextToken: `B${index + 1}` } : {}),
        }),
      );
    }
  }

  const namesOf = (result: Record<string, any>) =>
    Object.fromEntries(
      result.data.userPool.users.edges.map((edge: any) => [edge.node.username, edge.node.groups.edges.map((g: any) => g.node.name)]),
    );

  it('answers 40 users with ListGroups and one ListUsersInGroup per group: 4 calls instead of 40', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    scriptGroups(scripted);
    const result = await scripted.query(GROUPS_OF_USERS(40));
    expect(result.errors).toBeUndefined();
    const groups = namesOf(result);
    for (const n of range(0, 40)) {
      const expected = [...(n % 2 === 0 ? ['a'] : []), ...(n % 3 === 0 ? ['b'] : [])];
      expect(groups[scriptedUser(n).Username!], String(n)).toEqual(expected);
    }
    expect(result.extensions?.cognitoCalls?.byOperation).toEqual({ DescribeUserPool: 1, ListUsers: 1, ListGroups: 1, ListUsersInGroup: 3 });
    expect(scripted.cognito.commandCalls(AdminListGroupsForUserCommand)).toHaveLength(0);
  });

  it('says hasNextPage exactly when a user has more groups than `first`', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    scriptGroups(scripted);
    const result = await scripted.query(GROUPS_OF_USERS(12, 1));
    const six = result.data!.userPool.users.edges[6].node.groups;
    expect(six.edges.map((e: any) => e.node.name)).toEqual(['a']);
    expect(six.pageInfo.hasNextPage).toBe(true);
    const one = result.data!.userPool.users.edges[1].node.groups;
    expect(one).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
  });

  it('asks per user when only a few users want their groups (ListGroups alone could not be cheaper)', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    scriptGroups(scripted);
    await scripted.query(GROUPS_OF_USERS(3));
    expect(scripted.cognito.commandCalls(ListGroupsCommand)).toHaveLength(0);
    expect(scripted.cognito.commandCalls(AdminListGroupsForUserCommand)).toHaveLength(3);
  });

  it('gives up as soon as the pool-wide way would cost as much, then asks per user: never more than twice the calls', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    // Group b's members span 4 pages: 1 ListGroups + 1 (a) + 1 (c) + 4 (b) = 7 calls > 6 users - 1.
    scriptGroups(scripted, [['0', '3'], ['6'], ['9'], ['12']]);
    const result = await scripted.query(GROUPS_OF_USERS(6));
    expect(result.errors).toBeUndefined();
    const spent = scripted.cognito.commandCalls(ListGroupsCommand).length + scripted.cognito.commandCalls(ListUsersInGroupCommand).length;
    expect(spent).toBeLessThanOrEqual(5);
    expect(scripted.cognito.commandCalls(AdminListGroupsForUserCommand)).toHaveLength(6);
    // The per-user answers are the ones served.
    expect(namesOf(result)[scriptedUser(0).Username!]).toEqual(['staff', 'team-0']);
  });

  it('reads the pool’s groups alongside the user list, not after it (one level of calls fewer)', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    scriptGroups(scripted);
    let groupsAskedBeforeUsersAnswered = false;
    scripted.cognito.on(ListUsersCommand).callsFake(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      groupsAskedBeforeUsersAnswered = scripted.cognito.commandCalls(ListGroupsCommand).length > 0;
      return { Users: range(0, 60).map(scriptedUser) };
    });
    const result = await scripted.query(GROUPS_OF_USERS(40));
    expect(result.errors).toBeUndefined();
    expect(groupsAskedBeforeUsersAnswered).toBe(true);
    expect(scripted.cognito.commandCalls(ListGroupsCommand)).toHaveLength(1);
  });

  it('reads no groups early when the query asks for none', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    scriptGroups(scripted);
    await scripted.query(`{ userPool(userPoolId: "${POOL}") { users(first: 40) { edges { node { username } } } } }`);
    expect(scripted.cognito.commandCalls(ListGroupsCommand)).toHaveLength(0);
  });

  it('reads groups pool-wide with cursors asked for too, and the cursors page each user’s groups by name', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    scriptGroups(scripted);
    const result = await scripted.query(
      `{ userPool(userPoolId: "${POOL}") { users(first: 40) { edges { node { username groups(first: 1) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.cognitoCalls?.byOperation).toEqual({ DescribeUserPool: 1, ListUsers: 1, ListGroups: 1, ListUsersInGroup: 3 });
    // user000 is in a and b: page 1 is a, and its cursor resumes at b.
    const zero = result.data!.userPool.users.edges[0].node.groups;
    expect(zero.edges.map((e: any) => e.node.name)).toEqual(['a']);
    expect(zero.pageInfo.hasNextPage).toBe(true);
    // Alone, the user's groups are read with AdminListGroupsForUser, whose order (b before a here) is not kept.
    scripted.cognito
      .on(AdminListGroupsForUserCommand, { Username: 'user000' })
      .resolves({ Groups: [scriptedGroup(POOL, 'b'), scriptedGroup(POOL, 'a')] });
    const next = await scripted.query(
      `{ user(userPoolId: "${POOL}", username: "user000") { groups(first: 5, after: ${JSON.stringify(zero.pageInfo.endCursor)}) { edges { node { name } } pageInfo { hasNextPage } } } }`,
    );
    expect(next.errors).toBeUndefined();
    expect(next.data!.user.groups).toEqual({ edges: [{ node: { name: 'b' } }], pageInfo: { hasNextPage: false } });
  });

  it('asks per user when the pool has as many groups as there are users', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
    scripted.cognito.on(ListGroupsCommand).resolves({ Groups: range(0, 8).map((n) => scriptedGroup(POOL, `g${n}`)) });
    await scripted.query(GROUPS_OF_USERS(8));
    expect(scripted.cognito.commandCalls(ListGroupsCommand)).toHaveLength(1);
    expect(scripted.cognito.commandCalls(ListUsersInGroupCommand)).toHaveLength(0);
    expect(scripted.cognito.commandCalls(AdminListGroupsForUserCommand)).toHaveLength(8);
  });
});
