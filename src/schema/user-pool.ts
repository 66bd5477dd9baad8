import type { PasswordPolicyType, SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { getUserPool, listUserPools, userPoolDetail, userPoolSummaryField } from '../resolvers/user-pools';
import { builder } from './builder';
import { userPoolLists } from './list-readers';
import { startSelectedLists } from './prefetch';
import { ClientConnection, ClientRef, GroupConnection, GroupRef, UserConnection, UserPoolConnection, UserPoolRef, UserRef } from './refs';
import { UserFilter } from './user-filter';

const PasswordPolicy = builder.objectRef<PasswordPolicyType>('PasswordPolicy').implement({
  fields: (t) => ({
    minimumLength: t.int({ nullable: true, resolve: (p) => p.MinimumLength }),
    requireUppercase: t.boolean({ nullable: true, resolve: (p) => p.RequireUppercase }),
    requireLowercase: t.boolean({ nullable: true, resolve: (p) => p.RequireLowercase }),
    requireNumbers: t.boolean({ nullable: true, resolve: (p) => p.RequireNumbers }),
    requireSymbols: t.boolean({ nullable: true, resolve: (p) => p.RequireSymbols }),
    passwordHistorySize: t.int({ nullable: true, resolve: (p) => p.PasswordHistorySize }),
    temporaryPasswordValidityDays: t.int({ nullable: true, resolve: (p) => p.TemporaryPasswordValidityDays }),
  }),
});

const numberOrNull = (value: string | undefined) => (value === undefined || value === '' ? null : Number(value));

const SchemaAttribute = builder.objectRef<SchemaAttributeType>('SchemaAttribute').implement({
  description: 'An attribute the pool defines for its users; custom ones are named `custom:…`.',
  fields: (t) => ({
    name: t.string({ resolve: (a) => a.Name ?? '' }),
    dataType: t.string({ nullable: true, description: 'String, Number, DateTime or Boolean.', resolve: (a) => a.AttributeDataType }),
    custom: t.boolean({ resolve: (a) => (a.Name ?? '').startsWith('custom:') }),
    mutable: t.boolean({ nullable: true, resolve: (a) => a.Mutable }),
    required: t.boolean({ nullable: true, resolve: (a) => a.Required }),
    developerOnly: t.boolean({ nullable: true, resolve: (a) => a.DeveloperOnlyAttribute }),
    minLength: t.int({ nullable: true, resolve: (a) => numberOrNull(a.StringAttributeConstraints?.MinLength) }),
    maxLength: t.int({ nullable: true, resolve: (a) => numberOrNull(a.StringAttributeConstraints?.MaxLength) }),
    minValue: t.float({ nullable: true, resolve: (a) => numberOrNull(a.NumberAttributeConstraints?.MinValue) }),
    maxValue: t.float({ nullable: true, resolve: (a) => numberOrNull(a.NumberAttributeConstraints?.MaxValue) }),
  }),
});

builder.node(UserPoolRef, {
  authScopes: { admin: true },
  description: 'A Cognito user pool: a directory of users, their groups and the app clients that sign them in.',
  id: { resolve: (pool) => pool.userPoolId },
  fields: (t) => ({
    userPoolId: t.string({ description: 'The pool id, such as eu-west-1_AbCdEf123.', resolve: (pool) => pool.userPoolId }),
    name: t.string({ resolve: async (pool, _, ctx) => (await userPoolSummaryField(ctx, pool, 'Name')) ?? '' }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (pool, _, ctx) => userPoolSummaryField(ctx, pool, 'CreationDate') }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (pool, _, ctx) => userPoolSummaryField(ctx, pool, 'LastModifiedDate'),
    }),
    arn: t.string({ nullable: true, resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).Arn }),
    estimatedNumberOfUsers: t.int({
      nullable: true,
      description: "Cognito's own estimate; counting exactly would mean listing every user.",
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).EstimatedNumberOfUsers,
    }),
    mfaConfiguration: t.string({
      nullable: true,
      description: 'OFF, ON or OPTIONAL.',
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).MfaConfiguration,
    }),
    deletionProtection: t.boolean({
      nullable: true,
      resolve: async (pool, _, ctx) => {
        const value = (await userPoolDetail(ctx, pool)).DeletionProtection;
        return value === undefined ? null : value === 'ACTIVE';
      },
    }),
    tier: t.string({
      nullable: true,
      description: 'LITE, ESSENTIALS or PLUS.',
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).UserPoolTier,
    }),
    domain: t.string({ nullable: true, resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).Domain }),
    customDomain: t.string({ nullable: true, resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).CustomDomain }),
    usernameAttributes: t.stringList({
      description: 'Attributes users may sign in with instead of a username.',
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).UsernameAttributes ?? [],
    }),
    aliasAttributes: t.stringList({ resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).AliasAttributes ?? [] }),
    autoVerifiedAttributes: t.stringList({
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).AutoVerifiedAttributes ?? [],
    }),
    passwordPolicy: t.field({
      type: PasswordPolicy,
      nullable: true,
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).Policies?.PasswordPolicy,
    }),
    schemaAttributes: t.field({
      type: [SchemaAttribute],
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).SchemaAttributes ?? [],
    }),
    users: t.connection(
      {
        type: UserRef,
        description: 'Users of the pool, optionally searched by one standard attribute.',
        args: { filter: t.arg({ type: UserFilter, required: false }) },
        resolve: userPoolLists.users,
      },
      UserConnection,
    ),
    groups: t.connection({ type: GroupRef, resolve: userPoolLists.groups }, GroupConnection),
    clients: t.connection({ type: ClientRef, resolve: userPoolLists.clients }, ClientConnection),
  }),
});

builder.queryFields((t) => ({
  userPools: t.connection(
    {
      authScopes: { admin: true },
      type: UserPoolRef,
      nullable: true,
      description: 'The user pools the gateway can see.',
      resolve: (_, args, ctx) => listUserPools(ctx, args),
    },
    UserPoolConnection,
  ),
  userPool: t.field({
    authScopes: { admin: true },
    type: UserPoolRef,
    nullable: true,
    description: 'A user pool by its id; null when there is none.',
    args: { userPoolId: t.arg.string({ required: true }) },
    resolve: (_, args, ctx, info) =>
      getUserPool(ctx, args.userPoolId, () => startSelectedLists(info, { userPoolId: args.userPoolId }, ctx, userPoolLists)),
  }),
}));
