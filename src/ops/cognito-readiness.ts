import { createCognitoCall, type CallPathServices } from '../cognito/call';
import { CallLog } from '../cognito/call-log';
import { GatewayError } from '../domain/gateway-error';
import { cachedCheck, type ReadinessCheck } from './readiness';

/** A readiness probe asks Cognito at most this often; probes in between get the last answer. */
export const COGNITO_CHECK_TTL_MS = 5_000;
/** Longest a probe waits for Cognito: an orchestrator's probe times out after a few seconds. */
const CHECK_DEADLINE_MS = 3_000;

/**
 * Cognito answers with the gateway's credentials: one ListUserPools of one pool (the cheapest
 * call every deployment may make: the directory lists pools) through the one call path, so the
 * circuit breaker and the pacer see it like any other call. Throttling means Cognito is there and
 * busy, which is no reason to take the replica out of service: it passes.
 */
export function cognitoReadiness(callPath: CallPathServices, ttlMs = COGNITO_CHECK_TTL_MS): ReadinessCheck {
  return cachedCheck(async () => {
    const call = createCognitoCall({
      ...callPath,
      callLog: new CallLog(),
      signal: AbortSignal.timeout(CHECK_DEADLINE_MS),
      deadlineAt: performance.now() + CHECK_DEADLINE_MS,
      caller: 'readiness',
    });
    try {
      await call('ListUserPools', { MaxResults: 1 });
    } catch (error) {
      if (error instanceof GatewayError && error.code === 'THROTTLED') return;
      throw error;
    }
  }, ttlMs);
}
