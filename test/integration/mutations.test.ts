import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { startCognitoLocal, type CognitoLocal } from '../../src/local/cognito-local';
import { createGateway, type Gateway } from '../../src/http/yoga';
import { asService, postQuery, TEST_SERVICE_KEY, type GraphQLResponse } from '../support/gateway';
import { scriptedGateway } from '../support/scripted-cognito';

/**
 * Every mutation cognito-local implements, through the gateway, each checked by reading the
 * result back through the gateway (a later request: nothing of the write's own request is
 * reused). These tests write, so the file runs its own cognito-local in a temporary folder.
 *
 * Where cognito-local answers differently from AWS the test asserts the emulator's answer and
 * says so; where the emulator would hide a gateway mistake (it merges what AWS resets), the
 * request the gateway sent is checked as well, from a recorder on the SDK client.
 */

let dataDir: string;
let local: CognitoLocal;
let sdk: CognitoIdentityProviderClient;
let gateway: Gateway;
/** Every command the gateway's SDK client sent, in order, with its input as sent. */
const sent: { operation: string; input: Record<string, any> }[] = [];

/** The pool user, group and client tests work in (pool tests make their own). */
let poolId: string;
/** An app client of that pool without a secret, for sign-in and sign-up. */
let appClientId: string;

type Data = Record<string, any>;

async function gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>> {
  return postQuery<Data>(gateway, query, variables, asService);
}

/** Asserts the answer has no top-level error and returns its data. */
async function ok(query: string, variables?: Record<string, unknown>): Promise<Data> {
  const result = await gql(query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data).toBeDefined();
  return result.data!;
}

/** The response exactly as the client receives it, for searching for what must never be in it. */
async function rawText(query: string, variables?: Record<string, unknown>): Promise<string> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...asService },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(JSON.parse(text).errors, text).toBeUndefined();
  return text;
}

let counter = 0;
/** A name no other test of this file uses. */
const unique = (prefix: string) => `${prefix}-${++counter}-${Date.now().toString(36)}`;

const decodeJwt = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

const ERROR_FIELDS = '... on CognitoError { __typename message code } ... on InvalidInputError { field reason }';
const USER_FIELDS = 'id username status enabled email givenName sub attribute(name: "custom:department")';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mutations-test-'));
  local = await startCognitoLocal({ dataDir });
  sdk = createCognitoClient({ region: 'local', endpoint: local.endpoint, credentials: localCredentials, maxAttempts: 1 });
  sdk.middlewareStack.add(
    ((next: (args: { input: Record<string, any> }) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: { input: Record<string, any> }) => {
        sent.push({ operation: (context.commandName ?? '').replace(/Command$/, ''), input: structuredClone(args.input) });
        return next(args);
      }) as never,
    { step: 'initialize', name: 'recordSentCommands' },
  );
  gateway = createGateway({ client: sdk, serviceKeys: [TEST_SERVICE_KEY], debug: true });

  const pool = await sdk.send(
    new CreateUserPoolCommand({
      PoolName: 'mutations',
      Schema: [{ Name: 'department', AttributeDataType: 'String', Mutable: true }],
    }),
  );
  poolId = pool.UserPool!.Id!;
  const client = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'sign-in',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  appClientId = client.UserPoolClient!.ClientId!;
});

