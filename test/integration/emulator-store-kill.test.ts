import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The emulator's store as patched (patches/cognito-local+5.3.0.patch): a process that saves one
 * file from several writes at once, and is killed with SIGKILL at any moment, leaves a file that
 * reads back whole, every time. Unpatched, the overlapping saves tear the file and a kill
 * mid-save truncates it.
 */
const storeModule = createRequire(import.meta.url).resolve('cognito-local/lib/services/dataStore/stormDb.js');
const KILLS = 6;
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Opens the store in `dir` (reading what earlier rounds saved), then saves from 4 writers at once, forever. */
const WRITER = `
const { StormDBDataStoreFactory } = require(process.env.STORE_MODULE);
const ctx = { logger: { debug() {} } };
(async () => {
  const store = await new StormDBDataStoreFactory(process.env.STORE_DIR).create(ctx, 'pool', { Users: {} });
  const round = process.env.ROUND;
  console.log('ready ' + Object.keys(await store.get(ctx, 'Users', {})).length);
  for (let i = 0; ; i++) {
    await Promise.all([0, 1, 2, 3].map((j) =>
      store.set(ctx, ['Users', round + '-' + i + '-' + j], { Username: round + '-' + i + '-' + j, Note: 'x'.repeat(4000 + j) })));
  }
})().catch((error) => { console.log('failed ' + error.message); process.exit(1); });
`;

/** Runs the writer until it has saved for `ms`, then kills it; resolves with how many users it read at start. */
async function writeThenKill(dir: string, round: number, ms: number): Promise<number> {
  const child = spawn(process.execPath, ['-e', WRITER], {
    env: { ...process.env, STORE_MODULE: storeModule, STORE_DIR: dir, ROUND: String(round) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const first = await new Promise<string>((resolve) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => resolve('exited'));
  });
  expect(first, `round ${round}`).toMatch(/^ready \d+$/);
  await new Promise((resolve) => setTimeout(resolve, ms));
  child.kill('SIGKILL');
  await exited;
  return Number(first.split(' ')[1]);
}

describe('the emulator’s store, killed while it saves', () => {
  it('leaves a file that reads back whole after every kill', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emulator-store-'));
    dirs.push(dir);
    let users = 0;
    for (let round = 0; round < KILLS; round++) {
      const read = await writeThenKill(dir, round, 150 + round * 70);
      // Each start reads everything the earlier ones saved before they were killed.
      expect(read).toBeGreaterThanOrEqual(users);
      const saved = JSON.parse(await readFile(join(dir, 'pool.json'), 'utf8')) as { Users: Record<string, unknown> };
      users = Object.keys(saved.Users).length;
    }
    expect(users).toBeGreaterThan(0);
  }, 60_000);
});
