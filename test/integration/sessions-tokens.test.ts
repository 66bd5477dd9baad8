import { describe, expect, inject, it } from 'vitest';
import { localGateway } from '../support/gateway';
import { webAppClient } from '../support/tokens';

/**
 * revokeToken end to end: `yoga.fetch`, the real SDK and the run's cognito-local, the one
 * operation of the sessions-and-tokens group the emulator implements (the others are scripted:
 * test/contract/sessions-tokens.test.ts). Signs the demo user in for a refresh token of its own
 * and revokes only that one.
 */

const demo = inject('demo');
const web = webAppClient(demo);
const account = demo.accounts.find((a) => a.role === 'user')!;

const SIGN_IN = `mutation ($input: InitiateAuthInput!) {
  initiateAuth(input: $input) { __typename ... on InitiateAuthPayload { tokens { accessToken refreshToken } } ... on CognitoError { code } }
}`;
const REVOKE = `mutation ($input: RevokeTokenInput!) {
  revokeToken(input: $input) { __typename ... on RevokeTokenPayload { revoked } ... on CognitoError { code } }
}`;

describe('revokeToken against cognito-local', () => {
  const { queryAs } = localGateway();
  const anonymous = (query: string, variables: Record<string, unknown>) => queryAs({}, query, variables);

  it('revokes a refresh token: refreshing with it is then refused, and the token is nowhere in the call log', async () => {
    const signedIn = await anonymous(SIGN_IN, {
      input: { clientId: web.clientId, username: account.username, authFlow: 'USER_PASSWORD_AUTH', password: account.password },
    });
    const refreshToken = signedIn.data?.initiateAuth.tokens?.refreshToken as string;
    expect(refreshToken, JSON.stringify(signedIn)).toBeTruthy();

    const refresh = { input: { clientId: web.clientId, username: account.username, authFlow: 'REFRESH_TOKEN_AUTH', refreshToken } };
    // The token works before it is revoked.
    expect((await anonymous(SIGN_IN, refresh)).data?.initiateAuth.__typename).toBe('InitiateAuthPayload');

    const revoked = await anonymous(REVOKE, { input: { clientId: web.clientId, refreshToken } });
    expect(revoked.errors, JSON.stringify(revoked.errors)).toBeUndefined();
    expect(revoked.data?.revokeToken).toEqual({ __typename: 'RevokeTokenPayload', revoked: true });
    expect(revoked.extensions?.cognitoCalls?.byOperation).toEqual({ RevokeToken: 1 });
    expect(JSON.stringify(revoked.extensions)).not.toContain(refreshToken);

    expect((await anonymous(SIGN_IN, refresh)).data?.initiateAuth).toEqual({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
  });

  it('a token the emulator does not know: it answers NotAuthorizedException, which RevokeToken does not document (a GraphQL error)', async () => {
    // AWS documents UnauthorizedException for a refused token (typed as UnauthorizedError); the emulator's answer is kept as it is.
    const answer = await anonymous(REVOKE, { input: { clientId: web.clientId, refreshToken: 'never-issued-refresh-token' } });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_AUTHORIZED']);
    expect(answer.extensions?.cognitoCalls?.byOperation).toEqual({ RevokeToken: 1 });
  });
});
