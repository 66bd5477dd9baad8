import { createHmac } from 'node:crypto';
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AssociateSoftwareTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
  type AdminInitiateAuthResponse,
  type AdminRespondToAuthChallengeResponse,
  type AssociateSoftwareTokenResponse,
  type AuthenticationResultType,
  type InitiateAuthResponse,
  type RespondToAuthChallengeResponse,
  type VerifySoftwareTokenResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CognitoException } from '../../src/domain/codes';
import { signInExceptions } from '../../src/schema/auth';
import { errorTypeName } from '../../src/schema/error-mapping';
import { capturingLogger } from '../support/capturing-logger';
import { asService, postQuery } from '../support/gateway';
import { scriptedGateway, sdkException } from '../support/scripted-cognito';
import { totpCode } from '../support/totp';

/**
 * The sign-in flows cognito-local does not implement (USER_AUTH with its challenges, CUSTOM_AUTH,
 * MFA_SETUP inside sign-in, email and SMS one-time codes, passkeys), public and server-side, over a
 * scripted SDK through HTTP (`yoga.fetch`): Cognito's answers are typed with the SDK's own output
 * types, and every request is checked exactly as sent (AuthFlow, AuthParameters, ChallengeName,
 * ChallengeResponses, Session). The flows the emulator does implement are also run against it
 * (test/integration/sign-in-challenges.test.ts).
 */

const POOL = 'eu-west-1_SignIn0001';
const CLIENT_ID = 'signincl1ent0000000000000a';
/** The gateway adds SECRET_HASH itself: the browser never holds the secret. */
const CLIENT_SECRET = 'sign-in-client-secret-0123456789abcdefghijklmnopqrstuvw';
const USERNAME = 'erin';
const PASSWORD = 'Erin-s3cret-Passw0rd';
const SECRET_HASH = createHmac('sha256', CLIENT_SECRET)
  .update(USERNAME + CLIENT_ID)
  .digest('base64');

const session = (step: number) => `AYABeSignInSession-${step}-0123456789abcdef`;
const TOKENS: AuthenticationResultType = {
  AccessToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJlcmluIn0.c2lnbmF0dXJl',
  IdToken: 'eyJhbGciOiJSUzI1NiJ9.eyJ0b2tlbl91c2UiOiJpZCJ9.c2lnbmF0dXJl',
  RefreshToken: 'refresh-token-of-erin',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};
/** The browser's answer to navigator.credentials.get() (PublicKeyCredential.toJSON()). */
const ASSERTION = {
  id: 'Y3JlZGVudGlhbC0x',
  rawId: 'Y3JlZGVudGlhbC0x',
  type: 'public-key',
  response: {
    clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0',
    authenticatorData: 'YXV0aGRhdGE',
    signature: 'c2ln',
    userHandle: 'ZXJpbg',
  },
  clientExtensionResults: {},
};
const REQUEST_OPTIONS = {
  challenge: 'Y2hhbGxlbmdl',
  rpId: 'example.com',
  timeout: 180000,
  userVerification: 'required',
  allowCredentials: [],
};

const logger = capturingLogger();
const scripted = scriptedGateway({
  appClients: [{ userPoolId: POOL, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }],
  issuerBase: 'http://127.0.0.1:9/unused',
  publicFlowRateLimit: 1000,
  publicFlowRateLimitPerUsername: 1000,
  logger,
});
const { cognito, gateway } = scripted;

beforeEach(() => {
  cognito.reset();
});

// ---------------------------------------------------------------------------------------------

const ERROR = '__typename ... on CognitoError { code message } ... on InvalidInputError { field reason }';
const STEP =
  'tokens { accessToken idToken refreshToken expiresIn tokenType } challenge { name session parameters { name value } availableChallenges credentialRequestOptions }';
const INITIATE = `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { ${ERROR} ... on InitiateAuthPayload { ${STEP} } } }`;
const RESPOND = `mutation ($input: RespondToAuthChallengeInput!) { respondToAuthChallenge(input: $input) { ${ERROR} ... on RespondToAuthChallengePayload { ${STEP} } } }`;
const ADMIN_INITIATE = `mutation ($input: AdminInitiateAuthInput!) { adminInitiateAuth(input: $input) { ${ERROR} ... on AdminInitiateAuthPayload { ${STEP} } } }`;
const ADMIN_RESPOND = `mutation ($input: AdminRespondToAuthChallengeInput!) { adminRespondToAuthChallenge(input: $input) { ${ERROR} ... on AdminRespondToAuthChallengePayload { ${STEP} } } }`;
const ASSOCIATE = `mutation ($input: AssociateSoftwareTokenInput!) { associateSoftwareToken(input: $input) { ${ERROR} ... on AssociateSoftwareTokenPayload { secretCode session } } }`;
const VERIFY = `mutation ($input: VerifySoftwareTokenInput!) { verifySoftwareToken(input: $input) { ${ERROR} ... on VerifySoftwareTokenPayload { status session } } }`;

type Json = Record<string, any>;

