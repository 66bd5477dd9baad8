import { ResourceNotFoundException, type UserPoolDescriptionType, type UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { getUserPool, listUserPools, userPoolDetail, userPoolReference, userPoolSummary } from '../../../src/resolvers/user-pools';
import { gatewayErrorOf, pagedList, scriptedContext } from '../../support/scripted-call';

const created = new Date(Date.UTC(2024, 0, 1));
const modified = new Date(Date.UTC(2024, 5, 1));

const listed = (n: number): UserPoolDescriptionType => ({
  Id: `eu-west-1_Pool${n}`,
  Name: `pool ${n}`,
  CreationDate: created,
  LastModifiedDate: modified,
});

const described: UserPoolType = {
  Id: 'eu-west-1_Pool1',
  Name: 'pool 1',
  Arn: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Pool1',
  CreationDate: created,
  LastModifiedDate: modified,
  EstimatedNumberOfUsers: 42,
  MfaConfiguration: 'OPTIONAL',
  DeletionProtection: 'ACTIVE',
  UserPoolTier: 'ESSENTIALS',
  Domain: 'pool-one',
  UsernameAttributes: ['email'],
  AutoVerifiedAttributes: ['email'],
  Policies: {
    PasswordPolicy: { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: false, RequireSymbols: false },
  },
  SchemaAttributes: [
    {
      Name: 'email',
      AttributeDataType: 'String',
      Mutable: true,
      Required: true,
      StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' },
    },
    // An empty constraint means none: it must not become 0.
    { Name: 'custom:age', AttributeDataType: 'Number', Mutable: true, NumberAttributeConstraints: { MinValue: '18', MaxValue: '' } },
  ],
};

const notFound = () => new ResourceNotFoundException({ message: 'User pool eu-west-1_Gone1 does not exist.', $metadata: {} });

describe('listUserPools', () => {
  it('reads ListUserPools at the page maximum and follows NextToken until `first` is filled', async () => {
    const { ctx, calls } = scriptedContext({
      ListUserPools: pagedList('ListUserPools', [{ items: [listed(1), listed(2)], next: 'page-2' }, { items: [listed(3), listed(4)] }]),
    });

    const pools = await listUserPools(ctx, { first: 3 });

    expect(calls).toEqual([
      { operation: 'ListUserPools', input: { MaxResults: 60 } },
      { operation: 'ListUserPools', input: { MaxResults: 60, NextToken: 'page-2' } },
    ]);
    expect(pools.edges.map((edge) => edge.node)).toEqual([
      { userPoolId: 'eu-west-1_Pool1', summary: { name: 'pool 1', createdAt: created, updatedAt: modified } },
      { userPoolId: 'eu-west-1_Pool2', summary: { name: 'pool 2', createdAt: created, updatedAt: modified } },
      { userPoolId: 'eu-west-1_Pool3', summary: { name: 'pool 3', createdAt: created, updatedAt: modified } },
    ]);
    // Pool 4 is left on the page already read: more follow, known without another call.
    expect(await pools.pageInfo.hasNextPage).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('reads the page after a full page ending on a token only when hasNextPage is asked', async () => {
    const { ctx, operations } = scriptedContext({
      ListUserPools: pagedList('ListUserPools', [{ items: [listed(1), listed(2)], next: 'page-2' }, { items: [] }]),
    });

    const pools = await listUserPools(ctx, { first: 2 });
    expect(operations()).toEqual(['ListUserPools']);

    // Cognito handed out a token with nothing behind it.
    expect(await pools.pageInfo.hasNextPage).toBe(false);
    expect(operations()).toEqual(['ListUserPools', 'ListUserPools']);
  });

  it('reads the same list once per request however often it is asked for', async () => {
    const { ctx, operations } = scriptedContext({ ListUserPools: pagedList('ListUserPools', [{ items: [listed(1)] }]) });

    const [a, b] = await Promise.all([listUserPools(ctx, { first: 5 }), listUserPools(ctx, { first: 5 })]);

    expect(operations()).toEqual(['ListUserPools']);
    expect(b.edges.map((edge) => edge.node.userPoolId)).toEqual(a.edges.map((edge) => edge.node.userPoolId));
  });
});

describe('getUserPool', () => {
  it('describes the pool and normalizes its description', async () => {
    const { ctx, calls } = scriptedContext({ DescribeUserPool: () => ({ UserPool: described }) });

    const pool = await getUserPool(ctx, 'eu-west-1_Pool1');

    expect(calls).toEqual([{ operation: 'DescribeUserPool', input: { UserPoolId: 'eu-west-1_Pool1' } }]);
    expect(pool).toEqual({
      userPoolId: 'eu-west-1_Pool1',
      detail: {
        name: 'pool 1',
        createdAt: created,
        updatedAt: modified,
        arn: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Pool1',
        estimatedNumberOfUsers: 42,
        mfaConfiguration: 'OPTIONAL',
        deletionProtection: true,
        tier: 'ESSENTIALS',
        domain: 'pool-one',
        usernameAttributes: ['email'],
        aliasAttributes: [],
        autoVerifiedAttributes: ['email'],
        passwordPolicy: { minimumLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: false, requireSymbols: false },
        schemaAttributes: [
          { name: 'email', dataType: 'String', mutable: true, required: true, minLength: 0, maxLength: 2048 },
          { name: 'custom:age', dataType: 'Number', mutable: true, minValue: 18 },
        ],
      },
    });
  });

  it('reads DeletionProtection INACTIVE as false, not as absent', async () => {
    const { ctx } = scriptedContext({ DescribeUserPool: () => ({ UserPool: { ...described, DeletionProtection: 'INACTIVE' } }) });

    expect((await getUserPool(ctx, 'eu-west-1_Pool1'))?.detail?.deletionProtection).toBe(false);
  });

  it('answers null for a pool Cognito does not know', async () => {
    const { ctx, operations } = scriptedContext({
      DescribeUserPool: () => {
        throw notFound();
      },
    });

    expect(await getUserPool(ctx, 'eu-west-1_Gone1')).toBeNull();
    expect(operations()).toEqual(['DescribeUserPool']);
  });

  it('refuses a malformed id before any call', async () => {
    const { ctx, calls } = scriptedContext({});

    const error = await gatewayErrorOf(() => getUserPool(ctx, 'not a pool'));

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userPoolId', exception: undefined });
    expect(calls).toEqual([]);
  });
});

describe('userPoolSummary and userPoolDetail', () => {
  it('serve a listed pool from its summary without a call', async () => {
    const { ctx, operations } = scriptedContext({ ListUserPools: pagedList('ListUserPools', [{ items: [listed(1)] }]) });
    const [edge] = (await listUserPools(ctx, {})).edges;

    expect(await userPoolSummary(ctx, edge!.node)).toEqual({ name: 'pool 1', createdAt: created, updatedAt: modified });
    expect(operations()).toEqual(['ListUserPools']);
  });

  it('describe a pool known only by id once, however often it is asked', async () => {
    const { ctx, calls } = scriptedContext({ DescribeUserPool: () => ({ UserPool: described }) });
    const pool = userPoolReference('eu-west-1_Pool1');

    const [summary, again] = await Promise.all([userPoolSummary(ctx, pool), userPoolSummary(ctx, pool)]);
    const detail = await userPoolDetail(ctx, pool);

    expect(calls).toEqual([{ operation: 'DescribeUserPool', input: { UserPoolId: 'eu-west-1_Pool1' } }]);
    expect(summary.name).toBe('pool 1');
    expect(again).toBe(summary);
    expect(detail).toBe(summary);
    expect(detail.estimatedNumberOfUsers).toBe(42);
  });

  it('userPoolDetail serves a described pool from what it holds', async () => {
    const { ctx, operations } = scriptedContext({ DescribeUserPool: () => ({ UserPool: described }) });
    const pool = (await getUserPool(ctx, 'eu-west-1_Pool1'))!;

    expect((await userPoolDetail(ctx, pool)).arn).toBe(described.Arn);
    expect(operations()).toEqual(['DescribeUserPool']);
  });

  it('a pool Cognito does not know fails the field with NOT_FOUND', async () => {
    const { ctx } = scriptedContext({
      DescribeUserPool: () => {
        throw notFound();
      },
    });

    const error = await gatewayErrorOf(() => userPoolDetail(ctx, userPoolReference('eu-west-1_Gone1')));

    expect(error).toMatchObject({ code: 'NOT_FOUND', exception: 'ResourceNotFoundException', operation: 'DescribeUserPool' });
  });
});
