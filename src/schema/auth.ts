import type { CognitoException } from '../domain/codes';
import type { SignInStepRecord } from '../domain/records';
import { preferredChallenges } from '../resolvers/auth-parameters';
import { challengeAnswers } from '../resolvers/challenge-answers';
import {
  confirmForgotPassword,
  confirmSignUp,
  forgotPassword,
  initiateAuth,
  resendConfirmationCode,
  respondToAuthChallenge,
  signUp,
} from '../resolvers/auth';
import { builder, type BuilderTypes } from './builder';
import { deviceNameField, newDeviceField, signInDeviceFields } from './device-tracking';
import { cognitoErrors } from './errors';
import { AttributeInput, codeDeliveryField } from './shared-types';

/**
 * The public flows. Anyone may call them (no auth scope), each names an app client the gateway
 * serves, each is rate-limited per client address and per username, and none tells whether a user
 * exists (src/resolvers/user-existence.ts) except signUp, as on Cognito.
 */
export const AuthTokens = builder.objectRef<NonNullable<SignInStepRecord['tokens']>>('AuthTokens').implement({
  description: 'Tokens of a completed sign-in. They are returned to the caller that signed in, and to nobody else.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', { description: 'Send as `Authorization: Bearer <accessToken>`.' }),
    idToken: t.exposeString('idToken', { nullable: true }),
    refreshToken: t.exposeString('refreshToken', { nullable: true, description: 'Absent when refreshing: keep the one you have.' }),
    expiresIn: t.exposeInt('expiresIn', { nullable: true, description: 'Seconds until the access token expires, when Cognito says.' }),
    tokenType: t.exposeString('tokenType'),
  }),
});

const ChallengeParameter = builder.objectRef<{ name: string; value: string }>('ChallengeParameter').implement({
  fields: (t) => ({ name: t.exposeString('name'), value: t.exposeString('value') }),
});

const AuthChallenge = builder.objectRef<NonNullable<SignInStepRecord['challenge']>>('AuthChallenge').implement({
  description: 'The next step of a sign-in; answer it with respondToAuthChallenge (adminRespondToAuthChallenge server-side).',
  fields: (t) => ({
    name: t.exposeString('name', {
      description:
        'SELECT_CHALLENGE, PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN, SOFTWARE_TOKEN_MFA, SMS_MFA, SELECT_MFA_TYPE, MFA_SETUP, NEW_PASSWORD_REQUIRED, CUSTOM_CHALLENGE, ...',
    }),
    session: t.exposeString('session', { nullable: true, description: 'Pass back with the answer.' }),
    parameters: t.field({
      type: [ChallengeParameter],
      description:
        'Cognito’s ChallengeParameters: CODE_DELIVERY_DESTINATION (masked) for a code sent, MFAS_CAN_SETUP for MFA_SETUP, MFAS_CAN_CHOOSE for SELECT_MFA_TYPE, requiredAttributes for NEW_PASSWORD_REQUIRED, CREDENTIAL_REQUEST_OPTIONS for WEB_AUTHN, a Lambda trigger’s own for CUSTOM_CHALLENGE.',
      resolve: (c) => c.parameters,
    }),
    availableChallenges: t.exposeStringList('availableChallenges', {
      description: 'For SELECT_CHALLENGE (choice-based sign-in): the challenges this user may pick, one of them to send as `answer`.',
    }),
    credentialRequestOptions: t.field({
      type: 'JSONObject',
      nullable: true,
      description:
        'For WEB_AUTHN: the PublicKeyCredentialRequestOptions (the CREDENTIAL_REQUEST_OPTIONS parameter, parsed) to pass to navigator.credentials.get() in the browser; answer with what it returns as `credential`.',
      resolve: (c) => credentialRequestOptions(c.parameters),
    }),
  }),
});