afterAll(async () => {
  await local?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Shared operations
// ---------------------------------------------------------------------------------------------

const CREATE_USER = `mutation ($input: AdminCreateUserInput!) {
  adminCreateUser(input: $input) {
    __typename
    ... on AdminCreateUserPayload { user { ${USER_FIELDS} } }
    ${ERROR_FIELDS}
  }
}`;

const READ_USER = `query ($pool: String!, $username: String!) {
  user(userPoolId: $pool, username: $username) {
    ${USER_FIELDS}
    attributes { name value }
    groups { edges { node { name } } }
  }
}`;

async function createUser(username: string, attributes: { name: string; value: string }[] = []): Promise<Data> {
  const data = await ok(CREATE_USER, {
    input: { userPoolId: poolId, username, messageAction: 'SUPPRESS', temporaryPassword: 'Temporary-Pa55', attributes },
  });
  expect(data['adminCreateUser'].__typename, JSON.stringify(data)).toBe('AdminCreateUserPayload');
  return data['adminCreateUser'].user;
}

async function readUser(username: string, pool = poolId): Promise<Data | null> {
  return (await ok(READ_USER, { pool, username }))['user'];
}

const CREATE_GROUP = `mutation ($input: CreateGroupInput!) {
  createGroup(input: $input) {
    __typename
    ... on CreateGroupPayload { group { id name description precedence } }
    ${ERROR_FIELDS}
  }
}`;

const READ_GROUP = `query ($pool: String!, $name: String!) {
  group(userPoolId: $pool, name: $name) {
    id name description precedence
    members { edges { node { username } } }
  }
}`;

async function createGroup(groupName: string, extra: Record<string, unknown> = {}): Promise<Data> {
  const data = await ok(CREATE_GROUP, { input: { userPoolId: poolId, groupName, ...extra } });
  expect(data['createGroup'].__typename, JSON.stringify(data)).toBe('CreateGroupPayload');
  return data['createGroup'].group;
}

async function readGroup(name: string): Promise<Data | null> {
  return (await ok(READ_GROUP, { pool: poolId, name }))['group'];
}

const memberNames = (group: Data | null) =>
  (group?.['members'].edges as { node: { username: string } }[]).map((e) => e.node.username).sort();
const groupNames = (user: Data | null) => (user?.['groups'].edges as { node: { name: string } }[]).map((e) => e.node.name).sort();

// ---------------------------------------------------------------------------------------------
// User pools
// ---------------------------------------------------------------------------------------------

describe('user pool mutations', () => {
  const READ_POOL = `query ($id: String!) {
    userPool(userPoolId: $id) {
      id userPoolId name mfaConfiguration deletionProtection
      passwordPolicy { minimumLength requireUppercase requireLowercase requireNumbers requireSymbols temporaryPasswordValidityDays }
      schemaAttributes { name dataType custom mutable developerOnly minLength maxLength minValue maxValue }
    }
  }`;
  const policy = {
    minimumLength: 12,
    requireUppercase: true,
    requireLowercase: false,
    requireNumbers: true,
    requireSymbols: false,
    temporaryPasswordValidityDays: 3,
  };

  async function createPool(poolName: string): Promise<string> {
    const data = await ok(
      `mutation ($input: CreateUserPoolInput!) {
        createUserPool(input: $input) {
          __typename
          ... on CreateUserPoolPayload { userPool { userPoolId name } }
          ${ERROR_FIELDS}
        }
      }`,
      {
        input: {
          poolName,
          mfaConfiguration: 'OFF',
          passwordPolicy: policy,
          customAttributes: [
            { name: 'department', dataType: 'String', minLength: 1, maxLength: 64 },
            { name: 'level', dataType: 'Number', mutable: false, minValue: 0, maxValue: 10 },
          ],
        },
      },
    );
    const payload = data['createUserPool'];
    expect(payload.__typename, JSON.stringify(payload)).toBe('CreateUserPoolPayload');
    expect(payload.userPool.name).toBe(poolName);
    expect(payload.userPool.userPoolId).toMatch(/^local_\w+$/);
    return payload.userPool.userPoolId;
  }

  async function readPool(id: string): Promise<Data | null> {
    return (await ok(READ_POOL, { id }))['userPool'];
  }

  const schemaAttribute = (pool: Data | null, name: string) => (pool?.['schemaAttributes'] as Data[]).find((a) => a['name'] === name);

  it('createUserPool: the name, password policy and custom attributes read back', async () => {
    const name = unique('pool');
    const id = await createPool(name);
    const pool = await readPool(id);
    expect(pool).toMatchObject({ userPoolId: id, name, mfaConfiguration: 'OFF', passwordPolicy: policy });
    expect(schemaAttribute(pool, 'custom:department')).toMatchObject({
      dataType: 'String',
      custom: true,
      mutable: true,
      developerOnly: false,
      minLength: 1,
      maxLength: 64,
    });
    expect(schemaAttribute(pool, 'custom:level')).toMatchObject({
      dataType: 'Number',
      custom: true,
      mutable: false,
      minValue: 0,
      maxValue: 10,
    });
    // The standard attributes are there as well, and are not custom.
    expect(schemaAttribute(pool, 'email')).toMatchObject({ custom: false });
  });

  it('updateUserPool changes only what it names: the password policy set at creation stays', async () => {
    const id = await createPool(unique('pool'));
    const UPDATE = `mutation ($input: UpdateUserPoolInput!) {
      updateUserPool(input: $input) {
        __typename
        ... on UpdateUserPoolPayload { userPool { userPoolId mfaConfiguration passwordPolicy { minimumLength requireUppercase } } }
        ${ERROR_FIELDS}
      }
    }`;

    const first = (await ok(UPDATE, { input: { userPoolId: id, mfaConfiguration: 'OPTIONAL' } }))['updateUserPool'];
    expect(first.__typename, JSON.stringify(first)).toBe('UpdateUserPoolPayload');
    // The payload reads the pool after the write, not the description loaded before it.
    expect(first.userPool).toEqual({
      userPoolId: id,
      mfaConfiguration: 'OPTIONAL',
      passwordPolicy: { minimumLength: 12, requireUppercase: true },
    });
    expect(await readPool(id)).toMatchObject({ mfaConfiguration: 'OPTIONAL', passwordPolicy: policy });

    // Only deletionProtection: mfaConfiguration (changed above) and the policy are carried over.
    const second = (await ok(UPDATE, { input: { userPoolId: id, deletionProtection: true } }))['updateUserPool'];
    expect(second.__typename, JSON.stringify(second)).toBe('UpdateUserPoolPayload');
    const pool = await readPool(id);
    expect(pool).toMatchObject({ mfaConfiguration: 'OPTIONAL', passwordPolicy: policy });
    // cognito-local stores no DeletionProtection (CreateUserPool and UpdateUserPool both drop it),
    // so the read says null; the gateway did send it, with the other settings carried over.
    expect(pool?.['deletionProtection']).toBeNull();
    const request = sent.filter((c) => c.operation === 'UpdateUserPool' && c.input['UserPoolId'] === id).at(-1)?.input;
    expect(request).toMatchObject({
      DeletionProtection: 'ACTIVE',
      MfaConfiguration: 'OPTIONAL',
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireUppercase: true, RequireNumbers: true } },
    });
  });

  it('addCustomAttributes adds to the schema and keeps the attributes already there', async () => {
    const id = await createPool(unique('pool'));
    const ADD = `mutation ($input: AddCustomAttributesInput!) {
      addCustomAttributes(input: $input) {
        __typename
        ... on AddCustomAttributesPayload { userPool { schemaAttributes { name } } }
        ${ERROR_FIELDS}
      }
    }`;
    const data = await ok(ADD, {
      input: {
        userPoolId: id,
        attributes: [
          { name: 'team', dataType: 'String', maxLength: 32 },
          { name: 'hired', dataType: 'DateTime' },
        ],
      },
    });
    expect(data['addCustomAttributes'].__typename, JSON.stringify(data)).toBe('AddCustomAttributesPayload');
    expect((data['addCustomAttributes'].userPool.schemaAttributes as Data[]).map((a) => a['name'])).toContain('custom:team');

    const pool = await readPool(id);
    expect(schemaAttribute(pool, 'custom:team')).toMatchObject({ dataType: 'String', custom: true, maxLength: 32 });
    expect(schemaAttribute(pool, 'custom:hired')).toMatchObject({ dataType: 'DateTime', custom: true });
    expect(schemaAttribute(pool, 'custom:department')).toMatchObject({ dataType: 'String', maxLength: 64 });

    // A name the pool already has: Cognito refuses it, a typed result.
    const again = (await ok(ADD, { input: { userPoolId: id, attributes: [{ name: 'team', dataType: 'String' }] } }))['addCustomAttributes'];
    expect(again).toMatchObject({ __typename: 'InvalidParameterError', code: 'BAD_USER_INPUT' });
  });

  it('deleteUserPool: the pool reads back as null; deletedId is the former id', async () => {
    const id = await createPool(unique('pool'));
    const formerId = (await readPool(id))?.['id'];
    expect(formerId).toEqual(expect.any(String));

    const DELETE = `mutation ($input: DeleteUserPoolInput!) {
      deleteUserPool(input: $input) {
        __typename
        ... on DeleteUserPoolPayload { deletedUserPoolId deletedId }
        ${ERROR_FIELDS}
      }
    }`;
    const data = await ok(DELETE, { input: { userPoolId: id } });
    expect(data['deleteUserPool']).toEqual({ __typename: 'DeleteUserPoolPayload', deletedUserPoolId: id, deletedId: formerId });
    expect(await readPool(id)).toBeNull();

    const again = (await ok(DELETE, { input: { userPoolId: id } }))['deleteUserPool'];
    expect(again).toMatchObject({ __typename: 'ResourceNotFoundError', code: 'NOT_FOUND' });
  });
});

