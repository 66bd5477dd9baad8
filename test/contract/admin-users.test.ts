import { createHmac } from 'node:crypto';
import {
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserSettingsCommand,
  AdminUserGlobalSignOutCommand,
  CodeMismatchException,
  UserNotFoundException,
  type AdminGetUserResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedGateway } from '../support/scripted-cognito';

/**
 * The administrative user writes cognito-local does not implement, over a scripted SDK:
 * AdminResetUserPassword, AdminSetUserSettings, AdminUserGlobalSignOut and
 * AdminRespondToAuthChallenge. Exact inputs, typed errors, and payload users read afresh with
 * AdminGetUser after the write.
 */

const POOL = 'eu-west-1_AdminUsers1';
const USERNAME = 'erin';
const SUB = '5b1e2c3d-0000-4000-8000-00000000e21e';
const SECRET_CLIENT = {
  userPoolId: POOL,
  clientId: '6secretc1ientabcdefghij012',
  clientSecret: '3adminsecret0123456789abcdefghijklmnopqrstuvwxyz9',
};
const PUBLIC_CLIENT = { userPoolId: POOL, clientId: '7pub1icc1ient0nosecret0000' };
const UNSERVED_CLIENT_ID = '8notserved0000000000000000';
const SESSION = 'AYABeC1-session-string-from-cognito-0123456789abcdef';

function adminGetUser(overrides: Partial<AdminGetUserResponse> = {}): AdminGetUserResponse {
  return {
    Username: USERNAME,
    UserAttributes: [
      { Name: 'sub', Value: SUB },
      { Name: 'email', Value: 'erin@example.com' },
      { Name: 'phone_number', Value: '+15555550100' },
    ],
    UserCreateDate: new Date(Date.UTC(2023, 5, 1)),
    UserLastModifiedDate: new Date(Date.UTC(2024, 5, 1)),
    Enabled: true,
    UserStatus: 'CONFIRMED',
    ...overrides,
  };
}

type Scripted = ReturnType<typeof scriptedGateway>;
let scripted: Scripted;

beforeEach(() => {
  scripted = scriptedGateway({ appClients: [SECRET_CLIENT, PUBLIC_CLIENT], issuerBase: 'https://cognito-idp.eu-west-1.amazonaws.com' });
});

function sentCommands(): string[] {
  return scripted.cognito.calls().map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, ''));
}

const target = { userPoolId: POOL, username: USERNAME };
const TARGET_INPUT = { UserPoolId: POOL, Username: USERNAME };
const notFound = () => new UserNotFoundException({ message: 'User does not exist.', $metadata: {} });

function userWrite(field: string, inputType: string, payload: string) {
  return /* GraphQL */ `
    mutation ($input: ${inputType}!) {
      ${field}(input: $input) {
        __typename
        ... on ${payload} { user { username sub status enabled updatedAt mfa { enabled preferred } } }
        ... on InvalidInputError { field reason }
        ... on CognitoError { code message }
      }
    }
  `;
}

const RESET = userWrite('adminResetUserPassword', 'AdminResetUserPasswordInput', 'AdminResetUserPasswordPayload');
const SETTINGS = userWrite('adminSetUserSettings', 'AdminSetUserSettingsInput', 'AdminSetUserSettingsPayload');
const SIGN_OUT = userWrite('adminUserGlobalSignOut', 'AdminUserGlobalSignOutInput', 'AdminUserGlobalSignOutPayload');

