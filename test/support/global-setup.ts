import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { startCognitoLocal } from '../../src/local/cognito-local';
import { ensureDemoDirectory, type DemoSummary } from '../../src/local/demo-seed';

declare module 'vitest' {
  export interface ProvidedContext {
    cognitoEndpoint: string;
    demo: DemoSummary;
  }
}

/**
 * One real cognito-local for the whole run, on a free loopback port, in a temporary folder,
 * seeded with the same demo directory `npm start` serves. Tests that change data make their own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  const dataDir = await mkdtemp(join(tmpdir(), 'cognito-gateway-test-'));
  const local = await startCognitoLocal({ dataDir });
  const client = createCognitoClient({ region: 'local', endpoint: local.endpoint, credentials: localCredentials });
  try {
    const demo = await ensureDemoDirectory(client);
    project.provide('cognitoEndpoint', local.endpoint);
    project.provide('demo', demo);
  } catch (error) {
    await local.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return async () => {
    await local.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
