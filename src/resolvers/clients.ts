import type { CreateUserPoolClientRequest, UpdateUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider';
import { parseClient, parseClientSummary } from '../cognito/parse';
import type { RedactedClient } from '../cognito/redaction';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier, checkRange } from '../domain/identifiers';
import type { ClientKey } from '../domain/keys';
import type { ClientDetail, ClientRecord, ClientSummary } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { nullIfNotFound } from './lookup';

export async function listClients(ctx: GatewayContext, userPoolId: string, args: ConnectionArgs): Promise<RelayConnection<ClientRecord>> {
  return listRecords(ctx, 'ListUserPoolClients', { UserPoolId: userPoolId }, args, (summary) => parseClientSummary(userPoolId, summary));
}

export async function getClient(ctx: GatewayContext, key: ClientKey): Promise<ClientRecord | null> {
  checkIdentifier('userPoolId', key.userPoolId);
  checkIdentifier('clientId', key.clientId);
  const detail = await nullIfNotFound(ctx.loaders.client.load(key));
  return detail ? { ...key, detail } : null;
}

/** The client's full description (DescribeUserPoolClient, once per request), without its secret. */
export async function clientDetail(ctx: GatewayContext, client: ClientRecord): Promise<ClientDetail> {
  return client.detail ?? ctx.loaders.client.load({ userPoolId: client.userPoolId, clientId: client.clientId });
}

/** The name is all a ListUserPoolClients summary carries; it costs no DescribeUserPoolClient. */
export async function clientSummary(ctx: GatewayContext, client: ClientRecord): Promise<ClientSummary> {
  return client.summary ?? clientDetail(ctx, client);
}

// ---------------------------------------------------------------------------------------------
// Administration
// ---------------------------------------------------------------------------------------------

export interface ClientSettingsInput {
  explicitAuthFlows?: string[] | null;
  allowedOAuthFlows?: ('code' | 'implicit' | 'client_credentials')[] | null;
  allowedOAuthScopes?: string[] | null;
  allowedOAuthFlowsUserPoolClient?: boolean | null;
  callbackUrls?: string[] | null;
  logoutUrls?: string[] | null;
  defaultRedirectUri?: string | null;
  supportedIdentityProviders?: string[] | null;
  readAttributes?: string[] | null;
  writeAttributes?: string[] | null;
  accessTokenValidityMinutes?: number | null;
  idTokenValidityMinutes?: number | null;
  refreshTokenValidityDays?: number | null;
  preventUserExistenceErrors?: boolean | null;
  enableTokenRevocation?: boolean | null;
}

const explicitAuthFlowValues = new Set([
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
]);

