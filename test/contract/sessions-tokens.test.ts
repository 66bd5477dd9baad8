import {
  AdminGetUserCommand,
  AdminListUserSessionsCommand,
  AdminRevokeUserSessionCommand,
  DescribeUserPoolClientCommand,
  GetClientTokenCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  ListUserSessionsCommand,
  RevokeTokenCommand,
  RevokeUserSessionCommand,
  type AdminGetUserResponse,
  type DescribeUserPoolClientResponse,
  type GetClientTokenResponse,
  type GetTokensFromRefreshTokenResponse,
  type GetUserResponse,
  type SessionDescriptionType,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearer, postQuery } from '../support/gateway';
import { pagedList } from '../support/scripted-call';
import { capturingLogger } from '../support/capturing-logger';
import { scriptedGateway } from '../support/scripted-cognito';
import { accessClaims, mintJwt, type SigningKey } from '../support/tokens';
import { serveTrustedKey, type TrustedKey } from '../support/trusted-key';

/**
 * Sessions and tokens over a scripted SDK: cognito-local 5.3.0 implements none of AdminListUserSessions,
 * ListUserSessions, AdminRevokeUserSession, RevokeUserSession, GetTokensFromRefreshToken and
 * GetClientToken (its RevokeToken is tested here too, beside its siblings, for the exact input and
 * every documented exception, which the emulator does not answer). Scripted answers are typed
 * with the SDK's own output types.
 */

const POOL = 'eu-west-1_Sessions1';
const USERNAME = 'sam';
const SUB = '7f3c1a2e-0000-4000-8000-00000000a5a5';
/** A served client with a secret (the web app), one without, and a machine client (client credentials). */
const WEB = {
  userPoolId: POOL,
  clientId: '5e55ionwebc1ient0000000000',
  clientSecret: 'web-client-secret-0123456789abcdefghijklmnopqrstuv',
};
const SPA = { userPoolId: POOL, clientId: '5e55ionspac1ient0000000000' };
const MACHINE = {
  userPoolId: POOL,
  clientId: '5e55ionm2mc1ient0000000000',
  clientSecret: 'm2m-client-secret-0123456789abcdefghijklmnopqrstuv',
};
const REFRESH_TOKEN = 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.refresh-token-opaque-value';
const NEW_TOKENS = {
  AccessToken: 'eyJhbGciOiJSUzI1NiJ9.eyJ0b2tlbl91c2UiOiJhY2Nlc3MifQ.bmV3LWFjY2Vzcw',
  IdToken: 'eyJhbGciOiJSUzI1NiJ9.eyJ0b2tlbl91c2UiOiJpZCJ9.bmV3LWlk',
  RefreshToken: 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.rotated-refresh-token',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};
const MACHINE_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6Im0ybSJ9.bWFjaGluZQ';
const SECRETS = [
  REFRESH_TOKEN,
  NEW_TOKENS.AccessToken,
  NEW_TOKENS.IdToken,
  NEW_TOKENS.RefreshToken,
  MACHINE_TOKEN,
  WEB.clientSecret,
  MACHINE.clientSecret,
];

/** A SessionDescriptionType as the SDK deserializes it. */
function scriptedSession(i: number, extra: Partial<SessionDescriptionType> = {}): SessionDescriptionType {
  return {
    SessionId: `tkn${String(i).padStart(25, '0')}`,
    SessionType: i % 2 === 0 ? 'TOKEN' : 'SSO',
    ClientId: WEB.clientId,
    CreateDate: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    LastActiveDate: new Date(Date.UTC(2026, 0, 2, 0, 0, i)),
    DeviceType: 'Chrome 125 / macOS 15.0',
    LastIPAddress: `192.0.2.${i}`,
    LastLocation: { City: 'Seattle', Country: 'United States' },
    ...(i % 2 === 0 ? { OriginSessionId: `sso${String(i + 1).padStart(25, '0')}` } : {}),
    ...extra,
  };
}

function expectedSession(i: number, extra: Record<string, unknown> = {}) {
  return {
    sessionId: `tkn${String(i).padStart(25, '0')}`,
    sessionType: i % 2 === 0 ? 'TOKEN' : 'SSO',
    clientId: WEB.clientId,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    lastActiveAt: new Date(Date.UTC(2026, 0, 2, 0, 0, i)).toISOString(),
    deviceType: 'Chrome 125 / macOS 15.0',
    lastIpAddress: `192.0.2.${i}`,
    lastLocation: { city: 'Seattle', country: 'United States' },
    originSessionId: i % 2 === 0 ? `sso${String(i + 1).padStart(25, '0')}` : null,
    isCurrentSession: null,
    ...extra,
  };
}

const SESSION_FIELDS =
  'sessionId sessionType clientId createdAt lastActiveAt deviceType lastIpAddress lastLocation { city country } originSessionId isCurrentSession';

const adminGetUser: AdminGetUserResponse = {
  Username: USERNAME,
  UserAttributes: [{ Name: 'sub', Value: SUB }],
  UserCreateDate: new Date(Date.UTC(2025, 0, 1)),
  UserLastModifiedDate: new Date(Date.UTC(2025, 0, 2)),
  Enabled: true,
  UserStatus: 'CONFIRMED',
};

const describedClient: DescribeUserPoolClientResponse = {
  UserPoolClient: { UserPoolId: POOL, ClientId: WEB.clientId, ClientName: 'web app', ClientSecret: WEB.clientSecret },
};

/** A Cognito exception as the SDK raises it. */
const exception = (name: string, message = `${name} (scripted)`) =>
  Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });

