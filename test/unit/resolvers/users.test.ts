import { UserNotFoundException, type AdminGetUserResponse, type UserType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { getUser, listGroupMembers, listUsers, userMfa } from '../../../src/resolvers/users';
import { gatewayErrorOf, pagedList, scriptedContext } from '../../support/scripted-call';

const pool = 'eu-west-1_Pool1';
const created = new Date(Date.UTC(2024, 0, 1));
const modified = new Date(Date.UTC(2024, 1, 1));

const listedUser = (username: string): UserType => ({
  Username: username,
  Attributes: [
    { Name: 'sub', Value: `sub-of-${username}` },
    { Name: 'email', Value: `${username}@example.com` },
  ],
  UserCreateDate: created,
  UserLastModifiedDate: modified,
  Enabled: true,
  UserStatus: 'CONFIRMED',
});

const userRecord = (username: string) => ({
  userPoolId: pool,
  username,
  attributes: [
    { name: 'sub', value: `sub-of-${username}` },
    { name: 'email', value: `${username}@example.com` },
  ],
  createdAt: created,
  updatedAt: modified,
  enabled: true,
  status: 'CONFIRMED',
});

const adminGetUser = (username: string): AdminGetUserResponse => {
  const { Attributes, ...rest } = listedUser(username);
  return {
    ...rest,
    Username: username,
    UserAttributes: Attributes,
    PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
  };
};

describe('listUsers', () => {
  it('reads ListUsers of the pool at the page maximum and follows PaginationToken', async () => {
    const { ctx, calls } = scriptedContext({
      ListUsers: pagedList('ListUsers', [{ items: [listedUser('ada')], next: 'more-users' }, { items: [listedUser('grace')] }]),
    });

    const users = await listUsers(ctx, pool, null, {});

    expect(calls).toEqual([
      { operation: 'ListUsers', input: { UserPoolId: pool, Limit: 60 } },
      { operation: 'ListUsers', input: { UserPoolId: pool, Limit: 60, PaginationToken: 'more-users' } },
    ]);
    expect(users.edges.map((edge) => edge.node)).toEqual([userRecord('ada'), userRecord('grace')]);
    expect(users.edges[0]!.node).not.toHaveProperty('mfa');
  });

  it('sends the filter in Cognito’s syntax', async () => {
    const { ctx, inputsOf } = scriptedContext({ ListUsers: pagedList('ListUsers', [{ items: [listedUser('ada')] }]) });

    await listUsers(ctx, pool, { email: { startsWith: 'ada' } }, {});

    expect(inputsOf('ListUsers')).toEqual([{ UserPoolId: pool, Filter: 'email ^= "ada"', Limit: 60 }]);
  });

  it('refuses an invalid filter before any call', async () => {
    const { ctx, calls } = scriptedContext({});

    const error = await gatewayErrorOf(() => listUsers(ctx, pool, { email: { equals: 'ada@example.com', startsWith: 'ada' } }, {}));

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.email' });
    expect(calls).toEqual([]);
  });

  it('fails with COGNITO_BAD_RESPONSE when Cognito lists a user without a Username', async () => {
    const { Username: _, ...nameless } = listedUser('ada');
    const { ctx } = scriptedContext({ ListUsers: pagedList('ListUsers', [{ items: [listedUser('grace'), nameless] }]) });

    expect(await gatewayErrorOf(() => listUsers(ctx, pool, null, {}))).toMatchObject({ code: 'COGNITO_BAD_RESPONSE' });
  });
});

describe('listGroupMembers', () => {
  it('reads ListUsersInGroup of the group and follows NextToken', async () => {
    const { ctx, calls } = scriptedContext({
      ListUsersInGroup: pagedList('ListUsersInGroup', [
        { items: [listedUser('ada')], next: 'more-members' },
        { items: [listedUser('grace')] },
      ]),
    });

    const members = await listGroupMembers(ctx, { userPoolId: pool, name: 'admins' }, { first: 10 });

    expect(calls).toEqual([
      { operation: 'ListUsersInGroup', input: { UserPoolId: pool, GroupName: 'admins', Limit: 60 } },
      { operation: 'ListUsersInGroup', input: { UserPoolId: pool, GroupName: 'admins', Limit: 60, NextToken: 'more-members' } },
    ]);
    expect(members.edges.map((edge) => edge.node)).toEqual([userRecord('ada'), userRecord('grace')]);
  });

  it('primes the users it lists', async () => {
    const { ctx, operations } = scriptedContext({ ListUsersInGroup: pagedList('ListUsersInGroup', [{ items: [listedUser('ada')] }]) });
    await listGroupMembers(ctx, { userPoolId: pool, name: 'admins' }, {});

    expect(await getUser(ctx, { userPoolId: pool, username: 'ada' })).toEqual(userRecord('ada'));
    expect(operations()).toEqual(['ListUsersInGroup']);
  });
});

describe('getUser', () => {
  it('reads AdminGetUser, MFA settings included', async () => {
    const { ctx, calls } = scriptedContext({ AdminGetUser: () => adminGetUser('ada') });

    const user = await getUser(ctx, { userPoolId: pool, username: 'ada' });

    expect(calls).toEqual([{ operation: 'AdminGetUser', input: { UserPoolId: pool, Username: 'ada' } }]);
    expect(user).toEqual({
      ...userRecord('ada'),
      mfa: { preferredSetting: 'SOFTWARE_TOKEN_MFA', enabledSettings: ['SOFTWARE_TOKEN_MFA'] },
    });
  });

  it('serves a user listed earlier in the request from the list', async () => {
    const { ctx, operations } = scriptedContext({
      ListUsers: pagedList('ListUsers', [{ items: [listedUser('ada'), listedUser('grace')] }]),
    });
    const listed = await listUsers(ctx, pool, null, {});

    expect(await getUser(ctx, { userPoolId: pool, username: 'grace' })).toBe(listed.edges[1]!.node);
    expect(operations()).toEqual(['ListUsers']);
  });

  it('answers null for a user Cognito does not know', async () => {
    const { ctx, operations } = scriptedContext({
      AdminGetUser: () => {
        throw new UserNotFoundException({ message: 'User does not exist.', $metadata: {} });
      },
    });

    expect(await getUser(ctx, { userPoolId: pool, username: 'nobody' })).toBeNull();
    expect(operations()).toEqual(['AdminGetUser']);
  });

  it('refuses a malformed username before any call', async () => {
    const { ctx, calls } = scriptedContext({});

    expect(await gatewayErrorOf(() => getUser(ctx, { userPoolId: pool, username: 'two words' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'username',
    });
    expect(calls).toEqual([]);
  });
});

describe('userMfa', () => {
  it('costs a listed user exactly one AdminGetUser, however often it is asked', async () => {
    const { ctx, operations, inputsOf } = scriptedContext({
      ListUsers: pagedList('ListUsers', [{ items: [listedUser('ada')] }]),
      AdminGetUser: () => adminGetUser('ada'),
    });
    const [edge] = (await listUsers(ctx, pool, null, {})).edges;

    const [mfa, again] = await Promise.all([userMfa(ctx, edge!.node), userMfa(ctx, edge!.node)]);
    await userMfa(ctx, edge!.node);

    expect(mfa).toEqual({ preferredSetting: 'SOFTWARE_TOKEN_MFA', enabledSettings: ['SOFTWARE_TOKEN_MFA'] });
    expect(again).toEqual(mfa);
    expect(operations()).toEqual(['ListUsers', 'AdminGetUser']);
    expect(inputsOf('AdminGetUser')).toEqual([{ UserPoolId: pool, Username: 'ada' }]);
  });

  it('costs a user read with AdminGetUser nothing more', async () => {
    const { PreferredMfaSetting: _, UserMFASettingList: __, ...withoutMfa } = adminGetUser('ada');
    const { ctx, operations } = scriptedContext({ AdminGetUser: () => withoutMfa });
    const user = await getUser(ctx, { userPoolId: pool, username: 'ada' });

    expect(await userMfa(ctx, user!)).toEqual({ preferredSetting: null, enabledSettings: [] });
    expect(operations()).toEqual(['AdminGetUser']);
  });
});
