import { parseSession } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { checkIdentifier } from '../domain/identifiers';
import type { UserKey } from '../domain/keys';
import type { SessionRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { signedInUser } from './signed-in';
import { userTarget } from './users';

/** Whether revoking a session also revokes the sessions linked to it (its SSO session, or the token sessions it started). */
export type RevokeAssociatedSessions = 'NONE' | 'LINKED';

/** A user's active sessions, read by an administrator (AdminListUserSessions). */
export async function listUserSessions(ctx: GatewayContext, user: UserKey, args: ConnectionArgs): Promise<RelayConnection<SessionRecord>> {
  const input = { UserPoolId: user.userPoolId, Username: user.username };
  return listRecords(ctx, 'AdminListUserSessions', input, args, (session) => parseSession(user, session));
}

/** The signed-in user's own sessions, with its own access token (ListUserSessions). */
export async function listViewerSessions(ctx: GatewayContext, args: ConnectionArgs): Promise<RelayConnection<SessionRecord>> {
  const { AccessToken, userPoolId, username } = signedInUser(ctx);
  return listRecords(ctx, 'ListUserSessions', { AccessToken }, args, (session) => parseSession({ userPoolId, username }, session));
}

function associated(value: RevokeAssociatedSessions | null | undefined) {
  return value ? { RevokeAssociatedSessions: value } : {};
}

export async function adminRevokeUserSession(
  ctx: GatewayContext,
  input: { userPoolId: string; username: string; sessionId: string; revokeAssociatedSessions?: RevokeAssociatedSessions | null },
) {
  const request = {
    ...userTarget(input),
    SessionId: checkIdentifier('sessionId', input.sessionId, 'input.sessionId'),
    ...associated(input.revokeAssociatedSessions),
  };
  await ctx.call('AdminRevokeUserSession', request);
  return { revokedSessionId: input.sessionId };
}

/** Cognito refuses to revoke the session the calling access token belongs to: that is signing out (globalSignOut, revokeToken). */
export async function revokeUserSession(
  ctx: GatewayContext,
  input: { sessionId: string; revokeAssociatedSessions?: RevokeAssociatedSessions | null },
) {
  const { AccessToken } = signedInUser(ctx);
  const SessionId = checkIdentifier('sessionId', input.sessionId, 'input.sessionId');
  await ctx.call('RevokeUserSession', { AccessToken, SessionId, ...associated(input.revokeAssociatedSessions) });
  return { revokedSessionId: input.sessionId };
}