// ---------------------------------------------------------------------------------------------
// A key the gateway trusts, for the signed-in user's own calls (see devices.test.ts)
// ---------------------------------------------------------------------------------------------

let trusted: TrustedKey;
let issuerBase: string;
let signingKey: SigningKey;

beforeAll(async () => {
  trusted = await serveTrustedKey(POOL, 'sessions-test-key');
  ({ issuerBase, signingKey } = trusted);
});

afterAll(() => trusted.close());

type Scripted = ReturnType<typeof scriptedGateway>;
let scripted: Scripted;
let log: ReturnType<typeof capturingLogger>;

beforeEach(() => {
  log = capturingLogger();
  scripted = scriptedGateway({ appClients: [WEB, SPA, MACHINE], issuerBase, logger: log });
});

const userToken = () =>
  mintJwt(accessClaims({ issuer: `${issuerBase}/${POOL}`, clientId: WEB.clientId, username: USERNAME, sub: SUB }), signingKey);

/** As the anonymous public. */
const anonymous = <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>) =>
  postQuery<Data>(scripted.gateway, query, variables, {});
/** As the signed-in user with its own token. */
const asUser = <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>) =>
  postQuery<Data>(scripted.gateway, query, variables, bearer(userToken()));

const inputsOf = <Input>(command: { new (input: Input): unknown }) =>
  scripted.cognito.commandCalls(command as never).map((call) => (call.args[0] as { input: Input }).input);

function expectNoSecretIn(text: string, where: string) {
  for (const secret of SECRETS) expect(text.includes(secret), `${where} holds a token or secret`).toBe(false);
}

// ---------------------------------------------------------------------------------------------

