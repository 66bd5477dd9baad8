import { loadImportJobNodes } from '../resolvers/nodes';
import {
  createUserImportJob,
  csvHeader,
  getImportJob,
  listImportJobs,
  startUserImportJob,
  stopUserImportJob,
} from '../resolvers/import-jobs';
import { userPoolReference } from '../resolvers/user-pools';
import type { ImportJobRecord } from '../domain/records';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { joinKey } from './natural-keys';
import { ImportJobConnection, ImportJobRef, UserPoolRef } from './refs';

const admin = { authScopes: { admin: true } } as const;

builder.node(ImportJobRef, {
  loadMany: loadImportJobNodes,
  ...admin,
  description: 'A job that imports users from a CSV file into a pool, known by (userPoolId, jobId).',
  id: { resolve: (job) => joinKey(job.userPoolId, job.jobId) },
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    jobId: t.exposeString('jobId'),
    jobName: t.string({ nullable: true, resolve: (job) => job.jobName }),
    status: t.string({
      nullable: true,
      description: 'Created, Pending, InProgress, Stopping, Expired, Stopped, Failed or Succeeded.',
      resolve: (job) => job.status,
    }),
    preSignedUrl: t.string({
      nullable: true,
      description: 'Where to PUT the CSV file (it grants upload: administrators only).',
      resolve: (job) => job.preSignedUrl,
    }),
    cloudWatchLogsRoleArn: t.string({ nullable: true, resolve: (job) => job.cloudWatchLogsRoleArn }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (job) => job.createdAt }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (job) => job.startedAt }),
    completedAt: t.field({ type: 'DateTime', nullable: true, resolve: (job) => job.completedAt }),
    completionMessage: t.string({ nullable: true, resolve: (job) => job.completionMessage }),
    importedUsers: t.int({ nullable: true, resolve: (job) => job.importedUsers }),
    skippedUsers: t.int({ nullable: true, resolve: (job) => job.skippedUsers }),
    failedUsers: t.int({ nullable: true, resolve: (job) => job.failedUsers }),
    pool: t.field({ type: UserPoolRef, nullable: true, resolve: (job) => userPoolReference(job.userPoolId) }),
  }),
});

builder.objectFields(UserPoolRef, (t) => ({
  importJobs: t.connection(
    {
      type: ImportJobRef,
      nullable: true,
      description: 'User import jobs (ListUserImportJobs).',
      resolve: (pool, args, ctx) => listImportJobs(ctx, pool.userPoolId, args),
    },
    ImportJobConnection,
  ),
  importJob: t.field({
    type: ImportJobRef,
    nullable: true,
    args: { jobId: t.arg.string({ required: true }) },
    description: 'An import job by id (DescribeUserImportJob); null when there is none.',
    resolve: (pool, args, ctx) => getImportJob(ctx, { userPoolId: pool.userPoolId, jobId: args.jobId }),
  }),
  csvHeader: t.stringList({
    nullable: true,
    description: 'The columns an import CSV for this pool must have (GetCSVHeader).',
    resolve: (pool, _, ctx) => csvHeader(ctx, pool.userPoolId),
  }),
}));

builder.queryFields((t) => ({
  importJob: t.field({
    ...admin,
    type: ImportJobRef,
    nullable: true,
    args: { userPoolId: t.arg.string({ required: true }), jobId: t.arg.string({ required: true }) },
    description: 'An import job by pool and id; null when there is none.',
    resolve: (_, args, ctx) => getImportJob(ctx, args),
  }),
}));

const jobErrors = cognitoErrors(
  'ResourceNotFoundException',
  'InvalidParameterException',
  'LimitExceededException',
  'PreconditionNotMetException',
  'NotAuthorizedException',
);
const jobKeyFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  userPoolId: t.string({ required: true }),
  jobId: t.string({ required: true }),
});

const jobPayloadFields = (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, { importJob: ImportJobRecord | null }>) => ({
  importJob: t.field({ type: ImportJobRef, nullable: true, resolve: (p) => p.importJob }),
});

builder.relayMutationField(
  'createUserImportJob',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      jobName: t.string({ required: true }),
      cloudWatchLogsRoleArn: t.string({ required: true }),
    }),
  },
  {
    ...admin,
    description: 'Creates an import job; upload the CSV to its preSignedUrl, then start it (CreateUserImportJob).',
    errors: { types: jobErrors },
    resolve: (_, { input }, ctx) => createUserImportJob(ctx, input),
  },
  { outputFields: jobPayloadFields },
);

builder.relayMutationField(
  'startUserImportJob',
  { inputFields: jobKeyFields },
  {
    ...admin,
    description: 'Starts an import job once its CSV is uploaded (StartUserImportJob).',
    errors: { types: jobErrors },
    resolve: (_, { input }, ctx) => startUserImportJob(ctx, input),
  },
  { outputFields: jobPayloadFields },
);

builder.relayMutationField(
  'stopUserImportJob',
  { inputFields: jobKeyFields },
  {
    ...admin,
    description: 'Stops a running import job (StopUserImportJob).',
    errors: { types: jobErrors },
    resolve: (_, { input }, ctx) => stopUserImportJob(ctx, input),
  },
  { outputFields: jobPayloadFields },
);
