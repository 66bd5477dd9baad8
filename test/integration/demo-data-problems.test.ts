import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/domain/logger';
import { startEmbeddedCognito } from '../../src/local/embedded-cognito';
import { gatewayEnv, projectRoot, cleanUpGateways, runGatewayToExit, startGatewayProcess } from '../support/gateway-process';

/**
 * Damaged demo data stops the start with one line: the emulator's own message, the file, and what
 * to do; nothing is changed. `npm run demo:reset` puts the data aside, kept, and the next start
 * seeds the demo afresh.
 */
const dirs: string[] = [];
let seeded: string;
let demoPoolFile: string;
let partnersPoolFile: string;

beforeAll(async () => {
  seeded = await mkdtemp(join(tmpdir(), 'demo-data-seeded-'));
  dirs.push(seeded);
  const embedded = await startEmbeddedCognito({ dataDir: seeded, port: 0, logger: silentLogger });
  await embedded.stop();
  const poolFile = (name: string) => `${embedded.demo.pools.find((pool) => pool.name === name)!.userPoolId}.json`;
  demoPoolFile = join('.cognito', 'db', poolFile('demo'));
  partnersPoolFile = join('.cognito', 'db', poolFile('partners'));
}, 90_000);

afterAll(async () => {
  await cleanUpGateways();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A copy of the seeded data folder, to damage. */
async function dataFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'demo-data-'));
  dirs.push(dir);
  await cp(seeded, dir, { recursive: true });
  return dir;
}

const env = (dataDir: string) => gatewayEnv({ COGNITO_LOCAL_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });

async function demoReset(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('npm', ['run', '--silent', 'demo:reset'], {
    cwd: projectRoot,
    env: await env(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, stdout: stdout.trim(), stderr: stderr.trim() };
}

async function expectReadable(dataDir: string, file: string): Promise<void> {
  const content = await readFile(join(dataDir, file), 'utf8');
  expect(() => JSON.parse(content), file).not.toThrow();
}

describe('damaged demo data', () => {
  it('a torn file (valid JSON and a leftover tail): one line with the emulator’s message, the file and the remedy; nothing changed', async () => {
    const dataDir = await dataFolder();
    const file = join(dataDir, demoPoolFile);
    const whole = await readFile(file, 'utf8');
    // What overlapping saves left: a shorter save over a longer one, the longer one's tail after it.
    const torn = `${whole}${whole.slice(-300)}`;
    await writeFile(file, torn);

    const result = await runGatewayToExit(await env(dataDir));
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^The embedded emulator cannot read its data: /);
    expect(result.stderr).toContain(`Failed to load StormDB database file ${file} - invalid or corrupted format: `);
    expect(result.stderr).toContain('run `npm run demo:reset` to put the data in');
    // The damaged file is kept as it was; the start damaged no other file.
    expect(await readFile(file, 'utf8')).toBe(torn);
    await expectReadable(dataDir, partnersPoolFile);
    await expectReadable(dataDir, join('.cognito', 'db', 'clients.json'));
  }, 90_000);

  it('an empty file: refused, not read as a pool with no users, name or settings', async () => {
    const dataDir = await dataFolder();
    const file = join(dataDir, partnersPoolFile);
    await writeFile(file, '');

    const result = await runGatewayToExit(await env(dataDir));
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`Failed to load StormDB database file ${file} - the file is empty. Nothing was changed`);
    expect(result.stderr).toContain('run `npm run demo:reset`');
    expect(await readFile(file, 'utf8')).toBe('');
    await expectReadable(dataDir, demoPoolFile);
  }, 90_000);

  it('npm run demo:reset puts the data aside, kept, and the next start seeds the demo afresh', async () => {
    const dataDir = await dataFolder();
    const torn = `${await readFile(join(dataDir, demoPoolFile), 'utf8')}}\n}`;
    await writeFile(join(dataDir, demoPoolFile), torn);
    expect((await runGatewayToExit(await env(dataDir))).code).toBe(1);

    const reset = await demoReset(dataDir);
    expect(reset.code).toBe(0);
    const movedTo = /^Moved the demo data in (.+) to (.+) \(kept, not deleted\): the next npm start seeds the demo afresh\.$/.exec(
      reset.stdout,
    );
    expect(movedTo, reset.stdout).not.toBeNull();
    expect(movedTo![1]).toBe(dataDir);
    const aside = movedTo![2]!;
    expect(aside.startsWith(join(dataDir, 'reset-'))).toBe(true);
    expect(await readdir(dataDir)).toEqual([aside.slice(dataDir.length + 1)]);
    expect(await readFile(join(aside, demoPoolFile), 'utf8')).toBe(torn);

    const gateway = await startGatewayProcess(await env(dataDir));
    const banner = gateway.output();
    expect(await gateway.stop('SIGINT')).toBe(0);
    expect(banner).toMatch(/^ {2}demo \S+ \(seeded now\): 150 users/m);
    expect(banner).toMatch(/^ {2}partners \S+ \(seeded now\): 5 users/m);

    // A second reset keeps the first one's folder where it is.
    const again = await demoReset(dataDir);
    expect(again.code).toBe(0);
    const entries = await readdir(dataDir);
    expect(entries).toHaveLength(2);
    expect(entries).toContain(aside.slice(dataDir.length + 1));
    expect(await readFile(join(aside, demoPoolFile), 'utf8')).toBe(torn);
  }, 120_000);

  it('npm run demo:reset with no data says so and changes nothing', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'demo-data-none-')), 'not-there');
    dirs.push(dataDir);
    const reset = await demoReset(dataDir);
    expect(reset).toEqual({ code: 0, stdout: `No demo data in ${dataDir}: the next npm start seeds the demo.`, stderr: '' });
  }, 60_000);
});
