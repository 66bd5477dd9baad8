import { requireAdministrator } from '../auth/refusal';
import { primeUsers } from '../cognito/loaders';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { ClientRecord, GroupRecord, UserPoolRecord, UserRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { getClient } from './clients';
import { getGroup } from './groups';
import { getUserPool } from './user-pools';
import { getUser } from './users';
// Identity providers and resource servers (issue 17)
import type { IdentityProviderRecord, ResourceServerRecord } from '../domain/records';
import { getIdentityProvider } from './identity-providers';
import { getResourceServer } from './resource-servers';

/**
 * Federation: other subgraphs hand the router representations of our entities, which it resolves
 * through `_entities`. No field scope guards that root field, so each resolver checks the caller
 * first: an entity fetch is an administrative read like any other, and is refused before any call.
 * Everything goes through the request's loaders: duplicates cost nothing, and 50 users cost what
 * 50 lookups by key cost.
 */
export interface UserRepresentation {
  sub?: string | null;
  userPoolId?: string | null;
  username?: string | null;
}

export async function resolveUserReference(ctx: GatewayContext, ref: UserRepresentation): Promise<UserRecord | null> {
  requireAdministrator(ctx.caller);
  if (ref.userPoolId && ref.username) return getUser(ctx, { userPoolId: ref.userPoolId, username: ref.username });
  if (!ref.sub) throw invalidInput('representations', 'a User needs sub, or userPoolId and username');
  const sub = checkIdentifier('attributeValue', ref.sub, 'representations.sub');
  const userPoolIds = ref.userPoolId ? [checkIdentifier('userPoolId', ref.userPoolId, 'representations.userPoolId')] : ctx.subLookupPools;
  if (userPoolIds.length === 0)
    throw invalidInput('representations', 'the gateway is configured with no pool to find a user by sub in (FEDERATION_USER_POOLS)');
  const user = await ctx.loaders.userBySub.load({ sub, userPoolIds });
  if (user) primeUsers(ctx.loaders, [user]);
  return user;
}

export async function resolveUserPoolReference(ctx: GatewayContext, ref: { userPoolId: string }): Promise<UserPoolRecord | null> {
  requireAdministrator(ctx.caller);
  return getUserPool(ctx, ref.userPoolId);
}

export async function resolveGroupReference(ctx: GatewayContext, ref: { userPoolId: string; name: string }): Promise<GroupRecord | null> {
  requireAdministrator(ctx.caller);
  return getGroup(ctx, ref);
}

export async function resolveClientReference(
  ctx: GatewayContext,
  ref: { userPoolId: string; clientId: string },
): Promise<ClientRecord | null> {
  requireAdministrator(ctx.caller);
  return getClient(ctx, ref);
}

export async function resolveIdentityProviderReference(
  ctx: GatewayContext,
  ref: { userPoolId: string; providerName: string },
): Promise<IdentityProviderRecord | null> {
  requireAdministrator(ctx.caller);
  return getIdentityProvider(ctx, ref);
}

export async function resolveResourceServerReference(
  ctx: GatewayContext,
  ref: { userPoolId: string; identifier: string },
): Promise<ResourceServerRecord | null> {
  requireAdministrator(ctx.caller);
  return getResourceServer(ctx, ref);
}
