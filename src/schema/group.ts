import type { ConnectionArgs } from '../domain/connection';
import { loadGroupNodes } from '../resolvers/nodes';
import type { GroupKey } from '../domain/keys';
import type { GatewayContext } from '../resolvers/context';
import { getGroup } from '../resolvers/groups';
import { userPoolReference } from '../resolvers/user-pools';
import { listGroupMembers } from '../resolvers/users';
import { builder } from './builder';
import { joinKey } from './natural-keys';
import { startSelectedLists, type ListReader } from './prefetch';
import { GroupRef, UserConnection, UserPoolRef, UserRef } from './refs';
import { wantsUsersGroups, type SelectionView } from './selection';

/**
 * The lists of a group that a lookup of the group starts alongside its own read (prefetch.ts);
 * the field below reads through the same function, so both are one read.
 */
const groupLists = {
  members: (group: GroupKey, args: ConnectionArgs, ctx: GatewayContext, view: SelectionView) =>
    listGroupMembers(ctx, group, args, { groups: wantsUsersGroups(view) }),
} satisfies Record<string, ListReader<GroupKey>>;

builder.node(GroupRef, {
  loadMany: loadGroupNodes,
  authScopes: { admin: true },
  description: 'A group of users in a pool, known by (userPoolId, name).',
  id: { resolve: (group) => joinKey(group.userPoolId, group.name) },
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    name: t.exposeString('name'),
    description: t.string({ nullable: true, resolve: (group) => group.description }),
    precedence: t.int({
      nullable: true,
      description: 'Lower wins when a user is in several groups with roles.',
      resolve: (group) => group.precedence,
    }),
    roleArn: t.string({ nullable: true, resolve: (group) => group.roleArn }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (group) => group.createdAt }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (group) => group.updatedAt }),
    pool: t.field({ type: UserPoolRef, nullable: true, resolve: (group) => userPoolReference(group.userPoolId) }),
    members: t.connection(
      {
        type: UserRef,
        nullable: true,
        description: 'Users in the group.',
        resolve: groupLists.members,
      },
      UserConnection,
    ),
  }),
});

builder.objectFields(UserPoolRef, (t) => ({
  group: t.field({
    type: GroupRef,
    nullable: true,
    description: 'A group of this pool by name; null when there is none.',
    args: { name: t.arg.string({ required: true }) },
    resolve: (pool, args, ctx, info) => {
      const key = { userPoolId: pool.userPoolId, name: args.name };
      return getGroup(ctx, key, () => startSelectedLists(info, key, ctx, groupLists));
    },
  }),
}));

builder.queryFields((t) => ({
  group: t.field({
    authScopes: { admin: true },
    type: GroupRef,
    nullable: true,
    description: 'A group by pool and name; null when there is none.',
    args: { userPoolId: t.arg.string({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_, args, ctx, info) => getGroup(ctx, args, () => startSelectedLists(info, args, ctx, groupLists)),
  }),
}));
