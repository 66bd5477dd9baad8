import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import {
  AdminDeleteSoftwareTokenCommand,
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
  GetUserPoolMfaConfigCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
  type AdminGetUserResponse,
  type AssociateSoftwareTokenResponse,
  type GetUserPoolMfaConfigResponse,
  type SetUserPoolMfaConfigResponse,
  type VerifySoftwareTokenResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/cognito/redaction';
import { postQuery, TEST_SERVICE_KEY } from '../support/gateway';
import { scriptedGateway, sdkException } from '../support/scripted-cognito';

/**
 * MFA over a scripted SDK, for what cognito-local cannot do: AdminSetUserMFAPreference and
 * AdminDeleteSoftwareToken (not implemented there), the sign-in (session) path of the software
 * token set-up, the email and passkey parts of a pool's MFA configuration, and every documented
 * exception of each operation (from the SDK's command docs). Answers are typed with the SDK's
 * output types; every request is checked as sent.
 */

const POOL = 'eu-west-1_Mfa000001';
const USERNAME = 'dana';
const CLIENT_ID = 'mfacl1ent00000000000000000';
const SESSION = 'AYABeMfaSetUpSession-0123456789abcdef';

const scripted = scriptedGateway({
  appClients: [{ userPoolId: POOL, clientId: CLIENT_ID }],
  // Never fetched: the tests here send no access token.
  issuerBase: 'http://127.0.0.1:9/unused',
  // The public path is called many times here from one address.
  publicFlowRateLimit: 1000,
  publicFlowRateLimitPerUsername: 1000,
});
const { cognito, query } = scripted;

beforeEach(() => {
  cognito.reset();
});

const user: AdminGetUserResponse = {
  Username: USERNAME,
  UserAttributes: [{ Name: 'sub', Value: '7f3c1a2e-0000-4000-8000-00000000d0d0' }],
  Enabled: true,
  UserStatus: 'CONFIRMED',
  PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
  UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
};

const ERROR = '__typename ... on CognitoError { code } ... on InvalidInputError { field reason }';

/** What each documented exception becomes: a typed result (its type name), or a GraphQL error (its code). */
type Outcome = { typed: string } | { error: string };

const common: Record<string, Outcome> = {
  InternalErrorException: { error: 'COGNITO_UNAVAILABLE' },
  InvalidParameterException: { typed: 'InvalidParameterError' },
  NotAuthorizedException: { typed: 'NotAuthorizedError' },
  ResourceNotFoundException: { typed: 'ResourceNotFoundError' },
};

async function outcomeOf(document: string, variables: Record<string, unknown>, headers?: Record<string, string>): Promise<Outcome> {
  const answer = headers ? await postQuery(scripted.gateway, document, variables, headers) : await query(document, variables);
  if (answer.errors?.length) return { error: String(answer.errors[0]!.extensions?.code) };
  const [field] = Object.values(answer.data ?? {}) as { __typename: string }[];
  return { typed: field!.__typename };
}

// ---------------------------------------------------------------------------------------------

const PREFERENCE = `mutation ($input: AdminSetUserMFAPreferenceInput!) { adminSetUserMFAPreference(input: $input) { ${ERROR} ... on AdminSetUserMFAPreferencePayload { user { username mfa { preferred enabled } } } } }`;

describe('adminSetUserMFAPreference (AdminSetUserMFAPreference)', () => {
  it('sends each method’s settings as given, and answers with the user read afresh', async () => {
    cognito.on(AdminSetUserMFAPreferenceCommand).resolves({});
    cognito.on(AdminGetUserCommand).resolves(user);
    const answer = await query(PREFERENCE, {
      input: {
        userPoolId: POOL,
        username: USERNAME,
        softwareToken: { enabled: true, preferred: true },
        sms: { enabled: false },
        webAuthn: { enabled: true },
      },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.adminSetUserMFAPreference).toEqual({
      __typename: 'AdminSetUserMFAPreferencePayload',
      user: { username: USERNAME, mfa: { preferred: 'SOFTWARE_TOKEN_MFA', enabled: ['SOFTWARE_TOKEN_MFA'] } },
    });
    expect(cognito.commandCalls(AdminSetUserMFAPreferenceCommand).map((call) => call.args[0].input)).toEqual([
      {
        UserPoolId: POOL,
        Username: USERNAME,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        SMSMfaSettings: { Enabled: false },
        WebAuthnMfaSettings: { Enabled: true },
      },
    ]);
    expect(cognito.commandCalls(AdminGetUserCommand)).toHaveLength(1);
  });

  it('two preferred methods are bad input, before any call', async () => {
    const answer = await query(PREFERENCE, {
      input: { userPoolId: POOL, username: USERNAME, sms: { preferred: true }, email: { preferred: true } },
    });
    expect(answer.data?.adminSetUserMFAPreference).toMatchObject({ __typename: 'InvalidInputError', field: 'input.email.preferred' });
    expect(cognito.calls()).toHaveLength(0);
  });

  const documented: Record<string, Outcome> = {
    ...common,
    OperationNotEnabledException: { typed: 'OperationNotEnabledError' },
    PasswordResetRequiredException: { typed: 'PasswordResetRequiredError' },
    UserNotConfirmedException: { typed: 'UserNotConfirmedError' },
    UserNotFoundException: { typed: 'UserNotFoundError' },
  };
  it.each(Object.entries(documented))('%s → %o', async (name, outcome) => {
    cognito.on(AdminSetUserMFAPreferenceCommand).rejects(sdkException(name));
    expect(await outcomeOf(PREFERENCE, { input: { userPoolId: POOL, username: USERNAME, sms: { enabled: true } } })).toEqual(outcome);
  });
});

// ---------------------------------------------------------------------------------------------

const DELETE_TOKEN = `mutation ($input: AdminDeleteSoftwareTokenInput!) { adminDeleteSoftwareToken(input: $input) { ${ERROR} ... on AdminDeleteSoftwareTokenPayload { user { username mfa { enabled } } } } }`;

describe('adminDeleteSoftwareToken (AdminDeleteSoftwareToken)', () => {
  it('sends the pool and the username, and answers with the user read afresh', async () => {
    cognito.on(AdminDeleteSoftwareTokenCommand).resolves({});
    cognito.on(AdminGetUserCommand).resolves({ ...user, PreferredMfaSetting: undefined, UserMFASettingList: [] });
    const answer = await query(DELETE_TOKEN, { input: { userPoolId: POOL, username: USERNAME } });
    expect(answer.data?.adminDeleteSoftwareToken).toEqual({
      __typename: 'AdminDeleteSoftwareTokenPayload',
      user: { username: USERNAME, mfa: { enabled: [] } },
    });
    expect(cognito.commandCalls(AdminDeleteSoftwareTokenCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: USERNAME },
    ]);
  });

  const documented: Record<string, Outcome> = {
    ...common,
    OperationNotEnabledException: { typed: 'OperationNotEnabledError' },
    UserNotConfirmedException: { typed: 'UserNotConfirmedError' },
    UserNotFoundException: { typed: 'UserNotFoundError' },
  };
  it.each(Object.entries(documented))('%s → %o', async (name, outcome) => {
    cognito.on(AdminDeleteSoftwareTokenCommand).rejects(sdkException(name));
    expect(await outcomeOf(DELETE_TOKEN, { input: { userPoolId: POOL, username: USERNAME } })).toEqual(outcome);
  });
});

// ---------------------------------------------------------------------------------------------

const fullConfig: GetUserPoolMfaConfigResponse = {
  MfaConfiguration: 'OPTIONAL',
  SmsMfaConfiguration: {
    SmsAuthenticationMessage: 'Code: {####}',
    SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms', ExternalId: 'ext-1', SnsRegion: 'eu-west-1' },
  },
  SoftwareTokenMfaConfiguration: { Enabled: true },
  EmailMfaConfiguration: { Message: 'Your code is {####}', Subject: 'Sign-in code' },
  WebAuthnConfiguration: { RelyingPartyId: 'example.com', UserVerification: 'preferred', FactorConfiguration: 'SINGLE_FACTOR' },
};

const MFA_CONFIG = `mfaConfiguration sms { authenticationMessage snsCallerArn externalId snsRegion } softwareToken { enabled } email { message subject } webAuthn { relyingPartyId userVerification factorConfiguration }`;
const SET_CONFIG = `mutation ($input: SetUserPoolMfaConfigInput!) { setUserPoolMfaConfig(input: $input) { ${ERROR} ... on SetUserPoolMfaConfigPayload { mfaConfig { ${MFA_CONFIG} } } } }`;

describe('UserPool.mfaConfig and setUserPoolMfaConfig', () => {
  it('reads every method Cognito describes, email and passkeys included', async () => {
    cognito.on(GetUserPoolMfaConfigCommand).resolves(fullConfig);
    cognito.on(sdk.DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Name: 'mfa' } });
    const answer = await query(`query ($id: String!) { userPool(userPoolId: $id) { mfaConfig { ${MFA_CONFIG} } } }`, { id: POOL });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.userPool.mfaConfig).toEqual({
      mfaConfiguration: 'OPTIONAL',
      sms: {
        authenticationMessage: 'Code: {####}',
        snsCallerArn: 'arn:aws:iam::123456789012:role/sms',
        externalId: 'ext-1',
        snsRegion: 'eu-west-1',
      },
      softwareToken: { enabled: true },
      email: { message: 'Your code is {####}', subject: 'Sign-in code' },
      webAuthn: { relyingPartyId: 'example.com', userVerification: 'preferred', factorConfiguration: 'SINGLE_FACTOR' },
    });
    expect(cognito.commandCalls(GetUserPoolMfaConfigCommand).map((call) => call.args[0].input)).toEqual([{ UserPoolId: POOL }]);
  });

  it('a change to one member of one method carries every other setting over, member by member', async () => {
    cognito.on(GetUserPoolMfaConfigCommand).resolves(fullConfig);
    const answered: SetUserPoolMfaConfigResponse = {
      ...fullConfig,
      EmailMfaConfiguration: { Message: 'Your code is {####}', Subject: 'New subject' },
    };
    cognito.on(SetUserPoolMfaConfigCommand).resolves(answered);
    const answer = await query(SET_CONFIG, {
      input: { userPoolId: POOL, email: { subject: 'New subject' }, webAuthn: { userVerification: 'required' } },
    });
    expect(answer.data?.setUserPoolMfaConfig.mfaConfig.email).toEqual({ message: 'Your code is {####}', subject: 'New subject' });
    expect(cognito.commandCalls(SetUserPoolMfaConfigCommand).map((call) => call.args[0].input)).toEqual([
      {
        UserPoolId: POOL,
        MfaConfiguration: 'OPTIONAL',
        SmsMfaConfiguration: fullConfig.SmsMfaConfiguration,
        SoftwareTokenMfaConfiguration: { Enabled: true },
        EmailMfaConfiguration: { Message: 'Your code is {####}', Subject: 'New subject' },
        WebAuthnConfiguration: { RelyingPartyId: 'example.com', UserVerification: 'required', FactorConfiguration: 'SINGLE_FACTOR' },
      },
    ]);
  });

  it('turning MFA off sends no method (Cognito refuses them with OFF) but keeps the passkey settings', async () => {
    cognito.on(GetUserPoolMfaConfigCommand).resolves(fullConfig);
    cognito.on(SetUserPoolMfaConfigCommand).resolves({ MfaConfiguration: 'OFF', WebAuthnConfiguration: fullConfig.WebAuthnConfiguration });
    const answer = await query(SET_CONFIG, { input: { userPoolId: POOL, mfaConfiguration: 'OFF' } });
    expect(answer.data?.setUserPoolMfaConfig.mfaConfig).toMatchObject({ mfaConfiguration: 'OFF', softwareToken: null, email: null });
    expect(cognito.commandCalls(SetUserPoolMfaConfigCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, MfaConfiguration: 'OFF', WebAuthnConfiguration: fullConfig.WebAuthnConfiguration },
    ]);
  });

  it('a method given while the pool’s MFA stays OFF is bad input, found once the current configuration is read', async () => {
    cognito.on(GetUserPoolMfaConfigCommand).resolves({ MfaConfiguration: 'OFF' });
    const answer = await query(SET_CONFIG, { input: { userPoolId: POOL, email: { subject: 'x' } } });
    expect(answer.data?.setUserPoolMfaConfig).toMatchObject({ __typename: 'InvalidInputError', field: 'input.email' });
    expect(cognito.commandCalls(SetUserPoolMfaConfigCommand)).toHaveLength(0);
  });

  const documented: Record<string, Outcome> = {
    ...common,
    ConcurrentModificationException: { typed: 'ConcurrentModificationError' },
    FeatureUnavailableInTierException: { typed: 'FeatureUnavailableInTierError' },
    InvalidSmsRoleAccessPolicyException: { typed: 'InvalidSmsRoleAccessPolicyError' },
    InvalidSmsRoleTrustRelationshipException: { typed: 'InvalidSmsRoleTrustRelationshipError' },
  };
  it.each(Object.entries(documented))('SetUserPoolMfaConfig %s → %o', async (name, outcome) => {
    cognito.on(GetUserPoolMfaConfigCommand).resolves(fullConfig);
    cognito.on(SetUserPoolMfaConfigCommand).rejects(sdkException(name));
    expect(await outcomeOf(SET_CONFIG, { input: { userPoolId: POOL, mfaConfiguration: 'ON' } })).toEqual(outcome);
  });
});

