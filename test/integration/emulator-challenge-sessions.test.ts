import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminCreateUserCommand, AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/domain/logger';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/http/yoga';
import { connectCognito, type ConnectedCognito } from '../../src/local/connect';
import { DEMO_ACCOUNTS, DEMO_POOL_NAME, demoDirectory } from '../../src/local/demo-data';
import { postQuery } from '../support/gateway';

/**
 * Sign-in challenge sessions on the embedded demo, as `npm start` runs it with no AWS settings
 * (the emulator, seeded with the demo directory, behind the gateway; `yoga.fetch`, the real SDK):
 * an anonymous caller cannot answer a challenge with a session the emulator did not issue, or
 * issued for another user or app client, and a wrong temporary password gets no challenge. The
 * emulator checks these through the project's patch of cognito-local (patches/); unpatched, an
 * invented session set any user's password, the demo administrator's included.
 *
 * A demo of this file's own: a successful attack writes.
 */

const ADMIN = DEMO_ACCOUNTS.find((account) => account.username === 'admin')!;
const demoPool = demoDirectory.find((pool) => pool.name === DEMO_POOL_NAME)!;
/** A seeded user awaiting a new password, whose temporary password nobody knows. */
const AWAITING = demoPool.users.find((user) => user.status === 'FORCE_CHANGE_PASSWORD' && user.enabled)!;
const INVENTED_SESSION = 'x'.repeat(36);
const ATTACKER_PASSWORD = 'Attacker-chosen-Passw0rd';

let dataDir: string;
let cognito: ConnectedCognito;
let userPoolId: string;
/** The demo's web client (the one GraphiQL signs in with) and another client of the same pool. */
let webClientId: string;
let otherClientId: string;

function gatewayWith(options: Partial<GatewayOptions> = {}): Gateway {
  return createGateway({
    client: cognito.client,
    issuerBase: cognito.issuerBase,
    appClients: cognito.appClients,
    publicFlowRateLimit: 1000,
    publicFlowRateLimitPerUsername: 1000,
    ...options,
  });
}
let gateway: Gateway;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'challenge-sessions-'));
  cognito = await connectCognito({ kind: 'embedded', dataDir, port: 0 }, silentLogger);
  userPoolId = cognito.demoSignIn!.userPoolId;
  webClientId = cognito.demoSignIn!.clientId;
  otherClientId = cognito.appClients.find((c) => c.userPoolId === userPoolId && c.clientId !== webClientId && !c.clientSecret)!.clientId;
  gateway = gatewayWith();
}, 120_000);

afterAll(async () => {
  await cognito?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const ERROR = '__typename ... on CognitoError { code message }';
const STEP = 'tokens { accessToken } challenge { name session }';
const INITIATE_AUTH = `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { ${ERROR} ... on InitiateAuthPayload { ${STEP} } } }`;
const RESPOND = `mutation ($input: RespondToAuthChallengeInput!) { respondToAuthChallenge(input: $input) { ${ERROR} ... on RespondToAuthChallengePayload { ${STEP} } } }`;

type Json = Record<string, any>;

/** The one root field of an answer, which must have no GraphQL errors. */
async function field(query: string, input: Json, on: Gateway = gateway): Promise<Json> {
  const response = await postQuery(on, query, { input });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return Object.values(response.data!)[0] as Json;
}

const signIn = (username: string, password: string, clientId = webClientId) =>
  field(INITIATE_AUTH, { clientId, username, authFlow: 'USER_PASSWORD_AUTH', password });

const respond = (username: string, session: string, newPassword: string, clientId = webClientId, on?: Gateway) =>
  field(RESPOND, { clientId, username, challengeName: 'NEW_PASSWORD_REQUIRED', session, newPassword }, on);

/** What a wrong password gets through the gateway (AWS's answer, the same for a user that does not exist). */
const WRONG_CREDENTIALS = { __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED', message: 'Incorrect username or password.' };

const statusOf = async (username: string) =>
  (await cognito.client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }))).UserStatus;

/** The payload's access token's username claim: whose tokens they are. */
const tokenUser = (step: Json): string =>
  JSON.parse(Buffer.from((step.tokens.accessToken as string).split('.')[1]!, 'base64url').toString('utf8')).username;

async function createAwaiting(username: string, temporaryPassword: string): Promise<void> {
  await cognito.client.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: username,
      TemporaryPassword: temporaryPassword,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    }),
  );
}

