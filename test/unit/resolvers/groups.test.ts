import { ResourceNotFoundException, type GroupType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { getGroup, listGroups } from '../../../src/resolvers/groups';
import { gatewayErrorOf, pagedList, scriptedContext } from '../../support/scripted-call';

const pool = 'eu-west-1_Pool1';
const created = new Date(Date.UTC(2024, 0, 1));
const roleArn = 'arn:aws:iam::123456789012:role/admins';

const group = (name: string): GroupType => ({
  GroupName: name,
  UserPoolId: pool,
  Description: `The ${name}`,
  Precedence: 5,
  RoleArn: roleArn,
  CreationDate: created,
  LastModifiedDate: created,
});

const groupRecord = (name: string) => ({
  userPoolId: pool,
  name,
  description: `The ${name}`,
  precedence: 5,
  roleArn,
  createdAt: created,
  updatedAt: created,
});

describe('listGroups', () => {
  it('reads ListGroups of the pool and follows NextToken', async () => {
    const { ctx, calls } = scriptedContext({
      ListGroups: pagedList('ListGroups', [{ items: [group('admins')], next: 'more-groups' }, { items: [group('editors')] }]),
    });

    const groups = await listGroups(ctx, pool, {});

    expect(calls).toEqual([
      { operation: 'ListGroups', input: { UserPoolId: pool, Limit: 60 } },
      { operation: 'ListGroups', input: { UserPoolId: pool, Limit: 60, NextToken: 'more-groups' } },
    ]);
    expect(groups.edges.map((edge) => edge.node)).toEqual([groupRecord('admins'), groupRecord('editors')]);
  });

  it('serves a later getGroup of a listed group without GetGroup', async () => {
    const { ctx, operations } = scriptedContext({ ListGroups: pagedList('ListGroups', [{ items: [group('admins'), group('editors')] }]) });
    const listed = await listGroups(ctx, pool, {});

    expect(await getGroup(ctx, { userPoolId: pool, name: 'editors' })).toBe(listed.edges[1]!.node);
    expect(operations()).toEqual(['ListGroups']);
  });
});

describe('getGroup', () => {
  it('reads GetGroup', async () => {
    const { ctx, calls } = scriptedContext({ GetGroup: (input) => ({ Group: group(input.GroupName!) }) });

    expect(await getGroup(ctx, { userPoolId: pool, name: 'admins' })).toEqual(groupRecord('admins'));
    expect(calls).toEqual([{ operation: 'GetGroup', input: { UserPoolId: pool, GroupName: 'admins' } }]);
  });

  it('answers null for a group Cognito does not know', async () => {
    const { ctx, operations } = scriptedContext({
      GetGroup: () => {
        throw new ResourceNotFoundException({ message: 'Group not found.', $metadata: {} });
      },
    });

    expect(await getGroup(ctx, { userPoolId: pool, name: 'nobody' })).toBeNull();
    expect(operations()).toEqual(['GetGroup']);
  });

  it('reads the same group once per request', async () => {
    const { ctx, operations } = scriptedContext({ GetGroup: () => ({ Group: group('admins') }) });

    await Promise.all([getGroup(ctx, { userPoolId: pool, name: 'admins' }), getGroup(ctx, { userPoolId: pool, name: 'admins' })]);

    expect(operations()).toEqual(['GetGroup']);
  });

  it('refuses a malformed name before any call, naming the argument', async () => {
    const { ctx, calls } = scriptedContext({});

    expect(await gatewayErrorOf(() => getGroup(ctx, { userPoolId: pool, name: 'two words' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
    });
    expect(calls).toEqual([]);
  });
});
