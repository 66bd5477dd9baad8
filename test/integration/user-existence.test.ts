import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/http/yoga';
import { startCognitoLocal, type CognitoLocal } from '../../src/local/cognito-local';

/**
 * Anonymous callers cannot tell from the public flows whether a user exists
 * (PREVENT_USER_EXISTENCE_ERRORS, on by default), end to end: `yoga.fetch`, the real SDK and a
 * cognito-local of this file's own (it writes users). Answers are compared whole: the response
 * body as an anonymous caller receives it, without the debug call log (which, like timing, shows
 * Cognito's own answer; see README).
 *
 * Public calls are also limited per username, from any number of addresses.
 *
 * Answers cognito-local cannot give as AWS does (ResendConfirmationCode, which it lacks) are in
 * test/contract/user-existence.test.ts.
 */

let dataDir: string;
let local: CognitoLocal;
let sdk: CognitoIdentityProviderClient;
let userPoolId: string;
/** An app client without a secret, and one with a secret the gateway keeps (it adds SECRET_HASH). */
const clients: { name: string; clientId: string; clientSecret?: string }[] = [];

const PASSWORD = 'Known-user-Passw0rd';
const WRONG_PASSWORD = 'Not-the-Passw0rd-1';
const CONFIRMED = 'known-confirmed';
const UNCONFIRMED = 'known-unconfirmed';

function gatewayWith(options: Partial<GatewayOptions> = {}): Gateway {
  return createGateway({
    client: sdk,
    appClients: clients.map(({ clientId, clientSecret }) => ({ userPoolId, clientId, ...(clientSecret ? { clientSecret } : {}) })),
    issuerBase: local.endpoint,
    publicFlowRateLimit: 1000,
    publicFlowRateLimitPerUsername: 1000,
    ...options,
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'user-existence-'));
  local = await startCognitoLocal({ dataDir });
  sdk = createCognitoClient({ region: 'local', endpoint: local.endpoint, credentials: localCredentials });
  const pool = await sdk.send(new CreateUserPoolCommand({ PoolName: 'user-existence', AutoVerifiedAttributes: ['email'] }));
  userPoolId = pool.UserPool!.Id!;
  const flows: ExplicitAuthFlowsType[] = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
  for (const [name, GenerateSecret] of [
    ['public', false],
    ['with a secret', true],
  ] as const) {
    const app = await sdk.send(
      new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: name, ExplicitAuthFlows: flows, GenerateSecret }),
    );
    const { ClientId, ClientSecret } = app.UserPoolClient!;
    clients.push({ name, clientId: ClientId!, ...(ClientSecret ? { clientSecret: ClientSecret } : {}) });
  }
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: CONFIRMED,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'kim@example.org' },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: CONFIRMED, Password: PASSWORD, Permanent: true }));
  await sdk.send(
    new SignUpCommand({
      ClientId: clients[0]!.clientId,
      Username: UNCONFIRMED,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'una@example.org' }],
    }),
  );
});

