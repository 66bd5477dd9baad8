import {
  CreateUserImportJobCommand,
  DescribeUserImportJobCommand,
  DescribeUserPoolCommand,
  GetCSVHeaderCommand,
  LimitExceededException,
  ListUserImportJobsCommand,
  PreconditionNotMetException,
  ResourceNotFoundException,
  StartUserImportJobCommand,
  StopUserImportJobCommand,
  type UserImportJobType,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { pagedList, range, scriptedGateway, type ScriptedPage } from '../support/scripted-cognito';

/**
 * User import jobs over a scripted SDK (cognito-local has none of these operations): the pool's
 * jobs (ListUserImportJobs, whose MaxResults is required), its CSV header (GetCSVHeader), one job
 * (DescribeUserImportJob) and the three job writes, with exactly the inputs Cognito documents.
 */

const POOL = 'eu-west-1_Imports1';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/CognitoImportLogs';
const jobId = (i: number) => `import-Job${String(i).padStart(4, '0')}x`;
const PRESIGNED = (i: number) =>
  `https://cognito-idp-import-eu-west-1.s3.amazonaws.com/123456789012/${POOL}/${jobId(i)}?X-Amz-Signature=abc`;

/** A UserImportJobType as the SDK deserializes it (dates as Date objects). */
function scriptedJob(i: number, overrides: Partial<UserImportJobType> = {}): UserImportJobType {
  return {
    JobName: `import ${i}`,
    JobId: jobId(i),
    UserPoolId: POOL,
    PreSignedUrl: PRESIGNED(i),
    CreationDate: new Date(Date.UTC(2024, 4, 1, 0, 0, i)),
    StartDate: new Date(Date.UTC(2024, 4, 1, 1, 0, i)),
    CompletionDate: new Date(Date.UTC(2024, 4, 1, 2, 0, i)),
    Status: 'Succeeded',
    CloudWatchLogsRoleArn: ROLE_ARN,
    ImportedUsers: 100 + i,
    SkippedUsers: 2,
    FailedUsers: 1,
    CompletionMessage: 'Import Job Completed Successfully.',
    ...overrides,
  };
}

const JOB_FIELDS = `userPoolId jobId jobName status preSignedUrl cloudWatchLogsRoleArn createdAt startedAt completedAt completionMessage
  importedUsers skippedUsers failedUsers`;

/** What the gateway answers for a job. */
function expectedJob(job: UserImportJobType) {
  return {
    userPoolId: POOL,
    jobId: job.JobId,
    jobName: job.JobName ?? null,
    status: job.Status ?? null,
    preSignedUrl: job.PreSignedUrl ?? null,
    cloudWatchLogsRoleArn: job.CloudWatchLogsRoleArn ?? null,
    createdAt: job.CreationDate?.toISOString() ?? null,
    startedAt: job.StartDate?.toISOString() ?? null,
    completedAt: job.CompletionDate?.toISOString() ?? null,
    completionMessage: job.CompletionMessage ?? null,
    importedUsers: job.ImportedUsers ?? null,
    skippedUsers: job.SkippedUsers ?? null,
    failedUsers: job.FailedUsers ?? null,
  };
}

/** Every column a real pool's GetCSVHeader answers with. */
const CSV_HEADER = [
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
  'custom:department',
  'cognito:mfa_enabled',
  'cognito:username',
];

type Scripted = ReturnType<typeof scriptedGateway>;

function sentCommands(scripted: Scripted): string[] {
  return scripted.cognito.calls().map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, ''));
}

let scripted: Scripted;
beforeEach(() => {
  scripted = scriptedGateway();
  scripted.cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Name: 'imports' } });
});

