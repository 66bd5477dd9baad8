import type { CognitoException } from '../domain/codes';
import type { SignInStepRecord } from '../domain/records';
import {
  answerableChallenges,
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
  description: 'The next step of a sign-in; answer it with respondToAuthChallenge.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'NEW_PASSWORD_REQUIRED, SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP, ...' }),
    session: t.exposeString('session', { nullable: true, description: 'Pass back with the answer.' }),
    parameters: t.field({ type: [ChallengeParameter], resolve: (c) => c.parameters }),
  }),
});

const SignInFlow = builder.enumType('SignInFlow', {
  values: {
    USER_PASSWORD_AUTH: {
      description:
        'Username and password. For a client that allows only SRP, the gateway signs in with USER_SRP_AUTH instead, with the same password.',
    },
    USER_SRP_AUTH: {
      description:
        'Username and password, proven to Cognito with SRP by the gateway: the password never reaches Cognito. Not on the embedded emulator (NOT_SUPPORTED_BY_LOCAL_COGNITO).',
    },
    USER_AUTH: {
      description:
        'Choice-based sign-in; with preferredChallenge PASSWORD_SRP and a password, run as SRP by the gateway. Not on the embedded emulator.',
    },
    REFRESH_TOKEN_AUTH: { description: 'A refresh token for new access and ID tokens.' },
  } as const,
});

export const AnswerableChallenge = builder.enumType('AnswerableChallenge', {
  values: answerableChallenges,
});

/** The failures of a sign-in step, public or server-side. */
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
      password: t.string({ required: false, description: 'For USER_PASSWORD_AUTH, USER_SRP_AUTH and USER_AUTH.' }),
      preferredChallenge: t.string({ required: false, description: 'For USER_AUTH: PASSWORD_SRP.' }),
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
      'Signs a user in (InitiateAuth): tokens, or a challenge to answer with respondToAuthChallenge. A user that does not exist is answered as a wrong password (NotAuthorizedError), unless PREVENT_USER_EXISTENCE_ERRORS is false.',
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
    code: t.string({ required: false, description: 'For SMS_MFA, SOFTWARE_TOKEN_MFA and EMAIL_OTP.' }),
    answer: t.string({ required: false, description: 'For SELECT_MFA_TYPE, SELECT_CHALLENGE and CUSTOM_CHALLENGE.' }),
    password: t.string({
      required: false,
      description: 'For SELECT_CHALLENGE answered with PASSWORD_SRP: the gateway proves it with SRP (not on the embedded emulator).',
    }),
    ...deviceNameField(t),
    attributes: t.field({ type: [AttributeInput], required: false, description: 'Required attributes NEW_PASSWORD_REQUIRED asks for.' }),
  };
}

builder.relayMutationField(
  'respondToAuthChallenge',
  { inputFields: challengeAnswerFields },
  {
    description: 'Answers a sign-in challenge (RespondToAuthChallenge).',
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
