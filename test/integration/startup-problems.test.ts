import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { gatewayEnv, cleanUpGateways, runGatewayToExit } from '../support/gateway-process';

/**
 * Problems a newcomer meets at start, each said in one line with what to do, and the process
 * ends with code 1: a busy port, a bad setting, no credentials for an endpoint. (Damaged demo
 * data: demo-data-problems.test.ts; no emulator installed: production-install.test.ts.)
 */
const dirs: string[] = [];
let blocker: Server | undefined;

afterAll(async () => {
  blocker?.close();
  await cleanUpGateways();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Starts the gateway as `npm start` does, with `env` on top of a clean one, until it exits (bounded). */
async function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const { code, stderr } = await runGatewayToExit(await gatewayEnv(env));
  return { code, stderr };
}

describe('start-up problems, one line each', () => {
  it('a busy port: which port, and what to do', async () => {
    blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker!.listen(0, '127.0.0.1', () => resolve((blocker!.address() as { port: number }).port)),
    );
    const dataDir = await mkdtemp(join(tmpdir(), 'startup-data-'));
    dirs.push(dataDir);
    const result = await start({ HOST: '127.0.0.1', PORT: String(port), COGNITO_LOCAL_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Port ${port} on 127.0.0.1 is in use: stop what holds it, or set PORT to another port.`);
  }, 90_000);

  it('an endpoint with no AWS credentials: said at start, not as an unexpected error on every call', async () => {
    const result = await start({ COGNITO_ENDPOINT: inject('cognitoEndpoint'), PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^No AWS credentials for the Cognito-compatible endpoint .*: set AWS_ACCESS_KEY_ID/);
  }, 90_000);

  it('a bad setting: named, with what is expected', async () => {
    const result = await start({ PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PORT: "eighty" is not a whole number from 0 to 65535/);
  }, 90_000);
});