describe('user.sessions: AdminListUserSessions, no page size, pages by NextToken', () => {
  const USER_SESSIONS = `query ($first: Int, $after: String) {
    user(userPoolId: "${POOL}", username: "${USERNAME}") {
      sessions(first: $first, after: $after) { edges { node { ${SESSION_FIELDS} } } pageInfo { hasNextPage endCursor } }
    }
  }`;
  const page = (token?: string) => ({ UserPoolId: POOL, Username: USERNAME, ...(token ? { NextToken: token } : {}) });

  beforeEach(() => {
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser);
    scripted.cognito
      .on(AdminListUserSessionsCommand)
      .callsFake(
        pagedList('AdminListUserSessions', [
          { items: [0, 1, 2].map((i) => scriptedSession(i)), next: 'S1' },
          { items: [3, 4].map((i) => scriptedSession(i)) },
        ]),
      );
  });

  it('reads every session across pages, every field mapped, and sends no page size', async () => {
    const result = await scripted.query(USER_SESSIONS, { first: 10 });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.user.sessions.edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      [0, 1, 2, 3, 4].map((i) => expectedSession(i)),
    );
    expect(result.data!.user.sessions.pageInfo.hasNextPage).toBe(false);
    expect(inputsOf(AdminListUserSessionsCommand)).toEqual([page(), page('S1')]);
  });

  it('stops inside the first page and resumes after its cursor with the same page, then the next', async () => {
    const first = await scripted.query(USER_SESSIONS, { first: 2 });
    expect(first.data!.user.sessions.edges.map((e: { node: { sessionId: string } }) => e.node.sessionId)).toEqual([
      expectedSession(0).sessionId,
      expectedSession(1).sessionId,
    ]);
    expect(first.data!.user.sessions.pageInfo.hasNextPage).toBe(true);
    expect(inputsOf(AdminListUserSessionsCommand)).toEqual([page()]);
    scripted.cognito.resetHistory();
    const next = await scripted.query(USER_SESSIONS, { first: 10, after: first.data!.user.sessions.pageInfo.endCursor });
    expect(next.errors, JSON.stringify(next.errors)).toBeUndefined();
    expect(next.data!.user.sessions.edges.map((e: { node: { sessionId: string } }) => e.node.sessionId)).toEqual(
      [2, 3, 4].map((i) => expectedSession(i).sessionId),
    );
    expect(inputsOf(AdminListUserSessionsCommand)).toEqual([page(), page('S1')]);
  });

  it('links a session to its app client (DescribeUserPoolClient), never with the client’s secret', async () => {
    scripted.cognito.on(DescribeUserPoolClientCommand).resolves(describedClient);
    const result = await scripted.query(`{ user(userPoolId: "${POOL}", username: "${USERNAME}") {
      sessions(first: 1) { edges { node { sessionId client { clientId name } } } } } }`);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.user.sessions.edges[0].node.client).toEqual({ clientId: WEB.clientId, name: 'web app' });
    expect(inputsOf(DescribeUserPoolClientCommand)).toEqual([{ UserPoolId: POOL, ClientId: WEB.clientId }]);
    expectNoSecretIn(JSON.stringify(result), 'the response');
  });

  it.each([
    ['UserNotFoundException', 'USER_NOT_FOUND'],
    ['ResourceNotFoundException', 'NOT_FOUND'],
    ['NotAuthorizedException', 'NOT_AUTHORIZED'],
    ['InvalidParameterException', 'BAD_USER_INPUT'],
    ['OperationNotEnabledException', 'OPERATION_NOT_ENABLED'],
  ])('%s → %s at the field', async (name, code) => {
    scripted.cognito.on(AdminListUserSessionsCommand).rejects(exception(name));
    const result = await scripted.query(USER_SESSIONS, { first: 10 });
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['user', 'sessions'], code]]);
  });
});

