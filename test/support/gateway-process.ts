import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * The gateway started as `npm start` starts it (`tsx src/main.ts`), as a process of its own, in
 * an environment with no AWS settings from the machine. For tests of what a newcomer meets:
 * start-up, shutdown, restarts on the same data folder.
 */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const START_TIMEOUT_MS = 60_000;
const EXIT_TIMEOUT_MS = 30_000;

const homes: string[] = [];
/** Gateways started and not yet ended: a test that fails half-way leaves none behind. */
const running = new Set<ChildProcess>();

/** For afterAll: kills the gateways a failed test left running, removes the homes made by gatewayEnv. */
export async function cleanUpGateways(): Promise<void> {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  for (const home of homes.splice(0)) await rm(home, { recursive: true, force: true });
}

/** `env` on top of a clean environment: a home of its own, and no instance metadata lookups off loopback. */
export async function gatewayEnv(env: Record<string, string>): Promise<Record<string, string>> {
  const home = await mkdtemp(join(tmpdir(), 'gateway-home-'));
  homes.push(home);
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: home,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...env,
  };
}

export interface GatewayProcess {
  child: ChildProcess;
  /** The GraphQL endpoint the gateway printed. */
  graphql: string;
  /** The embedded emulator's endpoint, when the gateway started one. */
  emulator?: string;
  /** Everything printed so far, both streams. */
  output(): string;
  /** Sends `signal` and waits for the process to end (bounded); resolves with its exit code. */
  stop(signal: 'SIGINT' | 'SIGKILL'): Promise<number | null>;
}

interface Spawned {
  child: ChildProcess;
  /** Both streams, as they came. */
  output: () => string;
  stdout: () => string;
  stderr: () => string;
}

/** How `npm start` runs the gateway; a production install runs the build instead (`dist/main.js`). */
const FROM_SOURCES = ['--import', 'tsx', 'src/main.ts'];

function spawnGateway(env: Record<string, string>, cwd: string, nodeArgs = FROM_SOURCES): Spawned {
  const child = spawn(process.execPath, nodeArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    stdout += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    stderr += chunk;
  });
  return { child, output: () => output, stdout: () => stdout, stderr: () => stderr };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts the gateway with `env` (see gatewayEnv) in `cwd` and waits until it prints its endpoint. */
export async function startGatewayProcess(
  env: Record<string, string>,
  cwd = projectRoot,
  nodeArgs = FROM_SOURCES,
): Promise<GatewayProcess> {
  const { child, output } = spawnGateway(env, cwd, nodeArgs);
  const found: { graphql?: string; emulator?: string } = {};
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the gateway did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        found.emulator ??= /embedded local Cognito at (http:\/\/[^\s)]+)/.exec(line)?.[1];
        const graphql = /(?:GraphiQL|GraphQL endpoint): (http:\/\/\S+)/.exec(line)?.[1];
        if (graphql) {
          found.graphql = graphql;
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the gateway exited with ${code} before it started:\n${output()}`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    child,
    graphql: found.graphql!,
    ...(found.emulator ? { emulator: found.emulator } : {}),
    output,
    stop: async (signal) => {
      const exited = exitOf(child);
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Runs the gateway with `env` until it exits by itself (bounded): for starts that must fail. */
export async function runGatewayToExit(
  env: Record<string, string>,
  cwd = projectRoot,
  nodeArgs = FROM_SOURCES,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { child, stdout, stderr } = spawnGateway(env, cwd, nodeArgs);
  const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
  const code = await exitOf(child);
  clearTimeout(timer);
  return { code, stdout: stdout().trim(), stderr: stderr().trim() };
}

/** Whether anything answers at `endpoint`/health now. */
export async function answersHealth(endpoint: string): Promise<boolean> {
  try {
    return (await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

/** Waits (bounded) until nothing answers at `endpoint`; returns whether it went quiet. */
export async function untilSilent(endpoint: string): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (!(await answersHealth(endpoint))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
