import type { TokenValidityUnitsRecord } from '../domain/records';
import { loadClientNodes } from '../resolvers/nodes';
import { clientDetail, clientSummary, getClient } from '../resolvers/clients';
import { userPoolReference } from '../resolvers/user-pools';
import { builder } from './builder';
import { joinKey } from './natural-keys';
import { ClientRef, UserPoolRef } from './refs';

const TokenValidityUnits = builder.objectRef<TokenValidityUnitsRecord>('TokenValidityUnits').implement({
  description: 'The unit (seconds, minutes, hours or days) of each token validity.',
  fields: (t) => ({
    accessToken: t.string({ nullable: true, resolve: (u) => u.accessToken }),
    idToken: t.string({ nullable: true, resolve: (u) => u.idToken }),
    refreshToken: t.string({ nullable: true, resolve: (u) => u.refreshToken }),
  }),
});

builder.node(ClientRef, {
  loadMany: loadClientNodes,
  authScopes: { admin: true },
  description: 'An app client of a pool, known by (userPoolId, clientId). Its secret is never returned.',
  id: { resolve: (client) => joinKey(client.userPoolId, client.clientId) },
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    clientId: t.exposeString('clientId'),
    name: t.string({ resolve: async (client, _, ctx) => (await clientSummary(ctx, client)).name }),
    hasSecret: t.boolean({
      nullable: true,
      description: 'Whether the client has a secret (the secret itself is never returned).',
      resolve: async (client, _, ctx) => (await clientDetail(ctx, client)).hasSecret,
    }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).createdAt }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).updatedAt }),
    explicitAuthFlows: t.stringList({ nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).explicitAuthFlows }),
    allowedOAuthFlows: t.stringList({ nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).allowedOAuthFlows }),
    allowedOAuthScopes: t.stringList({
      nullable: true,
      deprecationReason: 'Use allowedScopes: each scope with its description and resource server.',
      resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).allowedOAuthScopes,
    }),
    allowedOAuthFlowsUserPoolClient: t.boolean({
      nullable: true,
      resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).allowedOAuthFlowsUserPoolClient,
    }),
    callbackUrls: t.stringList({ nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).callbackUrls }),
    logoutUrls: t.stringList({ nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).logoutUrls }),
    defaultRedirectUri: t.string({ nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).defaultRedirectUri }),
    supportedIdentityProviders: t.stringList({
      nullable: true,
      deprecationReason: 'Use identityProviders: each provider as an IdentityProvider (COGNITO for the pool’s own directory).',
      resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).supportedIdentityProviders,
    }),
    readAttributes: t.stringList({ nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).readAttributes }),
    writeAttributes: t.stringList({ nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).writeAttributes }),
    accessTokenValidity: t.int({ nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).accessTokenValidity }),
    idTokenValidity: t.int({ nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).idTokenValidity }),
    refreshTokenValidity: t.int({ nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).refreshTokenValidity }),
    tokenValidityUnits: t.field({
      type: TokenValidityUnits,
      nullable: true,
      resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).tokenValidityUnits,
    }),
    authSessionValidity: t.int({
      nullable: true,
      description: 'Minutes a sign-in session stays valid.',
      resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).authSessionValidity,
    }),
    preventUserExistenceErrors: t.boolean({
      nullable: true,
      resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).preventUserExistenceErrors,
    }),
    enableTokenRevocation: t.boolean({ nullable: true, resolve: async (c, _, ctx) => (await clientDetail(ctx, c)).enableTokenRevocation }),
    pool: t.field({ type: UserPoolRef, nullable: true, resolve: (client) => userPoolReference(client.userPoolId) }),
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
