import { parseClientToken, parseRefreshedTokens } from '../cognito/parse';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { AuthTokensRecord, ClientTokenRecord } from '../domain/records';
import type { GatewayContext } from './context';
import type { RevokeAssociatedSessions } from './sessions';

/**
 * The token operations that are not sign-in steps. The two public ones prove themselves with a
 * refresh token and name an app client the gateway serves: the gateway adds the client's secret
 * (as `ClientSecret`, where the sign-in flows send SECRET_HASH), and limits them per client
 * address, since they name no user to limit by. The refresh tokens, access tokens and secrets
 * travel only in the request to Cognito and, for new tokens, in the payload to the caller.
 */
function servedClient(ctx: GatewayContext, clientId: string) {
  const client = ctx.appClients.require(clientId, 'input.clientId');
  const secret = ctx.appClients.secret(client);
  return { ClientId: client.clientId, ...(secret ? { ClientSecret: secret } : {}) };
}

export interface GetTokensFromRefreshTokenInput {
  clientId: string;
  refreshToken: string;
  deviceKey?: string | null;
}

/**
 * New tokens for a refresh token (GetTokensFromRefreshToken): a new refresh token too when the
 * client rotates them. Unlike REFRESH_TOKEN_AUTH it needs no username, even with a client secret.
 * A token whose user is gone is answered as any refused token (the `refreshSignIn` rule of
 * user-existence.ts), so the answer does not tell whether the user still exists.
 */
export async function getTokensFromRefreshToken(ctx: GatewayContext, input: GetTokensFromRefreshTokenInput): Promise<AuthTokensRecord> {
  const RefreshToken = checkIdentifier('token', input.refreshToken, 'input.refreshToken');
  const device = input.deviceKey == null ? {} : { DeviceKey: checkIdentifier('deviceKey', input.deviceKey, 'input.deviceKey') };
  const client = servedClient(ctx, input.clientId);
  await ctx.publicFlows.consumeForAddress(ctx.clientAddress);
  const output = await ctx.userExistence.failingAlike('refreshSignIn', () =>
    ctx.call('GetTokensFromRefreshToken', { ...client, RefreshToken, ...device }),
  );
  return parseRefreshedTokens(output.AuthenticationResult);
}

/** Revokes a refresh token and the access tokens issued with it (RevokeToken); signing out of one device. */
export async function revokeToken(
  ctx: GatewayContext,
  input: { clientId: string; refreshToken: string; revokeAssociatedSessions?: RevokeAssociatedSessions | null },
) {
  const Token = checkIdentifier('token', input.refreshToken, 'input.refreshToken');
  const client = servedClient(ctx, input.clientId);
  await ctx.publicFlows.consumeForAddress(ctx.clientAddress);
  const associated = input.revokeAssociatedSessions ? { RevokeAssociatedSessions: input.revokeAssociatedSessions } : {};
  await ctx.call('RevokeToken', { ...client, Token, ...associated });
  return { revoked: true };
}

/**
 * An access token for a machine client (GetClientToken, client credentials), for administrators:
 * the client's secret is the whole proof, and the gateway holds it (COGNITO_APP_CLIENTS), so a
 * caller that could ask for this could mint the machine client's tokens. The SDK signs the call
 * with the gateway's AWS credentials, which Cognito ignores for it.
 */
export async function getClientToken(
  ctx: GatewayContext,
  input: { clientId: string; scopes?: readonly string[] | null },
): Promise<ClientTokenRecord> {
  const ClientId = checkIdentifier('clientId', input.clientId, 'input.clientId');
  const Scopes = input.scopes?.map((scope, i) => checkIdentifier('scope', scope, `input.scopes[${i}]`));
  const client = ctx.appClients.find(ClientId);
  const Secret = client && ctx.appClients.secret(client);
  if (!Secret) throw invalidInput('input.clientId', 'is not an app client whose secret this gateway holds (COGNITO_APP_CLIENTS)');
  const output = await ctx.call('GetClientToken', { ClientId, Secret, ...(Scopes ? { Scopes } : {}) });
  return parseClientToken(output.ClientAuthenticationResult);
}
