import { createHmac } from 'node:crypto';
import {
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { getNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLNamedType } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';
import { postQuery, type GraphQLResponse } from '../support/gateway';
import { PUBLIC_FLOWS } from '../support/public-flows';
import { capturingLogger } from '../support/capturing-logger';
import { scriptedGateway } from '../support/scripted-cognito';

/**
 * SECRET_HASH for app clients with a secret: the gateway computes it server-side and sends it on
 * every public flow, so browsers never hold the secret. Scripted SDK (aws-sdk-client-mock):
 * what matters here is exactly what the gateway sends Cognito, and what it never sends back.
 */

const POOL = 'eu-west-1_SecretHash1';
const OTHER_POOL = 'eu-west-1_SecretHash2';
const SECRET_CLIENT = {
  userPoolId: POOL,
  clientId: '4vq3abcdefghij0123456789kl',
  clientSecret: '1example23456789secret0abcdefghijklmnopqrstuvwxyz0',
};
const PUBLIC_CLIENT = { userPoolId: POOL, clientId: '5pub1icc1ient0nosecret0000' };
const OTHER_SECRET_CLIENT = {
  userPoolId: OTHER_POOL,
  clientId: '7xk9mnopqrstuv9876543210wy',
  clientSecret: '2other9876543210secret0zyxwvutsrqponmlkjihgfedcba9',
};
const UNSERVED_CLIENT_ID = '9notconfigured000000000000';
const SECRETS = [SECRET_CLIENT.clientSecret, OTHER_SECRET_CLIENT.clientSecret];

/** Base64(HMAC-SHA256(key = client secret, message = username + clientId)), as AWS documents it. */
function expectedHash(client: { clientId: string; clientSecret: string }, username: string): string {
  return createHmac('sha256', client.clientSecret)
    .update(username + client.clientId, 'utf8')
    .digest('base64');
}

type Scripted = ReturnType<typeof scriptedGateway>;
let scripted: Scripted;
let log: ReturnType<typeof capturingLogger>;

const delivery = { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } as const;
const authenticationResult = {
  AccessToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln',
  IdToken: 'eyJhbGciOiJSUzI1NiJ9.eyJ0b2tlbl91c2UiOiJpZCJ9.c2ln',
  RefreshToken: 'refresh-token-opaque',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};

beforeEach(() => {
  log = capturingLogger();
  scripted = scriptedGateway({
    appClients: [SECRET_CLIENT, PUBLIC_CLIENT, OTHER_SECRET_CLIENT],
    issuerBase: 'https://cognito-idp.eu-west-1.amazonaws.com',
    logger: log,
  });
  scripted.cognito
    .on(SignUpCommand)
    .resolves({ UserConfirmed: false, UserSub: '0d5c8a3e-0000-4000-8000-000000000001', CodeDeliveryDetails: delivery });
  scripted.cognito.on(ConfirmSignUpCommand).resolves({});
  scripted.cognito.on(ResendConfirmationCodeCommand).resolves({ CodeDeliveryDetails: delivery });
  scripted.cognito.on(ForgotPasswordCommand).resolves({ CodeDeliveryDetails: delivery });
  scripted.cognito.on(ConfirmForgotPasswordCommand).resolves({});
  scripted.cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: authenticationResult, ChallengeParameters: {} });
  scripted.cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: authenticationResult, ChallengeParameters: {} });
});

/** Posts as an anonymous caller; the raw body too, to look for the secret in every byte. */
async function send(query: string, variables: Record<string, unknown>): Promise<{ body: GraphQLResponse; text: string }> {
  const response = await scripted.gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { body: JSON.parse(text) as GraphQLResponse, text };
}

const RESULT = '__typename ... on CognitoError { code message } ... on InvalidInputError { field }';
const PASSWORD = 'Correct-Horse-Battery-9';