/** The one root field of an answer that has no GraphQL errors. */
async function field(document: string, variables: Json, headers: Record<string, string> = {}): Promise<Json> {
  const answer = await postQuery(gateway, document, variables, headers);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  const [result] = Object.values(answer.data ?? {}) as Json[];
  return result!;
}

const initiate = (input: Json) => field(INITIATE, { input: { clientId: CLIENT_ID, username: USERNAME, ...input } });
const respond = (input: Json) => field(RESPOND, { input: { clientId: CLIENT_ID, username: USERNAME, ...input } });
const adminInitiate = (input: Json) =>
  field(ADMIN_INITIATE, { input: { userPoolId: POOL, clientId: CLIENT_ID, username: USERNAME, ...input } }, asService);
const adminRespond = (input: Json) =>
  field(ADMIN_RESPOND, { input: { userPoolId: POOL, clientId: CLIENT_ID, username: USERNAME, ...input } }, asService);

const sentInitiate = () => cognito.commandCalls(InitiateAuthCommand).map((call) => call.args[0].input);
const sentRespond = () => cognito.commandCalls(RespondToAuthChallengeCommand).map((call) => call.args[0].input);
const sentAdminInitiate = () => cognito.commandCalls(AdminInitiateAuthCommand).map((call) => call.args[0].input);
const sentAdminRespond = () => cognito.commandCalls(AdminRespondToAuthChallengeCommand).map((call) => call.args[0].input);

const tokensStep = {
  tokens: {
    accessToken: TOKENS.AccessToken,
    idToken: TOKENS.IdToken,
    refreshToken: TOKENS.RefreshToken,
    expiresIn: 3600,
    tokenType: 'Bearer',
  },
  challenge: null,
};

function challengeStep(name: string, step: number, parameters: Record<string, string> = {}, extra: Json = {}) {
  return {
    tokens: null,
    challenge: {
      name,
      session: session(step),
      parameters: Object.entries(parameters).map(([name, value]) => ({ name, value })),
      availableChallenges: [],
      credentialRequestOptions: null,
      ...extra,
    },
  };
}

/** Every request in this file is answered by a script; none may reach the network. */
const answered = <Output>(output: Output) => output;

// ---------------------------------------------------------------------------------------------

