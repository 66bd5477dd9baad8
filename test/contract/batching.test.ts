import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/context';
import { createGatewayServices } from '../../src/yoga';
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
    return { ...user, UserAttributes: user.Attributes, Attributes: undefined, PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] };
  });
}

const REPRESENTATIVE = /* GraphQL */ `{
  userPool(userPoolId: "${POOL}") {
    name
    estimatedNumberOfUsers
    users(first: 50) {
      edges { node { username email status enabled createdAt pool { name } groups(first: 10) { edges { node { name description } } } } }
    }
  }
}`;

describe('batching: calls one representative query makes (pool + first 50 users + their groups)', () => {
  it('makes one DescribeUserPool, one ListUsers and one AdminListGroupsForUser per user, nothing else', async () => {
    const scripted = scriptedGateway();
    scriptDirectory(scripted);
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
    expect(scripted.cognito.calls()).toHaveLength(52);
    // The call log in the response says the same.
    expect(result.extensions?.cognitoCalls?.byOperation).toEqual({ DescribeUserPool: 1, ListUsers: 1, AdminListGroupsForUser: 50 });
    expect(result.extensions?.cognitoCalls?.total).toBe(52);
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
    expect(scripted.cognito.commandCalls(AdminGetUserCommand).map((c) => c.args[0].input.Username)).toEqual(['user000', 'user001', 'user002']);
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
    expect(scripted.cognito.commandCalls(AdminGetUserCommand).map((c) => c.args[0].input.Username).sort()).toEqual(['user001', 'user002']);
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
