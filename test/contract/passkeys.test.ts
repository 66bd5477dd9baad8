import {
  AdminGetUserAuthFactorsCommand,
  AdminGetUserCommand,
  CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredentialCommand,
  GetUserAuthFactorsCommand,
  GetUserCommand,
  ListWebAuthnCredentialsCommand,
  StartWebAuthnRegistrationCommand,
  type AdminGetUserAuthFactorsResponse,
  type AdminGetUserResponse,
  type GetUserAuthFactorsResponse,
  type GetUserResponse,
  type StartWebAuthnRegistrationResponse,
  type WebAuthnCredentialDescription,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearer, postQuery } from '../support/gateway';
import { pagedList } from '../support/scripted-call';
import { capturingLogger } from '../support/capturing-logger';
import { scriptedGateway } from '../support/scripted-cognito';
import { accessClaims, mintJwt, type SigningKey } from '../support/tokens';
import { serveTrustedKey, type TrustedKey } from '../support/trusted-key';

/**
 * Passkeys and auth factors over a scripted SDK: cognito-local 5.3.0 implements none of
 * StartWebAuthnRegistration, CompleteWebAuthnRegistration, ListWebAuthnCredentials,
 * DeleteWebAuthnCredential, GetUserAuthFactors and AdminGetUserAuthFactors. Scripted answers are
 * typed with the SDK's own output types; every call's exact input is asserted, the signed-in
 * user's with its own access token.
 */

const POOL = 'eu-west-1_Passkeys1';
const USERNAME = 'pat';
const SUB = '7f3c1a2e-0000-4000-8000-00000000b6b6';
const WEB = { userPoolId: POOL, clientId: 'pa55keywebc1ient000000000' };

const adminGetUser: AdminGetUserResponse = {
  Username: USERNAME,
  UserAttributes: [{ Name: 'sub', Value: SUB }],
  UserCreateDate: new Date(Date.UTC(2025, 0, 1)),
  UserLastModifiedDate: new Date(Date.UTC(2025, 0, 2)),
  Enabled: true,
  UserStatus: 'CONFIRMED',
};
const getUser: GetUserResponse = { Username: USERNAME, UserAttributes: [{ Name: 'sub', Value: SUB }] };

/** A WebAuthnCredentialDescription as the SDK deserializes it. */
function scriptedPasskey(i: number): WebAuthnCredentialDescription {
  return {
    CredentialId: `cred-${i}_AbC`,
    FriendlyCredentialName: `Passkey ${i}`,
    RelyingPartyId: 'auth.example.com',
    ...(i % 2 === 0 ? { AuthenticatorAttachment: 'platform' } : {}),
    AuthenticatorTransports: i % 2 === 0 ? ['internal', 'hybrid'] : ['usb', 'nfc'],
    CreatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  };
}

function expectedPasskey(i: number) {
  return {
    credentialId: `cred-${i}_AbC`,
    friendlyName: `Passkey ${i}`,
    relyingPartyId: 'auth.example.com',
    authenticatorAttachment: i % 2 === 0 ? 'platform' : null,
    transports: i % 2 === 0 ? ['internal', 'hybrid'] : ['usb', 'nfc'],
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  };
}

const PASSKEY_FIELDS = 'credentialId friendlyName relyingPartyId authenticatorAttachment transports createdAt';

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
  trusted = await serveTrustedKey(POOL, 'passkeys-test-key');
  ({ issuerBase, signingKey } = trusted);
});

afterAll(() => trusted.close());

type Scripted = ReturnType<typeof scriptedGateway>;
let scripted: Scripted;
let log: ReturnType<typeof capturingLogger>;

