import {
  CreateUserPoolReplicaCommand,
  DeleteUserPoolReplicaCommand,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  GetProvisionedLimitCommand,
  GetSigningCertificateCommand,
  ListUserPoolReplicasCommand,
  SetLogDeliveryConfigurationCommand,
  UpdateProvisionedLimitCommand,
  UpdateUserPoolReplicaCommand,
  type CreateUserPoolReplicaResponse,
  type DeleteUserPoolReplicaResponse,
  type GetLogDeliveryConfigurationResponse,
  type GetProvisionedLimitResponse,
  type GetSigningCertificateResponse,
  type ListUserPoolReplicasRequest,
  type ListUserPoolReplicasResponse,
  type SetLogDeliveryConfigurationRequest,
  type SetLogDeliveryConfigurationResponse,
  type UpdateProvisionedLimitResponse,
  type UpdateUserPoolReplicaResponse,
  type UserPoolReplicaType,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { scriptedGateway, cognitoException } from '../support/scripted-cognito';

/**
 * Log delivery, replicas, the signing certificate and provisioned limits over a scripted SDK:
 * cognito-local 5.3.0 implements none of these operations. Every scripted answer is typed with the
 * SDK's own response types; each test asserts the exact input the gateway sent.
 */

const POOL = 'eu-west-1_Logs1';
const ACCOUNT = '123456789012';
const LOG_GROUP = `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/cognito/notifications`;
const BUCKET = 'arn:aws:s3:::cognito-user-activity';
const STREAM = `arn:aws:firehose:eu-west-1:${ACCOUNT}:deliverystream/cognito-activity`;

type Scripted = ReturnType<typeof scriptedGateway>;

function scriptPool(scripted: Scripted): void {
  scripted.cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Name: 'logs' } });
}

/** The names of the commands sent, in order. */
function sentCommands(scripted: Scripted): string[] {
  return scripted.cognito.calls().map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, ''));
}

// ---------------------------------------------------------------------------------------------
// Log delivery
// ---------------------------------------------------------------------------------------------

/** Both event sources delivered: notification errors to CloudWatch Logs, user activity to S3. */
const bothSources: GetLogDeliveryConfigurationResponse = {
  LogDeliveryConfiguration: {
    UserPoolId: POOL,
    LogConfigurations: [
      { EventSource: 'userNotification', LogLevel: 'ERROR', CloudWatchLogsConfiguration: { LogGroupArn: LOG_GROUP } },
      { EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: BUCKET } },
    ],
  },
};

const LOG_FIELDS = 'userPoolId logConfigurations { eventSource logLevel cloudWatchLogGroupArn s3BucketArn firehoseStreamArn }';

