import { encodeGlobalID } from '@pothos/plugin-relay';
import type { CognitoException } from '../domain/codes';
import type { ClientRecord } from '../domain/records';
import { createUserPoolClient, deleteUserPoolClient, updateUserPoolClient } from '../resolvers/clients';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { joinKey } from './natural-keys';
import { ClientRef } from './refs';

const admin = { authScopes: { admin: true } } as const;
const clientErrors: CognitoException[] = [
  'ResourceNotFoundException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'LimitExceededException',
  'ScopeDoesNotExistException',
  'InvalidOAuthFlowException',
  'ConcurrentModificationException',
];

const OAuthFlow = builder.enumType('OAuthFlow', { values: ['code', 'implicit', 'client_credentials'] as const });

function settingsFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    explicitAuthFlows: t.stringList({
      required: false,
      description:
        'ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_USER_AUTH.',
    }),
    allowedOAuthFlows: t.field({ type: [OAuthFlow], required: false }),
    allowedOAuthScopes: t.stringList({ required: false }),
    allowedOAuthFlowsUserPoolClient: t.boolean({ required: false }),
    callbackUrls: t.stringList({ required: false }),
    logoutUrls: t.stringList({ required: false }),
    defaultRedirectUri: t.string({ required: false }),
    supportedIdentityProviders: t.stringList({ required: false }),
    readAttributes: t.stringList({ required: false }),
    writeAttributes: t.stringList({ required: false }),
    accessTokenValidityMinutes: t.int({ required: false, description: '5 to 1440.' }),
    idTokenValidityMinutes: t.int({ required: false, description: '5 to 1440.' }),
    refreshTokenValidityDays: t.int({ required: false, description: '1 to 3650.' }),
    preventUserExistenceErrors: t.boolean({
      required: false,
      description: 'Answer sign-in failures the same whether or not the user exists.',
    }),
    enableTokenRevocation: t.boolean({ required: false }),
  };
}

builder.relayMutationField(
  'createUserPoolClient',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      clientName: t.string({ required: true }),
      generateSecret: t.boolean({ required: false, description: 'For server-side clients; browsers and apps cannot keep a secret.' }),
      returnSecret: t.boolean({
        required: false,
        description: 'Put the new secret in this payload. It is shown this once and never again.',
      }),
      ...settingsFields(t),
    }),
  },
  {
    ...admin,
    description: 'Creates an app client (CreateUserPoolClient).',
    errors: { types: cognitoErrors(...clientErrors) },
    resolve: (_, { input }, ctx) => createUserPoolClient(ctx, input),
  },
  {
    outputFields: (t) => ({
      client: t.field({ type: ClientRef, nullable: true, resolve: (p) => p.client }),
      clientSecret: t.string({
        nullable: true,
        description: 'Only with generateSecret and returnSecret: store it now, it is never returned again.',
        resolve: (p) => p.clientSecret,
      }),
    }),
  },
);

builder.relayMutationField(
  'updateUserPoolClient',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      clientId: t.string({ required: true }),
      clientName: t.string({ required: false }),
      ...settingsFields(t),
    }),
  },
  {
    ...admin,
    description:
      'Changes an app client. Only what the input names changes: the gateway carries the other settings over (UpdateUserPoolClient alone would reset them).',
    errors: { types: cognitoErrors(...clientErrors) },
    resolve: (_, { input }, ctx) => updateUserPoolClient(ctx, input),
  },
  {
    outputFields: (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, { client: ClientRecord }>) => ({
      client: t.field({ type: ClientRef, nullable: true, resolve: (p) => p.client }),
    }),
  },
);

builder.relayMutationField(
  'deleteUserPoolClient',
  { inputFields: (t) => ({ userPoolId: t.string({ required: true }), clientId: t.string({ required: true }) }) },
  {
    ...admin,
    description: 'Deletes an app client (DeleteUserPoolClient).',
    errors: { types: cognitoErrors(...clientErrors) },
    resolve: (_, { input }, ctx) => deleteUserPoolClient(ctx, input),
  },
  {
    outputFields: (t) => ({
      deletedClientId: t.exposeString('deletedClientId'),
      deletedId: t.id({
        description: 'The deleted client’s global id.',
        resolve: (p) => encodeGlobalID('Client', joinKey(p.userPoolId, p.deletedClientId)),
      }),
    }),
  },
);
