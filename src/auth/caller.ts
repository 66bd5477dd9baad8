import { createHash, timingSafeEqual } from 'node:crypto';
import { JwtExpiredError } from 'aws-jwt-verify/error';
import { GatewayError } from '../domain/gateway-error';
import type { Logger } from '../domain/logger';
import type { AccessTokenClaims, AccessTokenVerifier } from './token-verifier';

/** Who is calling. `admin` decides the administrative fields; nothing else does. */
export type Caller =
  | { kind: 'anonymous'; admin: boolean }
  | { kind: 'user'; admin: boolean; accessToken: string; claims: AccessTokenClaims }
  | { kind: 'service'; admin: true };

export interface CallerPolicy {
  verifier: AccessTokenVerifier | undefined;
  /** Members of this group of this pool are administrators; the same name in another pool is not. */
  adminGroup: { userPoolId: string; name: string } | undefined;
  serviceKeys: readonly string[];
  /** Embedded demo only (config refuses it elsewhere): every caller counts as administrator. */
  authDisabled: boolean;
  logger: Logger;
}

export const SERVICE_KEY_HEADER = 'x-service-key';

/**
 * Reads the caller from the request: a service key, a Bearer access token, or nobody. A
 * credential that is present but wrong is refused outright rather than treated as anonymous,
 * so a client with a broken token learns it at once; and every credential sent is checked, so
 * a bad one fails the request whatever else comes with it. With both, the service key decides.
 */
export async function identifyCaller(headers: Headers, policy: CallerPolicy): Promise<Caller> {
  const serviceKey = headers.get(SERVICE_KEY_HEADER);
  if (serviceKey !== null && !policy.serviceKeys.some((key) => sameSecret(key, serviceKey))) {
    throw new GatewayError('UNAUTHENTICATED', `The ${SERVICE_KEY_HEADER} header does not hold a service key of this gateway.`);
  }
  const authorization = headers.get('authorization');
  const user = authorization === null ? undefined : await bearerUser(authorization, policy);
  if (serviceKey !== null) return { kind: 'service', admin: true };
  return user ?? { kind: 'anonymous', admin: policy.authDisabled };
}

async function bearerUser(authorization: string, policy: CallerPolicy): Promise<Caller> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (!token) throw new GatewayError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <access token>".');
  if (!policy.verifier) {
    throw new GatewayError('UNAUTHENTICATED', 'This gateway accepts no user tokens: it serves no app client (COGNITO_APP_CLIENTS).');
  }
  let claims: AccessTokenClaims;
  try {
    claims = await policy.verifier.verify(token);
  } catch (error) {
    policy.logger.debug(`access token refused: ${error instanceof Error ? error.message : String(error)}`);
    const reason =
      error instanceof JwtExpiredError ? 'has expired' : 'is not a valid access token of a pool and app client this gateway serves';
    throw new GatewayError('UNAUTHENTICATED', `The bearer token ${reason}.`);
  }
  const admin =
    policy.adminGroup !== undefined && claims.userPoolId === policy.adminGroup.userPoolId && claims.groups.includes(policy.adminGroup.name);
  return { kind: 'user', admin: policy.authDisabled || admin, accessToken: token, claims };
}

/** Constant-time comparison of digests, so neither timing nor length gives the key away. */
function sameSecret(expected: string, given: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