describe('userPool.importJobs: ListUserImportJobs with the required MaxResults', () => {
  // 65 jobs: a full page of 60, a short page of 3, an empty page with a token, the last 2.
  const pages: ScriptedPage<number>[] = [
    { items: range(0, 60), next: 'J1' },
    { items: range(60, 63), next: 'J2' },
    { items: [], next: 'J3' },
    { items: range(63, 65) },
  ];
  beforeEach(() => {
    scripted.cognito.on(ListUserImportJobsCommand).callsFake(
      pagedList({
        pages: pages.map((page) => ({ ...page, items: page.items.map((i) => scriptedJob(i)) })),
        tokenField: 'PaginationToken',
        sizeField: 'MaxResults',
        itemsField: 'UserImportJobs',
      }),
    );
    scripted.cognito.on(DescribeUserImportJobCommand).rejects(new Error('DescribeUserImportJob must not be called in this test'));
  });

  const QUERY = /* GraphQL */ `
    query ($first: Int, $after: String) {
      userPool(userPoolId: "${POOL}") {
        importJobs(first: $first, after: $after) { edges { node { ${JOB_FIELDS} } } pageInfo { hasNextPage endCursor } }
      }
    }
  `;
  const listInputs = () => scripted.cognito.commandCalls(ListUserImportJobsCommand).map((call) => call.args[0].input);
  const page = (token?: string) => ({ UserPoolId: POOL, MaxResults: 60, ...(token ? { PaginationToken: token } : {}) });

  it('reads every job with every field mapped, across all four pages, and hasNextPage false at the end', async () => {
    const result = await scripted.query(QUERY, { first: 65 });
    expect(result.errors).toBeUndefined();
    const { edges, pageInfo } = result.data!.userPool.importJobs;
    expect(edges.map((edge: { node: unknown }) => edge.node)).toEqual(range(0, 65).map((i) => expectedJob(scriptedJob(i))));
    expect(pageInfo.hasNextPage).toBe(false);
    expect(listInputs()).toEqual([page(), page('J1'), page('J2'), page('J3')]);
  });

  it('follows the empty page to look one job ahead: hasNextPage true for 64', async () => {
    const result = await scripted.query(QUERY, { first: 64 });
    expect(result.data!.userPool.importJobs.edges).toHaveLength(64);
    expect(result.data!.userPool.importJobs.pageInfo.hasNextPage).toBe(true);
    expect(listInputs()).toEqual([page(), page('J1'), page('J2'), page('J3')]);
  });

  it('reads no page beyond the first `first` jobs when hasNextPage is not selected, and its endCursor resumes at the next page', async () => {
    const withoutHasNextPage = `query ($after: String) {
      userPool(userPoolId: "${POOL}") { importJobs(first: 60, after: $after) { edges { node { jobId } } pageInfo { endCursor } } }
    }`;
    const full = await scripted.query(withoutHasNextPage);
    expect(full.data!.userPool.importJobs.edges).toHaveLength(60);
    expect(listInputs()).toEqual([page()]);

    scripted.cognito.resetHistory();
    const next = await scripted.query(withoutHasNextPage, { after: full.data!.userPool.importJobs.pageInfo.endCursor });
    expect(next.data!.userPool.importJobs.edges.map((e: { node: { jobId: string } }) => e.node.jobId)).toEqual(range(60, 65).map(jobId));
    expect(listInputs()).toEqual([page('J1'), page('J2'), page('J3')]);
  });

  it('reads ahead for hasNextPage only when it is selected: a full page ending on a token costs one more call', async () => {
    const result = await scripted.query(QUERY, { first: 60 });
    expect(result.data!.userPool.importJobs.pageInfo.hasNextPage).toBe(true);
    expect(listInputs()).toEqual([page(), page('J1')]);
  });

  it('stops after the first page when it holds first + 1 jobs, and resumes mid-page with the same MaxResults', async () => {
    const first = await scripted.query(QUERY, { first: 10 });
    expect(first.data!.userPool.importJobs.edges.map((e: { node: { jobId: string } }) => e.node.jobId)).toEqual(range(0, 10).map(jobId));
    expect(first.data!.userPool.importJobs.pageInfo.hasNextPage).toBe(true);
    expect(listInputs()).toEqual([page()]);

    scripted.cognito.resetHistory();
    const next = await scripted.query(QUERY, { first: 3, after: first.data!.userPool.importJobs.pageInfo.endCursor });
    expect(next.data!.userPool.importJobs.edges.map((e: { node: { jobId: string } }) => e.node.jobId)).toEqual(range(10, 13).map(jobId));
    expect(listInputs()).toEqual([page()]);
  });

  it('serves a listed job from the list when it is asked for again later in the request: no DescribeUserImportJob', async () => {
    const result = await scripted.query(`{
      userPool(userPoolId: "${POOL}") {
        importJobs(first: 2) { edges { node { jobId pool { importJob(jobId: "${jobId(1)}") { ${JOB_FIELDS} } } } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const edges = result.data!.userPool.importJobs.edges as { node: { pool: { importJob: unknown } } }[];
    expect(edges.map((edge) => edge.node.pool.importJob)).toEqual([expectedJob(scriptedJob(1)), expectedJob(scriptedJob(1))]);
    expect(scripted.cognito.commandCalls(DescribeUserImportJobCommand)).toHaveLength(0);
  });
});

describe('userPool.csvHeader and importJob', () => {
  it('csvHeader answers GetCSVHeader’s columns, in order', async () => {
    scripted.cognito.on(GetCSVHeaderCommand).resolves({ UserPoolId: POOL, CSVHeader: CSV_HEADER });
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { csvHeader } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.userPool.csvHeader).toEqual(CSV_HEADER);
    expect(scripted.cognito.commandCalls(GetCSVHeaderCommand).map((call) => call.args[0].input)).toEqual([{ UserPoolId: POOL }]);
  });

  it('userPool.importJob reads one job with DescribeUserImportJob; null on ResourceNotFoundException', async () => {
    scripted.cognito
      .on(DescribeUserImportJobCommand, { JobId: jobId(5) })
      .resolves({ UserImportJob: scriptedJob(5, { Status: 'InProgress', CompletionDate: undefined, CompletionMessage: undefined }) })
      .on(DescribeUserImportJobCommand, { JobId: jobId(6) })
      .rejects(new ResourceNotFoundException({ message: 'Job not found.', $metadata: {} }));
    const result = await scripted.query(`{
      userPool(userPoolId: "${POOL}") { found: importJob(jobId: "${jobId(5)}") { ${JOB_FIELDS} } missing: importJob(jobId: "${jobId(6)}") { jobId } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.userPool.found).toEqual(
      expectedJob(scriptedJob(5, { Status: 'InProgress', CompletionDate: undefined, CompletionMessage: undefined })),
    );
    expect(result.data!.userPool.found.completedAt).toBeNull();
    expect(result.data!.userPool.missing).toBeNull();
    expect(scripted.cognito.commandCalls(DescribeUserImportJobCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, JobId: jobId(5) },
      { UserPoolId: POOL, JobId: jobId(6) },
    ]);
  });

  it('the root importJob field reads the job with DescribeUserImportJob, and the same job twice costs one call', async () => {
    scripted.cognito.on(DescribeUserImportJobCommand).resolves({ UserImportJob: scriptedJob(7) });
    const result = await scripted.query(`{
      a: importJob(userPoolId: "${POOL}", jobId: "${jobId(7)}") { id ${JOB_FIELDS} pool { userPoolId } }
      b: importJob(userPoolId: "${POOL}", jobId: "${jobId(7)}") { status }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.a).toMatchObject({ ...expectedJob(scriptedJob(7)), pool: { userPoolId: POOL } });
    expect(result.data!.b).toEqual({ status: 'Succeeded' });
    expect(sentCommands(scripted)).toEqual(['DescribeUserImportJob']);
    expect(scripted.cognito.commandCalls(DescribeUserImportJobCommand)[0]!.args[0].input).toEqual({ UserPoolId: POOL, JobId: jobId(7) });
  });

  it('a malformed jobId is refused before any DescribeUserImportJob', async () => {
    const result = await scripted.query(`{ importJob(userPoolId: "${POOL}", jobId: "job-1") { jobId } }`);
    expect(result.data!.importJob).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jobId' });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

const RESULT_FIELDS = `__typename
  ... on InvalidInputError { field reason }
  ... on CognitoError { code message }`;

const CREATE = /* GraphQL */ `
  mutation ($input: CreateUserImportJobInput!) {
    createUserImportJob(input: $input) { ${RESULT_FIELDS} ... on CreateUserImportJobPayload { importJob { ${JOB_FIELDS} } } }
  }
`;
const START = /* GraphQL */ `
  mutation ($input: StartUserImportJobInput!) {
    startUserImportJob(input: $input) { ${RESULT_FIELDS} ... on StartUserImportJobPayload { importJob { ${JOB_FIELDS} } } }
  }
`;
const STOP = /* GraphQL */ `
  mutation ($input: StopUserImportJobInput!) {
    stopUserImportJob(input: $input) { ${RESULT_FIELDS} ... on StopUserImportJobPayload { importJob { ${JOB_FIELDS} } } }
  }
`;

describe('import job writes', () => {
  const createdJob = scriptedJob(20, {
    JobName: 'spring import',
    Status: 'Created',
    StartDate: undefined,
    CompletionDate: undefined,
    CompletionMessage: undefined,
    ImportedUsers: 0,
    SkippedUsers: 0,
    FailedUsers: 0,
  });

  it('createUserImportJob sends exactly the pool, name and role, and answers the created job with its upload URL', async () => {
    scripted.cognito.on(CreateUserImportJobCommand).resolves({ UserImportJob: createdJob });
    const result = await scripted.query(CREATE, { input: { userPoolId: POOL, jobName: 'spring import', cloudWatchLogsRoleArn: ROLE_ARN } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createUserImportJob).toMatchObject({
      __typename: 'CreateUserImportJobPayload',
      importJob: expectedJob(createdJob),
    });
    expect(result.data!.createUserImportJob.importJob.preSignedUrl).toBe(PRESIGNED(20));
    expect(sentCommands(scripted)).toEqual(['CreateUserImportJob']);
    expect(scripted.cognito.commandCalls(CreateUserImportJobCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      JobName: 'spring import',
      CloudWatchLogsRoleArn: ROLE_ARN,
    });
  });

  it('startUserImportJob and stopUserImportJob send exactly the pool and job id and answer the job Cognito returns', async () => {
    const started = scriptedJob(21, { Status: 'Pending', CompletionDate: undefined, CompletionMessage: undefined });
    const stopping = scriptedJob(21, { Status: 'Stopping', CompletionDate: undefined, CompletionMessage: undefined });
    scripted.cognito.on(StartUserImportJobCommand).resolves({ UserImportJob: started });
    scripted.cognito.on(StopUserImportJobCommand).resolves({ UserImportJob: stopping });

    const start = await scripted.query(START, { input: { userPoolId: POOL, jobId: jobId(21) } });
    expect(start.errors).toBeUndefined();
    expect(start.data!.startUserImportJob).toEqual({ __typename: 'StartUserImportJobPayload', importJob: expectedJob(started) });
    const stop = await scripted.query(STOP, { input: { userPoolId: POOL, jobId: jobId(21) } });
    expect(stop.errors).toBeUndefined();
    expect(stop.data!.stopUserImportJob).toEqual({ __typename: 'StopUserImportJobPayload', importJob: expectedJob(stopping) });

    expect(sentCommands(scripted)).toEqual(['StartUserImportJob', 'StopUserImportJob']);
    expect(scripted.cognito.commandCalls(StartUserImportJobCommand)[0]!.args[0].input).toEqual({ UserPoolId: POOL, JobId: jobId(21) });
    expect(scripted.cognito.commandCalls(StopUserImportJobCommand)[0]!.args[0].input).toEqual({ UserPoolId: POOL, JobId: jobId(21) });
  });

  it('a bad role ARN, job name or job id is an InvalidInputError naming the field, and nothing is sent', async () => {
    const badRole = await scripted.query(CREATE, {
      input: { userPoolId: POOL, jobName: 'spring import', cloudWatchLogsRoleArn: 'CognitoImportLogs' },
    });
    expect(badRole.data!.createUserImportJob).toMatchObject({
      __typename: 'InvalidInputError',
      code: 'BAD_USER_INPUT',
      field: 'input.cloudWatchLogsRoleArn',
    });
    const badName = await scripted.query(CREATE, {
      input: { userPoolId: POOL, jobName: 'spring/import', cloudWatchLogsRoleArn: ROLE_ARN },
    });
    expect(badName.data!.createUserImportJob).toMatchObject({ __typename: 'InvalidInputError', field: 'input.jobName' });
    const badPool = await scripted.query(CREATE, {
      input: { userPoolId: 'Imports1', jobName: 'spring import', cloudWatchLogsRoleArn: ROLE_ARN },
    });
    expect(badPool.data!.createUserImportJob).toMatchObject({ __typename: 'InvalidInputError', field: 'input.userPoolId' });
    const badStart = await scripted.query(START, { input: { userPoolId: POOL, jobId: 'job-21' } });
    expect(badStart.data!.startUserImportJob).toMatchObject({
      __typename: 'InvalidInputError',
      code: 'BAD_USER_INPUT',
      field: 'input.jobId',
    });
    const badStop = await scripted.query(STOP, { input: { userPoolId: POOL, jobId: '' } });
    expect(badStop.data!.stopUserImportJob).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'input.jobId',
      reason: 'must not be empty',
    });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('LimitExceededException is a typed LimitExceededError', async () => {
    scripted.cognito
      .on(CreateUserImportJobCommand)
      .rejects(new LimitExceededException({ message: 'Maximum number of import jobs reached.', $metadata: {} }));
    const result = await scripted.query(CREATE, { input: { userPoolId: POOL, jobName: 'spring import', cloudWatchLogsRoleArn: ROLE_ARN } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createUserImportJob).toEqual({
      __typename: 'LimitExceededError',
      code: 'LIMIT_EXCEEDED',
      message: 'Maximum number of import jobs reached.',
    });
    expect(scripted.cognito.commandCalls(CreateUserImportJobCommand)).toHaveLength(1);
  });

  it('PreconditionNotMetException (no CSV uploaded yet) is a typed PreconditionNotMetError', async () => {
    scripted.cognito
      .on(StartUserImportJobCommand)
      .rejects(new PreconditionNotMetException({ message: 'The CSV file has not been uploaded.', $metadata: {} }));
    const result = await scripted.query(START, { input: { userPoolId: POOL, jobId: jobId(22) } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.startUserImportJob).toEqual({
      __typename: 'PreconditionNotMetError',
      code: 'PRECONDITION_NOT_MET',
      message: 'The CSV file has not been uploaded.',
    });
  });
});
