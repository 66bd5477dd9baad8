import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  paginateListUserPools,
  paginateListUsers,
  paginateListUsersInGroup,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoLocal, type CognitoLocal } from '../../src/local/cognito-local';
import { DEMO_ACCOUNTS, demoDirectory, type DemoPoolSpec, type DemoUserSpec } from '../../src/local/demo-data';
import { ensureDemoDirectory, formatDemoSummary, type DemoPoolSummary, type DemoSummary } from '../../src/local/demo-seed';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const TIMEOUT_MS = 60_000;

let dataDir: string;
let emulator: CognitoLocal | undefined;
let client: CognitoIdentityProviderClient;
let first: DemoSummary;
let seedMs: number;

async function startEmulator(): Promise<void> {
  emulator = await startCognitoLocal({ dataDir });
  client = new CognitoIdentityProviderClient({
    endpoint: emulator.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

async function listUsers(userPoolId: string): Promise<UserType[]> {
  const users: UserType[] = [];
  for await (const page of paginateListUsers({ client }, { UserPoolId: userPoolId })) users.push(...(page.Users ?? []));
  return users;
}

async function listMembers(userPoolId: string, groupName: string): Promise<string[]> {
  const names: string[] = [];
  const pages = paginateListUsersInGroup({ client }, { UserPoolId: userPoolId, GroupName: groupName });
  for await (const page of pages) for (const u of page.Users ?? []) names.push(u.Username ?? '');
  return names.sort();
}

async function poolNames(): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListUserPools({ client }, { MaxResults: 60 })) {
    for (const p of page.UserPools ?? []) names.push(p.Name ?? '');
  }
  return names;
}

function usernamesWhere(spec: DemoPoolSpec, predicate: (u: DemoUserSpec) => boolean): string[] {
  return spec.users
    .filter(predicate)
    .map((u) => u.username)
    .sort();
}

function summaryOf(summary: DemoSummary, name: string): DemoPoolSummary {
  const pool = summary.pools.find((p) => p.name === name);
  if (!pool) throw new Error(`summary lacks pool ${name}`);
  return pool;
}

/** The summary minus the field that says whether this particular run seeded. */
function comparable(summary: DemoSummary) {
  return { ...summary, pools: summary.pools.map(({ seeded: _seeded, ...rest }) => rest) };
}

function idTokenClaims(idToken: string): Record<string, unknown> {
  const payload = idToken.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'demo-seed-'));
  await startEmulator();
  const started = Date.now();
  first = await ensureDemoDirectory(client);
  seedMs = Date.now() - started;
  console.info(`demo directory seeded in ${seedMs} ms`);
}, TIMEOUT_MS);

