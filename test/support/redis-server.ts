import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../src/local/free-port';

const DEBIAN_PATH = '/usr/bin/redis-server';
const START_TIMEOUT_MS = 10_000;

/** Debian's redis-server, or on PATH; absent, a failure that says how to install it (never a silent skip). */
export function redisServerPath(): string {
  if (existsSync(DEBIAN_PATH)) return DEBIAN_PATH;
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  throw new Error(
    'redis-server is not installed: the replica tests need a real Redis. Install it with `apt-get install redis-server` (Debian; .ci/run does) and run the tests again.',
  );
}

export interface RedisServer {
  url: string;
  port: number;
  /** Ends the server at once, as a crash would (SIGKILL); `start()` brings it back on the same port, empty. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  stop(): Promise<void>;
}

/**
 * A redis-server of the test's own on a free loopback port, with no persistence (no RDB
 * snapshots, no append-only file) in a temporary folder: gone with the test.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const binary = redisServerPath();
  const port = await findFreePort('127.0.0.1');
  const dir = await mkdtemp(join(tmpdir(), 'gateway-redis-'));
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'];
    const spawned = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = spawned;
    let output = '';
    spawned.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    spawned.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = performance.now() + START_TIMEOUT_MS;
    while (!(await answersPing(port))) {
      if (spawned.exitCode !== null) throw new Error(`redis-server exited with ${spawned.exitCode} before it answered:\n${output}`);
      if (performance.now() > deadline) throw new Error(`redis-server did not answer within ${START_TIMEOUT_MS} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    stop: async () => {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Whether something answers PING with +PONG at `port` now. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
