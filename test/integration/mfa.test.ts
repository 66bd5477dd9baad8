import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import type { Logger } from '../../src/domain/logger';
import { createGateway, type Gateway } from '../../src/http/yoga';
import { startCognitoLocal, type CognitoLocal } from '../../src/local/cognito-local';
import { asService, bearer, TEST_SERVICE_KEY, type GraphQLResponse } from '../support/gateway';
import { totpCode } from '../support/totp';

/**
 * MFA (issue 16) end to end: `yoga.fetch`, the real SDK and a cognito-local of this file's own
 * (these tests write). cognito-local implements GetUserPoolMfaConfig, SetUserPoolMfaConfig,
 * SetUserMFAPreference, AssociateSoftwareToken and VerifySoftwareToken (the last two with an
 * access token only); AdminSetUserMFAPreference and AdminDeleteSoftwareToken are tested against
 * scripted answers (test/contract/mfa.test.ts). Where the emulator would hide a gateway mistake
 * (it keeps what Cognito may reset), the request the gateway sent is checked from a recorder.
 */

type Json = Record<string, any>;

/** Every line the gateway logged, at every level, as an operator would read it. */
const logged: string[] = [];
const logger: Logger = Object.fromEntries(
  (['debug', 'info', 'warn', 'error'] as const).map((level) => [
    level,
    (...args: unknown[]) => logged.push(`${level} ${args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 10 }))).join(' ')}`),
  ]),
) as unknown as Logger;

/** Every command the gateway's SDK client sent, with its input as sent. */
const sent: { operation: string; input: Json }[] = [];
/** Every response body the gateway gave, as text. */
const bodies: string[] = [];

let dataDir: string;
let local: CognitoLocal;
let sdk: CognitoIdentityProviderClient;
let gateway: Gateway;
let userPoolId: string;
let clientId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mfa-test-'));
  local = await startCognitoLocal({ dataDir });
  sdk = createCognitoClient({ region: 'local', endpoint: local.endpoint, credentials: localCredentials, maxAttempts: 1 });
  sdk.middlewareStack.add(
    ((next: (args: { input: Json }) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: Json }) => {
      sent.push({ operation: (context.commandName ?? '').replace(/Command$/, ''), input: structuredClone(args.input) });
      return next(args);
    }) as never,
    { step: 'initialize', name: 'recordSentCommands' },
  );
  const pool = await sdk.send(new CreateUserPoolCommand({ PoolName: 'mfa' }));
  userPoolId = pool.UserPool!.Id!;
  const app = await sdk.send(
    new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }),
  );
  clientId = app.UserPoolClient!.ClientId!;
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
  sent.length = 0;
});

afterAll(async () => {
  sdk?.destroy();
  await local?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  sent.length = 0;
});

async function post(query: string, variables: Json = {}, headers: Record<string, string> = asService): Promise<GraphQLResponse> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  bodies.push(text);
  return JSON.parse(text) as GraphQLResponse;
}

/** The one root field of an answer without GraphQL errors. */
async function run(query: string, variables: Json = {}, headers: Record<string, string> = asService) {
  const response = await post(query, variables, headers);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  const [field] = Object.values(response.data ?? {}) as Json[];
  return { result: field!, calls: response.extensions?.cognitoCalls };
}

const ERROR = '__typename ... on CognitoError { code message } ... on InvalidInputError { field reason }';
const MFA_CONFIG =
  'mfaConfiguration sms { authenticationMessage snsCallerArn } softwareToken { enabled } email { message subject } webAuthn { relyingPartyId }';