afterAll(async () => {
  await emulator?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, TIMEOUT_MS);

describe('ensureDemoDirectory on a fresh emulator', { timeout: TIMEOUT_MS }, () => {
  it('reports every pool as seeded, with the counts demo-data describes', () => {
    expect(first.pools.map((p) => [p.name, p.seeded])).toEqual(demoDirectory.map((spec) => [spec.name, true]));
    for (const spec of demoDirectory) {
      const pool = summaryOf(first, spec.name);
      expect(pool.userPoolId).toMatch(/^local_\w{8}$/);
      expect(pool.userCount).toBe(spec.users.length);
      expect(pool.disabledCount).toBe(spec.users.filter((u) => !u.enabled).length);
      expect(pool.unconfirmedCount).toBe(spec.users.filter((u) => u.status === 'UNCONFIRMED').length);
      const members = (group: string) => usernamesWhere(spec, (u) => u.groups.includes(group)).length;
      const expectedGroups = spec.groups.map((g) => [g.name, members(g.name)]);
      expect(pool.groups.map((g) => [g.name, g.memberCount])).toEqual(expectedGroups);
      const expectedClients = spec.clients.map((c) => [c.name, c.generateSecret]).sort();
      expect(pool.clients.map((c) => [c.name, c.hasSecret])).toEqual(expectedClients);
    }
  });

  it('stores every user with the status, enabled flag and attributes of demo-data', async () => {
    for (const spec of demoDirectory) {
      const users = await listUsers(summaryOf(first, spec.name).userPoolId);
      const names = (predicate: (u: UserType) => boolean) =>
        users
          .filter(predicate)
          .map((u) => u.Username)
          .sort();

      expect(names(() => true)).toEqual(usernamesWhere(spec, () => true));
      expect(names((u) => u.Enabled === false)).toEqual(usernamesWhere(spec, (u) => !u.enabled));
      for (const status of ['UNCONFIRMED', 'FORCE_CHANGE_PASSWORD', 'CONFIRMED'] as const) {
        expect(
          names((u) => u.UserStatus === status),
          status,
        ).toEqual(usernamesWhere(spec, (u) => u.status === status));
      }
      for (const stored of users) {
        const expected = spec.users.find((u) => u.username === stored.Username);
        const attributes = Object.fromEntries((stored.Attributes ?? []).map((a) => [a.Name, a.Value]));
        expect(attributes, stored.Username).toMatchObject(expected?.attributes ?? {});
        expect(attributes.sub).toBeTruthy();
      }
    }
  });

  it('puts exactly the demo-data members into every group', async () => {
    for (const spec of demoDirectory) {
      const userPoolId = summaryOf(first, spec.name).userPoolId;
      for (const group of spec.groups) {
        expect(await listMembers(userPoolId, group.name), group.name).toEqual(usernamesWhere(spec, (u) => u.groups.includes(group.name)));
      }
    }
  });

  it('lets the demo accounts sign in with their known passwords', async () => {
    const webApp = summaryOf(first, 'demo').clients.find((c) => c.name === 'web-app');
    expect(webApp).toBeDefined();
    for (const account of DEMO_ACCOUNTS) {
      const response = await client.send(
        new InitiateAuthCommand({
          ClientId: webApp?.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: account.username, PASSWORD: account.password },
        }),
      );
      const claims = idTokenClaims(response.AuthenticationResult?.IdToken ?? '');
      const groups = (claims['cognito:groups'] as string[] | undefined) ?? [];
      expect(groups.includes('admins'), account.username).toBe(account.role === 'administrator');
    }
    expect(first.accounts.map((a) => [a.username, a.role, a.userPoolId])).toEqual(
      DEMO_ACCOUNTS.map((a) => [a.username, a.role, summaryOf(first, a.poolName).userPoolId]),
    );
  });

  it('formats a summary with the accounts but without client secrets', async () => {
    const text = formatDemoSummary(first);
    for (const account of DEMO_ACCOUNTS) expect(text).toContain(`${account.username} / ${account.password}`);
    for (const pool of first.pools) expect(text).toContain(pool.userPoolId);
    const withSecret = first.pools.flatMap((pool) => pool.clients.filter((c) => c.hasSecret).map((c) => ({ clientId: c.clientId, pool })));
    expect(withSecret.length).toBeGreaterThan(0);
    for (const { clientId, pool } of withSecret) {
      const input = { UserPoolId: pool.userPoolId, ClientId: clientId };
      const described = await client.send(new DescribeUserPoolClientCommand(input));
      const secret = described.UserPoolClient?.ClientSecret ?? '';
      expect(secret.length).toBeGreaterThan(0);
      expect(text).not.toContain(secret);
    }
  });
});

describe('ensureDemoDirectory on a seeded emulator', { timeout: TIMEOUT_MS }, () => {
  it('does not seed again: same pools, same counts', async () => {
    const second = await ensureDemoDirectory(client);
    expect(second.pools.every((p) => !p.seeded)).toBe(true);
    expect(comparable(second)).toEqual(comparable(first));
    const names = await poolNames();
    for (const spec of demoDirectory) expect(names.filter((n) => n === spec.name)).toHaveLength(1);
  });

  it('finds the same directory after the emulator restarts on the same data folder', async () => {
    await emulator?.stop();
    emulator = undefined;
    await startEmulator();
    const logged: string[] = [];
    const afterRestart = await ensureDemoDirectory(client, (m) => logged.push(m));
    expect(comparable(afterRestart)).toEqual(comparable(first));
    expect(logged.some((m) => m.startsWith('warning'))).toBe(false);
  });
});
