import { orderedListConnection } from '../cognito/connection';
import { connectionBinding } from '../cognito/cursor';
import { MIN_USERS_FOR_MEMBERSHIP_INDEX, primeGroups, primeUsers } from '../cognito/loaders';
import { parseUser } from '../cognito/parse';
import { forRelay, type ConnectionArgs, type RelayConnection } from '../domain/connection';
import { invalidInput } from '../domain/gateway-error';
import { checkAttributes, checkIdentifier, type AttributeInput } from '../domain/identifiers';
import type { GroupKey, UserKey } from '../domain/keys';
import type { GroupRecord, MfaRecord, UserRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { nullIfNotFound } from './lookup';
import { buildUserFilter, type UserFilterInput } from './user-filter';

/** What the query will ask of the listed users, so that slow reads can start early. */
export interface ListHints {
  /** Their groups: the pool's groups are read alongside the list (membership.ts). */
  groups?: boolean;
}

/**
 * Reads a list of users (`read`); when the query will ask for their groups, those reads start
 * early: the pool's groups alongside the list (when enough users may want theirs), and the users'
 * own groups as soon as the list is in, rather than after every field above the list has resolved.
 */
async function withGroupsStarted(
  ctx: GatewayContext,
  userPoolId: string,
  args: ConnectionArgs,
  hints: ListHints,
  read: () => Promise<RelayConnection<UserRecord>>,
): Promise<RelayConnection<UserRecord>> {
  const startGroups = hints.groups === true;
  if (startGroups && (args.first ?? ctx.paging.defaultSize) >= MIN_USERS_FOR_MEMBERSHIP_INDEX) {
    ctx.loaders.readAhead(() => ctx.loaders.poolGroups.load(userPoolId));
  }
  const users = await read();
  if (startGroups) {
    for (const { node } of users.edges) {
      ctx.loaders.readAhead(() => ctx.loaders.groupsOfUser.load({ userPoolId: node.userPoolId, username: node.username }));
    }
  }
  return users;
}

export async function listUsers(
  ctx: GatewayContext,
  userPoolId: string,
  filter: UserFilterInput | null | undefined,
  args: ConnectionArgs,
  hints: ListHints = {},
): Promise<RelayConnection<UserRecord>> {
  checkIdentifier('userPoolId', userPoolId);
  const Filter = buildUserFilter(filter);
  const input = { UserPoolId: userPoolId, ...(Filter ? { Filter } : {}) };
  return withGroupsStarted(ctx, userPoolId, args, hints, () =>
    listRecords(ctx, 'ListUsers', input, args, (user) => parseUser(userPoolId, user), primeUsers),
  );
}

export function listGroupMembers(
  ctx: GatewayContext,
  group: GroupKey,
  args: ConnectionArgs,
  hints: ListHints = {},
): Promise<RelayConnection<UserRecord>> {
  const input = { UserPoolId: group.userPoolId, GroupName: group.name };
  return withGroupsStarted(ctx, group.userPoolId, args, hints, () =>
    listRecords(ctx, 'ListUsersInGroup', input, args, (user) => parseUser(group.userPoolId, user), primeUsers),
  );
}

/**
 * A user's groups, in group-name order however they are read: pool-wide when many users' groups
 * are asked together and that costs fewer calls, else with AdminListGroupsForUser (loaders.ts).
 * A user is in at most 100 groups, so they are read whole and paged here, by name.
 */
export async function listGroupsOfUser(ctx: GatewayContext, user: UserKey, args: ConnectionArgs): Promise<RelayConnection<GroupRecord>> {
  const groups = await ctx.loaders.groupsOfUser.load({ userPoolId: user.userPoolId, username: user.username });
  primeGroups(ctx.loaders, groups);
  // Worked out only when a cursor is read or given: most queries of many users' groups use none.
  const binding = () => connectionBinding('GroupsOfUser', { UserPoolId: user.userPoolId, Username: user.username });
  return forRelay(orderedListConnection(groups, (group) => group.name, args, ctx.paging, binding));
}

/** `alongside` runs once the key is checked, before the read: see schema/prefetch.ts. */
export async function getUser(ctx: GatewayContext, key: UserKey, alongside?: () => void): Promise<UserRecord | null> {
  checkIdentifier('userPoolId', key.userPoolId);
  checkIdentifier('username', key.username);
  alongside?.();
  return nullIfNotFound(ctx.loaders.user.load(key));
}

/** MFA settings are not in list summaries: only they make a listed user cost an AdminGetUser. */
export async function userMfa(ctx: GatewayContext, user: UserRecord): Promise<MfaRecord> {
  if (user.mfa) return user.mfa;
  const detail = await ctx.loaders.userDetail.load({ userPoolId: user.userPoolId, username: user.username });
  return detail.mfa ?? { preferredSetting: null, enabledSettings: [] };
}

// ---------------------------------------------------------------------------------------------
// Administration. Each write names its user by (userPoolId, username), checked before the call;
// the call path then drops what the request had loaded, so payloads read the user afresh.
// ---------------------------------------------------------------------------------------------

export interface UserTargetInput {
  userPoolId: string;
  username: string;
}

export function userTarget(input: UserTargetInput) {
  return {
    UserPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId'),
    Username: checkIdentifier('username', input.username, 'input.username'),
  };
}

type PlainUserWrite = 'AdminDisableUser' | 'AdminEnableUser' | 'AdminConfirmSignUp' | 'AdminResetUserPassword' | 'AdminUserGlobalSignOut';

/** A write whose whole input is the user it acts on. */
async function plainUserWrite(ctx: GatewayContext, operation: PlainUserWrite, input: UserTargetInput): Promise<UserKey> {
  await ctx.call(operation, userTarget(input));
  return { userPoolId: input.userPoolId, username: input.username };
}

export const adminDisableUser = (ctx: GatewayContext, input: UserTargetInput) => plainUserWrite(ctx, 'AdminDisableUser', input);
export const adminEnableUser = (ctx: GatewayContext, input: UserTargetInput) => plainUserWrite(ctx, 'AdminEnableUser', input);
export const adminConfirmSignUp = (ctx: GatewayContext, input: UserTargetInput) => plainUserWrite(ctx, 'AdminConfirmSignUp', input);
export const adminResetUserPassword = (ctx: GatewayContext, input: UserTargetInput) => plainUserWrite(ctx, 'AdminResetUserPassword', input);
export const adminUserGlobalSignOut = (ctx: GatewayContext, input: UserTargetInput) => plainUserWrite(ctx, 'AdminUserGlobalSignOut', input);

export async function adminDeleteUser(ctx: GatewayContext, input: UserTargetInput) {
  await ctx.call('AdminDeleteUser', userTarget(input));
  return { deletedUsername: input.username, userPoolId: input.userPoolId };
}

export interface AdminCreateUserInput extends UserTargetInput {
  attributes?: AttributeInput[] | null;
  temporaryPassword?: string | null;
  messageAction?: 'RESEND' | 'SUPPRESS' | null;
  desiredDeliveryMediums?: ('SMS' | 'EMAIL')[] | null;
  forceAliasCreation?: boolean | null;
}

export async function adminCreateUser(ctx: GatewayContext, input: AdminCreateUserInput): Promise<{ user: UserRecord | null }> {
  const target = userTarget(input);
  const output = await ctx.call('AdminCreateUser', {
    ...target,
    UserAttributes: checkAttributes(input.attributes ?? [], 'input.attributes'),
    ...(input.temporaryPassword != null
      ? { TemporaryPassword: checkIdentifier('password', input.temporaryPassword, 'input.temporaryPassword') }
      : {}),
    ...(input.messageAction ? { MessageAction: input.messageAction } : {}),
    ...(input.desiredDeliveryMediums?.length ? { DesiredDeliveryMediums: input.desiredDeliveryMediums } : {}),
    ...(input.forceAliasCreation != null ? { ForceAliasCreation: input.forceAliasCreation } : {}),
  });
  return { user: output.User ? parseUser(input.userPoolId, output.User) : null };
}

export async function adminUpdateUserAttributes(
  ctx: GatewayContext,
  input: UserTargetInput & { attributes: AttributeInput[] },
): Promise<UserKey> {
  if (input.attributes.length === 0) throw invalidInput('input.attributes', 'must name at least one attribute');
  await ctx.call('AdminUpdateUserAttributes', {
    ...userTarget(input),
    UserAttributes: checkAttributes(input.attributes, 'input.attributes'),
  });
  return { userPoolId: input.userPoolId, username: input.username };
}

export async function adminDeleteUserAttributes(ctx: GatewayContext, input: UserTargetInput & { names: string[] }): Promise<UserKey> {
  if (input.names.length === 0) throw invalidInput('input.names', 'must name at least one attribute');
  input.names.forEach((name, index) => checkIdentifier('attributeName', name, `input.names[${index}]`));
  await ctx.call('AdminDeleteUserAttributes', { ...userTarget(input), UserAttributeNames: input.names });
  return { userPoolId: input.userPoolId, username: input.username };
}

export async function adminSetUserPassword(
  ctx: GatewayContext,
  input: UserTargetInput & { password: string; permanent: boolean },
): Promise<UserKey> {
  const Password = checkIdentifier('password', input.password, 'input.password');
  await ctx.call('AdminSetUserPassword', { ...userTarget(input), Password, Permanent: input.permanent });
  return { userPoolId: input.userPoolId, username: input.username };
}

export async function adminSetUserSettings(
  ctx: GatewayContext,
  input: UserTargetInput & { mfaOptions: { deliveryMedium: 'SMS' | 'EMAIL'; attributeName: string }[] },
): Promise<UserKey> {
  input.mfaOptions.forEach((option, index) =>
    checkIdentifier('attributeName', option.attributeName, `input.mfaOptions[${index}].attributeName`),
  );
  await ctx.call('AdminSetUserSettings', {
    ...userTarget(input),
    MFAOptions: input.mfaOptions.map((option) => ({ DeliveryMedium: option.deliveryMedium, AttributeName: option.attributeName })),
  });
  return { userPoolId: input.userPoolId, username: input.username };
}
