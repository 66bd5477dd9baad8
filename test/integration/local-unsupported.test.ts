import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { CallLogSummary } from '../../src/cognito/call-log';
import { bearer, localGateway, postQuery, type GraphQLResponse } from '../support/gateway';
import { signInDemoAccount, webAppClient } from '../support/tokens';

/**
 * Operations cognito-local does not implement, against the run's shared emulator: the gateway
 * answers them with `extensions.code` NOT_SUPPORTED_BY_LOCAL_COGNITO (not a masked "unexpected
 * error"), after exactly one call of the operation: neither the gateway nor the SDK retries.
 * Read-only: reads of the demo directory, and writes that name users, pools, devices or jobs that
 * do not exist (cognito-local refuses the unsupported target before it looks at the input).
 */

const demo = inject('demo');
const web = webAppClient(demo);
const POOL = web.userPoolId;
const DEMO_USER = demo.accounts.find((a) => a.role === 'user')!.username;
const NO_SUCH_USER = 'no.such.user.local-unsupported';
const NO_SUCH_POOL = 'local_NoSuchPool0';
const DEVICE_KEY = 'local_0d0c0b0a-0000-4000-8000-000000000001';
const JOB_ID = 'import-NoSuchJob0';
const SESSION = 'AYABeC1-session-string-that-is-long-enough';

const { gateway, client, query } = localGateway();

// Every HTTP attempt the SDK makes, by operation: the deserialize step runs once per attempt,
// inside the SDK's retry loop, so a retry would be counted here even if the call log hid it.
const attempts = new Map<string, number>();
client.middlewareStack.add(
  (next, context) => async (args) => {
    const operation = String(context.commandName ?? '').replace(/Command$/, '');
    attempts.set(operation, (attempts.get(operation) ?? 0) + 1);
    return next(args);
  },
  { step: 'deserialize', name: 'countAttemptsForLocalUnsupportedTest' },
);

let userToken: string;
beforeAll(async () => {
  userToken = (await signInDemoAccount(gateway, demo, 'user')).accessToken;
});

/**
 * The answer refused `operation` with NOT_SUPPORTED_BY_LOCAL_COGNITO as its only error, at
 * `path`, and the request called it exactly once (call log and SDK attempts agree).
 */
function expectUnsupported(
  result: GraphQLResponse,
  operation: string,
  path: (string | number)[],
  before: Map<string, number>,
  /** What the message names: the operation, or the flow of it the emulator lacks. */
  mentions: string = operation,
) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  const error = result.errors![0]!;
  expect(error.extensions).toMatchObject({ code: 'NOT_SUPPORTED_BY_LOCAL_COGNITO', cognitoError: 'CognitoLocal#Unsupported', operation });
  expect(error.path).toEqual(path);
  expect(error.message).toContain(mentions);

  const calls: CallLogSummary | undefined = result.extensions?.cognitoCalls;
  expect(calls).toBeDefined();
  expect(calls!.byOperation[operation]).toBe(1);
  const own = calls!.calls.filter((call) => call.operation === operation);
  expect(own).toHaveLength(1);
  expect(own[0]!.outcome).not.toBe('ok');
  expect(own[0]!.outcome).toMatch(/Unsupported/);
  // Every other call of the request succeeded: the refusal is the unsupported operation's alone.
  for (const call of calls!.calls.filter((c) => c.operation !== operation)) expect(call.outcome, call.operation).toBe('ok');

  expect((attempts.get(operation) ?? 0) - (before.get(operation) ?? 0)).toBe(1);
}

const snapshot = () => new Map(attempts);

