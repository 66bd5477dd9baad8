import {
  AddUserPoolClientSecretCommand,
  DeleteUserPoolClientSecretCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientSecretsCommand,
  type AddUserPoolClientSecretResponse,
  type ClientSecretDescriptorType,
  type DescribeUserPoolClientResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/cognito/redaction';
import { capturingLogger } from '../support/capturing-logger';
import { pagedList } from '../support/scripted-call';
import { scriptedGateway, cognitoException } from '../support/scripted-cognito';

/**
 * Client secrets over a scripted SDK and the gateway's real call path: cognito-local 5.3.0
 * implements none of AddUserPoolClientSecret, ListUserPoolClientSecrets and
 * DeleteUserPoolClientSecret. Scripted answers are typed with the SDK's own output types; each
 * test asserts the exact input sent, and that a secret's value reaches neither a response (unless
 * its creator asked for it), nor the call log, nor the operator's log.
 */

const POOL = 'eu-west-1_Secrets1';
const CLIENT_ID = '5ecre7sc1ient000000000000a';
const GENERATED = 'generatedSecretValue0123456789abcdefghijklmnopq';
const OWN_SECRET = 'myOwnSecret_0123456789+abcdefghij';
/** A value Cognito does not list (its reference says so), scripted anyway: the gateway must drop it. */
const LISTED_VALUE = 'listedSecretValueThatMustNeverShow0123456789';
const SECRETS = [GENERATED, OWN_SECRET, LISTED_VALUE];

const secretId = (i: number) => `${CLIENT_ID}--${1767225600 + i}`;
const created = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i));

/** A fresh descriptor each time: the call path strips secrets from the very object the SDK hands it. */
function descriptor(i: number, value?: string): ClientSecretDescriptorType {
  return { ClientSecretId: secretId(i), ClientSecretCreateDate: created(i), ...(value ? { ClientSecretValue: value } : {}) };
}

function expectedSecret(i: number) {
  return { clientSecretId: secretId(i), createdAt: created(i).toISOString(), client: { clientId: CLIENT_ID } };
}

const describedClient = (): DescribeUserPoolClientResponse => ({
  UserPoolClient: { UserPoolId: POOL, ClientId: CLIENT_ID, ClientName: 'server app', ClientSecret: 'the-first-secret-of-the-client-0123' },
});

type Scripted = ReturnType<typeof scriptedGateway>;
let scripted: Scripted;
let log: ReturnType<typeof capturingLogger>;

beforeEach(() => {
  log = capturingLogger();
  scripted = scriptedGateway({ logger: log });
  scripted.cognito.on(DescribeUserPoolClientCommand).callsFake(describedClient);
});

const inputsOf = <Input>(command: { new (input: Input): unknown }) =>
  scripted.cognito.commandCalls(command as never).map((call) => (call.args[0] as { input: Input }).input);

/** No secret in the response (call log included: it is in `extensions`) nor in any log line. */
function expectNoSecret(result: unknown, except: string[] = []) {
  const response = JSON.stringify(result);
  for (const secret of SECRETS.filter((s) => !except.includes(s))) {
    expect(response.includes(secret), 'the response holds a secret').toBe(false);
  }
  for (const secret of SECRETS) expect(log.text().includes(secret), 'the log holds a secret').toBe(false);
}

// ---------------------------------------------------------------------------------------------

