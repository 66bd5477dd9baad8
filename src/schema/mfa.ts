import type { CognitoException } from '../domain/codes';
import type { MfaConfigRecord, UserPoolRecord } from '../domain/records';
import {
  adminDeleteSoftwareToken,
  adminSetUserMFAPreference,
  associateSoftwareToken,
  setUserMFAPreference,
  setUserPoolMfaConfig,
  userPoolMfaConfig,
  verifySoftwareToken,
} from '../resolvers/mfa';
import { getViewer } from '../resolvers/viewer';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { MfaConfiguration } from './pool-mutations';
import { UserPoolRef } from './refs';
import { userPayloadFields, userTargetFields } from './user-mutations';
import { Viewer } from './viewer';

/**
 * MFA (issue 16): the pool's MFA configuration, users' MFA preferences, and software token (TOTP)
 * set-up. The TOTP secret is shown once, in associateSoftwareToken's payload, to the caller setting
 * it up; the call path strips it from every other output and nothing logs or caches it.
 */

const admin = { authScopes: { admin: true } } as const;
const signedIn = { authScopes: { signedIn: true } } as const;

// ---------------------------------------------------------------------------------------------
// UserPool.mfaConfig
// ---------------------------------------------------------------------------------------------

const SmsMfaConfig = builder.objectRef<NonNullable<MfaConfigRecord['sms']>>('SmsMfaConfig').implement({
  description: 'SMS messages for MFA and sign-in codes.',
  fields: (t) => ({
    authenticationMessage: t.string({
      nullable: true,
      description: 'The message template; `{####}` is the code.',
      resolve: (s) => s.authenticationMessage,
    }),
    snsCallerArn: t.string({ nullable: true, description: 'The IAM role Cognito sends SMS with.', resolve: (s) => s.snsCallerArn }),
    externalId: t.string({ nullable: true, resolve: (s) => s.externalId }),
    snsRegion: t.string({ nullable: true, resolve: (s) => s.snsRegion }),
  }),
});

const SoftwareTokenMfaConfig = builder.objectRef<NonNullable<MfaConfigRecord['softwareToken']>>('SoftwareTokenMfaConfig').implement({
  description: 'Time-based one-time passwords (TOTP) from an authenticator app.',
  fields: (t) => ({ enabled: t.exposeBoolean('enabled') }),
});

const EmailMfaConfig = builder.objectRef<NonNullable<MfaConfigRecord['email']>>('EmailMfaConfig').implement({
  description: 'Email messages for MFA and sign-in codes (Essentials tier or higher).',
  fields: (t) => ({
    message: t.string({ nullable: true, resolve: (e) => e.message }),
    subject: t.string({ nullable: true, resolve: (e) => e.subject }),
  }),
});

const WebAuthnConfig = builder.objectRef<NonNullable<MfaConfigRecord['webAuthn']>>('WebAuthnConfig').implement({
  description: 'Passkeys (WebAuthn): the relying party and whether a passkey satisfies MFA.',
  fields: (t) => ({
    relyingPartyId: t.string({ nullable: true, resolve: (w) => w.relyingPartyId }),
    userVerification: t.string({ nullable: true, description: 'required or preferred.', resolve: (w) => w.userVerification }),
    factorConfiguration: t.string({
      nullable: true,
      description: 'SINGLE_FACTOR or MULTI_FACTOR_WITH_USER_VERIFICATION.',
      resolve: (w) => w.factorConfiguration,
    }),
  }),
});

const MfaConfig = builder.objectRef<MfaConfigRecord>('MfaConfig').implement({
  description: 'A pool’s MFA configuration (GetUserPoolMfaConfig). A method is null when Cognito does not describe it.',
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    mfaConfiguration: t.field({
      type: MfaConfiguration,
      nullable: true,
      resolve: (c) => (c.mfaConfiguration as 'OFF' | 'ON' | 'OPTIONAL' | undefined) ?? null,
    }),
    sms: t.field({ type: SmsMfaConfig, nullable: true, resolve: (c) => c.sms }),
    softwareToken: t.field({ type: SoftwareTokenMfaConfig, nullable: true, resolve: (c) => c.softwareToken }),
    email: t.field({ type: EmailMfaConfig, nullable: true, resolve: (c) => c.email }),
    webAuthn: t.field({ type: WebAuthnConfig, nullable: true, resolve: (c) => c.webAuthn }),
  }),
});

builder.objectField(UserPoolRef, 'mfaConfig', (t) =>
  t.field({
    type: MfaConfig,
    nullable: true,
    description: 'The pool’s MFA methods and their settings (GetUserPoolMfaConfig, once per pool per request).',
    resolve: (pool, _, ctx) => userPoolMfaConfig(ctx, pool),
  }),
);

// ---------------------------------------------------------------------------------------------
// setUserPoolMfaConfig
// ---------------------------------------------------------------------------------------------