/** Every public flow: its document, its input without clientId, and where its hash goes. */
interface Flow {
  name: string;
  command:
    | typeof SignUpCommand
    | typeof ConfirmSignUpCommand
    | typeof ResendConfirmationCodeCommand
    | typeof ForgotPasswordCommand
    | typeof ConfirmForgotPasswordCommand
    | typeof InitiateAuthCommand
    | typeof RespondToAuthChallengeCommand;
  document: string;
  input: (username: string) => Record<string, unknown>;
  /** The SECRET_HASH the request carries, wherever this operation puts it. */
  hashOf: (input: Record<string, any>) => unknown;
  /** The username the request names, wherever this operation puts it. */
  usernameOf: (input: Record<string, any>) => unknown;
  payload: string;
}

const topLevel = { hashOf: (i: Record<string, any>) => i['SecretHash'], usernameOf: (i: Record<string, any>) => i['Username'] };

const flows: Flow[] = [
  {
    name: 'signUp',
    command: SignUpCommand,
    document: `mutation ($input: SignUpInput!) { signUp(input: $input) { ${RESULT} } }`,
    input: (username) => ({ username, password: PASSWORD, attributes: [{ name: 'email', value: 'someone@example.com' }] }),
    ...topLevel,
    payload: 'SignUpPayload',
  },
  {
    name: 'confirmSignUp',
    command: ConfirmSignUpCommand,
    document: `mutation ($input: ConfirmSignUpInput!) { confirmSignUp(input: $input) { ${RESULT} } }`,
    input: (username) => ({ username, confirmationCode: '123456' }),
    ...topLevel,
    payload: 'ConfirmSignUpPayload',
  },
  {
    name: 'resendConfirmationCode',
    command: ResendConfirmationCodeCommand,
    document: `mutation ($input: ResendConfirmationCodeInput!) { resendConfirmationCode(input: $input) { ${RESULT} } }`,
    input: (username) => ({ username }),
    ...topLevel,
    payload: 'ResendConfirmationCodePayload',
  },
  {
    name: 'forgotPassword',
    command: ForgotPasswordCommand,
    document: `mutation ($input: ForgotPasswordInput!) { forgotPassword(input: $input) { ${RESULT} } }`,
    input: (username) => ({ username }),
    ...topLevel,
    payload: 'ForgotPasswordPayload',
  },
  {
    name: 'confirmForgotPassword',
    command: ConfirmForgotPasswordCommand,
    document: `mutation ($input: ConfirmForgotPasswordInput!) { confirmForgotPassword(input: $input) { ${RESULT} } }`,
    input: (username) => ({ username, confirmationCode: '123456', password: PASSWORD }),
    ...topLevel,
    payload: 'ConfirmForgotPasswordPayload',
  },
  {
    name: 'initiateAuth USER_PASSWORD_AUTH',
    command: InitiateAuthCommand,
    document: `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { ${RESULT} } }`,
    input: (username) => ({ username, authFlow: 'USER_PASSWORD_AUTH', password: PASSWORD }),
    hashOf: (i) => i['AuthParameters']?.['SECRET_HASH'],
    usernameOf: (i) => i['AuthParameters']?.['USERNAME'],
    payload: 'InitiateAuthPayload',
  },
  {
    name: 'initiateAuth REFRESH_TOKEN_AUTH',
    command: InitiateAuthCommand,
    document: `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { ${RESULT} } }`,
    input: (username) => ({ username, authFlow: 'REFRESH_TOKEN_AUTH', refreshToken: 'refresh-token-opaque' }),
    hashOf: (i) => i['AuthParameters']?.['SECRET_HASH'],
    usernameOf: (i) => i['AuthParameters']?.['USERNAME'],
    payload: 'InitiateAuthPayload',
  },
  {
    name: 'respondToAuthChallenge NEW_PASSWORD_REQUIRED',
    command: RespondToAuthChallengeCommand,
    document: `mutation ($input: RespondToAuthChallengeInput!) { respondToAuthChallenge(input: $input) { ${RESULT} } }`,
    input: (username) => ({
      username,
      challengeName: 'NEW_PASSWORD_REQUIRED',
      session: 'AYABeSessionFromCognito-0123456789',
      newPassword: PASSWORD,
    }),
    hashOf: (i) => i['ChallengeResponses']?.['SECRET_HASH'],
    usernameOf: (i) => i['ChallengeResponses']?.['USERNAME'],
    payload: 'RespondToAuthChallengePayload',
  },
];

