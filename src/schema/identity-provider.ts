import { encodeGlobalID } from '@pothos/plugin-relay';
import type { CognitoException } from '../domain/codes';
import type { KeyValueRecord } from '../domain/records';
import { clientDetail } from '../resolvers/clients';
import {
  clientIdentityProviders,
  createIdentityProvider,
  deleteIdentityProvider,
  getIdentityProvider,
  getIdentityProviderByIdentifier,
  identityProviderDetail,
  identityProviderSummary,
  listIdentityProviders,
  updateIdentityProvider,
} from '../resolvers/identity-providers';
import { loadIdentityProviderNodes } from '../resolvers/nodes';
import { userPoolReference } from '../resolvers/user-pools';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { joinKey } from './natural-keys';
import { ClientRef, IdentityProviderConnection, IdentityProviderRef, UserPoolRef } from './refs';

const admin = { authScopes: { admin: true } } as const;

const ProviderDetail = builder.objectRef<KeyValueRecord>('IdentityProviderDetail').implement({
  description: 'One setting of a provider (client_id, authorize_scopes, oidc_issuer, MetadataURL, ...). Secret ones are never returned.',
  fields: (t) => ({ key: t.exposeString('key'), value: t.exposeString('value') }),
});

const AttributeMapping = builder.objectRef<KeyValueRecord>('IdentityProviderAttributeMapping').implement({
  description: 'A user pool attribute and the provider’s attribute (claim, SAML attribute) it is filled from.',
  fields: (t) => ({
    userPoolAttribute: t.string({ resolve: (m) => m.key }),
    providerAttribute: t.string({ resolve: (m) => m.value }),
  }),
});

const ProviderType = builder.enumType('IdentityProviderType', {
  description: 'The kind of provider; COGNITO is the pool’s own directory of users, built in.',
  values: ['SAML', 'OIDC', 'Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple', 'COGNITO'] as const,
});
type ProviderTypeName = 'SAML' | 'OIDC' | 'Google' | 'Facebook' | 'LoginWithAmazon' | 'SignInWithApple' | 'COGNITO';
const providerTypes = new Set<string>(['SAML', 'OIDC', 'Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple', 'COGNITO']);
const asProviderType = (type: string | undefined): ProviderTypeName | null =>
  type !== undefined && providerTypes.has(type) ? (type as ProviderTypeName) : null;

builder.node(IdentityProviderRef, {
  loadMany: loadIdentityProviderNodes,
  authScopes: { admin: true },
  description:
    'A provider users of a pool sign in with, known by (userPoolId, providerName): an external one (SAML, OIDC, Google, Facebook, Login with Amazon, Sign in with Apple), or COGNITO, the pool’s own directory. A provider’s client_secret and private_key are never returned.',
  id: { resolve: (provider) => joinKey(provider.userPoolId, provider.providerName) },
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    providerName: t.exposeString('providerName'),
    providerType: t.field({
      type: ProviderType,
      nullable: true,
      resolve: async (p, _, ctx) => asProviderType((await identityProviderSummary(ctx, p)).providerType),
    }),
    builtIn: t.boolean({ description: 'Whether this is COGNITO, the pool’s own directory.', resolve: (p) => p.providerName === 'COGNITO' }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: async (p, _, ctx) => (await identityProviderSummary(ctx, p)).createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: async (p, _, ctx) => (await identityProviderSummary(ctx, p)).updatedAt,
    }),
    providerDetails: t.field({
      type: [ProviderDetail],
      description: 'The provider’s settings, which depend on its type; without its secrets (see secretProviderDetails).',
      resolve: async (p, _, ctx) => (await identityProviderDetail(ctx, p)).providerDetails,
    }),
    secretProviderDetails: t.stringList({
      description: 'The secret settings the provider has (client_secret, private_key): set, and never returned.',
      resolve: async (p, _, ctx) => (await identityProviderDetail(ctx, p)).secretProviderDetails,
    }),
    attributeMapping: t.field({
      type: [AttributeMapping],
      resolve: async (p, _, ctx) => (await identityProviderDetail(ctx, p)).attributeMapping,
    }),
    idpIdentifiers: t.stringList({
      description: 'Identifiers (such as email domains) that send a user to this provider.',
      resolve: async (p, _, ctx) => (await identityProviderDetail(ctx, p)).idpIdentifiers,
    }),
    pool: t.field({ type: UserPoolRef, nullable: true, resolve: (p) => userPoolReference(p.userPoolId) }),
  }),
});