// ---------------------------------------------------------------------------------------------
// App clients
// ---------------------------------------------------------------------------------------------

describe('app client mutations', () => {
  const CREATE = `mutation ($input: CreateUserPoolClientInput!) {
    createUserPoolClient(input: $input) {
      __typename
      ... on CreateUserPoolClientPayload { clientSecret client { id clientId name hasSecret explicitAuthFlows } }
      ${ERROR_FIELDS}
    }
  }`;
  const READ = `query ($pool: String!, $clientId: String!) {
    client(userPoolId: $pool, clientId: $clientId) { id clientId name hasSecret explicitAuthFlows }
  }`;
  /** Every field of Client, through every way of reaching one. */
  const CLIENT_FIELDS = `id userPoolId clientId name hasSecret createdAt updatedAt explicitAuthFlows allowedOAuthFlows allowedOAuthScopes
    allowedOAuthFlowsUserPoolClient callbackUrls logoutUrls defaultRedirectUri supportedIdentityProviders readAttributes writeAttributes
    accessTokenValidity idTokenValidity refreshTokenValidity tokenValidityUnits { accessToken idToken refreshToken } authSessionValidity
    preventUserExistenceErrors enableTokenRevocation pool { userPoolId }`;

  async function create(input: Record<string, unknown>): Promise<Data> {
    return (await gql(CREATE, { input: { userPoolId: poolId, ...input } })) as Data;
  }

  async function readClient(clientId: string): Promise<Data | null> {
    return (await ok(READ, { pool: poolId, clientId }))['client'];
  }

  it('createUserPoolClient without a secret', async () => {
    const clientName = unique('web');
    const result = await create({ clientName, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    expect(result['errors']).toBeUndefined();
    const payload = result['data'].createUserPoolClient;
    expect(payload).toMatchObject({
      __typename: 'CreateUserPoolClientPayload',
      clientSecret: null,
      client: { name: clientName, hasSecret: false },
    });
    expect(await readClient(payload.client.clientId)).toEqual({
      id: payload.client.id,
      clientId: payload.client.clientId,
      name: clientName,
      hasSecret: false,
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  it('generateSecret + returnSecret: the secret is in that payload and in no later answer', async () => {
    const clientName = unique('server');
    const result = await create({
      clientName,
      generateSecret: true,
      returnSecret: true,
      explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'],
    });
    expect(result['errors']).toBeUndefined();
    const payload = result['data'].createUserPoolClient;
    expect(payload.__typename, JSON.stringify(payload)).toBe('CreateUserPoolClientPayload');
    const secret: string = payload.clientSecret;
    expect(secret).toEqual(expect.any(String));
    expect(secret.length).toBeGreaterThan(0);
    expect(payload.client.hasSecret).toBe(true);
    const { clientId, id } = payload.client as { clientId: string; id: string };

    // It is the client's real secret, and cognito-local hands it out on every describe: only the
    // gateway keeps it out of the answers below.
    const described = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    expect(described.UserPoolClient?.ClientSecret).toBe(secret);

    const reads = [
      `query ($pool: String!, $clientId: String!) { client(userPoolId: $pool, clientId: $clientId) { ${CLIENT_FIELDS} } }`,
      `query ($pool: String!, $clientId: String!) { userPool(userPoolId: $pool) { client(clientId: $clientId) { ${CLIENT_FIELDS} } } }`,
      `query ($pool: String!) { userPool(userPoolId: $pool) { clients(first: 10) { edges { node { ${CLIENT_FIELDS} } } } } }`,
      `query ($pool: String!, $clientId: String!) { _entities(representations: [{ __typename: "Client", userPoolId: $pool, clientId: $clientId }]) { ... on Client { ${CLIENT_FIELDS} } } }`,
    ];
    for (const read of reads) {
      const text = await rawText(read, { pool: poolId, clientId, id });
      expect(text).toContain(clientId);
      expect(text).toContain('"hasSecret":true');
      expect(text.includes(secret), `the secret leaked in the answer to ${read}`).toBe(false);
    }

    // Nor does a later write's payload carry it.
    const update = await rawText(
      `mutation ($input: UpdateUserPoolClientInput!) {
        updateUserPoolClient(input: $input) { __typename ... on UpdateUserPoolClientPayload { client { ${CLIENT_FIELDS} } } ${ERROR_FIELDS} }
      }`,
      { input: { userPoolId: poolId, clientId, clientName: `${clientName}-renamed` } },
    );
    expect(update).toContain('UpdateUserPoolClientPayload');
    expect(update.includes(secret)).toBe(false);
    // The update kept the secret.
    expect(await readClient(clientId)).toMatchObject({ name: `${clientName}-renamed`, hasSecret: true });
  });

  it('generateSecret without returnSecret: the client has a secret, the payload does not show it', async () => {
    const result = await create({ clientName: unique('server'), generateSecret: true });
    const payload = result['data'].createUserPoolClient;
    expect(payload).toMatchObject({ __typename: 'CreateUserPoolClientPayload', clientSecret: null, client: { hasSecret: true } });
    const described = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: payload.client.clientId }));
    const secret = described.UserPoolClient?.ClientSecret;
    expect(secret).toEqual(expect.any(String));
    expect(JSON.stringify(result).includes(secret!)).toBe(false);
    expect(await readClient(payload.client.clientId)).toMatchObject({ hasSecret: true });
  });

  it('returnSecret without generateSecret is refused before any call', async () => {
    const clientName = unique('refused');
    const result = await create({ clientName, returnSecret: true });
    expect(result['errors']).toBeUndefined();
    expect(result['data'].createUserPoolClient).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'input.returnSecret',
      code: 'BAD_USER_INPUT',
    });
    expect(result['extensions']?.cognitoCalls?.total).toBe(0);
    const clients = await ok(`query ($pool: String!) { userPool(userPoolId: $pool) { clients(first: 60) { edges { node { name } } } } }`, {
      pool: poolId,
    });
    expect((clients['userPool'].clients.edges as Data[]).map((e) => e['node'].name)).not.toContain(clientName);
  });

  it('updateUserPoolClient changing only the name keeps the auth flows set at creation', async () => {
    const flows = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
    const created = (await create({ clientName: unique('app'), explicitAuthFlows: flows, refreshTokenValidityDays: 7 }))['data']
      .createUserPoolClient;
    const clientId: string = created.client.clientId;
    const newName = unique('renamed');

    const data = await ok(
      `mutation ($input: UpdateUserPoolClientInput!) {
        updateUserPoolClient(input: $input) {
          __typename
          ... on UpdateUserPoolClientPayload { client { clientId name explicitAuthFlows refreshTokenValidity } }
          ${ERROR_FIELDS}
        }
      }`,
      { input: { userPoolId: poolId, clientId, clientName: newName } },
    );
    expect(data['updateUserPoolClient']).toEqual({
      __typename: 'UpdateUserPoolClientPayload',
      client: { clientId, name: newName, explicitAuthFlows: flows, refreshTokenValidity: 7 },
    });
    expect(await readClient(clientId)).toMatchObject({ name: newName, explicitAuthFlows: flows });
    // cognito-local keeps what UpdateUserPoolClient omits (AWS resets it), so the read above
    // cannot tell; the request the gateway sent must carry the flows over itself.
    const request = sent.filter((c) => c.operation === 'UpdateUserPoolClient' && c.input['ClientId'] === clientId).at(-1)?.input;
    expect(request).toMatchObject({ ClientName: newName, ExplicitAuthFlows: flows, RefreshTokenValidity: 7 });
  });

  it('deleteUserPoolClient: the client reads back as null', async () => {
    const created = (await create({ clientName: unique('doomed') }))['data'].createUserPoolClient;
    const { clientId, id } = created.client as { clientId: string; id: string };
    const DELETE = `mutation ($input: DeleteUserPoolClientInput!) {
      deleteUserPoolClient(input: $input) {
        __typename
        ... on DeleteUserPoolClientPayload { deletedClientId deletedId }
        ${ERROR_FIELDS}
      }
    }`;
    const data = await ok(DELETE, { input: { userPoolId: poolId, clientId } });
    expect(data['deleteUserPoolClient']).toEqual({ __typename: 'DeleteUserPoolClientPayload', deletedClientId: clientId, deletedId: id });
    expect(await readClient(clientId)).toBeNull();
    expect((await ok(DELETE, { input: { userPoolId: poolId, clientId } }))['deleteUserPoolClient']).toMatchObject({
      __typename: 'ResourceNotFoundError',
      code: 'NOT_FOUND',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

describe('user mutations', () => {
  it('adminCreateUser: attributes and FORCE_CHANGE_PASSWORD read back', async () => {
    const username = unique('ada');
    const created = await createUser(username, [
      { name: 'email', value: `${username}@example.com` },
      { name: 'given_name', value: 'Ada' },
      { name: 'custom:department', value: 'engineering' },
    ]);
    expect(created).toMatchObject({ username, status: 'FORCE_CHANGE_PASSWORD', enabled: true, email: `${username}@example.com` });

    const user = await readUser(username);
    expect(user).toMatchObject({
      id: created['id'],
      username,
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      email: `${username}@example.com`,
      givenName: 'Ada',
      attribute: 'engineering',
    });
    expect(user?.['sub']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('adminCreateUser of an existing username is a UsernameExistsError; the user is unchanged', async () => {
    const username = unique('taken');
    await createUser(username, [{ name: 'given_name', value: 'First' }]);
    const data = await ok(CREATE_USER, {
      input: { userPoolId: poolId, username, messageAction: 'SUPPRESS', attributes: [{ name: 'given_name', value: 'Second' }] },
    });
    expect(data['adminCreateUser']).toMatchObject({ __typename: 'UsernameExistsError', code: 'USERNAME_EXISTS' });
    expect(data['adminCreateUser'].message).toEqual(expect.any(String));
    expect(await readUser(username)).toMatchObject({ givenName: 'First' });
  });

  it('adminUpdateUserAttributes and adminDeleteUserAttributes', async () => {
    const username = unique('grace');
    await createUser(username, [
      { name: 'email', value: 'old@example.com' },
      { name: 'given_name', value: 'Grace' },
    ]);

    const update = await ok(
      `mutation ($input: AdminUpdateUserAttributesInput!) {
        adminUpdateUserAttributes(input: $input) { __typename ... on AdminUpdateUserAttributesPayload { user { email attribute(name: "custom:department") } } ${ERROR_FIELDS} }
      }`,
      {
        input: {
          userPoolId: poolId,
          username,
          attributes: [
            { name: 'email', value: 'new@example.com' },
            { name: 'custom:department', value: 'research' },
          ],
        },
      },
    );
    expect(update['adminUpdateUserAttributes']).toEqual({
      __typename: 'AdminUpdateUserAttributesPayload',
      user: { email: 'new@example.com', attribute: 'research' },
    });
    expect(await readUser(username)).toMatchObject({ email: 'new@example.com', attribute: 'research', givenName: 'Grace' });

    const remove = await ok(
      `mutation ($input: AdminDeleteUserAttributesInput!) {
        adminDeleteUserAttributes(input: $input) { __typename ... on AdminDeleteUserAttributesPayload { user { givenName email } } ${ERROR_FIELDS} }
      }`,
      { input: { userPoolId: poolId, username, names: ['given_name', 'custom:department'] } },
    );
    expect(remove['adminDeleteUserAttributes']).toEqual({
      __typename: 'AdminDeleteUserAttributesPayload',
      user: { givenName: null, email: 'new@example.com' },
    });
    const user = await readUser(username);
    expect(user).toMatchObject({ givenName: null, attribute: null, email: 'new@example.com' });
    expect((user?.['attributes'] as Data[]).map((a) => a['name'])).not.toContain('given_name');
  });

  it('adminDisableUser and adminEnableUser', async () => {
    const username = unique('switch');
    await createUser(username);
    const SET = (
      name: 'adminDisableUser' | 'adminEnableUser',
      payload: string,
    ) => `mutation ($input: ${name.charAt(0).toUpperCase()}${name.slice(1)}Input!) {
      ${name}(input: $input) { __typename ... on ${payload} { user { username enabled } } ${ERROR_FIELDS} }
    }`;
    const disabled = await ok(SET('adminDisableUser', 'AdminDisableUserPayload'), { input: { userPoolId: poolId, username } });
    expect(disabled['adminDisableUser']).toEqual({ __typename: 'AdminDisableUserPayload', user: { username, enabled: false } });
    expect(await readUser(username)).toMatchObject({ enabled: false });

    const enabled = await ok(SET('adminEnableUser', 'AdminEnableUserPayload'), { input: { userPoolId: poolId, username } });
    expect(enabled['adminEnableUser']).toEqual({ __typename: 'AdminEnableUserPayload', user: { username, enabled: true } });
    expect(await readUser(username)).toMatchObject({ enabled: true });
  });

  it('adminSetUserPassword permanent confirms the user, and adminInitiateAuth signs it in', async () => {
    const username = unique('signin');
    await createUser(username);
    const password = 'Permanent-Pa55word';
    const set = await ok(
      `mutation ($input: AdminSetUserPasswordInput!) {
        adminSetUserPassword(input: $input) { __typename ... on AdminSetUserPasswordPayload { user { status } } ${ERROR_FIELDS} }
      }`,
      { input: { userPoolId: poolId, username, password, permanent: true } },
    );
    expect(set['adminSetUserPassword']).toEqual({ __typename: 'AdminSetUserPasswordPayload', user: { status: 'CONFIRMED' } });
    expect(await readUser(username)).toMatchObject({ status: 'CONFIRMED' });

    const SIGN_IN = `mutation ($input: AdminInitiateAuthInput!) {
      adminInitiateAuth(input: $input) {
        __typename
        ... on AdminInitiateAuthPayload { tokens { accessToken idToken refreshToken } challenge { __typename } }
        ${ERROR_FIELDS}
      }
    }`;
    const input = { userPoolId: poolId, clientId: appClientId, username, authFlow: 'ADMIN_USER_PASSWORD_AUTH', password };
    const signIn = (await ok(SIGN_IN, { input }))['adminInitiateAuth'];
    expect(signIn.__typename, JSON.stringify(signIn)).toBe('AdminInitiateAuthPayload');
    expect(signIn.challenge).toBeNull();
    const claims = decodeJwt(signIn.tokens.accessToken);
    expect(claims).toMatchObject({ username, client_id: appClientId, token_use: 'access', iss: local.issuerFor(poolId) });
    expect(signIn.tokens.idToken).toEqual(expect.any(String));
    expect(signIn.tokens.refreshToken).toEqual(expect.any(String));

    // A wrong password: cognito-local answers InvalidPasswordException (AWS: NotAuthorizedException).
    const wrong = (await ok(SIGN_IN, { input: { ...input, password: 'Not-the-Pa55word' } }))['adminInitiateAuth'];
    expect(wrong).toMatchObject({ __typename: 'InvalidPasswordError', code: 'INVALID_PASSWORD' });
  });

  it('adminConfirmSignUp confirms a user who signed up', async () => {
    const username = unique('signup');
    await sdk.send(
      new SignUpCommand({
        ClientId: appClientId,
        Username: username,
        Password: 'Signed-Up-Pa55',
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      }),
    );
    expect(await readUser(username)).toMatchObject({ status: 'UNCONFIRMED', email: `${username}@example.com` });

    const CONFIRM = `mutation ($input: AdminConfirmSignUpInput!) {
      adminConfirmSignUp(input: $input) { __typename ... on AdminConfirmSignUpPayload { user { username status } } ${ERROR_FIELDS} }
    }`;
    const data = await ok(CONFIRM, { input: { userPoolId: poolId, username } });
    expect(data['adminConfirmSignUp']).toEqual({ __typename: 'AdminConfirmSignUpPayload', user: { username, status: 'CONFIRMED' } });
    expect(await readUser(username)).toMatchObject({ status: 'CONFIRMED' });

    // Confirming again: NotAuthorizedException ("Current status is CONFIRMED"), as on AWS.
    const again = (await ok(CONFIRM, { input: { userPoolId: poolId, username } }))['adminConfirmSignUp'];
    expect(again).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
  });

  it('adminDeleteUser: the user reads back as null; deletedUserId is the former id', async () => {
    const username = unique('gone');
    const created = await createUser(username);
    const formerId = (await readUser(username))?.['id'];
    expect(formerId).toBe(created['id']);

    const data = await ok(
      `mutation ($input: AdminDeleteUserInput!) {
        adminDeleteUser(input: $input) { __typename ... on AdminDeleteUserPayload { deletedUsername deletedUserId } ${ERROR_FIELDS} }
      }`,
      { input: { userPoolId: poolId, username } },
    );
    expect(data['adminDeleteUser']).toEqual({ __typename: 'AdminDeleteUserPayload', deletedUsername: username, deletedUserId: formerId });
    expect(await readUser(username)).toBeNull();
  });

  // cognito-local answers a missing user with UserNotFoundException for most operations, but with
  // NotAuthorizedException for AdminUpdateUserAttributes, AdminDeleteUserAttributes and
  // AdminConfirmSignUp (AWS: UserNotFoundException for all). Either way a typed result.
  it.each([
    ['adminDisableUser', 'AdminDisableUserInput', {}, 'UserNotFoundError', 'USER_NOT_FOUND'],
    ['adminEnableUser', 'AdminEnableUserInput', {}, 'UserNotFoundError', 'USER_NOT_FOUND'],
    ['adminDeleteUser', 'AdminDeleteUserInput', {}, 'UserNotFoundError', 'USER_NOT_FOUND'],
    [
      'adminSetUserPassword',
      'AdminSetUserPasswordInput',
      { password: 'Whatever-Pa55', permanent: true },
      'UserNotFoundError',
      'USER_NOT_FOUND',
    ],
    ['adminAddUserToGroup', 'AdminAddUserToGroupInput', { groupName: 'missing-user-group' }, 'UserNotFoundError', 'USER_NOT_FOUND'],
    [
      'adminUpdateUserAttributes',
      'AdminUpdateUserAttributesInput',
      { attributes: [{ name: 'given_name', value: 'X' }] },
      'NotAuthorizedError',
      'NOT_AUTHORIZED',
    ],
    ['adminDeleteUserAttributes', 'AdminDeleteUserAttributesInput', { names: ['given_name'] }, 'NotAuthorizedError', 'NOT_AUTHORIZED'],
    ['adminConfirmSignUp', 'AdminConfirmSignUpInput', {}, 'NotAuthorizedError', 'NOT_AUTHORIZED'],
  ] as const)('%s on a user that does not exist: %s, typed', async (field, inputType, extra, typename, code) => {
    // The group exists, so that only the user is missing (cognito-local's CreateGroup overwrites, so this may run twice).
    if (field === 'adminAddUserToGroup') await createGroup('missing-user-group');
    const result = await gql(`mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ${ERROR_FIELDS} } }`, {
      input: { userPoolId: poolId, username: 'nobody-by-this-name', ...extra },
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data?.[field]).toMatchObject({ __typename: typename, code });
    expect(result.data?.[field].message).toEqual(expect.any(String));
    expect(result.extensions?.cognitoCalls?.total).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

describe('group mutations', () => {
  it('createGroup: description and precedence read back', async () => {
    const name = unique('admins');
    const created = await createGroup(name, { description: 'People who administer', precedence: 5 });
    expect(created).toMatchObject({ name, description: 'People who administer', precedence: 5 });
    expect(await readGroup(name)).toMatchObject({ id: created['id'], name, description: 'People who administer', precedence: 5 });
  });

  it('createGroup of an existing name: cognito-local overwrites it (AWS answers GroupExistsException)', async () => {
    const name = unique('twice');
    await createGroup(name, { description: 'first', precedence: 1 });
    const data = await ok(CREATE_GROUP, { input: { userPoolId: poolId, groupName: name, description: 'second' } });
    // cognito-local 5.3.0 does not check: CreateGroup replaces the group, precedence and all.
    expect(data['createGroup']).toMatchObject({
      __typename: 'CreateGroupPayload',
      group: { name, description: 'second', precedence: null },
    });
    expect(await readGroup(name)).toMatchObject({ description: 'second', precedence: null });
  });

  it('createGroup of an existing name answers GroupExistsError when Cognito says GroupExistsException', async () => {
    const { cognito, query } = scriptedGateway();
    const exists = Object.assign(new Error('A group with the name already exists.'), {
      name: 'GroupExistsException',
      $fault: 'client',
      $metadata: {},
    });
    cognito.onAnyCommand().rejects(exists);
    const result = await query(CREATE_GROUP, { input: { userPoolId: 'eu-west-1_Abc123', groupName: 'admins' } });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data?.['createGroup']).toEqual({
      __typename: 'GroupExistsError',
      message: 'A group with the name already exists.',
      code: 'GROUP_EXISTS',
    });
  });

  it('updateGroup changing only the description keeps the precedence', async () => {
    const name = unique('editors');
    await createGroup(name, { description: 'before', precedence: 7 });
    const data = await ok(
      `mutation ($input: UpdateGroupInput!) {
        updateGroup(input: $input) { __typename ... on UpdateGroupPayload { group { name description precedence } } ${ERROR_FIELDS} }
      }`,
      { input: { userPoolId: poolId, groupName: name, description: 'after' } },
    );
    expect(data['updateGroup']).toEqual({ __typename: 'UpdateGroupPayload', group: { name, description: 'after', precedence: 7 } });
    expect(await readGroup(name)).toMatchObject({ description: 'after', precedence: 7 });
    // Cognito does not say whether UpdateGroup keeps what it is not given (cognito-local does), so
    // the gateway carries the current precedence over itself: the request names it.
    const request = sent.filter((c) => c.operation === 'UpdateGroup' && c.input['GroupName'] === name).at(-1)?.input;
    expect(request).toEqual({ UserPoolId: poolId, GroupName: name, Description: 'after', Precedence: 7 });
  });

  it('deleteGroup: the group reads back as null; its members stay users', async () => {
    const name = unique('temporary');
    const created = await createGroup(name);
    const member = unique('member');
    await createUser(member);
    await ok(`mutation ($input: AdminAddUserToGroupInput!) { adminAddUserToGroup(input: $input) { __typename } }`, {
      input: { userPoolId: poolId, groupName: name, username: member },
    });
    const data = await ok(
      `mutation ($input: DeleteGroupInput!) { deleteGroup(input: $input) { __typename ... on DeleteGroupPayload { deletedGroupName deletedGroupId } ${ERROR_FIELDS} } }`,
      { input: { userPoolId: poolId, groupName: name } },
    );
    expect(data['deleteGroup']).toEqual({ __typename: 'DeleteGroupPayload', deletedGroupName: name, deletedGroupId: created['id'] });
    expect(await readGroup(name)).toBeNull();
    expect(await readUser(member)).toMatchObject({ username: member });
  });

  it('adminAddUserToGroup and adminRemoveUserFromGroup: user.groups and group.members read back', async () => {
    const name = unique('readers');
    await createGroup(name);
    const username = unique('reader');
    await createUser(username);
    const MEMBERSHIP = (field: string, payload: string, inputType: string) => `mutation ($input: ${inputType}!) {
      ${field}(input: $input) {
        __typename
        ... on ${payload} { user { username groups { edges { node { name } } } } group { name members { edges { node { username } } } } }
        ${ERROR_FIELDS}
      }
    }`;
    const input = { userPoolId: poolId, groupName: name, username };

    const added = (await ok(MEMBERSHIP('adminAddUserToGroup', 'AdminAddUserToGroupPayload', 'AdminAddUserToGroupInput'), { input }))[
      'adminAddUserToGroup'
    ];
    expect(added.__typename, JSON.stringify(added)).toBe('AdminAddUserToGroupPayload');
    expect(groupNames(added.user)).toEqual([name]);
    expect(memberNames(added.group)).toEqual([username]);
    expect(groupNames(await readUser(username))).toEqual([name]);
    expect(memberNames(await readGroup(name))).toEqual([username]);

    const removed = (
      await ok(MEMBERSHIP('adminRemoveUserFromGroup', 'AdminRemoveUserFromGroupPayload', 'AdminRemoveUserFromGroupInput'), { input })
    )['adminRemoveUserFromGroup'];
    expect(removed.__typename, JSON.stringify(removed)).toBe('AdminRemoveUserFromGroupPayload');
    expect(groupNames(removed.user)).toEqual([]);
    expect(memberNames(removed.group)).toEqual([]);
    expect(groupNames(await readUser(username))).toEqual([]);
    expect(memberNames(await readGroup(name))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Bulk mutations
// ---------------------------------------------------------------------------------------------

describe('bulk mutations', () => {
  const bulk = (field: string, inputType: string) => `mutation ($input: ${inputType}!) {
    ${field}(input: $input) { __typename ... on ${field.charAt(0).toUpperCase()}${field.slice(1)}Payload { results { username succeeded error { code message } } succeeded failed } ... on InvalidInputError { field reason code } }
  }`;

  async function makeUsers(count: number): Promise<string[]> {
    const usernames = Array.from({ length: count }, () => unique('bulk'));
    for (const username of usernames) await createUser(username);
    return usernames;
  }

  it('addUsersToGroup and removeUsersFromGroup report every user in order; members read back', async () => {
    const group = unique('bulk-group');
    await createGroup(group);
    const users = await makeUsers(5);
    const missing = unique('missing');
    const usernames = [users[0]!, users[1]!, missing, users[2]!, users[3]!, users[4]!];

    const result = await gql(bulk('addUsersToGroup', 'AddUsersToGroupInput'), {
      input: { userPoolId: poolId, groupName: group, usernames },
    });
    expect(result.errors).toBeUndefined();
    const payload = result.data?.['addUsersToGroup'];
    expect(payload).toMatchObject({ __typename: 'AddUsersToGroupPayload', succeeded: 5, failed: 1 });
    expect((payload.results as Data[]).map((r) => r['username'])).toEqual(usernames);
    expect((payload.results as Data[]).map((r) => r['succeeded'])).toEqual([true, true, false, true, true, true]);
    expect(payload.results[2].error).toMatchObject({ code: 'USER_NOT_FOUND', message: expect.any(String) });
    for (const index of [0, 1, 3, 4, 5]) expect(payload.results[index].error).toBeNull();
    expect(result.extensions?.cognitoCalls?.byOperation['AdminAddUserToGroup']).toBe(6);
    expect(memberNames(await readGroup(group))).toEqual([...users].sort());

    const removeNames = [users[0]!, users[2]!, missing];
    const removed = (
      await ok(bulk('removeUsersFromGroup', 'RemoveUsersFromGroupInput'), {
        input: { userPoolId: poolId, groupName: group, usernames: removeNames },
      })
    )['removeUsersFromGroup'];
    expect(removed).toMatchObject({ __typename: 'RemoveUsersFromGroupPayload', succeeded: 2, failed: 1 });
    expect((removed.results as Data[]).map((r) => [r['username'], r['succeeded'], r['error']?.code ?? null])).toEqual([
      [users[0], true, null],
      [users[2], true, null],
      [missing, false, 'USER_NOT_FOUND'],
    ]);
    expect(memberNames(await readGroup(group))).toEqual([users[1]!, users[3]!, users[4]!].sort());
    expect(groupNames(await readUser(users[0]!))).toEqual([]);
    expect(groupNames(await readUser(users[1]!))).toEqual([group]);
  });

  it('disableUsers and enableUsers report every user in order; enabled reads back', async () => {
    const users = await makeUsers(3);
    const missing = unique('missing');
    const usernames = [users[0]!, missing, users[1]!];

    const disabled = (await ok(bulk('disableUsers', 'DisableUsersInput'), { input: { userPoolId: poolId, usernames } }))['disableUsers'];
    expect(disabled).toMatchObject({ __typename: 'DisableUsersPayload', succeeded: 2, failed: 1 });
    expect((disabled.results as Data[]).map((r) => [r['username'], r['succeeded'], r['error']?.code ?? null])).toEqual([
      [users[0], true, null],
      [missing, false, 'USER_NOT_FOUND'],
      [users[1], true, null],
    ]);
    expect((await readUser(users[0]!))?.['enabled']).toBe(false);
    expect((await readUser(users[1]!))?.['enabled']).toBe(false);
    expect((await readUser(users[2]!))?.['enabled']).toBe(true);

    const enabled = (await ok(bulk('enableUsers', 'EnableUsersInput'), { input: { userPoolId: poolId, usernames: [users[1]!] } }))[
      'enableUsers'
    ];
    expect(enabled).toEqual({
      __typename: 'EnableUsersPayload',
      results: [{ username: users[1], succeeded: true, error: null }],
      succeeded: 1,
      failed: 0,
    });
    expect((await readUser(users[0]!))?.['enabled']).toBe(false);
    expect((await readUser(users[1]!))?.['enabled']).toBe(true);
  });

  const bulkCases = [
    ['addUsersToGroup', 'AddUsersToGroupInput', { groupName: 'any-group' }],
    ['removeUsersFromGroup', 'RemoveUsersFromGroupInput', { groupName: 'any-group' }],
    ['disableUsers', 'DisableUsersInput', {}],
    ['enableUsers', 'EnableUsersInput', {}],
  ] as const;

  it.each(bulkCases)('%s with no usernames is refused before any call', async (field, inputType, extra) => {
    const result = await gql(bulk(field, inputType), { input: { userPoolId: poolId, usernames: [], ...extra } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.[field]).toMatchObject({ __typename: 'InvalidInputError', field: 'input.usernames', code: 'BAD_USER_INPUT' });
    expect(result.extensions?.cognitoCalls?.total).toBe(0);
  });

  it.each(bulkCases)('%s naming a user twice is refused before any call', async (field, inputType, extra) => {
    const result = await gql(bulk(field, inputType), {
      input: { userPoolId: poolId, usernames: ['someone', 'other', 'someone'], ...extra },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.[field]).toMatchObject({ __typename: 'InvalidInputError', field: 'input.usernames[2]', code: 'BAD_USER_INPUT' });
    expect(result.extensions?.cognitoCalls?.total).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Input refused before any call
// ---------------------------------------------------------------------------------------------

describe('input refused before any Cognito call', () => {
  const cases: [label: string, field: string, inputType: string, input: () => Record<string, unknown>, expectedField: string][] = [
    [
      'a malformed userPoolId',
      'adminCreateUser',
      'AdminCreateUserInput',
      () => ({ userPoolId: 'not a pool id', username: 'someone' }),
      'input.userPoolId',
    ],
    ['an empty username', 'adminCreateUser', 'AdminCreateUserInput', () => ({ userPoolId: poolId, username: '' }), 'input.username'],
    [
      'a group name of 129 characters',
      'createGroup',
      'CreateGroupInput',
      () => ({ userPoolId: poolId, groupName: 'g'.repeat(129) }),
      'input.groupName',
    ],
    [
      'an attribute name with a space',
      'adminUpdateUserAttributes',
      'AdminUpdateUserAttributesInput',
      () => ({
        userPoolId: poolId,
        username: 'someone',
        attributes: [
          { name: 'given_name', value: 'A' },
          { name: 'family name', value: 'B' },
        ],
      }),
      'input.attributes[1].name',
    ],
    [
      'a precedence of -1',
      'createGroup',
      'CreateGroupInput',
      () => ({ userPoolId: poolId, groupName: 'negative', precedence: -1 }),
      'input.precedence',
    ],
    [
      'a minimum password length of 3',
      'createUserPool',
      'CreateUserPoolInput',
      () => ({ poolName: 'weak', passwordPolicy: { minimumLength: 3 } }),
      'input.passwordPolicy.minimumLength',
    ],
    [
      'a minimum password length of 3 (update)',
      'updateUserPool',
      'UpdateUserPoolInput',
      () => ({ userPoolId: poolId, passwordPolicy: { minimumLength: 3 } }),
      'input.passwordPolicy.minimumLength',
    ],
    [
      'a custom attribute name of 21 characters',
      'createUserPool',
      'CreateUserPoolInput',
      () => ({ poolName: 'long-names', customAttributes: [{ name: 'a'.repeat(21), dataType: 'String' }] }),
      'input.customAttributes[0].name',
    ],
    [
      'a custom attribute name of 21 characters (added later)',
      'addCustomAttributes',
      'AddCustomAttributesInput',
      () => ({
        userPoolId: poolId,
        attributes: [
          { name: 'short', dataType: 'String' },
          { name: 'b'.repeat(21), dataType: 'Number' },
        ],
      }),
      'input.attributes[1].name',
    ],
  ];

  it.each(cases)('%s (%s)', async (_label, field, inputType, input, expectedField) => {
    const result = await gql(`mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ${ERROR_FIELDS} } }`, {
      input: input(),
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data?.[field]).toMatchObject({
      __typename: 'InvalidInputError',
      code: 'BAD_USER_INPUT',
      field: expectedField,
      reason: expect.any(String),
    });
    expect(result.extensions?.cognitoCalls?.total).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// A write drops what the same request had loaded
// ---------------------------------------------------------------------------------------------

describe('a write clears what the same request already loaded', () => {
  it('disable then enable in one request: each payload shows the state after its own write', async () => {
    const username = unique('toggle');
    await createUser(username);
    const result = await gql(
      `mutation ($input: AdminDisableUserInput!, $again: AdminEnableUserInput!) {
        a: adminDisableUser(input: $input) { __typename ... on AdminDisableUserPayload { user { enabled } } }
        b: adminEnableUser(input: $again) { __typename ... on AdminEnableUserPayload { user { enabled } } }
      }`,
      { input: { userPoolId: poolId, username }, again: { userPoolId: poolId, username } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      a: { __typename: 'AdminDisableUserPayload', user: { enabled: false } },
      b: { __typename: 'AdminEnableUserPayload', user: { enabled: true } },
    });
    // The user was read once after each write, not served from the first read.
    expect(result.extensions?.cognitoCalls?.calls.map((c) => c.operation)).toEqual([
      'AdminDisableUser',
      'AdminGetUser',
      'AdminEnableUser',
      'AdminGetUser',
    ]);
    expect(await readUser(username)).toMatchObject({ enabled: true });
  });

  it('adminUpdateUserAttributes shows the new email after an earlier field loaded the user', async () => {
    const username = unique('mover');
    await createUser(username, [{ name: 'email', value: 'before@example.com' }]);
    const result = await gql(
      `mutation ($target: AdminEnableUserInput!, $input: AdminUpdateUserAttributesInput!) {
        a: adminEnableUser(input: $target) { __typename ... on AdminEnableUserPayload { user { email } } }
        b: adminUpdateUserAttributes(input: $input) { __typename ... on AdminUpdateUserAttributesPayload { user { email } } }
      }`,
      {
        target: { userPoolId: poolId, username },
        input: { userPoolId: poolId, username, attributes: [{ name: 'email', value: 'after@example.com' }] },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      a: { __typename: 'AdminEnableUserPayload', user: { email: 'before@example.com' } },
      b: { __typename: 'AdminUpdateUserAttributesPayload', user: { email: 'after@example.com' } },
    });
    expect(await readUser(username)).toMatchObject({ email: 'after@example.com' });
  });
});
