import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolClientSessionConfigurationCommand,
  GetUserPoolSessionConfigurationCommand,
  ListUserPoolsCommand,
  SetUserPoolClientSessionConfigurationCommand,
  SetUserPoolSessionConfigurationCommand,
  type GetUserPoolClientSessionConfigurationResponse,
  type GetUserPoolSessionConfigurationResponse,
  type SetUserPoolClientSessionConfigurationResponse,
  type SetUserPoolSessionConfigurationResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedGateway, cognitoException } from '../support/scripted-cognito';

/**
 * Session configuration over a scripted SDK: cognito-local 5.3.0 implements none of
 * Get/SetUserPoolSessionConfiguration and Get/SetUserPoolClientSessionConfiguration. Scripted
 * answers are typed with the SDK's own output types; each test asserts the exact input sent.
 */

const POOL = 'eu-west-1_Session1';
const OTHER_POOL = 'eu-west-1_Session2';
const CLIENT_ID = '5e55ionc0nf1gc1ient00000a';

const poolConfiguration = (
  tracking: 'ENABLED' | 'DISABLED',
  maxPerUser: number,
  userPoolId = POOL,
): GetUserPoolSessionConfigurationResponse => ({
  UserPoolId: userPoolId,
  UserSessionTracking: tracking,
  TokenSession: { MaxPerUser: maxPerUser },
});

const clientConfiguration = (minutes: number): GetUserPoolClientSessionConfigurationResponse => ({
  UserPoolId: POOL,
  ClientId: CLIENT_ID,
  SSOSession: { MaxValidityMinutes: minutes },
});

type Scripted = ReturnType<typeof scriptedGateway>;
let scripted: Scripted;

function scriptPoolAndClient(target: Scripted) {
  target.cognito
    .on(DescribeUserPoolCommand)
    .callsFake((input: { UserPoolId: string }) => ({ UserPool: { Id: input.UserPoolId, Name: 'sessions' } }));
  target.cognito
    .on(DescribeUserPoolClientCommand)
    .resolves({ UserPoolClient: { UserPoolId: POOL, ClientId: CLIENT_ID, ClientName: 'web' } });
}

beforeEach(() => {
  scripted = scriptedGateway();
  scriptPoolAndClient(scripted);
});

const inputsOf = <Input>(command: { new (input: Input): unknown }) =>
  scripted.cognito.commandCalls(command as never).map((call) => (call.args[0] as { input: Input }).input);

/** The names of the commands sent, in order. */
const sent = () => scripted.cognito.calls().map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, ''));

// ---------------------------------------------------------------------------------------------

describe('UserPool.sessionConfiguration: GetUserPoolSessionConfiguration', () => {
  it('maps every member, and is read once per pool however often it is asked for', async () => {
    scripted.cognito
      .on(GetUserPoolSessionConfigurationCommand)
      .callsFake((input: { UserPoolId: string }) =>
        input.UserPoolId === POOL ? poolConfiguration('ENABLED', 35) : poolConfiguration('DISABLED', 20, OTHER_POOL),
      );
    scripted.cognito.on(ListUserPoolsCommand).resolves({
      UserPools: [
        { Id: POOL, Name: 'a' },
        { Id: OTHER_POOL, Name: 'b' },
      ],
    });
    const result = await scripted.query(`{
      userPools(first: 2) { edges { node { userPoolId sessionConfiguration { userPoolId userSessionTracking maxTokenSessionsPerUser } } } }
      again: userPool(userPoolId: "${POOL}") { sessionConfiguration { maxTokenSessionsPerUser } }
    }`);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.userPools.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { userPoolId: POOL, sessionConfiguration: { userPoolId: POOL, userSessionTracking: 'ENABLED', maxTokenSessionsPerUser: 35 } },
      {
        userPoolId: OTHER_POOL,
        sessionConfiguration: { userPoolId: OTHER_POOL, userSessionTracking: 'DISABLED', maxTokenSessionsPerUser: 20 },
      },
    ]);
    expect(result.data!.again).toEqual({ sessionConfiguration: { maxTokenSessionsPerUser: 35 } });
    expect(inputsOf(GetUserPoolSessionConfigurationCommand)).toEqual([{ UserPoolId: POOL }, { UserPoolId: OTHER_POOL }]);
  });

  it('a member Cognito leaves out reads as its documented default (DISABLED, 20)', async () => {
    scripted.cognito.on(GetUserPoolSessionConfigurationCommand).resolves({ UserPoolId: POOL });
    const result = await scripted.query(
      `{ userPool(userPoolId: "${POOL}") { sessionConfiguration { userSessionTracking maxTokenSessionsPerUser } } }`,
    );
    expect(result.data!.userPool.sessionConfiguration).toEqual({ userSessionTracking: 'DISABLED', maxTokenSessionsPerUser: 20 });
  });
});

