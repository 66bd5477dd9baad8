import { GatewayError } from '../domain/gateway-error';
import type { Caller } from './caller';

/** Why a caller may not have a field: who it is decides the code and the words. */
export function refusal(caller: Caller): GatewayError {
  if (caller.kind === 'anonymous') {
    return new GatewayError('UNAUTHENTICATED', 'Sign in first: this field needs a verified access token or a service key.');
  }
  if (caller.admin) return new GatewayError('FORBIDDEN', 'This field is about a signed-in user; a service key has no account of its own.');
  return new GatewayError('FORBIDDEN', 'This field is for administrators of this gateway.');
}

/** For resolvers reached without a field scope (federation's `_entities`): refuse before any call. */
export function requireAdministrator(caller: Caller): void {
  if (!caller.admin) throw refusal(caller);
}
