import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { GatewayContext } from './context';

/** A user as ProviderUserIdentifierType names it: a provider, and the attribute that identifies the user there. */
export interface ProviderUserInput {
  providerName: string;
  providerAttributeName?: string | null;
  providerAttributeValue: string;
}

function providerUser(input: ProviderUserInput, field: string) {
  return {
    ProviderName: checkIdentifier('providerName', input.providerName, `${field}.providerName`),
    ...(input.providerAttributeName != null
      ? { ProviderAttributeName: checkIdentifier('providerAttribute', input.providerAttributeName, `${field}.providerAttributeName`) }
      : {}),
    ProviderAttributeValue: checkIdentifier('providerAttribute', input.providerAttributeValue, `${field}.providerAttributeValue`),
  };
}

/** Cognito's name for the pool's own users in ProviderName (AdminLinkProviderForUser). */
const COGNITO_PROVIDER = 'Cognito';

/**
 * Links a federated identity (sourceUser, a user of an external provider who has not signed in
 * yet) to an existing user (destinationUser: for a user of the pool, provider `Cognito` and the
 * username as the attribute value), who is then the one signed in.
 */
export async function adminLinkProviderForUser(
  ctx: GatewayContext,
  input: { userPoolId: string; destinationUser: ProviderUserInput; sourceUser: ProviderUserInput },
) {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const DestinationUser = providerUser(input.destinationUser, 'input.destinationUser');
  const SourceUser = providerUser(input.sourceUser, 'input.sourceUser');
  // The API reference: the source must be a federated user, never another user of the pool.
  if (SourceUser.ProviderName === COGNITO_PROVIDER) {
    throw invalidInput('input.sourceUser.providerName', 'must name an external provider: a user of the pool cannot be linked as a source');
  }
  if (SourceUser.ProviderAttributeValue === '') throw invalidInput('input.sourceUser.providerAttributeValue', 'must not be empty');
  await ctx.call('AdminLinkProviderForUser', { UserPoolId, DestinationUser, SourceUser });
  const username = DestinationUser.ProviderName === COGNITO_PROVIDER ? DestinationUser.ProviderAttributeValue : undefined;
  return { userPoolId: UserPoolId, username };
}

/** Unlinks a federated identity from the user it was linked to, and disables its sign-in. */
export async function adminDisableProviderForUser(ctx: GatewayContext, input: { userPoolId: string; user: ProviderUserInput }) {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const User = providerUser(input.user, 'input.user');
  await ctx.call('AdminDisableProviderForUser', { UserPoolId, User });
  return { providerName: User.ProviderName, providerAttributeValue: User.ProviderAttributeValue };
}
