import type { FeedbackValueType } from '@aws-sdk/client-cognito-identity-provider';
import { parseAuthEvent } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { UserKey } from '../domain/keys';
import type { AuthEventRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { userTarget } from './users';

/** A user's sign-in, sign-up and recovery attempts as threat protection recorded them, newest first. */
export async function listUserAuthEvents(
  ctx: GatewayContext,
  user: UserKey,
  args: ConnectionArgs,
): Promise<RelayConnection<AuthEventRecord>> {
  const input = { UserPoolId: user.userPoolId, Username: user.username };
  return listRecords(ctx, 'AdminListUserAuthEvents', input, args, (event) => parseAuthEvent(user, event));
}

export interface AuthEventFeedbackInput {
  userPoolId: string;
  username: string;
  eventId: string;
  feedbackValue: FeedbackValueType;
}

function checkFeedbackInput(input: AuthEventFeedbackInput) {
  return {
    ...userTarget(input),
    EventId: checkIdentifier('eventId', input.eventId, 'input.eventId'),
    FeedbackValue: input.feedbackValue,
  };
}

/** An administrator's verdict on an event: `Valid` (it was the user) or `Invalid` (it was not). */
export async function adminUpdateAuthEventFeedback(ctx: GatewayContext, input: AuthEventFeedbackInput) {
  await ctx.call('AdminUpdateAuthEventFeedback', checkFeedbackInput(input));
  return { eventId: input.eventId, feedbackValue: input.feedbackValue };
}

/**
 * The user's own verdict, with the feedback token of the notification email Cognito sent about
 * the event: public, so limited per client address and per username like sign-in, and only for
 * the pools of the app clients the gateway serves. The token is a credential: checked without
 * echoing it, and never logged (the call log holds operation names only).
 */
export async function updateAuthEventFeedback(ctx: GatewayContext, input: AuthEventFeedbackInput & { feedbackToken: string }) {
  const request = checkFeedbackInput(input);
  const FeedbackToken = checkIdentifier('token', input.feedbackToken, 'input.feedbackToken');
  if (!ctx.appClients.byPool().has(request.UserPoolId)) {
    throw invalidInput('input.userPoolId', 'is not the pool of an app client this gateway serves (COGNITO_APP_CLIENTS)');
  }
  await ctx.publicFlows.consume({ clientAddress: ctx.clientAddress, userPoolId: request.UserPoolId, username: request.Username });
  await ctx.userExistence.failingAlike('authEventFeedback', () => ctx.call('UpdateAuthEventFeedback', { ...request, FeedbackToken }));
  return { eventId: input.eventId, feedbackValue: input.feedbackValue };
}
