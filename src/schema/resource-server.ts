import { encodeGlobalID } from '@pothos/plugin-relay';
import type { CognitoException } from '../domain/codes';
import type { OAuthScopeRecord } from '../domain/records';
import { clientDetail } from '../resolvers/clients';
import { loadResourceServerNodes } from '../resolvers/nodes';
import {
  clientScopes,
  createResourceServer,
  deleteResourceServer,
  getResourceServer,
  listResourceServers,
  resourceServerDetail,
  resourceServerScopes,
  scopeDescription,
  updateResourceServer,
} from '../resolvers/resource-servers';
import { userPoolReference } from '../resolvers/user-pools';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { joinKey } from './natural-keys';
import { ClientRef, ResourceServerConnection, ResourceServerRef, UserPoolRef } from './refs';

const admin = { authScopes: { admin: true } } as const;

const OAuthScope = builder.objectRef<OAuthScopeRecord>('OAuthScope').implement({
  description:
    'An OAuth scope: a standard one (openid, email, phone, profile, aws.cognito.signin.user.admin), or a custom scope of a resource server, named `identifier/scope`.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'As app clients and tokens write it: openid, or https://api.example.com/orders.read.' }),
    scopeName: t.exposeString('scopeName', {
      description: 'The name on its resource server (orders.read); the name itself for a standard scope.',
    }),
    standard: t.boolean({
      description: 'Whether it is a standard scope, which needs no resource server.',
      resolve: (s) => s.resourceServerIdentifier === undefined,
    }),
    description: t.string({
      nullable: true,
      description: 'A standard scope’s meaning, or what its resource server says of it; null when the server no longer defines it.',
      resolve: (s, _, ctx) => scopeDescription(ctx, s),
    }),
    resourceServer: t.field({
      type: ResourceServerRef,
      nullable: true,
      description: 'The resource server the scope belongs to; null for a standard scope, or when the server is gone.',
      resolve: (s, _, ctx) =>
        s.resourceServerIdentifier === undefined
          ? null
          : getResourceServer(ctx, { userPoolId: s.userPoolId, identifier: s.resourceServerIdentifier }),
    }),
  }),
});

builder.node(ResourceServerRef, {
  loadMany: loadResourceServerNodes,
  authScopes: { admin: true },
  description: 'An API whose custom OAuth scopes the pool issues to app clients, known by (userPoolId, identifier).',
  id: { resolve: (server) => joinKey(server.userPoolId, server.identifier) },
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    identifier: t.exposeString('identifier', { description: 'Such as https://api.example.com: the first part of its scopes’ names.' }),
    name: t.string({ resolve: async (s, _, ctx) => (await resourceServerDetail(ctx, s)).name }),
    scopes: t.field({ type: [OAuthScope], resolve: (s, _, ctx) => resourceServerScopes(ctx, s) }),
    pool: t.field({ type: UserPoolRef, nullable: true, resolve: (s) => userPoolReference(s.userPoolId) }),
  }),
});

builder.objectFields(UserPoolRef, (t) => ({
  resourceServers: t.connection(
    {
      type: ResourceServerRef,
      nullable: true,
      description: 'The pool’s resource servers (ListResourceServers, 50 a page).',
      resolve: (pool, args, ctx) => listResourceServers(ctx, pool.userPoolId, args),
    },
    ResourceServerConnection,
  ),
  resourceServer: t.field({
    type: ResourceServerRef,
    nullable: true,
    description: 'A resource server of this pool by identifier (DescribeResourceServer); null when there is none.',
    args: { identifier: t.arg.string({ required: true }) },
    resolve: (pool, args, ctx) => getResourceServer(ctx, { userPoolId: pool.userPoolId, identifier: args.identifier }),
  }),
}));

builder.objectFields(ClientRef, (t) => ({
  allowedScopes: t.field({
    type: [OAuthScope],
    nullable: true,
    description: 'The OAuth scopes the app client may ask for (its AllowedOAuthScopes), each with its resource server.',
    resolve: async (c, _, ctx) => clientScopes(c.userPoolId, (await clientDetail(ctx, c)).allowedOAuthScopes),
  }),
}));

const ScopeInput = builder.inputType('ResourceServerScopeInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'The scope’s own name, such as orders.read (no /).' }),
    description: t.string({ required: true }),
  }),
});

const serverErrors: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'ResourceNotFoundException',
  'OperationNotEnabledException',
];

builder.relayMutationField(
  'createResourceServer',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      identifier: t.string({ required: true, description: 'Such as https://api.example.com.' }),
      name: t.string({ required: true }),
      scopes: t.field({ type: [ScopeInput], required: false, description: 'Up to 100.' }),
    }),
  },
  {
    ...admin,
    description: 'Adds a resource server and its scopes to the pool (CreateResourceServer).',
    errors: { types: cognitoErrors(...serverErrors, 'LimitExceededException') },
    resolve: (_, { input }, ctx) => createResourceServer(ctx, input),
  },
  { outputFields: (t) => ({ resourceServer: t.field({ type: ResourceServerRef, nullable: true, resolve: (p) => p.resourceServer }) }) },
);

builder.relayMutationField(
  'updateResourceServer',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      identifier: t.string({ required: true }),
      name: t.string({ required: false }),
      scopes: t.field({ type: [ScopeInput], required: false, description: 'The whole new list of scopes, when given.' }),
    }),
  },
  {
    ...admin,
    description:
      'Changes a resource server’s name or scopes. Only what the input names changes: the gateway carries the rest over (UpdateResourceServer alone would remove every scope it is not given).',
    errors: { types: cognitoErrors(...serverErrors) },
    resolve: (_, { input }, ctx) => updateResourceServer(ctx, input),
  },
  { outputFields: (t) => ({ resourceServer: t.field({ type: ResourceServerRef, nullable: true, resolve: (p) => p.resourceServer }) }) },
);

builder.relayMutationField(
  'deleteResourceServer',
  { inputFields: (t) => ({ userPoolId: t.string({ required: true }), identifier: t.string({ required: true }) }) },
  {
    ...admin,
    description: 'Removes a resource server and its scopes from the pool (DeleteResourceServer).',
    errors: { types: cognitoErrors(...serverErrors) },
    resolve: (_, { input }, ctx) => deleteResourceServer(ctx, input),
  },
  {
    outputFields: (t) => ({
      deletedIdentifier: t.exposeString('deletedIdentifier'),
      deletedId: t.id({
        description: 'The deleted resource server’s global id.',
        resolve: (p) => encodeGlobalID('ResourceServer', joinKey(p.userPoolId, p.deletedIdentifier)),
      }),
    }),
  },
);
