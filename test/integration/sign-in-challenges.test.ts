import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolMfaConfigCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { createGateway, type Gateway } from '../../src/http/yoga';
import { startCognitoLocal, type CognitoLocal } from '../../src/local/cognito-local';
import { capturingLogger } from '../support/capturing-logger';
import { EmulatorMailbox } from '../support/emulator-mailbox';
import { bearer, postQuery, TEST_SERVICE_KEY } from '../support/gateway';
import { totpCode } from '../support/totp';

/**
 * The sign-in challenges cognito-local implements, end to end: `yoga.fetch`, the real SDK and an
 * emulator of this file's own (these tests write): SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE and SMS_MFA
 * after a password, on the public flows. (NEW_PASSWORD_REQUIRED: test/integration/sign-in-flows.test.ts;
 * the flows the emulator lacks, and the server-side ones, whose AdminInitiateAuth there never asks
 * for MFA and whose AdminRespondToAuthChallenge is not implemented: test/contract/sign-in-challenges.test.ts.)
 *
 * SMS MFA on cognito-local needs the legacy MFAOptions of a user, which only AdminSetUserSettings
 * sets, and the emulator does not implement that: the test writes them into the emulator's data
 * file while it is stopped, then starts it again on the same data. The SMS code is read from the
 * emulator's log, as the confirmation codes are.
 */

type Json = Record<string, any>;

const PASSWORD = 'Challenge-Pa55word';
const PHONE = '+14155550199';
const mailbox = new EmulatorMailbox();
const logger = capturingLogger();
/** Every secret the flows handle: none may reach the gateway's log. */
const secrets = new Set<string>([PASSWORD]);
const keep = <T extends string>(value: T): T => (secrets.add(value), value);

let dataDir: string;
let local: CognitoLocal;
let sdk: CognitoIdentityProviderClient;
let gateway: Gateway;
let userPoolId: string;
let clientId: string;

async function start() {
  local = await startCognitoLocal({ dataDir, onLine: mailbox.onLine });
  mailbox.connect(local.endpoint);
  sdk = createCognitoClient({ region: 'local', endpoint: local.endpoint, credentials: localCredentials, maxAttempts: 1 });
  gateway = createGateway({
    client: sdk,
    logger,
    debug: true,
    serviceKeys: [TEST_SERVICE_KEY],
    appClients: [{ userPoolId, clientId }],
    issuerBase: local.endpoint,
    publicFlowRateLimit: 1000,
    publicFlowRateLimitPerUsername: 1000,
  });
}

async function createUser(username: string, attributes: { Name: string; Value: string }[] = []) {
  await sdk.send(
    new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS', UserAttributes: attributes }),
  );
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
}

/** Gives users the legacy SMS MFA option, in the stopped emulator's data file (see above). */
async function addSmsMfaOption(usernames: string[]) {
  const file = join(dataDir, '.cognito', 'db', `${userPoolId}.json`);
  const data = JSON.parse(await readFile(file, 'utf8')) as { Users: Record<string, Json> };
  for (const username of usernames) data.Users[username]!['MFAOptions'] = [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }];
  await writeFile(file, JSON.stringify(data));
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sign-in-challenges-'));
  userPoolId = '';
  clientId = '';
  await start();
  const pool = await sdk.send(new CreateUserPoolCommand({ PoolName: 'sign-in-challenges' }));
  userPoolId = pool.UserPool!.Id!;
  await sdk.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: userPoolId,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    }),
  );
  const app = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'web',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  clientId = app.UserPoolClient!.ClientId!;
  await createUser('totp-user');
  await createUser('choosing-user', [{ Name: 'phone_number', Value: PHONE }]);
  await createUser('sms-user', [{ Name: 'phone_number', Value: PHONE }]);

  // The emulator keeps its data in memory while it runs: stop it, add what it cannot set, start again.
  sdk.destroy();
  await local.stop();
  await addSmsMfaOption(['sms-user', 'choosing-user']);
  await start();
}, 60_000);