describe('adminResetUserPassword', () => {
  it('sends exactly the user, then reads the user afresh for the payload', async () => {
    scripted.cognito.on(AdminResetUserPasswordCommand).resolves({});
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser({ UserStatus: 'RESET_REQUIRED' }));
    const result = await scripted.query(RESET, { input: target });
    expect(result.errors).toBeUndefined();
    expect(result.data!.adminResetUserPassword).toEqual({
      __typename: 'AdminResetUserPasswordPayload',
      user: {
        username: USERNAME,
        sub: SUB,
        status: 'RESET_REQUIRED',
        enabled: true,
        updatedAt: '2024-06-01T00:00:00.000Z',
        mfa: { enabled: [], preferred: null },
      },
    });
    expect(sentCommands()).toEqual(['AdminResetUserPassword', 'AdminGetUser']);
    expect(scripted.cognito.commandCalls(AdminResetUserPasswordCommand)[0]!.args[0].input).toEqual(TARGET_INPUT);
    expect(scripted.cognito.commandCalls(AdminGetUserCommand)[0]!.args[0].input).toEqual(TARGET_INPUT);
  });

  it('UserNotFoundException is a typed UserNotFoundError, and nothing is read after it', async () => {
    scripted.cognito.on(AdminResetUserPasswordCommand).rejects(notFound());
    const result = await scripted.query(RESET, { input: { ...target, username: 'ghost' } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.adminResetUserPassword).toEqual({
      __typename: 'UserNotFoundError',
      code: 'USER_NOT_FOUND',
      message: 'User does not exist.',
    });
    expect(sentCommands()).toEqual(['AdminResetUserPassword']);
    expect(scripted.cognito.commandCalls(AdminResetUserPasswordCommand)[0]!.args[0].input).toEqual({ UserPoolId: POOL, Username: 'ghost' });
  });

  it('a malformed pool id or username is an InvalidInputError naming the field, and nothing is sent', async () => {
    const badPool = await scripted.query(RESET, { input: { ...target, userPoolId: 'no-underscore' } });
    expect(badPool.data!.adminResetUserPassword).toMatchObject({
      __typename: 'InvalidInputError',
      code: 'BAD_USER_INPUT',
      field: 'input.userPoolId',
    });
    const badName = await scripted.query(RESET, { input: { ...target, username: 'two words' } });
    expect(badName.data!.adminResetUserPassword).toMatchObject({ __typename: 'InvalidInputError', field: 'input.username' });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

describe('adminSetUserSettings', () => {
  it('sends the MFA options as MFAOptions, then reads the user afresh', async () => {
    scripted.cognito.on(AdminSetUserSettingsCommand).resolves({});
    scripted.cognito.on(AdminGetUserCommand).resolves(
      adminGetUser({
        MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }],
        PreferredMfaSetting: 'SMS_MFA',
        UserMFASettingList: ['SMS_MFA'],
      }),
    );
    const result = await scripted.query(SETTINGS, {
      input: { ...target, mfaOptions: [{ deliveryMedium: 'SMS', attributeName: 'phone_number' }] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.adminSetUserSettings.__typename).toBe('AdminSetUserSettingsPayload');
    expect(result.data!.adminSetUserSettings.user.mfa).toEqual({ enabled: ['SMS_MFA'], preferred: 'SMS_MFA' });
    expect(sentCommands()).toEqual(['AdminSetUserSettings', 'AdminGetUser']);
    expect(scripted.cognito.commandCalls(AdminSetUserSettingsCommand)[0]!.args[0].input).toEqual({
      ...TARGET_INPUT,
      MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }],
    });
  });

  it('an empty list clears the options: MFAOptions []', async () => {
    scripted.cognito.on(AdminSetUserSettingsCommand).resolves({});
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser());
    const result = await scripted.query(SETTINGS, { input: { ...target, mfaOptions: [] } });
    expect(result.data!.adminSetUserSettings.__typename).toBe('AdminSetUserSettingsPayload');
    expect(scripted.cognito.commandCalls(AdminSetUserSettingsCommand)[0]!.args[0].input).toEqual({ ...TARGET_INPUT, MFAOptions: [] });
  });

  it('a malformed attribute name is an InvalidInputError naming the option, and nothing is sent', async () => {
    const result = await scripted.query(SETTINGS, {
      input: {
        ...target,
        mfaOptions: [
          { deliveryMedium: 'SMS', attributeName: 'phone_number' },
          { deliveryMedium: 'EMAIL', attributeName: 'e mail' },
        ],
      },
    });
    expect(result.data!.adminSetUserSettings).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'input.mfaOptions[1].attributeName',
    });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('UserNotFoundException is a typed UserNotFoundError', async () => {
    scripted.cognito.on(AdminSetUserSettingsCommand).rejects(notFound());
    const result = await scripted.query(SETTINGS, { input: { ...target, mfaOptions: [] } });
    expect(result.data!.adminSetUserSettings).toEqual({
      __typename: 'UserNotFoundError',
      code: 'USER_NOT_FOUND',
      message: 'User does not exist.',
    });
    expect(sentCommands()).toEqual(['AdminSetUserSettings']);
  });
});

describe('adminUserGlobalSignOut', () => {
  it('sends exactly the user, then reads the user afresh', async () => {
    scripted.cognito.on(AdminUserGlobalSignOutCommand).resolves({});
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser());
    const result = await scripted.query(SIGN_OUT, { input: target });
    expect(result.errors).toBeUndefined();
    expect(result.data!.adminUserGlobalSignOut.user).toMatchObject({ username: USERNAME, sub: SUB, status: 'CONFIRMED' });
    expect(sentCommands()).toEqual(['AdminUserGlobalSignOut', 'AdminGetUser']);
    expect(scripted.cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]!.args[0].input).toEqual(TARGET_INPUT);
  });

  it('UserNotFoundException is a typed UserNotFoundError', async () => {
    scripted.cognito.on(AdminUserGlobalSignOutCommand).rejects(notFound());
    const result = await scripted.query(SIGN_OUT, { input: target });
    expect(result.data!.adminUserGlobalSignOut).toEqual({
      __typename: 'UserNotFoundError',
      code: 'USER_NOT_FOUND',
      message: 'User does not exist.',
    });
    expect(sentCommands()).toEqual(['AdminUserGlobalSignOut']);
  });
});

