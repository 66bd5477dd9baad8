import type { CognitoException } from '../domain/codes';
import type { UICustomizationRecord } from '../domain/records';
import { getUICustomization, setUICustomization } from '../resolvers/ui-customization';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { ClientRef, UserPoolRef } from './refs';

const admin = { authScopes: { admin: true } } as const;

export const UICustomizationRef = builder.objectRef<UICustomizationRecord>('UICustomization').implement({
  description: 'The classic hosted UI’s CSS and logo, of a pool (every app client without its own) or of one app client.',
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    clientId: t.string({
      nullable: true,
      description: 'The app client whose own settings these are; null when they are the pool’s (Cognito’s ClientId ALL).',
      resolve: (ui) => ui.clientId,
    }),
    css: t.string({ nullable: true, resolve: (ui) => ui.css }),
    cssVersion: t.string({ nullable: true, resolve: (ui) => ui.cssVersion }),
    imageUrl: t.string({ nullable: true, description: 'Where Cognito serves the logo.', resolve: (ui) => ui.imageUrl }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (ui) => ui.createdAt }),
    lastModifiedAt: t.field({ type: 'DateTime', nullable: true, resolve: (ui) => ui.lastModifiedAt }),
  }),
});

builder.objectFields(UserPoolRef, (t) => ({
  uiCustomization: t.field({
    ...admin,
    type: UICustomizationRef,
    nullable: true,
    description: 'The classic hosted UI’s pool-wide CSS and logo (GetUICustomization, ClientId ALL).',
    resolve: (pool, _, ctx) => getUICustomization(ctx, { userPoolId: pool.userPoolId }),
  }),
}));

builder.objectFields(ClientRef, (t) => ({
  uiCustomization: t.field({
    ...admin,
    type: UICustomizationRef,
    nullable: true,
    description:
      'The classic hosted UI’s CSS and logo this app client shows (GetUICustomization): its own, or, as Cognito falls back for a client without its own, the pool’s (then `clientId` is null).',
    resolve: (client, _, ctx) => getUICustomization(ctx, { userPoolId: client.userPoolId, clientId: client.clientId }),
  }),
}));

const errors: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'ResourceNotFoundException',
];

builder.relayMutationField(
  'setUICustomization',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      clientId: t.string({ required: false, description: 'An app client’s own settings; left out, the pool’s.' }),
      css: t.string({ required: false, description: 'At most 131,072 characters; left out, the current CSS is kept.' }),
      imageFile: t.string({
        required: false,
        description: 'The logo, base64 PNG or JPEG, at most 100 KB; left out, the current logo is kept.',
      }),
      removeCss: t.boolean({ required: false }),
      removeImage: t.boolean({ required: false }),
    }),
  },
  {
    ...admin,
    description:
      'Sets the classic hosted UI’s CSS and logo (SetUICustomization). Cognito sets both at once; the gateway sends back the one the input leaves out. Needs a pool domain.',
    errors: { types: cognitoErrors(...errors) },
    resolve: (_, { input }, ctx) => setUICustomization(ctx, input),
  },
  { outputFields: (t) => ({ uiCustomization: t.field({ type: UICustomizationRef, resolve: (r) => r }) }) },
);
