import { invalidInput } from '../domain/gateway-error';
import type { ClientRecord, DeviceRecord, GroupRecord, ImportJobRecord, UserPoolRecord, UserRecord } from '../domain/records';
import { getClient } from './clients';
import type { GatewayContext } from './context';
import { getUserDevice } from './devices';
import { getGroup } from './groups';
import { getImportJob } from './import-jobs';
import { getUserPool } from './user-pools';
import { getUser } from './users';
// Identity providers and resource servers (issue 17)
import type { IdentityProviderRecord, ResourceServerRecord } from '../domain/records';
import { getIdentityProvider } from './identity-providers';
import { getResourceServer } from './resource-servers';

/**
 * Relay's `node(id:)` and `nodes(ids:)`: a global id names a type and the natural key of one of its
 * things, and each is found through the request's loaders, as its lookup by key would find it
 * (so `nodes` of fifty users costs what fifty lookups cost, made together). The key forms are the
 * ones the types' `id` fields write: `pool:rest` (a pool id never holds a colon), or a JSON array
 * for the device's three parts.
 */
function poolAndRest(key: string): [string, string] {
  const at = key.indexOf(':');
  if (at <= 0) throw invalidInput('id', 'is not a global id this gateway issued');
  return [key.slice(0, at), key.slice(at + 1)];
}

const each =
  <Record>(find: (ctx: GatewayContext, key: string) => Promise<Record | null>) =>
  (keys: readonly string[], ctx: GatewayContext) =>
    keys.map((key) => find(ctx, key));

export const loadUserPoolNodes = each<UserPoolRecord>((ctx, key) => getUserPool(ctx, key));

export const loadClientNodes = each<ClientRecord>((ctx, key) => {
  const [userPoolId, clientId] = poolAndRest(key);
  return getClient(ctx, { userPoolId, clientId });
});

export const loadUserNodes = each<UserRecord>((ctx, key) => {
  const [userPoolId, username] = poolAndRest(key);
  return getUser(ctx, { userPoolId, username });
});

export const loadGroupNodes = each<GroupRecord>((ctx, key) => {
  const [userPoolId, name] = poolAndRest(key);
  return getGroup(ctx, { userPoolId, name });
});

export const loadImportJobNodes = each<ImportJobRecord>((ctx, key) => {
  const [userPoolId, jobId] = poolAndRest(key);
  return getImportJob(ctx, { userPoolId, jobId });
});

export const loadDeviceNodes = each<DeviceRecord>((ctx, key) => {
  let parts: unknown;
  try {
    parts = JSON.parse(key);
  } catch {
    parts = undefined;
  }
  if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((part) => typeof part === 'string')) {
    throw invalidInput('id', 'is not a global id this gateway issued');
  }
  const [userPoolId, username, deviceKey] = parts as [string, string, string];
  return getUserDevice(ctx, { userPoolId, username, deviceKey });
});

export const loadIdentityProviderNodes = each<IdentityProviderRecord>((ctx, key) => {
  const [userPoolId, providerName] = poolAndRest(key);
  return getIdentityProvider(ctx, { userPoolId, providerName });
});

export const loadResourceServerNodes = each<ResourceServerRecord>((ctx, key) => {
  const [userPoolId, identifier] = poolAndRest(key);
  return getResourceServer(ctx, { userPoolId, identifier });
});