/** The passkey options of a WEB_AUTHN challenge, when Cognito sent them as a JSON object. */
function credentialRequestOptions(parameters: { name: string; value: string }[]): Record<string, unknown> | null {
  const text = parameters.find((parameter) => parameter.name === 'CREDENTIAL_REQUEST_OPTIONS')?.value;
  if (text === undefined) return null;
  try {
    const options: unknown = JSON.parse(text);
    return typeof options === 'object' && options !== null && !Array.isArray(options) ? (options as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What cognito-local (the embedded emulator) answers for the flows and challenges it lacks. */
const NOT_ON_EMULATOR = 'The embedded emulator (cognito-local) does not implement it: NOT_SUPPORTED_BY_LOCAL_COGNITO there.';

const SignInFlow = builder.enumType('SignInFlow', {
  values: {
    USER_PASSWORD_AUTH: {
      description:
        'Username and password. For a client that allows only SRP, the gateway signs in with USER_SRP_AUTH instead, with the same password.',
    },
    USER_SRP_AUTH: {
      description: `Username and password, proven to Cognito with SRP by the gateway: the password never reaches Cognito. ${NOT_ON_EMULATOR}`,
    },
    REFRESH_TOKEN_AUTH: { description: 'A refresh token for new access and ID tokens.' },
    USER_AUTH: {
      description: `Choice-based sign-in: a preferredChallenge (a password in the same call, a one-time code, a passkey), or none for SELECT_CHALLENGE with availableChallenges. ${NOT_ON_EMULATOR}`,
    },
    CUSTOM_AUTH: { description: `Custom challenges from the pool’s Lambda triggers, answered as CUSTOM_CHALLENGE. ${NOT_ON_EMULATOR}` },
  } as const,
});

export const PreferredChallenge = builder.enumType('PreferredChallenge', {
  description: 'What choice-based sign-in (USER_AUTH) asks for first (PREFERRED_CHALLENGE).',
  values: {
    PASSWORD: { description: 'The password, sent in the same call as `password`.' },
    PASSWORD_SRP: { description: 'The password, given as `password` and proven to Cognito with SRP by the gateway in the same call.' },
    EMAIL_OTP: { description: 'A one-time code Cognito emails; answer the EMAIL_OTP challenge with `code`.' },
    SMS_OTP: { description: 'A one-time code Cognito texts; answer the SMS_OTP challenge with `code`.' },
    WEB_AUTHN: { description: 'A passkey; answer the WEB_AUTHN challenge with the browser’s `credential`.' },
  } satisfies Record<(typeof preferredChallenges)[number], { description: string }>,
});

/** How each challenge is answered, for the enum's descriptions (the rules are in resolvers/challenge-answers.ts). */
const answerDescriptions: Record<keyof typeof challengeAnswers, string> = {
  SELECT_CHALLENGE: `\`answer\`: the picked challenge (one of availableChallenges); with PASSWORD or PASSWORD_SRP also \`password\` (PASSWORD_SRP is proven by the gateway with SRP), with WEB_AUTHN optionally \`credential\`. ${NOT_ON_EMULATOR}`,
  PASSWORD: `\`password\`. ${NOT_ON_EMULATOR}`,
  EMAIL_OTP: `\`code\`: the code Cognito emailed (passwordless sign-in or email MFA). ${NOT_ON_EMULATOR}`,
  SMS_OTP: `\`code\`: the code Cognito texted. ${NOT_ON_EMULATOR}`,
  WEB_AUTHN: `\`credential\`: what navigator.credentials.get() returned for credentialRequestOptions. ${NOT_ON_EMULATOR}`,
  SMS_MFA: '`code`: the code Cognito texted.',
  SOFTWARE_TOKEN_MFA: '`code`: the code the authenticator app shows.',
  SELECT_MFA_TYPE: '`answer`: one of the MFAS_CAN_CHOOSE parameter (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP).',
  MFA_SETUP: `Nothing but the \`session\` verifySoftwareToken returned (after associateSoftwareToken with the challenge’s session). ${NOT_ON_EMULATOR}`,
  NEW_PASSWORD_REQUIRED: '`newPassword`, and `attributes` for those the requiredAttributes parameter lists.',
  CUSTOM_CHALLENGE: `\`answer\`: what the pool’s Lambda trigger asked for. ${NOT_ON_EMULATOR}`,
};

export const AnswerableChallenge = builder.enumType('AnswerableChallenge', {
  values: Object.fromEntries(Object.entries(answerDescriptions).map(([name, description]) => [name, { description }])) as Record<
    keyof typeof challengeAnswers,
    { description: string }
  >,
});

/**
 * The failures of a sign-in step that are the caller's to handle, as typed results: every exception
 * the API reference documents for InitiateAuth and RespondToAuthChallenge (the admin* operations add
 * theirs in user-mutations.ts), except those that are never about this sign-in and stay GraphQL
 * errors with their code: InternalErrorException (COGNITO_UNAVAILABLE), TooManyRequestsException
 * (THROTTLED) and ForbiddenException (FORBIDDEN, AWS WAF).
 */
export const signInExceptions: CognitoException[] = [
  'NotAuthorizedException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
  'InvalidParameterException',
  'InvalidPasswordException',
  'CodeMismatchException',
  'ExpiredCodeException',
  'UserLambdaValidationException',
  // Issue 16: the rest of the documented list (choice-based sign-in, MFA, custom challenges)
  'AliasExistsException',
  'FeatureUnavailableInTierException',
  'InvalidEmailRoleAccessPolicyException',
  'InvalidLambdaResponseException',
  'InvalidSmsRoleAccessPolicyException',
  'InvalidSmsRoleTrustRelationshipException',
  'InvalidUserPoolConfigurationException',
  'MFAMethodNotFoundException',
  'OperationNotEnabledException',
  'PasswordHistoryPolicyViolationException',
  'ResourceNotFoundException',
  'SoftwareTokenMFANotFoundException',
  'UnexpectedLambdaException',
  'UnsupportedOperationException',
];
const signInErrors = cognitoErrors(...signInExceptions);

/** The failures of a request for Cognito to send a code (confirmation, password reset). */
const codeSendingExceptions: CognitoException[] = [
  'UserNotFoundException',
  'InvalidParameterException',
  'CodeDeliveryFailureException',
  'LimitExceededException',
  'NotAuthorizedException',
];

export function signInStepFields(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, SignInStepRecord>) {
  return {
    tokens: t.field({ type: AuthTokens, nullable: true, description: 'Set when sign-in is complete.', resolve: (step) => step.tokens }),
    challenge: t.field({
      type: AuthChallenge,
      nullable: true,
      description: 'Set when Cognito asks for more.',
      resolve: (step) => step.challenge,
    }),
    newDevice: newDeviceField(t),
  };
}

function clientAndUsername(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    clientId: t.string({ required: true, description: 'The app client; for the public flows, one this gateway serves.' }),
    username: t.string({ required: true }),
  };
}

builder.relayMutationField(
  'signUp',
  {
    inputFields: (t) => ({
      ...clientAndUsername(t),
      password: t.string({ required: true }),
      attributes: t.field({ type: [AttributeInput], required: false }),
      validationData: t.field({ type: [AttributeInput], required: false, description: 'Passed to a pre sign-up Lambda trigger.' }),
    }),
  },
  {
    description:
      'Registers a new user (SignUp). Public; rate-limited per client address and per username. A taken username is UsernameExistsError, as on Cognito with PreventUserExistenceErrors.',
    errors: {
      types: cognitoErrors(
        'UsernameExistsException',
        'InvalidPasswordException',
        'InvalidParameterException',
        'CodeDeliveryFailureException',
        'UserLambdaValidationException',
        'NotAuthorizedException',
      ),
    },
    resolve: (_, { input }, ctx) => signUp(ctx, input),
  },
  {
    outputFields: (t) => ({
      userConfirmed: t.exposeBoolean('userConfirmed', { description: 'False until confirmSignUp (unless a trigger confirmed it).' }),
      userSub: t.exposeString('userSub'),
      codeDelivery: codeDeliveryField(t),
    }),
  },
);

builder.relayMutationField(
  'confirmSignUp',
  { inputFields: (t) => ({ ...clientAndUsername(t), confirmationCode: t.string({ required: true }) }) },
  {
    description:
      'Confirms a registration with the code Cognito sent (ConfirmSignUp). A user that does not exist is answered as a wrong code (CodeMismatchError), unless PREVENT_USER_EXISTENCE_ERRORS is false.',
    errors: {
      types: cognitoErrors(
        'CodeMismatchException',
        'ExpiredCodeException',
        'UserNotFoundException',
        'NotAuthorizedException',
        'TooManyFailedAttemptsException',
        'AliasExistsException',
      ),
    },
    resolve: (_, { input }, ctx) => confirmSignUp(ctx, input),
  },
  { outputFields: (t) => ({ username: t.exposeString('username'), confirmed: t.exposeBoolean('confirmed') }) },
);

builder.relayMutationField(
  'resendConfirmationCode',
  { inputFields: (t) => clientAndUsername(t) },
  {
    description:
      'Sends the sign-up confirmation code again (ResendConfirmationCode). For a user that does not exist the answer is the same: a code sent to a masked destination, unless PREVENT_USER_EXISTENCE_ERRORS is false.',
    errors: { types: cognitoErrors(...codeSendingExceptions) },
    resolve: (_, { input }, ctx) => resendConfirmationCode(ctx, input),
  },
  { outputFields: (t) => ({ codeDelivery: codeDeliveryField(t) }) },
);

builder.relayMutationField(
  'initiateAuth',
  {
    inputFields: (t) => ({
      ...clientAndUsername(t),
      authFlow: t.field({ type: SignInFlow, required: true }),
      preferredChallenge: t.field({
        type: PreferredChallenge,
        required: false,
        description: 'For USER_AUTH: what to ask for first. Without it, Cognito answers SELECT_CHALLENGE with availableChallenges.',
      }),
      password: t.string({
        required: false,
        description: 'For USER_PASSWORD_AUTH, USER_SRP_AUTH, and USER_AUTH with preferredChallenge PASSWORD or PASSWORD_SRP.',
      }),
      ...signInDeviceFields(t),
      refreshToken: t.string({
        required: false,
        description:
          'For REFRESH_TOKEN_AUTH. With a client that has a secret, `username` must be the `username` claim of the tokens (the internal name, not an email alias).',
      }),
    }),
  },
  {
    description:
      'Signs a user in (InitiateAuth): tokens, or a challenge to answer with respondToAuthChallenge. A user that does not exist is answered as a wrong password (NotAuthorizedError), unless PREVENT_USER_EXISTENCE_ERRORS is false. Input a flow does not use (a password with CUSTOM_AUTH) is refused before any call.',
    errors: { types: signInErrors },
    resolve: (_, { input }, ctx) => initiateAuth(ctx, input),
  },
  { outputFields: signInStepFields },
);

/** What answers a challenge, for the public and the server-side flows alike. */
export function challengeAnswerFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    ...clientAndUsername(t),
    challengeName: t.field({ type: AnswerableChallenge, required: true }),
    session: t.string({ required: true }),
    newPassword: t.string({ required: false, description: 'For NEW_PASSWORD_REQUIRED.' }),
    code: t.string({ required: false, description: 'For EMAIL_OTP, SMS_OTP, SMS_MFA and SOFTWARE_TOKEN_MFA.' }),
    answer: t.string({
      required: false,
      description: 'For SELECT_CHALLENGE (the picked challenge), SELECT_MFA_TYPE (the MFA picked) and CUSTOM_CHALLENGE (the answer).',
    }),
    password: t.string({
      required: false,
      description: 'For PASSWORD, and SELECT_CHALLENGE with answer PASSWORD or PASSWORD_SRP (the gateway proves it with SRP).',
    }),
    ...deviceNameField(t),
    credential: t.field({
      type: 'JSONObject',
      required: false,
      description:
        'For WEB_AUTHN (and optionally SELECT_CHALLENGE with answer WEB_AUTHN): what navigator.credentials.get() returned for the challenge’s credentialRequestOptions, as JSON (PublicKeyCredential.toJSON()).',
    }),
    attributes: t.field({ type: [AttributeInput], required: false, description: 'Required attributes NEW_PASSWORD_REQUIRED asks for.' }),
  };
}