describe('viewer.sessions: ListUserSessions with the caller’s own access token', () => {
  const VIEWER_SESSIONS = `query ($first: Int, $after: String) {
    viewer { sessions(first: $first, after: $after) { edges { node { ${SESSION_FIELDS} } } pageInfo { hasNextPage endCursor } } }
  }`;

  const getUser: GetUserResponse = { Username: USERNAME, UserAttributes: [{ Name: 'sub', Value: SUB }] };

  beforeEach(() => {
    scripted.cognito.on(GetUserCommand).resolves(getUser);
    scripted.cognito
      .on(ListUserSessionsCommand)
      .callsFake(
        pagedList('ListUserSessions', [
          { items: [scriptedSession(0, { IsCurrentSession: true }), scriptedSession(1)], next: 'V1' },
          { items: [], next: 'V2' },
          { items: [scriptedSession(2, { IsCurrentSession: false })] },
        ]),
      );
  });

  it('pages with the caller’s token through an empty page, marking the current session', async () => {
    const token = userToken();
    const result = await postQuery(scripted.gateway, VIEWER_SESSIONS, { first: 5 }, bearer(token));
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.viewer.sessions.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      expectedSession(0, { isCurrentSession: true }),
      expectedSession(1),
      expectedSession(2, { isCurrentSession: false }),
    ]);
    expect(inputsOf(ListUserSessionsCommand)).toEqual([
      { AccessToken: token },
      { AccessToken: token, NextToken: 'V1' },
      { AccessToken: token, NextToken: 'V2' },
    ]);
    // The caller's own token went to Cognito, and nowhere into the call log.
    expect(JSON.stringify(result.extensions)).not.toContain(token);
  });

  it('a plain user cannot follow a session to its client (administrators only): FORBIDDEN at that field', async () => {
    const result = await asUser('{ viewer { sessions(first: 1) { edges { node { sessionId client { clientId } } } } } }');
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['viewer', 'sessions', 'edges', 0, 'node', 'client'], 'FORBIDDEN'],
    ]);
    expect(scripted.cognito.commandCalls(DescribeUserPoolClientCommand)).toHaveLength(0);
  });

  it.each([
    ['NotAuthorizedException', 'NOT_AUTHORIZED'],
    ['PasswordResetRequiredException', 'PASSWORD_RESET_REQUIRED'],
    ['UserNotConfirmedException', 'USER_NOT_CONFIRMED'],
    ['UserNotFoundException', 'USER_NOT_FOUND'],
    ['ResourceNotFoundException', 'NOT_FOUND'],
    ['InvalidParameterException', 'BAD_USER_INPUT'],
    ['OperationNotEnabledException', 'OPERATION_NOT_ENABLED'],
    ['ForbiddenException', 'FORBIDDEN'],
  ])('%s → %s at the field', async (name, code) => {
    scripted.cognito.on(ListUserSessionsCommand).rejects(exception(name));
    const result = await asUser(VIEWER_SESSIONS, { first: 5 });
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['viewer', 'sessions'], code]]);
  });
});