describe('choice-based sign-in (USER_AUTH), public', () => {
  it('without a preferred challenge: SELECT_CHALLENGE with the challenges the user may pick', async () => {
    cognito.on(InitiateAuthCommand).resolves(
      answered<InitiateAuthResponse>({
        ChallengeName: 'SELECT_CHALLENGE',
        Session: session(1),
        ChallengeParameters: {},
        AvailableChallenges: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'],
      }),
    );
    const step = await initiate({ authFlow: 'USER_AUTH' });
    expect(step).toEqual({
      __typename: 'InitiateAuthPayload',
      ...challengeStep('SELECT_CHALLENGE', 1, {}, { availableChallenges: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] }),
    });
    expect(sentInitiate()).toEqual([{ ClientId: CLIENT_ID, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME, SECRET_HASH } }]);
  });

  it('SELECT_CHALLENGE answered with PASSWORD carries the password in the same call, and returns tokens', async () => {
    cognito
      .on(RespondToAuthChallengeCommand)
      .resolves(answered<RespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS, ChallengeParameters: {} }));
    const step = await respond({ challengeName: 'SELECT_CHALLENGE', session: session(1), answer: 'PASSWORD', password: PASSWORD });
    expect(step).toEqual({ __typename: 'RespondToAuthChallengePayload', ...tokensStep });
    expect(sentRespond()).toEqual([
      {
        ClientId: CLIENT_ID,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: session(1),
        ChallengeResponses: { USERNAME, ANSWER: 'PASSWORD', PASSWORD, SECRET_HASH },
      },
    ]);
  });

  it('SELECT_CHALLENGE answered with EMAIL_OTP: Cognito sends a code, and the EMAIL_OTP challenge takes it', async () => {
    cognito
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'SELECT_CHALLENGE' })
      .resolves(
        answered<RespondToAuthChallengeResponse>({
          ChallengeName: 'EMAIL_OTP',
          Session: session(2),
          ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'erin@example.com' },
        }),
      )
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'EMAIL_OTP' })
      .resolves(answered<RespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS }));

    const picked = await respond({ challengeName: 'SELECT_CHALLENGE', session: session(1), answer: 'EMAIL_OTP' });
    // The destination is masked, as everywhere else.
    expect(picked).toEqual({
      __typename: 'RespondToAuthChallengePayload',
      ...challengeStep('EMAIL_OTP', 2, { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'e***@e***' }),
    });
    const done = await respond({ challengeName: 'EMAIL_OTP', session: session(2), code: '48213071' });
    expect(done).toMatchObject(tokensStep);
    expect(sentRespond()).toEqual([
      {
        ClientId: CLIENT_ID,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: session(1),
        ChallengeResponses: { USERNAME, ANSWER: 'EMAIL_OTP', SECRET_HASH },
      },
      {
        ClientId: CLIENT_ID,
        ChallengeName: 'EMAIL_OTP',
        Session: session(2),
        ChallengeResponses: { USERNAME, EMAIL_OTP_CODE: '48213071', SECRET_HASH },
      },
    ]);
  });

  it('SELECT_CHALLENGE answered with WEB_AUTHN and the credential completes the sign-in in one call', async () => {
    cognito.on(RespondToAuthChallengeCommand).resolves(answered<RespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS }));
    const step = await respond({ challengeName: 'SELECT_CHALLENGE', session: session(1), answer: 'WEB_AUTHN', credential: ASSERTION });
    expect(step).toMatchObject(tokensStep);
    const [sent] = sentRespond();
    expect(sent).toEqual({
      ClientId: CLIENT_ID,
      ChallengeName: 'SELECT_CHALLENGE',
      Session: session(1),
      ChallengeResponses: { USERNAME, ANSWER: 'WEB_AUTHN', CREDENTIAL: expect.any(String), SECRET_HASH },
    });
    expect(JSON.parse(sent!.ChallengeResponses!['CREDENTIAL']!)).toEqual(ASSERTION);
  });

  it('preferred PASSWORD sends the password with the first call: tokens at once', async () => {
    cognito.on(InitiateAuthCommand).resolves(answered<InitiateAuthResponse>({ AuthenticationResult: TOKENS, ChallengeParameters: {} }));
    expect(await initiate({ authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD', password: PASSWORD })).toMatchObject(tokensStep);
    expect(sentInitiate()).toEqual([
      {
        ClientId: CLIENT_ID,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD, SECRET_HASH },
      },
    ]);
  });

  it('preferred EMAIL_OTP: the code Cognito emailed answers EMAIL_OTP', async () => {
    cognito.on(InitiateAuthCommand).resolves(
      answered<InitiateAuthResponse>({
        ChallengeName: 'EMAIL_OTP',
        Session: session(1),
        ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'erin@example.com' },
      }),
    );
    cognito.on(RespondToAuthChallengeCommand).resolves(answered<RespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS }));
    const first = await initiate({ authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' });
    expect(first.challenge.name).toBe('EMAIL_OTP');
    expect(await respond({ challengeName: 'EMAIL_OTP', session: first.challenge.session, code: '90125533' })).toMatchObject(tokensStep);
    expect(sentInitiate()[0]!.AuthParameters).toEqual({ USERNAME, PREFERRED_CHALLENGE: 'EMAIL_OTP', SECRET_HASH });
    expect(sentRespond()[0]).toEqual({
      ClientId: CLIENT_ID,
      ChallengeName: 'EMAIL_OTP',
      Session: session(1),
      ChallengeResponses: { USERNAME, EMAIL_OTP_CODE: '90125533', SECRET_HASH },
    });
  });

  it('preferred SMS_OTP: the code Cognito texted answers SMS_OTP', async () => {
    cognito.on(InitiateAuthCommand).resolves(
      answered<InitiateAuthResponse>({
        ChallengeName: 'SMS_OTP',
        Session: session(1),
        ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+14155550123' },
      }),
    );
    cognito.on(RespondToAuthChallengeCommand).resolves(answered<RespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS }));
    const first = await initiate({ authFlow: 'USER_AUTH', preferredChallenge: 'SMS_OTP' });
    expect(first.challenge.parameters).toContainEqual({ name: 'CODE_DELIVERY_DESTINATION', value: '+*******0123' });
    expect(await respond({ challengeName: 'SMS_OTP', session: session(1), code: '551902' })).toMatchObject(tokensStep);
    expect(sentInitiate()[0]!.AuthParameters).toEqual({ USERNAME, PREFERRED_CHALLENGE: 'SMS_OTP', SECRET_HASH });
    expect(sentRespond()[0]!.ChallengeResponses).toEqual({ USERNAME, SMS_OTP_CODE: '551902', SECRET_HASH });
  });

  it('preferred WEB_AUTHN: the challenge hands over the request options, the browser’s credential answers it', async () => {
    cognito.on(InitiateAuthCommand).resolves(
      answered<InitiateAuthResponse>({
        ChallengeName: 'WEB_AUTHN',
        Session: session(1),
        ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(REQUEST_OPTIONS) },
      }),
    );
    cognito.on(RespondToAuthChallengeCommand).resolves(answered<RespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS }));
    const first = await initiate({ authFlow: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' });
    expect(first.challenge.name).toBe('WEB_AUTHN');
    expect(first.challenge.credentialRequestOptions).toEqual(REQUEST_OPTIONS);
    expect(await respond({ challengeName: 'WEB_AUTHN', session: session(1), credential: ASSERTION })).toMatchObject(tokensStep);
    expect(sentInitiate()[0]!.AuthParameters).toEqual({ USERNAME, PREFERRED_CHALLENGE: 'WEB_AUTHN', SECRET_HASH });
    const responses = sentRespond()[0]!.ChallengeResponses!;
    expect(Object.keys(responses).sort()).toEqual(['CREDENTIAL', 'SECRET_HASH', 'USERNAME']);
    expect(JSON.parse(responses['CREDENTIAL']!)).toEqual(ASSERTION);
  });

  it('a PASSWORD challenge (password picked, then asked for) is answered with the password; email MFA follows as EMAIL_OTP', async () => {
    cognito
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'PASSWORD' })
      .resolves(
        answered<RespondToAuthChallengeResponse>({
          ChallengeName: 'EMAIL_OTP',
          Session: session(2),
          ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'erin@example.com' },
        }),
      )
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'EMAIL_OTP' })
      .resolves(answered<RespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS }));
    const mfa = await respond({ challengeName: 'PASSWORD', session: session(1), password: PASSWORD });
    expect(mfa.challenge.name).toBe('EMAIL_OTP');
    expect(await respond({ challengeName: 'EMAIL_OTP', session: session(2), code: '11223344' })).toMatchObject(tokensStep);
    expect(sentRespond().map((sent) => [sent.ChallengeName, sent.ChallengeResponses])).toEqual([
      ['PASSWORD', { USERNAME, PASSWORD, SECRET_HASH }],
      ['EMAIL_OTP', { USERNAME, EMAIL_OTP_CODE: '11223344', SECRET_HASH }],
    ]);
  });
});

