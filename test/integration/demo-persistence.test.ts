import {
  DescribeUserPoolCommand,
  paginateListGroups,
  paginateListUserPoolClients,
  paginateListUserPools,
  paginateListUsers,
  paginateListUsersInGroup,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCognitoClient, localCredentials } from '../../src/cognito/client';
import { demoDirectory, DEMO_POOL_NAME } from '../../src/local/demo-data';
import { gatewayEnv, cleanUpGateways, startGatewayProcess, untilSilent, type GatewayProcess } from '../support/gateway-process';

/**
 * The demo keeps every change users make through the gateway, however the gateway stops: the
 * changes that made the emulator tear its files (deleting users who are in several groups, bulk
 * membership changes, several clients at once) are made over HTTP, the gateway is stopped with
 * SIGINT and, in a second round, with SIGKILL, and a restart on the same data folder reads back
 * exactly the directory that was there before.
 */
const SERVICE_KEY = 'persistence-test-key-0123456789abcdef-0123456789';
const dirs: string[] = [];

afterAll(async () => {
  await cleanUpGateways();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<GatewayProcess> {
  const env = await gatewayEnv({ COGNITO_LOCAL_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SERVICE_API_KEYS: SERVICE_KEY });
  return startGatewayProcess(env);
}

/** Stops the gateway and waits until its emulator is gone too, so the next start owns the data. */
async function stop(gateway: GatewayProcess, signal: 'SIGINT' | 'SIGKILL'): Promise<number | null> {
  const code = await gateway.stop(signal);
  expect(await untilSilent(gateway.emulator!)).toBe(true);
  return code;
}

async function mutate(gateway: GatewayProcess, query: string, input: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await fetch(gateway.graphql, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-service-key': SERVICE_KEY },
    body: JSON.stringify({ query, variables: { input } }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

const DELETE = `mutation ($input: AdminDeleteUserInput!) {
  adminDeleteUser(input: $input) { __typename ... on AdminDeleteUserPayload { deletedUsername } }
}`;
const bulk = (field: string, name: string) =>
  `mutation ($input: ${name}Input!) { ${field}(input: $input) { __typename ... on ${name}Payload { succeeded failed } } }`;
const UPDATE = `mutation ($input: AdminUpdateUserAttributesInput!) {
  adminUpdateUserAttributes(input: $input) { __typename ... on AdminUpdateUserAttributesPayload { user { username } } }
}`;

const demoSpec = demoDirectory.find((pool) => pool.name === DEMO_POOL_NAME)!;
const generated = demoSpec.users.filter((user) => user.password === undefined);
/** The users whose deletion tore the pool's file: members of two or more groups. */
const inSeveralGroups = generated.filter((user) => user.groups.length >= 2).map((user) => user.username);
const engineers = generated.filter((user) => user.groups.join() === 'engineering').map((user) => user.username);
const inNoGroup = generated.filter((user) => user.status !== 'UNCONFIRMED' && user.groups.length === 0).map((user) => user.username);
const unconfirmed = generated.filter((user) => user.status === 'UNCONFIRMED').map((user) => user.username);

/**
 * One round of changes, from several clients at once: deletions of users in several groups, a
 * removal of 12 members, an addition of 12, attribute updates and a bulk disable.
 */
async function changeDirectory(gateway: GatewayProcess, userPoolId: string, round: number): Promise<string[]> {
  const deleted = inSeveralGroups.slice(round * 4, round * 4 + 4);
  const removed = engineers.slice(round * 12, round * 12 + 12);
  const added = inNoGroup.slice(round * 8, round * 8 + 8);
  const updated = unconfirmed.slice(round * 4, round * 4 + 4);
  const results = await Promise.all([
    ...deleted.map((username) => mutate(gateway, DELETE, { userPoolId, username })),
    mutate(gateway, bulk('removeUsersFromGroup', 'RemoveUsersFromGroup'), { userPoolId, groupName: 'engineering', usernames: removed }),
    mutate(gateway, bulk('addUsersToGroup', 'AddUsersToGroup'), { userPoolId, groupName: 'beta-testers', usernames: added }),
    ...updated.map((username) =>
      mutate(gateway, UPDATE, { userPoolId, username, attributes: [{ name: 'custom:plan', value: `round-${round}` }] }),
    ),
    mutate(gateway, bulk('disableUsers', 'DisableUsers'), { userPoolId, usernames: updated }),
  ]);
  for (const result of results) {
    const payload = Object.values(result)[0] as Record<string, unknown>;
    expect(payload['__typename']).toMatch(/Payload$/);
    if ('failed' in payload) expect(payload['failed'], JSON.stringify(result)).toBe(0);
  }
  return deleted;
}

interface DirectorySnapshot {
  pools: {
    id: string;
    name: string | undefined;
    clients: (string | undefined)[];
    users: { username: string | undefined; enabled: boolean | undefined; status: string | undefined; attributes: string[] }[];
    groups: { name: string | undefined; description: string | undefined; precedence: number | undefined; members: string[] }[];
  }[];
}

/** Every pool, app client, user, attribute, group and membership, read straight from the emulator. */
async function snapshot(endpoint: string): Promise<DirectorySnapshot> {
  const client: CognitoIdentityProviderClient = createCognitoClient({ region: 'local', endpoint, credentials: localCredentials });
  try {
    const pools: DirectorySnapshot['pools'] = [];
    for await (const page of paginateListUserPools({ client }, { MaxResults: 60 })) {
      for (const pool of page.UserPools ?? []) {
        const UserPoolId = pool.Id!;
        const described = await client.send(new DescribeUserPoolCommand({ UserPoolId }));
        const clients: (string | undefined)[] = [];
        for await (const p of paginateListUserPoolClients({ client }, { UserPoolId }))
          clients.push(...(p.UserPoolClients ?? []).map((c) => c.ClientId));
        const users: DirectorySnapshot['pools'][number]['users'] = [];
        for await (const p of paginateListUsers({ client }, { UserPoolId })) {
          for (const user of p.Users ?? []) {
            const attributes = (user.Attributes ?? []).map((a) => `${a.Name}=${a.Value}`).sort();
            users.push({ username: user.Username, enabled: user.Enabled, status: user.UserStatus, attributes });
          }
        }
        const groups: DirectorySnapshot['pools'][number]['groups'] = [];
        for await (const p of paginateListGroups({ client }, { UserPoolId })) {
          for (const group of p.Groups ?? []) {
            const members: string[] = [];
            for await (const m of paginateListUsersInGroup({ client }, { UserPoolId, GroupName: group.GroupName! })) {
              members.push(...(m.Users ?? []).map((u) => u.Username!));
            }
            groups.push({ name: group.GroupName, description: group.Description, precedence: group.Precedence, members: members.sort() });
          }
        }
        users.sort((a, b) => String(a.username).localeCompare(String(b.username)));
        groups.sort((a, b) => String(a.name).localeCompare(String(b.name)));
        pools.push({ id: UserPoolId, name: described.UserPool?.Name, clients: clients.sort(), users, groups });
      }
    }
    return { pools: pools.sort((a, b) => a.id.localeCompare(b.id)) };
  } finally {
    client.destroy();
  }
}

describe('the demo’s data across restarts', () => {
  it('keeps every change made through the gateway, whether it stops with SIGINT or is killed with SIGKILL', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'demo-persistence-'));
    dirs.push(dataDir);

    let gateway = await start(dataDir);
    let before = await snapshot(gateway.emulator!);
    const demoPoolId = before.pools.find((pool) => pool.name === DEMO_POOL_NAME)!.id;

    for (const [round, signal] of [
      [0, 'SIGINT'],
      [1, 'SIGKILL'],
    ] as const) {
      const deleted = await changeDirectory(gateway, demoPoolId, round);
      before = await snapshot(gateway.emulator!);
      const demoPool = before.pools.find((pool) => pool.id === demoPoolId)!;
      // The changes were made: otherwise comparing before and after would prove nothing.
      expect(demoPool.users.map((user) => user.username)).not.toContain(deleted[0]);
      expect(demoPool.groups.flatMap((group) => group.members)).not.toContain(deleted[0]);

      expect(await stop(gateway, signal)).toBe(signal === 'SIGINT' ? 0 : null);
      gateway = await start(dataDir);
      expect(await snapshot(gateway.emulator!), `after ${signal}`).toEqual(before);
    }
    await stop(gateway, 'SIGINT');
  }, 120_000);
});
