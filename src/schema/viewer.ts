import {
  changePassword,
  deleteUser,
  deleteUserAttributes,
  getUserAttributeVerificationCode,
  getViewer,
  globalSignOut,
  setUserSettings,
  updateUserAttributes,
  verifyUserAttribute,
} from '../resolvers/viewer';
import type { CognitoException } from '../domain/codes';
import { invalidInput } from '../domain/gateway-error';
import type { UserRecord } from '../domain/records';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { AttributeInput, CodeDelivery, codeDeliveryField } from './shared-types';
import { UserProfile } from './user';

const signedIn = { authScopes: { signedIn: true } } as const;

/** Prefixed: a supergraph's other subgraphs often have a `Viewer` of their own (README, "Names in a supergraph"). */
export const Viewer = builder.objectRef<UserRecord>('CognitoViewer').implement({
  description: 'The signed-in user, read with its own access token (GetUser).',
  interfaces: [UserProfile],
  isTypeOf: () => true,
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    ...signedIn,
    type: Viewer,
    nullable: true,
    description: 'The signed-in user (send `Authorization: Bearer <access token>`).',
    resolve: (_, __, ctx) => getViewer(ctx),
  }),
}));

const tokenErrors: CognitoException[] = [
  'NotAuthorizedException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
  'UserNotFoundException',
];

builder.relayMutationField(
  'changePassword',
  {
    inputFields: (t) => ({
      previousPassword: t.string({ required: true }),
      proposedPassword: t.string({ required: true }),
    }),
  },
  {
    ...signedIn,
    description: 'Changes the signed-in user’s password (ChangePassword).',
    errors: {
      types: cognitoErrors('InvalidPasswordException', 'PasswordHistoryPolicyViolationException', 'LimitExceededException', ...tokenErrors),
    },
    resolve: (_, { input }, ctx) => changePassword(ctx, input),
  },
  { outputFields: (t) => ({ passwordChanged: t.exposeBoolean('passwordChanged') }) },
);

builder.relayMutationField(
  'updateUserAttributes',
  { inputFields: (t) => ({ attributes: t.field({ type: [AttributeInput], required: true }) }) },
  {
    ...signedIn,
    description: 'Sets attributes of the signed-in user; changed email or phone numbers get a verification code (UpdateUserAttributes).',
    errors: {
      types: cognitoErrors(
        'AliasExistsException',
        'InvalidParameterException',
        'CodeDeliveryFailureException',
        'CodeMismatchException',
        ...tokenErrors,
      ),
    },
    resolve: (_, { input }, ctx) => updateUserAttributes(ctx, input),
  },
  {
    outputFields: (t) => ({
      codeDeliveries: t.field({ type: [CodeDelivery], nullable: { list: false, items: true }, resolve: (p) => p.codeDeliveries }),
      viewer: t.field({
        type: Viewer,
        nullable: true,
        description: 'The account after the change.',
        resolve: (_, __, ctx) => getViewer(ctx),
      }),
    }),
  },
);

builder.relayMutationField(
  'deleteUserAttributes',
  { inputFields: (t) => ({ names: t.stringList({ required: true }) }) },
  {
    ...signedIn,
    description: 'Removes attributes of the signed-in user (DeleteUserAttributes).',
    errors: { types: cognitoErrors('InvalidParameterException', ...tokenErrors) },
    resolve: (_, { input }, ctx) => deleteUserAttributes(ctx, input),
  },
  {
    outputFields: (t) => ({
      deletedAttributes: t.exposeStringList('deletedAttributes'),
      viewer: t.field({
        type: Viewer,
        nullable: true,
        description: 'The account after the change.',
        resolve: (_, __, ctx) => getViewer(ctx),
      }),
    }),
  },
);

builder.relayMutationField(
  'deleteUser',
  {
    inputFields: (t) => ({
      confirm: t.boolean({ required: true, description: 'Must be true: the account and its data are deleted for good.' }),
    }),
  },
  {
    ...signedIn,
    description: 'Deletes the signed-in user’s own account (DeleteUser).',
    errors: { types: cognitoErrors(...tokenErrors) },
    resolve: (_, { input }, ctx) => {
      if (!input.confirm) throw invalidInput('input.confirm', 'must be true to delete the account');
      return deleteUser(ctx);
    },
  },
  { outputFields: (t) => ({ deletedUsername: t.exposeString('deletedUsername') }) },
);

builder.relayMutationField(
  'getUserAttributeVerificationCode',
  { inputFields: (t) => ({ attributeName: t.string({ required: true, description: 'email or phone_number.' }) }) },
  {
    ...signedIn,
    description: 'Sends the signed-in user a code to verify an attribute (GetUserAttributeVerificationCode).',
    errors: { types: cognitoErrors('CodeDeliveryFailureException', 'InvalidParameterException', 'LimitExceededException', ...tokenErrors) },
    resolve: (_, { input }, ctx) => getUserAttributeVerificationCode(ctx, input),
  },
  { outputFields: (t) => ({ codeDelivery: codeDeliveryField(t) }) },
);

builder.relayMutationField(
  'verifyUserAttribute',
  { inputFields: (t) => ({ attributeName: t.string({ required: true }), code: t.string({ required: true }) }) },
  {
    ...signedIn,
    description: 'Verifies an attribute with the code sent for it (VerifyUserAttribute).',
    errors: {
      types: cognitoErrors(
        'CodeMismatchException',
        'ExpiredCodeException',
        'AliasExistsException',
        'LimitExceededException',
        ...tokenErrors,
      ),
    },
    resolve: (_, { input }, ctx) => verifyUserAttribute(ctx, input),
  },
  {
    outputFields: (t) => ({
      verifiedAttribute: t.exposeString('verifiedAttribute'),
      viewer: t.field({
        type: Viewer,
        nullable: true,
        description: 'The account after the change.',
        resolve: (_, __, ctx) => getViewer(ctx),
      }),
    }),
  },
);

builder.relayMutationField(
  'globalSignOut',
  { inputFields: (t) => ({ confirm: t.boolean({ required: false, description: 'Ignored; inputs cannot be empty.' }) }) },
  {
    ...signedIn,
    description: 'Signs the user out on every device: its refresh tokens stop working (GlobalSignOut).',
    errors: { types: cognitoErrors(...tokenErrors) },
    resolve: (_, __, ctx) => globalSignOut(ctx),
  },
  { outputFields: (t) => ({ signedOut: t.exposeBoolean('signedOut') }) },
);

const MfaDeliveryMedium = builder.enumType('MfaDeliveryMedium', { values: ['SMS', 'EMAIL'] as const });

export const MfaOptionInput = builder.inputType('MfaOptionInput', {
  fields: (t) => ({
    deliveryMedium: t.field({ type: MfaDeliveryMedium, required: true }),
    attributeName: t.string({ required: true }),
  }),
});

builder.relayMutationField(
  'setUserSettings',
  { inputFields: (t) => ({ mfaOptions: t.field({ type: [MfaOptionInput], required: true }) }) },
  {
    ...signedIn,
    description: 'Sets the signed-in user’s legacy SMS MFA options (SetUserSettings).',
    errors: { types: cognitoErrors('InvalidParameterException', ...tokenErrors) },
    resolve: (_, { input }, ctx) => setUserSettings(ctx, input),
  },
  {
    outputFields: (t) => ({
      mfaOptionsSet: t.exposeInt('mfaOptionsSet'),
      viewer: t.field({
        type: Viewer,
        nullable: true,
        description: 'The account after the change.',
        resolve: (_, __, ctx) => getViewer(ctx),
      }),
    }),
  },
);
