import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SigningKey } from './tokens';

/** A signing key the gateway trusts for one pool, its JWKS served on loopback as Cognito serves it. */
export interface TrustedKey {
  signingKey: SigningKey;
  /** The issuer base to give the gateway: tokens' issuer is `<issuerBase>/<userPoolId>`. */
  issuerBase: string;
  close(): Promise<void>;
}

/** Serves `<issuerBase>/<userPoolId>/.well-known/jwks.json` with a key made here, for signed-in users' tokens. */
export async function serveTrustedKey(userPoolId: string, kid: string): Promise<TrustedKey> {
  const signingKey: SigningKey = { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, kid };
  const jwk = { ...createPublicKey(signingKey.key).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const server = createServer((request, response) => {
    if (request.url === `/${userPoolId}/.well-known/jwks.json`) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    signingKey,
    issuerBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
