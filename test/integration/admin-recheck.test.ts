import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/http/yoga';
import { startCognitoLocal, type CognitoLocal } from '../../src/local/cognito-local';
import { CognitoProxy, type ProxyAction } from '../support/cognito-proxy';
import { asService, bearer, TEST_SERVICE_KEY, type GraphQLResponse } from '../support/gateway';
import { signIn } from '../support/tokens';

/**
 * Administrator rights re-checked against Cognito (AUTH_RECHECK_SECONDS), end to end: `yoga.fetch`,
 * the real SDK and a cognito-local of this file's own (these tests remove, disable and delete
 * administrators). Time is the gateway's injected clock, moved by the test: nothing sleeps.
 *
 * cognito-local implements neither global sign-out nor the revocation of a disabled user's tokens:
 * for those, and for a Cognito that throttles or fails, a loopback proxy in front of the emulator
 * answers GetUser as the AWS API reference documents, and passes everything else on.
 */

const WINDOW_MS = 60_000;
const PASSWORD = 'Recheck-Passw0rd';

let dataDir: string;
let local: CognitoLocal;
let sdk: CognitoIdentityProviderClient;
let userPoolId: string;
let clientId: string;
/** The gateway's clock (milliseconds, like performance.now()); a test moves it past the window instead of waiting. */
let now = 1_000_000;
let gateway: Gateway;
let proxy: CognitoProxy;

function gatewayWith(options: Partial<GatewayOptions> = {}): Gateway {
  return createGateway({
    client: sdk,
    appClients: [{ userPoolId, clientId }],
    issuerBase: local.endpoint,
    adminGroup: `${userPoolId}:admins`,
    serviceKeys: [TEST_SERVICE_KEY],
    debug: true,
    publicFlowRateLimit: 1000,
    recheckClock: () => now,
    ...options,
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'admin-recheck-'));
  local = await startCognitoLocal({ dataDir });
  sdk = createCognitoClient({ region: 'local', endpoint: local.endpoint, credentials: localCredentials });
  userPoolId = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'admin-recheck' }))).UserPool!.Id!;
  const app = await sdk.send(
    new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }),
  );
  clientId = app.UserPoolClient!.ClientId!;
  await sdk.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: 'admins' }));
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: PROBE, MessageAction: 'SUPPRESS' }));
  gateway = gatewayWith();
  proxy = await new CognitoProxy(local.endpoint).start();
});

afterAll(async () => {
  await proxy?.stop();
  sdk?.destroy();
  await local?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

let accounts = 0;

/** A new confirmed user (in `admins` unless told otherwise), signed in through the gateway. */
async function newAccount(admin = true): Promise<{ username: string; token: string }> {
  const username = `recheck-${++accounts}`;
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS' }));
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
  if (admin) await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: 'admins' }));
  return { username, token: (await signIn(gateway, clientId, username, PASSWORD)).accessToken };
}

/** An administrative field (one AdminGetUser) and a self-service one (one GetUser with the caller's token). */
const PROBE = 'recheck-probe';
const probeField = () => `user(userPoolId: "${userPoolId}", username: "${PROBE}") { username }`;
const adminQuery = () => `{ ${probeField()} }`;
const bothQuery = () => `{ viewer { username } ${probeField()} }`;

interface Answer extends GraphQLResponse {
  status: number;
}

async function ask(on: Gateway, headers: Record<string, string>, query: string): Promise<Answer> {
  const response = await on.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { ...((await response.json()) as GraphQLResponse), status: response.status };
}

/** The re-check's calls in one answer: GetUser with the caller's token and AdminListGroupsForUser. */
function checkCalls(answer: Answer) {
  const byOperation = answer.extensions?.cognitoCalls?.byOperation ?? {};
  return { GetUser: byOperation['GetUser'] ?? 0, AdminListGroupsForUser: byOperation['AdminListGroupsForUser'] ?? 0 };
}

const checked = { GetUser: 1, AdminListGroupsForUser: 1 };
const notChecked = { GetUser: 0, AdminListGroupsForUser: 0 };

function expectAdministrator(answer: Answer) {
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  expect(answer.data?.['user']).toEqual({ username: PROBE });
}

