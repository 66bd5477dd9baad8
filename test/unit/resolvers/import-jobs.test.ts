import { ResourceNotFoundException, type UserImportJobType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { csvHeader, getImportJob, listImportJobs } from '../../../src/resolvers/import-jobs';
import { pagedList, scriptedContext } from '../../support/scripted-call';

const pool = 'eu-west-1_Pool1';
const created = new Date(Date.UTC(2024, 0, 1));
const roleArn = 'arn:aws:iam::123456789012:role/import';

const job = (jobId: string): UserImportJobType => ({
  JobId: jobId,
  JobName: `job ${jobId}`,
  UserPoolId: pool,
  Status: 'Succeeded',
  PreSignedUrl: `https://example.com/upload/${jobId}`,
  CloudWatchLogsRoleArn: roleArn,
  CreationDate: created,
  StartDate: created,
  CompletionDate: created,
  CompletionMessage: 'Import Job Completed Successfully.',
  ImportedUsers: 3,
  SkippedUsers: 0,
  FailedUsers: 1,
});

const jobRecord = (jobId: string) => ({
  userPoolId: pool,
  jobId,
  jobName: `job ${jobId}`,
  status: 'Succeeded',
  preSignedUrl: `https://example.com/upload/${jobId}`,
  cloudWatchLogsRoleArn: roleArn,
  createdAt: created,
  startedAt: created,
  completedAt: created,
  completionMessage: 'Import Job Completed Successfully.',
  importedUsers: 3,
  skippedUsers: 0,
  failedUsers: 1,
});

describe('listImportJobs', () => {
  it('reads ListUserImportJobs with MaxResults 60 and follows PaginationToken', async () => {
    const { ctx, calls } = scriptedContext({
      ListUserImportJobs: pagedList('ListUserImportJobs', [
        { items: [job('import-A1')], next: 'more-jobs' },
        { items: [job('import-B2')] },
      ]),
    });

    const jobs = await listImportJobs(ctx, pool, {});

    expect(calls).toEqual([
      { operation: 'ListUserImportJobs', input: { UserPoolId: pool, MaxResults: 60 } },
      { operation: 'ListUserImportJobs', input: { UserPoolId: pool, MaxResults: 60, PaginationToken: 'more-jobs' } },
    ]);
    expect(jobs.edges.map((edge) => edge.node)).toEqual([jobRecord('import-A1'), jobRecord('import-B2')]);
  });
});

describe('getImportJob', () => {
  it('reads DescribeUserImportJob', async () => {
    const { ctx, calls } = scriptedContext({ DescribeUserImportJob: () => ({ UserImportJob: job('import-A1') }) });

    expect(await getImportJob(ctx, { userPoolId: pool, jobId: 'import-A1' })).toEqual(jobRecord('import-A1'));
    expect(calls).toEqual([{ operation: 'DescribeUserImportJob', input: { UserPoolId: pool, JobId: 'import-A1' } }]);
  });

  it('serves a job listed earlier in the request from the list', async () => {
    const { ctx, operations } = scriptedContext({ ListUserImportJobs: pagedList('ListUserImportJobs', [{ items: [job('import-A1')] }]) });
    await listImportJobs(ctx, pool, {});

    expect(await getImportJob(ctx, { userPoolId: pool, jobId: 'import-A1' })).toEqual(jobRecord('import-A1'));
    expect(operations()).toEqual(['ListUserImportJobs']);
  });

  it('answers null for a job Cognito does not know', async () => {
    const { ctx } = scriptedContext({
      DescribeUserImportJob: () => {
        throw new ResourceNotFoundException({ message: 'Import job not found.', $metadata: {} });
      },
    });

    expect(await getImportJob(ctx, { userPoolId: pool, jobId: 'import-Gone1' })).toBeNull();
  });
});

describe('csvHeader', () => {
  it('reads GetCSVHeader of the pool', async () => {
    const { ctx, calls } = scriptedContext({
      GetCSVHeader: () => ({ UserPoolId: pool, CSVHeader: ['name', 'email', 'cognito:username'] }),
    });

    expect(await csvHeader(ctx, pool)).toEqual(['name', 'email', 'cognito:username']);
    expect(calls).toEqual([{ operation: 'GetCSVHeader', input: { UserPoolId: pool } }]);
  });

  it('answers no columns when Cognito gives none', async () => {
    const { ctx } = scriptedContext({ GetCSVHeader: () => ({ UserPoolId: pool }) });

    expect(await csvHeader(ctx, pool)).toEqual([]);
  });
});
