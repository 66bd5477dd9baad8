import { parseUserPoolReplica } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { checkIdentifier } from '../domain/identifiers';
import type { TagRecord, UserPoolReplicaRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { checkedTagMap } from './tags';
import { userPoolReference } from './user-pools';

/**
 * A pool's replicas (multi-Region pools): its copies in other Regions, and its own entry (the
 * PRIMARY) as Cognito lists it. A replica keeps the pool's id; its Region tells it apart.
 */
export async function listUserPoolReplicas(
  ctx: GatewayContext,
  pool: { userPoolId: string },
  args: ConnectionArgs,
): Promise<RelayConnection<UserPoolReplicaRecord>> {
  const UserPoolId = checkIdentifier('userPoolId', pool.userPoolId);
  return listRecords(ctx, 'ListUserPoolReplicas', { UserPoolId }, args, (replica) => parseUserPoolReplica(UserPoolId, replica));
}

function replicaTarget(input: { userPoolId: string; regionName: string }) {
  return {
    UserPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId'),
    RegionName: checkIdentifier('regionName', input.regionName, 'input.regionName'),
  };
}

function replicaPayload(userPoolId: string, replica: Parameters<typeof parseUserPoolReplica>[1]) {
  return { userPoolReplica: parseUserPoolReplica(userPoolId, replica), userPool: userPoolReference(userPoolId) };
}

export async function createUserPoolReplica(
  ctx: GatewayContext,
  input: { userPoolId: string; regionName: string; tags?: TagRecord[] | null },
) {
  const target = replicaTarget(input);
  const UserPoolTags = input.tags?.length ? checkedTagMap(input.tags, 'input.tags') : undefined;
  const output = await ctx.call('CreateUserPoolReplica', { ...target, ...(UserPoolTags ? { UserPoolTags } : {}) });
  return replicaPayload(target.UserPoolId, output.UserPoolReplica);
}

/**
 * UpdateUserPoolReplica takes the replica's status and nothing else, and always needs it: there
 * is nothing the caller could leave out for the gateway to carry over.
 */
export async function updateUserPoolReplica(
  ctx: GatewayContext,
  input: { userPoolId: string; regionName: string; status: 'ACTIVE' | 'INACTIVE' },
) {
  const target = replicaTarget(input);
  const output = await ctx.call('UpdateUserPoolReplica', { ...target, Status: input.status });
  return replicaPayload(target.UserPoolId, output.UserPoolReplica);
}

/** Deleting a replica takes time: Cognito answers it DELETING, and lists it until it is gone. */
export async function deleteUserPoolReplica(ctx: GatewayContext, input: { userPoolId: string; regionName: string }) {
  const target = replicaTarget(input);
  const output = await ctx.call('DeleteUserPoolReplica', target);
  return { ...replicaPayload(target.UserPoolId, output.UserPoolReplica), deletedRegionName: target.RegionName };
}