describe('an invented session takes over nobody', () => {
  it('the demo administrator: refused as a wrong password; the old password still signs in, the attacker’s does not', async () => {
    expect(await respond(ADMIN.username, INVENTED_SESSION, ATTACKER_PASSWORD)).toEqual(WRONG_CREDENTIALS);

    const own = await signIn(ADMIN.username, ADMIN.password);
    expect(own.__typename).toBe('InitiateAuthPayload');
    expect(tokenUser(own)).toBe(ADMIN.username);
    expect(await signIn(ADMIN.username, ATTACKER_PASSWORD)).toMatchObject(WRONG_CREDENTIALS);
  });

  it('a seeded user awaiting a new password: refused, and the user still awaits one', async () => {
    expect(await respond(AWAITING.username, INVENTED_SESSION, ATTACKER_PASSWORD)).toEqual(WRONG_CREDENTIALS);
    expect(await statusOf(AWAITING.username)).toBe('FORCE_CHANGE_PASSWORD');
    expect(await signIn(AWAITING.username, ATTACKER_PASSWORD)).toEqual(WRONG_CREDENTIALS);
  });

  it('with PREVENT_USER_EXISTENCE_ERRORS off, the emulator’s own answer comes back: AWS’s “Invalid session for the user.”', async () => {
    const telling = gatewayWith({ preventUserExistenceErrors: false });
    expect(await respond(ADMIN.username, INVENTED_SESSION, ATTACKER_PASSWORD, webClientId, telling)).toEqual({
      __typename: 'NotAuthorizedError',
      code: 'NOT_AUTHORIZED',
      message: 'Invalid session for the user.',
    });
    expect(await signIn(ADMIN.username, ATTACKER_PASSWORD)).toEqual(WRONG_CREDENTIALS);
  });
});

describe('a wrong temporary password gets no challenge', () => {
  it('a seeded user awaiting a new password, signed in with a guess: the answer of any wrong password, no session', async () => {
    const guessed = await signIn(AWAITING.username, ATTACKER_PASSWORD);
    expect(guessed).toEqual(WRONG_CREDENTIALS);
    // Byte for byte what a user that does not exist gets.
    expect(guessed).toEqual(await signIn('nobody-at-all', ATTACKER_PASSWORD));
  });
});

describe('a real session answers its own challenge only, once', () => {
  const alice = { username: 'session-alice', temporary: 'Temp-Passw0rd-alice', chosen: 'Alice-own-Passw0rd' };
  const bob = { username: 'session-bob', temporary: 'Temp-Passw0rd-bob', chosen: 'Bob-own-Passw0rd' };
  let aliceSession: string;

  beforeAll(async () => {
    await createAwaiting(alice.username, alice.temporary);
    await createAwaiting(bob.username, bob.temporary);
  });

  it('the temporary password is answered with NEW_PASSWORD_REQUIRED and a session', async () => {
    const step = await signIn(alice.username, alice.temporary);
    expect(step).toMatchObject({ __typename: 'InitiateAuthPayload', tokens: null, challenge: { name: 'NEW_PASSWORD_REQUIRED' } });
    aliceSession = step.challenge.session;
    expect(aliceSession).not.toBe(INVENTED_SESSION);
  });

  it('alice’s session cannot set bob’s password', async () => {
    expect(await respond(bob.username, aliceSession, ATTACKER_PASSWORD)).toEqual(WRONG_CREDENTIALS);
    expect(await statusOf(bob.username)).toBe('FORCE_CHANGE_PASSWORD');
    expect(await signIn(bob.username, ATTACKER_PASSWORD)).toEqual(WRONG_CREDENTIALS);
  });

  it('alice’s session, issued to the web client, is refused at another client of the same pool', async () => {
    expect(await respond(alice.username, aliceSession, ATTACKER_PASSWORD, otherClientId)).toEqual(WRONG_CREDENTIALS);
    expect(await statusOf(alice.username)).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('answered by alice at the web client, it sets her password and returns her tokens', async () => {
    const step = await respond(alice.username, aliceSession, alice.chosen);
    expect(step.__typename).toBe('RespondToAuthChallengePayload');
    expect(tokenUser(step)).toBe(alice.username);
    expect(await statusOf(alice.username)).toBe('CONFIRMED');
    expect(tokenUser(await signIn(alice.username, alice.chosen))).toBe(alice.username);
  });

  it('the same session a second time is refused, and her password stays hers', async () => {
    expect(await respond(alice.username, aliceSession, ATTACKER_PASSWORD)).toEqual(WRONG_CREDENTIALS);
    expect(tokenUser(await signIn(alice.username, alice.chosen))).toBe(alice.username);
    expect(await signIn(alice.username, ATTACKER_PASSWORD)).toEqual(WRONG_CREDENTIALS);
  });

  it('bob, untouched by all this, goes through the flow with his own session', async () => {
    const step = await signIn(bob.username, bob.temporary);
    expect(step.challenge.name).toBe('NEW_PASSWORD_REQUIRED');
    expect(tokenUser(await respond(bob.username, step.challenge.session, bob.chosen))).toBe(bob.username);
  });
});
