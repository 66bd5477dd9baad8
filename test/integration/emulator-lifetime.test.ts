import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The embedded emulator ends with the gateway, however the gateway ends: here the gateway's
 * process (started as `npm start` starts it) is killed with SIGKILL, which runs no handler of its own.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Whether anything answers at `endpoint`/health now. */
async function answers(endpoint: string): Promise<boolean> {
  try {
    return (await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

describe('the embedded emulator’s lifetime', () => {
  it('ends when the gateway is killed with SIGKILL', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'emulator-lifetime-'));
    dirs.push(dataDir);
    const gateway = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, COGNITO_LOCAL_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', COGNITO_REGION: '', COGNITO_ENDPOINT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const endpoint = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: gateway.stdout! });
      lines.on('line', (line) => {
        const found = /embedded local Cognito at (http:\/\/[\d.:]+)/.exec(line);
        if (found) resolve(found[1]!);
      });
      gateway.once('exit', (code) => reject(new Error(`the gateway exited with ${code} before it started`)));
      setTimeout(() => reject(new Error('the gateway did not start within 60 s')), 60_000).unref();
    });
    expect(await answers(endpoint)).toBe(true);

    gateway.kill('SIGKILL');
    let alive = true;
    for (let i = 0; i < 50 && alive; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      alive = await answers(endpoint);
    }
    expect(alive).toBe(false);
  }, 90_000);
});
