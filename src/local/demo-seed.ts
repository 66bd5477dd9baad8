import { randomBytes } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  SignUpCommand,
  paginateListGroups,
  paginateListUserPoolClients,
  paginateListUserPools,
  paginateListUsers,
  paginateListUsersInGroup,
  type AttributeType,
  type CognitoIdentityProviderClient,
  type SchemaAttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_ACCOUNTS, demoDirectory, type DemoAccountRole, type DemoPoolSpec, type DemoUserSpec } from './demo-data';

export interface DemoPoolSummary {
  userPoolId: string;
  name: string;
  /** False when the pool already existed and was only read back. */
  seeded: boolean;
  userCount: number;
  disabledCount: number;
  unconfirmedCount: number;
  groups: { name: string; memberCount: number }[];
  /** `clientSecret` stays server-side: the gateway computes SECRET_HASH with it; it is never printed. */
  clients: { name: string; clientId: string; hasSecret: boolean; clientSecret?: string }[];
}

export interface DemoAccountSummary {
  username: string;
  password: string;
  role: DemoAccountRole;
  userPoolId: string;
}

export interface DemoSummary {
  pools: DemoPoolSummary[];
  accounts: DemoAccountSummary[];
}

type Log = (message: string) => void;

/** The largest page every list call of the Cognito API accepts. */
const PAGE_SIZE = 60;

/**
 * Seeds the demo directory unless a pool with the demo name exists already; either way reads the
 * directory back and returns what it holds. Pools are checked one by one, so a directory missing
 * only one of its pools gets that one.
 */
export async function ensureDemoDirectory(client: CognitoIdentityProviderClient, log: Log = () => {}): Promise<DemoSummary> {
  const existing = await poolIdsByName(client);
  const pools: DemoPoolSummary[] = [];
  for (const spec of demoDirectory) {
    const existingId = existing.get(spec.name);
    if (existingId) log(`demo pool "${spec.name}" exists already (${existingId}); not seeding it again`);
    const userPoolId = existingId ?? (await seedPoolTimed(client, spec, log));
    const summary = await readPoolSummary(client, userPoolId, spec.name, existingId === undefined);
    warnIfIncomplete(spec, summary, log);
    pools.push(summary);
  }
  return { pools, accounts: accountSummaries(pools) };
}

async function poolIdsByName(client: CognitoIdentityProviderClient): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for await (const page of paginateListUserPools({ client, pageSize: PAGE_SIZE }, { MaxResults: PAGE_SIZE })) {
    for (const pool of page.UserPools ?? []) {
      // Cognito allows duplicate pool names; the first one listed wins.
      if (pool.Name && pool.Id && !ids.has(pool.Name)) ids.set(pool.Name, pool.Id);
    }
  }
  return ids;
}

function accountSummaries(pools: readonly DemoPoolSummary[]): DemoAccountSummary[] {
  return DEMO_ACCOUNTS.map((account) => {
    const pool = pools.find((p) => p.name === account.poolName);
    if (!pool) throw new Error(`demo account ${account.username} belongs to unknown pool ${account.poolName}`);
    return { username: account.username, password: account.password, role: account.role, userPoolId: pool.userPoolId };
  });
}

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

async function seedPoolTimed(client: CognitoIdentityProviderClient, spec: DemoPoolSpec, log: Log): Promise<string> {
  const started = Date.now();
  const userPoolId = await seedPool(client, spec);
  log(`seeded demo pool "${spec.name}" (${userPoolId}): ${spec.users.length} users in ${Date.now() - started} ms`);
  return userPoolId;
}

/**
 * One call at a time. cognito-local rewrites the pool's whole JSON file on every write (one save
 * after another since patches/cognito-local+5.3.0.patch), so parallel calls would mostly queue;
 * in measurements parallelism saved only about half a second of ~2 s.
 */
async function seedPool(client: CognitoIdentityProviderClient, spec: DemoPoolSpec): Promise<string> {
  const userPoolId = await createPool(client, spec);
  const clientIds = await createClients(client, userPoolId, spec);
  const signUpClientId = clientIds.get(spec.signUpClient);
  if (!signUpClientId) throw new Error(`demo pool ${spec.name}: sign-up client ${spec.signUpClient} is not defined`);
  await createGroups(client, userPoolId, spec);
  for (const user of spec.users) await createUser(client, userPoolId, signUpClientId, user);
  await addMemberships(client, userPoolId, spec.users);
  return userPoolId;
}

