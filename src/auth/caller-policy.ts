import { ConfigError, type GatewayConfig } from '../config';
import type { Logger } from '../domain/logger';
import type { AppClients } from './app-clients';
import type { CallerPolicy } from './caller';
import { createAccessTokenVerifier } from './token-verifier';

export const DEFAULT_ADMIN_GROUP = 'admins';

/** Who the gateway trusts, from its settings: whose tokens it verifies, who is administrator. */
export function callerPolicy(
  settings: Pick<GatewayConfig, 'issuerBase' | 'adminGroup' | 'serviceKeys' | 'authDisabled'>,
  appClients: AppClients,
  logger: Logger,
): CallerPolicy {
  const pools = [...appClients.byPool()].map(([userPoolId, clientIds]) => {
    if (!settings.issuerBase) throw new Error('issuerBase is required to verify tokens of the configured app clients');
    return { userPoolId, clientIds, issuer: `${settings.issuerBase}/${userPoolId}` };
  });
  return {
    verifier: createAccessTokenVerifier(pools),
    adminGroup: resolveAdminGroup(
      settings.adminGroup,
      pools.map((pool) => pool.userPoolId),
      logger,
    ),
    serviceKeys: settings.serviceKeys,
    authDisabled: settings.authDisabled,
    logger,
  };
}

/**
 * The administrators' group: `pool:group` as given, or a bare name in the one pool whose clients
 * are served. Unset with several pools, no group makes administrators (service keys still do).
 */
export function resolveAdminGroup(setting: string | undefined, servedPools: readonly string[], logger: Logger) {
  const name = setting ?? DEFAULT_ADMIN_GROUP;
  const at = name.indexOf(':');
  if (at > 0) return { userPoolId: name.slice(0, at), name: name.slice(at + 1) };
  if (servedPools.length === 1) return { userPoolId: servedPools[0]!, name };
  if (servedPools.length === 0) return undefined;
  if (setting !== undefined) {
    throw new ConfigError([
      `ADMIN_GROUP: "${setting}" names no pool, and app clients of ${servedPools.length} pools are served; write it as <userPoolId>:${setting}`,
    ]);
  }
  logger.warn(`No administrators' group: app clients of ${servedPools.length} pools are served; set ADMIN_GROUP=<userPoolId>:<group>.`);
  return undefined;
}

/** The address public flows are rate-limited by: the socket's, or (behind a trusted proxy) the first forwarded one. */
export function clientAddress(request: Request, req: { socket?: { remoteAddress?: string } } | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return forwarded || req?.socket?.remoteAddress || 'unknown';
}
