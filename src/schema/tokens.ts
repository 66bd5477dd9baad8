import type { ClientTokenRecord } from '../domain/records';
import { getClientToken, getTokensFromRefreshToken, revokeToken } from '../resolvers/tokens';
import { AuthTokens } from './auth';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { RevokeAssociatedSessions } from './session';

/**
 * Token operations beside the sign-in steps. getTokensFromRefreshToken and revokeToken are public
 * (the refresh token is the proof), name an app client the gateway serves and are limited per
 * client address; getClientToken is for administrators, since the gateway holds the secret that
 * is a machine client's whole proof.
 */

const ClientToken = builder.objectRef<ClientTokenRecord>('ClientToken').implement({
  description: 'An access token of a machine client, returned to the caller that asked for it and to nobody else.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken'),
    expiresIn: t.exposeInt('expiresIn', { nullable: true, description: 'Seconds until the token expires, when Cognito says.' }),
    tokenType: t.exposeString('tokenType'),
  }),
});

const admin = { authScopes: { admin: true } } as const;

builder.relayMutationField(
  'getTokensFromRefreshToken',
  {
    inputFields: (t) => ({
      clientId: t.string({ required: true, description: 'An app client this gateway serves; it adds the client’s secret.' }),
      refreshToken: t.string({ required: true }),
      deviceKey: t.string({ required: false, description: 'The remembered device the refresh token was issued to, if any.' }),
    }),
  },
  {
    description:
      'New ID and access tokens for a refresh token, and a new refresh token where the client rotates them (GetTokensFromRefreshToken). Public; rate-limited per client address. A token whose user is gone is answered as any refused token (NotAuthorizedError), unless PREVENT_USER_EXISTENCE_ERRORS is false.',
    errors: {
      types: cognitoErrors(
        'NotAuthorizedException',
        'RefreshTokenReuseException',
        'UserNotFoundException',
        'InvalidParameterException',
        'OperationNotEnabledException',
        'ResourceNotFoundException',
        'InvalidLambdaResponseException',
        'UnexpectedLambdaException',
        'UserLambdaValidationException',
      ),
    },
    resolve: async (_, { input }, ctx) => ({ tokens: await getTokensFromRefreshToken(ctx, input) }),
  },
  { outputFields: (t) => ({ tokens: t.field({ type: AuthTokens, resolve: (payload) => payload.tokens }) }) },
);

builder.relayMutationField(
  'revokeToken',
  {
    inputFields: (t) => ({
      clientId: t.string({ required: true, description: 'The app client the token was issued to; one this gateway serves.' }),
      refreshToken: t.string({ required: true }),
      revokeAssociatedSessions: t.field({ type: RevokeAssociatedSessions, required: false, description: 'NONE when absent.' }),
    }),
  },
  {
    description:
      'Revokes a refresh token and the access tokens issued with it (RevokeToken): signs one session out. Public; rate-limited per client address.',
    errors: {
      types: cognitoErrors(
        'UnauthorizedException',
        'UnsupportedOperationException',
        'UnsupportedTokenTypeException',
        'InvalidParameterException',
        'OperationNotEnabledException',
      ),
    },
    resolve: (_, { input }, ctx) => revokeToken(ctx, input),
  },
  { outputFields: (t) => ({ revoked: t.exposeBoolean('revoked') }) },
);

builder.relayMutationField(
  'getClientToken',
  {
    inputFields: (t) => ({
      clientId: t.string({ required: true, description: 'A machine client (ALLOW_CLIENT_TOKEN_AUTH) whose secret this gateway holds.' }),
      scopes: t.stringList({ required: false, description: 'Custom scopes to ask for; all the client may have when absent.' }),
    }),
  },
  {
    ...admin,
    description:
      'An access token for a machine-to-machine client, by its client credentials (GetClientToken). Administrators only: the gateway supplies the client’s secret (COGNITO_APP_CLIENTS).',
    errors: {
      types: cognitoErrors(
        'NotAuthorizedException',
        'InvalidParameterException',
        'OperationNotEnabledException',
        'ResourceNotFoundException',
      ),
    },
    resolve: async (_, { input }, ctx) => ({ token: await getClientToken(ctx, input) }),
  },
  { outputFields: (t) => ({ token: t.field({ type: ClientToken, resolve: (payload) => payload.token }) }) },
);