beforeEach(() => {
  log = capturingLogger();
  scripted = scriptedGateway({ appClients: [WEB], issuerBase, logger: log });
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

const ERROR_FIELDS = '... on CognitoError { code } ... on InvalidInputError { field }';

describe('viewer.passkeys: ListWebAuthnCredentials with the caller’s own token, MaxResults at most 20', () => {
  const PASSKEYS = `query ($first: Int, $after: String) {
    viewer { passkeys(first: $first, after: $after) { edges { node { ${PASSKEY_FIELDS} } } pageInfo { hasNextPage endCursor } } }
  }`;

  beforeEach(() => {
    scripted.cognito.on(GetUserCommand).resolves(getUser);
  });

  it('reads every passkey across pages with the caller’s token, every field mapped', async () => {
    scripted.cognito
      .on(ListWebAuthnCredentialsCommand)
      .callsFake(
        pagedList('ListWebAuthnCredentials', [
          { items: [0, 1].map(scriptedPasskey), next: 'P1' },
          { items: [], next: 'P2' },
          { items: [2].map(scriptedPasskey) },
        ]),
      );
    const token = userToken();
    const result = await postQuery(scripted.gateway, PASSKEYS, { first: 20 }, bearer(token));
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.viewer.passkeys.edges.map((edge: { node: unknown }) => edge.node)).toEqual([0, 1, 2].map(expectedPasskey));
    expect(result.data!.viewer.passkeys.pageInfo.hasNextPage).toBe(false);
    expect(inputsOf(ListWebAuthnCredentialsCommand)).toEqual([
      { AccessToken: token, MaxResults: 20 },
      { AccessToken: token, MaxResults: 20, NextToken: 'P1' },
      { AccessToken: token, MaxResults: 20, NextToken: 'P2' },
    ]);
    expect(JSON.stringify(result.extensions)).not.toContain(token);
    expect(log.text()).not.toContain(token);
  });

  it('stops inside a page (always asking the most, 20) and resumes after its cursor: the rest of that page, then the next', async () => {
    scripted.cognito
      .on(ListWebAuthnCredentialsCommand)
      .callsFake(
        pagedList('ListWebAuthnCredentials', [{ items: [0, 1, 2].map(scriptedPasskey), next: 'P1' }, { items: [3].map(scriptedPasskey) }]),
      );
    const ids = (answer: { data?: Record<string, any> | null }) =>
      answer.data!.viewer.passkeys.edges.map((e: { node: { credentialId: string } }) => e.node.credentialId);
    const token = userToken();
    const first = await postQuery(scripted.gateway, PASSKEYS, { first: 2 }, bearer(token));
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    expect(ids(first)).toEqual(['cred-0_AbC', 'cred-1_AbC']);
    expect(first.data!.viewer.passkeys.pageInfo.hasNextPage).toBe(true);
    const next = await postQuery(
      scripted.gateway,
      PASSKEYS,
      { first: 2, after: first.data!.viewer.passkeys.pageInfo.endCursor },
      bearer(token),
    );
    expect(next.errors, JSON.stringify(next.errors)).toBeUndefined();
    expect(ids(next)).toEqual(['cred-2_AbC', 'cred-3_AbC']);
    expect(inputsOf(ListWebAuthnCredentialsCommand)).toEqual([
      { AccessToken: token, MaxResults: 20 },
      { AccessToken: token, MaxResults: 20 },
      { AccessToken: token, MaxResults: 20, NextToken: 'P1' },
    ]);
  });

  it.each([
    ['NotAuthorizedException', 'NOT_AUTHORIZED'],
    ['PasswordResetRequiredException', 'PASSWORD_RESET_REQUIRED'],
    ['InvalidParameterException', 'BAD_USER_INPUT'],
    ['LimitExceededException', 'LIMIT_EXCEEDED'],
    ['OperationNotEnabledException', 'OPERATION_NOT_ENABLED'],
    ['ForbiddenException', 'FORBIDDEN'],
  ])('%s → %s at the field', async (name, code) => {
    scripted.cognito.on(ListWebAuthnCredentialsCommand).rejects(exception(name));
    const result = await asUser(PASSKEYS, { first: 5 });
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['viewer', 'passkeys'], code]]);
  });
});