describe('Client.secrets: ListUserPoolClientSecrets through the one pagination helper, no page size', () => {
  const SECRETS_QUERY = `query ($first: Int, $after: String) {
    client(userPoolId: "${POOL}", clientId: "${CLIENT_ID}") {
      secrets(first: $first, after: $after) { edges { node { clientSecretId createdAt client { clientId } } } pageInfo { hasNextPage endCursor } }
    }
  }`;
  const page = (token?: string) => ({ UserPoolId: POOL, ClientId: CLIENT_ID, ...(token ? { NextToken: token } : {}) });

  beforeEach(() => {
    scripted.cognito
      .on(ListUserPoolClientSecretsCommand)
      .callsFake((input) =>
        pagedList('ListUserPoolClientSecrets', [
          { items: [descriptor(0, LISTED_VALUE), descriptor(1)], next: 'T1' },
          { items: [descriptor(2, LISTED_VALUE)] },
        ])(input),
      );
  });

  it('reads every secret across pages as metadata, sends no page size, and drops a value Cognito would send', async () => {
    const result = await scripted.query(SECRETS_QUERY, { first: 10 });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.client.secrets.edges.map((edge: { node: unknown }) => edge.node)).toEqual([0, 1, 2].map(expectedSecret));
    expect(result.data!.client.secrets.pageInfo.hasNextPage).toBe(false);
    expect(inputsOf(ListUserPoolClientSecretsCommand)).toEqual([page(), page('T1')]);
    expectNoSecret(result);
  });

  it('stops inside the first page and resumes after its cursor', async () => {
    const first = await scripted.query(SECRETS_QUERY, { first: 1 });
    expect(first.data!.client.secrets.edges.map((e: { node: { clientSecretId: string } }) => e.node.clientSecretId)).toEqual([secretId(0)]);
    expect(first.data!.client.secrets.pageInfo.hasNextPage).toBe(true);
    expect(inputsOf(ListUserPoolClientSecretsCommand)).toEqual([page()]);
    scripted.cognito.resetHistory();
    const next = await scripted.query(SECRETS_QUERY, { first: 10, after: first.data!.client.secrets.pageInfo.endCursor });
    expect(next.errors, JSON.stringify(next.errors)).toBeUndefined();
    expect(next.data!.client.secrets.edges.map((e: { node: { clientSecretId: string } }) => e.node.clientSecretId)).toEqual([
      secretId(1),
      secretId(2),
    ]);
    expect(inputsOf(ListUserPoolClientSecretsCommand)).toEqual([page(), page('T1')]);
  });
});

describe('InternalServerException (the secret operations’ name for InternalErrorException) is a fault', () => {
  it('a read that meets it is tried again, as after InternalErrorException', async () => {
    scripted.cognito
      .on(ListUserPoolClientSecretsCommand)
      .rejectsOnce(cognitoException('InternalServerException', 500))
      .resolves({ ClientSecrets: [descriptor(0)] });
    const result = await scripted.query(
      `{ client(userPoolId: "${POOL}", clientId: "${CLIENT_ID}") { secrets(first: 2) { edges { node { clientSecretId } } } } }`,
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.client.secrets.edges).toEqual([{ node: { clientSecretId: secretId(0) } }]);
    expect(scripted.cognito.commandCalls(ListUserPoolClientSecretsCommand)).toHaveLength(2);
  });
});

describe('the call path strips every listed value, whatever the page holds', () => {
  it('one, many or no secrets: no ClientSecretValue is left', () => {
    const output = { ClientSecrets: [descriptor(0, LISTED_VALUE), descriptor(1), descriptor(2, LISTED_VALUE)] };
    redactSecrets('ListUserPoolClientSecrets', output);
    expect(output.ClientSecrets.map((secret) => 'ClientSecretValue' in secret)).toEqual([false, false, false]);
    const added: AddUserPoolClientSecretResponse = { ClientSecretDescriptor: descriptor(3, GENERATED) };
    redactSecrets('AddUserPoolClientSecret', added as Record<string, unknown>);
    expect(added.ClientSecretDescriptor).toEqual({ ClientSecretId: secretId(3), ClientSecretCreateDate: created(3) });
    const empty = {};
    redactSecrets('ListUserPoolClientSecrets', empty);
    expect(empty).toEqual({});
  });
});

// ---------------------------------------------------------------------------------------------

const ADD = `mutation ($input: AddUserPoolClientSecretInput!) {
  addUserPoolClientSecret(input: $input) {
    __typename
    ... on AddUserPoolClientSecretPayload { secret { clientSecretId createdAt client { clientId } } clientSecret client { clientId name } }
    ... on InvalidInputError { field reason }
    ... on CognitoError { code message }
  }
}`;

