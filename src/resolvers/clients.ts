import { listConnection, mapConnection, type Connection, type ConnectionArgs } from '../cognito/connection';
import type { ClientKey, ClientRecord, RedactedClient } from '../cognito/records';
import type { GatewayContext } from '../context';
import { nullIfNotFound } from './lookup';
import { checkIdentifier } from './validate';

export async function listClients(ctx: GatewayContext, userPoolId: string, args: ConnectionArgs): Promise<Connection<ClientRecord>> {
  const page = await listConnection(ctx.call, ctx.paging, 'ListUserPoolClients', { UserPoolId: userPoolId }, args);
  return mapConnection(page, (summary) => ({ userPoolId, clientId: summary.ClientId ?? '', summary }));
}

export async function getClient(ctx: GatewayContext, key: ClientKey): Promise<ClientRecord | null> {
  checkIdentifier('userPoolId', key.userPoolId);
  checkIdentifier('clientId', key.clientId);
  const detail = await nullIfNotFound(ctx.loaders.client.load(key));
  return detail ? { ...key, detail } : null;
}

export async function clientDetail(ctx: GatewayContext, client: ClientRecord): Promise<RedactedClient> {
  return client.detail ?? ctx.loaders.client.load({ userPoolId: client.userPoolId, clientId: client.clientId });
}

/** The name is all a ListUserPoolClients summary carries; it costs no DescribeUserPoolClient. */
export async function clientName(ctx: GatewayContext, client: ClientRecord): Promise<string | undefined> {
  return client.summary?.ClientName ?? (await clientDetail(ctx, client)).ClientName;
}
