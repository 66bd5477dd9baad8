import { AdminGetUserCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createGatewayServices } from '../../src/http/yoga';
import { createContext } from '../../src/resolvers/context';
import { joinKey } from '../../src/schema/natural-keys';
import type { GraphQLResponse } from '../support/gateway';
import { asService } from '../support/gateway';
import { scriptedGateway, scriptedUser } from '../support/scripted-cognito';

/**
 * The run-time cap of MAX_CALLS_PER_REQUEST: one budget for every operation of an HTTP request,
 * counted on the calls really made, behind the estimate checked before execution. Scripted
 * answers, so that pools exist in any number and every call is counted.
 */

const POOLS = ['eu-west-1_BudgetA', 'eu-west-1_BudgetB'];

function scripted(callsPerRequest: number) {
  const gateway = scriptedGateway({
    limits: { ...loadConfig({}).limits, callsPerRequest },
  });
  gateway.cognito.on(AdminGetUserCommand).callsFake((input: { UserPoolId: string; Username: string }) => {
    const user = scriptedUser(Number(input.Username.slice(4)));
    return { ...user, UserAttributes: user.Attributes, Attributes: undefined };
  });
  gateway.cognito
    .on(DescribeUserPoolCommand)
    .callsFake((input: { UserPoolId: string }) => ({ UserPool: { Id: input.UserPoolId, Name: input.UserPoolId } }));
  return gateway;
}

describe('one call budget per HTTP request, at run time', () => {
  it('contexts made for the same Request share it; another Request has its own', async () => {
    const { client, cognito } = scripted(5);
    cognito.on(AdminGetUserCommand).callsFake((input: { Username: string }) => {
      const user = scriptedUser(Number(input.Username.slice(4)));
      return { ...user, UserAttributes: user.Attributes, Attributes: undefined };
    });
    const { services } = createGatewayServices({
      client,
      limits: { ...createGatewayServices({ client }).settings.limits, callsPerRequest: 5 },
    });
    const request = new Request('http://gateway.test/graphql', { method: 'POST', headers: asService });
    const facts = { caller: { kind: 'service', admin: true } as const, clientAddress: '127.0.0.1', httpRequest: request };
    const first = createContext(services, facts);
    const second = createContext(services, facts);
    const get = (ctx: typeof first, i: number) => ctx.call('AdminGetUser', { UserPoolId: POOLS[0]!, Username: `user${i}` });
    await Promise.all([0, 1, 2].map((i) => get(first, i)));
    await get(second, 3);
    await get(second, 4);
    await expect(get(second, 5)).rejects.toMatchObject({ code: 'CALL_BUDGET_EXCEEDED', operation: 'AdminGetUser', details: { limit: 5 } });
    await expect(get(first, 6)).rejects.toMatchObject({ code: 'CALL_BUDGET_EXCEEDED' });
    expect(cognito.commandCalls(AdminGetUserCommand)).toHaveLength(5);

    const another = createContext(services, { ...facts, httpRequest: new Request('http://gateway.test/graphql', { method: 'POST' }) });
    await get(another, 7);
    expect(cognito.commandCalls(AdminGetUserCommand)).toHaveLength(6);
  });

  it('through yoga: a batch whose real calls pass the budget gets the rest refused at their fields, though its estimate fit', async () => {
    // Users of two pools by id, each with its pool's name: estimated 2 lookups + 1 pool (a list's
    // items share their pool), 3 an operation; really 2 AdminGetUser + 2 DescribeUserPool.
    const gateway = scripted(6);
    const ids = POOLS.map((pool, i) => encodeGlobalID('User', joinKey(pool, `user${i}`)));
    const operation = { query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on User { username pool { name } } } }', variables: { ids } };
    const response = await gateway.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asService },
      body: JSON.stringify([operation, operation]),
    });
    const results = (await response.json()) as GraphQLResponse[];
    const refused = results.flatMap((result) => (result.errors ?? []).filter((error) => error.extensions?.code === 'CALL_BUDGET_EXCEEDED'));
    expect(refused).toHaveLength(2);
    expect(refused[0]!.path).toBeDefined();
    expect(refused[0]!.message).toMatch(
      /^This request has made the 6 Cognito calls MAX_CALLS_PER_REQUEST allows, across its operations; \w+ was not sent\./,
    );
    expect(gateway.cognito.commandCalls(AdminGetUserCommand).length + gateway.cognito.commandCalls(DescribeUserPoolCommand).length).toBe(6);
  });
});
