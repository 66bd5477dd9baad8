import { listConnection, mapConnection, type Connection, type ConnectionArgs } from '../cognito/connection';
import { primeGroups } from '../cognito/loaders';
import { groupFromCognito, type GroupKey, type GroupRecord } from '../cognito/records';
import type { GatewayContext } from '../context';
import { nullIfNotFound } from './lookup';
import { checkIdentifier } from './validate';

export async function listGroups(ctx: GatewayContext, userPoolId: string, args: ConnectionArgs): Promise<Connection<GroupRecord>> {
  const page = await listConnection(ctx.call, ctx.paging, 'ListGroups', { UserPoolId: userPoolId }, args);
  const connection = mapConnection(page, (group) => groupFromCognito(group, userPoolId));
  primeGroups(ctx.loaders, connection.edges.map((edge) => edge.node));
  return connection;
}

export async function getGroup(ctx: GatewayContext, key: GroupKey): Promise<GroupRecord | null> {
  checkIdentifier('userPoolId', key.userPoolId);
  checkIdentifier('groupName', key.name, 'name');
  return nullIfNotFound(ctx.loaders.group.load(key));
}
