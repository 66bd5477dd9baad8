import type { CognitoException } from '../domain/codes';
import type { UserPoolDomainRecord } from '../domain/records';
import {
  createUserPoolDomain,
  deleteUserPoolDomain,
  describeUserPoolDomain,
  domainDetail,
  poolDomain,
  updateUserPoolDomain,
} from '../resolvers/user-pool-domains';
import { userPoolReference } from '../resolvers/user-pools';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { UserPoolRef } from './refs';

const admin = { authScopes: { admin: true } } as const;

export const UserPoolDomainRef = builder.objectRef<UserPoolDomainRecord>('UserPoolDomain').implement({
  description:
    'A domain where the pool’s managed login (or classic hosted UI) and OAuth endpoints are served: a prefix domain (`my-app.auth.<region>.amazoncognito.com`) or a custom domain of your own with its certificate.',
  fields: (t) => ({
    domain: t.exposeString('domain', { description: 'The prefix (my-app) or the custom host name (auth.example.com).' }),
    custom: t.boolean({
      description: 'Whether it is a custom domain.',
      resolve: async (d, _, ctx) => d.custom ?? (await domainDetail(ctx, d))?.certificateArn !== undefined,
    }),
    status: t.string({
      nullable: true,
      description: 'CREATING, DELETING, UPDATING, ACTIVE or FAILED.',
      resolve: async (d, _, ctx) => (await domainDetail(ctx, d))?.status,
    }),
    managedLoginVersion: t.int({
      nullable: true,
      description: '1: the classic hosted UI; 2: managed login (with branding).',
      resolve: async (d, _, ctx) => (await domainDetail(ctx, d))?.managedLoginVersion,
    }),
    cloudFrontDistribution: t.string({
      nullable: true,
      description: 'The CloudFront host serving the domain: point a custom domain’s DNS alias at it.',
      resolve: async (d, _, ctx) => (await domainDetail(ctx, d))?.cloudFrontDistribution,
    }),
    certificateArn: t.string({
      nullable: true,
      description: 'A custom domain’s ACM certificate (us-east-1).',
      resolve: async (d, _, ctx) => (await domainDetail(ctx, d))?.certificateArn,
    }),
    securityPolicy: t.string({
      nullable: true,
      description: 'A custom domain’s TLS policy: TLS_V1, TLS_V1_2_2021 or TLS_V1_3_2025.',
      resolve: async (d, _, ctx) => (await domainDetail(ctx, d))?.securityPolicy,
    }),
    s3Bucket: t.string({ nullable: true, resolve: async (d, _, ctx) => (await domainDetail(ctx, d))?.s3Bucket }),
    version: t.string({ nullable: true, resolve: async (d, _, ctx) => (await domainDetail(ctx, d))?.version }),
    awsAccountId: t.string({ nullable: true, resolve: async (d, _, ctx) => (await domainDetail(ctx, d))?.awsAccountId }),
    pool: t.field({
      type: UserPoolRef,
      nullable: true,
      resolve: async (d, _, ctx) => {
        const userPoolId = d.userPoolId ?? (await domainDetail(ctx, d))?.userPoolId;
        return userPoolId ? userPoolReference(userPoolId) : null;
      },
    }),
  }),
});

builder.objectFields(UserPoolRef, (t) => ({
  domain: t.field({
    type: UserPoolDomainRef,
    nullable: true,
    description:
      'The pool’s prefix domain; null when it has none. Its name comes with the pool (DescribeUserPool), the rest from DescribeUserPoolDomain.',
    resolve: (pool, _, ctx) => poolDomain(ctx, pool, 'prefix'),
  }),
  customDomain: t.field({
    type: UserPoolDomainRef,
    nullable: true,
    description: 'The pool’s custom domain; null when it has none.',
    resolve: (pool, _, ctx) => poolDomain(ctx, pool, 'custom'),
  }),
}));

builder.queryFields((t) => ({
  userPoolDomain: t.field({
    ...admin,
    type: UserPoolDomainRef,
    nullable: true,
    description: 'A domain by name, whichever pool has it (DescribeUserPoolDomain); null when none has.',
    args: { domain: t.arg.string({ required: true }) },
    resolve: (_, args, ctx) => describeUserPoolDomain(ctx, args.domain),
  }),
}));

const SecurityPolicy = builder.enumType('DomainSecurityPolicy', { values: ['TLS_V1', 'TLS_V1_2_2021', 'TLS_V1_3_2025'] as const });

const CustomDomainInput = builder.inputType('CustomDomainInput', {
  description: 'A custom domain’s certificate: an ACM certificate in us-east-1 that covers the domain.',
  fields: (t) => ({
    certificateArn: t.string({ required: true }),
    securityPolicy: t.field({ type: SecurityPolicy, required: false }),
  }),
});

function domainFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    userPoolId: t.string({ required: true }),
    domain: t.string({ required: true, description: 'A prefix (my-app), or a custom host name (auth.example.com) with customDomain.' }),
    managedLoginVersion: t.int({ required: false, description: '1: the classic hosted UI; 2: managed login.' }),
    customDomain: t.field({ type: CustomDomainInput, required: false }),
  };
}

const domainErrors: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'ResourceNotFoundException',
  'ConcurrentModificationException',
  'FeatureUnavailableInTierException',
  'LimitExceededException',
  'OperationNotEnabledException',
];

const payloadFields = (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Awaited<ReturnType<typeof createUserPoolDomain>>>) => ({
  domain: t.field({ type: UserPoolDomainRef, resolve: (p) => p.domain }),
  cloudFrontDomain: t.string({
    nullable: true,
    description: 'For a custom domain: the CloudFront host to point its DNS alias at.',
    resolve: (p) => p.cloudFrontDomain,
  }),
  managedLoginVersion: t.int({ nullable: true, resolve: (p) => p.managedLoginVersion }),
});

builder.relayMutationField(
  'createUserPoolDomain',
  { inputFields: (t) => domainFields(t) },
  {
    ...admin,
    description: 'Gives the pool a prefix or custom domain for managed login and its OAuth endpoints (CreateUserPoolDomain).',
    errors: { types: cognitoErrors(...domainErrors) },
    resolve: (_, { input }, ctx) => createUserPoolDomain(ctx, input),
  },
  { outputFields: payloadFields },
);

builder.relayMutationField(
  'updateUserPoolDomain',
  { inputFields: (t) => domainFields(t) },
  {
    ...admin,
    description:
      'Changes a domain’s managed login version or a custom domain’s certificate. Only what the input names changes: the gateway carries the rest over (UpdateUserPoolDomain).',
    errors: { types: cognitoErrors(...domainErrors) },
    resolve: (_, { input }, ctx) => updateUserPoolDomain(ctx, input),
  },
  { outputFields: payloadFields },
);

builder.relayMutationField(
  'deleteUserPoolDomain',
  { inputFields: (t) => ({ userPoolId: t.string({ required: true }), domain: t.string({ required: true }) }) },
  {
    ...admin,
    description: 'Removes a domain from the pool (DeleteUserPoolDomain).',
    errors: { types: cognitoErrors(...domainErrors) },
    resolve: (_, { input }, ctx) => deleteUserPoolDomain(ctx, input),
  },
  {
    outputFields: (t) => ({
      userPoolId: t.exposeString('userPoolId'),
      deletedDomain: t.exposeString('deletedDomain'),
    }),
  },
);