const SmsMfaConfigInput = builder.inputType('SmsMfaConfigInput', {
  fields: (t) => ({
    authenticationMessage: t.string({ description: 'Must contain `{####}`, where the code goes.' }),
    snsCallerArn: t.string({ description: 'An IAM role Cognito may send SMS with.' }),
    externalId: t.string(),
    snsRegion: t.string(),
  }),
});

const SoftwareTokenMfaConfigInput = builder.inputType('SoftwareTokenMfaConfigInput', {
  fields: (t) => ({ enabled: t.boolean({ required: true }) }),
});

const EmailMfaConfigInput = builder.inputType('EmailMfaConfigInput', {
  fields: (t) => ({ message: t.string({ description: 'Must contain `{####}`, where the code goes.' }), subject: t.string() }),
});

const WebAuthnUserVerification = builder.enumType('WebAuthnUserVerification', { values: ['required', 'preferred'] as const });
const WebAuthnFactorConfiguration = builder.enumType('WebAuthnFactorConfiguration', {
  values: ['SINGLE_FACTOR', 'MULTI_FACTOR_WITH_USER_VERIFICATION'] as const,
});

const WebAuthnConfigInput = builder.inputType('WebAuthnConfigInput', {
  fields: (t) => ({
    relyingPartyId: t.string({ description: 'The domain passkeys are bound to.' }),
    userVerification: t.field({ type: WebAuthnUserVerification }),
    factorConfiguration: t.field({ type: WebAuthnFactorConfiguration }),
  }),
});

const mfaConfigErrors: CognitoException[] = [
  'ResourceNotFoundException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'ConcurrentModificationException',
  'FeatureUnavailableInTierException',
  'InvalidSmsRoleAccessPolicyException',
  'InvalidSmsRoleTrustRelationshipException',
];

builder.relayMutationField(
  'setUserPoolMfaConfig',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      mfaConfiguration: t.field({ type: MfaConfiguration, required: false }),
      sms: t.field({ type: SmsMfaConfigInput, required: false }),
      softwareToken: t.field({ type: SoftwareTokenMfaConfigInput, required: false }),
      email: t.field({ type: EmailMfaConfigInput, required: false }),
      webAuthn: t.field({ type: WebAuthnConfigInput, required: false }),
    }),
  },
  {
    ...admin,
    description:
      'Changes a pool’s MFA configuration (SetUserPoolMfaConfig). Only what the input names changes: the gateway reads the current configuration and carries the rest over. With MFA OFF, Cognito takes no SMS, TOTP or email settings.',
    errors: { types: cognitoErrors(...mfaConfigErrors) },
    resolve: (_, { input }, ctx) => setUserPoolMfaConfig(ctx, input),
  },
  {
    outputFields: (t) => ({
      mfaConfig: t.field({
        type: MfaConfig,
        description: 'The configuration as Cognito answered the change.',
        resolve: (p) => p.mfaConfig,
      }),
      userPool: t.field({ type: UserPoolRef, nullable: true, resolve: (p): UserPoolRecord => p.userPool }),
    }),
  },
);

// ---------------------------------------------------------------------------------------------
// MFA preferences
// ---------------------------------------------------------------------------------------------

const MfaMethodPreferenceInput = builder.inputType('MfaMethodPreferenceInput', {
  description: 'Leave a member out to keep it as it is.',
  fields: (t) => ({
    enabled: t.boolean({ description: 'Whether the user may be asked for this method.' }),
    preferred: t.boolean({ description: 'Asked for first; at most one method.' }),
  }),
});

const WebAuthnMfaPreferenceInput = builder.inputType('WebAuthnMfaPreferenceInput', {
  fields: (t) => ({ enabled: t.boolean({ description: 'Whether a passkey sign-in satisfies MFA for this user.' }) }),
});

function preferenceFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    sms: t.field({ type: MfaMethodPreferenceInput, required: false }),
    softwareToken: t.field({ type: MfaMethodPreferenceInput, required: false, description: 'TOTP: verify a token first.' }),
    email: t.field({ type: MfaMethodPreferenceInput, required: false }),
    webAuthn: t.field({ type: WebAuthnMfaPreferenceInput, required: false }),
  };
}

const preferenceErrors: CognitoException[] = [
  'UserNotFoundException',
  'ResourceNotFoundException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
];

builder.relayMutationField(
  'adminSetUserMFAPreference',
  { inputFields: (t) => ({ ...userTargetFields(t), ...preferenceFields(t) }) },
  {
    ...admin,
    description: 'Sets which MFA methods a user has on and which it is asked for first (AdminSetUserMFAPreference).',
    errors: { types: cognitoErrors(...preferenceErrors) },
    resolve: (_, { input }, ctx) => adminSetUserMFAPreference(ctx, input),
  },
  { outputFields: userPayloadFields },
);

function viewerAfter(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, { signedIn: boolean }>, description: string) {
  return t.field({
    type: Viewer,
    nullable: true,
    description,
    resolve: (payload, _, ctx) => (payload.signedIn ? getViewer(ctx) : null),
  });
}

