import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { StartupProblem } from '../config';
import { failedStartLine } from './emulator-failure';
import { findFreePort } from './free-port';

export interface CognitoLocalOptions {
  /** Folder that holds the emulator's config and database; created when missing. */
  dataDir: string;
  /** Loopback address to listen on. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Receives every line the emulator prints (its message log carries confirmation codes). */
  onLine?: (line: string) => void;
}

export interface CognitoLocal {
  endpoint: string;
  host: string;
  port: number;
  /** The token issuer cognito-local writes into tokens of a pool. */
  issuerFor(userPoolId: string): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;
/** Lines of the emulator's output kept for saying why a start failed. */
const KEPT_LINES = 200;
const STOP_GRACE_MS = 3_000;

/**
 * Loaded into the emulator's process before cognito-local itself: it ends the emulator when its
 * standard input closes, which happens when the gateway's process ends however it ends (a
 * SIGKILL or the out-of-memory killer included), since the gateway holds the other end.
 */
const ENDS_WITH_PARENT = "data:text/javascript,process.stdin.on('end',()=>process.exit(0)).on('error',()=>process.exit(0)).resume()";

/** cognito-local is a development dependency: a production install (`npm ci --omit=dev`) lacks it. */
function cognitoLocalEntry(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('cognito-local/package.json');
  } catch {
    throw new StartupProblem(
      'The embedded emulator is not installed (npm ci --omit=dev): set COGNITO_REGION or COGNITO_ENDPOINT, or install dev dependencies (npm install).',
    );
  }
  return join(dirname(packageJson), 'lib', 'bin', 'start.js');
}

/**
 * Runs the npm package cognito-local as a child process on a loopback port. A child process
 * rather than an in-process server because cognito-local reads its data folder from its working
 * directory and brings its own logger and aws-sdk v2.
 */
export async function startCognitoLocal(options: CognitoLocalOptions): Promise<CognitoLocal> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port && options.port > 0 ? options.port : await findFreePort(host);
  const dataDir = resolve(options.dataDir);
  const entry = cognitoLocalEntry();
  await writeEmulatorConfig(dataDir);

  const child = spawn(process.execPath, ['--import', ENDS_WITH_PARENT, entry], {
    cwd: dataDir,
    env: { ...process.env, PORT: String(port), HOST: host, NO_COLOR: '1', FORCE_COLOR: '0', DEBUG: '' },
    // stdin stays open for as long as this process lives: see ENDS_WITH_PARENT.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const output: string[] = [];
  pipeLines(child, (line) => {
    output.push(line);
    if (output.length > KEPT_LINES) output.shift();
    options.onLine?.(line);
  });

  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  try {
    await waitUntilHealthy(endpoint, child, (code) => new StartupProblem(failedStartLine(output, code, dataDir)));
  } catch (error) {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    throw error;
  }

  return {
    endpoint,
    host,
    port,
    issuerFor: (userPoolId) => `${endpoint}/${userPoolId}`,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopChild(child);
    },
  };
}

/**
 * cognito-local reads `.cognito/config.json` below its working directory. Its built-in default
 * makes every new pool sign users in by email; real Cognito pools default to plain usernames,
 * so the gateway sets that default back. Written only when missing: an operator may edit it.
 */
async function writeEmulatorConfig(dataDir: string): Promise<void> {
  const configDir = join(dataDir, '.cognito');
  await mkdir(configDir, { recursive: true });
  const config = { UserPoolDefaults: { UsernameAttributes: [] } };
  await writeFile(join(configDir, 'config.json'), JSON.stringify(config, null, 2), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

function pipeLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
  }
}

async function waitUntilHealthy(endpoint: string, child: ChildProcess, exitedEarly: (code: number) => Error): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (exited !== null) {
      // Its last lines may still be in the pipes: let them arrive (bounded) before they are read.
      await Promise.race([once(child, 'close'), new Promise((r) => setTimeout(r, 1_000))]);
      throw exitedEarly(exited);
    }
    try {
      const response = await fetch(`${endpoint}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`cognito-local did not answer at ${endpoint}/health within ${READY_TIMEOUT_MS} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
