import { primeGroups } from '../cognito/loaders';
import { parseGroup } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { checkIdentifier, checkRange } from '../domain/identifiers';
import type { GroupKey, UserKey } from '../domain/keys';
import type { GroupRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { nullIfNotFound } from './lookup';

export async function listGroups(ctx: GatewayContext, userPoolId: string, args: ConnectionArgs): Promise<RelayConnection<GroupRecord>> {
  return listRecords(ctx, 'ListGroups', { UserPoolId: userPoolId }, args, (group) => parseGroup(userPoolId, group), primeGroups);
}

/** `alongside` runs once the key is checked, before the read: see schema/prefetch.ts. */
export async function getGroup(ctx: GatewayContext, key: GroupKey, alongside?: () => void): Promise<GroupRecord | null> {
  checkIdentifier('userPoolId', key.userPoolId);
  checkIdentifier('groupName', key.name, 'name');
  alongside?.();
  return nullIfNotFound(ctx.loaders.group.load(key));
}

export interface GroupInput {
  userPoolId: string;
  groupName: string;
  description?: string | null;
  precedence?: number | null;
  roleArn?: string | null;
}

function groupFields(input: GroupInput) {
  return {
    UserPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId'),
    GroupName: checkIdentifier('groupName', input.groupName, 'input.groupName'),
    ...(input.description != null ? { Description: checkIdentifier('description', input.description, 'input.description') } : {}),
    ...(input.precedence != null ? { Precedence: checkRange(input.precedence, 0, 2 ** 31 - 1, 'input.precedence') } : {}),
    ...(input.roleArn != null ? { RoleArn: checkIdentifier('roleArn', input.roleArn, 'input.roleArn') } : {}),
  };
}

export async function createGroup(ctx: GatewayContext, input: GroupInput): Promise<{ group: GroupRecord | null }> {
  const output = await ctx.call('CreateGroup', groupFields(input));
  return { group: output.Group ? parseGroup(input.userPoolId, output.Group) : null };
}

/**
 * Changes only what the input sets. Cognito does not document whether UpdateGroup keeps a setting
 * it is not given, so the gateway sends all three: the group's current ones with the changes on top.
 */
export async function updateGroup(ctx: GatewayContext, input: GroupInput): Promise<{ group: GroupRecord | null }> {
  const changes = groupFields(input);
  const current = await ctx.loaders.group.load({ userPoolId: input.userPoolId, name: input.groupName });
  const output = await ctx.call('UpdateGroup', {
    ...(current.description !== undefined ? { Description: current.description } : {}),
    ...(current.precedence !== undefined ? { Precedence: current.precedence } : {}),
    ...(current.roleArn !== undefined ? { RoleArn: current.roleArn } : {}),
    ...changes,
  });
  return { group: output.Group ? parseGroup(input.userPoolId, output.Group) : null };
}

export async function deleteGroup(ctx: GatewayContext, input: { userPoolId: string; groupName: string }) {
  await ctx.call('DeleteGroup', {
    UserPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId'),
    GroupName: checkIdentifier('groupName', input.groupName, 'input.groupName'),
  });
  return { userPoolId: input.userPoolId, deletedGroupName: input.groupName };
}

export interface MembershipInput {
  userPoolId: string;
  groupName: string;
  username: string;
}

export function membershipTarget(input: MembershipInput, field = 'input') {
  return {
    UserPoolId: checkIdentifier('userPoolId', input.userPoolId, `${field}.userPoolId`),
    GroupName: checkIdentifier('groupName', input.groupName, `${field}.groupName`),
    Username: checkIdentifier('username', input.username, `${field}.username`),
  };
}

export interface MembershipChange {
  user: UserKey;
  group: GroupKey;
}

async function changeMembership(
  ctx: GatewayContext,
  operation: 'AdminAddUserToGroup' | 'AdminRemoveUserFromGroup',
  input: MembershipInput,
): Promise<MembershipChange> {
  await ctx.call(operation, membershipTarget(input));
  return {
    user: { userPoolId: input.userPoolId, username: input.username },
    group: { userPoolId: input.userPoolId, name: input.groupName },
  };
}

export const adminAddUserToGroup = (ctx: GatewayContext, input: MembershipInput) => changeMembership(ctx, 'AdminAddUserToGroup', input);

export const adminRemoveUserFromGroup = (ctx: GatewayContext, input: MembershipInput) =>
  changeMembership(ctx, 'AdminRemoveUserFromGroup', input);