describe('addUserPoolClientSecret', () => {
  beforeEach(() => {
    scripted.cognito.on(AddUserPoolClientSecretCommand).callsFake((input: { ClientSecret?: string }): AddUserPoolClientSecretResponse => ({
      // As documented: the value comes back only when Cognito generated it.
      ClientSecretDescriptor: descriptor(5, input.ClientSecret ? undefined : GENERATED),
    }));
  });

  it('with returnSecret: the generated value once, in this payload only; never in the call log or the log', async () => {
    const result = await scripted.query(ADD, { input: { userPoolId: POOL, clientId: CLIENT_ID, returnSecret: true } });
    expect(result.data!.addUserPoolClientSecret).toEqual({
      __typename: 'AddUserPoolClientSecretPayload',
      secret: expectedSecret(5),
      clientSecret: GENERATED,
      client: { clientId: CLIENT_ID, name: 'server app' },
    });
    expect(inputsOf(AddUserPoolClientSecretCommand)).toEqual([{ UserPoolId: POOL, ClientId: CLIENT_ID }]);
    // Exactly once in the whole response: not in the call log beside it.
    expect(JSON.stringify(result).split(GENERATED)).toHaveLength(2);
    expectNoSecret(result, [GENERATED]);
  });

  it('without returnSecret: the metadata, and the value nowhere', async () => {
    const result = await scripted.query(ADD, { input: { userPoolId: POOL, clientId: CLIENT_ID } });
    expect(result.data!.addUserPoolClientSecret).toMatchObject({ secret: expectedSecret(5), clientSecret: null });
    expect(inputsOf(AddUserPoolClientSecretCommand)).toEqual([{ UserPoolId: POOL, ClientId: CLIENT_ID }]);
    expectNoSecret(result);
  });

  it('a secret of the caller’s own is sent as it is, and neither echoed nor logged', async () => {
    const result = await scripted.query(ADD, { input: { userPoolId: POOL, clientId: CLIENT_ID, clientSecret: OWN_SECRET } });
    expect(result.data!.addUserPoolClientSecret).toMatchObject({ secret: expectedSecret(5), clientSecret: null });
    expect(inputsOf(AddUserPoolClientSecretCommand)).toEqual([{ UserPoolId: POOL, ClientId: CLIENT_ID, ClientSecret: OWN_SECRET }]);
    expectNoSecret(result);
  });

  it.each([
    [{ clientSecret: OWN_SECRET, returnSecret: true }, 'input.returnSecret'],
    [{ clientSecret: 'tooShort0123456789' }, 'input.clientSecret'],
    [{ clientSecret: 'has spaces in it 0123456789 abc' }, 'input.clientSecret'],
    [{ clientSecret: 'x'.repeat(65) }, 'input.clientSecret'],
    [{ clientId: 'not a client id' }, 'input.clientId'],
    [{ userPoolId: 'no-underscore' }, 'input.userPoolId'],
  ])('refuses %j naming %s, before any call, without echoing a secret', async (part, field) => {
    const result = await scripted.query(ADD, { input: { userPoolId: POOL, clientId: CLIENT_ID, ...part } });
    expect(result.data!.addUserPoolClientSecret).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(scripted.cognito.calls()).toHaveLength(0);
    expect(JSON.stringify(result.data).includes(OWN_SECRET)).toBe(false);
    expect(JSON.stringify(result.data).includes('tooShort0123456789')).toBe(false);
  });
});