describe('payload users are read afresh after each write, never from what the request loaded before it', () => {
  it('two writes on the same user in one request: each payload reads the user after its own write', async () => {
    scripted.cognito.on(AdminResetUserPasswordCommand).resolves({});
    scripted.cognito.on(AdminUserGlobalSignOutCommand).resolves({});
    scripted.cognito
      .on(AdminGetUserCommand)
      .resolvesOnce(adminGetUser({ UserStatus: 'RESET_REQUIRED', Enabled: true }))
      .resolvesOnce(adminGetUser({ UserStatus: 'RESET_REQUIRED', Enabled: false }));
    const result = await scripted.query(
      `mutation ($input: AdminResetUserPasswordInput!, $same: AdminUserGlobalSignOutInput!) {
        reset: adminResetUserPassword(input: $input) { ... on AdminResetUserPasswordPayload { user { status enabled } } }
        signOut: adminUserGlobalSignOut(input: $same) { ... on AdminUserGlobalSignOutPayload { user { status enabled } } }
      }`,
      { input: target, same: target },
    );
    expect(result.errors).toBeUndefined();
    // Had the second payload been served from what the first one loaded, it would say enabled: true.
    expect(result.data!.reset.user).toEqual({ status: 'RESET_REQUIRED', enabled: true });
    expect(result.data!.signOut.user).toEqual({ status: 'RESET_REQUIRED', enabled: false });
    expect(sentCommands()).toEqual(['AdminResetUserPassword', 'AdminGetUser', 'AdminUserGlobalSignOut', 'AdminGetUser']);
  });
});

// ---------------------------------------------------------------------------------------------
// AdminRespondToAuthChallenge
// ---------------------------------------------------------------------------------------------

const RESPOND = /* GraphQL */ `
  mutation ($input: AdminRespondToAuthChallengeInput!) {
    adminRespondToAuthChallenge(input: $input) {
      __typename
      ... on AdminRespondToAuthChallengePayload {
        tokens {
          accessToken
          idToken
          refreshToken
          expiresIn
          tokenType
        }
        challenge {
          name
          session
          parameters {
            name
            value
          }
        }
      }
      ... on InvalidInputError {
        field
        reason
      }
      ... on CognitoError {
        code
        message
      }
    }
  }
`;

const authenticationResult = {
  AccessToken: 'eyJraWQiOiJhIn0.eyJ0b2tlbl91c2UiOiJhY2Nlc3MifQ.c2ln',
  IdToken: 'eyJraWQiOiJhIn0.eyJ0b2tlbl91c2UiOiJpZCJ9.c2ln',
  RefreshToken: 'eyJjdHkiOiJKV1QifQ.refresh.opaque',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};

/** Base64(HMAC-SHA256(key = client secret, message = username + clientId)), as AWS documents it. */
const secretHash = (username: string) =>
  createHmac('sha256', SECRET_CLIENT.clientSecret)
    .update(username + SECRET_CLIENT.clientId, 'utf8')
    .digest('base64');

const newPasswordInput = (clientId: string) => ({
  userPoolId: POOL,
  clientId,
  username: USERNAME,
  challengeName: 'NEW_PASSWORD_REQUIRED',
  session: SESSION,
  newPassword: 'N3w-Passw0rd!',
});

const respondInputs = () => scripted.cognito.commandCalls(AdminRespondToAuthChallengeCommand).map((call) => call.args[0].input);