describe('reads cognito-local does not implement', () => {
  it('userPool.csvHeader (GetCSVHeader): null with the error, the pool itself survives', async () => {
    const before = snapshot();
    const result = await query(`query ($id: String!) { userPool(userPoolId: $id) { csvHeader } }`, { id: POOL });
    expectUnsupported(result, 'GetCSVHeader', ['userPool', 'csvHeader'], before);
    expect(result.data).toEqual({ userPool: { csvHeader: null } });
    expect(result.extensions!.cognitoCalls!.byOperation).toEqual({ DescribeUserPool: 1, GetCSVHeader: 1 });
  });

  it('userPool.importJobs (ListUserImportJobs) and userPool.importJob (DescribeUserImportJob)', async () => {
    let before = snapshot();
    const list = await query(
      `query ($id: String!) { userPool(userPoolId: $id) { userPoolId importJobs(first: 5) { edges { node { jobId } } } } }`,
      { id: POOL },
    );
    expectUnsupported(list, 'ListUserImportJobs', ['userPool', 'importJobs'], before);
    // The connection is nullable, so one unsupported list does not blank the pool.
    expect(list.data).toEqual({ userPool: { userPoolId: POOL, importJobs: null } });

    before = snapshot();
    const one = await query(
      `query ($id: String!, $job: String!) { userPool(userPoolId: $id) { userPoolId importJob(jobId: $job) { jobId } } }`,
      { id: POOL, job: JOB_ID },
    );
    expectUnsupported(one, 'DescribeUserImportJob', ['userPool', 'importJob'], before);
    // importJob is nullable: the pool survives, the job is null (and is not mistaken for "not found").
    expect(one.data).toEqual({ userPool: { userPoolId: POOL, importJob: null } });
  });

  it('user.devices (AdminListDevices) and user.device (AdminGetDevice) of a demo user', async () => {
    let before = snapshot();
    const list = await query(
      `query ($id: String!, $u: String!) { user(userPoolId: $id, username: $u) { username devices(first: 5) { edges { node { deviceKey } } } } }`,
      {
        id: POOL,
        u: DEMO_USER,
      },
    );
    expectUnsupported(list, 'AdminListDevices', ['user', 'devices'], before);
    expect(list.data).toEqual({ user: { username: DEMO_USER, devices: null } });
    expect(list.extensions!.cognitoCalls!.byOperation).toEqual({ AdminGetUser: 1, AdminListDevices: 1 });

    before = snapshot();
    const one = await query(
      `query ($id: String!, $u: String!, $k: String!) { user(userPoolId: $id, username: $u) { username device(deviceKey: $k) { deviceKey } } }`,
      {
        id: POOL,
        u: DEMO_USER,
        k: DEVICE_KEY,
      },
    );
    expectUnsupported(one, 'AdminGetDevice', ['user', 'device'], before);
    expect(one.data).toEqual({ user: { username: DEMO_USER, device: null } });
  });

  it('user.sessions (AdminListUserSessions) and viewer.sessions (ListUserSessions, own token)', async () => {
    let before = snapshot();
    const admin = await query(
      `query ($id: String!, $u: String!) { user(userPoolId: $id, username: $u) { username sessions(first: 5) { edges { node { sessionId } } } } }`,
      { id: POOL, u: DEMO_USER },
    );
    expectUnsupported(admin, 'AdminListUserSessions', ['user', 'sessions'], before);
    expect(admin.data).toEqual({ user: { username: DEMO_USER, sessions: null } });

    before = snapshot();
    const own = await postQuery(
      gateway,
      `{ viewer { username sessions(first: 5) { edges { node { sessionId } } } } }`,
      {},
      bearer(userToken),
    );
    expectUnsupported(own, 'ListUserSessions', ['viewer', 'sessions'], before);
    expect(own.data).toEqual({ viewer: { username: DEMO_USER, sessions: null } });
  });

  it('viewer.passkeys (ListWebAuthnCredentials), viewer.authFactors (GetUserAuthFactors), own token; user.authFactors (AdminGetUserAuthFactors)', async () => {
    let before = snapshot();
    const passkeys = await postQuery(
      gateway,
      `{ viewer { username passkeys(first: 5) { edges { node { credentialId } } } } }`,
      {},
      bearer(userToken),
    );
    expectUnsupported(passkeys, 'ListWebAuthnCredentials', ['viewer', 'passkeys'], before);
    expect(passkeys.data).toEqual({ viewer: { username: DEMO_USER, passkeys: null } });

    before = snapshot();
    const own = await postQuery(gateway, `{ viewer { username authFactors { configuredFactors } } }`, {}, bearer(userToken));
    expectUnsupported(own, 'GetUserAuthFactors', ['viewer', 'authFactors'], before);
    expect(own.data).toEqual({ viewer: { username: DEMO_USER, authFactors: null } });

    before = snapshot();
    const admin = await query(
      `query ($id: String!, $u: String!) { user(userPoolId: $id, username: $u) { username authFactors { configuredFactors } } }`,
      {
        id: POOL,
        u: DEMO_USER,
      },
    );
    expectUnsupported(admin, 'AdminGetUserAuthFactors', ['user', 'authFactors'], before);
    expect(admin.data).toEqual({ user: { username: DEMO_USER, authFactors: null } });
  });

  it('viewer.devices (ListDevices) and viewer.device (GetDevice) with a demo user’s own token', async () => {
    let before = snapshot();
    const list = await postQuery(
      gateway,
      `{ viewer { username devices(first: 5) { edges { node { deviceKey } } } } }`,
      {},
      bearer(userToken),
    );
    expectUnsupported(list, 'ListDevices', ['viewer', 'devices'], before);
    expect(list.extensions!.cognitoCalls!.byOperation).toEqual({ GetUser: 1, ListDevices: 1 });

    before = snapshot();
    const one = await postQuery(
      gateway,
      `query ($k: String!) { viewer { username device(deviceKey: $k) { deviceKey } } }`,
      { k: DEVICE_KEY },
      bearer(userToken),
    );
    expectUnsupported(one, 'GetDevice', ['viewer', 'device'], before);
    expect(one.data).toEqual({ viewer: { username: DEMO_USER, device: null } });
  });
});