// ---------------------------------------------------------------------------------------------

const ASSOCIATE = `mutation ($input: AssociateSoftwareTokenInput!) { associateSoftwareToken(input: $input) { ${ERROR} ... on AssociateSoftwareTokenPayload { secretCode session viewer { username } } } }`;
const VERIFY = `mutation ($input: VerifySoftwareTokenInput!) { verifySoftwareToken(input: $input) { ${ERROR} ... on VerifySoftwareTokenPayload { status session viewer { username } } } }`;
const inSignIn = { session: SESSION, clientId: CLIENT_ID, username: USERNAME };

describe('software token set-up inside sign-in (the session path, public)', () => {
  it('associate sends the session alone and hands the secret and the next session to the caller', async () => {
    const answered: AssociateSoftwareTokenResponse = { SecretCode: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', Session: `${SESSION}-2` };
    cognito.on(AssociateSoftwareTokenCommand).resolves(answered);
    const answer = await postQuery(scripted.gateway, ASSOCIATE, { input: inSignIn });
    expect(answer.data?.associateSoftwareToken).toEqual({
      __typename: 'AssociateSoftwareTokenPayload',
      secretCode: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      session: `${SESSION}-2`,
      viewer: null,
    });
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand).map((call) => call.args[0].input)).toEqual([{ Session: SESSION }]);
    // The call log (debug on) names the call, not its answer.
    expect(JSON.stringify(answer.extensions)).not.toContain('JBSWY3DP');
  });

  it('an answer without a SecretCode is Cognito’s fault (COGNITO_BAD_RESPONSE), not an empty secret', async () => {
    cognito.on(AssociateSoftwareTokenCommand).resolves({ Session: SESSION });
    const answer = await postQuery(scripted.gateway, ASSOCIATE, { input: inSignIn });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['COGNITO_BAD_RESPONSE']);
  });

  it('verify sends the session, the code and the device name, and returns the session that finishes sign-in', async () => {
    const answered: VerifySoftwareTokenResponse = { Status: 'SUCCESS', Session: `${SESSION}-3` };
    cognito.on(VerifySoftwareTokenCommand).resolves(answered);
    const answer = await postQuery(scripted.gateway, VERIFY, { input: { ...inSignIn, userCode: '123456', friendlyDeviceName: 'Phone' } });
    expect(answer.data?.verifySoftwareToken).toEqual({
      __typename: 'VerifySoftwareTokenPayload',
      status: 'SUCCESS',
      session: `${SESSION}-3`,
      viewer: null,
    });
    expect(cognito.commandCalls(VerifySoftwareTokenCommand).map((call) => call.args[0].input)).toEqual([
      { Session: SESSION, UserCode: '123456', FriendlyDeviceName: 'Phone' },
    ]);
  });

  const associateDocumented: Record<string, Outcome> = {
    ...common,
    ConcurrentModificationException: { typed: 'ConcurrentModificationError' },
    ForbiddenException: { error: 'FORBIDDEN' },
    OperationNotEnabledException: { typed: 'OperationNotEnabledError' },
    SoftwareTokenMFANotFoundException: { typed: 'SoftwareTokenMFANotFoundError' },
  };
  it.each(Object.entries(associateDocumented))('AssociateSoftwareToken %s → %o', async (name, outcome) => {
    cognito.on(AssociateSoftwareTokenCommand).rejects(sdkException(name));
    expect(await outcomeOf(ASSOCIATE, { input: inSignIn }, {})).toEqual(outcome);
  });

  const verifyDocumented: Record<string, Outcome> = {
    ...common,
    CodeMismatchException: { typed: 'CodeMismatchError' },
    EnableSoftwareTokenMFAException: { typed: 'EnableSoftwareTokenMFAError' },
    ForbiddenException: { error: 'FORBIDDEN' },
    InvalidUserPoolConfigurationException: { typed: 'InvalidUserPoolConfigurationError' },
    OperationNotEnabledException: { typed: 'OperationNotEnabledError' },
    PasswordResetRequiredException: { typed: 'PasswordResetRequiredError' },
    SoftwareTokenMFANotFoundException: { typed: 'SoftwareTokenMFANotFoundError' },
    UserNotConfirmedException: { typed: 'UserNotConfirmedError' },
    UserNotFoundException: { typed: 'UserNotFoundError' },
  };
  it.each(Object.entries(verifyDocumented))('VerifySoftwareToken %s → %o', async (name, outcome) => {
    cognito.on(VerifySoftwareTokenCommand).rejects(sdkException(name));
    expect(await outcomeOf(VERIFY, { input: { ...inSignIn, userCode: '123456' } }, {})).toEqual(outcome);
  });
});

