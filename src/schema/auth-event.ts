import type { CognitoException } from '../domain/codes';
import type { AuthEventRecord } from '../domain/records';
import { adminUpdateAuthEventFeedback, listUserAuthEvents, updateAuthEventFeedback } from '../resolvers/auth-events';
import { getUser } from '../resolvers/users';
import { builder, type BuilderTypes } from './builder';
import { cognitoErrors } from './errors';
import { UserRef } from './refs';

const admin = { authScopes: { admin: true } } as const;

type Risk = NonNullable<AuthEventRecord['risk']>;
type Context = NonNullable<AuthEventRecord['context']>;
type Feedback = NonNullable<AuthEventRecord['feedback']>;
type ChallengeResult = AuthEventRecord['challengeResponses'][number];

const AuthEventRisk = builder.objectRef<Risk>('AuthEventRisk').implement({
  description: 'What threat protection decided about an event.',
  fields: (t) => ({
    decision: t.string({ nullable: true, description: 'NoRisk, AccountTakeover or Block.', resolve: (r) => r.decision }),
    level: t.string({ nullable: true, description: 'Low, Medium or High.', resolve: (r) => r.level }),
    compromisedCredentialsDetected: t.boolean({ nullable: true, resolve: (r) => r.compromisedCredentialsDetected }),
  }),
});

const AuthEventChallengeResponse = builder.objectRef<ChallengeResult>('AuthEventChallengeResponse').implement({
  description: 'A challenge of the event and how the user answered it.',
  fields: (t) => ({
    challengeName: t.string({ nullable: true, description: 'Password or Mfa.', resolve: (c) => c.challengeName }),
    response: t.string({ nullable: true, description: 'Success or Failure.', resolve: (c) => c.response }),
  }),
});

const AuthEventContext = builder.objectRef<Context>('AuthEventContext').implement({
  description: 'Where the event came from, as Cognito saw it.',
  fields: (t) => ({
    ipAddress: t.string({ nullable: true, resolve: (c) => c.ipAddress }),
    deviceName: t.string({ nullable: true, resolve: (c) => c.deviceName }),
    timezone: t.string({ nullable: true, resolve: (c) => c.timezone }),
    city: t.string({ nullable: true, resolve: (c) => c.city }),
    country: t.string({ nullable: true, resolve: (c) => c.country }),
  }),
});

const AuthEventFeedback = builder.objectRef<Feedback>('AuthEventFeedback').implement({
  description: 'The verdict given on the event, by the user (email link) or an administrator.',
  fields: (t) => ({
    value: t.string({ description: 'Valid or Invalid.', resolve: (f) => f.value }),
    provider: t.string({ description: 'Who gave it: `EMAIL` (the user) or `ADMIN`.', resolve: (f) => f.provider }),
    date: t.field({ type: 'DateTime', nullable: true, resolve: (f) => f.date }),
  }),
});

export const AuthEventRef = builder.objectRef<AuthEventRecord>('AuthEvent').implement({
  description: 'A sign-in, sign-up or recovery attempt of a user, as threat protection recorded it (AdminListUserAuthEvents).',
  fields: (t) => ({
    eventId: t.exposeString('eventId'),
    eventType: t.string({
      nullable: true,
      description: 'SignIn, SignUp, ForgotPassword, PasswordChange or ResendCode.',
      resolve: (e) => e.eventType,
    }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.createdAt }),
    response: t.string({ nullable: true, description: 'Pass, Fail or InProgress.', resolve: (e) => e.response }),
    risk: t.field({ type: AuthEventRisk, nullable: true, resolve: (e) => e.risk }),
    challengeResponses: t.field({ type: [AuthEventChallengeResponse], resolve: (e) => e.challengeResponses }),
    context: t.field({ type: AuthEventContext, nullable: true, resolve: (e) => e.context }),
    feedback: t.field({ type: AuthEventFeedback, nullable: true, resolve: (e) => e.feedback }),
    user: t.field({ ...admin, type: UserRef, nullable: true, description: 'Whose event.', resolve: (e, _, ctx) => getUser(ctx, e) }),
  }),
});

const AuthEventConnection = builder.connectionObject({ type: AuthEventRef, name: 'AuthEventConnection' });

builder.objectFields(UserRef, (t) => ({
  authEvents: t.connection(
    {
      ...admin,
      type: AuthEventRef,
      nullable: true,
      description:
        'The user’s sign-in, sign-up and recovery attempts, newest first (AdminListUserAuthEvents). Needs the pool’s threat protection: USER_POOL_ADD_ON_NOT_ENABLED without it.',
      resolve: (user, args, ctx) => listUserAuthEvents(ctx, user, args),
    },
    AuthEventConnection,
  ),
}));

const FeedbackValue = builder.enumType('FeedbackValue', {
  description: 'Valid: the user made the attempt. Invalid: someone else did.',
  values: { Valid: { value: 'Valid' }, Invalid: { value: 'Invalid' } } as const,
});

const feedbackErrors: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'ResourceNotFoundException',
  'UserNotFoundException',
  'UserPoolAddOnNotEnabledException',
  'OperationNotEnabledException',
];

interface FeedbackPayload {
  eventId: string;
  feedbackValue: 'Valid' | 'Invalid';
}

const feedbackPayload = {
  outputFields: (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, FeedbackPayload>) => ({
    eventId: t.exposeString('eventId'),
    feedbackValue: t.field({ type: FeedbackValue, resolve: (p) => p.feedbackValue }),
  }),
};

builder.relayMutationField(
  'adminUpdateAuthEventFeedback',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      username: t.string({ required: true }),
      eventId: t.string({ required: true }),
      feedbackValue: t.field({ type: FeedbackValue, required: true }),
    }),
  },
  {
    ...admin,
    description: 'Records an administrator’s verdict on one of a user’s auth events (AdminUpdateAuthEventFeedback).',
    errors: { types: cognitoErrors(...feedbackErrors) },
    resolve: (_, { input }, ctx) => adminUpdateAuthEventFeedback(ctx, input),
  },
  feedbackPayload,
);

builder.relayMutationField(
  'updateAuthEventFeedback',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      username: t.string({ required: true }),
      eventId: t.string({ required: true }),
      feedbackToken: t.string({ required: true, description: 'The token of the link in Cognito’s notification email.' }),
      feedbackValue: t.field({ type: FeedbackValue, required: true }),
    }),
  },
  {
    description:
      'Records the user’s verdict on an auth event with the feedback token of Cognito’s notification email (UpdateAuthEventFeedback). Public; rate-limited per address and per username.',
    errors: { types: cognitoErrors(...feedbackErrors) },
    resolve: (_, { input }, ctx) => updateAuthEventFeedback(ctx, input),
  },
  feedbackPayload,
);
