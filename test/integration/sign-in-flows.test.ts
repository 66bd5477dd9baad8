import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { getNamedType, isInputObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { startCognitoLocal, type CognitoLocal } from '../../src/local/cognito-local';
import type { Logger } from '../../src/domain/logger';
import { schema } from '../../src/schema';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/http/yoga';
import { EmulatorMailbox } from '../support/emulator-mailbox';
import { bearer, postQuery, type GraphQLResponse } from '../support/gateway';

/**
 * The public sign-up / sign-in flows and the self-service fields, end to end: `yoga.fetch`, the
 * real SDK, and a cognito-local of this file's own (these tests write, and other files count the
 * shared emulator's users). Confirmation codes are read from the emulator's log.
 *
 * Where cognito-local answers differently from AWS, the test asserts the emulator's answer and
 * says so (e.g. changePassword's wrong password is InvalidPasswordException here, NotAuthorizedException
 * on AWS). The public flows answer as AWS with PreventUserExistenceErrors does (test/integration/user-existence.test.ts).
 */

// ---------------------------------------------------------------------------------------------
// The emulator, its pool and the gateway
// ---------------------------------------------------------------------------------------------

const mailbox = new EmulatorMailbox();
/** Every secret the flows handle: none may appear in the gateway's log. */
const secrets = new Set<string>();
const keep = <T extends string | null | undefined>(value: T): T => {
  if (value) secrets.add(value);
  return value;
};

interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  text: string;
}

/** A logger that keeps everything, at every level, rendered as an operator would read it. */
function capturingLogger(): Logger & { entries: LogEntry[]; text(): string } {
  const entries: LogEntry[] = [];
  const render = (arg: unknown) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 10, showHidden: true, breakLength: Infinity }));
  const at =
    (level: LogEntry['level']) =>
    (...args: unknown[]) => {
      entries.push({ level, text: args.map(render).join(' ') });
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    entries,
    text: () => entries.map((e) => `${e.level} ${e.text}`).join('\n'),
  };
}

let dataDir: string;
let local: CognitoLocal;
let sdk: CognitoIdentityProviderClient;
let userPoolId: string;
let clientId: string;
/** An app client of the same pool that the gateway does not serve. */
let foreignClientId: string;
let gateway: Gateway;
const log = capturingLogger();

function gatewayWith(options: Partial<GatewayOptions> = {}): Gateway {
  return createGateway({ client: sdk, appClients: [{ userPoolId, clientId }], issuerBase: local.endpoint, debug: true, ...options });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sign-in-flows-'));
  local = await startCognitoLocal({ dataDir, onLine: mailbox.onLine });
  mailbox.connect(local.endpoint);
  sdk = createCognitoClient({ region: 'local', endpoint: local.endpoint, credentials: localCredentials });
  const pool = await sdk.send(
    new CreateUserPoolCommand({
      PoolName: 'sign-in-flows',
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: { MinimumLength: 10, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: false },
      },
    }),
  );
  userPoolId = pool.UserPool!.Id!;
  const explicitAuthFlows = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;
  const app = await sdk.send(
    new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'web', ExplicitAuthFlows: [...explicitAuthFlows] }),
  );
  clientId = app.UserPoolClient!.ClientId!;
  const other = await sdk.send(
    new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'other', ExplicitAuthFlows: [...explicitAuthFlows] }),
  );
  foreignClientId = other.UserPoolClient!.ClientId!;
  // Generous: the flows below make many public calls from one (unknown) address.
  gateway = gatewayWith({ logger: log, publicFlowRateLimit: 1000, publicFlowRateLimitPerUsername: 1000 });
});

