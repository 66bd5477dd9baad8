import { primeResourceServers } from '../cognito/loaders';
import { parseResourceServer } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { ResourceServerKey } from '../domain/keys';
import type { OAuthScopeRecord, ResourceServerDetail, ResourceServerRecord, ResourceServerScopeRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { nullIfNotFound } from './lookup';

/**
 * Resource servers: APIs whose custom OAuth scopes (`identifier/scope`) the pool issues to app
 * clients. A list of them carries everything a Describe would, so listed ones cost no call more.
 */
export async function listResourceServers(
  ctx: GatewayContext,
  userPoolId: string,
  args: ConnectionArgs,
): Promise<RelayConnection<ResourceServerRecord>> {
  return listRecords(
    ctx,
    'ListResourceServers',
    { UserPoolId: userPoolId },
    args,
    (server) => parseResourceServer(userPoolId, server),
    primeResourceServers,
  );
}

export async function getResourceServer(ctx: GatewayContext, key: ResourceServerKey): Promise<ResourceServerRecord | null> {
  checkIdentifier('userPoolId', key.userPoolId);
  checkIdentifier('resourceServerIdentifier', key.identifier, 'identifier');
  return nullIfNotFound(ctx.loaders.resourceServer.load(key));
}

/** DescribeResourceServer, once per request, unless a list or a write already answered it. */
export async function resourceServerDetail(ctx: GatewayContext, server: ResourceServerRecord): Promise<ResourceServerDetail> {
  return server.detail ?? (await ctx.loaders.resourceServer.load(server)).detail;
}

/** The scopes a resource server defines, as app clients name them (`identifier/scope`). */
export async function resourceServerScopes(ctx: GatewayContext, server: ResourceServerRecord): Promise<OAuthScopeRecord[]> {
  const { scopes } = await resourceServerDetail(ctx, server);
  return scopes.map((scope) => ({
    userPoolId: server.userPoolId,
    name: `${server.identifier}/${scope.scopeName}`,
    resourceServerIdentifier: server.identifier,
    scopeName: scope.scopeName,
  }));
}

/** Scopes every pool has without a resource server (the API reference, AllowedOAuthScopes). */
const standardScopes: Readonly<Record<string, string>> = {
  openid: 'Returns an ID token, with the claims the app client may read.',
  email: 'The email and email_verified claims.',
  phone: 'The phone_number and phone_number_verified claims.',
  profile: 'Every user attribute the app client may read.',
  'aws.cognito.signin.user.admin': 'Lets the user call the user pools API on itself with the access token.',
};

/** An app client's allowed scopes as objects: a standard scope, or one of a resource server (named up to its last `/`). */
export function clientScopes(userPoolId: string, names: readonly string[]): OAuthScopeRecord[] {
  return names.map((name) => {
    const at = name.lastIndexOf('/');
    if (name in standardScopes || at <= 0) return { userPoolId, name, scopeName: name };
    return { userPoolId, name, resourceServerIdentifier: name.slice(0, at), scopeName: name.slice(at + 1) };
  });
}

/** A standard scope's meaning, or its resource server's description of it; null when the server no longer defines it. */
export async function scopeDescription(ctx: GatewayContext, scope: OAuthScopeRecord): Promise<string | null> {
  if (scope.resourceServerIdentifier === undefined) return standardScopes[scope.name] ?? null;
  const server = await getResourceServer(ctx, { userPoolId: scope.userPoolId, identifier: scope.resourceServerIdentifier });
  if (!server) return null;
  const { scopes } = await resourceServerDetail(ctx, server);
  return scopes.find((defined) => defined.scopeName === scope.scopeName)?.description ?? null;
}

// ---------------------------------------------------------------------------------------------
// Administration
// ---------------------------------------------------------------------------------------------

export interface ScopeInput {
  name: string;
  description: string;
}

export interface ResourceServerInput {
  userPoolId: string;
  identifier: string;
  name?: string | null;
  scopes?: ScopeInput[] | null;
}

function serverKey(input: { userPoolId: string; identifier: string }) {
  return {
    UserPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId'),
    Identifier: checkIdentifier('resourceServerIdentifier', input.identifier, 'input.identifier'),
  };
}

function scopes(list: readonly ScopeInput[]) {
  if (list.length > 100) throw invalidInput('input.scopes', 'must hold at most 100 scopes');
  const seen = new Set<string>();
  return list.map(({ name, description }, index) => {
    checkIdentifier('scopeName', name, `input.scopes[${index}].name`);
    checkIdentifier('scopeDescription', description, `input.scopes[${index}].description`);
    if (seen.has(name)) throw invalidInput(`input.scopes[${index}].name`, `${name} is given twice`);
    seen.add(name);
    return { ScopeName: name, ScopeDescription: description };
  });
}

const serverName = (name: string) => checkIdentifier('resourceServerName', name, 'input.name');

export async function createResourceServer(ctx: GatewayContext, input: ResourceServerInput & { name: string }) {
  const key = serverKey(input);
  const output = await ctx.call('CreateResourceServer', {
    ...key,
    Name: serverName(input.name),
    ...(input.scopes ? { Scopes: scopes(input.scopes) } : {}),
  });
  return { resourceServer: output.ResourceServer ? parseResourceServer(key.UserPoolId, output.ResourceServer) : null };
}

/**
 * UpdateResourceServer sets every member it is not given to its default: without Scopes it
 * removes them all (API reference). The gateway sends the server's current name and scopes for
 * what the input leaves out, so an update changes only what it names; `scopes`, when given, is
 * the whole new list.
 */
export async function updateResourceServer(ctx: GatewayContext, input: ResourceServerInput) {
  const key = serverKey(input);
  const Name = input.name != null ? serverName(input.name) : undefined;
  const Scopes = input.scopes ? scopes(input.scopes) : undefined;
  const current = (await ctx.loaders.resourceServer.load({ userPoolId: key.UserPoolId, identifier: key.Identifier })).detail;
  const currentScopes = current.scopes.map((scope: ResourceServerScopeRecord) => ({
    ScopeName: scope.scopeName,
    ScopeDescription: scope.description,
  }));
  const output = await ctx.call('UpdateResourceServer', { ...key, Name: Name ?? current.name, Scopes: Scopes ?? currentScopes });
  return { resourceServer: output.ResourceServer ? parseResourceServer(key.UserPoolId, output.ResourceServer) : null };
}

export async function deleteResourceServer(ctx: GatewayContext, input: { userPoolId: string; identifier: string }) {
  const key = serverKey(input);
  await ctx.call('DeleteResourceServer', key);
  return { userPoolId: key.UserPoolId, deletedIdentifier: key.Identifier };
}