const READ_CONFIG = `query ($id: String!) { userPool(userPoolId: $id) { a: mfaConfig { ${MFA_CONFIG} } b: mfaConfig { softwareToken { enabled } } } }`;
const SET_CONFIG = `mutation ($input: SetUserPoolMfaConfigInput!) { setUserPoolMfaConfig(input: $input) { ${ERROR} ... on SetUserPoolMfaConfigPayload { mfaConfig { ${MFA_CONFIG} } userPool { mfaConfig { mfaConfiguration softwareToken { enabled } } } } } }`;
const VIEWER_MFA = 'viewer { username mfa { preferred enabled } }';
const ASSOCIATE = `mutation ($input: AssociateSoftwareTokenInput!) { associateSoftwareToken(input: $input) { ${ERROR} ... on AssociateSoftwareTokenPayload { secretCode session ${VIEWER_MFA} } } }`;
const VERIFY = `mutation ($input: VerifySoftwareTokenInput!) { verifySoftwareToken(input: $input) { ${ERROR} ... on VerifySoftwareTokenPayload { status session ${VIEWER_MFA} } } }`;
const SET_PREFERENCE = `mutation ($input: SetUserMFAPreferenceInput!) { setUserMFAPreference(input: $input) { ${ERROR} ... on SetUserMFAPreferencePayload { preferenceSet ${VIEWER_MFA} } } }`;
const SIGN_IN = `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { ${ERROR} ... on InitiateAuthPayload { tokens { accessToken } } } }`;

let users = 0;
/** A confirmed user of the pool, signed in through the gateway: its access token. */
async function signedInUser(): Promise<{ username: string; accessToken: string }> {
  const username = `mfa-user-${++users}`;
  const password = 'Mfa-Test-Pa55word';
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS' }));
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: password, Permanent: true }));
  const { result } = await run(SIGN_IN, { input: { clientId, username, authFlow: 'USER_PASSWORD_AUTH', password } }, {});
  expect(result.__typename, JSON.stringify(result)).toBe('InitiateAuthPayload');
  sent.length = 0;
  return { username, accessToken: result.tokens.accessToken };
}