async function createPool(client: CognitoIdentityProviderClient, spec: DemoPoolSpec): Promise<string> {
  const schema: SchemaAttributeType[] = spec.customAttributes.map((attribute) => ({
    Name: attribute.name,
    AttributeDataType: attribute.type,
    Mutable: true,
    ...(attribute.type === 'Number'
      ? { NumberAttributeConstraints: { MinValue: '0' } }
      : { StringAttributeConstraints: { MinLength: '0', MaxLength: '256' } }),
  }));
  const response = await client.send(
    new CreateUserPoolCommand({
      PoolName: spec.name,
      Schema: schema,
      AutoVerifiedAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    }),
  );
  const id = response.UserPool?.Id;
  if (!id) throw new Error(`CreateUserPool returned no id for demo pool ${spec.name}`);
  return id;
}

async function createClients(client: CognitoIdentityProviderClient, userPoolId: string, spec: DemoPoolSpec): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const appClient of spec.clients) {
    const response = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: appClient.name,
        GenerateSecret: appClient.generateSecret,
        ExplicitAuthFlows: [...appClient.explicitAuthFlows],
      }),
    );
    const clientId = response.UserPoolClient?.ClientId;
    if (!clientId) throw new Error(`CreateUserPoolClient returned no id for ${appClient.name}`);
    ids.set(appClient.name, clientId);
  }
  return ids;
}

async function createGroups(client: CognitoIdentityProviderClient, userPoolId: string, spec: DemoPoolSpec) {
  for (const group of spec.groups) {
    await client.send(
      new CreateGroupCommand({
        UserPoolId: userPoolId,
        GroupName: group.name,
        Description: group.description,
        Precedence: group.precedence,
      }),
    );
  }
}

async function createUser(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  signUpClientId: string,
  user: DemoUserSpec,
): Promise<void> {
  const Username = user.username;
  const password = user.password ?? unguessablePassword();
  const UserAttributes = toAttributeList(user.attributes);
  if (user.status === 'UNCONFIRMED') {
    await client.send(new SignUpCommand({ ClientId: signUpClientId, Username, Password: password, UserAttributes }));
  } else {
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username,
        UserAttributes,
        TemporaryPassword: password,
        MessageAction: 'SUPPRESS',
      }),
    );
    if (user.status === 'CONFIRMED') {
      const input = { UserPoolId: userPoolId, Username, Password: password, Permanent: true };
      await client.send(new AdminSetUserPasswordCommand(input));
    }
  }
  if (!user.enabled) await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username }));
}

async function addMemberships(client: CognitoIdentityProviderClient, userPoolId: string, users: readonly DemoUserSpec[]): Promise<void> {
  for (const user of users) {
    for (const GroupName of user.groups) {
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.username, GroupName }));
    }
  }
}

function toAttributeList(attributes: Readonly<Record<string, string>>): AttributeType[] {
  return Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
}

/**
 * Users other than the demo accounts get a password nobody knows. The fixed suffix satisfies
 * every class the password policy requires whatever the random part holds.
 */
function unguessablePassword(): string {
  return `${randomBytes(12).toString('base64url')}Aa1!`;
}

// ---------------------------------------------------------------------------------------------
// Reading back
// ---------------------------------------------------------------------------------------------

async function readPoolSummary(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  name: string,
  seeded: boolean,
): Promise<DemoPoolSummary> {
  const users = await countUsers(client, userPoolId);
  const groups = await readGroups(client, userPoolId);
  const clients = await readClients(client, userPoolId);
  return { userPoolId, name, seeded, ...users, groups, clients };
}

async function countUsers(client: CognitoIdentityProviderClient, userPoolId: string) {
  let userCount = 0;
  let disabledCount = 0;
  let unconfirmedCount = 0;
  for await (const page of paginateListUsers({ client, pageSize: PAGE_SIZE }, { UserPoolId: userPoolId })) {
    for (const user of page.Users ?? []) {
      userCount += 1;
      if (user.Enabled === false) disabledCount += 1;
      if (user.UserStatus === 'UNCONFIRMED') unconfirmedCount += 1;
    }
  }
  return { userCount, disabledCount, unconfirmedCount };
}

