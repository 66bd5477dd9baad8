import type { CognitoException } from '../domain/codes';
import type { AuthFactorsRecord, WebAuthnCredentialRecord } from '../domain/records';
import {
  completeWebAuthnRegistration,
  deleteWebAuthnCredential,
  getUserAuthFactors,
  getViewerAuthFactors,
  listViewerPasskeys,
  startWebAuthnRegistration,
} from '../resolvers/passkeys';
import { getViewer } from '../resolvers/viewer';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { UserRef } from './refs';
import { Viewer } from './viewer';

const admin = { authScopes: { admin: true } } as const;
const signedIn = { authScopes: { signedIn: true } } as const;

const WebAuthnCredential = builder.objectRef<WebAuthnCredentialRecord>('WebAuthnCredential').implement({
  description: 'A passkey the signed-in user registered (ListWebAuthnCredentials).',
  fields: (t) => ({
    credentialId: t.exposeString('credentialId', { description: 'The credential’s id (base64url), as deleteWebAuthnCredential takes it.' }),
    friendlyName: t.exposeString('friendlyName', { nullable: true, description: 'The name the authenticator gave it.' }),
    relyingPartyId: t.exposeString('relyingPartyId', { description: 'The domain the passkey is bound to.' }),
    authenticatorAttachment: t.exposeString('authenticatorAttachment', {
      nullable: true,
      description: '`platform` (built into the device) or `cross-platform` (a security key, a phone).',
    }),
    transports: t.exposeStringList('transports', { description: 'How the authenticator is reached: usb, nfc, ble, internal, hybrid.' }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.createdAt }),
  }),
});

const WebAuthnCredentialConnection = builder.connectionObject({ type: WebAuthnCredential, name: 'WebAuthnCredentialConnection' });

const AuthFactors = builder.objectRef<AuthFactorsRecord>('AuthFactors').implement({
  description: 'How a user can sign in and which MFA methods it has (GetUserAuthFactors, AdminGetUserAuthFactors).',
  fields: (t) => ({
    preferredMfa: t.exposeString('preferredMfa', {
      nullable: true,
      description: 'SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP; null when none is preferred.',
    }),
    mfaMethods: t.exposeStringList('mfaMethods', {
      description: 'The MFA methods the user has on (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP).',
    }),
    configuredFactors: t.exposeStringList('configuredFactors', {
      description: 'The choice-based sign-in factors the user has set up: PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN, SOFTWARE_TOKEN.',
    }),
  }),
});

builder.objectFields(Viewer, (t) => ({
  passkeys: t.connection(
    {
      type: WebAuthnCredential,
      nullable: true,
      description: 'Your passkeys (ListWebAuthnCredentials), at most 20 a page.',
      resolve: (_, args, ctx) => listViewerPasskeys(ctx, args),
    },
    WebAuthnCredentialConnection,
  ),
  authFactors: t.field({
    type: AuthFactors,
    nullable: true,
    description: 'How you can sign in and your MFA methods (GetUserAuthFactors).',
    resolve: (_, __, ctx) => getViewerAuthFactors(ctx),
  }),
}));

builder.objectFields(UserRef, (t) => ({
  authFactors: t.field({
    ...admin,
    type: AuthFactors,
    nullable: true,
    description: 'How the user can sign in and its MFA methods (AdminGetUserAuthFactors).',
    resolve: (user, _, ctx) => getUserAuthFactors(ctx, user),
  }),
}));

function viewerAfter<Payload>(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Payload>) {
  return t.field({
    type: Viewer,
    nullable: true,
    description: 'Your account after the change: refetch `passkeys` and `authFactors` from here.',
    resolve: (_, __, ctx) => getViewer(ctx),
  });
}

const passkeyErrors: CognitoException[] = [
  'InvalidParameterException',
  'LimitExceededException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'PasswordResetRequiredException',
];

builder.relayMutationField(
  'startWebAuthnRegistration',
  { inputFields: (t) => ({ confirm: t.boolean({ required: false, description: 'Ignored; inputs cannot be empty.' }) }) },
  {
    ...signedIn,
    description:
      'Starts registering a passkey (StartWebAuthnRegistration): pass `credentialCreationOptions` to navigator.credentials.create() in the browser, then its result to completeWebAuthnRegistration.',
    errors: { types: cognitoErrors(...passkeyErrors, 'WebAuthnConfigurationMissingException', 'WebAuthnNotEnabledException') },
    resolve: (_, __, ctx) => startWebAuthnRegistration(ctx),
  },
  {
    outputFields: (t) => ({
      credentialCreationOptions: t.field({
        type: 'JSONObject',
        description: 'The PublicKeyCredentialCreationOptions (JSON) for navigator.credentials.create().',
        resolve: (p) => p.credentialCreationOptions,
      }),
      viewer: viewerAfter(t),
    }),
  },
);

builder.relayMutationField(
  'completeWebAuthnRegistration',
  {
    inputFields: (t) => ({
      credential: t.field({
        type: 'JSONObject',
        required: true,
        description: 'The credential navigator.credentials.create() returned, as JSON (PublicKeyCredential.toJSON()).',
      }),
    }),
  },
  {
    ...signedIn,
    description: 'Registers the passkey the browser made for the options of startWebAuthnRegistration (CompleteWebAuthnRegistration).',
    errors: {
      types: cognitoErrors(
        ...passkeyErrors,
        'WebAuthnChallengeNotFoundException',
        'WebAuthnClientMismatchException',
        'WebAuthnCredentialNotSupportedException',
        'WebAuthnNotEnabledException',
        'WebAuthnOriginNotAllowedException',
        'WebAuthnRelyingPartyMismatchException',
      ),
    },
    resolve: (_, { input }, ctx) => completeWebAuthnRegistration(ctx, input),
  },
  { outputFields: (t) => ({ registered: t.exposeBoolean('registered'), viewer: viewerAfter(t) }) },
);

builder.relayMutationField(
  'deleteWebAuthnCredential',
  { inputFields: (t) => ({ credentialId: t.string({ required: true }) }) },
  {
    ...signedIn,
    description: 'Deletes one of your passkeys (DeleteWebAuthnCredential).',
    errors: { types: cognitoErrors(...passkeyErrors, 'ResourceNotFoundException') },
    resolve: (_, { input }, ctx) => deleteWebAuthnCredential(ctx, input),
  },
  { outputFields: (t) => ({ deletedCredentialId: t.exposeString('deletedCredentialId'), viewer: viewerAfter(t) }) },
);