/** The input's settings as Cognito members; token validities are given in minutes and days. */
function clientSettings(input: ClientSettingsInput): Partial<CreateUserPoolClientRequest> {
  input.explicitAuthFlows?.forEach((flow, index) => {
    if (!explicitAuthFlowValues.has(flow))
      throw invalidInput(`input.explicitAuthFlows[${index}]`, `must be one of ${[...explicitAuthFlowValues].join(', ')}`);
  });
  for (const [field, list] of [
    ['callbackUrls', input.callbackUrls],
    ['logoutUrls', input.logoutUrls],
  ] as const) {
    list?.forEach((url, index) => checkIdentifier('url', url, `input.${field}[${index}]`));
  }
  for (const [field, list] of [
    ['readAttributes', input.readAttributes],
    ['writeAttributes', input.writeAttributes],
  ] as const) {
    list?.forEach((name, index) => checkIdentifier('attributeName', name, `input.${field}[${index}]`));
  }
  const set = <Key extends keyof CreateUserPoolClientRequest>(key: Key, value: CreateUserPoolClientRequest[Key] | null | undefined) =>
    value == null ? {} : { [key]: value };
  return {
    ...set('ExplicitAuthFlows', input.explicitAuthFlows as CreateUserPoolClientRequest['ExplicitAuthFlows']),
    ...set('AllowedOAuthFlows', input.allowedOAuthFlows),
    ...set('AllowedOAuthScopes', input.allowedOAuthScopes),
    ...set('AllowedOAuthFlowsUserPoolClient', input.allowedOAuthFlowsUserPoolClient),
    ...set('CallbackURLs', input.callbackUrls),
    ...set('LogoutURLs', input.logoutUrls),
    ...set(
      'DefaultRedirectURI',
      input.defaultRedirectUri == null ? null : checkIdentifier('url', input.defaultRedirectUri, 'input.defaultRedirectUri'),
    ),
    ...set('SupportedIdentityProviders', input.supportedIdentityProviders),
    ...set('ReadAttributes', input.readAttributes),
    ...set('WriteAttributes', input.writeAttributes),
    ...(input.accessTokenValidityMinutes != null || input.idTokenValidityMinutes != null || input.refreshTokenValidityDays != null
      ? { TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' } }
      : {}),
    ...set(
      'AccessTokenValidity',
      input.accessTokenValidityMinutes == null
        ? null
        : checkRange(input.accessTokenValidityMinutes, 5, 1440, 'input.accessTokenValidityMinutes'),
    ),
    ...set(
      'IdTokenValidity',
      input.idTokenValidityMinutes == null ? null : checkRange(input.idTokenValidityMinutes, 5, 1440, 'input.idTokenValidityMinutes'),
    ),
    ...set(
      'RefreshTokenValidity',
      input.refreshTokenValidityDays == null ? null : checkRange(input.refreshTokenValidityDays, 1, 3650, 'input.refreshTokenValidityDays'),
    ),
    ...set(
      'PreventUserExistenceErrors',
      input.preventUserExistenceErrors == null ? null : input.preventUserExistenceErrors ? 'ENABLED' : 'LEGACY',
    ),
    ...set('EnableTokenRevocation', input.enableTokenRevocation),
  };
}

export interface CreateClientInput extends ClientSettingsInput {
  userPoolId: string;
  clientName: string;
  generateSecret?: boolean | null;
  /** The new secret is in the payload only when this is true: it is never readable again. */
  returnSecret?: boolean | null;
}

export async function createUserPoolClient(
  ctx: GatewayContext,
  input: CreateClientInput,
): Promise<{ client: ClientRecord | null; clientSecret: string | null }> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ClientName = checkIdentifier('name', input.clientName, 'input.clientName');
  if (input.returnSecret && !input.generateSecret) throw invalidInput('input.returnSecret', 'needs generateSecret: true');
  const output = await ctx.call(
    'CreateUserPoolClient',
    { UserPoolId, ClientName, GenerateSecret: input.generateSecret ?? false, ...clientSettings(input) },
    { revealSecrets: input.returnSecret === true },
  );
  const created = output.UserPoolClient;
  if (!created) return { client: null, clientSecret: null };
  return {
    client: parseClient(UserPoolId, created),
    clientSecret: input.returnSecret ? (created.ClientSecret ?? null) : null,
  };
}

/**
 * UpdateUserPoolClient resets every setting it is not given; the gateway sends the client's
 * current settings with the input's changes on top, so an update changes only what it names.
 */
const carriedOverClientSettings = [
  'ClientName',
  'RefreshTokenValidity',
  'AccessTokenValidity',
  'IdTokenValidity',
  'TokenValidityUnits',
  'ReadAttributes',
  'WriteAttributes',
  'ExplicitAuthFlows',
  'SupportedIdentityProviders',
  'CallbackURLs',
  'LogoutURLs',
  'DefaultRedirectURI',
  'AllowedOAuthFlows',
  'AllowedOAuthScopes',
  'AllowedOAuthFlowsUserPoolClient',
  'AnalyticsConfiguration',
  'PreventUserExistenceErrors',
  'EnableTokenRevocation',
  'EnablePropagateAdditionalUserContextData',
  'AuthSessionValidity',
  'RefreshTokenRotation',
] as const satisfies readonly (keyof UpdateUserPoolClientRequest & keyof RedactedClient)[];

export async function updateUserPoolClient(
  ctx: GatewayContext,
  input: ClientSettingsInput & { userPoolId: string; clientId: string; clientName?: string | null },
) {
  const key = {
    userPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId'),
    clientId: checkIdentifier('clientId', input.clientId, 'input.clientId'),
  };
  const changes = {
    ...clientSettings(input),
    ...(input.clientName != null ? { ClientName: checkIdentifier('name', input.clientName, 'input.clientName') } : {}),
  };
  const { UserPoolClient } = await ctx.call('DescribeUserPoolClient', { UserPoolId: key.userPoolId, ClientId: key.clientId });
  const current: RedactedClient = UserPoolClient ?? {};
  const carried = Object.fromEntries(
    carriedOverClientSettings.flatMap((name) => (current[name] === undefined ? [] : [[name, current[name]]])),
  );
  await ctx.call('UpdateUserPoolClient', { ...carried, ...changes, UserPoolId: key.userPoolId, ClientId: key.clientId });
  return { client: { ...key } as ClientRecord };
}

export async function deleteUserPoolClient(ctx: GatewayContext, input: { userPoolId: string; clientId: string }) {
  await ctx.call('DeleteUserPoolClient', {
    UserPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId'),
    ClientId: checkIdentifier('clientId', input.clientId, 'input.clientId'),
  });
  return { userPoolId: input.userPoolId, deletedClientId: input.clientId };
}
