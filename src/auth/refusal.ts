import type { GraphQLError } from 'graphql';
import { accessError } from '../errors';
import type { Caller } from './caller';

/** Why a caller may not have a field: who it is decides the code and the words. */
export function refusal(caller: Caller): GraphQLError {
  if (caller.kind === 'anonymous') {
    return accessError('UNAUTHENTICATED', 'Sign in first: this field needs a verified access token or a service key.', 401);
  }
  if (caller.admin) return accessError('FORBIDDEN', 'This field is about a signed-in user; a service key has no account of its own.', 403);
  return accessError('FORBIDDEN', 'This field is for administrators of this gateway.', 403);
}

/** For resolvers reached without a field scope (federation's `_entities`): refuse before any call. */
export function requireAdministrator(caller: Caller): void {
  if (!caller.admin) throw refusal(caller);
}
