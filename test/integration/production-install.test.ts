import { spawn } from 'node:child_process';
import { access, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gatewayEnv, projectRoot, cleanUpGateways, runGatewayToExit, startGatewayProcess } from '../support/gateway-process';

/**
 * A production install (`npm ci --omit=dev`) leaves the embedded emulator and its dependencies
 * out, and still gives a gateway that runs against Cognito: here a cognito-local of the test run
 * stands in for AWS behind COGNITO_ENDPOINT. Without AWS settings it says in one line what is missing.
 */
const SERVICE_KEY = 'production-install-key-0123456789abcdef-0123456789';
let installDir: string;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  installDir = await mkdtemp(join(tmpdir(), 'production-install-'));
  for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'src']) {
    await cp(join(projectRoot, entry), join(installDir, entry), { recursive: true });
  }
  const child = spawn('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: installDir,
    env: { ...process.env, npm_config_loglevel: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  expect(code, output).toBe(0);
}, 120_000);

afterAll(async () => {
  await cleanUpGateways();
  await rm(installDir, { recursive: true, force: true });
});

describe('a production install (npm ci --omit=dev)', () => {
  it('has neither the emulator nor its dependencies nor patch-package', async () => {
    for (const name of ['cognito-local', 'stormdb', 'aws-sdk', 'patch-package']) {
      expect(await exists(join(installDir, 'node_modules', name)), name).toBe(false);
    }
    expect(await exists(join(installDir, 'node_modules', 'tsx'))).toBe(true);
  });

  it('runs against a Cognito endpoint and answers a query that reaches it', async () => {
    const endpoint = inject('cognitoEndpoint');
    const env = await gatewayEnv({
      COGNITO_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      SERVICE_API_KEYS: SERVICE_KEY,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    const gateway = await startGatewayProcess(env, installDir);
    try {
      expect(gateway.output()).toContain(`Cognito: the Cognito-compatible endpoint ${endpoint}`);
      const response = await fetch(gateway.graphql, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-service-key': SERVICE_KEY },
        body: JSON.stringify({ query: '{ userPools(first: 10) { edges { node { name } } } }' }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = (await response.json()) as { data?: { userPools: { edges: { node: { name: string } }[] } }; errors?: unknown };
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(body.data!.userPools.edges.map((edge) => edge.node.name)).toEqual(expect.arrayContaining(['demo', 'partners']));
    } finally {
      expect(await gateway.stop('SIGINT')).toBe(0);
    }
  }, 90_000);

  it('with no AWS settings, says in one line that the emulator is not installed and what to do', async () => {
    const result = await runGatewayToExit(await gatewayEnv({ PORT: '0', HOST: '127.0.0.1' }), installDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'The embedded emulator is not installed (npm ci --omit=dev): set COGNITO_REGION or COGNITO_ENDPOINT, or install dev dependencies (npm install).',
    );
  }, 60_000);
});