const SET_POOL = `mutation ($input: SetUserPoolSessionConfigurationInput!) {
  setUserPoolSessionConfiguration(input: $input) {
    __typename
    ... on SetUserPoolSessionConfigurationPayload { sessionConfiguration { userPoolId userSessionTracking maxTokenSessionsPerUser } userPool { userPoolId } }
    ... on InvalidInputError { field reason }
    ... on CognitoError { code }
  }
}`;

describe('setUserPoolSessionConfiguration: Cognito replaces the whole configuration, the gateway carries over what the input leaves out', () => {
  beforeEach(() => {
    scripted.cognito.on(GetUserPoolSessionConfigurationCommand).resolves(poolConfiguration('ENABLED', 35));
    scripted.cognito
      .on(SetUserPoolSessionConfigurationCommand)
      .callsFake(
        (input: {
          UserPoolId: string;
          UserSessionTracking: 'ENABLED' | 'DISABLED';
          TokenSession: { MaxPerUser: number };
        }): SetUserPoolSessionConfigurationResponse => ({
          UserPoolId: input.UserPoolId,
          UserSessionTracking: input.UserSessionTracking,
          TokenSession: input.TokenSession,
        }),
      );
  });

  it('only maxTokenSessionsPerUser: the current tracking is sent with it, after one read', async () => {
    const result = await scripted.query(SET_POOL, { input: { userPoolId: POOL, maxTokenSessionsPerUser: 50 } });
    expect(result.data!.setUserPoolSessionConfiguration).toEqual({
      __typename: 'SetUserPoolSessionConfigurationPayload',
      sessionConfiguration: { userPoolId: POOL, userSessionTracking: 'ENABLED', maxTokenSessionsPerUser: 50 },
      userPool: { userPoolId: POOL },
    });
    expect(inputsOf(SetUserPoolSessionConfigurationCommand)).toEqual([
      { UserPoolId: POOL, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 50 } },
    ]);
    expect(sent().slice(0, 2)).toEqual(['GetUserPoolSessionConfiguration', 'SetUserPoolSessionConfiguration']);
  });

  it('only userSessionTracking: the current maximum per user is sent with it', async () => {
    await scripted.query(SET_POOL, { input: { userPoolId: POOL, userSessionTracking: 'DISABLED' } });
    expect(inputsOf(SetUserPoolSessionConfigurationCommand)).toEqual([
      { UserPoolId: POOL, UserSessionTracking: 'DISABLED', TokenSession: { MaxPerUser: 35 } },
    ]);
  });

  it('both: the input alone', async () => {
    await scripted.query(SET_POOL, { input: { userPoolId: POOL, userSessionTracking: 'DISABLED', maxTokenSessionsPerUser: 1 } });
    expect(inputsOf(SetUserPoolSessionConfigurationCommand)).toEqual([
      { UserPoolId: POOL, UserSessionTracking: 'DISABLED', TokenSession: { MaxPerUser: 1 } },
    ]);
  });

  it.each([
    [{}, 'input'],
    [{ maxTokenSessionsPerUser: 0 }, 'input.maxTokenSessionsPerUser'],
    [{ maxTokenSessionsPerUser: 101 }, 'input.maxTokenSessionsPerUser'],
    [{ userPoolId: 'no-underscore', userSessionTracking: 'ENABLED' }, 'input.userPoolId'],
  ])('refuses %j naming %s, before any call', async (part, field) => {
    const result = await scripted.query(SET_POOL, { input: { userPoolId: POOL, ...part } });
    expect(result.data!.setUserPoolSessionConfiguration).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('Client.sessionConfiguration and setUserPoolClientSessionConfiguration', () => {
  it('reads the client’s SSO session validity with the pool and client ids', async () => {
    scripted.cognito.on(GetUserPoolClientSessionConfigurationCommand).resolves(clientConfiguration(43200));
    const result = await scripted.query(
      `{ client(userPoolId: "${POOL}", clientId: "${CLIENT_ID}") { sessionConfiguration { userPoolId clientId ssoSessionMaxValidityMinutes } } }`,
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.client.sessionConfiguration).toEqual({
      userPoolId: POOL,
      clientId: CLIENT_ID,
      ssoSessionMaxValidityMinutes: 43200,
    });
    expect(inputsOf(GetUserPoolClientSessionConfigurationCommand)).toEqual([{ UserPoolId: POOL, ClientId: CLIENT_ID }]);
  });

  const SET_CLIENT = `mutation ($input: SetUserPoolClientSessionConfigurationInput!) {
    setUserPoolClientSessionConfiguration(input: $input) {
      __typename
      ... on SetUserPoolClientSessionConfigurationPayload { sessionConfiguration { ssoSessionMaxValidityMinutes } client { clientId } }
      ... on InvalidInputError { field reason }
    }
  }`;

  it('sends the one member whole (nothing to carry over) and answers with Cognito’s answer', async () => {
    scripted.cognito
      .on(SetUserPoolClientSessionConfigurationCommand)
      .resolves(clientConfiguration(0) satisfies SetUserPoolClientSessionConfigurationResponse);
    const result = await scripted.query(SET_CLIENT, { input: { userPoolId: POOL, clientId: CLIENT_ID, ssoSessionMaxValidityMinutes: 0 } });
    expect(result.data!.setUserPoolClientSessionConfiguration).toEqual({
      __typename: 'SetUserPoolClientSessionConfigurationPayload',
      sessionConfiguration: { ssoSessionMaxValidityMinutes: 0 },
      client: { clientId: CLIENT_ID },
    });
    expect(inputsOf(SetUserPoolClientSessionConfigurationCommand)).toEqual([
      { UserPoolId: POOL, ClientId: CLIENT_ID, SSOSession: { MaxValidityMinutes: 0 } },
    ]);
    expect(inputsOf(GetUserPoolClientSessionConfigurationCommand)).toEqual([]);
  });

  it.each([
    [{ ssoSessionMaxValidityMinutes: -1 }, 'input.ssoSessionMaxValidityMinutes'],
    [{ ssoSessionMaxValidityMinutes: 129_601 }, 'input.ssoSessionMaxValidityMinutes'],
    [{ clientId: 'not a client' }, 'input.clientId'],
  ])('refuses %j naming %s, before any call', async (part, field) => {
    const result = await scripted.query(SET_CLIENT, {
      input: { userPoolId: POOL, clientId: CLIENT_ID, ssoSessionMaxValidityMinutes: 60, ...part },
    });
    expect(result.data!.setUserPoolClientSessionConfiguration).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Every exception each operation documents (its Command's @throws), and the code it is answered with
// ---------------------------------------------------------------------------------------------

const codeOf: Record<string, string> = {
  ConcurrentModificationException: 'CONCURRENT_MODIFICATION',
  FeatureUnavailableInTierException: 'FEATURE_UNAVAILABLE_IN_TIER',
  InternalErrorException: 'COGNITO_UNAVAILABLE',
  InvalidParameterException: 'BAD_USER_INPUT',
  NotAuthorizedException: 'NOT_AUTHORIZED',
  OperationNotEnabledException: 'OPERATION_NOT_ENABLED',
  ResourceNotFoundException: 'NOT_FOUND',
  TooManyRequestsException: 'THROTTLED',
};
const statusOf: Record<string, number> = { InternalErrorException: 500, TooManyRequestsException: 429 };
const readExceptions = [
  'InternalErrorException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'ResourceNotFoundException',
  'TooManyRequestsException',
];
const writeExceptions = [...readExceptions, 'ConcurrentModificationException', 'FeatureUnavailableInTierException'];

const cases = {
  GetUserPoolSessionConfiguration: {
    command: GetUserPoolSessionConfigurationCommand,
    exceptions: readExceptions,
    query: `{ userPool(userPoolId: "${POOL}") { sessionConfiguration { userSessionTracking } } }`,
    field: 'userPool',
  },
  SetUserPoolSessionConfiguration: {
    command: SetUserPoolSessionConfigurationCommand,
    exceptions: writeExceptions,
    query: `mutation { setUserPoolSessionConfiguration(input: { userPoolId: "${POOL}", maxTokenSessionsPerUser: 5 }) { __typename ... on CognitoError { code } } }`,
    field: 'setUserPoolSessionConfiguration',
  },
  GetUserPoolClientSessionConfiguration: {
    command: GetUserPoolClientSessionConfigurationCommand,
    exceptions: readExceptions,
    query: `{ client(userPoolId: "${POOL}", clientId: "${CLIENT_ID}") { sessionConfiguration { ssoSessionMaxValidityMinutes } } }`,
    field: 'client',
  },
  SetUserPoolClientSessionConfiguration: {
    command: SetUserPoolClientSessionConfigurationCommand,
    exceptions: writeExceptions,
    query: `mutation { setUserPoolClientSessionConfiguration(input: { userPoolId: "${POOL}", clientId: "${CLIENT_ID}", ssoSessionMaxValidityMinutes: 60 }) { __typename ... on CognitoError { code } } }`,
    field: 'setUserPoolClientSessionConfiguration',
  },
};

describe.each(Object.entries(cases))('%s: every documented exception maps to its code', (_, spec) => {
  it.each(spec.exceptions)('%s', async (exception) => {
    // One attempt, and a short deadline for a throttled call's wait: what is asserted is the mapping, not the retry policy.
    const mapped = scriptedGateway({ maxAttempts: 1, requestTimeoutMs: 300 });
    scriptPoolAndClient(mapped);
    mapped.cognito.on(GetUserPoolSessionConfigurationCommand).resolves(poolConfiguration('ENABLED', 20));
    mapped.cognito.on(spec.command as never).rejects(cognitoException(exception, statusOf[exception]));
    const result = await mapped.query(spec.query);
    const typed = result.data?.[spec.field] as { code?: string } | null | undefined;
    const codes = typed?.code ? [typed.code] : (result.errors ?? []).map((error) => error.extensions?.['code']);
    expect(codes, JSON.stringify(result)).toEqual([codeOf[exception]]);
  });
});
