import { TooManyRequestsException, type GroupType, type UserType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { getGroup } from '../../../src/resolvers/groups';
import { listGroupsOfUser, listUsers } from '../../../src/resolvers/users';
import { pagedList, scriptedContext, type Script } from '../../support/scripted-call';

/** users.ts listGroupsOfUser: per user (AdminListGroupsForUser) or pool-wide (membership.ts), always in group-name order. */

const pool = 'eu-west-1_Pool1';
const group = (name: string): GroupType => ({ GroupName: name, UserPoolId: pool, Precedence: 1 });
const member = (username: string): UserType => ({ Username: username });
const groupRecord = (name: string) => ({ userPoolId: pool, name, precedence: 1 });
const userKey = (username: string) => ({ userPoolId: pool, username });

const membersOf: Record<string, string[]> = { admins: ['ada', 'grace'], editors: ['grace', 'alan'], readers: ['edsger'] };

/** The pool-wide way's reads; `late` answers a macrotask after the others, so member lists finish out of order. */
function poolWide(groups: string[], late?: string): Script {
  return {
    ListGroups: pagedList('ListGroups', [{ items: groups.map(group) }]),
    ListUsersInGroup: async (input) => {
      if (input.GroupName === late) await new Promise((resolve) => setImmediate(resolve));
      return pagedList('ListUsersInGroup', [{ items: (membersOf[input.GroupName!] ?? []).map(member) }])(input);
    },
  };
}

const names = (connection: { edges: { node: { name: string } }[] }) => connection.edges.map((edge) => edge.node.name);

describe('listGroupsOfUser for one user', () => {
  it('reads all of AdminListGroupsForUser, gives the groups in name order and primes them', async () => {
    const { ctx, calls } = scriptedContext({
      AdminListGroupsForUser: pagedList('AdminListGroupsForUser', [
        { items: [group('editors')], next: 'more' },
        { items: [group('admins')] },
      ]),
    });

    const groups = await listGroupsOfUser(ctx, userKey('grace'), {});

    expect(calls).toEqual([
      { operation: 'AdminListGroupsForUser', input: { UserPoolId: pool, Username: 'grace', Limit: 60 } },
      { operation: 'AdminListGroupsForUser', input: { UserPoolId: pool, Username: 'grace', Limit: 60, NextToken: 'more' } },
    ]);
    expect(groups.edges.map((edge) => edge.node)).toEqual([groupRecord('admins'), groupRecord('editors')]);
    expect(await getGroup(ctx, { userPoolId: pool, name: 'editors' })).toEqual(groupRecord('editors'));
    expect(calls).toHaveLength(2);
  });

  it('resumes from a cursor by group name, even when the membership changed in between', async () => {
    let groups = ['admins', 'editors', 'readers'];
    const script: Script = {
      AdminListGroupsForUser: (input) => pagedList('AdminListGroupsForUser', [{ items: groups.map(group) }])(input),
    };
    const firstPage = await listGroupsOfUser(scriptedContext(script).ctx, userKey('grace'), { first: 1 });
    expect(names(firstPage)).toEqual(['admins']);

    // Meanwhile the user left admins and joined assistants, which sorts before editors.
    groups = ['readers', 'editors', 'assistants'];
    const rest = await listGroupsOfUser(scriptedContext(script).ctx, userKey('grace'), { after: firstPage.pageInfo.endCursor });

    expect(names(rest)).toEqual(['assistants', 'editors', 'readers']);
  });
});

describe('listGroupsOfUser for many users', () => {
  const four = ['ada', 'grace', 'alan', 'edsger'];

  it('answers 4 users of one pool the pool-wide way, in name order whatever order the member lists came in', async () => {
    // admins' members arrive last: each user's groups still come in name order.
    const { ctx, operations, inputsOf } = scriptedContext(poolWide(['editors', 'admins'], 'admins'));

    const answers = await Promise.all(four.map((username) => listGroupsOfUser(ctx, userKey(username), {})));

    expect(answers.map(names)).toEqual([['admins'], ['admins', 'editors'], ['editors'], []]);
    expect(operations().filter((name) => name === 'AdminListGroupsForUser')).toEqual([]);
    expect(inputsOf('ListGroups')).toEqual([{ UserPoolId: pool, Limit: 60 }]);
    expect(inputsOf('ListUsersInGroup')).toEqual([
      { UserPoolId: pool, GroupName: 'editors', Limit: 60 },
      { UserPoolId: pool, GroupName: 'admins', Limit: 60 },
    ]);
    expect(answers[1]!.edges[0]!.node).toEqual(groupRecord('admins'));
    expect(await answers[1]!.pageInfo.hasNextPage).toBe(false);
  });

  it('primes the groups the pool-wide way read', async () => {
    const { ctx, operations } = scriptedContext(poolWide(['admins', 'editors']));
    await Promise.all(four.map((username) => listGroupsOfUser(ctx, userKey(username), {})));
    const before = operations().length;

    expect(await getGroup(ctx, { userPoolId: pool, name: 'editors' })).toEqual(groupRecord('editors'));
    expect(operations()).toHaveLength(before);
  });

  it('asks per user when the pool-wide way would cost as much (3 groups for 4 users)', async () => {
    const { ctx, operations, inputsOf } = scriptedContext({
      ...poolWide(['admins', 'editors', 'readers']),
      AdminListGroupsForUser: (input) => pagedList('AdminListGroupsForUser', [{ items: [group(`${input.Username}-group`)] }])(input),
    });

    const answers = await Promise.all(four.map((username) => listGroupsOfUser(ctx, userKey(username), {})));

    expect(answers.map(names)).toEqual([['ada-group'], ['grace-group'], ['alan-group'], ['edsger-group']]);
    expect(operations().filter((name) => name === 'ListUsersInGroup')).toEqual([]);
    expect(operations().filter((name) => name === 'ListGroups')).toHaveLength(1);
    expect(inputsOf('AdminListGroupsForUser').map((input) => input.Username)).toEqual(four);
  });

  it('falls back to per-user reads when a member list fails, and one user’s failure stays that user’s', async () => {
    const { ctx, operations } = scriptedContext({
      ...poolWide(['admins', 'editors']),
      ListUsersInGroup: (input) => {
        if (input.GroupName === 'editors') throw new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} });
        return pagedList('ListUsersInGroup', [{ items: (membersOf[input.GroupName!] ?? []).map(member) }])(input);
      },
      AdminListGroupsForUser: (input) => {
        if (input.Username === 'alan') throw new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} });
        return pagedList('AdminListGroupsForUser', [{ items: [group('admins')] }])(input);
      },
    });

    const answers = await Promise.allSettled(four.map((username) => listGroupsOfUser(ctx, userKey(username), {})));

    expect(answers.map((answer) => (answer.status === 'fulfilled' ? names(answer.value) : answer.reason.code))).toEqual([
      ['admins'],
      ['admins'],
      'THROTTLED',
      ['admins'],
    ]);
    expect(operations().filter((name) => name === 'AdminListGroupsForUser')).toHaveLength(4);
  });

  it('asks per user for fewer than 4 users, with no ListGroups', async () => {
    const { ctx, calls } = scriptedContext({
      AdminListGroupsForUser: (input) =>
        pagedList('AdminListGroupsForUser', [{ items: input.Username === 'grace' ? [group('admins')] : [] }])(input),
    });

    const answers = await Promise.all(['ada', 'grace', 'alan'].map((username) => listGroupsOfUser(ctx, userKey(username), {})));

    expect(answers.map(names)).toEqual([[], ['admins'], []]);
    expect(calls).toEqual(
      ['ada', 'grace', 'alan'].map((username) => ({
        operation: 'AdminListGroupsForUser',
        input: { UserPoolId: pool, Username: username, Limit: 60 },
      })),
    );
  });

  it('starts the pool-wide reads with a list of users whose groups the query will want', async () => {
    const { ctx, operations } = scriptedContext({
      ...poolWide(['admins', 'editors']),
      ListUsers: pagedList('ListUsers', [{ items: four.map(member) }]),
    });

    const users = await listUsers(ctx, pool, null, { first: 10 }, { groups: true });
    // The pool's groups were asked for alongside the list, not after it.
    expect(operations()).toEqual(['ListGroups', 'ListUsers']);
    const answers = await Promise.all(users.edges.map((edge) => listGroupsOfUser(ctx, edge.node, {})));

    expect(answers.map(names)).toEqual([['admins'], ['admins', 'editors'], ['editors'], []]);
    expect([...operations()].sort()).toEqual(['ListGroups', 'ListUsers', 'ListUsersInGroup', 'ListUsersInGroup']);
  });
});