afterAll(async () => {
  sdk?.destroy();
  await local?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const ERROR = '__typename ... on CognitoError { code message } ... on InvalidInputError { field reason }';
const STEP = 'tokens { accessToken } challenge { name session }';
const DELIVERY = 'codeDelivery { attributeName deliveryMedium destination }';
const INITIATE_AUTH = `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { ${ERROR} ... on InitiateAuthPayload { ${STEP} } } }`;
const CONFIRM_SIGN_UP = `mutation ($input: ConfirmSignUpInput!) { confirmSignUp(input: $input) { ${ERROR} ... on ConfirmSignUpPayload { username confirmed } } }`;
const RESPOND = `mutation ($input: RespondToAuthChallengeInput!) { respondToAuthChallenge(input: $input) { ${ERROR} ... on RespondToAuthChallengePayload { ${STEP} } } }`;
const FORGOT = `mutation ($input: ForgotPasswordInput!) { forgotPassword(input: $input) { ${ERROR} ... on ForgotPasswordPayload { ${DELIVERY} } } }`;
const CONFIRM_FORGOT = `mutation ($input: ConfirmForgotPasswordInput!) { confirmForgotPassword(input: $input) { ${ERROR} ... on ConfirmForgotPasswordPayload { username passwordChanged } } }`;

type Json = Record<string, any>;

/** The whole answer an anonymous caller gets: status, Retry-After and the body as sent. */
async function answer(on: Gateway, query: string, input: Json, remoteAddress = '127.0.0.1') {
  const response = await on.fetch(
    'http://gateway.test/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables: { input } }),
    },
    { req: { socket: { remoteAddress } } },
  );
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
}

/** The one root field of a body. */
const field = (body: string): Json => Object.values(JSON.parse(body).data as Json)[0] as Json;

describe.each([{ name: 'public' }, { name: 'with a secret' }])('app client: $name', ({ name }) => {
  const client = () => clients.find((c) => c.name === name)!.clientId;
  const signIn = (username: string, password: string) => ({ clientId: client(), username, authFlow: 'USER_PASSWORD_AUTH', password });

  it('initiateAuth: an unknown user gets byte for byte the answer of a wrong password (AWS’s NotAuthorizedException)', async () => {
    const gateway = gatewayWith();
    const wrongPassword = await answer(gateway, INITIATE_AUTH, signIn(CONFIRMED, WRONG_PASSWORD));
    const unknownUser = await answer(gateway, INITIATE_AUTH, signIn('nobody-at-all', WRONG_PASSWORD));
    expect(unknownUser).toEqual(wrongPassword);
    expect(field(wrongPassword.body)).toEqual({
      __typename: 'NotAuthorizedError',
      code: 'NOT_AUTHORIZED',
      message: 'Incorrect username or password.',
    });
    // An unconfirmed user with a wrong password looks the same; only the right password learns it is unconfirmed, as on AWS.
    expect(await answer(gateway, INITIATE_AUTH, signIn(UNCONFIRMED, WRONG_PASSWORD))).toEqual(wrongPassword);
    expect(field((await answer(gateway, INITIATE_AUTH, signIn(UNCONFIRMED, PASSWORD))).body)).toMatchObject({
      __typename: 'UserNotConfirmedError',
    });
    // And the right password still signs in.
    expect(field((await answer(gateway, INITIATE_AUTH, signIn(CONFIRMED, PASSWORD))).body).tokens.accessToken).toEqual(expect.any(String));
  });

  it('confirmSignUp: an unknown user, a wrong code and an already confirmed user get one answer', async () => {
    const gateway = gatewayWith();
    const confirm = (username: string) => answer(gateway, CONFIRM_SIGN_UP, { clientId: client(), username, confirmationCode: '000000' });
    const wrongCode = await confirm(UNCONFIRMED);
    expect(await confirm('nobody-at-all')).toEqual(wrongCode);
    expect(await confirm(CONFIRMED)).toEqual(wrongCode);
    expect(field(wrongCode.body)).toEqual({
      __typename: 'CodeMismatchError',
      code: 'CODE_MISMATCH',
      message: 'Invalid verification code provided, please try again.',
    });
  });

  it('confirmForgotPassword: an unknown user gets the answer of a known user with a wrong code', async () => {
    const gateway = gatewayWith();
    const reset = (username: string) =>
      answer(gateway, CONFIRM_FORGOT, { clientId: client(), username, confirmationCode: '000000', password: 'A-new-Passw0rd-1' });
    const known = await reset(CONFIRMED);
    expect(await reset('nobody-at-all')).toEqual(known);
    expect(field(known.body)).toMatchObject({ __typename: 'CodeMismatchError', code: 'CODE_MISMATCH' });
  });

  it('respondToAuthChallenge with an invented session: a known and an unknown user get one answer, that of a wrong password', async () => {
    const gateway = gatewayWith();
    // The emulator checks sessions through the project's patch (patches/), as AWS does.
    const respond = (username: string) =>
      answer(gateway, RESPOND, {
        clientId: client(),
        username,
        challengeName: 'SOFTWARE_TOKEN_MFA',
        session: 'an-invented-session-0123456789abcdef',
        code: '123456',
      });
    const known = await respond(CONFIRMED);
    expect(await respond('nobody-at-all')).toEqual(known);
    expect(field(known.body)).toEqual({
      __typename: 'NotAuthorizedError',
      code: 'NOT_AUTHORIZED',
      message: 'Incorrect username or password.',
    });
  });

  it('forgotPassword: an unknown user gets a code sent, of the same shape, to a masked destination that stays the same', async () => {
    const gateway = gatewayWith();
    const forgot = async (username: string) => field((await answer(gateway, FORGOT, { clientId: client(), username })).body);
    const known = await forgot(CONFIRMED);
    // The real destination (kim@example.org), masked as AWS masks it.
    expect(known).toEqual({
      __typename: 'ForgotPasswordPayload',
      codeDelivery: { attributeName: 'email', deliveryMedium: 'EMAIL', destination: 'k***@e***' },
    });
    const unknown = await forgot('nobody-at-all');
    expect(unknown).toEqual({
      __typename: 'ForgotPasswordPayload',
      codeDelivery: { attributeName: 'email', deliveryMedium: 'EMAIL', destination: expect.stringMatching(/^n\*\*\*@[a-z]\*\*\*$/) },
    });
    // Asked again (and written otherwise), the same destination: repeated asks do not give it away.
    expect(await forgot('nobody-at-all')).toEqual(unknown);
    expect(await forgot('Nobody-At-All')).toEqual(unknown);
    // A username that is an email address or a phone number is its own destination, masked.
    expect((await forgot('someone@nowhere.example')).codeDelivery).toEqual({
      attributeName: 'email',
      deliveryMedium: 'EMAIL',
      destination: 's***@n***',
    });
    expect((await forgot('+15550001234')).codeDelivery).toEqual({
      attributeName: 'phone_number',
      deliveryMedium: 'SMS',
      destination: '+*******1234',
    });
  });
});

describe('PREVENT_USER_EXISTENCE_ERRORS=false: Cognito’s answers pass through', () => {
  it('the emulator’s own answers come back: an unknown user is told apart from a wrong password', async () => {
    const gateway = gatewayWith({ preventUserExistenceErrors: false });
    const clientId = clients[0]!.clientId;
    const signIn = (username: string) =>
      answer(gateway, INITIATE_AUTH, { clientId, username, authFlow: 'USER_PASSWORD_AUTH', password: WRONG_PASSWORD });
    // cognito-local's answers (AWS: NotAuthorizedException for both, UserNotFoundException without prevention).
    expect(field((await signIn(CONFIRMED)).body)).toMatchObject({ __typename: 'InvalidPasswordError', code: 'INVALID_PASSWORD' });
    expect(field((await signIn('nobody-at-all')).body)).toMatchObject({ __typename: 'NotAuthorizedError', message: 'User not authorized' });
    expect(field((await answer(gateway, FORGOT, { clientId, username: 'nobody-at-all' })).body)).toMatchObject({
      __typename: 'UserNotFoundError',
      code: 'USER_NOT_FOUND',
    });
    const confirmUnknown = await answer(gateway, CONFIRM_SIGN_UP, { clientId, username: 'nobody-at-all', confirmationCode: '000000' });
    expect(field(confirmUnknown.body)).toEqual({
      __typename: 'NotAuthorizedError',
      code: 'NOT_AUTHORIZED',
      message: 'User not authorized',
    });
  });

  it('destinations are masked all the same (AWS masks them itself)', async () => {
    const gateway = gatewayWith({ preventUserExistenceErrors: false });
    const forgot = field((await answer(gateway, FORGOT, { clientId: clients[0]!.clientId, username: CONFIRMED })).body);
    expect(forgot.codeDelivery.destination).toBe('k***@e***');
  });
});

describe('public flows are limited per username, from any number of addresses', () => {
  const signIn = (username: string) => ({
    clientId: clients[0]!.clientId,
    username,
    authFlow: 'USER_PASSWORD_AUTH',
    password: WRONG_PASSWORD,
  });

  it.each([
    ['a user that exists', CONFIRMED],
    ['a user that does not', 'nobody-limited'],
  ])('the 4th guess at %s from a 4th address is RATE_LIMITED with Retry-After, before any call', async (_, username) => {
    const gateway = gatewayWith({ publicFlowRateLimitPerUsername: 3, debug: true });
    for (let i = 1; i <= 3; i++) {
      const passed = await answer(gateway, INITIATE_AUTH, signIn(username), `10.7.0.${i}`);
      expect(field(passed.body), `guess ${i}`).toMatchObject({ __typename: 'NotAuthorizedError' });
    }
    const limited = await answer(gateway, INITIATE_AUTH, signIn(username), '10.7.0.4');
    expect(limited.status).toBe(200);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    const body = JSON.parse(limited.body);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toMatch(/for this username/);
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: Number(limited.retryAfter) });
    expect(body.extensions.cognitoCalls.total).toBe(0);
    // However it is written, and through another flow, it is the same account.
    const otherFlow = await answer(gateway, FORGOT, { clientId: clients[1]!.clientId, username: username.toUpperCase() }, '10.7.0.5');
    expect(JSON.parse(otherFlow.body).errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another username from those addresses still passes.
    expect(field((await answer(gateway, INITIATE_AUTH, signIn('someone-else'), '10.7.0.4')).body)).toMatchObject({
      __typename: 'NotAuthorizedError',
    });
  });

  it('the per-address limit still holds across usernames', async () => {
    const gateway = gatewayWith({ publicFlowRateLimit: 3 });
    for (let i = 1; i <= 3; i++) {
      expect(field((await answer(gateway, INITIATE_AUTH, signIn(`spray-${i}`), '10.8.0.1')).body)).toMatchObject({
        __typename: 'NotAuthorizedError',
      });
    }
    const limited = JSON.parse((await answer(gateway, INITIATE_AUTH, signIn('spray-4'), '10.8.0.1')).body);
    expect(limited.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(limited.errors[0].message).toMatch(/from this address/);
  });
});
