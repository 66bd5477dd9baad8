import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

export interface AccessTokenClaims {
  userPoolId: string;
  sub: string;
  username: string;
  clientId: string;
  groups: string[];
}

export interface PoolTrust {
  userPoolId: string;
  /** The `iss` claim of the pool's tokens; its JWKS is at `<issuer>/.well-known/jwks.json`. */
  issuer: string;
  clientIds: string[];
}

export interface AccessTokenVerifier {
  verify(token: string): Promise<AccessTokenClaims>;
}

/**
 * Fetches JWKS with the platform fetch, which (unlike the library's default https-only fetcher)
 * also reaches an emulator's plain-http issuer on loopback.
 */
const platformFetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`JWKS request to ${uri} answered ${response.status}`);
    return response.arrayBuffer();
  },
};

/**
 * Access tokens verified with aws-jwt-verify: signature against the pool's JWKS, issuer, expiry
 * (which must be stated), `token_use` = access and a `client_id` the gateway serves for that pool.
 */
export function createAccessTokenVerifier(pools: readonly PoolTrust[]): AccessTokenVerifier | undefined {
  if (pools.length === 0) return undefined;
  const issuers = new Map(pools.map((pool) => [pool.issuer, pool]));
  const verifier = JwtVerifier.create(
    pools.map((pool) => ({
      issuer: pool.issuer,
      audience: null,
      jwksUri: `${pool.issuer}/.well-known/jwks.json`,
      customJwtCheck: ({ payload }: { payload: JwtPayload }) => {
        // aws-jwt-verify checks `exp` only when present; a token that never expires is not one Cognito issues.
        if (typeof payload.exp !== 'number') throw new Error('the token has no exp claim');
        if (payload['token_use'] !== 'access') throw new Error('token_use is not access');
        const clientId = payload['client_id'];
        if (typeof clientId !== 'string' || !pool.clientIds.includes(clientId)) throw new Error('client_id is not served');
      },
    })),
    { jwksCache: new SimpleJwksCache({ fetcher: platformFetcher }) },
  );
  return {
    async verify(token) {
      const payload = await verifier.verify(token);
      const pool = issuers.get(String(payload.iss));
      const groups = payload['cognito:groups'];
      if (!pool) throw new Error('issuer not trusted');
      return {
        userPoolId: pool.userPoolId,
        sub: String(payload.sub),
        username: String(payload['username'] ?? payload.sub),
        clientId: String(payload['client_id']),
        groups: Array.isArray(groups) ? groups.map(String) : [],
      };
    },
  };
}
