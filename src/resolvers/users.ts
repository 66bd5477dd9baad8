import { listConnection, mapConnection, type Connection, type ConnectionArgs } from '../cognito/connection';
import { primeGroups, primeUsers } from '../cognito/loaders';
import { groupFromCognito, userFromListItem, type GroupKey, type GroupRecord, type MfaRecord, type UserKey, type UserRecord } from '../cognito/records';
import type { GatewayContext } from '../context';
import { nullIfNotFound } from './lookup';
import { buildUserFilter, type UserFilterInput } from './user-filter';
import { checkIdentifier } from './validate';

export async function listUsers(
  ctx: GatewayContext,
  userPoolId: string,
  filter: UserFilterInput | null | undefined,
  args: ConnectionArgs,
): Promise<Connection<UserRecord>> {
  checkIdentifier('userPoolId', userPoolId);
  const Filter = buildUserFilter(filter);
  const page = await listConnection(ctx.call, ctx.paging, 'ListUsers', { UserPoolId: userPoolId, ...(Filter ? { Filter } : {}) }, args);
  return primedUsers(ctx, mapConnection(page, (user) => userFromListItem(userPoolId, user)));
}

export async function listGroupMembers(ctx: GatewayContext, group: GroupKey, args: ConnectionArgs): Promise<Connection<UserRecord>> {
  const page = await listConnection(ctx.call, ctx.paging, 'ListUsersInGroup', { UserPoolId: group.userPoolId, GroupName: group.name }, args);
  return primedUsers(ctx, mapConnection(page, (user) => userFromListItem(group.userPoolId, user)));
}

export async function listGroupsOfUser(ctx: GatewayContext, user: UserKey, args: ConnectionArgs): Promise<Connection<GroupRecord>> {
  const page = await listConnection(ctx.call, ctx.paging, 'AdminListGroupsForUser', { UserPoolId: user.userPoolId, Username: user.username }, args);
  const connection = mapConnection(page, (group) => groupFromCognito(group, user.userPoolId));
  primeGroups(ctx.loaders, connection.edges.map((edge) => edge.node));
  return connection;
}

export async function getUser(ctx: GatewayContext, key: UserKey): Promise<UserRecord | null> {
  checkIdentifier('userPoolId', key.userPoolId);
  checkIdentifier('username', key.username);
  return nullIfNotFound(ctx.loaders.user.load(key));
}

/** MFA settings are not in list summaries: only they make a listed user cost an AdminGetUser. */
export async function userMfa(ctx: GatewayContext, user: UserRecord): Promise<MfaRecord> {
  if (user.mfa) return user.mfa;
  const detail = await ctx.loaders.userDetail.load({ userPoolId: user.userPoolId, username: user.username });
  return detail.mfa ?? { preferredSetting: null, enabledSettings: [] };
}

function primedUsers(ctx: GatewayContext, connection: Connection<UserRecord>): Connection<UserRecord> {
  primeUsers(ctx.loaders, connection.edges.map((edge) => edge.node));
  return connection;
}
