import type { CognitoException } from '../domain/codes';
import type { UserPoolRecord, UserPoolReplicaRecord } from '../domain/records';
import { createUserPoolReplica, deleteUserPoolReplica, listUserPoolReplicas, updateUserPoolReplica } from '../resolvers/replicas';
import { userPoolReference } from '../resolvers/user-pools';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { UserPoolRef } from './refs';
import { UserPoolTagInput } from './tags';

const admin = { authScopes: { admin: true } } as const;

const ReplicaStatus = builder.enumType('UserPoolReplicaStatus', { values: ['CREATING', 'ACTIVE', 'INACTIVE', 'DELETING'] as const });
const ReplicaSettableStatus = builder.enumType('UserPoolReplicaSettableStatus', {
  values: {
    ACTIVE: { description: 'The replica serves requests in its Region.' },
    INACTIVE: { description: 'The replica is kept in step but serves no requests.' },
  } as const,
});
const ReplicaRole = builder.enumType('UserPoolReplicaRole', {
  values: {
    PRIMARY: { description: 'The Region the pool was made in.' },
    SECONDARY: { description: 'A copy in another Region.' },
  } as const,
});

type Status = 'CREATING' | 'ACTIVE' | 'INACTIVE' | 'DELETING';
const statuses = new Set<string>(['CREATING', 'ACTIVE', 'INACTIVE', 'DELETING']);

export const UserPoolReplicaRef = builder.objectRef<UserPoolReplicaRecord>('UserPoolReplica').implement({
  description: 'The pool in one Region (multi-Region pools): a replica keeps the pool’s id, and is told apart by its Region.',
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    regionName: t.exposeString('regionName'),
    status: t.field({
      type: ReplicaStatus,
      nullable: true,
      resolve: (r) => (r.status !== null && statuses.has(r.status) ? (r.status as Status) : null),
    }),
    role: t.field({
      type: ReplicaRole,
      nullable: true,
      resolve: (r) => (r.role === 'PRIMARY' || r.role === 'SECONDARY' ? r.role : null),
    }),
    userPoolArn: t.exposeString('userPoolArn', { nullable: true, description: 'The pool’s ARN in the replica’s Region.' }),
    userPool: t.field({
      type: UserPoolRef,
      nullable: true,
      description: 'The pool this is a replica of, as this gateway’s Region sees it.',
      resolve: (r): UserPoolRecord => userPoolReference(r.userPoolId),
    }),
  }),
});

const UserPoolReplicaConnection = builder.connectionObject({ type: UserPoolReplicaRef, name: 'UserPoolReplicaConnection' });

builder.objectFields(UserPoolRef, (t) => ({
  replicas: t.connection(
    {
      ...admin,
      type: UserPoolReplicaRef,
      nullable: true,
      description: 'The pool’s Regions, its own (PRIMARY) and its replicas’ (ListUserPoolReplicas).',
      resolve: (pool, args, ctx) => listUserPoolReplicas(ctx, pool, args),
    },
    UserPoolReplicaConnection,
  ),
}));

const common: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'ResourceNotFoundException',
];

builder.relayMutationField(
  'createUserPoolReplica',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      regionName: t.string({ required: true, description: 'The Region to copy the pool to, such as eu-central-1.' }),
      tags: t.field({ type: [UserPoolTagInput], required: false, description: 'Tags of the replica, kept apart from the pool’s.' }),
    }),
  },
  {
    ...admin,
    description: 'Copies a pool to another Region (CreateUserPoolReplica); the replica is CREATING at first.',
    errors: { types: cognitoErrors(...common, 'FeatureUnavailableInTierException', 'LimitExceededException', 'UserPoolTaggingException') },
    resolve: (_, { input }, ctx) => createUserPoolReplica(ctx, input),
  },
  {
    outputFields: (t) => ({
      userPoolReplica: t.field({ type: UserPoolReplicaRef, resolve: (p) => p.userPoolReplica }),
      userPool: t.field({ type: UserPoolRef, nullable: true, resolve: (p): UserPoolRecord => p.userPool }),
    }),
  },
);

builder.relayMutationField(
  'updateUserPoolReplica',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      regionName: t.string({ required: true }),
      status: t.field({ type: ReplicaSettableStatus, required: true, description: 'The only setting of a replica.' }),
    }),
  },
  {
    ...admin,
    description: 'Turns a replica on or off (UpdateUserPoolReplica).',
    errors: { types: cognitoErrors(...common) },
    resolve: (_, { input }, ctx) => updateUserPoolReplica(ctx, input),
  },
  {
    outputFields: (t) => ({
      userPoolReplica: t.field({ type: UserPoolReplicaRef, resolve: (p) => p.userPoolReplica }),
      userPool: t.field({ type: UserPoolRef, nullable: true, resolve: (p): UserPoolRecord => p.userPool }),
    }),
  },
);

builder.relayMutationField(
  'deleteUserPoolReplica',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      regionName: t.string({ required: true }),
    }),
  },
  {
    ...admin,
    description: 'Deletes a pool’s replica in one Region (DeleteUserPoolReplica); it is DELETING until it is gone.',
    errors: { types: cognitoErrors(...common) },
    resolve: (_, { input }, ctx) => deleteUserPoolReplica(ctx, input),
  },
  {
    outputFields: (t) => ({
      deletedRegionName: t.exposeString('deletedRegionName'),
      userPoolReplica: t.field({ type: UserPoolReplicaRef, resolve: (p) => p.userPoolReplica }),
      userPool: t.field({ type: UserPoolRef, nullable: true, resolve: (p): UserPoolRecord => p.userPool }),
    }),
  },
);
