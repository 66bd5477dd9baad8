import { parseClientSessionConfiguration, parseUserPoolSessionConfiguration } from '../cognito/parse';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier, checkRange } from '../domain/identifiers';
import type { ClientKey } from '../domain/keys';
import type { ClientRecord, ClientSessionConfigurationRecord, UserPoolRecord, UserPoolSessionConfigurationRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { userPoolReference } from './user-pools';

/**
 * Session settings of a pool (server-side session tracking, token sessions per user) and of an
 * app client (how long it silently reuses an SSO session). Both Set operations replace the whole
 * configuration and require every member.
 */

export type UserSessionTracking = 'ENABLED' | 'DISABLED';

export async function userPoolSessionConfiguration(
  ctx: GatewayContext,
  pool: { userPoolId: string },
): Promise<UserPoolSessionConfigurationRecord> {
  return ctx.loaders.poolSessionConfiguration.load(pool.userPoolId);
}

export async function clientSessionConfiguration(ctx: GatewayContext, client: ClientKey): Promise<ClientSessionConfigurationRecord> {
  return ctx.loaders.clientSessionConfiguration.load({ userPoolId: client.userPoolId, clientId: client.clientId });
}

export interface SetUserPoolSessionConfigurationInput {
  userPoolId: string;
  userSessionTracking?: UserSessionTracking | null;
  maxTokenSessionsPerUser?: number | null;
}

/**
 * SetUserPoolSessionConfiguration takes every member; the gateway reads the current configuration
 * and sends it with the input's changes on top, so a change touches only what it names.
 */
export async function setUserPoolSessionConfiguration(
  ctx: GatewayContext,
  input: SetUserPoolSessionConfigurationInput,
): Promise<{ sessionConfiguration: UserPoolSessionConfigurationRecord; userPool: UserPoolRecord }> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  if (input.userSessionTracking == null && input.maxTokenSessionsPerUser == null) {
    throw invalidInput('input', 'name at least one of userSessionTracking or maxTokenSessionsPerUser');
  }
  const maxPerUser =
    input.maxTokenSessionsPerUser == null ? undefined : checkRange(input.maxTokenSessionsPerUser, 1, 100, 'input.maxTokenSessionsPerUser');
  const current = parseUserPoolSessionConfiguration(UserPoolId, await ctx.call('GetUserPoolSessionConfiguration', { UserPoolId }));
  const output = await ctx.call('SetUserPoolSessionConfiguration', {
    UserPoolId,
    UserSessionTracking: input.userSessionTracking ?? current.userSessionTracking,
    TokenSession: { MaxPerUser: maxPerUser ?? current.maxTokenSessionsPerUser },
  });
  return { sessionConfiguration: parseUserPoolSessionConfiguration(UserPoolId, output), userPool: userPoolReference(UserPoolId) };
}

/** The client's configuration has one member, so the input names all of it: nothing to carry over. */
export async function setUserPoolClientSessionConfiguration(
  ctx: GatewayContext,
  input: { userPoolId: string; clientId: string; ssoSessionMaxValidityMinutes: number },
): Promise<{ sessionConfiguration: ClientSessionConfigurationRecord; client: ClientRecord }> {
  const key = {
    userPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId'),
    clientId: checkIdentifier('clientId', input.clientId, 'input.clientId'),
  };
  const MaxValidityMinutes = checkRange(input.ssoSessionMaxValidityMinutes, 0, 129_600, 'input.ssoSessionMaxValidityMinutes');
  const output = await ctx.call('SetUserPoolClientSessionConfiguration', {
    UserPoolId: key.userPoolId,
    ClientId: key.clientId,
    SSOSession: { MaxValidityMinutes },
  });
  return { sessionConfiguration: parseClientSessionConfiguration(key, output), client: { ...key } };
}