/** The one request the flow sent Cognito (and that it sent nothing else). */
function onlyRequest(flow: Flow): Record<string, any> {
  expect(scripted.cognito.calls()).toHaveLength(1);
  const calls = scripted.cognito.commandCalls(flow.command as never);
  expect(calls).toHaveLength(1);
  return calls[0]!.args[0].input as Record<string, any>;
}

function expectNoSecretIn(text: string, where: string) {
  for (const secret of SECRETS) expect(text.includes(secret), `a client secret appears in ${where}`).toBe(false);
}

describe('the hash itself', () => {
  it('the test’s HMAC matches known answers (computed independently, with Python’s hmac)', () => {
    // Guards the test's own formula: if it mirrored a wrong implementation, these would differ.
    expect(expectedHash(SECRET_CLIENT, 'alice')).toBe('t/B4EOp3ob/PHEcdRhppGtXa2tyw/aQK2mI9VsRhR5Q=');
    expect(expectedHash(SECRET_CLIENT, 'zoë')).toBe('Hr4YEt0fFODbV7c6LaiZtArndz/36CqQyM7HkbCt/sI=');
    expect(expectedHash(OTHER_SECRET_CLIENT, 'alice')).toBe('gr+9y4z+CzoLvn079YOgfR9lGj+qUC6fSu/ObyVcxP8=');
  });
});

describe.each(flows)('$name', (flow) => {
  it('for a client with a secret: sends Base64(HMAC-SHA256(secret, username + clientId))', async () => {
    const { body, text } = await send(flow.document, { input: { ...flow.input('alice'), clientId: SECRET_CLIENT.clientId } });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(Object.values(body.data!)[0]).toMatchObject({ __typename: flow.payload });
    const request = onlyRequest(flow);
    expect(request['ClientId']).toBe(SECRET_CLIENT.clientId);
    expect(flow.usernameOf(request)).toBe('alice');
    expect(flow.hashOf(request)).toBe('t/B4EOp3ob/PHEcdRhppGtXa2tyw/aQK2mI9VsRhR5Q=');
    expect(flow.hashOf(request)).toBe(expectedHash(SECRET_CLIENT, 'alice'));
    // The secret itself goes nowhere: not to Cognito, not to the caller, not to the log.
    expectNoSecretIn(JSON.stringify(request), 'the request to Cognito');
    expectNoSecretIn(text, 'the response body');
    expectNoSecretIn(log.text(), 'the log');
  });

  it('the hash is the username’s own (UTF-8) and the named client’s own', async () => {
    await send(flow.document, { input: { ...flow.input('zoë'), clientId: SECRET_CLIENT.clientId } });
    expect(flow.hashOf(onlyRequest(flow))).toBe(expectedHash(SECRET_CLIENT, 'zoë'));

    scripted.cognito.resetHistory();
    const { text } = await send(flow.document, { input: { ...flow.input('alice'), clientId: OTHER_SECRET_CLIENT.clientId } });
    const request = onlyRequest(flow);
    expect(request['ClientId']).toBe(OTHER_SECRET_CLIENT.clientId);
    expect(flow.hashOf(request)).toBe(expectedHash(OTHER_SECRET_CLIENT, 'alice'));
    expect(flow.hashOf(request)).not.toBe(expectedHash(SECRET_CLIENT, 'alice'));
    expectNoSecretIn(text, 'the response body');
  });

  it('for a client without a secret: no hash at all', async () => {
    const { body } = await send(flow.document, { input: { ...flow.input('alice'), clientId: PUBLIC_CLIENT.clientId } });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const request = onlyRequest(flow);
    expect(request['ClientId']).toBe(PUBLIC_CLIENT.clientId);
    expect(flow.usernameOf(request)).toBe('alice');
    expect(flow.hashOf(request)).toBeUndefined();
    expect('SecretHash' in request).toBe(false);
    expect(JSON.stringify(request)).not.toContain('SECRET_HASH');
  });

  it('a client id the gateway does not serve is refused with FORBIDDEN before any SDK call', async () => {
    const { body, text } = await send(flow.document, { input: { ...flow.input('alice'), clientId: UNSERVED_CLIENT_ID } });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.clientId' });
    expect(body.data).toBeNull();
    expect(scripted.cognito.calls()).toHaveLength(0);
    expect(body.extensions?.cognitoCalls?.total).toBe(0);
    expectNoSecretIn(text, 'the response body');
  });

  it('when Cognito refuses the hash, the typed error carries no secret', async () => {
    scripted.cognito
      .on(flow.command as never)
      .rejects(new NotAuthorizedException({ message: `Unable to verify secret hash for client ${SECRET_CLIENT.clientId}`, $metadata: {} }));
    const { body, text } = await send(flow.document, { input: { ...flow.input('alice'), clientId: SECRET_CLIENT.clientId } });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(Object.values(body.data!)[0]).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
    expectNoSecretIn(text, 'the response body');
    expectNoSecretIn(log.text(), 'the log');
  });
});