describe('UserPool.mfaConfig and setUserPoolMfaConfig', () => {
  it('a new pool reads as MFA OFF without TOTP; asked twice in a request, it is one GetUserPoolMfaConfig', async () => {
    const { result, calls } = await run(READ_CONFIG, { id: userPoolId });
    expect(result.a.mfaConfiguration).toBe('OFF');
    expect(result.a.softwareToken).toEqual({ enabled: false });
    expect(result.b.softwareToken).toEqual({ enabled: false });
    // DescribeUserPool: the lookup of the pool itself (null when there is none).
    expect(calls?.byOperation).toEqual({ DescribeUserPool: 1, GetUserPoolMfaConfig: 1 });
  });

  it('turns TOTP on with MFA OPTIONAL: the payload and a later read say so', async () => {
    const { result, calls } = await run(SET_CONFIG, {
      input: { userPoolId, mfaConfiguration: 'OPTIONAL', softwareToken: { enabled: true } },
    });
    expect(result.__typename, JSON.stringify(result)).toBe('SetUserPoolMfaConfigPayload');
    expect(result.mfaConfig.mfaConfiguration).toBe('OPTIONAL');
    expect(result.mfaConfig.softwareToken).toEqual({ enabled: true });
    expect(result.userPool.mfaConfig).toEqual({ mfaConfiguration: 'OPTIONAL', softwareToken: { enabled: true } });
    // The current configuration is read first, then the change sent; the payload's pool is read afresh.
    expect(calls?.calls.map((call: { operation: string }) => call.operation)).toEqual([
      'GetUserPoolMfaConfig',
      'SetUserPoolMfaConfig',
      'GetUserPoolMfaConfig',
    ]);
    const later = await run(READ_CONFIG, { id: userPoolId });
    expect(later.result.a.mfaConfiguration).toBe('OPTIONAL');
    expect(later.result.a.softwareToken).toEqual({ enabled: true });
  });

  it('changing only the SMS message carries TOTP and the MFA mode over in the request it sends', async () => {
    const { result } = await run(SET_CONFIG, { input: { userPoolId, sms: { authenticationMessage: 'Your code is {####}' } } });
    expect(result.mfaConfig.sms.authenticationMessage).toBe('Your code is {####}');
    expect(result.mfaConfig.softwareToken).toEqual({ enabled: true });
    const set = sent.find((command) => command.operation === 'SetUserPoolMfaConfig');
    expect(set?.input).toEqual({
      UserPoolId: userPoolId,
      MfaConfiguration: 'OPTIONAL',
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your code is {####}' },
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
  });

  it('a method with MFA OFF is bad input, answered before any call', async () => {
    const { result, calls } = await run(SET_CONFIG, { input: { userPoolId, mfaConfiguration: 'OFF', softwareToken: { enabled: true } } });
    expect(result).toMatchObject({ __typename: 'InvalidInputError', field: 'input.softwareToken' });
    expect(calls?.total ?? 0).toBe(0);
    expect(sent).toEqual([]);
  });

  it('a bad pool id is bad input, answered before any call', async () => {
    const { result } = await run(SET_CONFIG, { input: { userPoolId: 'not a pool', mfaConfiguration: 'ON' } });
    expect(result).toMatchObject({ __typename: 'InvalidInputError', field: 'input.userPoolId' });
    expect(sent).toEqual([]);
  });

  it('is for administrators: a signed-in user is refused, and so is its read of the pool', async () => {
    const { accessToken } = await signedInUser();
    const answer = await post(SET_CONFIG, { input: { userPoolId, mfaConfiguration: 'ON' } }, bearer(accessToken));
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(sent).toEqual([]);
  });
});

describe('software token (TOTP) set-up by a signed-in user', () => {
  it('associates, verifies with the app’s code, and prefers TOTP; the viewer shows each step', async () => {
    const { username, accessToken } = await signedInUser();
    const associated = await run(ASSOCIATE, { input: {} }, bearer(accessToken));
    expect(associated.result.__typename, JSON.stringify(associated.result)).toBe('AssociateSoftwareTokenPayload');
    const secret = associated.result.secretCode as string;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(associated.result.viewer).toEqual({ username, mfa: { preferred: null, enabled: [] } });
    expect(sent.find((command) => command.operation === 'AssociateSoftwareToken')?.input).toEqual({ AccessToken: accessToken });

    const wrong = await run(VERIFY, { input: { userCode: totpCode(secret, new Date(Date.now() - 10 * 60_000)) } }, bearer(accessToken));
    expect(wrong.result).toMatchObject({ __typename: 'CodeMismatchError', code: 'CODE_MISMATCH' });

    const verified = await run(VERIFY, { input: { userCode: totpCode(secret), friendlyDeviceName: 'Work phone' } }, bearer(accessToken));
    expect(verified.result).toMatchObject({ __typename: 'VerifySoftwareTokenPayload', status: 'SUCCESS' });
    // cognito-local turns TOTP on when it is verified (its UserMFASettingList gains it).
    expect(verified.result.viewer.mfa.enabled).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(sent.findLast((command) => command.operation === 'VerifySoftwareToken')?.input).toEqual({
      AccessToken: accessToken,
      UserCode: totpCode(secret),
      FriendlyDeviceName: 'Work phone',
    });

    const preferred = await run(SET_PREFERENCE, { input: { softwareToken: { enabled: true, preferred: true } } }, bearer(accessToken));
    expect(preferred.result).toMatchObject({
      preferenceSet: true,
      viewer: { mfa: { preferred: 'SOFTWARE_TOKEN_MFA', enabled: ['SOFTWARE_TOKEN_MFA'] } },
    });
    expect(sent.find((command) => command.operation === 'SetUserMFAPreference')?.input).toEqual({
      AccessToken: accessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });

    // An administrator sees the same through User.mfa.
    const { result: user } = await run(
      'query ($p: String!, $u: String!) { user(userPoolId: $p, username: $u) { mfa { preferred enabled } } }',
      {
        p: userPoolId,
        u: username,
      },
    );
    expect(user.mfa).toEqual({ preferred: 'SOFTWARE_TOKEN_MFA', enabled: ['SOFTWARE_TOKEN_MFA'] });
  });

  it('the TOTP secret is in the associating response only: not in the call log, the logs, or any other response', async () => {
    const { accessToken } = await signedInUser();
    const before = bodies.length;
    const logsBefore = logged.length;
    const { result, calls } = await run(ASSOCIATE, { input: {} }, bearer(accessToken));
    const secret = result.secretCode as string;
    expect(secret.length).toBeGreaterThanOrEqual(16);
    // The call log (GATEWAY_DEBUG's extensions.cognitoCalls) names the call and nothing of its answer.
    expect(calls?.byOperation).toEqual({ AssociateSoftwareToken: 1, GetUser: 1 });
    expect(JSON.stringify(calls)).not.toContain(secret);
    await run(VERIFY, { input: { userCode: totpCode(secret) } }, bearer(accessToken));
    await run(`{ ${VIEWER_MFA} }`, {}, bearer(accessToken));
    const mine = bodies.slice(before);
    expect(mine.filter((body) => body.includes(secret))).toHaveLength(1);
    expect(logged.length).toBeGreaterThan(logsBefore);
    expect(logged.slice(logsBefore).filter((line) => line.includes(secret))).toEqual([]);
  });

  it('two preferred methods, or none named, are bad input before any call', async () => {
    const { accessToken } = await signedInUser();
    const two = await run(SET_PREFERENCE, { input: { sms: { preferred: true }, softwareToken: { preferred: true } } }, bearer(accessToken));
    expect(two.result).toMatchObject({ __typename: 'InvalidInputError', field: 'input.softwareToken.preferred' });
    const none = await run(SET_PREFERENCE, { input: {} }, bearer(accessToken));
    expect(none.result).toMatchObject({ __typename: 'InvalidInputError', field: 'input' });
    const code = await run(VERIFY, { input: { userCode: '12ab56' } }, bearer(accessToken));
    expect(code.result).toMatchObject({ __typename: 'InvalidInputError', field: 'input.userCode' });
    expect(sent).toEqual([]);
  });

  it('verifying before associating is Cognito’s answer, typed (cognito-local: InvalidParameterException)', async () => {
    const { accessToken } = await signedInUser();
    const { result } = await run(VERIFY, { input: { userCode: '123456' } }, bearer(accessToken));
    // AWS answers SoftwareTokenMFANotFoundException here; the emulator a generic InvalidParameterException.
    expect(result).toMatchObject({ __typename: 'InvalidParameterError' });
  });
});

describe('software token (TOTP) set-up inside sign-in, with the challenge’s session', () => {
  const session = 'AYABeC0ffee-session-0123456789abcdef';

  it('sends the session alone (no access token); cognito-local does not implement this path, and says so', async () => {
    const { result } = await run(ASSOCIATE, { input: { session, clientId, username: 'someone' } }, {});
    expect(sent.map((command) => command.operation)).toEqual(['AssociateSoftwareToken']);
    expect(sent[0]!.input).toEqual({ Session: session });
    expect(result).toMatchObject({ __typename: 'InvalidParameterError', code: 'BAD_USER_INPUT' });
  });

  it('an anonymous caller without a session is told to send one, before any call', async () => {
    const { result } = await run(ASSOCIATE, { input: {} }, {});
    expect(result).toMatchObject({ __typename: 'InvalidInputError', field: 'input.session' });
    const verify = await run(VERIFY, { input: { userCode: '123456' } }, {});
    expect(verify.result).toMatchObject({ __typename: 'InvalidInputError', field: 'input.session' });
    expect(sent).toEqual([]);
  });

  it('a session without the app client or the user is bad input; an app client the gateway does not serve is refused', async () => {
    const noClient = await run(ASSOCIATE, { input: { session, username: 'someone' } }, {});
    expect(noClient.result).toMatchObject({ __typename: 'InvalidInputError', field: 'input.clientId' });
    const noUser = await run(VERIFY, { input: { session, clientId, userCode: '123456' } }, {});
    expect(noUser.result).toMatchObject({ __typename: 'InvalidInputError', field: 'input.username' });
    const foreign = await post(ASSOCIATE, { input: { session, clientId: 'unservedclient000000000000', username: 'someone' } }, {});
    expect(foreign.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['FORBIDDEN', expect.stringContaining('is not served by this gateway')],
    ]);
    expect(sent).toEqual([]);
  });

  it('a service key has no account of its own: without a session it is refused (FORBIDDEN), no call', async () => {
    const answer = await post(ASSOCIATE, { input: {} }, asService);
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(sent).toEqual([]);
  });
});