// Sign-in risk and linked identities (issue 16): cognito-local has no threat protection.
describe('sign-in risk reads cognito-local does not implement', () => {
  it('user.authEvents (AdminListUserAuthEvents) of a demo user: null with the error, the user survives', async () => {
    const before = snapshot();
    const result = await query(
      `query ($id: String!, $u: String!) { user(userPoolId: $id, username: $u) { username authEvents(first: 5) { edges { node { eventId } } } } }`,
      { id: POOL, u: DEMO_USER },
    );
    expectUnsupported(result, 'AdminListUserAuthEvents', ['user', 'authEvents'], before);
    expect(result.data).toEqual({ user: { username: DEMO_USER, authEvents: null } });
  });

  it('userPool.riskConfiguration and client.riskConfiguration (DescribeRiskConfiguration)', async () => {
    let before = snapshot();
    const pool = await query(`query ($id: String!) { userPool(userPoolId: $id) { userPoolId riskConfiguration { userPoolId } } }`, {
      id: POOL,
    });
    expectUnsupported(pool, 'DescribeRiskConfiguration', ['userPool', 'riskConfiguration'], before);
    expect(pool.data).toEqual({ userPool: { userPoolId: POOL, riskConfiguration: null } });

    before = snapshot();
    const client = await query(
      `query ($id: String!, $c: String!) { userPool(userPoolId: $id) { client(clientId: $c) { clientId riskConfiguration { clientId } } } }`,
      { id: POOL, c: web.clientId },
    );
    expectUnsupported(client, 'DescribeRiskConfiguration', ['userPool', 'client', 'riskConfiguration'], before);
    expect(client.data).toEqual({ userPool: { client: { clientId: web.clientId, riskConfiguration: null } } });
  });

  // Domains, identity providers and resource servers (issue 17)
  it.each([
    ['identityProviders', 'ListIdentityProviders', 'identityProviders(first: 5) { edges { node { providerName } } }'],
    ['identityProvider', 'DescribeIdentityProvider', 'identityProvider(providerName: "Okta") { providerType }'],
    [
      'identityProviderByIdentifier',
      'GetIdentityProviderByIdentifier',
      'identityProviderByIdentifier(identifier: "example.com") { providerName }',
    ],
    ['resourceServers', 'ListResourceServers', 'resourceServers(first: 5) { edges { node { identifier } } }'],
    ['resourceServer', 'DescribeResourceServer', 'resourceServer(identifier: "https://api.example.com") { name }'],
  ])('userPool.%s (%s): null with the error, the pool itself survives', async (field, operation, selection) => {
    const before = snapshot();
    const result = await query(`query ($id: String!) { userPool(userPoolId: $id) { userPoolId ${selection} } }`, { id: POOL });
    expectUnsupported(result, operation, ['userPool', field], before);
    expect(result.data).toEqual({ userPool: { userPoolId: POOL, [field]: null } });
  });

  it('userPoolDomain (DescribeUserPoolDomain)', async () => {
    const before = snapshot();
    const result = await query(`{ userPoolDomain(domain: "my-app") { status } }`);
    expectUnsupported(result, 'DescribeUserPoolDomain', ['userPoolDomain'], before);
    expect(result.data).toEqual({ userPoolDomain: null });
  });
});

