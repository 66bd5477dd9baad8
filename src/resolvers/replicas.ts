import { parseUserPoolReplica } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { UserPoolReplicaRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
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

export interface TagInput {
  key: string;
  value?: string | null;
}

/** UserPoolTagsType: at most 50 tags, keys of 1 to 128 characters, values of at most 256. */
function tagMap(tags: readonly TagInput[], field: string): Record<string, string> {
  if (tags.length > 50) throw invalidInput(field, 'must hold at most 50 tags');
  const map: Record<string, string> = {};
  tags.forEach(({ key, value }, index) => {
    if (key.length < 1 || key.length > 128) throw invalidInput(`${field}[${index}].key`, 'must be 1 to 128 characters');
    if (value != null && value.length > 256) throw invalidInput(`${field}[${index}].value`, 'must be at most 256 characters');
    if (Object.hasOwn(map, key)) throw invalidInput(`${field}[${index}].key`, `${key} is given twice`);
    map[key] = value ?? '';
  });
  return map;
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
  input: { userPoolId: string; regionName: string; tags?: TagInput[] | null },
) {
  const target = replicaTarget(input);
  const UserPoolTags = input.tags ? tagMap(input.tags, 'input.tags') : undefined;
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
