import type { CognitoException } from '../domain/codes';
import type { BrandingAssetRecord, ManagedLoginBrandingRecord } from '../domain/records';
import { toBase64 } from '../resolvers/images';
import {
  createManagedLoginBranding,
  deleteManagedLoginBranding,
  describeManagedLoginBranding,
  describeManagedLoginBrandingByClient,
  updateManagedLoginBranding,
} from '../resolvers/managed-login-branding';
import { userPoolReference } from '../resolvers/user-pools';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { ClientRef, UserPoolRef } from './refs';

const admin = { authScopes: { admin: true } } as const;

const AssetCategory = builder.enumType('BrandingAssetCategory', {
  description: 'Where managed login shows an image.',
  values: [
    'FAVICON_ICO',
    'FAVICON_SVG',
    'EMAIL_GRAPHIC',
    'SMS_GRAPHIC',
    'AUTH_APP_GRAPHIC',
    'PASSWORD_GRAPHIC',
    'PASSKEY_GRAPHIC',
    'PAGE_HEADER_LOGO',
    'PAGE_HEADER_BACKGROUND',
    'PAGE_FOOTER_LOGO',
    'PAGE_FOOTER_BACKGROUND',
    'PAGE_BACKGROUND',
    'FORM_BACKGROUND',
    'FORM_LOGO',
    'IDP_BUTTON_ICON',
  ] as const,
});
const ColorMode = builder.enumType('BrandingColorMode', {
  description: 'LIGHT or DARK: shown only in that mode; DYNAMIC: in both.',
  values: ['LIGHT', 'DARK', 'DYNAMIC'] as const,
});
const AssetExtension = builder.enumType('BrandingAssetExtension', { values: ['ICO', 'JPEG', 'PNG', 'SVG', 'WEBP'] as const });

const Asset = builder.objectRef<BrandingAssetRecord>('BrandingAsset').implement({
  description: 'An image of a managed login branding style: one per category and colour mode.',
  fields: (t) => ({
    category: t.exposeString('category'),
    colorMode: t.exposeString('colorMode'),
    extension: t.exposeString('extension'),
    resourceId: t.string({ nullable: true, resolve: (asset) => asset.resourceId }),
    size: t.int({ nullable: true, description: 'The image’s size in bytes.', resolve: (asset) => asset.bytes?.byteLength ?? null }),
    bytes: t.string({
      nullable: true,
      description: 'The image, base64: encoded only when selected (images can be up to 1 MB each).',
      resolve: (asset) => (asset.bytes ? toBase64(asset.bytes) : null),
    }),
  }),
});

export const ManagedLoginBrandingRef = builder.objectRef<ManagedLoginBrandingRecord>('ManagedLoginBranding').implement({
  description:
    'A managed login branding style: settings and images of an app client’s sign-in pages. Known by (userPoolId, managedLoginBrandingId).',
  fields: (t) => ({
    managedLoginBrandingId: t.exposeString('managedLoginBrandingId'),
    userPoolId: t.exposeString('userPoolId'),
    pool: t.field({ type: UserPoolRef, resolve: (branding) => userPoolReference(branding.userPoolId) }),
    useCognitoProvidedValues: t.exposeBoolean('useCognitoProvidedValues', {
      description: 'Whether the style is Cognito’s own (its settings and images then stand for nothing).',
    }),
    settings: t.field({
      type: 'JSONObject',
      nullable: true,
      description: 'The style’s settings document (components, categories, ...), as Cognito holds it.',
      resolve: (branding) => branding.settings,
    }),
    assets: t.field({ type: [Asset], resolve: (branding) => branding.assets }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (branding) => branding.createdAt }),
    lastModifiedAt: t.field({ type: 'DateTime', nullable: true, resolve: (branding) => branding.lastModifiedAt }),
  }),
});

const mergedDescription = 'With true, settings and images Cognito would use by default are merged into the answer (ReturnMergedResources).';

builder.objectFields(UserPoolRef, (t) => ({
  managedLoginBranding: t.field({
    ...admin,
    type: ManagedLoginBrandingRef,
    nullable: true,
    args: {
      id: t.arg.string({ required: true }),
      returnMergedResources: t.arg.boolean({ required: false, description: mergedDescription }),
    },
    description: 'A managed login branding style of the pool by id (DescribeManagedLoginBranding); null when there is none.',
    resolve: (pool, args, ctx) =>
      describeManagedLoginBranding(ctx, {
        userPoolId: pool.userPoolId,
        managedLoginBrandingId: args.id,
        returnMergedResources: args.returnMergedResources,
      }),
  }),
}));

