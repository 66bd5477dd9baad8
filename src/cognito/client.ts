import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface CognitoClientOptions {
  region: string;
  endpoint?: string;
  /** Omitted: the AWS default credential provider chain. */
  credentials?: StaticCredentials;
  /** SDK attempts per call. 1 by default: retries are the call path's (one mechanism, paced). */
  maxAttempts?: number;
}

/** Credentials cognito-local accepts; it checks no signature. */
export const localCredentials: StaticCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export function createCognitoClient(options: CognitoClientOptions): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: options.maxAttempts ?? 1,
  });
}
