import type { RedactedClient } from '../cognito/records';
import { clientDetail, clientName, getClient } from '../resolvers/clients';
import { userPoolReference } from '../resolvers/user-pools';
import { builder } from './builder';
import { joinKey } from './natural-keys';
import { ClientRef, UserPoolRef } from './refs';

const TokenValidityUnits = builder.objectRef<NonNullable<RedactedClient['TokenValidityUnits']>>('TokenValidityUnits').implement({
  description: 'The unit (seconds, minutes, hours or days) of each token validity.',
  fields: (t) => ({
    accessToken: t.string({ nullable: true, resolve: (u) => u.AccessToken }),
    idToken: t.string({ nullable: true, resolve: (u) => u.IdToken }),
    refreshToken: t.string({ nullable: true, resolve: (u) => u.RefreshToken }),
  }),
});

/** Client fields that only DescribeUserPoolClient carries, read from its (secret-free) output. */
function detailField<Key extends keyof RedactedClient>(key: Key) {
  return async (client: Parameters<typeof clientDetail>[1], _args: object, ctx: Parameters<typeof clientDetail>[0]) =>
    (await clientDetail(ctx, client))[key];
}

function detailList(
  key:
    | 'ExplicitAuthFlows'
    | 'AllowedOAuthFlows'
    | 'AllowedOAuthScopes'
    | 'CallbackURLs'
    | 'LogoutURLs'
    | 'SupportedIdentityProviders'
    | 'ReadAttributes'
    | 'WriteAttributes',
) {
  return async (client: Parameters<typeof clientDetail>[1], _args: object, ctx: Parameters<typeof clientDetail>[0]) =>
    ((await clientDetail(ctx, client))[key] ?? []) as string[];
}

builder.node(ClientRef, {
  authScopes: { admin: true },
  description: 'An app client of a pool, known by (userPoolId, clientId). Its secret is never returned.',
  id: { resolve: (client) => joinKey(client.userPoolId, client.clientId) },
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    clientId: t.exposeString('clientId'),
    name: t.string({ resolve: async (client, _, ctx) => (await clientName(ctx, client)) ?? '' }),
    hasSecret: t.boolean({
      description: 'Whether the client has a secret (the secret itself is never returned).',
      resolve: async (client, _, ctx) => (await clientDetail(ctx, client)).HasClientSecret === true,
    }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: detailField('CreationDate') }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: detailField('LastModifiedDate') }),
    explicitAuthFlows: t.stringList({ resolve: detailList('ExplicitAuthFlows') }),
    allowedOAuthFlows: t.stringList({ resolve: detailList('AllowedOAuthFlows') }),
    allowedOAuthScopes: t.stringList({ resolve: detailList('AllowedOAuthScopes') }),
    allowedOAuthFlowsUserPoolClient: t.boolean({ nullable: true, resolve: detailField('AllowedOAuthFlowsUserPoolClient') }),
    callbackUrls: t.stringList({ resolve: detailList('CallbackURLs') }),
    logoutUrls: t.stringList({ resolve: detailList('LogoutURLs') }),
    defaultRedirectUri: t.string({ nullable: true, resolve: detailField('DefaultRedirectURI') }),
    supportedIdentityProviders: t.stringList({ resolve: detailList('SupportedIdentityProviders') }),
    readAttributes: t.stringList({ resolve: detailList('ReadAttributes') }),
    writeAttributes: t.stringList({ resolve: detailList('WriteAttributes') }),
    accessTokenValidity: t.int({ nullable: true, resolve: detailField('AccessTokenValidity') }),
    idTokenValidity: t.int({ nullable: true, resolve: detailField('IdTokenValidity') }),
    refreshTokenValidity: t.int({ nullable: true, resolve: detailField('RefreshTokenValidity') }),
    tokenValidityUnits: t.field({ type: TokenValidityUnits, nullable: true, resolve: detailField('TokenValidityUnits') }),
    authSessionValidity: t.int({
      nullable: true,
      description: 'Minutes a sign-in session stays valid.',
      resolve: detailField('AuthSessionValidity'),
    }),
    preventUserExistenceErrors: t.boolean({
      nullable: true,
      resolve: async (client, _, ctx) => {
        const value = (await clientDetail(ctx, client)).PreventUserExistenceErrors;
        return value === undefined ? null : value === 'ENABLED';
      },
    }),
    enableTokenRevocation: t.boolean({ nullable: true, resolve: detailField('EnableTokenRevocation') }),
    pool: t.field({ type: UserPoolRef, resolve: (client) => userPoolReference(client.userPoolId) }),
  }),
});

builder.objectFields(UserPoolRef, (t) => ({
  client: t.field({
    type: ClientRef,
    nullable: true,
    description: 'An app client of this pool by id; null when there is none.',
    args: { clientId: t.arg.string({ required: true }) },
    resolve: (pool, args, ctx) => getClient(ctx, { userPoolId: pool.userPoolId, clientId: args.clientId }),
  }),
}));

builder.queryFields((t) => ({
  client: t.field({
    authScopes: { admin: true },
    type: ClientRef,
    nullable: true,
    description: 'An app client by pool and client id; null when there is none.',
    args: { userPoolId: t.arg.string({ required: true }), clientId: t.arg.string({ required: true }) },
    resolve: (_, args, ctx) => getClient(ctx, args),
  }),
}));