describe('custom challenges (CUSTOM_AUTH)', () => {
  it('each CUSTOM_CHALLENGE the triggers ask is answered with `answer`, free text included, until tokens', async () => {
    cognito.on(InitiateAuthCommand).resolves(
      answered<InitiateAuthResponse>({
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: session(1),
        ChallengeParameters: { question: 'Colour of the sky?' },
      }),
    );
    cognito
      .on(RespondToAuthChallengeCommand, { Session: session(1) })
      .resolves(
        answered<RespondToAuthChallengeResponse>({
          ChallengeName: 'CUSTOM_CHALLENGE',
          Session: session(2),
          ChallengeParameters: { question: 'And at night?' },
        }),
      )
      .on(RespondToAuthChallengeCommand, { Session: session(2) })
      .resolves(answered<RespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS }));

    const first = await initiate({ authFlow: 'CUSTOM_AUTH' });
    expect(first).toMatchObject(challengeStep('CUSTOM_CHALLENGE', 1, { question: 'Colour of the sky?' }));
    const second = await respond({ challengeName: 'CUSTOM_CHALLENGE', session: session(1), answer: 'light blue' });
    expect(second).toMatchObject(challengeStep('CUSTOM_CHALLENGE', 2, { question: 'And at night?' }));
    expect(await respond({ challengeName: 'CUSTOM_CHALLENGE', session: session(2), answer: 'black' })).toMatchObject(tokensStep);

    expect(sentInitiate()).toEqual([{ ClientId: CLIENT_ID, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME, SECRET_HASH } }]);
    expect(sentRespond().map((sent) => [sent.ChallengeName, sent.Session, sent.ChallengeResponses])).toEqual([
      ['CUSTOM_CHALLENGE', session(1), { USERNAME, ANSWER: 'light blue', SECRET_HASH }],
      ['CUSTOM_CHALLENGE', session(2), { USERNAME, ANSWER: 'black', SECRET_HASH }],
    ]);
  });
});

describe('MFA set-up inside sign-in (MFA_SETUP), end to end through the gateway', () => {
  it('initiateAuth → MFA_SETUP → associateSoftwareToken(session) → verifySoftwareToken(session, code) → respondToAuthChallenge(MFA_SETUP) → tokens', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    cognito.on(InitiateAuthCommand).resolves(
      answered<InitiateAuthResponse>({
        ChallengeName: 'MFA_SETUP',
        Session: session(1),
        ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
      }),
    );
    cognito
      .on(AssociateSoftwareTokenCommand)
      .resolves(answered<AssociateSoftwareTokenResponse>({ SecretCode: secret, Session: session(2) }));
    cognito.on(VerifySoftwareTokenCommand).resolves(answered<VerifySoftwareTokenResponse>({ Status: 'SUCCESS', Session: session(3) }));
    cognito.on(RespondToAuthChallengeCommand).resolves(answered<RespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS }));

    const first = await initiate({ authFlow: 'USER_PASSWORD_AUTH', password: PASSWORD });
    expect(first).toMatchObject(challengeStep('MFA_SETUP', 1, { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' }));

    const associated = await field(ASSOCIATE, { input: { clientId: CLIENT_ID, username: USERNAME, session: first.challenge.session } });
    expect(associated).toEqual({ __typename: 'AssociateSoftwareTokenPayload', secretCode: secret, session: session(2) });

    const code = totpCode(associated.secretCode);
    const verified = await field(VERIFY, {
      input: { clientId: CLIENT_ID, username: USERNAME, session: associated.session, userCode: code },
    });
    expect(verified).toEqual({ __typename: 'VerifySoftwareTokenPayload', status: 'SUCCESS', session: session(3) });

    const done = await respond({ challengeName: 'MFA_SETUP', session: verified.session });
    expect(done).toEqual({ __typename: 'RespondToAuthChallengePayload', ...tokensStep });

    expect(cognito.commandCalls(AssociateSoftwareTokenCommand).map((call) => call.args[0].input)).toEqual([{ Session: session(1) }]);
    expect(cognito.commandCalls(VerifySoftwareTokenCommand).map((call) => call.args[0].input)).toEqual([
      { Session: session(2), UserCode: code },
    ]);
    expect(sentRespond()).toEqual([
      { ClientId: CLIENT_ID, ChallengeName: 'MFA_SETUP', Session: session(3), ChallengeResponses: { USERNAME, SECRET_HASH } },
    ]);
  });
});