builder.objectFields(UserPoolRef, (t) => ({
  identityProviders: t.connection(
    {
      type: IdentityProviderRef,
      nullable: true,
      description: 'The pool’s external identity providers (ListIdentityProviders). COGNITO, built in, is not among them.',
      resolve: (pool, args, ctx) => listIdentityProviders(ctx, pool.userPoolId, args),
    },
    IdentityProviderConnection,
  ),
  identityProvider: t.field({
    type: IdentityProviderRef,
    nullable: true,
    description: 'A provider of this pool by name (DescribeIdentityProvider); COGNITO answers the built-in one; null when there is none.',
    args: { providerName: t.arg.string({ required: true }) },
    resolve: (pool, args, ctx) => getIdentityProvider(ctx, { userPoolId: pool.userPoolId, providerName: args.providerName }),
  }),
  identityProviderByIdentifier: t.field({
    type: IdentityProviderRef,
    nullable: true,
    description:
      'The provider an identifier (such as an email domain) sends users to (GetIdentityProviderByIdentifier); null when none does.',
    args: { identifier: t.arg.string({ required: true }) },
    resolve: (pool, args, ctx) => getIdentityProviderByIdentifier(ctx, pool.userPoolId, args.identifier),
  }),
}));

builder.objectFields(ClientRef, (t) => ({
  identityProviders: t.field({
    type: [IdentityProviderRef],
    nullable: true,
    description:
      'The providers users of this app client sign in with (its SupportedIdentityProviders), COGNITO for the pool’s own directory. Each is described once per request, however many clients list it.',
    resolve: async (c, _, ctx) => clientIdentityProviders(c.userPoolId, (await clientDetail(ctx, c)).supportedIdentityProviders),
  }),
}));

const ProviderDetailInput = builder.inputType('IdentityProviderDetailInput', {
  fields: (t) => ({ key: t.string({ required: true }), value: t.string({ required: true }) }),
});

const AttributeMappingInput = builder.inputType('IdentityProviderAttributeMappingInput', {
  fields: (t) => ({
    userPoolAttribute: t.string({ required: true, description: 'Such as email, or username for the provider’s subject.' }),
    providerAttribute: t.string({ required: true, description: 'The provider’s claim or SAML attribute.' }),
  }),
});

function settingsFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    attributeMapping: t.field({ type: [AttributeMappingInput], required: false }),
    idpIdentifiers: t.stringList({ required: false, description: 'Up to 50 identifiers (such as email domains) that send users here.' }),
  };
}

const providerErrors: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'ResourceNotFoundException',
  'ConcurrentModificationException',
];

builder.relayMutationField(
  'createIdentityProvider',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      providerName: t.string({ required: true }),
      providerType: t.field({ type: ProviderType, required: true }),
      providerDetails: t.field({
        type: [ProviderDetailInput],
        required: true,
        description:
          'The settings of the provider’s type (API reference, CreateIdentityProvider): client_id, client_secret and authorize_scopes for Google, Facebook and Login with Amazon; client_id, team_id, key_id, private_key and authorize_scopes for Apple; client_id, client_secret, attributes_request_method, oidc_issuer and authorize_scopes for OIDC; MetadataURL or MetadataFile for SAML.',
      }),
      ...settingsFields(t),
    }),
  },
  {
    ...admin,
    description:
      'Adds an external identity provider to the pool (CreateIdentityProvider). Its secrets go to Cognito and are never returned.',
    errors: { types: cognitoErrors(...providerErrors, 'DuplicateProviderException', 'LimitExceededException') },
    resolve: (_, { input }, ctx) => createIdentityProvider(ctx, input),
  },
  {
    outputFields: (t) => ({ identityProvider: t.field({ type: IdentityProviderRef, nullable: true, resolve: (p) => p.identityProvider }) }),
  },
);

builder.relayMutationField(
  'updateIdentityProvider',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      providerName: t.string({ required: true }),
      providerDetails: t.field({
        type: [ProviderDetailInput],
        required: false,
        description: 'Settings to set; the others are kept (a secret too: a change of scopes needs no client_secret).',
      }),
      removeProviderDetails: t.stringList({ required: false, description: 'Names of settings to remove.' }),
      ...settingsFields(t),
    }),
  },
  {
    ...admin,
    description:
      'Changes an identity provider. Only what the input names changes: settings key by key, the attribute mapping and identifiers whole when given; the gateway carries the rest over (UpdateIdentityProvider).',
    errors: { types: cognitoErrors(...providerErrors, 'UnsupportedIdentityProviderException') },
    resolve: (_, { input }, ctx) => updateIdentityProvider(ctx, input),
  },
  {
    outputFields: (t) => ({ identityProvider: t.field({ type: IdentityProviderRef, nullable: true, resolve: (p) => p.identityProvider }) }),
  },
);

builder.relayMutationField(
  'deleteIdentityProvider',
  { inputFields: (t) => ({ userPoolId: t.string({ required: true }), providerName: t.string({ required: true }) }) },
  {
    ...admin,
    description: 'Removes an identity provider from the pool (DeleteIdentityProvider).',
    errors: { types: cognitoErrors(...providerErrors, 'UnsupportedIdentityProviderException') },
    resolve: (_, { input }, ctx) => deleteIdentityProvider(ctx, input),
  },
  {
    outputFields: (t) => ({
      deletedProviderName: t.exposeString('deletedProviderName'),
      deletedId: t.id({
        description: 'The deleted provider’s global id.',
        resolve: (p) => encodeGlobalID('IdentityProvider', joinKey(p.userPoolId, p.deletedProviderName)),
      }),
    }),
  },
);
