import { parseAuthFactors, parseCredentialCreationOptions, parseWebAuthnCredential } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { UserKey } from '../domain/keys';
import type { AuthFactorsRecord, WebAuthnCredentialRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { signedInUser } from './signed-in';

/** The signed-in user's passkeys, with its own access token (ListWebAuthnCredentials). */
export async function listViewerPasskeys(ctx: GatewayContext, args: ConnectionArgs): Promise<RelayConnection<WebAuthnCredentialRecord>> {
  const { AccessToken, userPoolId, username } = signedInUser(ctx);
  return listRecords(ctx, 'ListWebAuthnCredentials', { AccessToken }, args, (credential) =>
    parseWebAuthnCredential({ userPoolId, username }, credential),
  );
}

export async function getViewerAuthFactors(ctx: GatewayContext): Promise<AuthFactorsRecord> {
  const { AccessToken } = signedInUser(ctx);
  return parseAuthFactors(await ctx.call('GetUserAuthFactors', { AccessToken }));
}

export async function getUserAuthFactors(ctx: GatewayContext, user: UserKey): Promise<AuthFactorsRecord> {
  return parseAuthFactors(await ctx.call('AdminGetUserAuthFactors', { UserPoolId: user.userPoolId, Username: user.username }));
}

/** The options the browser passes to navigator.credentials.create(), as Cognito made them for this user. */
export async function startWebAuthnRegistration(ctx: GatewayContext): Promise<{ credentialCreationOptions: Record<string, unknown> }> {
  const { AccessToken } = signedInUser(ctx);
  const output = await ctx.call('StartWebAuthnRegistration', { AccessToken });
  return { credentialCreationOptions: parseCredentialCreationOptions(output.CredentialCreationOptions) };
}

/**
 * Hands Cognito the credential the browser made (PublicKeyCredential.toJSON(): id, rawId, type
 * `public-key`, response). The shape is checked here, so that a client passing the wrong
 * document learns which member is wrong without spending the registration's challenge.
 */
export async function completeWebAuthnRegistration(ctx: GatewayContext, input: { credential: Record<string, unknown> }) {
  const credential = checkPublicKeyCredential(input.credential, 'input.credential', 'create');
  const { AccessToken } = signedInUser(ctx);
  await ctx.call('CompleteWebAuthnRegistration', { AccessToken, Credential: credential as never });
  return { registered: true };
}

export async function deleteWebAuthnCredential(ctx: GatewayContext, input: { credentialId: string }) {
  const CredentialId = checkIdentifier('credentialId', input.credentialId, 'input.credentialId');
  const { AccessToken } = signedInUser(ctx);
  await ctx.call('DeleteWebAuthnCredential', { AccessToken, CredentialId });
  return { deletedCredentialId: CredentialId };
}

/**
 * The credential the browser returned (PublicKeyCredential.toJSON()), checked for the members every
 * ceremony has: registering a passkey (navigator.credentials.create(), an attestation response) or
 * signing in with one (navigator.credentials.get(), an assertion response; see challenge-answers.ts).
 */
export function checkPublicKeyCredential(value: unknown, field: string, ceremony: 'create' | 'get'): Record<string, unknown> {
  if (!isObject(value))
    throw invalidInput(field, `must be a JSON object: the credential navigator.credentials.${ceremony}() returned, as JSON`);
  if (typeof value['id'] !== 'string' || value['id'] === '')
    throw invalidInput(`${field}.id`, 'must be the credential’s id (a non-empty string)');
  if (value['type'] !== 'public-key') throw invalidInput(`${field}.type`, 'must be "public-key"');
  if (!isObject(value['response']))
    throw invalidInput(
      `${field}.response`,
      `must be the authenticator’s ${ceremony === 'create' ? 'attestation' : 'assertion'} response (a JSON object)`,
    );
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
