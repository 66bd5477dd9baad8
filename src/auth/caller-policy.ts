import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import { ConfigError, type GatewayConfig, type TrustedProxies } from '../config';
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

/** The socket a request came on; absent when a test calls yoga's fetch without one. */
export type RequestSocket = { socket?: { remoteAddress?: string | undefined } } | undefined;

/**
 * How the address public flows are rate-limited by is found: the socket's, or, behind trusted
 * proxies, the right-most X-Forwarded-For entry that no trusted proxy added. Each proxy appends the
 * address it received the request from, so entries to the left of that one are whatever the
 * client wrote, and a client could name a new address on every request to dodge the limit.
 */
export function clientAddressOf(trusted: TrustedProxies): (request: Request, req: RequestSocket) => string {
  const trust = 'hops' in trusted ? (_address: string, hop: number) => hop < trusted.hops : proxyAddr.compile(trusted.addresses);
  return (request, req) => {
    const remoteAddress = req?.socket?.remoteAddress;
    if (!remoteAddress) return 'unknown';
    const forwardedFor = request.headers.get('x-forwarded-for');
    // proxy-addr reads Node's request; only these two parts of it.
    const incoming = { socket: { remoteAddress }, headers: forwardedFor === null ? {} : { 'x-forwarded-for': forwardedFor } };
    return proxyAddr(incoming as unknown as IncomingMessage, trust) || remoteAddress;
  };
}
