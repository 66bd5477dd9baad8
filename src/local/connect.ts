import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from '../cognito/client';
import { StartupProblem, type AppClientConfig, type CognitoTarget } from '../config';
import type { Logger } from '../domain/logger';
import type { DemoSignIn } from './embedded-cognito';

export interface ConnectedCognito {
  client: CognitoIdentityProviderClient;
  description: string;
  /** Who GraphiQL's examples sign in as, when the target knows (the embedded demo). */
  demoSignIn?: DemoSignIn;
  /** Where token issuers live: `<issuerBase>/<userPoolId>`. */
  issuerBase: string;
  /** App clients this target brings with it (the embedded demo's). */
  appClients: AppClientConfig[];
  /** The administrators' group this target brings (the demo pool's `admins`), as `pool:group`. */
  adminGroup?: string;
  /** Stops what was started for this target (the embedded emulator); for AWS, closes sockets. */
  close(): Promise<void>;
}

/**
 * Real Cognito when configured; otherwise the embedded cognito-local on loopback, seeded with the
 * demo directory on its first start. Everything above the client is the same either way.
 */
export async function connectCognito(target: CognitoTarget, logger: Logger): Promise<ConnectedCognito> {
  if (target.kind === 'aws') {
    const client = createCognitoClient({ region: target.region, ...(target.endpoint ? { endpoint: target.endpoint } : {}) });
    const where = target.endpoint ? `the Cognito-compatible endpoint ${target.endpoint}` : `Amazon Cognito in ${target.region}`;
    // Without credentials every call would fail later, each as an unexpected error: find out now.
    try {
      await client.config.credentials();
    } catch {
      client.destroy();
      throw new StartupProblem(
        `No AWS credentials for ${where}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run where a role provides them (the AWS default credential chain found none).`,
      );
    }
    // Real Cognito issues tokens from its regional IdP URL; an emulator behind an endpoint override
    // (cognito-local) from the endpoint itself.
    const issuerBase = target.endpoint ?? `https://cognito-idp.${target.region}.amazonaws.com`;
    return { client, description: where, issuerBase, appClients: [], close: async () => client.destroy() };
  }
  // Loaded only here: a production install lacks the emulator, and runs without this code.
  const { startEmbeddedCognito } = await import('./embedded-cognito');
  const { formatDemoSummary } = await import('./demo-seed');
  const embedded = await startEmbeddedCognito({ dataDir: target.dataDir, port: target.port, logger });
  return {
    client: embedded.client,
    ...(embedded.demoSignIn ? { demoSignIn: embedded.demoSignIn, adminGroup: `${embedded.demoSignIn.userPoolId}:admins` } : {}),
    issuerBase: embedded.local.endpoint,
    appClients: embedded.appClients,
    description: `the embedded local Cognito at ${embedded.local.endpoint} (data in ${target.dataDir})\n${formatDemoSummary(embedded.demo)}`,
    close: embedded.stop,
  };
}