afterAll(async () => {
  sdk?.destroy();
  await local?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

const ERROR = /* GraphQL */ `__typename ... on CognitoError { code message } ... on InvalidInputError { field reason }`;
const TOKENS = 'tokens { accessToken idToken refreshToken expiresIn tokenType } challenge { name session parameters { name value } }';
const VIEWER = 'viewer { username sub email emailVerified name attributes { name value } }';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { ${ERROR} ... on SignUpPayload { userConfirmed userSub codeDelivery { attributeName deliveryMedium destination } } } }`;
const CONFIRM_SIGN_UP = `mutation ($input: ConfirmSignUpInput!) { confirmSignUp(input: $input) { ${ERROR} ... on ConfirmSignUpPayload { username confirmed } } }`;
const RESEND_CODE = `mutation ($input: ResendConfirmationCodeInput!) { resendConfirmationCode(input: $input) { ${ERROR} ... on ResendConfirmationCodePayload { codeDelivery { destination } } } }`;
const INITIATE_AUTH = `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { ${ERROR} ... on InitiateAuthPayload { ${TOKENS} } } }`;
const RESPOND = `mutation ($input: RespondToAuthChallengeInput!) { respondToAuthChallenge(input: $input) { ${ERROR} ... on RespondToAuthChallengePayload { ${TOKENS} } } }`;
const FORGOT = `mutation ($input: ForgotPasswordInput!) { forgotPassword(input: $input) { ${ERROR} ... on ForgotPasswordPayload { codeDelivery { attributeName deliveryMedium destination } } } }`;
const CONFIRM_FORGOT = `mutation ($input: ConfirmForgotPasswordInput!) { confirmForgotPassword(input: $input) { ${ERROR} ... on ConfirmForgotPasswordPayload { username passwordChanged } } }`;
const VIEWER_QUERY = `{ ${VIEWER} }`;
const CHANGE_PASSWORD = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { ${ERROR} ... on ChangePasswordPayload { passwordChanged } } }`;
const UPDATE_ATTRIBUTES = `mutation ($input: UpdateUserAttributesInput!) { updateUserAttributes(input: $input) { ${ERROR} ... on UpdateUserAttributesPayload { codeDeliveries { attributeName deliveryMedium destination } ${VIEWER} } } }`;
const DELETE_ATTRIBUTES = `mutation ($input: DeleteUserAttributesInput!) { deleteUserAttributes(input: $input) { ${ERROR} ... on DeleteUserAttributesPayload { deletedAttributes ${VIEWER} } } }`;
const GET_VERIFICATION_CODE = `mutation ($input: GetUserAttributeVerificationCodeInput!) { getUserAttributeVerificationCode(input: $input) { ${ERROR} ... on GetUserAttributeVerificationCodePayload { codeDelivery { attributeName deliveryMedium destination } } } }`;
const VERIFY_ATTRIBUTE = `mutation ($input: VerifyUserAttributeInput!) { verifyUserAttribute(input: $input) { ${ERROR} ... on VerifyUserAttributePayload { verifiedAttribute ${VIEWER} } } }`;
const GLOBAL_SIGN_OUT = `mutation { globalSignOut(input: { confirm: true }) { ${ERROR} ... on GlobalSignOutPayload { signedOut } } }`;
const DELETE_USER = `mutation ($confirm: Boolean!) { deleteUser(input: { confirm: $confirm }) { ${ERROR} ... on DeleteUserPayload { deletedUsername } } }`;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Json = Record<string, any>;

/** The one root field of an answer without GraphQL errors, and the Cognito calls it cost. */
async function run(query: string, variables: Json = {}, headers: Record<string, string> = {}, on: Gateway = gateway) {
  const response = await postQuery(on, query, variables, headers);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  const [field] = Object.values(response.data ?? {}) as Json[];
  expect(field).toBeDefined();
  return { result: field!, calls: response.extensions?.cognitoCalls?.byOperation ?? {}, total: response.extensions?.cognitoCalls?.total };
}

/** The single GraphQL error of an answer (a refusal that is not a typed result). */
async function refusal(query: string, variables: Json = {}, headers: Record<string, string> = {}, on: Gateway = gateway) {
  const response: GraphQLResponse = await postQuery(on, query, variables, headers);
  expect(response.errors, JSON.stringify(response.data)).toHaveLength(1);
  return { error: response.errors![0]!, data: response.data, total: response.extensions?.cognitoCalls?.total };
}

