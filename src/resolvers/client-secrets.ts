import { parseClientSecret } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { ClientKey } from '../domain/keys';
import type { ClientRecord, ClientSecretRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';

/**
 * A confidential app client's secrets, for rotation without downtime: Cognito accepts any of a
 * client's (at most two) secrets, so a second one is added, everything that signs with the first
 * is moved to it, and the first is deleted. Only metadata is ever listed; a secret's value leaves
 * the gateway once, in addUserPoolClientSecret's payload, when its creator asks for it.
 */

export async function listClientSecrets(
  ctx: GatewayContext,
  client: ClientKey,
  args: ConnectionArgs,
): Promise<RelayConnection<ClientSecretRecord>> {
  const input = { UserPoolId: client.userPoolId, ClientId: client.clientId };
  return listRecords(ctx, 'ListUserPoolClientSecrets', input, args, (secret) => parseClientSecret(client, secret));
}

function clientTarget(input: { userPoolId: string; clientId: string }): ClientKey {
  return {
    userPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId'),
    clientId: checkIdentifier('clientId', input.clientId, 'input.clientId'),
  };
}

export interface AddClientSecretInput {
  userPoolId: string;
  clientId: string;
  /** A secret of the caller's own making; without it Cognito generates one. */
  clientSecret?: string | null;
  /** The generated secret is in the payload only when this is true: it is never readable again. */
  returnSecret?: boolean | null;
}

export async function addUserPoolClientSecret(
  ctx: GatewayContext,
  input: AddClientSecretInput,
): Promise<{ secret: ClientSecretRecord; clientSecret: string | null; client: ClientRecord }> {
  const key = clientTarget(input);
  const own = input.clientSecret == null ? undefined : checkIdentifier('clientSecret', input.clientSecret, 'input.clientSecret');
  if (own !== undefined && input.returnSecret) {
    throw invalidInput('input.returnSecret', 'cannot go with clientSecret: Cognito returns only a secret it generates, and you hold yours');
  }
  const reveal = input.returnSecret === true;
  const output = await ctx.call(
    'AddUserPoolClientSecret',
    { UserPoolId: key.userPoolId, ClientId: key.clientId, ...(own === undefined ? {} : { ClientSecret: own }) },
    { revealSecrets: reveal },
  );
  const descriptor = output.ClientSecretDescriptor ?? {};
  return {
    secret: parseClientSecret(key, descriptor),
    clientSecret: reveal ? (descriptor.ClientSecretValue ?? null) : null,
    client: { ...key },
  };
}

export async function deleteUserPoolClientSecret(
  ctx: GatewayContext,
  input: { userPoolId: string; clientId: string; clientSecretId: string },
) {
  const key = clientTarget(input);
  const ClientSecretId = checkIdentifier('clientSecretId', input.clientSecretId, 'input.clientSecretId');
  await ctx.call('DeleteUserPoolClientSecret', { UserPoolId: key.userPoolId, ClientId: key.clientId, ClientSecretId });
  return { deletedClientSecretId: ClientSecretId, client: { ...key } as ClientRecord };
}