describe('an administrator’s token is confirmed with Cognito once per window', () => {
  it('checks on the first request, trusts the answer within the window, checks again after it', async () => {
    const admin = await newAccount();
    const first = await ask(gateway, bearer(admin.token), adminQuery());
    expectAdministrator(first);
    expect(checkCalls(first)).toEqual(checked);

    now += WINDOW_MS - 1;
    const within = await ask(gateway, bearer(admin.token), adminQuery());
    expectAdministrator(within);
    expect(checkCalls(within)).toEqual(notChecked);
    expect(within.extensions?.cognitoCalls?.byOperation).toEqual({ AdminGetUser: 1 });

    now += 2;
    const after = await ask(gateway, bearer(admin.token), adminQuery());
    expectAdministrator(after);
    expect(checkCalls(after)).toEqual(checked);
  });

  it('concurrent requests with one token share one check', async () => {
    const admin = await newAccount();
    const answers = await Promise.all(Array.from({ length: 5 }, () => ask(gateway, bearer(admin.token), adminQuery())));
    answers.forEach(expectAdministrator);
    const total = answers.map(checkCalls).reduce((sum, calls) => ({
      GetUser: sum.GetUser + calls.GetUser,
      AdminListGroupsForUser: sum.AdminListGroupsForUser + calls.AdminListGroupsForUser,
    }));
    expect(total).toEqual(checked);
  });

  it('costs two calls per token per window: 10 requests make 12 calls (10 without the check, 30 checking every request)', async () => {
    const admin = await newAccount();
    const totalOf = async (on: Gateway, headers: Record<string, string>) => {
      let total = 0;
      for (let i = 0; i < 10; i++) {
        const answer = await ask(on, headers, adminQuery());
        expectAdministrator(answer);
        total += answer.extensions?.cognitoCalls?.total ?? 0;
      }
      return total;
    };
    // A service key is configuration, not a token: nothing to confirm, the query's calls alone.
    expect(await totalOf(gateway, asService)).toBe(10);
    expect(await totalOf(gateway, bearer(admin.token))).toBe(12);
    expect(await totalOf(gatewayWith({ authRecheckSeconds: 0 }), bearer(admin.token))).toBe(30);
  });

  it('a plain user’s token is not checked: its self-service calls carry it to Cognito, which checks it itself', async () => {
    const user = await newAccount(false);
    const answer = await ask(gateway, bearer(user.token), '{ viewer { username } }');
    expect(answer.data?.['viewer']).toEqual({ username: user.username });
    expect(answer.extensions?.cognitoCalls?.byOperation).toEqual({ GetUser: 1 });
  });
});

describe('what happened to an administrator takes effect within the window', () => {
  it('removed from the group: still an administrator within the window, then a plain user (FORBIDDEN on admin fields, its viewer still served)', async () => {
    const admin = await newAccount();
    expectAdministrator(await ask(gateway, bearer(admin.token), adminQuery()));
    await sdk.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: admin.username, GroupName: 'admins' }));

    const within = await ask(gateway, bearer(admin.token), adminQuery());
    expectAdministrator(within);
    expect(checkCalls(within)).toEqual(notChecked);

    now += WINDOW_MS + 1;
    const after = await ask(gateway, bearer(admin.token), bothQuery());
    expect(after.status).toBe(200);
    expect(after.data?.['viewer']).toEqual({ username: admin.username });
    expect(after.data?.['user']).toBeNull();
    expect(after.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['user'], 'FORBIDDEN']]);
    // The check's two calls and the viewer's own GetUser; no AdminGetUser.
    expect(after.extensions?.cognitoCalls?.byOperation).toEqual({ GetUser: 2, AdminListGroupsForUser: 1 });

    // The downgrade is remembered for the window like any answer.
    const again = await ask(gateway, bearer(admin.token), adminQuery());
    expect(again.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(again.extensions?.cognitoCalls?.total).toBe(0);
  });

  it('deleted: after the window its token is refused outright (401), before any field runs', async () => {
    const admin = await newAccount();
    expectAdministrator(await ask(gateway, bearer(admin.token), adminQuery()));
    await sdk.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: admin.username }));

    now += WINDOW_MS + 1;
    const after = await ask(gateway, bearer(admin.token), bothQuery());
    expect(after.status).toBe(401);
    expect(after.data).toBeUndefined();
    expect(after.errors).toHaveLength(1);
    expect(after.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.errors![0]!.message).toMatch(/no longer accepted by Cognito/);
  });

  it('with AUTH_RECHECK_SECONDS=0 a removal counts on the very next request', async () => {
    const strict = gatewayWith({ authRecheckSeconds: 0 });
    const admin = await newAccount();
    expectAdministrator(await ask(strict, bearer(admin.token), adminQuery()));
    await sdk.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: admin.username, GroupName: 'admins' }));
    const next = await ask(strict, bearer(admin.token), adminQuery());
    expect(next.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(checkCalls(next)).toEqual(checked);
  });
});

// ---------------------------------------------------------------------------------------------
// Through the proxy: Cognito's answers the emulator cannot give
// ---------------------------------------------------------------------------------------------

/** A gateway whose Cognito calls pass through the proxy; each test scripts it afresh. */
function gatewayOverProxy(options: Partial<GatewayOptions> = {}): Gateway {
  proxy.reset();
  return gatewayWith({
    client: createCognitoClient({ region: 'local', endpoint: proxy.endpoint, credentials: localCredentials }),
    ...options,
  });
}

