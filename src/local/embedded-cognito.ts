import {
  DeleteUserPoolCommand,
  paginateListUserPools,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCognitoClient, localCredentials } from '../cognito/client';
import type { AppClientConfig } from '../config';
import type { Logger } from '../domain/logger';
import { startCognitoLocal, type CognitoLocal } from './cognito-local';
import { adaptToEmulator } from './emulator-quirks';
import { demoDirectory } from './demo-data';
import { ensureDemoDirectory, type DemoSummary } from './demo-seed';

/** The demo administrator signing in through the demo's web client: what GraphiQL's tabs start with. */
export interface DemoSignIn {
  userPoolId: string;
  clientId: string;
  username: string;
  password: string;
}

export interface EmbeddedCognito {
  local: CognitoLocal;
  client: CognitoIdentityProviderClient;
  demo: DemoSummary;
  /** The demo's app clients, secrets included, for the gateway to serve sign-in flows with. */
  appClients: AppClientConfig[];
  /** The demo administrator signing in through the demo's web client, for GraphiQL's first tab. */
  demoSignIn: DemoSignIn | undefined;
  stop(): Promise<void>;
}

/** Written once the demo directory is fully seeded; its absence means a first start was cut short. */
const SEED_MARKER = 'demo-seed-complete.json';

/**
 * The embedded default: cognito-local on loopback with the demo directory. A first start that was
 * interrupted (Ctrl-C while seeding) leaves pools without the marker; they are removed and seeded
 * afresh, so nobody is left with half a demo. Once seeded, the data is the operator's: later
 * starts only read it back, whatever it has been changed into.
 */
export async function startEmbeddedCognito(options: { dataDir: string; port: number; logger: Logger }): Promise<EmbeddedCognito> {
  const { logger } = options;
  const local = await startCognitoLocal({
    dataDir: options.dataDir,
    port: options.port,
    // The emulator's own log carries confirmation codes and tokens: only its errors are passed on.
    onLine: (line) => {
      if (/\bERROR\b/.test(line)) logger.warn(`[cognito-local] ${line}`);
    },
  });
  const client = adaptToEmulator(
    createCognitoClient({ region: 'local', endpoint: local.endpoint, credentials: localCredentials, maxAttempts: 1 }),
  );
  const stop = async () => {
    client.destroy();
    await local.stop();
  };
  try {
    const marker = join(options.dataDir, SEED_MARKER);
    const complete = await access(marker).then(
      () => true,
      () => false,
    );
    if (!complete) await removeDemoPools(client, logger);
    const demo = await ensureDemoDirectory(client, (message) => logger.info(message));
    if (!complete) await writeFile(marker, JSON.stringify({ seededAt: new Date().toISOString() }));
    return { local, client, demo, appClients: demoAppClients(demo), demoSignIn: demoSignIn(demo), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function removeDemoPools(client: CognitoIdentityProviderClient, logger: Logger): Promise<void> {
  const names = new Set(demoDirectory.map((pool) => pool.name));
  const leftovers: string[] = [];
  for await (const page of paginateListUserPools({ client }, { MaxResults: 60 })) {
    for (const pool of page.UserPools ?? []) if (pool.Id && pool.Name && names.has(pool.Name)) leftovers.push(pool.Id);
  }
  for (const UserPoolId of leftovers) {
    logger.warn(`removing ${UserPoolId}: the demo seed that created it did not finish`);
    await client.send(new DeleteUserPoolCommand({ UserPoolId }));
  }
}

/** The demo's app clients as the gateway serves them; their secrets were read by the seed. */
function demoAppClients(demo: DemoSummary): AppClientConfig[] {
  return demo.pools.flatMap((pool) =>
    pool.clients.map(({ clientId, clientSecret }) => ({
      userPoolId: pool.userPoolId,
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
    })),
  );
}

function demoSignIn(demo: DemoSummary): DemoSignIn | undefined {
  const admin = demo.accounts.find((account) => account.role === 'administrator');
  const pool = demo.pools.find((p) => p.userPoolId === admin?.userPoolId);
  const web = pool?.clients.find((c) => !c.hasSecret && c.name === 'web-app') ?? pool?.clients.find((c) => !c.hasSecret);
  if (!admin || !pool || !web) return undefined;
  return { userPoolId: pool.userPoolId, clientId: web.clientId, username: admin.username, password: admin.password };
}
