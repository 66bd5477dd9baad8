import { AdminDisableUserCommand, DescribeUserPoolCommand, GetGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { scriptedGateway, scriptedGroup } from '../support/scripted-cognito';

const POOL = 'eu-west-1_Cache1';
const OTHER = 'eu-west-1_Cache2';
const POOL_NAME = `query ($id: String!) { userPool(userPoolId: $id) { name } }`;
const DISABLE = `mutation ($p: String!) { adminDisableUser(input: { userPoolId: $p, username: "someone" }) { __typename } }`;

function gateway(descriptionCacheTtlMs?: number) {
  const scripted = scriptedGateway(descriptionCacheTtlMs === undefined ? {} : { descriptionCacheTtlMs });
  scripted.cognito
    .on(DescribeUserPoolCommand)
    .callsFake((input: { UserPoolId: string }) => ({ UserPool: { Id: input.UserPoolId, Name: `pool ${input.UserPoolId}` } }));
  scripted.cognito.on(AdminDisableUserCommand).resolves({});
  scripted.cognito
    .on(GetGroupCommand)
    .callsFake((input: { UserPoolId: string; GroupName: string }) => ({ Group: scriptedGroup(input.UserPoolId, input.GroupName) }));
  return scripted;
}

const describes = (scripted: ReturnType<typeof gateway>) => scripted.cognito.commandCalls(DescribeUserPoolCommand).length;

describe('descriptions cached across requests (DESCRIPTION_CACHE_TTL_MS)', () => {
  it('is off by default: every request describes the pool again', async () => {
    const scripted = gateway();
    await scripted.query(POOL_NAME, { id: POOL });
    await scripted.query(POOL_NAME, { id: POOL });
    expect(describes(scripted)).toBe(2);
  });

  it('with a TTL, a second request is served from the cache, pools and groups alike', async () => {
    const scripted = gateway(60_000);
    const first = await scripted.query(POOL_NAME, { id: POOL });
    const second = await scripted.query(POOL_NAME, { id: POOL });
    expect(second.data).toEqual(first.data);
    expect(describes(scripted)).toBe(1);
    const group = `query ($id: String!) { group(userPoolId: $id, name: "staff") { description } }`;
    await scripted.query(group, { id: POOL });
    await scripted.query(group, { id: POOL });
    expect(scripted.cognito.commandCalls(GetGroupCommand)).toHaveLength(1);
  });

  it('a write through this gateway drops what it cached of that pool, not of other pools', async () => {
    const scripted = gateway(60_000);
    await scripted.query(POOL_NAME, { id: POOL });
    await scripted.query(POOL_NAME, { id: OTHER });
    expect((await scripted.query(DISABLE, { p: POOL })).data?.adminDisableUser.__typename).toBe('AdminDisableUserPayload');
    await scripted.query(POOL_NAME, { id: POOL });
    await scripted.query(POOL_NAME, { id: OTHER });
    expect(scripted.cognito.commandCalls(DescribeUserPoolCommand).map((call) => call.args[0].input.UserPoolId)).toEqual([
      POOL,
      OTHER,
      POOL,
    ]);
  });

  it('does not cache a failure', async () => {
    const scripted = scriptedGateway({ descriptionCacheTtlMs: 60_000 });
    scripted.cognito
      .on(DescribeUserPoolCommand)
      .rejectsOnce(Object.assign(new Error('User pool does not exist.'), { name: 'ResourceNotFoundException' }))
      .resolves({ UserPool: { Id: POOL, Name: 'back' } });
    expect((await scripted.query(POOL_NAME, { id: POOL })).data).toEqual({ userPool: null });
    expect((await scripted.query(POOL_NAME, { id: POOL })).data).toEqual({ userPool: { name: 'back' } });
    expect(scripted.cognito.commandCalls(DescribeUserPoolCommand)).toHaveLength(2);
  });
});
