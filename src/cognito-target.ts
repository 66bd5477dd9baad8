import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from './cognito/client';
import type { AppClientConfig, CognitoTarget } from './config';
import type { GraphiqlExample } from './graphiql-tabs';
import { formatDemoSummary } from './local/demo-seed';
import { startEmbeddedCognito } from './local/embedded-cognito';
import type { Logger } from './logger';

export interface ConnectedCognito {
  client: CognitoIdentityProviderClient;
  description: string;
  /** What GraphiQL's examples start with, when the target knows (the embedded demo). */
  graphiqlExample?: GraphiqlExample;
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
    // Real Cognito issues tokens from its regional IdP URL; an emulator behind an endpoint override
    // (cognito-local) from the endpoint itself.
    const issuerBase = target.endpoint ?? `https://cognito-idp.${target.region}.amazonaws.com`;
    return { client, description: where, issuerBase, appClients: [], close: async () => client.destroy() };
  }
  const embedded = await startEmbeddedCognito({ dataDir: target.dataDir, port: target.port, logger });
  return {
    client: embedded.client,
    graphiqlExample: embedded.graphiqlExample,
    issuerBase: embedded.local.endpoint,
    ...(embedded.graphiqlExample ? { adminGroup: `${embedded.graphiqlExample.userPoolId}:admins` } : {}),
    appClients: embedded.appClients,
    description: `the embedded local Cognito at ${embedded.local.endpoint} (data in ${target.dataDir})\n${formatDemoSummary(embedded.demo)}`,
    close: embedded.stop,
  };
}