afterAll(async () => {
  sdk?.destroy();
  await local?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

const ERROR = '__typename ... on CognitoError { code message } ... on InvalidInputError { field reason }';
const STEP = 'tokens { accessToken refreshToken } challenge { name session parameters { name value } availableChallenges }';
const INITIATE = `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { ${ERROR} ... on InitiateAuthPayload { ${STEP} } } }`;
const RESPOND = `mutation ($input: RespondToAuthChallengeInput!) { respondToAuthChallenge(input: $input) { ${ERROR} ... on RespondToAuthChallengePayload { ${STEP} } } }`;
const ASSOCIATE = `mutation { associateSoftwareToken(input: {}) { ${ERROR} ... on AssociateSoftwareTokenPayload { secretCode } } }`;
const VERIFY = `mutation ($input: VerifySoftwareTokenInput!) { verifySoftwareToken(input: $input) { ${ERROR} ... on VerifySoftwareTokenPayload { status } } }`;
const PREFER = `mutation ($input: SetUserMFAPreferenceInput!) { setUserMFAPreference(input: $input) { ${ERROR} ... on SetUserMFAPreferencePayload { preferenceSet } } }`;

/** The one root field of an answer without GraphQL errors, and the Cognito calls it made. */
async function run(document: string, variables: Json, headers: Record<string, string> = {}) {
  const answer = await postQuery(gateway, document, variables, headers);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  const [result] = Object.values(answer.data ?? {}) as Json[];
  return { result: result!, calls: answer.extensions?.cognitoCalls?.byOperation };
}

const signIn = async (username: string) =>
  (await run(INITIATE, { input: { clientId, username, authFlow: 'USER_PASSWORD_AUTH', password: PASSWORD } })).result;

function expectChallenge(step: Json, name: string): string {
  expect(step.tokens, JSON.stringify(step)).toBeNull();
  expect(step.challenge.name).toBe(name);
  expect(step.challenge.availableChallenges).toEqual([]);
  return keep(step.challenge.session as string);
}

function expectTokens(step: Json): string {
  expect(step.challenge, JSON.stringify(step)).toBeNull();
  expect(step.tokens.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  keep(step.tokens.refreshToken);
  return keep(step.tokens.accessToken as string);
}

/** Signs in a user with SMS MFA: the password, then the code the emulator printed. */
async function signInWithSms(username: string): Promise<{ step: Json; accessToken: string }> {
  const since = mailbox.mark();
  const step = await signIn(username);
  const session = expectChallenge(step, 'SMS_MFA');
  const code = keep(await mailbox.codeFor(username, { since }));
  const { result } = await run(RESPOND, { input: { clientId, username, challengeName: 'SMS_MFA', session, code } });
  return { step, accessToken: expectTokens(result) };
}

/** Sets up TOTP for a signed-in user (access token path), and prefers it unless SMS stays on too. */
async function enableTotp(accessToken: string, keepSms: boolean): Promise<string> {
  const secret = keep((await run(ASSOCIATE, {}, bearer(accessToken))).result.secretCode as string);
  expect((await run(VERIFY, { input: { userCode: totpCode(secret) } }, bearer(accessToken))).result.status).toBe('SUCCESS');
  const preference = { softwareToken: { enabled: true, preferred: !keepSms }, ...(keepSms ? { sms: { enabled: true } } : {}) };
  expect((await run(PREFER, { input: preference }, bearer(accessToken))).result.preferenceSet).toBe(true);
  return secret;
}

// ---------------------------------------------------------------------------------------------

describe('SOFTWARE_TOKEN_MFA after the password', () => {
  let secret: string;
  beforeAll(async () => {
    secret = await enableTotp(expectTokens(await signIn('totp-user')), false);
  });

  it('the password step answers SOFTWARE_TOKEN_MFA; the app’s code answers it with tokens of that user', async () => {
    const session = expectChallenge(await signIn('totp-user'), 'SOFTWARE_TOKEN_MFA');
    const code = keep(totpCode(secret));
    const { result, calls } = await run(RESPOND, {
      input: { clientId, username: 'totp-user', challengeName: 'SOFTWARE_TOKEN_MFA', session, code },
    });
    const accessToken = expectTokens(result);
    expect(JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString())).toMatchObject({ username: 'totp-user' });
    expect(calls).toEqual({ RespondToAuthChallenge: 1 });
  });

  it('a wrong code is a typed CodeMismatchError', async () => {
    const session = expectChallenge(await signIn('totp-user'), 'SOFTWARE_TOKEN_MFA');
    const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, '0');
    const { result } = await run(RESPOND, {
      input: { clientId, username: 'totp-user', challengeName: 'SOFTWARE_TOKEN_MFA', session, code: wrong },
    });
    expect(result).toMatchObject({ __typename: 'CodeMismatchError', code: 'CODE_MISMATCH' });
  });
});

describe('SMS_MFA after the password', () => {
  it('Cognito texts a code (masked destination in the challenge); the code answers it with tokens', async () => {
    const { step } = await signInWithSms('sms-user');
    expect(step.challenge.parameters).toContainEqual({ name: 'CODE_DELIVERY_DESTINATION', value: '+*******0199' });
  });
});

describe('SELECT_MFA_TYPE when the user has two MFA methods', () => {
  let secret: string;
  beforeAll(async () => {
    secret = await enableTotp((await signInWithSms('choosing-user')).accessToken, true);
  });

  it('lists the methods; answering SOFTWARE_TOKEN_MFA leads to that challenge, and its code to tokens', async () => {
    const step = await signIn('choosing-user');
    const session = expectChallenge(step, 'SELECT_MFA_TYPE');
    const choices = step.challenge.parameters.find((p: Json) => p.name === 'MFAS_CAN_CHOOSE');
    expect(JSON.parse(choices.value).sort()).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);

    const { result: picked } = await run(RESPOND, {
      input: { clientId, username: 'choosing-user', challengeName: 'SELECT_MFA_TYPE', session, answer: 'SOFTWARE_TOKEN_MFA' },
    });
    const next = expectChallenge(picked, 'SOFTWARE_TOKEN_MFA');
    const { result } = await run(RESPOND, {
      input: { clientId, username: 'choosing-user', challengeName: 'SOFTWARE_TOKEN_MFA', session: next, code: totpCode(secret) },
    });
    expectTokens(result);
  });

  it('answering SMS_MFA sends a text; its code signs in', async () => {
    const session = expectChallenge(await signIn('choosing-user'), 'SELECT_MFA_TYPE');
    const since = mailbox.mark();
    const { result: picked } = await run(RESPOND, {
      input: { clientId, username: 'choosing-user', challengeName: 'SELECT_MFA_TYPE', session, answer: 'SMS_MFA' },
    });
    const next = expectChallenge(picked, 'SMS_MFA');
    const code = keep(await mailbox.codeFor('choosing-user', { since }));
    const { result } = await run(RESPOND, {
      input: { clientId, username: 'choosing-user', challengeName: 'SMS_MFA', session: next, code },
    });
    expectTokens(result);
  });
});

describe('the gateway log holds no secret of these flows', () => {
  it('no password, TOTP secret, code, session or token appears in anything logged', () => {
    const text = logger.text();
    expect(text).toContain('RespondToAuthChallenge');
    expect(secrets.size).toBeGreaterThan(10);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