describe('the MFA and first-sign-in challenges, with Cognito’s exact keys', () => {
  const cases: { challenge: string; input: Json; responses: Record<string, string> }[] = [
    { challenge: 'SMS_MFA', input: { code: '302917' }, responses: { SMS_MFA_CODE: '302917' } },
    { challenge: 'SOFTWARE_TOKEN_MFA', input: { code: '771204' }, responses: { SOFTWARE_TOKEN_MFA_CODE: '771204' } },
    { challenge: 'SELECT_MFA_TYPE', input: { answer: 'SOFTWARE_TOKEN_MFA' }, responses: { ANSWER: 'SOFTWARE_TOKEN_MFA' } },
    {
      challenge: 'NEW_PASSWORD_REQUIRED',
      input: {
        newPassword: 'Erin-new-Passw0rd',
        attributes: [
          { name: 'name', value: 'Erin Example' },
          { name: 'custom:team', value: 'blue' },
        ],
      },
      responses: { NEW_PASSWORD: 'Erin-new-Passw0rd', 'userAttributes.name': 'Erin Example', 'userAttributes.custom:team': 'blue' },
    },
  ];
  it.each(cases.map((c) => [c.challenge, c] as const))('%s', async (_, { challenge, input, responses }) => {
    cognito.on(RespondToAuthChallengeCommand).resolves(answered<RespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS }));
    expect(await respond({ challengeName: challenge, session: session(1), ...input })).toMatchObject(tokensStep);
    expect(sentRespond()).toEqual([
      { ClientId: CLIENT_ID, ChallengeName: challenge, Session: session(1), ChallengeResponses: { USERNAME, ...responses, SECRET_HASH } },
    ]);
  });
});