describe('what this group reads without an unsupported operation', () => {
  it('a pool without a domain answers domain null from DescribeUserPool alone; a client’s COGNITO provider and standard scopes need no call', async () => {
    const result = await query(
      `query ($id: String!, $c: String!) { userPool(userPoolId: $id) { domain { domain status } customDomain { domain }
        client(clientId: $c) { identityProviders { providerName builtIn } allowedScopes { name resourceServer { identifier } } supportedIdentityProviders allowedOAuthScopes } } }`,
      { id: POOL, c: web.clientId },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const pool = result.data!['userPool'];
    expect(pool.domain).toBeNull();
    expect(pool.customDomain).toBeNull();
    // Whatever the emulator keeps for the client, the objects are the strings' counterparts.
    expect(pool.client.identityProviders.map((p: { providerName: string }) => p.providerName)).toEqual(
      pool.client.supportedIdentityProviders ?? [],
    );
    expect(pool.client.allowedScopes.map((s: { name: string }) => s.name)).toEqual(pool.client.allowedOAuthScopes ?? []);
    const calls = Object.keys(result.extensions!.cognitoCalls!.byOperation);
    expect(calls.filter((operation) => !['DescribeUserPool', 'DescribeUserPoolClient'].includes(operation))).toEqual(
      pool.client.identityProviders.some((p: { builtIn: boolean }) => !p.builtIn) ? ['DescribeIdentityProvider'] : [],
    );
  });
});

// Branding and terms (issue 17): cognito-local has no managed login, hosted UI or terms.
const BRANDING_ID = '6a1b2c3d-0000-4000-8000-000000000001';
const TERMS_ID = '7a1b2c3d-0000-4000-8000-000000000001';

describe('branding and terms reads cognito-local does not implement', () => {
  const poolReads: { field: string; operation: string; selection: string }[] = [
    {
      field: 'managedLoginBranding',
      operation: 'DescribeManagedLoginBranding',
      selection: `managedLoginBranding(id: "${BRANDING_ID}") { managedLoginBrandingId }`,
    },
    { field: 'uiCustomization', operation: 'GetUICustomization', selection: 'uiCustomization { css }' },
    { field: 'terms', operation: 'ListTerms', selection: 'terms(first: 5) { edges { node { termsId } } }' },
    { field: 'termsById', operation: 'DescribeTerms', selection: `termsById(termsId: "${TERMS_ID}") { termsId }` },
  ];
  for (const { field, operation, selection } of poolReads) {
    it(`userPool.${field} (${operation}): null with the error, the pool survives`, async () => {
      const before = snapshot();
      const result = await query(`query ($id: String!) { userPool(userPoolId: $id) { userPoolId ${selection} } }`, { id: POOL });
      expectUnsupported(result, operation, ['userPool', field], before);
      expect(result.data).toEqual({ userPool: { userPoolId: POOL, [field]: null } });
    });
  }

  const clientReads: { field: string; operation: string; selection: string }[] = [
    {
      field: 'managedLoginBranding',
      operation: 'DescribeManagedLoginBrandingByClient',
      selection: 'managedLoginBranding { managedLoginBrandingId }',
    },
    { field: 'uiCustomization', operation: 'GetUICustomization', selection: 'uiCustomization { css }' },
    { field: 'terms', operation: 'DescribeTermsByClient', selection: 'terms(name: TERMS_OF_USE) { termsId }' },
  ];
  for (const { field, operation, selection } of clientReads) {
    it(`client.${field} (${operation}): null with the error, the client survives`, async () => {
      const before = snapshot();
      const result = await query(
        `query ($id: String!, $c: String!) { userPool(userPoolId: $id) { client(clientId: $c) { clientId ${selection} } } }`,
        { id: POOL, c: web.clientId },
      );
      expectUnsupported(result, operation, ['userPool', 'client', field], before);
      expect(result.data).toEqual({ userPool: { client: { clientId: web.clientId, [field]: null } } });
    });
  }
});

describe('log delivery, replica, certificate and limit reads cognito-local does not implement (issue 17)', () => {
  it.each([
    ['logDeliveryConfiguration { userPoolId }', 'logDeliveryConfiguration', 'GetLogDeliveryConfiguration'],
    ['replicas(first: 5) { edges { node { regionName } } }', 'replicas', 'ListUserPoolReplicas'],
    ['signingCertificate', 'signingCertificate', 'GetSigningCertificate'],
  ])('userPool { %s }: null with the error, the pool itself survives', async (selection, field, operation) => {
    const before = snapshot();
    const result = await query(`query ($id: String!) { userPool(userPoolId: $id) { userPoolId ${selection} } }`, { id: POOL });
    expectUnsupported(result, operation, ['userPool', field], before);
    expect(result.data).toEqual({ userPool: { userPoolId: POOL, [field]: null } });
    expect(result.extensions!.cognitoCalls!.byOperation).toEqual({ DescribeUserPool: 1, [operation]: 1 });
  });

  it('provisionedLimit (GetProvisionedLimit): null with the error', async () => {
    const before = snapshot();
    const result = await query(`{ provisionedLimit(category: UserRead) { provisionedLimitValue } }`);
    expectUnsupported(result, 'GetProvisionedLimit', ['provisionedLimit'], before);
    expect(result.data).toEqual({ provisionedLimit: null });
  });
});

describe('client secrets, session configuration and tags: reads cognito-local does not implement (issue 17)', () => {
  it('client.secrets (ListUserPoolClientSecrets) and client.sessionConfiguration (GetUserPoolClientSessionConfiguration)', async () => {
    let before = snapshot();
    const secrets = await query(
      `query ($id: String!, $c: String!) { client(userPoolId: $id, clientId: $c) { clientId secrets(first: 2) { edges { node { clientSecretId } } } } }`,
      { id: POOL, c: web.clientId },
    );
    expectUnsupported(secrets, 'ListUserPoolClientSecrets', ['client', 'secrets'], before);
    expect(secrets.data).toEqual({ client: { clientId: web.clientId, secrets: null } });

    before = snapshot();
    const session = await query(
      `query ($id: String!, $c: String!) { client(userPoolId: $id, clientId: $c) { clientId sessionConfiguration { ssoSessionMaxValidityMinutes } } }`,
      { id: POOL, c: web.clientId },
    );
    expectUnsupported(session, 'GetUserPoolClientSessionConfiguration', ['client', 'sessionConfiguration'], before);
    expect(session.data).toEqual({ client: { clientId: web.clientId, sessionConfiguration: null } });
  });

  it('userPool.sessionConfiguration (GetUserPoolSessionConfiguration) and userPool.tags (ListTagsForResource, with the ARN the emulator describes)', async () => {
    let before = snapshot();
    const session = await query(
      `query ($id: String!) { userPool(userPoolId: $id) { userPoolId sessionConfiguration { userSessionTracking } } }`,
      {
        id: POOL,
      },
    );
    expectUnsupported(session, 'GetUserPoolSessionConfiguration', ['userPool', 'sessionConfiguration'], before);
    expect(session.data).toEqual({ userPool: { userPoolId: POOL, sessionConfiguration: null } });

    before = snapshot();
    const tags = await query(`query ($id: String!) { userPool(userPoolId: $id) { userPoolId tags { key value } } }`, { id: POOL });
    expectUnsupported(tags, 'ListTagsForResource', ['userPool', 'tags'], before);
    expect(tags.data).toEqual({ userPool: { userPoolId: POOL, tags: null } });
    expect(tags.extensions!.cognitoCalls!.byOperation).toEqual({ DescribeUserPool: 1, ListTagsForResource: 1 });
  });
});

/**
 * Mutations: NOT_SUPPORTED_BY_LOCAL_COGNITO is none of the typed results a mutation lists, so it
 * comes as a top-level GraphQL error; the mutation field is non-null, so `data` is null.
 */
describe('writes cognito-local does not implement: a top-level error, data null', () => {
  const adminWrites: { field: string; operation: string; inputType: string; input: Record<string, unknown> }[] = [
    // Sign-in risk and linked identities (issue 16)
    {
      field: 'setRiskConfiguration',
      operation: 'SetRiskConfiguration',
      inputType: 'SetRiskConfigurationInput',
      input: { userPoolId: NO_SUCH_POOL, compromisedCredentials: { eventAction: 'BLOCK' } },
    },
    {
      field: 'adminUpdateAuthEventFeedback',
      operation: 'AdminUpdateAuthEventFeedback',
      inputType: 'AdminUpdateAuthEventFeedbackInput',
      input: { userPoolId: POOL, username: NO_SUCH_USER, eventId: 'no-such-event', feedbackValue: 'Valid' },
    },
    {
      field: 'adminLinkProviderForUser',
      operation: 'AdminLinkProviderForUser',
      inputType: 'AdminLinkProviderForUserInput',
      input: {
        userPoolId: NO_SUCH_POOL,
        destinationUser: { providerName: 'Cognito', providerAttributeValue: NO_SUCH_USER },
        sourceUser: { providerName: 'Google', providerAttributeName: 'Cognito_Subject', providerAttributeValue: '1080000001' },
      },
    },
    {
      field: 'adminDisableProviderForUser',
      operation: 'AdminDisableProviderForUser',
      inputType: 'AdminDisableProviderForUserInput',
      input: {
        userPoolId: NO_SUCH_POOL,
        user: { providerName: 'Google', providerAttributeName: 'Cognito_Subject', providerAttributeValue: '1080000001' },
      },
    },
    {
      field: 'adminResetUserPassword',
      operation: 'AdminResetUserPassword',
      inputType: 'AdminResetUserPasswordInput',
      input: { userPoolId: POOL, username: NO_SUCH_USER },
    },
    {
      field: 'adminUserGlobalSignOut',
      operation: 'AdminUserGlobalSignOut',
      inputType: 'AdminUserGlobalSignOutInput',
      input: { userPoolId: POOL, username: NO_SUCH_USER },
    },
    {
      field: 'adminSetUserSettings',
      operation: 'AdminSetUserSettings',
      inputType: 'AdminSetUserSettingsInput',
      input: { userPoolId: POOL, username: NO_SUCH_USER, mfaOptions: [{ deliveryMedium: 'SMS', attributeName: 'phone_number' }] },
    },
    {
      field: 'adminRespondToAuthChallenge',
      operation: 'AdminRespondToAuthChallenge',
      inputType: 'AdminRespondToAuthChallengeInput',
      input: {
        userPoolId: POOL,
        clientId: web.clientId,
        username: NO_SUCH_USER,
        challengeName: 'NEW_PASSWORD_REQUIRED',
        session: SESSION,
        newPassword: 'N3w-Passw0rd!',
      },
    },
    {
      field: 'adminForgetDevice',
      operation: 'AdminForgetDevice',
      inputType: 'AdminForgetDeviceInput',
      input: { userPoolId: POOL, username: NO_SUCH_USER, deviceKey: DEVICE_KEY },
    },
    {
      field: 'createUserImportJob',
      operation: 'CreateUserImportJob',
      inputType: 'CreateUserImportJobInput',
      input: {
        userPoolId: NO_SUCH_POOL,
        jobName: 'never created',
        cloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/CognitoImportLogs',
      },
    },
    {
      field: 'adminRevokeUserSession',
      operation: 'AdminRevokeUserSession',
      inputType: 'AdminRevokeUserSessionInput',
      input: { userPoolId: POOL, username: NO_SUCH_USER, sessionId: 'tkn-no-such-session' },
    },
    {
      field: 'startUserImportJob',
      operation: 'StartUserImportJob',
      inputType: 'StartUserImportJobInput',
      input: { userPoolId: NO_SUCH_POOL, jobId: JOB_ID },
    },
    // MFA (issue 16)
    {
      field: 'adminSetUserMFAPreference',
      operation: 'AdminSetUserMFAPreference',
      inputType: 'AdminSetUserMFAPreferenceInput',
      input: { userPoolId: POOL, username: NO_SUCH_USER, softwareToken: { enabled: false } },
    },
    {
      field: 'adminDeleteSoftwareToken',
      operation: 'AdminDeleteSoftwareToken',
      inputType: 'AdminDeleteSoftwareTokenInput',
      input: { userPoolId: POOL, username: NO_SUCH_USER },
    },
    // Branding and terms (issue 17); the updates read first, and that read is what the emulator refuses
    {
      field: 'createManagedLoginBranding',
      operation: 'CreateManagedLoginBranding',
      inputType: 'CreateManagedLoginBrandingInput',
      input: { userPoolId: NO_SUCH_POOL, clientId: web.clientId, useCognitoProvidedValues: true },
    },
    {
      field: 'updateManagedLoginBranding',
      operation: 'DescribeManagedLoginBranding',
      inputType: 'UpdateManagedLoginBrandingInput',
      input: { userPoolId: NO_SUCH_POOL, managedLoginBrandingId: BRANDING_ID, settings: { categories: {} } },
    },
    {
      field: 'deleteManagedLoginBranding',
      operation: 'DeleteManagedLoginBranding',
      inputType: 'DeleteManagedLoginBrandingInput',
      input: { userPoolId: NO_SUCH_POOL, managedLoginBrandingId: BRANDING_ID },
    },
    {
      field: 'setUICustomization',
      operation: 'GetUICustomization',
      inputType: 'SetUICustomizationInput',
      input: { userPoolId: NO_SUCH_POOL, css: '.banner-customizable { background-color: #123456; }' },
    },
    {
      field: 'createTerms',
      operation: 'CreateTerms',
      inputType: 'CreateTermsInput',
      input: {
        userPoolId: NO_SUCH_POOL,
        clientId: web.clientId,
        name: 'TERMS_OF_USE',
        links: [{ language: 'DEFAULT', url: 'https://example.com/terms' }],
      },
    },
    {
      field: 'updateTerms',
      operation: 'DescribeTerms',
      inputType: 'UpdateTermsInput',
      input: { userPoolId: NO_SUCH_POOL, termsId: TERMS_ID, links: [{ language: 'SPANISH', url: 'https://example.com/es/terms' }] },
    },
    {
      field: 'deleteTerms',
      operation: 'DeleteTerms',
      inputType: 'DeleteTermsInput',
      input: { userPoolId: NO_SUCH_POOL, termsId: TERMS_ID },
    },
    // Replicas and provisioned limits (issue 17)
    {
      field: 'createUserPoolReplica',
      operation: 'CreateUserPoolReplica',
      inputType: 'CreateUserPoolReplicaInput',
      input: { userPoolId: NO_SUCH_POOL, regionName: 'eu-central-1' },
    },
    {
      field: 'updateUserPoolReplica',
      operation: 'UpdateUserPoolReplica',
      inputType: 'UpdateUserPoolReplicaInput',
      input: { userPoolId: NO_SUCH_POOL, regionName: 'eu-central-1', status: 'INACTIVE' },
    },
    {
      field: 'deleteUserPoolReplica',
      operation: 'DeleteUserPoolReplica',
      inputType: 'DeleteUserPoolReplicaInput',
      input: { userPoolId: NO_SUCH_POOL, regionName: 'eu-central-1' },
    },
    {
      field: 'updateProvisionedLimit',
      operation: 'UpdateProvisionedLimit',
      inputType: 'UpdateProvisionedLimitInput',
      input: { category: 'UserRead', requestedLimitValue: 120 },
    },
    // Client secrets and session configuration (issue 17)
    {
      field: 'addUserPoolClientSecret',
      operation: 'AddUserPoolClientSecret',
      inputType: 'AddUserPoolClientSecretInput',
      input: { userPoolId: NO_SUCH_POOL, clientId: web.clientId, returnSecret: true },
    },
    {
      field: 'deleteUserPoolClientSecret',
      operation: 'DeleteUserPoolClientSecret',
      inputType: 'DeleteUserPoolClientSecretInput',
      input: { userPoolId: NO_SUCH_POOL, clientId: web.clientId, clientSecretId: `${web.clientId}--1767225600` },
    },
    {
      field: 'setUserPoolClientSessionConfiguration',
      operation: 'SetUserPoolClientSessionConfiguration',
      inputType: 'SetUserPoolClientSessionConfigurationInput',
      input: { userPoolId: NO_SUCH_POOL, clientId: web.clientId, ssoSessionMaxValidityMinutes: 60 },
    },
    // The pool's configuration is read first, to carry over what the input leaves out: that read is refused.
    {
      field: 'setUserPoolSessionConfiguration',
      operation: 'GetUserPoolSessionConfiguration',
      inputType: 'SetUserPoolSessionConfigurationInput',
      input: { userPoolId: NO_SUCH_POOL, maxTokenSessionsPerUser: 5 },
    },
    // Domains, identity providers and resource servers (issue 17). An update first reads what it
    // carries over: that read is the operation the emulator refuses, and nothing is written.
    {
      field: 'createUserPoolDomain',
      operation: 'CreateUserPoolDomain',
      inputType: 'CreateUserPoolDomainInput',
      input: { userPoolId: NO_SUCH_POOL, domain: 'never-created' },
    },
    {
      field: 'updateUserPoolDomain',
      operation: 'DescribeUserPoolDomain',
      inputType: 'UpdateUserPoolDomainInput',
      input: { userPoolId: NO_SUCH_POOL, domain: 'never-created', managedLoginVersion: 2 },
    },
    {
      field: 'deleteUserPoolDomain',
      operation: 'DeleteUserPoolDomain',
      inputType: 'DeleteUserPoolDomainInput',
      input: { userPoolId: NO_SUCH_POOL, domain: 'never-created' },
    },
    {
      field: 'createIdentityProvider',
      operation: 'CreateIdentityProvider',
      inputType: 'CreateIdentityProviderInput',
      input: {
        userPoolId: NO_SUCH_POOL,
        providerName: 'Corp',
        providerType: 'SAML',
        providerDetails: [{ key: 'MetadataURL', value: 'https://idp.example.com/metadata.xml' }],
      },
    },
    {
      field: 'updateIdentityProvider',
      operation: 'DescribeIdentityProvider',
      inputType: 'UpdateIdentityProviderInput',
      input: { userPoolId: NO_SUCH_POOL, providerName: 'Corp', idpIdentifiers: ['example.com'] },
    },
    {
      field: 'deleteIdentityProvider',
      operation: 'DeleteIdentityProvider',
      inputType: 'DeleteIdentityProviderInput',
      input: { userPoolId: NO_SUCH_POOL, providerName: 'Corp' },
    },
    {
      field: 'createResourceServer',
      operation: 'CreateResourceServer',
      inputType: 'CreateResourceServerInput',
      input: { userPoolId: NO_SUCH_POOL, identifier: 'https://api.example.com', name: 'Orders API' },
    },
    {
      field: 'updateResourceServer',
      operation: 'DescribeResourceServer',
      inputType: 'UpdateResourceServerInput',
      input: { userPoolId: NO_SUCH_POOL, identifier: 'https://api.example.com', name: 'Orders' },
    },
    {
      field: 'deleteResourceServer',
      operation: 'DeleteResourceServer',
      inputType: 'DeleteResourceServerInput',
      input: { userPoolId: NO_SUCH_POOL, identifier: 'https://api.example.com' },
    },
  ];

  for (const { field, operation, inputType, input } of adminWrites) {
    it(`${field} (${operation})`, async () => {
      const before = snapshot();
      const result = await query(
        `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ... on CognitoError { code message } } }`,
        { input },
      );
      expectUnsupported(result, operation, [field], before);
      expect(result.data).toBeNull();
      expect(result.extensions!.cognitoCalls!.byOperation).toEqual({ [operation]: 1 });
    });
  }

  it('setLogDeliveryConfiguration: stops at the read of the current list (GetLogDeliveryConfiguration), nothing is set', async () => {
    const before = snapshot();
    const result = await query(
      `mutation ($input: SetLogDeliveryConfigurationInput!) { setLogDeliveryConfiguration(input: $input) { __typename ... on CognitoError { code message } } }`,
      { input: { userPoolId: NO_SUCH_POOL, removeEventSources: ['userNotification'] } },
    );
    expectUnsupported(result, 'GetLogDeliveryConfiguration', ['setLogDeliveryConfiguration'], before);
    expect(result.data).toBeNull();
    expect(result.extensions!.cognitoCalls!.byOperation).toEqual({ GetLogDeliveryConfiguration: 1 });
  });

  // Tags (issue 17): the pool's ARN is read first (DescribeUserPool, which the emulator serves); the tag write is refused, so nothing changes.
  for (const { field, operation, inputType, input } of [
    {
      field: 'tagResource',
      operation: 'TagResource',
      inputType: 'TagResourceInput',
      input: { userPoolId: POOL, tags: [{ key: 'team', value: 'identity' }] },
    },
    { field: 'untagResource', operation: 'UntagResource', inputType: 'UntagResourceInput', input: { userPoolId: POOL, tagKeys: ['team'] } },
  ]) {
    it(`${field} (${operation}) on the demo pool`, async () => {
      const before = snapshot();
      const result = await query(
        `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ... on CognitoError { code message } } }`,
        { input },
      );
      expectUnsupported(result, operation, [field], before);
      expect(result.data).toBeNull();
      expect(result.extensions!.cognitoCalls!.byOperation).toEqual({ DescribeUserPool: 1, [operation]: 1 });
    });
  }

  it('forgetDevice (ForgetDevice) with a demo user’s own token, on a device it does not have', async () => {
    const before = snapshot();
    const result = await postQuery(
      gateway,
      `mutation ($input: ForgetDeviceInput!) { forgetDevice(input: $input) { __typename ... on CognitoError { code message } } }`,
      { input: { deviceKey: DEVICE_KEY } },
      bearer(userToken),
    );
    expectUnsupported(result, 'ForgetDevice', ['forgetDevice'], before);
    expect(result.data).toBeNull();
    expect(result.extensions!.cognitoCalls!.byOperation).toEqual({ ForgetDevice: 1 });
  });

  it('revokeUserSession (RevokeUserSession) with a demo user’s own token, on a session it does not have', async () => {
    const before = snapshot();
    const result = await postQuery(
      gateway,
      `mutation ($input: RevokeUserSessionInput!) { revokeUserSession(input: $input) { __typename ... on CognitoError { code message } } }`,
      { input: { sessionId: 'tkn-no-such-session' } },
      bearer(userToken),
    );
    expectUnsupported(result, 'RevokeUserSession', ['revokeUserSession'], before);
    expect(result.data).toBeNull();
  });

  // Passkeys (issue 16), with a demo user's own token: the emulator refuses before it looks at the input.
  const passkeyWrites: { field: string; operation: string; inputType: string; input: Record<string, unknown> }[] = [
    { field: 'startWebAuthnRegistration', operation: 'StartWebAuthnRegistration', inputType: 'StartWebAuthnRegistrationInput', input: {} },
    {
      field: 'completeWebAuthnRegistration',
      operation: 'CompleteWebAuthnRegistration',
      inputType: 'CompleteWebAuthnRegistrationInput',
      input: {
        credential: {
          id: 'bm8tc3VjaA',
          rawId: 'bm8tc3VjaA',
          type: 'public-key',
          response: { clientDataJSON: 'e30', attestationObject: 'o2Nm' },
        },
      },
    },
    {
      field: 'deleteWebAuthnCredential',
      operation: 'DeleteWebAuthnCredential',
      inputType: 'DeleteWebAuthnCredentialInput',
      input: { credentialId: 'bm8tc3VjaC1jcmVkZW50aWFs' },
    },
  ];

  for (const { field, operation, inputType, input } of passkeyWrites) {
    it(`${field} (${operation}) with a demo user’s own token`, async () => {
      const before = snapshot();
      const result = await postQuery(
        gateway,
        `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ... on CognitoError { code message } } }`,
        { input },
        bearer(userToken),
      );
      expectUnsupported(result, operation, [field], before);
      expect(result.data).toBeNull();
      expect(result.extensions!.cognitoCalls!.byOperation).toEqual({ [operation]: 1 });
    });
  }

  it('getTokensFromRefreshToken (GetTokensFromRefreshToken), anonymous, with a token never issued', async () => {
    const before = snapshot();
    const result = await postQuery(
      gateway,
      `mutation ($input: GetTokensFromRefreshTokenInput!) { getTokensFromRefreshToken(input: $input) { __typename ... on CognitoError { code message } } }`,
      { input: { clientId: web.clientId, refreshToken: 'never-issued-refresh-token' } },
    );
    expectUnsupported(result, 'GetTokensFromRefreshToken', ['getTokensFromRefreshToken'], before);
    expect(result.data).toBeNull();
  });

  // Choice-based and custom sign-in (issue 16): the emulator knows only the password and refresh flows.
  it.each(['USER_AUTH', 'CUSTOM_AUTH'])('initiateAuth (InitiateAuth) with %s, anonymous, for a demo user', async (authFlow) => {
    const before = snapshot();
    const result = await postQuery(
      gateway,
      `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { __typename ... on CognitoError { code message } } }`,
      { input: { clientId: web.clientId, username: DEMO_USER, authFlow } },
    );
    expectUnsupported(result, 'InitiateAuth', ['initiateAuth'], before, `AuthFlow=${authFlow}`);
    expect(result.data).toBeNull();
  });

  it('adminInitiateAuth (AdminInitiateAuth) with USER_AUTH and a preferred one-time code', async () => {
    const before = snapshot();
    const result = await query(
      `mutation ($input: AdminInitiateAuthInput!) { adminInitiateAuth(input: $input) { __typename ... on CognitoError { code message } } }`,
      { input: { userPoolId: POOL, clientId: web.clientId, username: DEMO_USER, authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } },
    );
    expectUnsupported(result, 'AdminInitiateAuth', ['adminInitiateAuth'], before, 'AuthFlow=USER_AUTH');
    expect(result.data).toBeNull();
  });
});

describe('sign-in flows cognito-local does not implement (SRP, issue 16)', () => {
  // The emulator refuses the flow before it looks at the user or the password.
  const signIns: { name: string; field: string; inputType: string; operation: string; input: Record<string, unknown> }[] = [
    {
      name: 'initiateAuth USER_SRP_AUTH, anonymous',
      field: 'initiateAuth',
      inputType: 'InitiateAuthInput',
      operation: 'InitiateAuth',
      input: { clientId: web.clientId, username: DEMO_USER, authFlow: 'USER_SRP_AUTH', password: 'Any-Passw0rd!' },
    },
    {
      name: 'initiateAuth USER_AUTH preferring PASSWORD_SRP, anonymous',
      field: 'initiateAuth',
      inputType: 'InitiateAuthInput',
      operation: 'InitiateAuth',
      input: {
        clientId: web.clientId,
        username: DEMO_USER,
        authFlow: 'USER_AUTH',
        preferredChallenge: 'PASSWORD_SRP',
        password: 'Any-Passw0rd!',
      },
    },
    {
      name: 'adminInitiateAuth USER_SRP_AUTH',
      field: 'adminInitiateAuth',
      inputType: 'AdminInitiateAuthInput',
      operation: 'AdminInitiateAuth',
      input: { userPoolId: POOL, clientId: web.clientId, username: DEMO_USER, authFlow: 'USER_SRP_AUTH', password: 'Any-Passw0rd!' },
    },
  ];

  for (const { name, field, inputType, operation, input } of signIns) {
    it(`${name}: NOT_SUPPORTED_BY_LOCAL_COGNITO after one ${operation}, nothing else called`, async () => {
      const before = snapshot();
      const document = `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ... on CognitoError { code message } } }`;
      const result = field === 'adminInitiateAuth' ? await query(document, { input }) : await postQuery(gateway, document, { input });
      // The emulator names the flow it refuses ("unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH").
      expect(result.errors, JSON.stringify(result)).toHaveLength(1);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'NOT_SUPPORTED_BY_LOCAL_COGNITO', operation });
      expect(result.errors![0]!.message).toContain(`AuthFlow=${String(input['authFlow'])}`);
      expect(result.errors![0]!.path).toEqual([field]);
      expect(result.data).toBeNull();
      expect(result.extensions!.cognitoCalls!.byOperation).toEqual({ [operation]: 1 });
      expect(attempts.get(operation)! - (before.get(operation) ?? 0)).toBe(1);
    });
  }
});
