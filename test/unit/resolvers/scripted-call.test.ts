import { UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/domain/gateway-error';
import { pagedList, scriptedContext, ScriptError } from '../../support/scripted-call';

/** The helper the resolver tests stand on: if it lied, they would prove nothing. */

describe('the scripted call', () => {
  it('hands on the scripted answer and records the input as sent', async () => {
    const { ctx, calls } = scriptedContext({ GetGroup: () => ({ Group: { GroupName: 'admins' } }) });
    const input = { UserPoolId: 'eu-west-1_Pool1', GroupName: 'admins' };

    expect(await ctx.call('GetGroup', input)).toEqual({ Group: { GroupName: 'admins' } });
    input.GroupName = 'changed later';
    expect(calls).toEqual([{ operation: 'GetGroup', input: { UserPoolId: 'eu-west-1_Pool1', GroupName: 'admins' } }]);
    expect(ctx.callLog.summary().byOperation).toEqual({ GetGroup: 1 });
  });

  it('maps a Cognito exception as the real call path does', async () => {
    const { ctx } = scriptedContext({
      AdminGetUser: () => {
        throw new UserNotFoundException({ message: 'User does not exist.', $metadata: {} });
      },
    });

    const error = await ctx.call('AdminGetUser', { UserPoolId: 'eu-west-1_Pool1', Username: 'nobody' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      code: 'USER_NOT_FOUND',
      exception: 'UserNotFoundException',
      operation: 'AdminGetUser',
      message: 'User does not exist.',
    });
  });

  it('throws an unexpected error on unchanged', async () => {
    const boom = new Error('socket hang up');
    const { ctx } = scriptedContext({
      GetCSVHeader: () => {
        throw boom;
      },
    });

    await expect(ctx.call('GetCSVHeader', { UserPoolId: 'eu-west-1_Pool1' })).rejects.toBe(boom);
  });

  it('keeps one set of loaders for the whole request', () => {
    const { ctx } = scriptedContext({});

    expect(ctx.loaders).toBe(ctx.loaders);
  });

  // These must fail the test even though the error is caught: resolvers swallow some (read-ahead).
  it.fails('fails the test when an operation is called but not scripted', async () => {
    const { ctx } = scriptedContext({});

    await expect(ctx.call('ListGroups', { UserPoolId: 'eu-west-1_Pool1' })).rejects.toBeInstanceOf(ScriptError);
  });

  it.fails('fails the test when a list is asked for with another page size than scripted', async () => {
    const { ctx } = scriptedContext({ ListGroups: pagedList('ListGroups', [{ items: [] }]) });

    await ctx.call('ListGroups', { UserPoolId: 'eu-west-1_Pool1', Limit: 10 }).catch(() => undefined);
  });
});

describe('pagedList', () => {
  it('serves the page the token names, with the next page’s token', () => {
    const answer = pagedList('ListUsers', [{ items: [{ Username: 'ada' }], next: 'page-2' }, { items: [{ Username: 'grace' }] }]);

    expect(answer({ UserPoolId: 'eu-west-1_Pool1', Limit: 60 })).toEqual({ Users: [{ Username: 'ada' }], PaginationToken: 'page-2' });
    expect(answer({ UserPoolId: 'eu-west-1_Pool1', Limit: 60, PaginationToken: 'page-2' })).toEqual({ Users: [{ Username: 'grace' }] });
    expect(() => answer({ UserPoolId: 'eu-west-1_Pool1', Limit: 60, PaginationToken: 'page-9' })).toThrow(ScriptError);
  });
});
