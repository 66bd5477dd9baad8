import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answersHealth, gatewayEnv, cleanUpGateways, startGatewayProcess, untilSilent } from '../support/gateway-process';

/**
 * The embedded emulator ends with the gateway, however the gateway ends: here the gateway's
 * process (started as `npm start` starts it) is killed with SIGKILL, which runs no handler of its own.
 */
const dirs: string[] = [];

afterAll(async () => {
  await cleanUpGateways();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the embedded emulator’s lifetime', () => {
  it('ends when the gateway is killed with SIGKILL', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'emulator-lifetime-'));
    dirs.push(dataDir);
    const gateway = await startGatewayProcess(await gatewayEnv({ COGNITO_LOCAL_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }));
    const endpoint = gateway.emulator!;
    expect(await answersHealth(endpoint)).toBe(true);

    await gateway.stop('SIGKILL');
    expect(await untilSilent(endpoint)).toBe(true);
  }, 90_000);
});
