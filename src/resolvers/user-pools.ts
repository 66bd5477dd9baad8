import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { listConnection, mapConnection, type Connection, type ConnectionArgs } from '../cognito/connection';
import type { UserPoolRecord } from '../cognito/records';
import type { GatewayContext } from '../context';
import { nullIfNotFound } from './lookup';
import { checkIdentifier } from './validate';

export async function listUserPools(ctx: GatewayContext, args: ConnectionArgs): Promise<Connection<UserPoolRecord>> {
  const page = await listConnection(ctx.call, ctx.paging, 'ListUserPools', {}, args);
  return mapConnection(page, (summary) => ({ userPoolId: summary.Id ?? '', summary }));
}

export async function getUserPool(ctx: GatewayContext, userPoolId: string): Promise<UserPoolRecord | null> {
  checkIdentifier('userPoolId', userPoolId);
  const detail = await nullIfNotFound(ctx.loaders.userPool.load(userPoolId));
  return detail ? { userPoolId, detail } : null;
}

/** A pool known only by id (a user's pool, say): its fields load the description on demand. */
export function userPoolReference(userPoolId: string): UserPoolRecord {
  return { userPoolId };
}

export async function userPoolDetail(ctx: GatewayContext, pool: UserPoolRecord): Promise<UserPoolType> {
  return pool.detail ?? ctx.loaders.userPool.load(pool.userPoolId);
}

type SummaryField = 'Name' | 'CreationDate' | 'LastModifiedDate' | 'LambdaConfig';

/** Fields a ListUserPools summary carries are served from it; no DescribeUserPool for them. */
export async function userPoolSummaryField<Field extends SummaryField>(
  ctx: GatewayContext,
  pool: UserPoolRecord,
  field: Field,
): Promise<UserPoolType[Field]> {
  if (pool.summary) return pool.summary[field];
  return (await userPoolDetail(ctx, pool))[field];
}