describe('adminRevokeUserSession and revokeUserSession', () => {
  const ADMIN_REVOKE = `mutation ($input: AdminRevokeUserSessionInput!) {
    adminRevokeUserSession(input: $input) { __typename ... on AdminRevokeUserSessionPayload { revokedSessionId } ... on CognitoError { code } }
  }`;
  const REVOKE = `mutation ($input: RevokeUserSessionInput!) {
    revokeUserSession(input: $input) { __typename ... on RevokeUserSessionPayload { revokedSessionId } ... on CognitoError { code } }
  }`;
  const sessionId = expectedSession(4).sessionId;

  it('an administrator revokes a session, linked ones too when asked, with exactly that input', async () => {
    scripted.cognito.on(AdminRevokeUserSessionCommand).resolves({});
    const result = await scripted.query(ADMIN_REVOKE, {
      input: { userPoolId: POOL, username: USERNAME, sessionId, revokeAssociatedSessions: 'LINKED' },
    });
    expect(result.data!.adminRevokeUserSession).toEqual({ __typename: 'AdminRevokeUserSessionPayload', revokedSessionId: sessionId });
    await scripted.query(ADMIN_REVOKE, { input: { userPoolId: POOL, username: USERNAME, sessionId } });
    expect(inputsOf(AdminRevokeUserSessionCommand)).toEqual([
      { UserPoolId: POOL, Username: USERNAME, SessionId: sessionId, RevokeAssociatedSessions: 'LINKED' },
      { UserPoolId: POOL, Username: USERNAME, SessionId: sessionId },
    ]);
  });

  it('the signed-in user revokes one of its sessions with its own token', async () => {
    scripted.cognito.on(RevokeUserSessionCommand).resolves({});
    const token = userToken();
    const result = await postQuery(scripted.gateway, REVOKE, { input: { sessionId, revokeAssociatedSessions: 'NONE' } }, bearer(token));
    expect(result.data!.revokeUserSession).toEqual({ __typename: 'RevokeUserSessionPayload', revokedSessionId: sessionId });
    expect(inputsOf(RevokeUserSessionCommand)).toEqual([{ AccessToken: token, SessionId: sessionId, RevokeAssociatedSessions: 'NONE' }]);
  });

  it('a malformed session id is refused before any call', async () => {
    const result = await scripted.query(ADMIN_REVOKE, { input: { userPoolId: POOL, username: USERNAME, sessionId: 'two words' } });
    expect(result.data!.adminRevokeUserSession).toMatchObject({ __typename: 'InvalidInputError' });
    const own = await asUser(REVOKE, { input: { sessionId: '' } });
    expect(own.data!.revokeUserSession).toMatchObject({ __typename: 'InvalidInputError' });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  const shared = [
    ['InvalidParameterException', 'InvalidParameterError', 'BAD_USER_INPUT'],
    ['NotAuthorizedException', 'NotAuthorizedError', 'NOT_AUTHORIZED'],
    ['OperationNotEnabledException', 'OperationNotEnabledError', 'OPERATION_NOT_ENABLED'],
    ['ResourceNotFoundException', 'ResourceNotFoundError', 'NOT_FOUND'],
    ['UserNotFoundException', 'UserNotFoundError', 'USER_NOT_FOUND'],
  ] as const;

  it.each(shared)('adminRevokeUserSession: %s → %s (%s)', async (name, typename, code) => {
    scripted.cognito.on(AdminRevokeUserSessionCommand).rejects(exception(name));
    const result = await scripted.query(ADMIN_REVOKE, { input: { userPoolId: POOL, username: USERNAME, sessionId } });
    expect(result.data!.adminRevokeUserSession).toEqual({ __typename: typename, code });
  });

  it.each([
    ...shared,
    ['PasswordResetRequiredException', 'PasswordResetRequiredError', 'PASSWORD_RESET_REQUIRED'],
    ['UserNotConfirmedException', 'UserNotConfirmedError', 'USER_NOT_CONFIRMED'],
  ] as const)('revokeUserSession: %s → %s (%s)', async (name, typename, code) => {
    scripted.cognito.on(RevokeUserSessionCommand).rejects(exception(name));
    const result = await asUser(REVOKE, { input: { sessionId } });
    expect(result.data!.revokeUserSession).toEqual({ __typename: typename, code });
  });

  it('ForbiddenException (WAF) on either → FORBIDDEN as a GraphQL error', async () => {
    scripted.cognito.on(AdminRevokeUserSessionCommand).rejects(exception('ForbiddenException'));
    scripted.cognito.on(RevokeUserSessionCommand).rejects(exception('ForbiddenException'));
    const admin = await scripted.query(ADMIN_REVOKE, { input: { userPoolId: POOL, username: USERNAME, sessionId } });
    const own = await asUser(REVOKE, { input: { sessionId } });
    expect(admin.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(own.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('getTokensFromRefreshToken: public, the gateway adds the client secret', () => {
  const REFRESH = `mutation ($input: GetTokensFromRefreshTokenInput!) {
    getTokensFromRefreshToken(input: $input) {
      __typename
      ... on GetTokensFromRefreshTokenPayload { tokens { accessToken idToken refreshToken expiresIn tokenType } }
      ... on CognitoError { code message }
      ... on InvalidInputError { field }
    }
  }`;
  const refreshed: GetTokensFromRefreshTokenResponse = { AuthenticationResult: NEW_TOKENS };

  it('for a client with a secret: sends ClientSecret, returns the new tokens (rotated refresh token included) to the caller only', async () => {
    scripted.cognito.on(GetTokensFromRefreshTokenCommand).resolves(refreshed);
    const result = await anonymous(REFRESH, { input: { clientId: WEB.clientId, refreshToken: REFRESH_TOKEN } });
    expect(result.data!.getTokensFromRefreshToken).toEqual({
      __typename: 'GetTokensFromRefreshTokenPayload',
      tokens: {
        accessToken: NEW_TOKENS.AccessToken,
        idToken: NEW_TOKENS.IdToken,
        refreshToken: NEW_TOKENS.RefreshToken,
        expiresIn: 3600,
        tokenType: 'Bearer',
      },
    });
    expect(inputsOf(GetTokensFromRefreshTokenCommand)).toEqual([
      { ClientId: WEB.clientId, ClientSecret: WEB.clientSecret, RefreshToken: REFRESH_TOKEN },
    ]);
    // Tokens in the payload, nowhere else: not in the call log (extensions), not in the log.
    expectNoSecretIn(JSON.stringify(result.extensions), 'the call log');
    expectNoSecretIn(log.text(), 'the log');
  });

  it('for a client without a secret: no ClientSecret; a device key is passed on', async () => {
    scripted.cognito.on(GetTokensFromRefreshTokenCommand).resolves(refreshed);
    const deviceKey = 'eu-west-1_0d0c0b0a-0000-4000-8000-000000000001';
    await anonymous(REFRESH, { input: { clientId: SPA.clientId, refreshToken: REFRESH_TOKEN, deviceKey } });
    expect(inputsOf(GetTokensFromRefreshTokenCommand)).toEqual([
      { ClientId: SPA.clientId, RefreshToken: REFRESH_TOKEN, DeviceKey: deviceKey },
    ]);
  });

  it('refuses an app client the gateway does not serve, and a malformed token, before any call', async () => {
    const unserved = await anonymous(REFRESH, { input: { clientId: '9notserved0000000000000000', refreshToken: REFRESH_TOKEN } });
    expect(unserved.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['FORBIDDEN', 'input.clientId']]);
    const malformed = await anonymous(REFRESH, { input: { clientId: WEB.clientId, refreshToken: 'not a token' } });
    expect(malformed.data!.getTokensFromRefreshToken).toMatchObject({ __typename: 'InvalidInputError', field: 'input.refreshToken' });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('a token whose user is gone is answered as any refused token: NotAuthorizedError, same message', async () => {
    scripted.cognito.on(GetTokensFromRefreshTokenCommand).rejects(exception('UserNotFoundException', 'User does not exist.'));
    const gone = await anonymous(REFRESH, { input: { clientId: WEB.clientId, refreshToken: REFRESH_TOKEN } });
    scripted.cognito.on(GetTokensFromRefreshTokenCommand).rejects(exception('NotAuthorizedException', 'Incorrect username or password.'));
    const refused = await anonymous(REFRESH, { input: { clientId: WEB.clientId, refreshToken: REFRESH_TOKEN } });
    expect(gone.data!.getTokensFromRefreshToken).toEqual(refused.data!.getTokensFromRefreshToken);
    expect(gone.data!.getTokensFromRefreshToken).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
  });

  it.each([
    ['NotAuthorizedException', 'NotAuthorizedError', 'NOT_AUTHORIZED'],
    ['RefreshTokenReuseException', 'RefreshTokenReuseError', 'REFRESH_TOKEN_REUSE'],
    ['InvalidParameterException', 'InvalidParameterError', 'BAD_USER_INPUT'],
    ['OperationNotEnabledException', 'OperationNotEnabledError', 'OPERATION_NOT_ENABLED'],
    ['ResourceNotFoundException', 'ResourceNotFoundError', 'NOT_FOUND'],
    ['InvalidLambdaResponseException', 'InvalidLambdaResponseError', 'INVALID_LAMBDA_RESPONSE'],
    ['UnexpectedLambdaException', 'UnexpectedLambdaError', 'LAMBDA_FAILED'],
    ['UserLambdaValidationException', 'UserLambdaValidationError', 'USER_LAMBDA_VALIDATION'],
  ] as const)('%s → %s (%s)', async (name, typename, code) => {
    scripted.cognito.on(GetTokensFromRefreshTokenCommand).rejects(exception(name));
    const result = await anonymous(REFRESH, { input: { clientId: WEB.clientId, refreshToken: REFRESH_TOKEN } });
    expect(result.data!.getTokensFromRefreshToken).toMatchObject({ __typename: typename, code });
    expectNoSecretIn(JSON.stringify(result), 'the response');
    expectNoSecretIn(log.text(), 'the log');
  });

  it('UserNotFoundException is told apart only when PREVENT_USER_EXISTENCE_ERRORS is off', async () => {
    const telling = scriptedGateway({ appClients: [WEB], issuerBase, preventUserExistenceErrors: false });
    telling.cognito.on(GetTokensFromRefreshTokenCommand).rejects(exception('UserNotFoundException'));
    const result = await postQuery(telling.gateway, REFRESH, { input: { clientId: WEB.clientId, refreshToken: REFRESH_TOKEN } }, {});
    expect(result.data!.getTokensFromRefreshToken).toMatchObject({ __typename: 'UserNotFoundError', code: 'USER_NOT_FOUND' });
  });

  it('is limited per client address, sharing the sign-in flows’ allowance: the call over it is refused before Cognito', async () => {
    const limited = scriptedGateway({ appClients: [WEB], issuerBase, publicFlowRateLimit: 2 });
    limited.cognito.on(GetTokensFromRefreshTokenCommand).resolves(refreshed);
    limited.cognito.on(RevokeTokenCommand).resolves({});
    const refresh = () => postQuery(limited.gateway, REFRESH, { input: { clientId: WEB.clientId, refreshToken: REFRESH_TOKEN } }, {});
    expect((await refresh()).errors).toBeUndefined();
    const revoke = await postQuery(
      limited.gateway,
      'mutation ($input: RevokeTokenInput!) { revokeToken(input: $input) { __typename } }',
      { input: { clientId: WEB.clientId, refreshToken: REFRESH_TOKEN } },
      {},
    );
    expect(revoke.errors).toBeUndefined();
    const third = await refresh();
    expect(third.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    expect(limited.cognito.calls()).toHaveLength(2);
  });
});

describe('revokeToken: public, the gateway adds the client secret', () => {
  const REVOKE = `mutation ($input: RevokeTokenInput!) {
    revokeToken(input: $input) { __typename ... on RevokeTokenPayload { revoked } ... on CognitoError { code } }
  }`;

  it('sends the token, the client and its secret, and linked sessions when asked', async () => {
    scripted.cognito.on(RevokeTokenCommand).resolves({});
    const result = await anonymous(REVOKE, {
      input: { clientId: WEB.clientId, refreshToken: REFRESH_TOKEN, revokeAssociatedSessions: 'LINKED' },
    });
    expect(result.data!.revokeToken).toEqual({ __typename: 'RevokeTokenPayload', revoked: true });
    await anonymous(REVOKE, { input: { clientId: SPA.clientId, refreshToken: REFRESH_TOKEN } });
    expect(inputsOf(RevokeTokenCommand)).toEqual([
      { ClientId: WEB.clientId, ClientSecret: WEB.clientSecret, Token: REFRESH_TOKEN, RevokeAssociatedSessions: 'LINKED' },
      { ClientId: SPA.clientId, Token: REFRESH_TOKEN },
    ]);
    expectNoSecretIn(JSON.stringify(result), 'the response');
    expectNoSecretIn(log.text(), 'the log');
  });

  it.each([
    ['UnauthorizedException', 'UnauthorizedError', 'NOT_AUTHORIZED'],
    ['UnsupportedOperationException', 'UnsupportedOperationError', 'UNSUPPORTED_OPERATION'],
    ['UnsupportedTokenTypeException', 'UnsupportedTokenTypeError', 'UNSUPPORTED_TOKEN_TYPE'],
    ['InvalidParameterException', 'InvalidParameterError', 'BAD_USER_INPUT'],
    ['OperationNotEnabledException', 'OperationNotEnabledError', 'OPERATION_NOT_ENABLED'],
  ] as const)('%s → %s (%s)', async (name, typename, code) => {
    scripted.cognito.on(RevokeTokenCommand).rejects(exception(name));
    const result = await anonymous(REVOKE, { input: { clientId: WEB.clientId, refreshToken: REFRESH_TOKEN } });
    expect(result.data!.revokeToken).toEqual({ __typename: typename, code });
  });
});

describe('getClientToken: administrators, with the machine client’s secret the gateway holds', () => {
  const CLIENT_TOKEN = `mutation ($input: GetClientTokenInput!) {
    getClientToken(input: $input) {
      __typename
      ... on GetClientTokenPayload { token { accessToken expiresIn tokenType } }
      ... on CognitoError { code }
      ... on InvalidInputError { field }
    }
  }`;
  const issued: GetClientTokenResponse = {
    ClientAuthenticationResult: { AccessToken: MACHINE_TOKEN, ExpiresIn: 3600, TokenType: 'Bearer' },
  };

  it('sends the client id, its secret and the scopes; returns the token to the caller only', async () => {
    scripted.cognito.on(GetClientTokenCommand).resolves(issued);
    const result = await scripted.query(CLIENT_TOKEN, {
      input: { clientId: MACHINE.clientId, scopes: ['solar-system-data/asteroids.add'] },
    });
    expect(result.data!.getClientToken).toEqual({
      __typename: 'GetClientTokenPayload',
      token: { accessToken: MACHINE_TOKEN, expiresIn: 3600, tokenType: 'Bearer' },
    });
    expect(inputsOf(GetClientTokenCommand)).toEqual([
      { ClientId: MACHINE.clientId, Secret: MACHINE.clientSecret, Scopes: ['solar-system-data/asteroids.add'] },
    ]);
    expectNoSecretIn(JSON.stringify(result.extensions), 'the call log');
    expectNoSecretIn(log.text(), 'the log');
  });

  it('a client whose secret the gateway does not hold, or a malformed scope, is refused before any call', async () => {
    const unknown = await scripted.query(CLIENT_TOKEN, { input: { clientId: '9notserved0000000000000000' } });
    expect(unknown.data!.getClientToken).toMatchObject({ __typename: 'InvalidInputError', field: 'input.clientId' });
    const noSecret = await scripted.query(CLIENT_TOKEN, { input: { clientId: SPA.clientId } });
    expect(noSecret.data!.getClientToken).toMatchObject({ __typename: 'InvalidInputError', field: 'input.clientId' });
    const badScope = await scripted.query(CLIENT_TOKEN, { input: { clientId: MACHINE.clientId, scopes: ['ok/scope', 'has space'] } });
    expect(badScope.data!.getClientToken).toMatchObject({ __typename: 'InvalidInputError', field: 'input.scopes[1]' });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('anyone but an administrator is refused before any call', async () => {
    const input = { input: { clientId: MACHINE.clientId } };
    expect((await anonymous(CLIENT_TOKEN, input)).errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect((await asUser(CLIENT_TOKEN, input)).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it.each([
    ['NotAuthorizedException', 'NotAuthorizedError', 'NOT_AUTHORIZED'],
    ['InvalidParameterException', 'InvalidParameterError', 'BAD_USER_INPUT'],
    ['OperationNotEnabledException', 'OperationNotEnabledError', 'OPERATION_NOT_ENABLED'],
    ['ResourceNotFoundException', 'ResourceNotFoundError', 'NOT_FOUND'],
  ] as const)('%s → %s (%s)', async (name, typename, code) => {
    scripted.cognito.on(GetClientTokenCommand).rejects(exception(name));
    const result = await scripted.query(CLIENT_TOKEN, { input: { clientId: MACHINE.clientId } });
    expect(result.data!.getClientToken).toEqual({ __typename: typename, code });
    expectNoSecretIn(log.text(), 'the log');
  });
});