builder.relayMutationField(
  'setUserMFAPreference',
  { inputFields: preferenceFields },
  {
    ...signedIn,
    description: 'Sets which MFA methods the signed-in user has on and which it is asked for first (SetUserMFAPreference).',
    errors: { types: cognitoErrors(...preferenceErrors) },
    resolve: async (_, { input }, ctx) => ({ ...(await setUserMFAPreference(ctx, input)), signedIn: true }),
  },
  {
    outputFields: (t) => ({
      preferenceSet: t.exposeBoolean('preferenceSet'),
      viewer: viewerAfter(t, 'The account after the change; `mfa` shows the new preference.'),
    }),
  },
);

builder.relayMutationField(
  'adminDeleteSoftwareToken',
  { inputFields: userTargetFields },
  {
    ...admin,
    description: 'Removes a user’s software token (TOTP), say after a lost phone (AdminDeleteSoftwareToken).',
    errors: {
      types: cognitoErrors(
        'UserNotFoundException',
        'ResourceNotFoundException',
        'InvalidParameterException',
        'NotAuthorizedException',
        'OperationNotEnabledException',
        'UserNotConfirmedException',
      ),
    },
    resolve: (_, { input }, ctx) => adminDeleteSoftwareToken(ctx, input),
  },
  { outputFields: userPayloadFields },
);

// ---------------------------------------------------------------------------------------------
// Software token (TOTP) set-up: signed in, or inside sign-in
// ---------------------------------------------------------------------------------------------

const CALLERS =
  'Two callers: a signed-in user (Authorization: Bearer <access token>), for its own account, with no `session`; or anyone inside sign-in, answering an MFA_SETUP challenge: then `session` (the challenge’s), `clientId` (an app client this gateway serves) and `username` are required, and the call is rate-limited like every public flow.';

function setUpFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    session: t.string({ required: false, description: 'The MFA_SETUP challenge’s session (set-up inside sign-in only).' }),
    clientId: t.string({ required: false, description: 'With `session`: the app client signing in.' }),
    username: t.string({ required: false, description: 'With `session`: the user signing in.' }),
  };
}

builder.relayMutationField(
  'associateSoftwareToken',
  { inputFields: setUpFields },
  {
    description: `Starts setting up a software token (TOTP): Cognito makes a new secret for an authenticator app (AssociateSoftwareToken). ${CALLERS}`,
    errors: {
      types: cognitoErrors(
        'ResourceNotFoundException',
        'InvalidParameterException',
        'NotAuthorizedException',
        'ConcurrentModificationException',
        'OperationNotEnabledException',
        'SoftwareTokenMFANotFoundException',
      ),
    },
    resolve: (_, { input }, ctx) => associateSoftwareToken(ctx, input),
  },
  {
    outputFields: (t) => ({
      secretCode: t.exposeString('secretCode', {
        description:
          'The TOTP secret for the authenticator app (as text or a QR code). Shown this once, to this caller only: the gateway neither logs nor keeps it.',
      }),
      session: t.exposeString('session', { nullable: true, description: 'Inside sign-in: pass it to verifySoftwareToken.' }),
      viewer: viewerAfter(t, 'The signed-in account; null inside sign-in.'),
    }),
  },
);

const VerifySoftwareTokenStatus = builder.enumType('VerifySoftwareTokenStatus', { values: ['SUCCESS', 'ERROR'] as const });

builder.relayMutationField(
  'verifySoftwareToken',
  {
    inputFields: (t) => ({
      userCode: t.string({ required: true, description: 'The 6 digits the authenticator app shows now.' }),
      friendlyDeviceName: t.string({ required: false, description: 'A name for the authenticator, such as “Work phone”.' }),
      ...setUpFields(t),
    }),
  },
  {
    description: `Finishes setting up a software token (TOTP) with a code from the app; then it can be turned on with setUserMFAPreference, or the sign-in goes on (VerifySoftwareToken). ${CALLERS}`,
    errors: {
      types: cognitoErrors(
        'CodeMismatchException',
        'EnableSoftwareTokenMFAException',
        'SoftwareTokenMFANotFoundException',
        'InvalidUserPoolConfigurationException',
        'OperationNotEnabledException',
        ...preferenceErrors.filter((exception) => exception !== 'OperationNotEnabledException'),
      ),
    },
    resolve: (_, { input }, ctx) => verifySoftwareToken(ctx, input),
  },
  {
    outputFields: (t) => ({
      status: t.field({ type: VerifySoftwareTokenStatus, resolve: (p) => p.status }),
      session: t.exposeString('session', {
        nullable: true,
        description: 'Inside sign-in: answer the MFA_SETUP challenge with it to finish signing in.',
      }),
      viewer: viewerAfter(t, 'The signed-in account after the change; null inside sign-in.'),
    }),
  },
);
