import type { ConnectionArgs } from '../domain/connection';
import { loadUserPoolNodes } from '../resolvers/nodes';
import type { PasswordPolicyRecord, SchemaAttributeRecord } from '../domain/records';
import { listClients } from '../resolvers/clients';
import { listGroups } from '../resolvers/groups';
import { listImportJobs } from '../resolvers/import-jobs';
import type { GatewayContext } from '../resolvers/context';
import type { UserFilterInput } from '../resolvers/user-filter';
import { getUserPool, listUserPools, userPoolDetail, userPoolSummary } from '../resolvers/user-pools';
import { listUsers } from '../resolvers/users';
import { builder } from './builder';
import { startSelectedLists, type ListReader } from './prefetch';
import { ClientConnection, ClientRef, GroupConnection, GroupRef, UserConnection, UserPoolConnection, UserPoolRef, UserRef } from './refs';
import { wantsUsersGroups, type SelectionView } from './selection';
import { UserFilter } from './user-filter';

const PasswordPolicy = builder.objectRef<PasswordPolicyRecord>('PasswordPolicy').implement({
  fields: (t) => ({
    minimumLength: t.int({ nullable: true, resolve: (p) => p.minimumLength }),
    requireUppercase: t.boolean({ nullable: true, resolve: (p) => p.requireUppercase }),
    requireLowercase: t.boolean({ nullable: true, resolve: (p) => p.requireLowercase }),
    requireNumbers: t.boolean({ nullable: true, resolve: (p) => p.requireNumbers }),
    requireSymbols: t.boolean({ nullable: true, resolve: (p) => p.requireSymbols }),
    passwordHistorySize: t.int({ nullable: true, resolve: (p) => p.passwordHistorySize }),
    temporaryPasswordValidityDays: t.int({ nullable: true, resolve: (p) => p.temporaryPasswordValidityDays }),
  }),
});

const SchemaAttribute = builder.objectRef<SchemaAttributeRecord>('SchemaAttribute').implement({
  description: 'An attribute the pool defines for its users; custom ones are named `custom:…`.',
  fields: (t) => ({
    name: t.exposeString('name'),
    dataType: t.string({ nullable: true, description: 'String, Number, DateTime or Boolean.', resolve: (a) => a.dataType }),
    custom: t.boolean({ resolve: (a) => a.name.startsWith('custom:') }),
    mutable: t.boolean({ nullable: true, resolve: (a) => a.mutable }),
    required: t.boolean({ nullable: true, resolve: (a) => a.required }),
    developerOnly: t.boolean({ nullable: true, resolve: (a) => a.developerOnly }),
    minLength: t.int({ nullable: true, resolve: (a) => a.minLength }),
    maxLength: t.int({ nullable: true, resolve: (a) => a.maxLength }),
    minValue: t.float({ nullable: true, resolve: (a) => a.minValue }),
    maxValue: t.float({ nullable: true, resolve: (a) => a.maxValue }),
  }),
});

type PoolKey = { userPoolId: string };

/**
 * The lists of a pool that a lookup of the pool starts alongside its own read (prefetch.ts); the
 * fields below read through the same functions, so both are one read.
 */
const poolLists = {
  users: (pool: PoolKey, args: ConnectionArgs & { filter?: UserFilterInput | null }, ctx: GatewayContext, view: SelectionView) =>
    listUsers(ctx, pool.userPoolId, args.filter, args, { groups: wantsUsersGroups(view) }),
  groups: (pool: PoolKey, args: ConnectionArgs, ctx: GatewayContext) => listGroups(ctx, pool.userPoolId, args),
  clients: (pool: PoolKey, args: ConnectionArgs, ctx: GatewayContext) => listClients(ctx, pool.userPoolId, args),
  importJobs: (pool: PoolKey, args: ConnectionArgs, ctx: GatewayContext) => listImportJobs(ctx, pool.userPoolId, args),
} satisfies Record<string, ListReader<PoolKey>>;

builder.node(UserPoolRef, {
  loadMany: loadUserPoolNodes,
  authScopes: { admin: true },
  description: 'A Cognito user pool: a directory of users, their groups and the app clients that sign them in.',
  id: { resolve: (pool) => pool.userPoolId },
  fields: (t) => ({
    userPoolId: t.string({ description: 'The pool id, such as eu-west-1_AbCdEf123.', resolve: (pool) => pool.userPoolId }),
    name: t.string({ resolve: async (pool, _, ctx) => (await userPoolSummary(ctx, pool)).name }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: async (pool, _, ctx) => (await userPoolSummary(ctx, pool)).createdAt }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: async (pool, _, ctx) => (await userPoolSummary(ctx, pool)).updatedAt }),
    arn: t.string({ nullable: true, resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).arn }),
    estimatedNumberOfUsers: t.int({
      nullable: true,
      description: "Cognito's own estimate; counting exactly would mean listing every user.",
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).estimatedNumberOfUsers,
    }),
    mfaConfiguration: t.string({
      nullable: true,
      description: 'OFF, ON or OPTIONAL.',
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).mfaConfiguration,
    }),
    deletionProtection: t.boolean({
      nullable: true,
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).deletionProtection,
    }),
    tier: t.string({
      nullable: true,
      description: 'LITE, ESSENTIALS or PLUS.',
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).tier,
    }),
    usernameAttributes: t.stringList({
      nullable: true,
      description: 'Attributes users may sign in with instead of a username.',
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).usernameAttributes,
    }),
    aliasAttributes: t.stringList({ nullable: true, resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).aliasAttributes }),
    autoVerifiedAttributes: t.stringList({
      nullable: true,
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).autoVerifiedAttributes,
    }),
    passwordPolicy: t.field({
      type: PasswordPolicy,
      nullable: true,
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).passwordPolicy,
    }),
    schemaAttributes: t.field({
      type: [SchemaAttribute],
      nullable: true,
      resolve: async (pool, _, ctx) => (await userPoolDetail(ctx, pool)).schemaAttributes,
    }),
    users: t.connection(
      {
        type: UserRef,
        nullable: true,
        description: 'Users of the pool, optionally searched by one standard attribute.',
        args: { filter: t.arg({ type: UserFilter, required: false }) },
        resolve: poolLists.users,
      },
      UserConnection,
    ),
    groups: t.connection({ type: GroupRef, nullable: true, resolve: poolLists.groups }, GroupConnection),
    clients: t.connection({ type: ClientRef, nullable: true, resolve: poolLists.clients }, ClientConnection),
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
      getUserPool(ctx, args.userPoolId, () => startSelectedLists(info, { userPoolId: args.userPoolId }, ctx, poolLists)),
  }),
}));