function expectTokens(step: Json, { refreshToken }: { refreshToken: boolean }) {
  expect(step.__typename).toMatch(/^(InitiateAuth|RespondToAuthChallenge)Payload$/);
  expect(step.challenge).toBeNull();
  const tokens = step.tokens as Json;
  expect(tokens.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(tokens.idToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(tokens.tokenType).toBe('Bearer');
  if (refreshToken) expect(tokens.refreshToken).toEqual(expect.any(String));
  else expect(tokens.refreshToken).toBeNull();
  for (const token of [tokens.accessToken, tokens.idToken, tokens.refreshToken]) keep(token);
  return tokens as { accessToken: string; idToken: string; refreshToken: string | null; expiresIn: number | null };
}

/** The claims of a JWT, unverified: to see whose token the gateway handed out. */
function claims(token: string): Json {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

const emailOf = (username: string) => `${username}@example.com`;

async function signUp(
  username: string,
  password: string,
  attributes: { name: string; value: string }[] = [{ name: 'email', value: emailOf(username) }],
) {
  keep(password);
  const since = mailbox.mark();
  const { result, calls } = await run(SIGN_UP, { input: { clientId, username, password, attributes } });
  return { result, calls, since };
}

async function confirm(username: string, code: string) {
  return (await run(CONFIRM_SIGN_UP, { input: { clientId, username, confirmationCode: keep(code) } })).result;
}

async function signIn(username: string, password: string) {
  keep(password);
  return (await run(INITIATE_AUTH, { input: { clientId, username, authFlow: 'USER_PASSWORD_AUTH', password } })).result;
}

/** A confirmed user, signed in. */
async function registeredUser(username: string, password: string) {
  const { result, since } = await signUp(username, password);
  expect(result.__typename).toBe('SignUpPayload');
  expect((await confirm(username, await mailbox.codeFor(username, { since }))).__typename).toBe('ConfirmSignUpPayload');
  return { userSub: result.userSub as string, tokens: expectTokens(await signIn(username, password), { refreshToken: true }) };
}

function wrongCode(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

function attributeMap(viewer: Json): Record<string, string> {
  return Object.fromEntries((viewer.attributes as { name: string; value: string }[]).map((a) => [a.name, a.value]));
}

// ---------------------------------------------------------------------------------------------
// The whole life of an account
// ---------------------------------------------------------------------------------------------

describe('the life of an account: sign-up to deletion, every step through the gateway', () => {
  const username = 'alice';
  const firstPassword = 'Alice-first-Passw0rd';
  const secondPassword = 'Alice-second-Passw0rd';
  let userSub: string;
  let accessToken: string;
  let refreshToken: string;

  it('signUp registers an unconfirmed user and says where the code went', async () => {
    const { result, calls, since } = await signUp(username, firstPassword);
    expect(result.__typename).toBe('SignUpPayload');
    expect(result.userConfirmed).toBe(false);
    expect(result.userSub).toMatch(/^[0-9a-f-]{36}$/);
    // Masked as AWS masks it (cognito-local does not).
    expect(result.codeDelivery).toEqual({ attributeName: 'email', deliveryMedium: 'EMAIL', destination: 'a***@e***' });
    expect(calls).toEqual({ SignUp: 1 });
    userSub = result.userSub;
    const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
    expect(user.UserStatus).toBe('UNCONFIRMED');
    expect(await mailbox.codeFor(username, { since, purpose: 'SignUp' })).toMatch(/^\d{6}$/);
  });

  it('signing in before confirming is a typed UserNotConfirmedError', async () => {
    const result = await signIn(username, firstPassword);
    expect(result).toMatchObject({ __typename: 'UserNotConfirmedError', code: 'USER_NOT_CONFIRMED' });
  });

  it('confirmSignUp with a wrong code is a typed CodeMismatchError, and the user stays unconfirmed', async () => {
    const code = await mailbox.codeFor(username, { purpose: 'SignUp' });
    const result = await confirm(username, wrongCode(code));
    expect(result).toMatchObject({ __typename: 'CodeMismatchError', code: 'CODE_MISMATCH' });
    expect(result.message).not.toBe('');
    expect((await sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }))).UserStatus).toBe('UNCONFIRMED');
  });

  it('confirmSignUp with the code the emulator printed confirms the user', async () => {
    const code = await mailbox.codeFor(username, { purpose: 'SignUp' });
    expect(await confirm(username, code)).toEqual({ __typename: 'ConfirmSignUpPayload', username, confirmed: true });
    expect((await sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }))).UserStatus).toBe('CONFIRMED');
  });

  it('initiateAuth USER_PASSWORD_AUTH returns the tokens of that user', async () => {
    const tokens = expectTokens(await signIn(username, firstPassword), { refreshToken: true });
    // cognito-local leaves ExpiresIn out (AWS sends 3600 by default); the gateway then says null, not 0.
    expect(tokens.expiresIn).toBeNull();
    expect(claims(tokens.accessToken)).toMatchObject({
      sub: userSub,
      username,
      client_id: clientId,
      token_use: 'access',
      iss: `${local.endpoint}/${userPoolId}`,
    });
    expect(claims(tokens.idToken)).toMatchObject({ sub: userSub, 'cognito:username': username, token_use: 'id' });
    accessToken = tokens.accessToken;
    refreshToken = tokens.refreshToken!;
  });

  it('viewer with the access token is that user', async () => {
    const { result: viewer, calls } = await run(VIEWER_QUERY, {}, bearer(accessToken));
    expect(viewer).toMatchObject({ username, sub: userSub, email: emailOf(username), name: null });
    expect(attributeMap(viewer)).toMatchObject({ sub: userSub, email: emailOf(username) });
    // cognito-local's ConfirmSignUp does not set email_verified (AWS does when the code went by email).
    expect(viewer.emailVerified).not.toBe(true);
    expect(calls).toEqual({ GetUser: 1 });
  });

  it('changePassword with a wrong previous password is a typed error and changes nothing', async () => {
    const { result } = await run(
      CHANGE_PASSWORD,
      { input: { previousPassword: keep('Not-the-Passw0rd'), proposedPassword: keep('Never-set-Passw0rd') } },
      bearer(accessToken),
    );
    // cognito-local answers InvalidPasswordException; AWS answers NotAuthorizedException.
    expect(result).toMatchObject({ __typename: 'InvalidPasswordError', code: 'INVALID_PASSWORD' });
    expectTokens(await signIn(username, firstPassword), { refreshToken: true });
  });

  it('changePassword changes it: the new password signs in, the old one is refused with a typed error', async () => {
    const { result, calls } = await run(
      CHANGE_PASSWORD,
      { input: { previousPassword: firstPassword, proposedPassword: keep(secondPassword) } },
      bearer(accessToken),
    );
    expect(result).toEqual({ __typename: 'ChangePasswordPayload', passwordChanged: true });
    expect(calls).toEqual({ ChangePassword: 1 });

    const tokens = expectTokens(await signIn(username, secondPassword), { refreshToken: true });
    expect(claims(tokens.accessToken).sub).toBe(userSub);
    accessToken = tokens.accessToken;
    // cognito-local answers InvalidPasswordException for a wrong password; the gateway answers as AWS does.
    expect(await signIn(username, firstPassword)).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
  });

  it('getUserAttributeVerificationCode + verifyUserAttribute verify the email with the printed code', async () => {
    const since = mailbox.mark();
    const { result: sent } = await run(GET_VERIFICATION_CODE, { input: { attributeName: 'email' } }, bearer(accessToken));
    expect(sent.__typename).toBe('GetUserAttributeVerificationCodePayload');
    const code = keep(await mailbox.codeFor(username, { since }));

    const { result: mismatch } = await run(
      VERIFY_ATTRIBUTE,
      { input: { attributeName: 'email', code: wrongCode(code) } },
      bearer(accessToken),
    );
    expect(mismatch).toMatchObject({ __typename: 'CodeMismatchError', code: 'CODE_MISMATCH' });

    const { result: verified, calls } = await run(VERIFY_ATTRIBUTE, { input: { attributeName: 'email', code } }, bearer(accessToken));
    expect(verified.__typename).toBe('VerifyUserAttributePayload');
    expect(verified.verifiedAttribute).toBe('email');
    expect(verified.viewer).toMatchObject({ username, email: emailOf(username), emailVerified: true });
    expect(calls).toEqual({ VerifyUserAttribute: 1, GetUser: 1 });
  });

  it('updateUserAttributes sets a plain attribute at once: the payload viewer shows it, no code is sent', async () => {
    const since = mailbox.mark();
    const { result, calls } = await run(
      UPDATE_ATTRIBUTES,
      { input: { attributes: [{ name: 'name', value: 'Alice Liddell' }] } },
      bearer(accessToken),
    );
    expect(result.__typename).toBe('UpdateUserAttributesPayload');
    expect(result.codeDeliveries).toEqual([]);
    expect(result.viewer).toMatchObject({ username, sub: userSub, name: 'Alice Liddell', email: emailOf(username), emailVerified: true });
    expect(attributeMap(result.viewer).name).toBe('Alice Liddell');
    // The payload's viewer is read after the write, not from a cache of before it.
    expect(calls).toEqual({ UpdateUserAttributes: 1, GetUser: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(mailbox.mark()).toBe(since);
  });

  it('updateUserAttributes of the email unverifies it and sends a code; verifyUserAttribute verifies the new one', async () => {
    const newEmail = 'alice.liddell@example.com';
    const since = mailbox.mark();
    const { result } = await run(UPDATE_ATTRIBUTES, { input: { attributes: [{ name: 'email', value: newEmail }] } }, bearer(accessToken));
    expect(result.__typename).toBe('UpdateUserAttributesPayload');
    expect(result.codeDeliveries).toEqual([{ attributeName: 'email', deliveryMedium: 'EMAIL', destination: 'a***@e***' }]);
    expect(result.viewer).toMatchObject({ email: newEmail, emailVerified: false });
    const code = keep(await mailbox.codeFor(username, { since }));

    const { result: verified } = await run(VERIFY_ATTRIBUTE, { input: { attributeName: 'email', code } }, bearer(accessToken));
    expect(verified).toMatchObject({ __typename: 'VerifyUserAttributePayload', verifiedAttribute: 'email' });
    expect(verified.viewer).toMatchObject({ email: newEmail, emailVerified: true });
  });

  it('deleteUserAttributes removes the attribute; an empty list is refused before any call', async () => {
    const { result, calls } = await run(DELETE_ATTRIBUTES, { input: { names: ['name'] } }, bearer(accessToken));
    expect(result.__typename).toBe('DeleteUserAttributesPayload');
    expect(result.deletedAttributes).toEqual(['name']);
    expect(result.viewer.name).toBeNull();
    expect(attributeMap(result.viewer)).not.toHaveProperty('name');
    expect(attributeMap(result.viewer)).toMatchObject({ sub: userSub, email: 'alice.liddell@example.com' });
    expect(calls).toEqual({ DeleteUserAttributes: 1, GetUser: 1 });

    const empty = await run(DELETE_ATTRIBUTES, { input: { names: [] } }, bearer(accessToken));
    expect(empty.result).toMatchObject({ __typename: 'InvalidInputError', code: 'BAD_USER_INPUT', field: 'input.names' });
    expect(empty.total).toBe(0);
  });

  it('initiateAuth REFRESH_TOKEN_AUTH with the refresh token returns new tokens of the same user', async () => {
    keep(refreshToken);
    const { result, calls } = await run(INITIATE_AUTH, { input: { clientId, username, authFlow: 'REFRESH_TOKEN_AUTH', refreshToken } });
    const tokens = expectTokens(result, { refreshToken: false });
    expect(claims(tokens.accessToken)).toMatchObject({ sub: userSub, username, client_id: clientId, token_use: 'access' });
    expect(calls).toEqual({ InitiateAuth: 1 });
    const { result: viewer } = await run(VIEWER_QUERY, {}, bearer(tokens.accessToken));
    expect(viewer).toMatchObject({ username, sub: userSub });
    accessToken = tokens.accessToken;
  });

  it('globalSignOut reaches Cognito with the user’s token (cognito-local does not implement GlobalSignOut)', async () => {
    const response = await postQuery(gateway, GLOBAL_SIGN_OUT, {}, bearer(accessToken));
    // AWS answers GlobalSignOutPayload { signedOut: true }; the emulator answers CognitoLocal#Unsupported,
    // which is not one of the mutation's typed results, so it comes back as a GraphQL error.
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'NOT_SUPPORTED_BY_LOCAL_COGNITO', operation: 'GlobalSignOut' });
    expect(response.extensions?.cognitoCalls?.byOperation).toEqual({ GlobalSignOut: 1 });
  });

  it('deleteUser without confirm: true is refused as input.confirm and makes no call', async () => {
    const { result, total } = await run(DELETE_USER, { confirm: false }, bearer(accessToken));
    expect(result).toMatchObject({ __typename: 'InvalidInputError', code: 'BAD_USER_INPUT', field: 'input.confirm' });
    expect(result.reason).toMatch(/true/);
    expect(total).toBe(0);
    expect((await sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }))).Username).toBe(username);
  });

  it('deleteUser with confirm: true deletes the account; it can no longer sign in', async () => {
    const { result, calls } = await run(DELETE_USER, { confirm: true }, bearer(accessToken));
    expect(result).toEqual({ __typename: 'DeleteUserPayload', deletedUsername: username });
    expect(calls).toEqual({ DeleteUser: 1 });
    await expect(sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });
    expect(await signIn(username, secondPassword)).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
  });
});

