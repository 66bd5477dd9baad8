/**
 * The README's start command, as a newcomer runs it: `npm start` on a data folder of its own.
 * Checks that GraphiQL is served and a query answers, that SIGINT (Ctrl-C) stops the gateway and
 * the emulator, and that a restart on the same data answers the same. Traffic stays on loopback;
 * every wait is bounded. Exits non-zero, saying what failed, when anything does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

interface Started {
  child: ChildProcess;
  graphql: string;
  emulator: string;
  webClient: string;
  demoPool: string;
}

/** Gateways started and not yet stopped: a failed check stops them before it exits. */
const running = new Set<ChildProcess>();

function fail(message: string): never {
  console.error(`start check: FAILED: ${message}`);
  for (const child of running) process.kill(-child.pid!, 'SIGKILL');
  process.exit(1);
}

async function start(dataDir: string): Promise<Started> {
  // A process group of its own, so that SIGINT reaches npm, tsx and the gateway as Ctrl-C would.
  const child = spawn('npm', ['start'], {
    env: { ...process.env, COGNITO_LOCAL_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', CI: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const found: Partial<Started> = { child };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no GraphiQL URL within 90 s')), 90_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      found.emulator ??= /embedded local Cognito at (http:\/\/[^\s)]+)/.exec(line)?.[1];
      found.demoPool ??= /^\s{2}demo ([\w-]+_[0-9a-zA-Z]+)/.exec(line)?.[1];
      found.webClient ??= /app clients: .*\bweb-app (\w+)/.exec(line)?.[1];
      const graphiql = /GraphiQL: (http:\/\/\S+)/.exec(line)?.[1];
      if (graphiql) {
        found.graphql = graphiql;
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code} before it was ready`)));
  }).catch((error: Error) => fail(error.message));
  if (!found.emulator || !found.demoPool || !found.webClient) fail(`the start banner lacks the emulator, the demo pool or its web client`);
  return found as Started;
}

async function post(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

/** Signs the demo administrator in and reads the demo pool's first users. */
async function directory(started: Started): Promise<string> {
  const page = await fetch(started.graphql, { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(15_000) });
  const html = await page.text();
  if (page.status !== 200 || !/graphiql/i.test(html)) fail(`GraphiQL is not served at ${started.graphql} (${page.status})`);
  const signIn = await post(
    started.graphql,
    `mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { ... on InitiateAuthPayload { tokens { accessToken } } } }`,
    { input: { clientId: started.webClient, username: 'admin', password: 'Admin#Demo1', authFlow: 'USER_PASSWORD_AUTH' } },
  );
  const token = signIn.data?.initiateAuth?.tokens?.accessToken as string | undefined;
  if (!token) fail(`the demo administrator could not sign in: ${JSON.stringify(signIn)}`);
  const answer = await post(
    started.graphql,
    `query ($id: String!) { userPool(userPoolId: $id) { name users(first: 5) { edges { node { username email groups { edges { node { name } } } } } } } }`,
    { id: started.demoPool },
    token,
  );
  if (answer.errors || !answer.data?.userPool?.users?.edges?.length) fail(`the directory query did not answer: ${JSON.stringify(answer)}`);
  return JSON.stringify(answer.data);
}

async function answersAt(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

/** Ctrl-C: SIGINT to the whole group; the gateway must end with 0 and take the emulator with it. */
async function interrupt(started: Started): Promise<void> {
  const exited = new Promise<number | null>((resolve) => started.child.once('exit', (code) => resolve(code)));
  process.kill(-started.child.pid!, 'SIGINT');
  const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
  if (code === 'timeout') {
    process.kill(-started.child.pid!, 'SIGKILL');
    fail('the gateway did not stop within 30 s of SIGINT');
  }
  for (let i = 0; i < 50 && (await answersAt(started.emulator)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (await answersAt(started.emulator)) fail(`the emulator at ${started.emulator} still answers after the gateway stopped`);
}

const dataDir = await mkdtemp(join(tmpdir(), 'start-check-'));
try {
  const first = await start(dataDir);
  const before = await directory(first);
  await interrupt(first);
  console.log('start check: GraphiQL served, the directory answered, SIGINT stopped the gateway and the emulator');
  const second = await start(dataDir);
  const after = await directory(second);
  await interrupt(second);
  if (after !== before) fail(`after a restart on the same data the directory answered differently:\n${before}\n${after}`);
  console.log('start check: a restart on the same data answered the same');
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
