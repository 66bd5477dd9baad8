import type { ConnectionArgs } from '../cognito/connection';
import type { GroupKey, UserKey } from '../cognito/records';
import type { GatewayContext } from '../context';
import { listClients } from '../resolvers/clients';
import { listUserDevices } from '../resolvers/devices';
import { listGroups } from '../resolvers/groups';
import { listImportJobs } from '../resolvers/import-jobs';
import type { UserFilterInput } from '../resolvers/user-filter';
import { listGroupMembers, listGroupsOfUser, listUsers } from '../resolvers/users';
import type { ListReader } from './prefetch';
import { selectsCursors, wantsGroupsWithoutCursors, type SelectionView } from './selection';

/**
 * The list fields of each type that a lookup by key starts early (schema/prefetch.ts). Each is
 * also its field's resolver, so both read with the same arguments and share one read.
 */
export const userPoolLists = {
  users: (
    pool: { userPoolId: string },
    args: ConnectionArgs & { filter?: UserFilterInput | null },
    ctx: GatewayContext,
    view: SelectionView,
  ) => listUsers(ctx, pool.userPoolId, args.filter, args, { groupsWithoutCursors: wantsGroupsWithoutCursors(view) }),
  groups: (pool: { userPoolId: string }, args: ConnectionArgs, ctx: GatewayContext) => listGroups(ctx, pool.userPoolId, args),
  clients: (pool: { userPoolId: string }, args: ConnectionArgs, ctx: GatewayContext) => listClients(ctx, pool.userPoolId, args),
  importJobs: (pool: { userPoolId: string }, args: ConnectionArgs, ctx: GatewayContext) => listImportJobs(ctx, pool.userPoolId, args),
} satisfies Record<string, ListReader<{ userPoolId: string }>>;

export const groupLists = {
  members: (group: GroupKey, args: ConnectionArgs, ctx: GatewayContext, view: SelectionView) =>
    listGroupMembers(ctx, group, args, { groupsWithoutCursors: wantsGroupsWithoutCursors(view) }),
} satisfies Record<string, ListReader<GroupKey>>;

export const userLists = {
  groups: (user: UserKey, args: ConnectionArgs, ctx: GatewayContext, view: SelectionView) =>
    listGroupsOfUser(ctx, user, args, { cursors: selectsCursors(view) }),
  devices: (user: UserKey, args: ConnectionArgs, ctx: GatewayContext) => listUserDevices(ctx, user, args),
} satisfies Record<string, ListReader<UserKey>>;
