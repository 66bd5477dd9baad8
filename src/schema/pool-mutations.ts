import { encodeGlobalID } from '@pothos/plugin-relay';
import { addCustomAttributes, createUserPool, deleteUserPool, updateUserPool } from '../resolvers/user-pools';
import type { CognitoException } from '../domain/codes';
import type { UserPoolRecord } from '../domain/records';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { UserPoolRef } from './refs';

const admin = { authScopes: { admin: true } } as const;
const poolErrors: CognitoException[] = [
  'ResourceNotFoundException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'LimitExceededException',
  'ConcurrentModificationException',
];

const SignInAttribute = builder.enumType('SignInAttribute', { values: ['email', 'phone_number'] as const });
const AliasAttribute = builder.enumType('AliasAttribute', { values: ['email', 'phone_number', 'preferred_username'] as const });
export const MfaConfiguration = builder.enumType('MfaConfiguration', { values: ['OFF', 'ON', 'OPTIONAL'] as const });
const AttributeDataType = builder.enumType('AttributeDataType', { values: ['String', 'Number', 'DateTime', 'Boolean'] as const });

const PasswordPolicyInput = builder.inputType('PasswordPolicyInput', {
  fields: (t) => ({
    minimumLength: t.int({ description: '6 to 99.' }),
    requireUppercase: t.boolean(),
    requireLowercase: t.boolean(),
    requireNumbers: t.boolean(),
    requireSymbols: t.boolean(),
    temporaryPasswordValidityDays: t.int({ description: '0 to 365.' }),
  }),
});

const CustomAttributeInput = builder.inputType('CustomAttributeInput', {
  description: 'A custom attribute; Cognito names it `custom:<name>`.',
  fields: (t) => ({
    name: t.string({ required: true, description: '1 to 20 characters, without `custom:`.' }),
    dataType: t.field({ type: AttributeDataType, required: true }),
    mutable: t.boolean({ description: 'Default true. Cannot be changed later.' }),
    developerOnly: t.boolean({ description: 'Readable and writable with administrator credentials only.' }),
    minLength: t.int(),
    maxLength: t.int(),
    minValue: t.int(),
    maxValue: t.int(),
  }),
});

function settingsFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    autoVerifiedAttributes: t.field({
      type: [SignInAttribute],
      required: false,
      description: 'Attributes Cognito verifies by sending a code.',
    }),
    mfaConfiguration: t.field({ type: MfaConfiguration, required: false }),
    deletionProtection: t.boolean({ required: false }),
    passwordPolicy: t.field({ type: PasswordPolicyInput, required: false }),
  };
}

function poolPayload(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, { userPool: UserPoolRecord | null }>) {
  return { userPool: t.field({ type: UserPoolRef, nullable: true, resolve: (p) => p.userPool }) };
}

builder.relayMutationField(
  'createUserPool',
  {
    inputFields: (t) => ({
      poolName: t.string({ required: true }),
      usernameAttributes: t.field({ type: [SignInAttribute], required: false, description: 'Sign in with these instead of a username.' }),
      aliasAttributes: t.field({ type: [AliasAttribute], required: false, description: 'Sign in with these as well as the username.' }),
      customAttributes: t.field({ type: [CustomAttributeInput], required: false }),
      ...settingsFields(t),
    }),
  },
  {
    ...admin,
    description: 'Creates a user pool (CreateUserPool).',
    errors: { types: cognitoErrors('UserPoolTaggingException', 'InvalidEmailRoleAccessPolicyException', ...poolErrors) },
    resolve: (_, { input }, ctx) => createUserPool(ctx, input),
  },
  { outputFields: poolPayload },
);

builder.relayMutationField(
  'updateUserPool',
  { inputFields: (t) => ({ userPoolId: t.string({ required: true }), ...settingsFields(t) }) },
  {
    ...admin,
    description:
      'Changes a pool’s settings. Only what the input names changes: the gateway carries the other settings over (UpdateUserPool alone would reset them).',
    errors: { types: cognitoErrors('UserPoolTaggingException', 'InvalidEmailRoleAccessPolicyException', ...poolErrors) },
    resolve: (_, { input }, ctx) => updateUserPool(ctx, input),
  },
  { outputFields: poolPayload },
);

builder.relayMutationField(
  'deleteUserPool',
  { inputFields: (t) => ({ userPoolId: t.string({ required: true }) }) },
  {
    ...admin,
    description: 'Deletes a user pool and every user in it (DeleteUserPool). Refused while deletion protection is on.',
    errors: { types: cognitoErrors('UserImportInProgressException', ...poolErrors) },
    resolve: (_, { input }, ctx) => deleteUserPool(ctx, input),
  },
  {
    outputFields: (t) => ({
      deletedUserPoolId: t.exposeString('deletedUserPoolId'),
      deletedId: t.id({ description: 'The deleted pool’s global id.', resolve: (p) => encodeGlobalID('UserPool', p.deletedUserPoolId) }),
    }),
  },
);

builder.relayMutationField(
  'addCustomAttributes',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      attributes: t.field({ type: [CustomAttributeInput], required: true }),
    }),
  },
  {
    ...admin,
    description: 'Adds custom attributes to a pool; they cannot be removed (AddCustomAttributes).',
    errors: { types: cognitoErrors('UserImportInProgressException', ...poolErrors) },
    resolve: (_, { input }, ctx) => addCustomAttributes(ctx, input),
  },
  { outputFields: poolPayload },
);
