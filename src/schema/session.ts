import type { CognitoException } from '../domain/codes';
import type { SessionRecord } from '../domain/records';
import { getClient } from '../resolvers/clients';
import { adminRevokeUserSession, listUserSessions, listViewerSessions, revokeUserSession } from '../resolvers/sessions';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { ClientRef, UserRef } from './refs';
import { Viewer } from './viewer';

const admin = { authScopes: { admin: true } } as const;
const signedIn = { authScopes: { signedIn: true } } as const;

const SessionType = builder.enumType('SessionType', {
  values: {
    TOKEN: { description: 'One sign-in: its refresh token and the tokens issued with it.' },
    SSO: { description: 'A session of the managed login, which token sessions can come through.' },
  } as const,
});

export const RevokeAssociatedSessions = builder.enumType('RevokeAssociatedSessions', {
  values: {
    NONE: { description: 'Only the session named.' },
    LINKED: { description: 'Also the sessions linked to it: a token session’s SSO session, or an SSO session’s token sessions.' },
  } as const,
});

const SessionLocation = builder.objectRef<NonNullable<SessionRecord['lastLocation']>>('SessionLocation').implement({
  fields: (t) => ({
    city: t.exposeString('city', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
  }),
});

export const SessionRef = builder.objectRef<SessionRecord>('UserSession').implement({
  description:
    'An active session of a user (AdminListUserSessions, ListUserSessions). Revoked and expired sessions are not listed; new ones appear within seconds.',
  fields: (t) => ({
    sessionId: t.exposeString('sessionId'),
    sessionType: t.field({
      type: SessionType,
      nullable: true,
      resolve: (s) => (s.sessionType === 'TOKEN' || s.sessionType === 'SSO' ? s.sessionType : null),
    }),
    clientId: t.exposeString('clientId', { nullable: true, description: 'The app client the session was opened through.' }),
    client: t.field({
      ...admin,
      type: ClientRef,
      nullable: true,
      description: 'The app client the session was opened through (administrators only); null when it was deleted.',
      resolve: (s, _, ctx) => (s.clientId ? getClient(ctx, { userPoolId: s.userPoolId, clientId: s.clientId }) : null),
    }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.createdAt }),
    lastActiveAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.lastActiveAt }),
    deviceType: t.exposeString('deviceType', { nullable: true, description: 'Browser and system, such as `Chrome 125 / macOS 15.0`.' }),
    lastIpAddress: t.exposeString('lastIpAddress', { nullable: true }),
    lastLocation: t.field({ type: SessionLocation, nullable: true, resolve: (s) => s.lastLocation }),
    originSessionId: t.exposeString('originSessionId', { nullable: true, description: 'The SSO session a token session came through.' }),
    isCurrentSession: t.exposeBoolean('isCurrentSession', {
      nullable: true,
      description: 'Whether the access token of this request belongs to the session (your own sessions only).',
    }),
  }),
});

const SessionConnection = builder.connectionObject({ type: SessionRef, name: 'UserSessionConnection' });

builder.objectFields(UserRef, (t) => ({
  sessions: t.connection(
    {
      type: SessionRef,
      nullable: true,
      description: 'The user’s active sessions (AdminListUserSessions): Cognito returns them in one page of at most 125.',
      resolve: (user, args, ctx) => listUserSessions(ctx, user, args),
    },
    SessionConnection,
  ),
}));

builder.objectFields(Viewer, (t) => ({
  sessions: t.connection(
    {
      type: SessionRef,
      nullable: true,
      description: 'Your active sessions across the pool’s app clients (ListUserSessions).',
      resolve: (_, args, ctx) => listViewerSessions(ctx, args),
    },
    SessionConnection,
  ),
}));

const sessionExceptions: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'ResourceNotFoundException',
  'UserNotFoundException',
];

builder.relayMutationField(
  'adminRevokeUserSession',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      username: t.string({ required: true }),
      sessionId: t.string({ required: true }),
      revokeAssociatedSessions: t.field({ type: RevokeAssociatedSessions, required: false, description: 'NONE when absent.' }),
    }),
  },
  {
    ...admin,
    description: 'Revokes one of a user’s sessions and every token issued in it (AdminRevokeUserSession).',
    errors: { types: cognitoErrors(...sessionExceptions) },
    resolve: (_, { input }, ctx) => adminRevokeUserSession(ctx, input),
  },
  { outputFields: (t) => ({ revokedSessionId: t.exposeString('revokedSessionId') }) },
);

builder.relayMutationField(
  'revokeUserSession',
  {
    inputFields: (t) => ({
      sessionId: t.string({ required: true }),
      revokeAssociatedSessions: t.field({ type: RevokeAssociatedSessions, required: false, description: 'NONE when absent.' }),
    }),
  },
  {
    ...signedIn,
    description:
      'Revokes one of your other sessions and every token issued in it (RevokeUserSession), such as a lost device’s. Not the session of the token you call with: sign out with revokeToken or globalSignOut.',
    errors: { types: cognitoErrors(...sessionExceptions, 'PasswordResetRequiredException', 'UserNotConfirmedException') },
    resolve: (_, { input }, ctx) => revokeUserSession(ctx, input),
  },
  { outputFields: (t) => ({ revokedSessionId: t.exposeString('revokedSessionId') }) },
);
