import { checkIdentifier } from '../domain/identifiers';
import type { GatewayContext } from './context';

/**
 * The certificate the pool signs SAML requests to identity providers with (GetSigningCertificate):
 * public by nature (identity providers are given it), served to administrators like the rest of
 * the pool's configuration. Once per pool per request.
 */
export async function getSigningCertificate(ctx: GatewayContext, pool: { userPoolId: string }): Promise<string | null> {
  return ctx.loaders.signingCertificate.load(checkIdentifier('userPoolId', pool.userPoolId));
}
