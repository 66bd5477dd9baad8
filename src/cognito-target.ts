import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from './cognito/client';
import type { CognitoTarget } from './config';
import { formatDemoSummary } from './local/demo-seed';
import { startEmbeddedCognito } from './local/embedded-cognito';
import type { Logger } from './logger';

export interface ConnectedCognito {
  client: CognitoIdentityProviderClient;
  description: string;
  /** A pool to show in GraphiQL's examples, when one is known. */
  exampleUserPoolId?: string;
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
    return { client, description: where, close: async () => client.destroy() };
  }
  const embedded = await startEmbeddedCognito({ dataDir: target.dataDir, port: target.port, logger });
  return {
    client: embedded.client,
    exampleUserPoolId: embedded.demo.pools[0]?.userPoolId,
    description: `the embedded local Cognito at ${embedded.local.endpoint} (data in ${target.dataDir})\n${formatDemoSummary(embedded.demo)}`,
    close: embedded.stop,
  };
}