builder.objectFields(ClientRef, (t) => ({
  managedLoginBranding: t.field({
    ...admin,
    type: ManagedLoginBrandingRef,
    nullable: true,
    args: { returnMergedResources: t.arg.boolean({ required: false, description: mergedDescription }) },
    description: 'The app client’s managed login branding style (DescribeManagedLoginBrandingByClient); null when it has none.',
    resolve: (client, args, ctx) =>
      describeManagedLoginBrandingByClient(ctx, {
        userPoolId: client.userPoolId,
        clientId: client.clientId,
        returnMergedResources: args.returnMergedResources,
      }),
  }),
}));

const AssetInput = builder.inputType('BrandingAssetInput', {
  fields: (t) => ({
    category: t.field({ type: AssetCategory, required: true }),
    colorMode: t.field({ type: ColorMode, required: true }),
    extension: t.field({ type: AssetExtension, required: true }),
    bytes: t.string({ required: true, description: 'The image, base64; at most 1,000,000 bytes once decoded.' }),
  }),
});

const AssetSlotInput = builder.inputType('BrandingAssetSlotInput', {
  fields: (t) => ({
    category: t.field({ type: AssetCategory, required: true }),
    colorMode: t.field({ type: ColorMode, required: true }),
  }),
});

const common: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'ResourceNotFoundException',
  'ConcurrentModificationException',
];

const brandingPayload = (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, { managedLoginBranding: ManagedLoginBrandingRecord }>) => ({
  managedLoginBranding: t.field({ type: ManagedLoginBrandingRef, resolve: (p) => p.managedLoginBranding }),
});

builder.relayMutationField(
  'createManagedLoginBranding',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      clientId: t.string({ required: true }),
      useCognitoProvidedValues: t.boolean({ required: false, description: 'Cognito’s own style; then give no settings or assets.' }),
      settings: t.field({ type: 'JSONObject', required: false }),
      assets: t.field({ type: [AssetInput], required: false, description: 'At most 40, one per category and colour mode.' }),
    }),
  },
  {
    ...admin,
    description:
      'Creates an app client’s managed login branding style (CreateManagedLoginBranding). Cognito takes at most 2 MB a request (settings and images as base64) and the gateway’s body limit (MAX_BODY_BYTES) applies first: send more images with updateManagedLoginBranding.',
    errors: { types: cognitoErrors(...common, 'LimitExceededException', 'ManagedLoginBrandingExistsException') },
    resolve: (_, { input }, ctx) => createManagedLoginBranding(ctx, input),
  },
  { outputFields: brandingPayload },
);

builder.relayMutationField(
  'updateManagedLoginBranding',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      managedLoginBrandingId: t.string({ required: true }),
      useCognitoProvidedValues: t.boolean({ required: false }),
      settings: t.field({
        type: 'JSONObject',
        required: false,
        description: 'A JSON merge patch (RFC 7396) on the current settings: null removes a key, objects merge, other values replace.',
      }),
      assets: t.field({ type: [AssetInput], required: false, description: 'Images to add or replace (by category and colour mode).' }),
      removeAssets: t.field({ type: [AssetSlotInput], required: false, description: 'Images to remove.' }),
    }),
  },
  {
    ...admin,
    description:
      'Changes a managed login branding style (UpdateManagedLoginBranding); what the input leaves out is kept (the gateway reads the style first).',
    errors: { types: cognitoErrors(...common) },
    resolve: (_, { input }, ctx) => updateManagedLoginBranding(ctx, input),
  },
  { outputFields: brandingPayload },
);

builder.relayMutationField(
  'deleteManagedLoginBranding',
  { inputFields: (t) => ({ userPoolId: t.string({ required: true }), managedLoginBrandingId: t.string({ required: true }) }) },
  {
    ...admin,
    description: 'Deletes a managed login branding style (DeleteManagedLoginBranding).',
    errors: { types: cognitoErrors(...common) },
    resolve: (_, { input }, ctx) => deleteManagedLoginBranding(ctx, input),
  },
  {
    outputFields: (t) => ({
      deletedManagedLoginBrandingId: t.exposeString('deletedManagedLoginBrandingId'),
      pool: t.field({ type: UserPoolRef, resolve: (p) => userPoolReference(p.userPoolId) }),
    }),
  },
);