describe('authFactors: GetUserAuthFactors for the signed-in user, AdminGetUserAuthFactors for administrators', () => {
  const FACTORS = 'preferredMfa mfaMethods configuredFactors';
  const VIEWER = `{ viewer { authFactors { ${FACTORS} } } }`;
  const USER = `{ user(userPoolId: "${POOL}", username: "${USERNAME}") { authFactors { ${FACTORS} } } }`;
  const own: GetUserAuthFactorsResponse = {
    Username: USERNAME,
    PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    UserMFASettingList: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
    ConfiguredUserAuthFactors: ['PASSWORD', 'WEB_AUTHN'],
  };
  const bare: AdminGetUserAuthFactorsResponse = { Username: USERNAME };

  it('the signed-in user reads its own with its token; optional members absent read as null and empty lists', async () => {
    scripted.cognito.on(GetUserCommand).resolves(getUser);
    scripted.cognito.on(GetUserAuthFactorsCommand).resolves(own);
    const token = userToken();
    const result = await postQuery(scripted.gateway, VIEWER, {}, bearer(token));
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.viewer.authFactors).toEqual({
      preferredMfa: 'SOFTWARE_TOKEN_MFA',
      mfaMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
      configuredFactors: ['PASSWORD', 'WEB_AUTHN'],
    });
    expect(inputsOf(GetUserAuthFactorsCommand)).toEqual([{ AccessToken: token }]);
  });

  it('an administrator reads a user’s with exactly UserPoolId and Username', async () => {
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser);
    scripted.cognito.on(AdminGetUserAuthFactorsCommand).resolves(bare);
    const result = await scripted.query(USER);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.user.authFactors).toEqual({ preferredMfa: null, mfaMethods: [], configuredFactors: [] });
    expect(inputsOf(AdminGetUserAuthFactorsCommand)).toEqual([{ UserPoolId: POOL, Username: USERNAME }]);
  });

  it('an answer without Username is COGNITO_BAD_RESPONSE', async () => {
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser);
    scripted.cognito.on(AdminGetUserAuthFactorsCommand).resolves({} as AdminGetUserAuthFactorsResponse);
    const result = await scripted.query(USER);
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['user', 'authFactors'], 'COGNITO_BAD_RESPONSE'],
    ]);
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
  ])('viewer: %s → %s at the field', async (name, code) => {
    scripted.cognito.on(GetUserCommand).resolves(getUser);
    scripted.cognito.on(GetUserAuthFactorsCommand).rejects(exception(name));
    const result = await asUser(VIEWER);
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['viewer', 'authFactors'], code]]);
  });

  it.each([
    ['NotAuthorizedException', 'NOT_AUTHORIZED'],
    ['UserNotFoundException', 'USER_NOT_FOUND'],
    ['ResourceNotFoundException', 'NOT_FOUND'],
    ['InvalidParameterException', 'BAD_USER_INPUT'],
    ['OperationNotEnabledException', 'OPERATION_NOT_ENABLED'],
  ])('user: %s → %s at the field', async (name, code) => {
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser);
    scripted.cognito.on(AdminGetUserAuthFactorsCommand).rejects(exception(name));
    const result = await scripted.query(USER);
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['user', 'authFactors'], code]]);
  });

  it('a signed-in user cannot read another user’s (User.authFactors is for administrators): refused before any call', async () => {
    const result = await asUser(USER);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(scripted.cognito.commandCalls(AdminGetUserAuthFactorsCommand)).toHaveLength(0);
  });
});

