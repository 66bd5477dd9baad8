import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../src/auth/caller';
import {
  resolveClientReference,
  resolveGroupReference,
  resolveUserPoolReference,
  resolveUserReference,
} from '../../../src/resolvers/entities';
import { getUser } from '../../../src/resolvers/users';
import { gatewayErrorOf, pagedList, scriptedContext, userCaller, type Script } from '../../support/scripted-call';

const [first, second, third] = ['eu-west-1_First1', 'eu-west-1_Second2', 'eu-west-1_Third3'];
const ada: UserType = { Username: 'ada', Attributes: [{ Name: 'sub', Value: 'sub-of-ada' }], Enabled: true };

/** ListUsers finds Ada in `home` only. */
const adaLivesIn = (home: string): Script => ({
  ListUsers: (input) => pagedList('ListUsers', [{ items: input.UserPoolId === home ? [ada] : [] }])(input),
});

const bySub = (userPoolId: string) => ({ UserPoolId: userPoolId, Filter: 'sub = "sub-of-ada"', Limit: 60 });

describe('resolveUserReference by sub', () => {
  it('searches the lookup pools in order and stops at the first that has the user', async () => {
    const { ctx, calls } = scriptedContext(adaLivesIn(second!), { subLookupPools: [first!, second!, third!] });

    const user = await resolveUserReference(ctx, { sub: 'sub-of-ada' });

    expect(calls).toEqual([
      { operation: 'ListUsers', input: bySub(first!) },
      { operation: 'ListUsers', input: bySub(second!) },
    ]);
    expect(user).toEqual({ userPoolId: second, username: 'ada', attributes: [{ name: 'sub', value: 'sub-of-ada' }], enabled: true });
  });

  it('primes the user it found, so a later lookup by key costs nothing', async () => {
    const { ctx, operations } = scriptedContext(adaLivesIn(first!), { subLookupPools: [first!] });
    const found = await resolveUserReference(ctx, { sub: 'sub-of-ada' });

    expect(await getUser(ctx, { userPoolId: first!, username: 'ada' })).toBe(found);
    expect(operations()).toEqual(['ListUsers']);
  });

  it('answers null when no lookup pool has the user', async () => {
    const { ctx, inputsOf } = scriptedContext(adaLivesIn('eu-west-1_Elsewhere9'), { subLookupPools: [first!, second!] });

    expect(await resolveUserReference(ctx, { sub: 'sub-of-ada' })).toBeNull();
    expect(inputsOf('ListUsers')).toEqual([bySub(first!), bySub(second!)]);
  });

  it('searches only the pool a representation names', async () => {
    const { ctx, inputsOf } = scriptedContext(adaLivesIn(third!), { subLookupPools: [first!, second!] });

    expect((await resolveUserReference(ctx, { sub: 'sub-of-ada', userPoolId: third }))?.userPoolId).toBe(third);
    expect(inputsOf('ListUsers')).toEqual([bySub(third!)]);
  });

  it('searches once for the same sub asked twice in a request', async () => {
    const { ctx, operations } = scriptedContext(adaLivesIn(second!), { subLookupPools: [first!, second!] });

    const [a, b] = await Promise.all([resolveUserReference(ctx, { sub: 'sub-of-ada' }), resolveUserReference(ctx, { sub: 'sub-of-ada' })]);

    expect(b).toBe(a);
    expect(operations()).toEqual(['ListUsers', 'ListUsers']);
  });

  it('refuses a sub lookup when no pool is configured for it, before any call', async () => {
    const { ctx, calls } = scriptedContext({});

    expect(await gatewayErrorOf(() => resolveUserReference(ctx, { sub: 'sub-of-ada' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'representations',
    });
    expect(calls).toEqual([]);
  });
});

describe('resolveUserReference by key', () => {
  it('reads AdminGetUser for a representation with userPoolId and username', async () => {
    const { ctx, calls } = scriptedContext(
      { AdminGetUser: () => ({ Username: 'ada', UserAttributes: [{ Name: 'sub', Value: 'sub-of-ada' }] }) },
      { subLookupPools: [second!] },
    );

    const user = await resolveUserReference(ctx, { userPoolId: first, username: 'ada', sub: 'sub-of-ada' });

    expect(calls).toEqual([{ operation: 'AdminGetUser', input: { UserPoolId: first, Username: 'ada' } }]);
    expect(user).toMatchObject({ userPoolId: first, username: 'ada', mfa: { preferredSetting: null, enabledSettings: [] } });
  });
});

describe('the other entities', () => {
  it('are read with their own lookups', async () => {
    const { ctx, calls } = scriptedContext({
      DescribeUserPool: () => ({ UserPool: { Id: first, Name: 'first' } }),
      GetGroup: () => ({ Group: { GroupName: 'admins' } }),
      DescribeUserPoolClient: () => ({ UserPoolClient: { ClientId: 'webclient1', ClientName: 'web' } }),
    });

    expect((await resolveUserPoolReference(ctx, { userPoolId: first! }))?.detail?.name).toBe('first');
    expect((await resolveGroupReference(ctx, { userPoolId: first!, name: 'admins' }))?.name).toBe('admins');
    expect((await resolveClientReference(ctx, { userPoolId: first!, clientId: 'webclient1' }))?.detail?.name).toBe('web');
    expect(calls).toEqual([
      { operation: 'DescribeUserPool', input: { UserPoolId: first } },
      { operation: 'GetGroup', input: { UserPoolId: first, GroupName: 'admins' } },
      { operation: 'DescribeUserPoolClient', input: { UserPoolId: first, ClientId: 'webclient1' } },
    ]);
  });
});

describe('entities are for administrators', () => {
  const refused: [string, Caller, string][] = [
    ['a signed-in user', userCaller(), 'FORBIDDEN'],
    ['an anonymous caller', { kind: 'anonymous', admin: false }, 'UNAUTHENTICATED'],
  ];

  it.each(refused)('%s is refused before any call', async (_, caller, code) => {
    const { ctx, calls } = scriptedContext(adaLivesIn(first!), { caller, subLookupPools: [first!] });

    for (const resolve of [
      () => resolveUserReference(ctx, { sub: 'sub-of-ada' }),
      () => resolveUserReference(ctx, { userPoolId: first, username: 'ada' }),
      () => resolveUserPoolReference(ctx, { userPoolId: first! }),
      () => resolveGroupReference(ctx, { userPoolId: first!, name: 'admins' }),
      () => resolveClientReference(ctx, { userPoolId: first!, clientId: 'webclient1' }),
    ]) {
      expect(await gatewayErrorOf(resolve)).toMatchObject({ code });
    }
    expect(calls).toEqual([]);
  });

  it('a signed-in administrator is served', async () => {
    const { ctx } = scriptedContext(adaLivesIn(first!), { caller: { ...userCaller(), admin: true }, subLookupPools: [first!] });

    expect((await resolveUserReference(ctx, { sub: 'sub-of-ada' }))?.username).toBe('ada');
  });
});
