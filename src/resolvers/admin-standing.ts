import type { AdminRecheck, AdminStanding, AdminStandingCheck } from '../auth/admin-recheck';
import { readGroupsOfUser } from '../cognito/membership';
import type { CognitoException } from '../domain/codes';
import { GatewayError } from '../domain/gateway-error';
import type { GatewayContext } from './context';

/**
 * Cognito's answers to GetUser with the caller's own token that mean the token no longer counts:
 * revoked by a global sign-out or by disabling the user ("Access Token has been revoked"), the
 * user deleted, or its account no longer usable as it stands.
 */
const tokenRefusals: ReadonlySet<CognitoException> = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
]);

/**
 * One administrator's standing, in two calls made side by side: GetUser with the caller's own
 * access token (which Cognito refuses once the token is revoked, the user disabled or deleted) and
 * AdminListGroupsForUser with the gateway's credentials (whether the user is still in the group).
 * No single call answers both. Whatever the calls could not answer is thrown, so that rights are
 * confirmed only by two answers, or refused by one.
 */
function adminStandingCheck(ctx: GatewayContext): AdminStandingCheck {
  return async (caller, adminGroup) => {
    const user = { userPoolId: caller.claims.userPoolId, username: caller.claims.username };
    const [token, groups] = await Promise.allSettled([
      ctx.call('GetUser', { AccessToken: caller.accessToken }),
      readGroupsOfUser(ctx.call, ctx.paging, user),
    ]);
    if (token.status === 'rejected') {
      const refusal = cognitoAnswer(token.reason, tokenRefusals);
      if (refusal) return refusal;
    }
    if (groups.status === 'rejected') {
      const gone = cognitoAnswer(groups.reason, new Set(['UserNotFoundException']));
      if (gone) return gone;
    }
    if (token.status === 'rejected') throw token.reason;
    if (groups.status === 'rejected') throw groups.reason;
    const member = groups.value.some((group) => group.name === adminGroup.name);
    return member ? { kind: 'administrator' } : { kind: 'no-longer-administrator' };
  };
}

function cognitoAnswer(error: unknown, refusals: ReadonlySet<CognitoException>): AdminStanding | undefined {
  if (error instanceof GatewayError && error.exception !== undefined && refusals.has(error.exception)) {
    return { kind: 'token-refused', answer: error.exception };
  }
  return undefined;
}

/**
 * Puts in the request's context the caller with the rights Cognito confirms (see AdminRecheck).
 * The check's calls go through the request's call path, so they appear in its call log.
 */
export async function confirmAdministrator(ctx: GatewayContext, recheck: AdminRecheck): Promise<GatewayContext> {
  ctx.caller = await recheck.confirm(ctx.caller, adminStandingCheck(ctx));
  return ctx;
}
