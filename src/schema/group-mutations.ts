import { encodeGlobalID } from '@pothos/plugin-relay';
import type { CognitoException } from '../domain/codes';
import { addUsersToGroup, disableUsers, enableUsers, removeUsersFromGroup, type BulkItemResult, type BulkResult } from '../resolvers/bulk';
import {
  adminAddUserToGroup,
  adminRemoveUserFromGroup,
  createGroup,
  deleteGroup,
  getGroup,
  updateGroup,
  type MembershipChange,
} from '../resolvers/groups';
import { getUser } from '../resolvers/users';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { joinKey } from './natural-keys';
import { GroupRef, UserRef } from './refs';

const admin = { authScopes: { admin: true } } as const;
const groupErrors: CognitoException[] = [
  'ResourceNotFoundException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'LimitExceededException',
];

function groupFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>, required: boolean) {
  return {
    userPoolId: t.string({ required: true }),
    groupName: t.string({ required: true }),
    description: t.string({ required: false }),
    precedence: t.int({ required: false, description: 'Lower wins when a user is in several groups with roles.' }),
    roleArn: t.string({ required: false, description: required ? 'IAM role for members (identity pools).' : 'Set to change the role.' }),
  };
}

builder.relayMutationField(
  'createGroup',
  { inputFields: (t) => groupFields(t, true) },
  {
    ...admin,
    description: 'Creates a group (CreateGroup).',
    errors: { types: cognitoErrors('GroupExistsException', ...groupErrors) },
    resolve: (_, { input }, ctx) => createGroup(ctx, input),
  },
  { outputFields: (t) => ({ group: t.field({ type: GroupRef, nullable: true, resolve: (p) => p.group }) }) },
);

builder.relayMutationField(
  'updateGroup',
  { inputFields: (t) => groupFields(t, false) },
  {
    ...admin,
    description:
      'Changes a group’s description, precedence or role; what is not given stays: the gateway sends the current values with the changes (GetGroup, UpdateGroup).',
    errors: { types: cognitoErrors(...groupErrors) },
    resolve: (_, { input }, ctx) => updateGroup(ctx, input),
  },
  { outputFields: (t) => ({ group: t.field({ type: GroupRef, nullable: true, resolve: (p) => p.group }) }) },
);

builder.relayMutationField(
  'deleteGroup',
  { inputFields: (t) => ({ userPoolId: t.string({ required: true }), groupName: t.string({ required: true }) }) },
  {
    ...admin,
    description: 'Deletes a group; its members stay users (DeleteGroup).',
    errors: { types: cognitoErrors(...groupErrors) },
    resolve: (_, { input }, ctx) => deleteGroup(ctx, input),
  },
  {
    outputFields: (t) => ({
      deletedGroupName: t.exposeString('deletedGroupName'),
      deletedGroupId: t.id({ resolve: (p) => encodeGlobalID('Group', joinKey(p.userPoolId, p.deletedGroupName)) }),
    }),
  },
);

const membershipFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  userPoolId: t.string({ required: true }),
  groupName: t.string({ required: true }),
  username: t.string({ required: true }),
});

/** The user and the group after the change, read afresh. */
const membershipPayloadFields = (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, MembershipChange>) => ({
  user: t.field({ type: UserRef, nullable: true, resolve: (p, _, ctx) => getUser(ctx, p.user) }),
  group: t.field({ type: GroupRef, nullable: true, resolve: (p, _, ctx) => getGroup(ctx, p.group) }),
});

const membershipErrors = cognitoErrors('UserNotFoundException', ...groupErrors);

builder.relayMutationField(
  'adminAddUserToGroup',
  { inputFields: membershipFields },
  {
    ...admin,
    description: 'Adds a user to a group (AdminAddUserToGroup).',
    errors: { types: membershipErrors },
    resolve: (_, { input }, ctx) => adminAddUserToGroup(ctx, input),
  },
  { outputFields: membershipPayloadFields },
);

builder.relayMutationField(
  'adminRemoveUserFromGroup',
  { inputFields: membershipFields },
  {
    ...admin,
    description: 'Removes a user from a group (AdminRemoveUserFromGroup).',
    errors: { types: membershipErrors },
    resolve: (_, { input }, ctx) => adminRemoveUserFromGroup(ctx, input),
  },
  { outputFields: membershipPayloadFields },
);

// Bulk mutations: one result per user, in the order given; a failure never hides another item.

const BulkFailure = builder.objectRef<NonNullable<BulkItemResult['error']>>('BulkFailure').implement({
  description: 'Why one item of a bulk mutation failed.',
  fields: (t) => ({ code: t.exposeString('code'), message: t.exposeString('message') }),
});

const BulkItem = builder.objectRef<BulkItemResult>('BulkUserResult').implement({
  fields: (t) => ({
    username: t.exposeString('username'),
    succeeded: t.exposeBoolean('succeeded'),
    error: t.field({ type: BulkFailure, nullable: true, resolve: (item) => item.error }),
  }),
});

function bulkPayloadFields(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, BulkResult>) {
  return {
    results: t.field({ type: [BulkItem], resolve: (result) => result.results }),
    succeeded: t.exposeInt('succeeded'),
    failed: t.exposeInt('failed'),
  };
}

const bulkMembershipFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  userPoolId: t.string({ required: true }),
  groupName: t.string({ required: true }),
  usernames: t.stringList({ required: true }),
});

const bulkUsersFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  userPoolId: t.string({ required: true }),
  usernames: t.stringList({ required: true }),
});

builder.relayMutationField(
  'addUsersToGroup',
  { inputFields: bulkMembershipFields },
  {
    ...admin,
    description: 'Adds up to 100 users to a group, reporting each one.',
    errors: {},
    resolve: (_, { input }, ctx) => addUsersToGroup(ctx, input),
  },
  { outputFields: bulkPayloadFields },
);

builder.relayMutationField(
  'removeUsersFromGroup',
  { inputFields: bulkMembershipFields },
  {
    ...admin,
    description: 'Removes up to 100 users from a group, reporting each one.',
    errors: {},
    resolve: (_, { input }, ctx) => removeUsersFromGroup(ctx, input),
  },
  { outputFields: bulkPayloadFields },
);

builder.relayMutationField(
  'enableUsers',
  { inputFields: bulkUsersFields },
  {
    ...admin,
    description: 'Enables up to 100 users, reporting each one.',
    errors: {},
    resolve: (_, { input }, ctx) => enableUsers(ctx, input),
  },
  { outputFields: bulkPayloadFields },
);

builder.relayMutationField(
  'disableUsers',
  { inputFields: bulkUsersFields },
  {
    ...admin,
    description: 'Disables up to 100 users, reporting each one.',
    errors: {},
    resolve: (_, { input }, ctx) => disableUsers(ctx, input),
  },
  { outputFields: bulkPayloadFields },
);