// ---------------------------------------------------------------------------------------------
// Expected failures as typed results; input refused before any call
// ---------------------------------------------------------------------------------------------

describe('expected failures come back as typed results', () => {
  it('signUp of an existing username is UsernameExistsError (USERNAME_EXISTS)', async () => {
    await registeredUser('bob', 'Bob-first-Passw0rd');
    const { result, calls } = await signUp('bob', 'Bob-other-Passw0rd');
    expect(result).toMatchObject({ __typename: 'UsernameExistsError', code: 'USERNAME_EXISTS' });
    expect(result.message).not.toBe('');
    expect(calls).toEqual({ SignUp: 1 });
  });

  it('confirmSignUp of an unknown user is a typed CodeMismatchError, as a wrong code is', async () => {
    expect(await confirm('nobody-here', '123456')).toMatchObject({ __typename: 'CodeMismatchError', code: 'CODE_MISMATCH' });
  });

  it('resendConfirmationCode: cognito-local does not implement ResendConfirmationCode', async () => {
    await signUp('carol', 'Carol-first-Passw0rd');
    const { error, total } = await refusal(RESEND_CODE, { input: { clientId, username: 'carol' } });
    expect(error.extensions).toMatchObject({ code: 'NOT_SUPPORTED_BY_LOCAL_COGNITO', operation: 'ResendConfirmationCode' });
    expect(total).toBe(1);
  });

  const password = 'Valid-Passw0rd-123';
  const refusedBeforeAnyCall: [string, string, Json, string][] = [
    ['signUp with an empty password', SIGN_UP, { username: 'dave', password: '' }, 'input.password'],
    ['signUp with a password that starts with a space', SIGN_UP, { username: 'dave', password: ` ${password}` }, 'input.password'],
    ['signUp with a username with a space', SIGN_UP, { username: 'bad user', password }, 'input.username'],
    ['signUp with an empty username', SIGN_UP, { username: '', password }, 'input.username'],
    [
      'signUp with a control character in an attribute',
      SIGN_UP,
      { username: 'dave', password, attributes: [{ name: 'name', value: 'a\u0007b' }] },
      'input.attributes[0].value',
    ],
    [
      'signUp with an attribute given twice',
      SIGN_UP,
      {
        username: 'dave',
        password,
        attributes: [
          { name: 'name', value: 'a' },
          { name: 'name', value: 'b' },
        ],
      },
      'input.attributes[1].name',
    ],
    ['confirmSignUp with an empty code', CONFIRM_SIGN_UP, { username: 'dave', confirmationCode: '' }, 'input.confirmationCode'],
    [
      'initiateAuth USER_PASSWORD_AUTH without a password',
      INITIATE_AUTH,
      { username: 'dave', authFlow: 'USER_PASSWORD_AUTH' },
      'input.password',
    ],
    [
      'initiateAuth REFRESH_TOKEN_AUTH without a refresh token',
      INITIATE_AUTH,
      { username: 'dave', authFlow: 'REFRESH_TOKEN_AUTH' },
      'input.refreshToken',
    ],
    [
      'respondToAuthChallenge NEW_PASSWORD_REQUIRED without a new password',
      RESPOND,
      { username: 'dave', challengeName: 'NEW_PASSWORD_REQUIRED', session: 'x'.repeat(36) },
      'input.newPassword',
    ],
    [
      'respondToAuthChallenge with a session too short to be one',
      RESPOND,
      { username: 'dave', challengeName: 'NEW_PASSWORD_REQUIRED', session: 'short', newPassword: password },
      'input.session',
    ],
    [
      'confirmForgotPassword with an empty password',
      CONFIRM_FORGOT,
      { username: 'dave', confirmationCode: '123456', password: '' },
      'input.password',
    ],
  ];

  it.each(refusedBeforeAnyCall)('%s → InvalidInputError naming the field, no Cognito call', async (_, document, input, field) => {
    const { result, total } = await run(document, { input: { ...input, clientId } });
    expect(result).toMatchObject({ __typename: 'InvalidInputError', code: 'BAD_USER_INPUT', field });
    expect(result.reason).not.toBe('');
    // The reason never echoes the value back (it may be a password).
    if (typeof input['password'] === 'string' && input['password'] !== '') expect(JSON.stringify(result)).not.toContain(input['password']);
    expect(total).toBe(0);
  });

  it('the user is not created by a refused signUp', async () => {
    await expect(sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: 'dave' }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });
  });

  const publicFlows: [string, string, Json][] = [
    ['signUp', SIGN_UP, { username: 'erin', password }],
    ['confirmSignUp', CONFIRM_SIGN_UP, { username: 'erin', confirmationCode: '123456' }],
    ['resendConfirmationCode', RESEND_CODE, { username: 'erin' }],
    ['initiateAuth', INITIATE_AUTH, { username: 'erin', authFlow: 'USER_PASSWORD_AUTH', password }],
    [
      'respondToAuthChallenge',
      RESPOND,
      { username: 'erin', challengeName: 'NEW_PASSWORD_REQUIRED', session: 'x'.repeat(36), newPassword: password },
    ],
    ['forgotPassword', FORGOT, { username: 'erin' }],
    ['confirmForgotPassword', CONFIRM_FORGOT, { username: 'erin', confirmationCode: '123456', password }],
  ];

  it.each(publicFlows)(
    '%s for an app client of the pool that the gateway does not serve → FORBIDDEN, no call',
    async (_, document, input) => {
      const { error, data, total } = await refusal(document, { input: { ...input, clientId: foreignClientId } });
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.clientId' });
      expect(error.message).toContain(foreignClientId);
      expect(data).toBeNull();
      expect(total).toBe(0);
    },
  );

  it('signUp with a client id that is not an id at all → InvalidInputError on input.clientId, no call', async () => {
    const { result, total } = await run(SIGN_UP, { input: { clientId: 'not a client', username: 'erin', password } });
    expect(result).toMatchObject({ __typename: 'InvalidInputError', field: 'input.clientId' });
    expect(total).toBe(0);
    await expect(sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: 'erin' }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// NEW_PASSWORD_REQUIRED
// ---------------------------------------------------------------------------------------------

describe('NEW_PASSWORD_REQUIRED: a user created by an administrator sets a password at first sign-in', () => {
  const username = 'frank';
  const temporaryPassword = 'Temp-Passw0rd-frank';
  const newPassword = 'Frank-own-Passw0rd';

  it('initiateAuth answers the challenge with a session; respondToAuthChallenge returns tokens', async () => {
    keep(temporaryPassword);
    keep(newPassword);
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: username,
        TemporaryPassword: temporaryPassword,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: emailOf(username) }],
      }),
    );
    const step = await signIn(username, temporaryPassword);
    expect(step.__typename).toBe('InitiateAuthPayload');
    expect(step.tokens).toBeNull();
    expect(step.challenge.name).toBe('NEW_PASSWORD_REQUIRED');
    expect(step.challenge.session).toEqual(expect.any(String));
    expect(step.challenge.session.length).toBeGreaterThanOrEqual(20);
    expect(step.challenge.parameters).toContainEqual({ name: 'USER_ID_FOR_SRP', value: username });
    const session = keep(step.challenge.session as string);

    const { result, calls } = await run(RESPOND, {
      input: { clientId, username, challengeName: 'NEW_PASSWORD_REQUIRED', session, newPassword },
    });
    expect(result.__typename).toBe('RespondToAuthChallengePayload');
    const tokens = expectTokens(result, { refreshToken: true });
    expect(claims(tokens.accessToken)).toMatchObject({ username, client_id: clientId, token_use: 'access' });
    expect(calls).toEqual({ RespondToAuthChallenge: 1 });

    const { result: viewer } = await run(VIEWER_QUERY, {}, bearer(tokens.accessToken));
    expect(viewer).toMatchObject({ username, email: emailOf(username) });
    expect((await sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }))).UserStatus).toBe('CONFIRMED');
  });

  it('afterwards the new password signs in directly and the temporary one is refused', async () => {
    expectTokens(await signIn(username, newPassword), { refreshToken: true });
    expect(await signIn(username, temporaryPassword)).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
  });
});

