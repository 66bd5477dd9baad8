import { beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, localGateway } from '../support/gateway';
import { accessClaims, jwtClaims, mintJwt, signInDemoAccount } from '../support/tokens';
import { resolveAdminGroup } from '../../src/auth/caller-policy';
import { ConfigError } from '../../src/config';
import { silentLogger } from '../../src/domain/logger';

const demo = inject('demo');
const endpoint = inject('cognitoEndpoint');
const [demoPool, partnersPool] = demo.pools;

/**
 * A token exactly as cognito-local would issue it for the demo administrator as a member of
 * `groups` in `pool` (a real account: administrator rights are confirmed with Cognito).
 */
function tokenFor(pool: NonNullable<typeof demoPool>, groups: string[]) {
  const client = pool.clients[0]!;
  const { username, sub } = demoAdministrator;
  return mintJwt(accessClaims({ issuer: `${endpoint}/${pool.userPoolId}`, clientId: client.clientId, username, sub, groups }));
}

let demoAdministrator: { username: string; sub: string };

describe('the administrators’ group belongs to one pool', () => {
  const { gateway, queryAs } = localGateway();

  beforeAll(async () => {
    const claims = jwtClaims((await signInDemoAccount(gateway, demo, 'administrator')).accessToken);
    demoAdministrator = { username: String(claims['username']), sub: String(claims['sub']) };
  });

  it('makes a member of `admins` in the configured pool an administrator', async () => {
    const answer = await queryAs(bearer(tokenFor(demoPool!, ['admins'])), `{ userPools(first: 1) { edges { node { name } } } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.userPools.edges).toHaveLength(1);
  });

  it('does not make a member of a group of the same name in another served pool an administrator', async () => {
    const answer = await queryAs(bearer(tokenFor(partnersPool!, ['admins'])), `{ userPools(first: 1) { edges { node { name } } } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.extensions?.cognitoCalls?.total).toBe(0);
  });
});

describe('resolveAdminGroup', () => {
  it('takes `pool:group` as given, and a bare name in the one served pool', () => {
    expect(resolveAdminGroup('eu-west-1_A:ops', ['eu-west-1_B'], silentLogger)).toEqual({ userPoolId: 'eu-west-1_A', name: 'ops' });
    expect(resolveAdminGroup('ops', ['eu-west-1_B'], silentLogger)).toEqual({ userPoolId: 'eu-west-1_B', name: 'ops' });
    expect(resolveAdminGroup(undefined, ['eu-west-1_B'], silentLogger)).toEqual({ userPoolId: 'eu-west-1_B', name: 'admins' });
  });

  it('refuses a bare name when several pools are served, naming ADMIN_GROUP; unset, it makes nobody admin and warns', () => {
    expect(() => resolveAdminGroup('ops', ['eu-west-1_A', 'eu-west-1_B'], silentLogger)).toThrow(ConfigError);
    expect(() => resolveAdminGroup('ops', ['eu-west-1_A', 'eu-west-1_B'], silentLogger)).toThrow(/ADMIN_GROUP: "ops" names no pool/);
    const warnings: unknown[] = [];
    expect(
      resolveAdminGroup(undefined, ['eu-west-1_A', 'eu-west-1_B'], { ...silentLogger, warn: (...args) => warnings.push(args) }),
    ).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});
