import { createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DemoSummary } from '../../src/local/demo-seed';
import type { Gateway } from '../../src/http/yoga';
import { postQuery } from './gateway';

/**
 * Tokens for authorization tests: real ones (signed in through the gateway against the run's
 * cognito-local) and minted ones (RS256 with node:crypto) whose claims a test chooses, to present
 * expired, foreign, forged or mis-typed tokens.
 */

export interface SignedIn {
  accessToken: string;
  idToken: string | null;
}

const INITIATE_AUTH = /* GraphQL */ `
  mutation ($input: InitiateAuthInput!) {
    initiateAuth(input: $input) {
      __typename
      ... on InitiateAuthPayload {
        tokens {
          accessToken
          idToken
        }
        challenge {
          name
        }
      }
      ... on CognitoError {
        code
        message
      }
    }
  }
`;

/** The demo pool's `web-app` client (no secret, USER_PASSWORD_AUTH allowed) and its pool. */
export function webAppClient(demo: DemoSummary, poolName = 'demo'): { userPoolId: string; clientId: string } {
  const pool = demo.pools.find((p) => p.name === poolName);
  const client = pool?.clients.find((c) => c.name === 'web-app');
  if (!pool || !client) throw new Error(`the demo summary has no web-app client in pool ${poolName}`);
  return { userPoolId: pool.userPoolId, clientId: client.clientId };
}

/**
 * Signs in through the gateway's `initiateAuth` (USER_PASSWORD_AUTH, anonymous caller) and returns
 * the tokens; throws with the gateway's answer when the sign-in did not complete.
 */
export async function signIn(gateway: Pick<Gateway, 'fetch'>, clientId: string, username: string, password: string): Promise<SignedIn> {
  const result = await postQuery(gateway, INITIATE_AUTH, { input: { authFlow: 'USER_PASSWORD_AUTH', clientId, username, password } });
  const tokens = result.data?.['initiateAuth']?.tokens as { accessToken: string; idToken: string | null } | undefined;
  if (!tokens?.accessToken) throw new Error(`sign-in of ${username} did not complete: ${JSON.stringify(result)}`);
  return { accessToken: tokens.accessToken, idToken: tokens.idToken ?? null };
}

/** Signs in one of the demo's well-known accounts through the demo pool's web-app client. */
export async function signInDemoAccount(
  gateway: Pick<Gateway, 'fetch'>,
  demo: DemoSummary,
  role: 'administrator' | 'user',
): Promise<SignedIn> {
  const account = demo.accounts.find((a) => a.role === role);
  if (!account) throw new Error(`the demo summary has no ${role} account`);
  const { clientId } = webAppClient(demo);
  return signIn(gateway, clientId, account.username, account.password);
}

// ---------------------------------------------------------------------------------------------
// Minting
// ---------------------------------------------------------------------------------------------

export interface SigningKey {
  key: KeyObject;
  kid: string;
}

const require = createRequire(import.meta.url);
let cognitoLocal: SigningKey | undefined;

/**
 * The key cognito-local signs every token with (`{ jwk, pem }`, kid CognitoLocal): tokens minted
 * with it pass the signature check against the emulator's JWKS, so only the claims decide.
 */
export function cognitoLocalKey(): SigningKey {
  if (!cognitoLocal) {
    const path = require.resolve('cognito-local/lib/keys/cognitoLocal.private.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { jwk: { kid: string } & Record<string, string>; pem: string };
    cognitoLocal = { key: createPrivateKey({ key: file.jwk, format: 'jwk' }), kid: file.jwk.kid };
  }
  return cognitoLocal;
}

/** A fresh RSA key nobody trusts; `kid` defaults to cognito-local's so only the signature differs. */
export function foreignKey(kid = 'CognitoLocal'): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { key: privateKey, kid };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** An RS256 JWT over exactly these claims (no defaults added). */
export function mintJwt(
  claims: Record<string, unknown>,
  signingKey: SigningKey = cognitoLocalKey(),
  header: Record<string, unknown> = {},
): string {
  const head = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: signingKey.kid, ...header }));
  const body = base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), signingKey.key);
  return `${head}.${body}.${base64url(signature)}`;
}

export interface AccessClaimOptions {
  /** `<issuerBase>/<poolId>`. */
  issuer: string;
  clientId: string;
  username?: string;
  sub?: string;
  groups?: string[];
  /** Seconds from now; negative for a token that has expired. */
  expiresIn?: number;
  tokenUse?: 'access' | 'id';
}

/** Claims shaped like a Cognito (and cognito-local) access token. */
export function accessClaims(options: AccessClaimOptions): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = options.expiresIn ?? 3600;
  return {
    sub: options.sub ?? randomUUID(),
    iss: options.issuer,
    client_id: options.clientId,
    token_use: options.tokenUse ?? 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: Math.min(now, now + expiresIn) - 60,
    iat: Math.min(now, now + expiresIn) - 60,
    exp: now + expiresIn,
    jti: randomUUID(),
    event_id: randomUUID(),
    username: options.username ?? 'minted.user',
    ...(options.groups ? { 'cognito:groups': options.groups } : {}),
  };
}

/** Decodes (without verifying) a JWT's payload. */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