describe('the secret never comes back through any field', () => {
  it('nothing a public flow returns has a field for a secret or a hash, however deep', () => {
    const mutations = schema.getMutationType()!.getFields();
    const seen = new Set<string>();
    const secretish: string[] = [];
    const walk = (type: GraphQLNamedType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      if (isUnionType(type)) type.getTypes().forEach(walk);
      if (!isObjectType(type) && !isInterfaceType(type)) return;
      for (const [name, field] of Object.entries(type.getFields())) {
        if (/secret|hash/i.test(name)) secretish.push(`${type.name}.${name}`);
        walk(getNamedType(field.type));
      }
    };
    for (const name of PUBLIC_FLOWS) walk(getNamedType(mutations[name]!.type));
    // The walk did reach the payloads and what they hold.
    expect([...seen]).toEqual(
      expect.arrayContaining(['SignUpPayload', 'InitiateAuthPayload', 'AuthTokens', 'AuthChallenge', 'CodeDelivery', 'InvalidInputError']),
    );
    // The one secret a public flow returns on purpose: a new TOTP secret, to the user setting it up
    // (issue 16). The MFA set-up payloads' viewer links on to the pool's clients (an
    // administrators-only type): `hasSecret` there is a boolean, `secrets` lists ids and dates
    // (ClientSecret.clientSecretId), and a provider's `secretProviderDetails` names the settings
    // that are secret, never their values (issue 17).
    expect(secretish.sort()).toEqual([
      'AssociateSoftwareTokenPayload.secretCode',
      'Client.hasSecret',
      'Client.secrets',
      'ClientSecret.clientSecretId',
      'IdentityProvider.secretProviderDetails',
    ]);
  });

  it('postQuery through the shared helper sees the same: a secret client’s sign-in answer holds tokens, not the secret', async () => {
    const answer = await postQuery(
      scripted.gateway,
      `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { ... on InitiateAuthPayload { tokens { accessToken tokenType expiresIn } } } }`,
      {
        input: { clientId: SECRET_CLIENT.clientId, username: 'alice', authFlow: 'USER_PASSWORD_AUTH', password: PASSWORD },
      },
    );
    expect(answer.data?.initiateAuth.tokens).toEqual({
      accessToken: authenticationResult.AccessToken,
      tokenType: 'Bearer',
      expiresIn: 3600,
    });
    expectNoSecretIn(JSON.stringify(answer), 'the answer');
  });
});