describe('the TOTP secret is stripped by the call path unless the caller setting it up asked for it', () => {
  it('redactSecrets removes SecretCode from AssociateSoftwareToken’s answer and leaves the session', () => {
    const output: Record<string, unknown> = { SecretCode: 'JBSWY3DPEHPK3PXP', Session: SESSION };
    redactSecrets('AssociateSoftwareToken', output);
    expect(output).toEqual({ Session: SESSION });
  });
});

describe('TooManyRequestsException, where documented, is THROTTLED once the request’s deadline allows no more tries', () => {
  // Each on a gateway of its own: throttling teaches the gateway's pacer a lower rate.
  const cases = [
    { command: AdminDeleteSoftwareTokenCommand, document: DELETE_TOKEN, input: { userPoolId: POOL, username: USERNAME } },
    { command: SetUserPoolMfaConfigCommand, document: SET_CONFIG, input: { userPoolId: POOL, mfaConfiguration: 'ON' } },
    { command: VerifySoftwareTokenCommand, document: VERIFY, input: { ...inSignIn, userCode: '123456' } },
  ] as const;
  it.each(cases.map((c) => [c.command.name, c] as const))('%s', async (_, { command, document, input }) => {
    const throttled = scriptedGateway({
      appClients: [{ userPoolId: POOL, clientId: CLIENT_ID }],
      issuerBase: 'http://127.0.0.1:9/unused',
      requestTimeoutMs: 300,
    });
    throttled.cognito.on(GetUserPoolMfaConfigCommand).resolves(fullConfig);
    throttled.cognito.on(command as typeof VerifySoftwareTokenCommand).rejects(sdkException('TooManyRequestsException'));
    const answer = await postQuery(throttled.gateway, document, { input }, 'session' in input ? {} : { 'x-service-key': TEST_SERVICE_KEY });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['THROTTLED']);
    expect(throttled.cognito.commandCalls(command as typeof VerifySoftwareTokenCommand).length).toBeGreaterThanOrEqual(1);
  });
});
