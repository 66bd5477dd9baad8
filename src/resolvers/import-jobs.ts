import { primeImportJobs } from '../cognito/loaders';
import { parseImportJob } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { checkIdentifier } from '../domain/identifiers';
import type { ImportJobKey } from '../domain/keys';
import type { ImportJobRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { nullIfNotFound } from './lookup';

export async function listImportJobs(
  ctx: GatewayContext,
  userPoolId: string,
  args: ConnectionArgs,
): Promise<RelayConnection<ImportJobRecord>> {
  return listRecords(
    ctx,
    'ListUserImportJobs',
    { UserPoolId: userPoolId },
    args,
    (job) => parseImportJob(userPoolId, job),
    primeImportJobs,
  );
}

export async function getImportJob(ctx: GatewayContext, key: ImportJobKey): Promise<ImportJobRecord | null> {
  checkIdentifier('userPoolId', key.userPoolId);
  checkIdentifier('jobId', key.jobId);
  return nullIfNotFound(ctx.loaders.importJob.load(key));
}

/** The columns an import CSV for this pool must have (GetCSVHeader). */
export async function csvHeader(ctx: GatewayContext, userPoolId: string): Promise<string[]> {
  return (await ctx.call('GetCSVHeader', { UserPoolId: userPoolId })).CSVHeader ?? [];
}

export async function createUserImportJob(
  ctx: GatewayContext,
  input: { userPoolId: string; jobName: string; cloudWatchLogsRoleArn: string },
) {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const output = await ctx.call('CreateUserImportJob', {
    UserPoolId,
    JobName: checkIdentifier('name', input.jobName, 'input.jobName'),
    CloudWatchLogsRoleArn: checkIdentifier('roleArn', input.cloudWatchLogsRoleArn, 'input.cloudWatchLogsRoleArn'),
  });
  return { importJob: output.UserImportJob ? parseImportJob(UserPoolId, output.UserImportJob) : null };
}

async function runJob(ctx: GatewayContext, operation: 'StartUserImportJob' | 'StopUserImportJob', input: ImportJobKey) {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const JobId = checkIdentifier('jobId', input.jobId, 'input.jobId');
  const output = await ctx.call(operation, { UserPoolId, JobId });
  return { importJob: output.UserImportJob ? parseImportJob(UserPoolId, output.UserImportJob) : null };
}

export const startUserImportJob = (ctx: GatewayContext, input: ImportJobKey) => runJob(ctx, 'StartUserImportJob', input);
export const stopUserImportJob = (ctx: GatewayContext, input: ImportJobKey) => runJob(ctx, 'StopUserImportJob', input);