builder.relayMutationField(
  'respondToAuthChallenge',
  { inputFields: challengeAnswerFields },
  {
    description:
      'Answers a sign-in challenge (RespondToAuthChallenge): tokens, or the next challenge. Each challenge takes its own input members (see AnswerableChallenge); a missing one, or one the challenge does not use, is refused before any call. A user that does not exist is answered as a wrong password (NotAuthorizedError), unless PREVENT_USER_EXISTENCE_ERRORS is false.',
    errors: { types: signInErrors },
    resolve: (_, { input }, ctx) => respondToAuthChallenge(ctx, input),
  },
  { outputFields: signInStepFields },
);

builder.relayMutationField(
  'forgotPassword',
  { inputFields: (t) => clientAndUsername(t) },
  {
    description:
      'Sends a code to reset a forgotten password (ForgotPassword). For a user that does not exist (or cannot receive a code) the answer is the same: a code sent to a masked destination, unless PREVENT_USER_EXISTENCE_ERRORS is false.',
    // A user who never confirmed has no verified address to send a reset code to.
    errors: { types: cognitoErrors(...codeSendingExceptions, 'UserNotConfirmedException') },
    resolve: (_, { input }, ctx) => forgotPassword(ctx, input),
  },
  { outputFields: (t) => ({ codeDelivery: codeDeliveryField(t) }) },
);

builder.relayMutationField(
  'confirmForgotPassword',
  {
    inputFields: (t) => ({
      ...clientAndUsername(t),
      confirmationCode: t.string({ required: true }),
      password: t.string({ required: true }),
    }),
  },
  {
    description:
      'Sets a new password with the code forgotPassword sent (ConfirmForgotPassword). A user that does not exist is answered as a wrong code (CodeMismatchError), unless PREVENT_USER_EXISTENCE_ERRORS is false.',
    errors: {
      types: cognitoErrors(
        'CodeMismatchException',
        'ExpiredCodeException',
        'InvalidPasswordException',
        'UserNotFoundException',
        'NotAuthorizedException',
        'TooManyFailedAttemptsException',
        'LimitExceededException',
        'PasswordHistoryPolicyViolationException',
      ),
    },
    resolve: (_, { input }, ctx) => confirmForgotPassword(ctx, input),
  },
  { outputFields: (t) => ({ username: t.exposeString('username'), passwordChanged: t.exposeBoolean('passwordChanged') }) },
);