describe('adminRespondToAuthChallenge: NEW_PASSWORD_REQUIRED', () => {
  it('with a client whose secret the gateway holds: USERNAME, NEW_PASSWORD and SECRET_HASH', async () => {
    scripted.cognito
      .on(AdminRespondToAuthChallengeCommand)
      .resolves({ ChallengeParameters: {}, AuthenticationResult: authenticationResult });
    const result = await scripted.query(RESPOND, { input: newPasswordInput(SECRET_CLIENT.clientId) });
    expect(result.errors).toBeUndefined();
    expect(result.data!.adminRespondToAuthChallenge).toEqual({
      __typename: 'AdminRespondToAuthChallengePayload',
      tokens: {
        accessToken: authenticationResult.AccessToken,
        idToken: authenticationResult.IdToken,
        refreshToken: authenticationResult.RefreshToken,
        expiresIn: 3600,
        tokenType: 'Bearer',
      },
      challenge: null,
    });
    expect(sentCommands()).toEqual(['AdminRespondToAuthChallenge']);
    expect(respondInputs()).toEqual([
      {
        UserPoolId: POOL,
        ClientId: SECRET_CLIENT.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: SESSION,
        ChallengeResponses: { USERNAME, NEW_PASSWORD: 'N3w-Passw0rd!', SECRET_HASH: secretHash(USERNAME) },
      },
    ]);
  });

  it('with a client without a secret, or one the gateway does not serve: no SECRET_HASH', async () => {
    scripted.cognito
      .on(AdminRespondToAuthChallengeCommand)
      .resolves({ ChallengeParameters: {}, AuthenticationResult: authenticationResult });
    await scripted.query(RESPOND, { input: newPasswordInput(PUBLIC_CLIENT.clientId) });
    await scripted.query(RESPOND, { input: newPasswordInput(UNSERVED_CLIENT_ID) });
    expect(respondInputs().map((input) => [input.ClientId, input.ChallengeResponses])).toEqual([
      [PUBLIC_CLIENT.clientId, { USERNAME, NEW_PASSWORD: 'N3w-Passw0rd!' }],
      [UNSERVED_CLIENT_ID, { USERNAME, NEW_PASSWORD: 'N3w-Passw0rd!' }],
    ]);
  });

  it('required attributes go along as userAttributes.<name>; a next challenge comes back as such', async () => {
    scripted.cognito.on(AdminRespondToAuthChallengeCommand).resolves({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'AYABeC2-next-session-0123456789abcdef',
      ChallengeParameters: { USER_ID_FOR_SRP: USERNAME },
    });
    const result = await scripted.query(RESPOND, {
      input: {
        ...newPasswordInput(SECRET_CLIENT.clientId),
        attributes: [
          { name: 'given_name', value: 'Erin' },
          { name: 'family_name', value: 'Doe' },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.adminRespondToAuthChallenge).toEqual({
      __typename: 'AdminRespondToAuthChallengePayload',
      tokens: null,
      challenge: {
        name: 'SOFTWARE_TOKEN_MFA',
        session: 'AYABeC2-next-session-0123456789abcdef',
        parameters: [{ name: 'USER_ID_FOR_SRP', value: USERNAME }],
      },
    });
    expect(respondInputs()[0]!.ChallengeResponses).toEqual({
      USERNAME,
      NEW_PASSWORD: 'N3w-Passw0rd!',
      'userAttributes.given_name': 'Erin',
      'userAttributes.family_name': 'Doe',
      SECRET_HASH: secretHash(USERNAME),
    });
  });

  it('UserNotFoundException is a typed UserNotFoundError; CodeMismatchException a CodeMismatchError', async () => {
    scripted.cognito
      .on(AdminRespondToAuthChallengeCommand)
      .rejectsOnce(notFound())
      .rejectsOnce(new CodeMismatchException({ message: 'Invalid code received for user', $metadata: {} }));
    const missing = await scripted.query(RESPOND, { input: newPasswordInput(SECRET_CLIENT.clientId) });
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.adminRespondToAuthChallenge).toEqual({
      __typename: 'UserNotFoundError',
      code: 'USER_NOT_FOUND',
      message: 'User does not exist.',
    });
    const mismatch = await scripted.query(RESPOND, {
      input: { ...newPasswordInput(SECRET_CLIENT.clientId), challengeName: 'SOFTWARE_TOKEN_MFA', newPassword: null, code: '123456' },
    });
    expect(mismatch.data!.adminRespondToAuthChallenge).toEqual({
      __typename: 'CodeMismatchError',
      code: 'CODE_MISMATCH',
      message: 'Invalid code received for user',
    });
    expect(respondInputs()[1]!.ChallengeResponses).toEqual({
      USERNAME,
      SOFTWARE_TOKEN_MFA_CODE: '123456',
      SECRET_HASH: secretHash(USERNAME),
    });
  });

  it('a missing new password or a short session is an InvalidInputError naming the field, and nothing is sent', async () => {
    const noPassword = await scripted.query(RESPOND, { input: { ...newPasswordInput(SECRET_CLIENT.clientId), newPassword: null } });
    expect(noPassword.data!.adminRespondToAuthChallenge).toMatchObject({ __typename: 'InvalidInputError', field: 'input.newPassword' });
    const shortSession = await scripted.query(RESPOND, { input: { ...newPasswordInput(SECRET_CLIENT.clientId), session: 'short' } });
    expect(shortSession.data!.adminRespondToAuthChallenge).toMatchObject({ __typename: 'InvalidInputError', field: 'input.session' });
    const badClient = await scripted.query(RESPOND, { input: { ...newPasswordInput('not-a-client!'), session: SESSION } });
    expect(badClient.data!.adminRespondToAuthChallenge).toMatchObject({ __typename: 'InvalidInputError', field: 'input.clientId' });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});