// ---------------------------------------------------------------------------------------------
// Forgotten password
// ---------------------------------------------------------------------------------------------

describe('forgotPassword → code → confirmForgotPassword', () => {
  const username = 'grace';
  const oldPassword = 'Grace-old-Passw0rd';
  const newPassword = 'Grace-new-Passw0rd';

  it('resets the password with the printed code; the new one signs in, the old one does not', async () => {
    await registeredUser(username, oldPassword);
    keep(newPassword);
    const since = mailbox.mark();
    const { result: sent, calls } = await run(FORGOT, { input: { clientId, username } });
    expect(sent).toEqual({
      __typename: 'ForgotPasswordPayload',
      codeDelivery: { attributeName: 'email', deliveryMedium: 'EMAIL', destination: 'g***@e***' },
    });
    expect(calls).toEqual({ ForgotPassword: 1 });
    const code = keep(await mailbox.codeFor(username, { since, purpose: 'ForgotPassword' }));

    const mismatch = await run(CONFIRM_FORGOT, { input: { clientId, username, confirmationCode: wrongCode(code), password: newPassword } });
    expect(mismatch.result).toMatchObject({ __typename: 'CodeMismatchError', code: 'CODE_MISMATCH' });
    expectTokens(await signIn(username, oldPassword), { refreshToken: true });

    const { result } = await run(CONFIRM_FORGOT, { input: { clientId, username, confirmationCode: code, password: newPassword } });
    expect(result).toEqual({ __typename: 'ConfirmForgotPasswordPayload', username, passwordChanged: true });

    expectTokens(await signIn(username, newPassword), { refreshToken: true });
    expect(await signIn(username, oldPassword)).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
  });

  it('forgotPassword for an unknown user answers as for a known one: a code sent to a masked destination', async () => {
    const { result } = await run(FORGOT, { input: { clientId, username: 'nobody-at-all' } });
    expect(result).toEqual({
      __typename: 'ForgotPasswordPayload',
      codeDelivery: { attributeName: 'email', deliveryMedium: 'EMAIL', destination: expect.stringMatching(/^n\*\*\*@[a-z]\*\*\*$/) },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Self-service reaches only the caller's own account
// ---------------------------------------------------------------------------------------------

describe('a user never reaches another user’s data', () => {
  it('with A’s token viewer is A, with B’s it is B; B’s write through B’s token leaves A unchanged', async () => {
    const a = await registeredUser('henry', 'Henry-own-Passw0rd');
    const b = await registeredUser('irene', 'Irene-own-Passw0rd');
    expect(a.userSub).not.toBe(b.userSub);

    const { result: asA } = await run(VIEWER_QUERY, {}, bearer(a.tokens.accessToken));
    expect(asA).toMatchObject({ username: 'henry', sub: a.userSub, email: emailOf('henry') });
    expect(JSON.stringify(asA)).not.toContain('irene');
    const { result: asB } = await run(VIEWER_QUERY, {}, bearer(b.tokens.accessToken));
    expect(asB).toMatchObject({ username: 'irene', sub: b.userSub, email: emailOf('irene') });

    const { result: updated } = await run(
      UPDATE_ATTRIBUTES,
      { input: { attributes: [{ name: 'name', value: 'Irene Adler' }] } },
      bearer(b.tokens.accessToken),
    );
    expect(updated.viewer).toMatchObject({ username: 'irene', name: 'Irene Adler' });
    const { result: stillA } = await run(VIEWER_QUERY, {}, bearer(a.tokens.accessToken));
    expect(stillA).toMatchObject({ username: 'henry', name: null });
  });

  it('no self-service field takes an argument that could name another user', () => {
    const viewer = schema.getQueryType()!.getFields()['viewer']!;
    expect(viewer.args).toEqual([]);
    const selfService = [
      'changePassword',
      'updateUserAttributes',
      'deleteUserAttributes',
      'deleteUser',
      'getUserAttributeVerificationCode',
      'verifyUserAttribute',
      'globalSignOut',
      'setUserSettings',
    ];
    const mutations = schema.getMutationType()!.getFields();
    const identifying = /^(username|userPoolId|sub|accessToken|token|userId|clientId)$/i;
    for (const name of selfService) {
      const field = mutations[name];
      expect(field, name).toBeDefined();
      expect(
        field!.args.map((a) => a.name),
        name,
      ).toEqual(['input']);
      const input = getNamedType(field!.args[0]!.type);
      expect(isInputObjectType(input), name).toBe(true);
      if (!isInputObjectType(input)) continue;
      const fieldNames = Object.keys(input.getFields());
      expect(
        fieldNames.filter((f) => identifying.test(f)),
        name,
      ).toEqual([]);
    }
  });

  it('asking viewer for someone else is not even valid GraphQL', async () => {
    const response = await postQuery(gateway, `{ viewer(username: "henry") { username } }`, {}, {});
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.message).toMatch(/Unknown argument "username"/);
    expect(response.extensions?.cognitoCalls).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Rate limiting of the public flows per client address
// ---------------------------------------------------------------------------------------------

async function fromAddress(on: Gateway, remoteAddress: string, variables: Json, headers: Record<string, string> = {}) {
  const response = await on.fetch(
    'http://gateway.test/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query: INITIATE_AUTH, variables }),
    },
    { req: { socket: { remoteAddress } } },
  );
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse };
}

describe('public flows are rate-limited per client address', () => {
  const attempt = (username: string) => ({
    input: { clientId, username, authFlow: 'USER_PASSWORD_AUTH', password: keep('Wrong-Passw0rd-x') },
  });

  function expectPassed(answer: { body: GraphQLResponse }, label: string) {
    expect(answer.body.errors, label).toBeUndefined();
    // The call reached Cognito, which refused the unknown user: a typed result, not a refusal.
    expect(answer.body.data?.initiateAuth, label).toMatchObject({ __typename: 'NotAuthorizedError' });
    expect(answer.body.extensions?.cognitoCalls?.total, label).toBe(1);
  }

  function expectLimited(answer: { status: number; headers: Headers; body: GraphQLResponse }) {
    // A field's error in a response with data (null here): 200, as the GraphQL-over-HTTP spec asks; Retry-After still says when.
    expect(answer.status).toBe(200);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answer.body.errors).toHaveLength(1);
    const error = answer.body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(error.extensions!['retryAfterSeconds']).toBeGreaterThanOrEqual(1);
    expect(error.extensions!['retryAfterSeconds']).toBeLessThanOrEqual(60);
    expect(answer.body.data).toBeNull();
    expect(answer.body.extensions?.cognitoCalls?.total).toBe(0);
  }

  it('the 4th call from one address is RATE_LIMITED with retryAfterSeconds; another address still passes', async () => {
    const limited = gatewayWith({ publicFlowRateLimit: 3 });
    for (let i = 1; i <= 3; i++) expectPassed(await fromAddress(limited, '10.1.1.1', attempt('nobody-1')), `call ${i}`);
    expectLimited(await fromAddress(limited, '10.1.1.1', attempt('nobody-1')));
    expectPassed(await fromAddress(limited, '10.1.1.2', attempt('nobody-1')), 'another address');
    // A valid-looking request of another flow from the limited address is refused too.
    expectLimited(await fromAddress(limited, '10.1.1.1', attempt('someone-else')));
  });

  it('input refused before any call does not spend the allowance', async () => {
    const limited = gatewayWith({ publicFlowRateLimit: 3 });
    for (let i = 0; i < 5; i++) {
      const refused = await fromAddress(limited, '10.2.2.2', {
        input: { clientId, username: 'bad user', authFlow: 'USER_PASSWORD_AUTH', password: 'x' },
      });
      expect(refused.body.data?.initiateAuth).toMatchObject({ __typename: 'InvalidInputError', field: 'input.username' });
    }
    for (let i = 1; i <= 3; i++) expectPassed(await fromAddress(limited, '10.2.2.2', attempt('nobody-2')), `call ${i}`);
    expectLimited(await fromAddress(limited, '10.2.2.2', attempt('nobody-2')));
  });

  it('without trustProxy, X-Forwarded-For is ignored: a client cannot dodge the limit by inventing addresses', async () => {
    const limited = gatewayWith({ publicFlowRateLimit: 3 });
    for (let i = 1; i <= 3; i++)
      expectPassed(await fromAddress(limited, '10.3.3.3', attempt('nobody-3'), { 'x-forwarded-for': `198.51.100.${i}` }), `call ${i}`);
    expectLimited(await fromAddress(limited, '10.3.3.3', attempt('nobody-3'), { 'x-forwarded-for': '198.51.100.99' }));
  });

  it('behind one trusted proxy, the client is the address the proxy appended, not one the client wrote', async () => {
    const limited = gatewayWith({ publicFlowRateLimit: 3, trustProxy: { hops: 1 } });
    // The proxy appends the address it received the request from; the client wrote the rest.
    for (let i = 1; i <= 3; i++) {
      expectPassed(
        await fromAddress(limited, `10.9.9.${i}`, attempt('nobody-4'), { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` }),
        `call ${i}`,
      );
    }
    expectLimited(await fromAddress(limited, '10.9.9.4', attempt('nobody-4'), { 'x-forwarded-for': '198.51.100.99, 203.0.113.7' }));
    expectPassed(
      await fromAddress(limited, '10.9.9.4', attempt('nobody-4'), { 'x-forwarded-for': '203.0.113.7, 203.0.113.8' }),
      'another client behind the proxy',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Secrets never reach the log (runs last: it reads what every flow above logged)
// ---------------------------------------------------------------------------------------------

describe('the gateway log holds no secret', () => {
  it('no password, token, session or confirmation code appears in anything logged at any level', () => {
    for (const code of mailbox.allCodes()) secrets.add(code);
    const text = log.text();
    // The log did record the flows (debug level is on), so its silence about secrets means something.
    expect(text).toContain('cognito SignUp ok');
    expect(text).toContain('cognito InitiateAuth ok');
    expect(text).toContain('cognito ConfirmForgotPassword ok');
    expect(text).toMatch(/cognito \w+ answered CodeMismatchException/);
    expect(log.entries.some((e) => e.level === 'debug')).toBe(true);

    expect(mailbox.allCodes().length).toBeGreaterThanOrEqual(6);
    const kinds = { passwords: 0, tokens: 0, codes: 0 };
    for (const secret of secrets) {
      if (/^\d{6}$/.test(secret)) kinds.codes++;
      else if (secret.split('.').length === 3 || secret.length > 200) kinds.tokens++;
      else if (/Passw0rd/.test(secret)) kinds.passwords++;
      const found = /^\d+$/.test(secret) ? new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(text) : text.includes(secret);
      expect(found, `a secret (${secret.slice(0, 4)}…) appears in the log`).toBe(false);
    }
    expect(kinds.passwords).toBeGreaterThanOrEqual(10);
    expect(kinds.tokens).toBeGreaterThanOrEqual(10);
    expect(kinds.codes).toBeGreaterThanOrEqual(6);
  });
});
