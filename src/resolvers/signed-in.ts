import type { GatewayContext } from './context';

/**
 * The signed-in caller's own access token and identity, for self-service calls. The schema lets
 * only callers with a verified token reach these resolvers; reaching one without is a bug.
 */
export function signedInUser(ctx: GatewayContext): { AccessToken: string; userPoolId: string; username: string } {
  if (ctx.caller.kind !== 'user') throw new Error('self-service resolver reached without a verified access token');
  return { AccessToken: ctx.caller.accessToken, userPoolId: ctx.caller.claims.userPoolId, username: ctx.caller.claims.username };
}