describe('deleteUserPoolClientSecret', () => {
  it('sends the pool, client and secret id, and answers with the id and the client', async () => {
    scripted.cognito.on(DeleteUserPoolClientSecretCommand).resolves({});
    const result = await scripted.query(
      `mutation ($input: DeleteUserPoolClientSecretInput!) { deleteUserPoolClientSecret(input: $input) {
        __typename ... on DeleteUserPoolClientSecretPayload { deletedClientSecretId client { clientId } } } }`,
      { input: { userPoolId: POOL, clientId: CLIENT_ID, clientSecretId: secretId(0) } },
    );
    expect(result.data!.deleteUserPoolClientSecret).toEqual({
      __typename: 'DeleteUserPoolClientSecretPayload',
      deletedClientSecretId: secretId(0),
      client: { clientId: CLIENT_ID },
    });
    expect(inputsOf(DeleteUserPoolClientSecretCommand)).toEqual([{ UserPoolId: POOL, ClientId: CLIENT_ID, ClientSecretId: secretId(0) }]);
  });

  it('refuses an empty secret id before any call', async () => {
    const result = await scripted.query(
      `mutation ($input: DeleteUserPoolClientSecretInput!) { deleteUserPoolClientSecret(input: $input) { __typename ... on InvalidInputError { field } } }`,
      { input: { userPoolId: POOL, clientId: CLIENT_ID, clientSecretId: '' } },
    );
    expect(result.data!.deleteUserPoolClientSecret).toEqual({ __typename: 'InvalidInputError', field: 'input.clientSecretId' });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Every exception each operation documents (its Command's @throws), and the code it is answered with
// ---------------------------------------------------------------------------------------------

const codeOf: Record<string, string> = {
  AccessDeniedException: 'ACCESS_DENIED',
  InternalServerException: 'COGNITO_UNAVAILABLE',
  InvalidParameterException: 'BAD_USER_INPUT',
  LimitExceededException: 'LIMIT_EXCEEDED',
  ResourceNotFoundException: 'NOT_FOUND',
  TooManyRequestsException: 'THROTTLED',
};
const statusOf: Record<string, number> = { InternalServerException: 500, TooManyRequestsException: 429 };
const documented = [
  'InternalServerException',
  'InvalidParameterException',
  'LimitExceededException',
  'ResourceNotFoundException',
  'TooManyRequestsException',
];

const cases = {
  AddUserPoolClientSecret: {
    command: AddUserPoolClientSecretCommand,
    exceptions: ['AccessDeniedException', ...documented],
    query: `mutation { addUserPoolClientSecret(input: { userPoolId: "${POOL}", clientId: "${CLIENT_ID}" }) { __typename ... on CognitoError { code } } }`,
    field: 'addUserPoolClientSecret',
  },
  ListUserPoolClientSecrets: {
    command: ListUserPoolClientSecretsCommand,
    exceptions: documented,
    query: `{ client(userPoolId: "${POOL}", clientId: "${CLIENT_ID}") { secrets(first: 1) { edges { node { clientSecretId } } } } }`,
    field: 'client',
  },
  DeleteUserPoolClientSecret: {
    command: DeleteUserPoolClientSecretCommand,
    exceptions: documented,
    query: `mutation { deleteUserPoolClientSecret(input: { userPoolId: "${POOL}", clientId: "${CLIENT_ID}", clientSecretId: "${secretId(0)}" }) { __typename ... on CognitoError { code } } }`,
    field: 'deleteUserPoolClientSecret',
  },
};

describe.each(Object.entries(cases))('%s: every documented exception maps to its code', (_, spec) => {
  it.each(spec.exceptions)('%s', async (exception) => {
    // One attempt, and a short deadline for a throttled call's wait: what is asserted is the mapping, not the retry policy.
    const mapped = scriptedGateway({ maxAttempts: 1, requestTimeoutMs: 300 });
    mapped.cognito.on(DescribeUserPoolClientCommand).callsFake(describedClient);
    mapped.cognito.on(spec.command as never).rejects(cognitoException(exception, statusOf[exception]));
    const result = await mapped.query(spec.query);
    const typed = result.data?.[spec.field] as { code?: string } | null | undefined;
    const codes = typed?.code ? [typed.code] : (result.errors ?? []).map((error) => error.extensions?.['code']);
    expect(codes, JSON.stringify(result)).toEqual([codeOf[exception]]);
  });
});