describe('registering and deleting a passkey', () => {
  const START = `mutation { startWebAuthnRegistration(input: {}) {
    __typename ... on StartWebAuthnRegistrationPayload { credentialCreationOptions viewer { username } } ${ERROR_FIELDS} } }`;
  const COMPLETE = `mutation ($input: CompleteWebAuthnRegistrationInput!) { completeWebAuthnRegistration(input: $input) {
    __typename ... on CompleteWebAuthnRegistrationPayload { registered viewer { username } } ${ERROR_FIELDS} } }`;
  const DELETE = `mutation ($input: DeleteWebAuthnCredentialInput!) { deleteWebAuthnCredential(input: $input) {
    __typename ... on DeleteWebAuthnCredentialPayload { deletedCredentialId viewer { username } } ${ERROR_FIELDS} } }`;
  const options = {
    challenge: 'Y2hhbGxlbmdl',
    rp: { id: 'auth.example.com', name: 'Example' },
    user: { id: 'dXNlcg', name: USERNAME, displayName: USERNAME },
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    excludeCredentials: [],
  };
  const started: StartWebAuthnRegistrationResponse = { CredentialCreationOptions: options };
  const credential = {
    id: 'bmV3LWNyZWQ',
    rawId: 'bmV3LWNyZWQ',
    type: 'public-key',
    response: { clientDataJSON: 'e30', attestationObject: 'o2Nm', transports: ['internal'] },
    clientExtensionResults: {},
    authenticatorAttachment: 'platform',
  };

  beforeEach(() => {
    scripted.cognito.on(GetUserCommand).resolves(getUser);
  });

  it('start returns Cognito’s creation options as a JSON object, with the caller’s token sent; the viewer comes back', async () => {
    scripted.cognito.on(StartWebAuthnRegistrationCommand).resolves(started);
    const token = userToken();
    const result = await postQuery(scripted.gateway, START, {}, bearer(token));
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.startWebAuthnRegistration).toEqual({
      __typename: 'StartWebAuthnRegistrationPayload',
      credentialCreationOptions: options,
      viewer: { username: USERNAME },
    });
    expect(inputsOf(StartWebAuthnRegistrationCommand)).toEqual([{ AccessToken: token }]);
  });

  it('start: options that are not a JSON object are COGNITO_BAD_RESPONSE', async () => {
    scripted.cognito.on(StartWebAuthnRegistrationCommand).resolves({ CredentialCreationOptions: ['not', 'options'] });
    const result = await asUser(START);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['COGNITO_BAD_RESPONSE']);
  });

  it('complete sends the browser’s credential as given, with the caller’s token', async () => {
    scripted.cognito.on(CompleteWebAuthnRegistrationCommand).resolves({});
    const token = userToken();
    const result = await postQuery(scripted.gateway, COMPLETE, { input: { credential } }, bearer(token));
    expect(result.data!.completeWebAuthnRegistration).toEqual({
      __typename: 'CompleteWebAuthnRegistrationPayload',
      registered: true,
      viewer: { username: USERNAME },
    });
    expect(inputsOf(CompleteWebAuthnRegistrationCommand)).toEqual([{ AccessToken: token, Credential: credential }]);
  });

  it.each([
    [{ ...credential, id: '' }, 'input.credential.id'],
    [{ ...credential, type: 'password' }, 'input.credential.type'],
    [{ ...credential, response: 'e30' }, 'input.credential.response'],
  ])('complete: a credential that is not the browser’s (%j) is refused, naming %s, before any call', async (bad, field) => {
    const result = await asUser(COMPLETE, { input: { credential: bad } });
    expect(result.data!.completeWebAuthnRegistration).toEqual({ __typename: 'InvalidInputError', code: 'BAD_USER_INPUT', field });
    expect(scripted.cognito.commandCalls(CompleteWebAuthnRegistrationCommand)).toHaveLength(0);
  });

  it('complete: a credential that is not a JSON object is refused by its variable’s type, before any call', async () => {
    const result = await asUser(COMPLETE, { input: { credential: '{"id":"x"}' } });
    expect(result.errors?.[0]?.message).toMatch(/credential/);
    expect(scripted.cognito.commandCalls(CompleteWebAuthnRegistrationCommand)).toHaveLength(0);
  });

  it('delete sends exactly the credential id with the caller’s token', async () => {
    scripted.cognito.on(DeleteWebAuthnCredentialCommand).resolves({});
    const token = userToken();
    const result = await postQuery(scripted.gateway, DELETE, { input: { credentialId: 'cred-1_AbC' } }, bearer(token));
    expect(result.data!.deleteWebAuthnCredential).toEqual({
      __typename: 'DeleteWebAuthnCredentialPayload',
      deletedCredentialId: 'cred-1_AbC',
      viewer: { username: USERNAME },
    });
    expect(inputsOf(DeleteWebAuthnCredentialCommand)).toEqual([{ AccessToken: token, CredentialId: 'cred-1_AbC' }]);
  });

  it.each(['', 'not base64url!'])('delete: credential id %j is refused before any call', async (credentialId) => {
    const result = await asUser(DELETE, { input: { credentialId } });
    expect(result.data!.deleteWebAuthnCredential).toEqual({
      __typename: 'InvalidInputError',
      code: 'BAD_USER_INPUT',
      field: 'input.credentialId',
    });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  const shared = [
    ['InvalidParameterException', 'InvalidParameterError', 'BAD_USER_INPUT'],
    ['LimitExceededException', 'LimitExceededError', 'LIMIT_EXCEEDED'],
    ['NotAuthorizedException', 'NotAuthorizedError', 'NOT_AUTHORIZED'],
    ['OperationNotEnabledException', 'OperationNotEnabledError', 'OPERATION_NOT_ENABLED'],
    ['PasswordResetRequiredException', 'PasswordResetRequiredError', 'PASSWORD_RESET_REQUIRED'],
  ] as const;

  it.each([
    ...shared,
    ['WebAuthnConfigurationMissingException', 'WebAuthnConfigurationMissingError', 'WEB_AUTHN_CONFIGURATION_MISSING'],
    ['WebAuthnNotEnabledException', 'WebAuthnNotEnabledError', 'WEB_AUTHN_NOT_ENABLED'],
  ] as const)('startWebAuthnRegistration: %s → %s (%s)', async (name, typename, code) => {
    scripted.cognito.on(StartWebAuthnRegistrationCommand).rejects(exception(name));
    const result = await asUser(START);
    expect(result.data!.startWebAuthnRegistration).toEqual({ __typename: typename, code });
  });

  it.each([
    ...shared,
    ['WebAuthnChallengeNotFoundException', 'WebAuthnChallengeNotFoundError', 'WEB_AUTHN_CHALLENGE_NOT_FOUND'],
    ['WebAuthnClientMismatchException', 'WebAuthnClientMismatchError', 'WEB_AUTHN_CLIENT_MISMATCH'],
    ['WebAuthnCredentialNotSupportedException', 'WebAuthnCredentialNotSupportedError', 'WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED'],
    ['WebAuthnNotEnabledException', 'WebAuthnNotEnabledError', 'WEB_AUTHN_NOT_ENABLED'],
    ['WebAuthnOriginNotAllowedException', 'WebAuthnOriginNotAllowedError', 'WEB_AUTHN_ORIGIN_NOT_ALLOWED'],
    ['WebAuthnRelyingPartyMismatchException', 'WebAuthnRelyingPartyMismatchError', 'WEB_AUTHN_RELYING_PARTY_MISMATCH'],
  ] as const)('completeWebAuthnRegistration: %s → %s (%s)', async (name, typename, code) => {
    scripted.cognito.on(CompleteWebAuthnRegistrationCommand).rejects(exception(name));
    const result = await asUser(COMPLETE, { input: { credential } });
    expect(result.data!.completeWebAuthnRegistration).toEqual({ __typename: typename, code });
  });

  it.each([...shared, ['ResourceNotFoundException', 'ResourceNotFoundError', 'NOT_FOUND']] as const)(
    'deleteWebAuthnCredential: %s → %s (%s)',
    async (name, typename, code) => {
      scripted.cognito.on(DeleteWebAuthnCredentialCommand).rejects(exception(name));
      const result = await asUser(DELETE, { input: { credentialId: 'cred-1_AbC' } });
      expect(result.data!.deleteWebAuthnCredential).toEqual({ __typename: typename, code });
    },
  );

  it('ForbiddenException (WAF) on any of them → FORBIDDEN as a GraphQL error', async () => {
    for (const command of [StartWebAuthnRegistrationCommand, CompleteWebAuthnRegistrationCommand, DeleteWebAuthnCredentialCommand]) {
      scripted.cognito.on(command as never).rejects(exception('ForbiddenException'));
    }
    const answers = [
      await asUser(START),
      await asUser(COMPLETE, { input: { credential } }),
      await asUser(DELETE, { input: { credentialId: 'cred-1_AbC' } }),
    ];
    expect(answers.map((answer) => answer.errors?.map((e) => e.extensions?.code))).toEqual([['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN']]);
  });

  it('anonymous callers are refused before any call', async () => {
    const result = await anonymous(START);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});