describe('userPool.logDeliveryConfiguration: GetLogDeliveryConfiguration', () => {
  it('reads the pool’s log delivery with the pool id, every field mapped', async () => {
    const scripted = scriptedGateway();
    scriptPool(scripted);
    scripted.cognito.on(GetLogDeliveryConfigurationCommand).resolves(bothSources);
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { logDeliveryConfiguration { ${LOG_FIELDS} } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!['userPool'].logDeliveryConfiguration).toEqual({
      userPoolId: POOL,
      logConfigurations: [
        {
          eventSource: 'userNotification',
          logLevel: 'ERROR',
          cloudWatchLogGroupArn: LOG_GROUP,
          s3BucketArn: null,
          firehoseStreamArn: null,
        },
        { eventSource: 'userAuthEvents', logLevel: 'INFO', cloudWatchLogGroupArn: null, s3BucketArn: BUCKET, firehoseStreamArn: null },
      ],
    });
    expect(scripted.cognito.commandCalls(GetLogDeliveryConfigurationCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL },
    ]);
  });

  it('an entry without its EventSource is COGNITO_BAD_RESPONSE at the field, the pool still answered', async () => {
    const scripted = scriptedGateway();
    scriptPool(scripted);
    const answer: GetLogDeliveryConfigurationResponse = {
      LogDeliveryConfiguration: { UserPoolId: POOL, LogConfigurations: [{ LogLevel: 'ERROR' } as never] },
    };
    scripted.cognito.on(GetLogDeliveryConfigurationCommand).resolves(answer);
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { userPoolId logDeliveryConfiguration { userPoolId } } }`);
    expect(result.data!['userPool']).toEqual({ userPoolId: POOL, logDeliveryConfiguration: null });
    expect(result.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['userPool', 'logDeliveryConfiguration'], 'COGNITO_BAD_RESPONSE'],
    ]);
  });
});

const SET_LOGS = `mutation ($input: SetLogDeliveryConfigurationInput!) {
  setLogDeliveryConfiguration(input: $input) {
    __typename
    ... on SetLogDeliveryConfigurationPayload { logDeliveryConfiguration { ${LOG_FIELDS} } userPool { userPoolId } }
    ... on CognitoError { code message }
    ... on InvalidInputError { field reason }
  }
}`;

describe('setLogDeliveryConfiguration: reads the list, changes the sources named, sends the whole list back', () => {
  let scripted: Scripted;
  let current: GetLogDeliveryConfigurationResponse;
  beforeEach(() => {
    scripted = scriptedGateway();
    current = bothSources;
    scripted.cognito.on(GetLogDeliveryConfigurationCommand).callsFake(() => current);
    // Cognito answers with the list it was sent, as the real operation does.
    scripted.cognito
      .on(SetLogDeliveryConfigurationCommand)
      .callsFake((input: SetLogDeliveryConfigurationRequest): SetLogDeliveryConfigurationResponse => ({
        LogDeliveryConfiguration: { UserPoolId: input.UserPoolId!, LogConfigurations: input.LogConfigurations! },
      }));
  });
  const sent = () => scripted.cognito.commandCalls(SetLogDeliveryConfigurationCommand).map((call) => call.args[0].input);

  it('moves user activity to Firehose: the level and the notification source are kept as they were', async () => {
    const result = await scripted.query(SET_LOGS, {
      input: { userPoolId: POOL, logConfigurations: [{ eventSource: 'userAuthEvents', firehoseStreamArn: STREAM }] },
    });
    expect(result.errors).toBeUndefined();
    expect(sentCommands(scripted)).toEqual(['GetLogDeliveryConfiguration', 'SetLogDeliveryConfiguration']);
    expect(sent()).toEqual([
      {
        UserPoolId: POOL,
        LogConfigurations: [
          { EventSource: 'userNotification', LogLevel: 'ERROR', CloudWatchLogsConfiguration: { LogGroupArn: LOG_GROUP } },
          { EventSource: 'userAuthEvents', LogLevel: 'INFO', FirehoseConfiguration: { StreamArn: STREAM } },
        ],
      },
    ]);
    expect(result.data!['setLogDeliveryConfiguration']).toMatchObject({
      __typename: 'SetLogDeliveryConfigurationPayload',
      userPool: { userPoolId: POOL },
      logDeliveryConfiguration: {
        logConfigurations: [
          { eventSource: 'userNotification', cloudWatchLogGroupArn: LOG_GROUP },
          { eventSource: 'userAuthEvents', logLevel: 'INFO', s3BucketArn: null, firehoseStreamArn: STREAM },
        ],
      },
    });
  });

  it('changes only a source’s level: its destinations are kept', async () => {
    await scripted.query(SET_LOGS, {
      input: { userPoolId: POOL, logConfigurations: [{ eventSource: 'userAuthEvents', logLevel: 'ERROR' }] },
    });
    expect(sent()[0]!.LogConfigurations).toEqual([
      bothSources.LogDeliveryConfiguration!.LogConfigurations![0],
      { EventSource: 'userAuthEvents', LogLevel: 'ERROR', S3Configuration: { BucketArn: BUCKET } },
    ]);
  });

  it('removes a source and keeps the other', async () => {
    await scripted.query(SET_LOGS, { input: { userPoolId: POOL, removeEventSources: ['userNotification'] } });
    expect(sent()).toEqual([{ UserPoolId: POOL, LogConfigurations: [bothSources.LogDeliveryConfiguration!.LogConfigurations![1]] }]);
  });

  it('adds a source to a pool that delivers none yet (Cognito answers no configuration at all)', async () => {
    current = {};
    await scripted.query(SET_LOGS, {
      input: {
        userPoolId: POOL,
        logConfigurations: [{ eventSource: 'userNotification', logLevel: 'ERROR', cloudWatchLogGroupArn: LOG_GROUP }],
      },
    });
    expect(sent()).toEqual([
      {
        UserPoolId: POOL,
        LogConfigurations: [
          { EventSource: 'userNotification', LogLevel: 'ERROR', CloudWatchLogsConfiguration: { LogGroupArn: LOG_GROUP } },
        ],
      },
    ]);
  });

  it.each([
    [{}, 'input'],
    [{ logConfigurations: [], removeEventSources: [] }, 'input'],
    [
      {
        logConfigurations: [
          { eventSource: 'userAuthEvents', s3BucketArn: BUCKET },
          { eventSource: 'userAuthEvents', s3BucketArn: BUCKET },
        ],
      },
      'input.logConfigurations[1].eventSource',
    ],
    [{ logConfigurations: [{ eventSource: 'userAuthEvents', s3BucketArn: 'my-bucket' }] }, 'input.logConfigurations[0].s3BucketArn'],
    [
      { logConfigurations: [{ eventSource: 'userAuthEvents', firehoseStreamArn: 'arn:aws:firehose' }] },
      'input.logConfigurations[0].firehoseStreamArn',
    ],
    [
      { logConfigurations: [{ eventSource: 'userNotification', cloudWatchLogGroupArn: 'cognito logs' }] },
      'input.logConfigurations[0].cloudWatchLogGroupArn',
    ],
    [
      { logConfigurations: [{ eventSource: 'userNotification', logLevel: 'ERROR' }], removeEventSources: ['userNotification'] },
      'input.removeEventSources[0]',
    ],
    [{ userPoolId: 'not a pool' }, 'input.userPoolId'],
  ])('refuses %j naming %s, before any call', async (part, field) => {
    const result = await scripted.query(SET_LOGS, { input: { userPoolId: POOL, ...part } });
    expect(result.data!['setLogDeliveryConfiguration']).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it.each([
    [{ eventSource: 'userNotification', cloudWatchLogGroupArn: LOG_GROUP }, 'input.logConfigurations[0].logLevel'],
    [{ eventSource: 'userNotification', logLevel: 'ERROR' }, 'input.logConfigurations[0]'],
  ])('a new source %j without what only the input can give is refused naming %s, and nothing is set', async (entry, field) => {
    current = {};
    const result = await scripted.query(SET_LOGS, { input: { userPoolId: POOL, logConfigurations: [entry] } });
    expect(result.data!['setLogDeliveryConfiguration']).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(sentCommands(scripted)).toEqual(['GetLogDeliveryConfiguration']);
  });
});

// ---------------------------------------------------------------------------------------------
// Replicas
// ---------------------------------------------------------------------------------------------

const REGIONS = ['eu-west-1', 'eu-central-1', 'eu-north-1', 'us-east-1', 'us-west-2', 'ap-south-1', 'ap-southeast-2'];

function scriptedReplica(region: string): UserPoolReplicaType {
  return {
    RegionName: region,
    Role: region === 'eu-west-1' ? 'PRIMARY' : 'SECONDARY',
    Status: region === 'ap-southeast-2' ? 'CREATING' : 'ACTIVE',
    UserPoolArn: `arn:aws:cognito-idp:${region}:${ACCOUNT}:userpool/${POOL}`,
  };
}

function expectedReplica(region: string) {
  return {
    userPoolId: POOL,
    regionName: region,
    role: region === 'eu-west-1' ? 'PRIMARY' : 'SECONDARY',
    status: region === 'ap-southeast-2' ? 'CREATING' : 'ACTIVE',
    userPoolArn: `arn:aws:cognito-idp:${region}:${ACCOUNT}:userpool/${POOL}`,
    userPool: { userPoolId: POOL },
  };
}

/** Cognito picks the page size: three pages of 3, 3 and 1, tokens R1 and R2. */
const replicaPages: ListUserPoolReplicasResponse[] = [
  { UserPoolReplicas: REGIONS.slice(0, 3).map(scriptedReplica), NextToken: 'R1' },
  { UserPoolReplicas: REGIONS.slice(3, 6).map(scriptedReplica), NextToken: 'R2' },
  { UserPoolReplicas: REGIONS.slice(6).map(scriptedReplica) },
];

function serveReplicaPages(input: ListUserPoolReplicasRequest): ListUserPoolReplicasResponse {
  const index = [undefined, 'R1', 'R2'].indexOf(input.NextToken);
  if (index < 0) throw cognitoException('InvalidParameterException');
  return replicaPages[index]!;
}

const REPLICA_FIELDS = 'userPoolId regionName role status userPoolArn userPool { userPoolId }';

describe('userPool.replicas: ListUserPoolReplicas through the one pagination helper (a token, no page size)', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scriptPool(scripted);
    scripted.cognito.on(ListUserPoolReplicasCommand).callsFake(serveReplicaPages);
  });
  const query = `query ($first: Int, $after: String) {
    userPool(userPoolId: "${POOL}") {
      replicas(first: $first, after: $after) { edges { node { ${REPLICA_FIELDS} } } pageInfo { hasNextPage endCursor } }
    }
  }`;
  const listInputs = () => scripted.cognito.commandCalls(ListUserPoolReplicasCommand).map((call) => call.args[0].input);

  it('reads across Cognito’s pages by NextToken and sends no page size; each replica links back to its pool', async () => {
    const result = await scripted.query(query, { first: 20 });
    expect(result.errors).toBeUndefined();
    const { edges, pageInfo } = result.data!['userPool'].replicas;
    expect(edges.map((edge: { node: unknown }) => edge.node)).toEqual(REGIONS.map(expectedReplica));
    expect(pageInfo.hasNextPage).toBe(false);
    expect(listInputs()).toEqual([{ UserPoolId: POOL }, { UserPoolId: POOL, NextToken: 'R1' }, { UserPoolId: POOL, NextToken: 'R2' }]);
  });

  it('resumes after a cursor in the middle of the first page, on to the second page', async () => {
    const first = await scripted.query(query, { first: 2 });
    expect(first.data!['userPool'].replicas.pageInfo.hasNextPage).toBe(true);
    const after = first.data!['userPool'].replicas.pageInfo.endCursor;
    const second = await scripted.query(query, { first: 3, after });
    expect(second.errors).toBeUndefined();
    expect(second.data!['userPool'].replicas.edges.map((edge: { node: { regionName: string } }) => edge.node.regionName)).toEqual(
      REGIONS.slice(2, 5),
    );
    // The second query reads the first page again (to find its place) and the second.
    expect(listInputs().slice(-2)).toEqual([{ UserPoolId: POOL }, { UserPoolId: POOL, NextToken: 'R1' }]);
  });

  it('a replica without its Region is COGNITO_BAD_RESPONSE, never an empty key', async () => {
    const answer: ListUserPoolReplicasResponse = { UserPoolReplicas: [{ Status: 'ACTIVE', Role: 'SECONDARY' }] };
    scripted.cognito.on(ListUserPoolReplicasCommand).resolves(answer);
    const result = await scripted.query(query, { first: 5 });
    expect(result.data!['userPool']).toEqual({ replicas: null });
    expect(result.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['userPool', 'replicas'], 'COGNITO_BAD_RESPONSE'],
    ]);
  });
});

const replicaResult = (payload: string, extra = '') => `__typename
  ... on ${payload} { ${extra} userPoolReplica { ${REPLICA_FIELDS} } userPool { userPoolId } }
  ... on CognitoError { code message }
  ... on InvalidInputError { field reason }`;

const CREATE_REPLICA = `mutation ($input: CreateUserPoolReplicaInput!) { createUserPoolReplica(input: $input) { ${replicaResult('CreateUserPoolReplicaPayload')} } }`;
const UPDATE_REPLICA = `mutation ($input: UpdateUserPoolReplicaInput!) { updateUserPoolReplica(input: $input) { ${replicaResult('UpdateUserPoolReplicaPayload')} } }`;
const DELETE_REPLICA = `mutation ($input: DeleteUserPoolReplicaInput!) { deleteUserPoolReplica(input: $input) { ${replicaResult('DeleteUserPoolReplicaPayload', 'deletedRegionName')} } }`;

describe('createUserPoolReplica, updateUserPoolReplica, deleteUserPoolReplica', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
  });

  it('creates a replica with its tags as Cognito’s map, and answers it CREATING', async () => {
    const answer: CreateUserPoolReplicaResponse = { UserPoolReplica: { ...scriptedReplica('eu-central-1'), Status: 'CREATING' } };
    scripted.cognito.on(CreateUserPoolReplicaCommand).resolves(answer);
    const result = await scripted.query(CREATE_REPLICA, {
      input: {
        userPoolId: POOL,
        regionName: 'eu-central-1',
        tags: [
          { key: 'team', value: 'identity' },
          { key: 'dr', value: '' },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!['createUserPoolReplica']).toEqual({
      __typename: 'CreateUserPoolReplicaPayload',
      userPoolReplica: { ...expectedReplica('eu-central-1'), status: 'CREATING' },
      userPool: { userPoolId: POOL },
    });
    expect(scripted.cognito.commandCalls(CreateUserPoolReplicaCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, RegionName: 'eu-central-1', UserPoolTags: { team: 'identity', dr: '' } },
    ]);
  });

  it('sends no tags member when none are given', async () => {
    scripted.cognito.on(CreateUserPoolReplicaCommand).resolves({ UserPoolReplica: scriptedReplica('us-east-1') });
    await scripted.query(CREATE_REPLICA, { input: { userPoolId: POOL, regionName: 'us-east-1' } });
    expect(scripted.cognito.commandCalls(CreateUserPoolReplicaCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, RegionName: 'us-east-1' },
    ]);
  });

  it('sets a replica’s status, its one setting', async () => {
    const answer: UpdateUserPoolReplicaResponse = { UserPoolReplica: { ...scriptedReplica('us-west-2'), Status: 'INACTIVE' } };
    scripted.cognito.on(UpdateUserPoolReplicaCommand).resolves(answer);
    const result = await scripted.query(UPDATE_REPLICA, { input: { userPoolId: POOL, regionName: 'us-west-2', status: 'INACTIVE' } });
    expect(result.data!['updateUserPoolReplica'].userPoolReplica).toEqual({ ...expectedReplica('us-west-2'), status: 'INACTIVE' });
    expect(scripted.cognito.commandCalls(UpdateUserPoolReplicaCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, RegionName: 'us-west-2', Status: 'INACTIVE' },
    ]);
  });

  it('deletes a replica: Cognito answers it DELETING', async () => {
    const answer: DeleteUserPoolReplicaResponse = { UserPoolReplica: { ...scriptedReplica('ap-south-1'), Status: 'DELETING' } };
    scripted.cognito.on(DeleteUserPoolReplicaCommand).resolves(answer);
    const result = await scripted.query(DELETE_REPLICA, { input: { userPoolId: POOL, regionName: 'ap-south-1' } });
    expect(result.data!['deleteUserPoolReplica']).toMatchObject({
      deletedRegionName: 'ap-south-1',
      userPoolReplica: { regionName: 'ap-south-1', status: 'DELETING' },
    });
    expect(scripted.cognito.commandCalls(DeleteUserPoolReplicaCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, RegionName: 'ap-south-1' },
    ]);
  });

  it.each([
    [CREATE_REPLICA, 'createUserPoolReplica', { regionName: 'Frankfurt' }, 'input.regionName'],
    [
      CREATE_REPLICA,
      'createUserPoolReplica',
      {
        regionName: 'eu-central-1',
        tags: [
          { key: 'a', value: '' },
          { key: 'a', value: 'b' },
        ],
      },
      'input.tags[1].key',
    ],
    [CREATE_REPLICA, 'createUserPoolReplica', { regionName: 'eu-central-1', tags: [{ key: '', value: '' }] }, 'input.tags[0].key'],
    [
      CREATE_REPLICA,
      'createUserPoolReplica',
      { regionName: 'eu-central-1', tags: [{ key: 'k', value: 'v'.repeat(257) }] },
      'input.tags[0].value',
    ],
    [UPDATE_REPLICA, 'updateUserPoolReplica', { regionName: 'eu central 1', status: 'ACTIVE' }, 'input.regionName'],
    [DELETE_REPLICA, 'deleteUserPoolReplica', { userPoolId: 'nopool', regionName: 'eu-central-1' }, 'input.userPoolId'],
  ])('%#: %s refuses %j naming %s, before any call', async (mutation, field, part, named) => {
    const result = await scripted.query(mutation, { input: { userPoolId: POOL, ...part } });
    expect(result.data![field as string]).toMatchObject({ __typename: 'InvalidInputError', field: named });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Signing certificate
// ---------------------------------------------------------------------------------------------

describe('userPool.signingCertificate: GetSigningCertificate', () => {
  it('answers the certificate as Cognito gives it', async () => {
    const scripted = scriptedGateway();
    scriptPool(scripted);
    const answer: GetSigningCertificateResponse = { Certificate: 'MIICvDCCAaQCCQD7c2FtbGNlcnQ=' };
    scripted.cognito.on(GetSigningCertificateCommand).resolves(answer);
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { signingCertificate } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!['userPool']).toEqual({ signingCertificate: 'MIICvDCCAaQCCQD7c2FtbGNlcnQ=' });
    expect(scripted.cognito.commandCalls(GetSigningCertificateCommand).map((call) => call.args[0].input)).toEqual([{ UserPoolId: POOL }]);
  });
});

describe('a pool’s log delivery and certificate are read once per pool per request (dataloader)', () => {
  it('asked twice for the same pool, through two aliases: one call of each', async () => {
    const scripted = scriptedGateway();
    scriptPool(scripted);
    scripted.cognito.on(GetLogDeliveryConfigurationCommand).resolves(bothSources);
    scripted.cognito.on(GetSigningCertificateCommand).resolves({ Certificate: 'MIIC' });
    const result = await scripted.query(`{
      a: userPool(userPoolId: "${POOL}") { signingCertificate logDeliveryConfiguration { userPoolId } }
      b: userPool(userPoolId: "${POOL}") { signingCertificate logDeliveryConfiguration { userPoolId } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!['b']).toEqual({ signingCertificate: 'MIIC', logDeliveryConfiguration: { userPoolId: POOL } });
    expect(scripted.cognito.commandCalls(GetSigningCertificateCommand)).toHaveLength(1);
    expect(scripted.cognito.commandCalls(GetLogDeliveryConfigurationCommand)).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Provisioned limits
// ---------------------------------------------------------------------------------------------

const userAuthentication = { LimitClass: 'API_CATEGORY' as const, Attributes: { Category: 'UserAuthentication' } };

const UPDATE_LIMIT = `mutation ($input: UpdateProvisionedLimitInput!) {
  updateProvisionedLimit(input: $input) {
    __typename
    ... on UpdateProvisionedLimitPayload { provisionedLimit { category provisionedLimitValue freeLimitValue } }
    ... on CognitoError { code message }
    ... on InvalidInputError { field reason }
  }
}`;

describe('provisionedLimit and updateProvisionedLimit: the account’s rate of one API category', () => {
  it('reads a category’s limit with Cognito’s limit definition', async () => {
    const scripted = scriptedGateway();
    const answer: GetProvisionedLimitResponse = {
      Limit: { LimitDefinition: userAuthentication, ProvisionedLimitValue: 300, FreeLimitValue: 120 },
    };
    scripted.cognito.on(GetProvisionedLimitCommand).resolves(answer);
    const result = await scripted.query(
      `{ provisionedLimit(category: UserAuthentication) { category provisionedLimitValue freeLimitValue } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!['provisionedLimit']).toEqual({ category: 'UserAuthentication', provisionedLimitValue: 300, freeLimitValue: 120 });
    expect(scripted.cognito.commandCalls(GetProvisionedLimitCommand).map((call) => call.args[0].input)).toEqual([
      { LimitDefinition: userAuthentication },
    ]);
  });

  it('sets a category’s limit and answers the limit Cognito now enforces', async () => {
    const scripted = scriptedGateway();
    const answer: UpdateProvisionedLimitResponse = {
      Limit: { LimitDefinition: userAuthentication, ProvisionedLimitValue: 300, FreeLimitValue: 120 },
    };
    scripted.cognito.on(UpdateProvisionedLimitCommand).resolves(answer);
    const result = await scripted.query(UPDATE_LIMIT, { input: { category: 'UserAuthentication', requestedLimitValue: 300 } });
    expect(result.data!['updateProvisionedLimit']).toEqual({
      __typename: 'UpdateProvisionedLimitPayload',
      provisionedLimit: { category: 'UserAuthentication', provisionedLimitValue: 300, freeLimitValue: 120 },
    });
    expect(scripted.cognito.commandCalls(UpdateProvisionedLimitCommand).map((call) => call.args[0].input)).toEqual([
      { LimitDefinition: userAuthentication, RequestedLimitValue: 300 },
    ]);
  });

  it.each([
    [{ category: 'UserList', requestedLimitValue: 60 }, 'input.category', /fixed rate/],
    [{ category: 'UserAuthentication', requestedLimitValue: 119 }, 'input.requestedLimitValue', /from 120/],
    [{ category: 'UserFederation', requestedLimitValue: 0 }, 'input.requestedLimitValue', /from 25/],
  ])('refuses %j naming %s, before any call', async (input, field, reason) => {
    const scripted = scriptedGateway();
    const result = await scripted.query(UPDATE_LIMIT, { input });
    expect(result.data!['updateProvisionedLimit']).toMatchObject({
      __typename: 'InvalidInputError',
      field,
      reason: expect.stringMatching(reason),
    });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('a limit answered without its values is COGNITO_BAD_RESPONSE', async () => {
    const scripted = scriptedGateway();
    scripted.cognito.on(GetProvisionedLimitCommand).resolves({ Limit: { LimitDefinition: userAuthentication } as never });
    const result = await scripted.query(`{ provisionedLimit(category: UserAuthentication) { provisionedLimitValue } }`);
    expect(result.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['provisionedLimit'], 'COGNITO_BAD_RESPONSE'],
    ]);
  });

  it('is paced at 1 call per second per account: of two reads in one request, the second waits its turn, past a short deadline', async () => {
    // With a request deadline of 300 ms, the pacer knows at once that the second call's turn (a
    // second after the first) comes too late, and refuses it without sending it or waiting.
    const scripted = scriptedGateway({ requestTimeoutMs: 300 });
    scripted.cognito.on(GetProvisionedLimitCommand).callsFake((input: { LimitDefinition: { Attributes: Record<string, string> } }) => ({
      Limit: { LimitDefinition: input.LimitDefinition, ProvisionedLimitValue: 60, FreeLimitValue: 50 },
    }));
    const result = await scripted.query(`{
      first: provisionedLimit(category: UserCreation) { provisionedLimitValue }
      second: provisionedLimit(category: UserRead) { provisionedLimitValue }
    }`);
    expect(result.data).toEqual({ first: { provisionedLimitValue: 60 }, second: null });
    expect(result.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([[['second'], 'THROTTLED']]);
    expect(scripted.cognito.commandCalls(GetProvisionedLimitCommand).map((call) => call.args[0].input.LimitDefinition?.Attributes)).toEqual(
      [{ Category: 'UserCreation' }],
    );
  });

  it('control: two reads of a category with room for both (signingCertificate of two pools) are both answered', async () => {
    const scripted = scriptedGateway({ requestTimeoutMs: 300 });
    scripted.cognito
      .on(DescribeUserPoolCommand)
      .callsFake((input: { UserPoolId: string }) => ({ UserPool: { Id: input.UserPoolId, Name: 'logs' } }));
    scripted.cognito.on(GetSigningCertificateCommand).resolves({ Certificate: 'MIIC' });
    const result = await scripted.query(`{
      a: userPool(userPoolId: "${POOL}") { signingCertificate }
      b: userPool(userPoolId: "eu-west-1_Logs2") { signingCertificate }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: { signingCertificate: 'MIIC' }, b: { signingCertificate: 'MIIC' } });
  });
});

// ---------------------------------------------------------------------------------------------
// Every exception each operation documents (its Command's @throws), and the code it is answered with
// ---------------------------------------------------------------------------------------------

const codeOf: Record<string, string> = {
  InternalErrorException: 'COGNITO_UNAVAILABLE',
  InvalidParameterException: 'BAD_USER_INPUT',
  NotAuthorizedException: 'NOT_AUTHORIZED',
  OperationNotEnabledException: 'OPERATION_NOT_ENABLED',
  ResourceNotFoundException: 'NOT_FOUND',
  TooManyRequestsException: 'THROTTLED',
  FeatureUnavailableInTierException: 'FEATURE_UNAVAILABLE_IN_TIER',
  LimitExceededException: 'LIMIT_EXCEEDED',
  UserPoolTaggingException: 'USER_POOL_TAGGING',
  ServiceQuotaExceededException: 'SERVICE_QUOTA_EXCEEDED',
};
const common = [
  'InternalErrorException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'ResourceNotFoundException',
  'TooManyRequestsException',
];

interface Case {
  fail: (scripted: Scripted, error: Error) => void;
  exceptions: string[];
  query: string;
  variables?: Record<string, unknown>;
  /** Where the answer's code is: a mutation's typed result, or the errors of a read. */
  field: string;
}

const cases: Record<string, Case> = {
  GetLogDeliveryConfiguration: {
    fail: (scripted, error) => scripted.cognito.on(GetLogDeliveryConfigurationCommand).rejects(error),
    exceptions: common,
    query: `{ userPool(userPoolId: "${POOL}") { logDeliveryConfiguration { userPoolId } } }`,
    field: 'userPool',
  },
  SetLogDeliveryConfiguration: {
    fail: (scripted, error) => {
      scripted.cognito.on(GetLogDeliveryConfigurationCommand).resolves(bothSources);
      scripted.cognito.on(SetLogDeliveryConfigurationCommand).rejects(error);
    },
    exceptions: [...common, 'FeatureUnavailableInTierException'],
    query: SET_LOGS,
    variables: { input: { userPoolId: POOL, removeEventSources: ['userNotification'] } },
    field: 'setLogDeliveryConfiguration',
  },
  ListUserPoolReplicas: {
    fail: (scripted, error) => scripted.cognito.on(ListUserPoolReplicasCommand).rejects(error),
    exceptions: [...common, 'OperationNotEnabledException'],
    query: `{ userPool(userPoolId: "${POOL}") { replicas(first: 1) { edges { node { regionName } } } } }`,
    field: 'userPool',
  },
  CreateUserPoolReplica: {
    fail: (scripted, error) => scripted.cognito.on(CreateUserPoolReplicaCommand).rejects(error),
    exceptions: [
      ...common,
      'OperationNotEnabledException',
      'FeatureUnavailableInTierException',
      'LimitExceededException',
      'UserPoolTaggingException',
    ],
    query: CREATE_REPLICA,
    variables: { input: { userPoolId: POOL, regionName: 'eu-central-1' } },
    field: 'createUserPoolReplica',
  },
  UpdateUserPoolReplica: {
    fail: (scripted, error) => scripted.cognito.on(UpdateUserPoolReplicaCommand).rejects(error),
    exceptions: [...common, 'OperationNotEnabledException'],
    query: UPDATE_REPLICA,
    variables: { input: { userPoolId: POOL, regionName: 'eu-central-1', status: 'ACTIVE' } },
    field: 'updateUserPoolReplica',
  },
  DeleteUserPoolReplica: {
    fail: (scripted, error) => scripted.cognito.on(DeleteUserPoolReplicaCommand).rejects(error),
    exceptions: [...common, 'OperationNotEnabledException'],
    query: DELETE_REPLICA,
    variables: { input: { userPoolId: POOL, regionName: 'eu-central-1' } },
    field: 'deleteUserPoolReplica',
  },
  GetSigningCertificate: {
    fail: (scripted, error) => scripted.cognito.on(GetSigningCertificateCommand).rejects(error),
    // The only one of the group that documents neither NotAuthorizedException nor TooManyRequestsException.
    exceptions: ['InternalErrorException', 'InvalidParameterException', 'OperationNotEnabledException', 'ResourceNotFoundException'],
    query: `{ userPool(userPoolId: "${POOL}") { signingCertificate } }`,
    field: 'userPool',
  },
  GetProvisionedLimit: {
    fail: (scripted, error) => scripted.cognito.on(GetProvisionedLimitCommand).rejects(error),
    exceptions: common,
    query: `{ provisionedLimit(category: UserRead) { provisionedLimitValue } }`,
    field: 'provisionedLimit',
  },
  UpdateProvisionedLimit: {
    fail: (scripted, error) => scripted.cognito.on(UpdateProvisionedLimitCommand).rejects(error),
    exceptions: [...common, 'ServiceQuotaExceededException'],
    query: UPDATE_LIMIT,
    variables: { input: { category: 'UserRead', requestedLimitValue: 500 } },
    field: 'updateProvisionedLimit',
  },
};

describe.each(Object.entries(cases))('%s: every documented exception maps to its code', (_, spec) => {
  it.each(spec.exceptions)('%s', async (exception) => {
    // One attempt, and a short deadline for a throttled call's wait: what is asserted is the mapping, not the retry policy.
    const scripted = scriptedGateway({ maxAttempts: 1, requestTimeoutMs: 300 });
    scriptPool(scripted);
    spec.fail(scripted, cognitoException(exception));
    const result = await scripted.query(spec.query, spec.variables);
    const typed = result.data?.[spec.field] as { code?: string } | null | undefined;
    const codes = typed?.code ? [typed.code] : (result.errors ?? []).map((error) => error.extensions?.['code']);
    expect(codes, JSON.stringify(result)).toEqual([codeOf[exception]]);
  });
});
