import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient, localCredentials } from './cognito/client';
import type { CognitoTarget } from './config';
import { startCognitoLocal, type CognitoLocal } from './local/cognito-local';
import { ensureDemoDirectory, formatDemoSummary } from './local/demo-seed';
import type { Logger } from './logger';

export interface ConnectedCognito {
  client: CognitoIdentityProviderClient;
  description: string;
  /** Stops what was started for this target (the embedded emulator); a no-op for AWS. */
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

  let local: CognitoLocal | undefined;
  try {
    local = await startCognitoLocal({
      dataDir: target.dataDir,
      port: target.port,
      onLine: (line) => logger.debug(`[cognito-local] ${line}`),
    });
    const client = createCognitoClient({ region: 'local', endpoint: local.endpoint, credentials: localCredentials });
    const summary = await ensureDemoDirectory(client, (message) => logger.info(message));
    const emulator = local;
    return {
      client,
      description: `the embedded local Cognito at ${local.endpoint} (data in ${target.dataDir})\n${formatDemoSummary(summary)}`,
      close: async () => {
        client.destroy();
        await emulator.stop();
      },
    };
  } catch (error) {
    await local?.stop();
    throw error;
  }
}