describe('server-side sign-in (adminInitiateAuth, adminRespondToAuthChallenge), for administrators', () => {
  it('USER_AUTH with a preferred password, then email MFA: the same parameters and responses, with the pool', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves(
      answered<AdminInitiateAuthResponse>({
        ChallengeName: 'EMAIL_OTP',
        Session: session(1),
        ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'erin@example.com' },
      }),
    );
    cognito
      .on(AdminRespondToAuthChallengeCommand)
      .resolves(answered<AdminRespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS }));
    const first = await adminInitiate({ authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD', password: PASSWORD });
    expect(first.__typename).toBe('AdminInitiateAuthPayload');
    expect(first.challenge.name).toBe('EMAIL_OTP');
    expect(await adminRespond({ challengeName: 'EMAIL_OTP', session: session(1), code: '66554433' })).toMatchObject(tokensStep);
    expect(sentAdminInitiate()).toEqual([
      {
        UserPoolId: POOL,
        ClientId: CLIENT_ID,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD, SECRET_HASH },
      },
    ]);
    expect(sentAdminRespond()).toEqual([
      {
        UserPoolId: POOL,
        ClientId: CLIENT_ID,
        ChallengeName: 'EMAIL_OTP',
        Session: session(1),
        ChallengeResponses: { USERNAME, EMAIL_OTP_CODE: '66554433', SECRET_HASH },
      },
    ]);
  });

  it('USER_AUTH without a preference answers SELECT_CHALLENGE with availableChallenges; SMS_OTP is picked', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves(
      answered<AdminInitiateAuthResponse>({
        ChallengeName: 'SELECT_CHALLENGE',
        Session: session(1),
        AvailableChallenges: ['PASSWORD', 'SMS_OTP'],
      }),
    );
    cognito
      .on(AdminRespondToAuthChallengeCommand)
      .resolves(answered<AdminRespondToAuthChallengeResponse>({ ChallengeName: 'SMS_OTP', Session: session(2), ChallengeParameters: {} }));
    expect((await adminInitiate({ authFlow: 'USER_AUTH' })).challenge.availableChallenges).toEqual(['PASSWORD', 'SMS_OTP']);
    expect((await adminRespond({ challengeName: 'SELECT_CHALLENGE', session: session(1), answer: 'SMS_OTP' })).challenge.name).toBe(
      'SMS_OTP',
    );
    expect(sentAdminInitiate()[0]!.AuthParameters).toEqual({ USERNAME, SECRET_HASH });
    expect(sentAdminRespond()[0]!.ChallengeResponses).toEqual({ USERNAME, ANSWER: 'SMS_OTP', SECRET_HASH });
  });

  it('CUSTOM_AUTH and MFA_SETUP, server-side', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves(
      answered<AdminInitiateAuthResponse>({
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: session(1),
        ChallengeParameters: { captcha: 'x7Kq' },
      }),
    );
    cognito
      .on(AdminRespondToAuthChallengeCommand, { ChallengeName: 'CUSTOM_CHALLENGE' })
      .resolves(answered<AdminRespondToAuthChallengeResponse>({ ChallengeName: 'MFA_SETUP', Session: session(2) }))
      .on(AdminRespondToAuthChallengeCommand, { ChallengeName: 'MFA_SETUP' })
      .resolves(answered<AdminRespondToAuthChallengeResponse>({ AuthenticationResult: TOKENS }));
    await adminInitiate({ authFlow: 'CUSTOM_AUTH' });
    expect((await adminRespond({ challengeName: 'CUSTOM_CHALLENGE', session: session(1), answer: 'x7Kq' })).challenge.name).toBe(
      'MFA_SETUP',
    );
    expect(await adminRespond({ challengeName: 'MFA_SETUP', session: session(3) })).toMatchObject(tokensStep);
    expect(sentAdminInitiate()[0]).toEqual({
      UserPoolId: POOL,
      ClientId: CLIENT_ID,
      AuthFlow: 'CUSTOM_AUTH',
      AuthParameters: { USERNAME, SECRET_HASH },
    });
    expect(sentAdminRespond().map((sent) => [sent.ChallengeName, sent.Session, sent.ChallengeResponses])).toEqual([
      ['CUSTOM_CHALLENGE', session(1), { USERNAME, ANSWER: 'x7Kq', SECRET_HASH }],
      ['MFA_SETUP', session(3), { USERNAME, SECRET_HASH }],
    ]);
  });

  it('are for administrators: an anonymous caller is refused before any call', async () => {
    const answer = await postQuery(gateway, ADMIN_INITIATE, {
      input: { userPoolId: POOL, clientId: CLIENT_ID, username: USERNAME, authFlow: 'USER_AUTH' },
    });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(cognito.calls()).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('bad input names the field and the challenge, before any Cognito call', () => {
  const refusals: { name: string; document: string; input: Json; field: string; reason: RegExp }[] = [
    {
      name: 'EMAIL_OTP without a code',
      document: RESPOND,
      input: { challengeName: 'EMAIL_OTP', session: session(1) },
      field: 'input.code',
      reason: /required to answer EMAIL_OTP/,
    },
    {
      name: 'WEB_AUTHN without a credential',
      document: RESPOND,
      input: { challengeName: 'WEB_AUTHN', session: session(1) },
      field: 'input.credential',
      reason: /required to answer WEB_AUTHN/,
    },
    {
      name: 'PASSWORD without a password',
      document: RESPOND,
      input: { challengeName: 'PASSWORD', session: session(1) },
      field: 'input.password',
      reason: /required to answer PASSWORD/,
    },
    {
      name: 'SELECT_CHALLENGE picking PASSWORD without the password',
      document: RESPOND,
      input: { challengeName: 'SELECT_CHALLENGE', session: session(1), answer: 'PASSWORD' },
      field: 'input.password',
      reason: /required to answer SELECT_CHALLENGE with answer PASSWORD/,
    },
    {
      name: 'SELECT_CHALLENGE picking what choice-based sign-in does not offer',
      document: RESPOND,
      input: { challengeName: 'SELECT_CHALLENGE', session: session(1), answer: 'SOFTWARE_TOKEN_MFA' },
      field: 'input.answer',
      reason: /must be one of PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP, WEB_AUTHN/,
    },
    {
      name: 'SELECT_CHALLENGE without an answer',
      document: RESPOND,
      input: { challengeName: 'SELECT_CHALLENGE', session: session(1) },
      field: 'input.answer',
      reason: /required to answer SELECT_CHALLENGE/,
    },
    {
      name: 'a code sent where a password belongs',
      document: RESPOND,
      input: { challengeName: 'PASSWORD', session: session(1), password: PASSWORD, code: '123456' },
      field: 'input.code',
      reason: /not used to answer PASSWORD/,
    },
    {
      name: 'attributes with an MFA code',
      document: RESPOND,
      input: { challengeName: 'SMS_MFA', session: session(1), code: '123456', attributes: [{ name: 'name', value: 'Erin' }] },
      field: 'input.attributes',
      reason: /not used to answer SMS_MFA/,
    },
    {
      name: 'MFA_SETUP with a code (the code goes to verifySoftwareToken)',
      document: RESPOND,
      input: { challengeName: 'MFA_SETUP', session: session(1), code: '123456' },
      field: 'input.code',
      reason: /not used to answer MFA_SETUP/,
    },
    {
      name: 'a credential that is not one',
      document: RESPOND,
      input: { challengeName: 'WEB_AUTHN', session: session(1), credential: { id: 'x', type: 'password', response: {} } },
      field: 'input.credential.type',
      reason: /"public-key"/,
    },
    {
      name: 'a custom answer with control characters',
      document: RESPOND,
      input: { challengeName: 'CUSTOM_CHALLENGE', session: session(1), answer: 'a\u0007b' },
      field: 'input.answer',
      reason: /control characters/,
    },
    {
      name: 'USER_AUTH preferring a password without one',
      document: INITIATE,
      input: { authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD' },
      field: 'input.password',
      reason: /required for USER_AUTH with preferredChallenge PASSWORD/,
    },
    {
      name: 'USER_AUTH preferring an emailed code, with a password',
      document: INITIATE,
      input: { authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP', password: PASSWORD },
      field: 'input.password',
      reason: /not used by USER_AUTH with preferredChallenge EMAIL_OTP/,
    },
    {
      name: 'CUSTOM_AUTH with a password',
      document: INITIATE,
      input: { authFlow: 'CUSTOM_AUTH', password: PASSWORD },
      field: 'input.password',
      reason: /not used by CUSTOM_AUTH/,
    },
    {
      name: 'a preferred challenge outside USER_AUTH',
      document: INITIATE,
      input: { authFlow: 'USER_PASSWORD_AUTH', password: PASSWORD, preferredChallenge: 'EMAIL_OTP' },
      field: 'input.preferredChallenge',
      reason: /not used by USER_PASSWORD_AUTH/,
    },
  ];
  it.each(refusals.map((r) => [r.name, r] as const))('%s', async (_, { document, input, field: name, reason }) => {
    const result = await field(document, { input: { clientId: CLIENT_ID, username: USERNAME, ...input } });
    expect(result).toMatchObject({ __typename: 'InvalidInputError', field: name, reason: expect.stringMatching(reason) });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('the same rules hold server-side', async () => {
    const result = await field(
      ADMIN_RESPOND,
      { input: { userPoolId: POOL, clientId: CLIENT_ID, username: USERNAME, challengeName: 'SMS_OTP', session: session(1) } },
      asService,
    );
    expect(result).toMatchObject({ __typename: 'InvalidInputError', field: 'input.code', reason: 'is required to answer SMS_OTP' });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('a challenge the gateway does not answer (the legacy ADMIN_NO_SRP_AUTH) is refused by the schema, no call', async () => {
    const answer = await postQuery(gateway, RESPOND, {
      input: { clientId: CLIENT_ID, username: USERNAME, challengeName: 'ADMIN_NO_SRP_AUTH', session: session(1) },
    });
    expect(answer.errors?.[0]?.message).toMatch(/ADMIN_NO_SRP_AUTH/);
    expect(cognito.calls()).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------

type Outcome = { typed: string } | { error: string };

/**
 * Every exception the SDK documents for the four operations (@throws in its command docs), and
 * what it becomes. TooManyRequestsException (THROTTLED) is left to the call path's own tests: the
 * gateway waits and retries it within the request's deadline.
 */
const documented: Record<
  'InitiateAuth' | 'AdminInitiateAuth' | 'RespondToAuthChallenge' | 'AdminRespondToAuthChallenge',
  CognitoException[]
> = {
  InitiateAuth: [
    'FeatureUnavailableInTierException',
    'ForbiddenException',
    'InternalErrorException',
    'InvalidEmailRoleAccessPolicyException',
    'InvalidLambdaResponseException',
    'InvalidParameterException',
    'InvalidSmsRoleAccessPolicyException',
    'InvalidSmsRoleTrustRelationshipException',
    'InvalidUserPoolConfigurationException',
    'NotAuthorizedException',
    'OperationNotEnabledException',
    'PasswordResetRequiredException',
    'ResourceNotFoundException',
    'UnexpectedLambdaException',
    'UnsupportedOperationException',
    'UserLambdaValidationException',
    'UserNotConfirmedException',
    'UserNotFoundException',
  ],
  AdminInitiateAuth: [
    'FeatureUnavailableInTierException',
    'InternalErrorException',
    'InvalidEmailRoleAccessPolicyException',
    'InvalidLambdaResponseException',
    'InvalidParameterException',
    'InvalidSmsRoleAccessPolicyException',
    'InvalidSmsRoleTrustRelationshipException',
    'InvalidUserPoolConfigurationException',
    'MFAMethodNotFoundException',
    'NotAuthorizedException',
    'OperationNotEnabledException',
    'PasswordResetRequiredException',
    'ResourceNotFoundException',
    'UnexpectedLambdaException',
    'UnsupportedOperationException',
    'UserLambdaValidationException',
    'UserNotConfirmedException',
    'UserNotFoundException',
  ],
  RespondToAuthChallenge: [
    'AliasExistsException',
    'CodeMismatchException',
    'ExpiredCodeException',
    'ForbiddenException',
    'InternalErrorException',
    'InvalidEmailRoleAccessPolicyException',
    'InvalidLambdaResponseException',
    'InvalidParameterException',
    'InvalidPasswordException',
    'InvalidSmsRoleAccessPolicyException',
    'InvalidSmsRoleTrustRelationshipException',
    'InvalidUserPoolConfigurationException',
    'MFAMethodNotFoundException',
    'NotAuthorizedException',
    'OperationNotEnabledException',
    'PasswordHistoryPolicyViolationException',
    'PasswordResetRequiredException',
    'ResourceNotFoundException',
    'SoftwareTokenMFANotFoundException',
    'UnexpectedLambdaException',
    'UserLambdaValidationException',
    'UserNotConfirmedException',
    'UserNotFoundException',
  ],
  AdminRespondToAuthChallenge: [
    'AliasExistsException',
    'CodeMismatchException',
    'ExpiredCodeException',
    'InternalErrorException',
    'InvalidEmailRoleAccessPolicyException',
    'InvalidLambdaResponseException',
    'InvalidParameterException',
    'InvalidPasswordException',
    'InvalidSmsRoleAccessPolicyException',
    'InvalidSmsRoleTrustRelationshipException',
    'InvalidUserPoolConfigurationException',
    'MFAMethodNotFoundException',
    'NotAuthorizedException',
    'OperationNotEnabledException',
    'PasswordHistoryPolicyViolationException',
    'PasswordResetRequiredException',
    'ResourceNotFoundException',
    'SoftwareTokenMFANotFoundException',
    'UnexpectedLambdaException',
    'UserLambdaValidationException',
    'UserNotConfirmedException',
    'UserNotFoundException',
  ],
};

/** Never about this sign-in: GraphQL errors with the gateway's code. */
const untyped: Partial<Record<CognitoException, string>> = {
  InternalErrorException: 'COGNITO_UNAVAILABLE',
  ForbiddenException: 'FORBIDDEN',
};

function expectedOutcome(operation: keyof typeof documented, name: CognitoException): Outcome {
  if (untyped[name]) return { error: untyped[name] };
  // The public flows do not tell whether the user exists (user-existence.ts): a wrong password.
  if (name === 'UserNotFoundException' && !operation.startsWith('Admin')) return { typed: 'NotAuthorizedError' };
  return { typed: errorTypeName(name) };
}

const calls = {
  InitiateAuth: {
    command: InitiateAuthCommand,
    document: INITIATE,
    input: { clientId: CLIENT_ID, username: USERNAME, authFlow: 'USER_AUTH' },
    headers: {},
  },
  AdminInitiateAuth: {
    command: AdminInitiateAuthCommand,
    document: ADMIN_INITIATE,
    input: { userPoolId: POOL, clientId: CLIENT_ID, username: USERNAME, authFlow: 'CUSTOM_AUTH' },
    headers: asService,
  },
  RespondToAuthChallenge: {
    command: RespondToAuthChallengeCommand,
    document: RESPOND,
    input: { clientId: CLIENT_ID, username: USERNAME, challengeName: 'EMAIL_OTP', session: session(1), code: '12345678' },
    headers: {},
  },
  AdminRespondToAuthChallenge: {
    command: AdminRespondToAuthChallengeCommand,
    document: ADMIN_RESPOND,
    input: { userPoolId: POOL, clientId: CLIENT_ID, username: USERNAME, challengeName: 'MFA_SETUP', session: session(1) },
    headers: asService,
  },
} as const;

describe('every documented exception of the four sign-in operations is a typed result or a coded error', () => {
  const rows = (Object.keys(documented) as (keyof typeof documented)[]).flatMap((operation) =>
    documented[operation].map((name) => [operation, name, expectedOutcome(operation, name)] as const),
  );
  it.each(rows)('%s %s → %o', async (operation, name, outcome) => {
    const { command, document, input, headers } = calls[operation];
    cognito.on(command as typeof InitiateAuthCommand).rejects(sdkException(name));
    const answer = await postQuery(gateway, document, { input }, headers);
    const got: Outcome = answer.errors?.length
      ? { error: String(answer.errors[0]!.extensions?.code) }
      : { typed: (Object.values(answer.data ?? {})[0] as { __typename: string }).__typename };
    expect(got).toEqual(outcome);
  });

  it('the typed list is exactly the documented ones the caller can act on', () => {
    const all = new Set(Object.values(documented).flat());
    const typed = [...all].filter((name) => !untyped[name]).sort();
    expect([...signInExceptions].sort()).toEqual(typed);
  });
});

describe('secrets of sign-in never reach the log', () => {
  it('no password, one-time code, custom answer, credential or session appears in anything logged', () => {
    const text = logger.text();
    // The log is not empty: the call path logs each call (debug), so a leak would show here.
    expect(text).toContain('RespondToAuthChallenge');
    for (const secret of [
      PASSWORD,
      'Erin-new-Passw0rd',
      '48213071',
      '90125533',
      'light blue',
      ASSERTION.response.clientDataJSON,
      SECRET_HASH,
      CLIENT_SECRET,
      session(1),
      session(2),
      session(3),
      TOKENS.RefreshToken!,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
