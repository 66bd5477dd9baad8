import type { CognitoException } from '../domain/codes';
import { adminDisableProviderForUser, adminLinkProviderForUser } from '../resolvers/provider-links';
import { getUser } from '../resolvers/users';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { UserRef } from './refs';

const admin = { authScopes: { admin: true } } as const;

const ProviderUserInput = builder.inputType('ProviderUserInput', {
  description:
    'A user as a provider knows it (ProviderUserIdentifierType). For a user of the pool: provider `Cognito`, the username as value.',
  fields: (t) => ({
    providerName: t.string({
      required: true,
      description: '`Cognito`, `Google`, `Facebook`, `LoginWithAmazon`, or the name of a SAML/OIDC provider.',
    }),
    providerAttributeName: t.string({
      required: false,
      description: 'Such as `Cognito_Subject` for social providers; ignored for a destination user.',
    }),
    providerAttributeValue: t.string({ required: true, description: 'The user’s id at the provider (or username, for `Cognito`).' }),
  }),
});

const linkErrors: CognitoException[] = [
  'AliasExistsException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'ResourceNotFoundException',
  'UserNotFoundException',
];

builder.relayMutationField(
  'adminLinkProviderForUser',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      destinationUser: t.field({ type: ProviderUserInput, required: true, description: 'The existing user who is signed in from now on.' }),
      sourceUser: t.field({ type: ProviderUserInput, required: true, description: 'The external identity, not yet a user of the pool.' }),
    }),
  },
  {
    ...admin,
    description: 'Links an external provider’s identity to an existing user (AdminLinkProviderForUser).',
    errors: { types: cognitoErrors(...linkErrors, 'LimitExceededException') },
    resolve: (_, { input }, ctx) => adminLinkProviderForUser(ctx, input),
  },
  {
    outputFields: (t) => ({
      user: t.field({
        type: UserRef,
        nullable: true,
        description: 'The destination user, when it is a user of the pool (provider `Cognito`).',
        resolve: (p, _, ctx) => (p.username === undefined ? null : getUser(ctx, { userPoolId: p.userPoolId, username: p.username })),
      }),
    }),
  },
);

builder.relayMutationField(
  'adminDisableProviderForUser',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      user: t.field({ type: ProviderUserInput, required: true, description: 'The external identity to unlink and disable.' }),
    }),
  },
  {
    ...admin,
    description: 'Unlinks an external identity from its user and disables its sign-in (AdminDisableProviderForUser).',
    errors: { types: cognitoErrors(...linkErrors) },
    resolve: (_, { input }, ctx) => adminDisableProviderForUser(ctx, input),
  },
  {
    outputFields: (t) => ({
      providerName: t.exposeString('providerName'),
      providerAttributeValue: t.exposeString('providerAttributeValue'),
    }),
  },
);