/** GetUser's answer to a token revoked by GlobalSignOut, AdminUserGlobalSignOut or AdminDisableUser (HTTP 400). */
const revoked: ProxyAction = { kind: 'error', status: 400, type: 'NotAuthorizedException', message: 'Access Token has been revoked' };

function expectTokenRefused(answer: Answer) {
  expect(answer.status, JSON.stringify(answer)).toBe(401);
  expect(answer.data).toBeUndefined();
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
  expect(answer.errors![0]!.message).toMatch(/no longer accepted by Cognito/);
}

describe('revoked tokens (answers scripted where cognito-local has none)', () => {
  it('globally signed out: after the window the token is refused (401) and no administrative call is made', async () => {
    const viaProxy = gatewayOverProxy();
    const admin = await newAccount();
    expectAdministrator(await ask(viaProxy, bearer(admin.token), adminQuery()));
    // GlobalSignOut itself is not implemented by cognito-local: Cognito's answer afterwards is scripted.
    proxy.script('GetUser', revoked);

    const within = await ask(viaProxy, bearer(admin.token), adminQuery());
    expectAdministrator(within);
    expect(checkCalls(within)).toEqual(notChecked);

    now += WINDOW_MS + 1;
    const before = proxy.count('AdminGetUser');
    expectTokenRefused(await ask(viaProxy, bearer(admin.token), bothQuery()));
    expect(proxy.count('AdminGetUser')).toBe(before);
    // Remembered for the window: the next request is refused without asking again.
    const getUsers = proxy.count('GetUser');
    expectTokenRefused(await ask(viaProxy, bearer(admin.token), adminQuery()));
    expect(proxy.count('GetUser')).toBe(getUsers);
  });

  it('disabled: Cognito revokes the user’s tokens (cognito-local does not, so that answer is scripted), and the token is refused', async () => {
    const viaProxy = gatewayOverProxy();
    const admin = await newAccount();
    expectAdministrator(await ask(viaProxy, bearer(admin.token), adminQuery()));
    await sdk.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: admin.username }));
    proxy.script('GetUser', revoked);
    now += WINDOW_MS + 1;
    expectTokenRefused(await ask(viaProxy, bearer(admin.token), adminQuery()));
  });

  it('a plain user’s revoked token is refused by Cognito itself on its self-service call (the gateway adds no check)', async () => {
    const viaProxy = gatewayOverProxy();
    const user = await newAccount(false);
    proxy.script('GetUser', revoked);
    const answer = await ask(viaProxy, bearer(user.token), '{ viewer { username } }');
    expect(answer.status).toBe(200);
    expect(answer.data?.['viewer']).toBeNull();
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code, error.message])).toEqual([
      [['viewer'], 'NOT_AUTHORIZED', 'Access Token has been revoked'],
    ]);
    expect(proxy.count('GetUser')).toBe(1);
  });
});

describe('when Cognito cannot confirm administrator rights, they are not granted (fail closed)', () => {
  const refusedUnconfirmed = (answer: Answer, cause: string) => {
    expect(answer.status, JSON.stringify(answer)).toBe(503);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['COGNITO_UNAVAILABLE']);
    expect(answer.errors![0]!.extensions?.['recheckFailedWith']).toBe(cause);
    expect(answer.errors![0]!.message).toMatch(/could not be confirmed/);
  };

  it('Cognito failing (InternalErrorException on every attempt): 503, nothing run, nothing remembered', async () => {
    const viaProxy = gatewayOverProxy({ maxAttempts: 2 });
    const admin = await newAccount();
    const fault: ProxyAction = { kind: 'error', status: 500, type: 'InternalErrorException', message: 'Internal error' };
    proxy.script('GetUser', fault, fault);
    refusedUnconfirmed(await ask(viaProxy, bearer(admin.token), adminQuery()), 'COGNITO_UNAVAILABLE');
    expect(proxy.count('AdminGetUser')).toBe(0);
    // Cognito answers again: the very next request is checked afresh, and served.
    const next = await ask(viaProxy, bearer(admin.token), adminQuery());
    expectAdministrator(next);
    expect(checkCalls(next)).toEqual(checked);
  });

  it('Cognito throttling the check past the request’s deadline: 503, nothing run', async () => {
    const viaProxy = gatewayOverProxy({ requestTimeoutMs: 300 });
    const admin = await newAccount();
    const throttled: ProxyAction = { kind: 'error', status: 400, type: 'TooManyRequestsException', message: 'Rate exceeded' };
    proxy.script('AdminListGroupsForUser', ...Array.from({ length: 100 }, () => throttled));
    refusedUnconfirmed(await ask(viaProxy, bearer(admin.token), adminQuery()), 'THROTTLED');
    expect(proxy.count('AdminGetUser')).toBe(0);
  });
});
