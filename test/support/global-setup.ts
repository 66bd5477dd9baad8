import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { AppClientConfig } from '../../src/config';
import type { DemoSummary } from '../../src/local/demo-seed';
import { startEmbeddedCognito } from '../../src/local/embedded-cognito';
import { silentLogger } from '../../src/domain/logger';

declare module 'vitest' {
  export interface ProvidedContext {
    cognitoEndpoint: string;
    demo: DemoSummary;
    /** The demo's app clients with their secrets, as the embedded gateway serves them. */
    appClients: AppClientConfig[];
  }
}

/**
 * One real cognito-local for the whole run, on a free loopback port, in a temporary folder,
 * seeded with the same demo directory `npm start` serves. Tests that change data make their own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  const dataDir = await mkdtemp(join(tmpdir(), 'cognito-gateway-test-'));
  // The same start-up `npm start` does with no AWS configuration: emulator, demo seed, clients.
  const embedded = await startEmbeddedCognito({ dataDir, port: 0, logger: silentLogger });
  project.provide('cognitoEndpoint', embedded.local.endpoint);
  project.provide('demo', embedded.demo);
  project.provide('appClients', embedded.appClients);
  return async () => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
