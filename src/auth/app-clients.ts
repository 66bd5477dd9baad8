import { createHmac } from 'node:crypto';
import type { AppClientConfig } from '../config';
import { GatewayError, invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';

/**
 * The app clients the gateway serves sign-in flows for. A client with a secret gets its
 * SECRET_HASH computed here, so browsers never hold the secret.
 */
export class AppClients {
  private readonly byId: Map<string, AppClientConfig>;

  constructor(clients: readonly AppClientConfig[]) {
    this.byId = new Map(clients.map((client) => [client.clientId, client]));
  }

  /** The configured client, or a clear refusal before any Cognito call. */
  require(clientId: string, field = 'clientId'): AppClientConfig {
    checkIdentifier('clientId', clientId, field);
    const client = this.byId.get(clientId);
    if (!client) {
      throw new GatewayError('FORBIDDEN', `App client ${clientId} is not served by this gateway (see COGNITO_APP_CLIENTS).`, { field });
    }
    return client;
  }

  /** The configured client, if any: administrators may name clients the gateway does not serve. */
  find(clientId: string): AppClientConfig | undefined {
    return this.byId.get(clientId);
  }

  /** Cognito's SECRET_HASH: Base64(HMAC-SHA256(secret, username + clientId)); none without a secret. */
  secretHash(client: AppClientConfig, username: string): string | undefined {
    if (!client.clientSecret) return undefined;
    if (username === '') throw invalidInput('username', 'is required for a client with a secret');
    return createHmac('sha256', client.clientSecret)
      .update(username + client.clientId)
      .digest('base64');
  }

  /**
   * The secret itself, for the operations that take it rather than a hash (GetTokensFromRefreshToken,
   * RevokeToken: `ClientSecret`; GetClientToken: `Secret`); none without one. Sent to Cognito only.
   */
  secret(client: AppClientConfig): string | undefined {
    return client.clientSecret || undefined;
  }

  /** Pools and their client ids: whose access tokens are accepted. */
  byPool(): Map<string, string[]> {
    const pools = new Map<string, string[]>();
    for (const client of this.byId.values()) pools.set(client.userPoolId, [...(pools.get(client.userPoolId) ?? []), client.clientId]);
    return pools;
  }
}