async function readGroups(client: CognitoIdentityProviderClient, userPoolId: string) {
  const groups: { name: string; precedence: number }[] = [];
  for await (const page of paginateListGroups({ client, pageSize: PAGE_SIZE }, { UserPoolId: userPoolId })) {
    for (const group of page.Groups ?? []) {
      if (!group.GroupName) continue;
      groups.push({ name: group.GroupName, precedence: group.Precedence ?? Number.MAX_SAFE_INTEGER });
    }
  }
  groups.sort((a, b) => a.precedence - b.precedence || a.name.localeCompare(b.name));
  const summaries: DemoPoolSummary['groups'] = [];
  for (const group of groups) {
    summaries.push({ name: group.name, memberCount: await countMembers(client, userPoolId, group.name) });
  }
  return summaries;
}

async function countMembers(client: CognitoIdentityProviderClient, userPoolId: string, groupName: string) {
  let count = 0;
  const input = { UserPoolId: userPoolId, GroupName: groupName };
  for await (const page of paginateListUsersInGroup({ client, pageSize: PAGE_SIZE }, input)) {
    count += page.Users?.length ?? 0;
  }
  return count;
}

/** ListUserPoolClients does not give a client's secret; DescribeUserPoolClient does (read once, here). */
async function readClients(client: CognitoIdentityProviderClient, userPoolId: string) {
  const clients: DemoPoolSummary['clients'] = [];
  for await (const page of paginateListUserPoolClients({ client, pageSize: PAGE_SIZE }, { UserPoolId: userPoolId })) {
    for (const description of page.UserPoolClients ?? []) {
      if (!description.ClientId) continue;
      const response = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: description.ClientId }));
      const clientSecret = response.UserPoolClient?.ClientSecret;
      clients.push({
        name: description.ClientName ?? description.ClientId,
        clientId: description.ClientId,
        hasSecret: Boolean(clientSecret),
        ...(clientSecret ? { clientSecret } : {}),
      });
    }
  }
  return clients.sort((a, b) => a.name.localeCompare(b.name));
}

/** A pool that was interrupted while seeding is not reseeded; say so rather than hide it. */
function warnIfIncomplete(spec: DemoPoolSpec, summary: DemoPoolSummary, log: Log): void {
  const missingGroups = spec.groups.map((g) => g.name).filter((g) => !summary.groups.some((s) => s.name === g));
  if (summary.userCount >= spec.users.length && missingGroups.length === 0) return;
  const held = `holds ${summary.userCount} of ${spec.users.length} users`;
  const lacking = missingGroups.length ? ` and lacks groups ${missingGroups.join(', ')}` : '';
  log(
    `warning: demo pool "${spec.name}" (${summary.userPoolId}) ${held}${lacking}; ` +
      'run `npm run demo:reset` to put the data aside and seed the demo afresh',
  );
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

/** What the gateway prints at start. Client ids are printed, client secrets never. */
export function formatDemoSummary(summary: DemoSummary): string {
  const lines = [`Demo directory: ${summary.pools.length} user pools`];
  for (const pool of summary.pools) lines.push(...formatPool(pool));
  lines.push('Demo accounts (demo passwords, for this local directory only):');
  for (const account of summary.accounts) {
    lines.push(`  ${account.role.padEnd(13)} ${account.username} / ${account.password}  (pool ${account.userPoolId})`);
  }
  return lines.join('\n');
}

function formatPool(pool: DemoPoolSummary): string[] {
  const groups = pool.groups.map((g) => `${g.name} (${g.memberCount})`).join(', ');
  const clients = pool.clients.map((c) => `${c.name} ${c.clientId}${c.hasSecret ? ' [has secret]' : ''}`).join(', ');
  return [
    `  ${pool.name} ${pool.userPoolId}${pool.seeded ? ' (seeded now)' : ''}: ${pool.userCount} users, ` +
      `${pool.disabledCount} disabled, ${pool.unconfirmedCount} unconfirmed`,
    `    groups: ${groups || 'none'}`,
    `    app clients: ${clients || 'none'}`,
  ];
}
