import type { CognitoException } from '../domain/codes';
import type { ClientRecord, ClientSessionConfigurationRecord, UserPoolRecord, UserPoolSessionConfigurationRecord } from '../domain/records';
import {
  clientSessionConfiguration,
  setUserPoolClientSessionConfiguration,
  setUserPoolSessionConfiguration,
  userPoolSessionConfiguration,
} from '../resolvers/session-configuration';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { ClientRef, UserPoolRef } from './refs';

/** Session configuration (issue 17): server-side session tracking of a pool, SSO session reuse of an app client. */

const admin = { authScopes: { admin: true } } as const;

const UserSessionTracking = builder.enumType('UserSessionTracking', {
  description: 'Whether Cognito tracks each user’s sessions server-side (listable and revocable one by one).',
  values: ['ENABLED', 'DISABLED'] as const,
});

const UserPoolSessionConfiguration = builder.objectRef<UserPoolSessionConfigurationRecord>('UserPoolSessionConfiguration').implement({
  description: 'A pool’s session settings (GetUserPoolSessionConfiguration); a pool never configured reads as DISABLED and 20.',
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    userSessionTracking: t.field({ type: UserSessionTracking, resolve: (c) => c.userSessionTracking }),
    maxTokenSessionsPerUser: t.exposeInt('maxTokenSessionsPerUser', {
      description: 'Active token sessions a user may have across the pool (1 to 100); a new sign-in beyond evicts the least recently used.',
    }),
  }),
});

const ClientSessionConfiguration = builder.objectRef<ClientSessionConfigurationRecord>('ClientSessionConfiguration').implement({
  description: 'An app client’s session settings (GetUserPoolClientSessionConfiguration); a client never configured reads as 60 minutes.',
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    clientId: t.exposeString('clientId'),
    ssoSessionMaxValidityMinutes: t.exposeInt('ssoSessionMaxValidityMinutes', {
      description:
        'How long after the user’s last sign-in the client silently reuses an SSO session (0 to 129600 minutes; 0: never, always sign in again).',
    }),
  }),
});

builder.objectFields(UserPoolRef, (t) => ({
  sessionConfiguration: t.field({
    type: UserPoolSessionConfiguration,
    nullable: true,
    description: 'The pool’s session tracking and token sessions per user (GetUserPoolSessionConfiguration, once per pool per request).',
    resolve: (pool, _, ctx) => userPoolSessionConfiguration(ctx, pool),
  }),
}));

builder.objectFields(ClientRef, (t) => ({
  sessionConfiguration: t.field({
    type: ClientSessionConfiguration,
    nullable: true,
    description: 'How long the client reuses an SSO session (GetUserPoolClientSessionConfiguration, once per client per request).',
    resolve: (client, _, ctx) => clientSessionConfiguration(ctx, client),
  }),
}));

const sessionConfigurationErrors: CognitoException[] = [
  'ConcurrentModificationException',
  'FeatureUnavailableInTierException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'ResourceNotFoundException',
];

builder.relayMutationField(
  'setUserPoolSessionConfiguration',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      userSessionTracking: t.field({ type: UserSessionTracking, required: false }),
      maxTokenSessionsPerUser: t.int({ required: false, description: '1 to 100.' }),
    }),
  },
  {
    ...admin,
    description:
      'Changes a pool’s session settings (SetUserPoolSessionConfiguration; Essentials or Plus plan). Only what the input names changes: Cognito replaces the whole configuration, so the gateway reads the current one and carries the rest over.',
    errors: { types: cognitoErrors(...sessionConfigurationErrors) },
    resolve: (_, { input }, ctx) => setUserPoolSessionConfiguration(ctx, input),
  },
  {
    outputFields: (t) => ({
      sessionConfiguration: t.field({
        type: UserPoolSessionConfiguration,
        description: 'The configuration as Cognito answered the change.',
        resolve: (p) => p.sessionConfiguration,
      }),
      userPool: t.field({ type: UserPoolRef, nullable: true, resolve: (p): UserPoolRecord => p.userPool }),
    }),
  },
);

builder.relayMutationField(
  'setUserPoolClientSessionConfiguration',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      clientId: t.string({ required: true }),
      ssoSessionMaxValidityMinutes: t.int({ required: true, description: '0 to 129600 (90 days).' }),
    }),
  },
  {
    ...admin,
    description:
      'Sets how long an app client silently reuses an SSO session (SetUserPoolClientSessionConfiguration; Essentials or Plus plan, with the pool’s session tracking ENABLED).',
    errors: { types: cognitoErrors(...sessionConfigurationErrors) },
    resolve: (_, { input }, ctx) => setUserPoolClientSessionConfiguration(ctx, input),
  },
  {
    outputFields: (t) => ({
      sessionConfiguration: t.field({
        type: ClientSessionConfiguration,
        description: 'The configuration as Cognito answered the change.',
        resolve: (p) => p.sessionConfiguration,
      }),
      client: t.field({ type: ClientRef, nullable: true, resolve: (p): ClientRecord => p.client }),
    }),
  },
);
