import { spawn, spawnSync } from 'node:child_process';
import { access, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CognitoProxy } from '../support/cognito-proxy';
import { gatewayEnv, projectRoot, cleanUpGateways, runGatewayToExit, startGatewayProcess } from '../support/gateway-process';

/**
 * A production install (`npm ci --omit=dev`) leaves the embedded emulator, its dependencies and
 * the TypeScript tools out, and the build (`npm run build`, dist/) runs on it with Node alone, as
 * the README's production command runs it: here a cognito-local of the test run stands in for AWS
 * behind COGNITO_ENDPOINT. Without AWS settings it says in one line what is missing.
 */
const PRODUCTION_COMMAND = ['--enable-source-maps', 'dist/main.js'];
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
  // The build is made where dev dependencies are (a Dockerfile's build stage), then copied over.
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', join(installDir, 'dist')], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(build.status, build.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  await cleanUpGateways();
  await rm(installDir, { recursive: true, force: true });
});

describe('a production install (npm ci --omit=dev)', () => {
  it('has neither the emulator nor its dependencies nor patch-package nor the TypeScript tools', async () => {
    for (const name of ['cognito-local', 'stormdb', 'aws-sdk', 'patch-package', 'tsx', 'typescript', 'esbuild']) {
      expect(await exists(join(installDir, 'node_modules', name)), name).toBe(false);
    }
    expect(await exists(join(installDir, 'node_modules', 'prom-client'))).toBe(true);
  });

  it('runs the build against a Cognito endpoint: answers a query, is ready, counts the call, logs JSON lines, exports its spans over OTLP', async () => {
    const endpoint = inject('cognitoEndpoint');
    // A loopback OTLP/HTTP receiver: it keeps what the exporter posts (protobuf, whose strings are plain UTF-8).
    const exported: { path: string; body: Buffer }[] = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        exported.push({ path: req.url ?? '', body: Buffer.concat(chunks) });
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const env = await gatewayEnv({
      COGNITO_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      SERVICE_API_KEYS: SERVICE_KEY,
      PORT: '0',
      HOST: '127.0.0.1',
      OPS_PORT: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as { port: number }).port}`,
    });
    const gateway = await startGatewayProcess(env, installDir, PRODUCTION_COMMAND);
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
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

      const ops = /Operations: (http:\/\/[^\s"]+)/.exec(gateway.output())![1]!;
      const ready = await fetch(`${ops}/ready`, { signal: AbortSignal.timeout(10_000) });
      expect(await ready.json()).toEqual({ status: 'ready', checks: { cognito: 'ok' } });
      expect(ready.status).toBe(200);
      const metrics = await (await fetch(`${ops}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
      expect(metrics).toMatch(/^gateway_cognito_calls_total\{operation="ListUserPools",outcome="ok"\} [1-9]/m);
      // Production logs JSON lines (LOG_FORMAT's default there).
      const stdout = gateway
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      expect(stdout.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(
        expect.arrayContaining([`Cognito: the Cognito-compatible endpoint ${endpoint}`, expect.stringMatching(/^GraphQL endpoint: /)]),
      );
    } finally {
      expect(await gateway.stop('SIGINT')).toBe(0);
      await new Promise<void>((resolve) => collector.close(() => resolve()));
    }
    // The spans buffered for export are sent at shutdown.
    const traces = Buffer.concat(exported.filter((post) => post.path === '/v1/traces').map((post) => post.body)).toString('latin1');
    expect(traces).toContain('graphql.query');
    expect(traces).toContain('cognito.ListUserPools');
    expect(traces).not.toContain(SERVICE_KEY);
  }, 90_000);

  it('with no AWS settings, says in one line that the emulator is not installed and what to do', async () => {
    const result = await runGatewayToExit(await gatewayEnv({ PORT: '0', HOST: '127.0.0.1' }), installDir, PRODUCTION_COMMAND);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'The embedded emulator is not installed (npm ci --omit=dev): set COGNITO_REGION or COGNITO_ENDPOINT, or install dev dependencies (npm install).',
    );
  }, 60_000);

  it('answers /ready 503 draining from the shutdown signal on, while the request in flight finishes', async () => {
    const proxy = await new CognitoProxy(inject('cognitoEndpoint')).start();
    try {
      const env = await gatewayEnv({
        COGNITO_ENDPOINT: proxy.endpoint,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        SERVICE_API_KEYS: SERVICE_KEY,
        PORT: '0',
        HOST: '127.0.0.1',
        OPS_PORT: '0',
        COGNITO_MAX_ATTEMPTS: '1',
        COGNITO_CALL_TIMEOUT_MS: '3000',
      });
      const gateway = await startGatewayProcess(env, installDir, PRODUCTION_COMMAND);
      const ops = /Operations: (http:\/\/[^\s"]+)/.exec(gateway.output())![1]!;
      expect((await fetch(`${ops}/ready`, { signal: AbortSignal.timeout(10_000) })).status).toBe(200);
      proxy.script('DescribeUserPool', { kind: 'hang' });
      const inFlight = fetch(gateway.graphql, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-service-key': SERVICE_KEY },
        body: JSON.stringify({ query: '{ userPool(userPoolId: "us-east-1_AbCdEf123") { name } }' }),
        signal: AbortSignal.timeout(20_000),
      });
      for (let i = 0; i < 100 && proxy.count('DescribeUserPool') === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(proxy.count('DescribeUserPool')).toBe(1);
      const exited = new Promise<number | null>((resolve) => gateway.child.once('exit', resolve));
      gateway.child.kill('SIGINT');
      let ready: Response | undefined;
      for (let i = 0; i < 100; i++) {
        ready = await fetch(`${ops}/ready`, { signal: AbortSignal.timeout(5_000) });
        if (ready.status === 503) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(ready!.status).toBe(503);
      expect(await ready!.json()).toMatchObject({ status: 'draining' });
      const answered = await inFlight;
      expect(answered.status).toBe(200);
      expect(JSON.stringify(await answered.json())).toContain('COGNITO_TIMEOUT');
      expect(await exited).toBe(0);
    } finally {
      await proxy.stop();
    }
  }, 90_000);
});
