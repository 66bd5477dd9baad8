import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asService, localGateway, postQuery, type GraphQLResponse } from '../support/gateway';
import { webAppClient } from '../support/tokens';

/**
 * relay-compiler (the real one, from npm) on the fragments a frontend writes, against the
 * committed client schema: a pool's users with @connection and @refetchable, a user's detail, a
 * group's members, a sign-in form. Then the operations it generated (the pagination queries
 * included, which go through `node`) run against the gateway and answer what they ask.
 */

const require = createRequire(import.meta.url);
const clientSchema = fileURLToPath(new URL('../../schema.client.graphql', import.meta.url));
const demo = inject('demo');
const demoPool = demo.pools.find((pool) => pool.name === 'demo')!;
const { gateway } = localGateway();

const SOURCES: Record<string, string> = {
  'PoolUsers.ts': `
    import { graphql } from 'relay-runtime';
    export const fragment = graphql\`
      fragment PoolUsers_pool on UserPool
        @refetchable(queryName: "PoolUsersPaginationQuery")
        @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" }) {
        name
        users(first: $count, after: $cursor) @connection(key: "PoolUsers_users") {
          edges { node { id username email status } }
        }
      }
    \`;
    export const query = graphql\`
      query PoolPageQuery($userPoolId: String!) { userPool(userPoolId: $userPoolId) { id ...PoolUsers_pool } }
    \`;
  `,
  'UserDetail.ts': `
    import { graphql } from 'relay-runtime';
    export const fragment = graphql\`
      fragment UserDetail_user on User {
        id username email emailVerified status enabled createdAt
        mfa { preferred enabled }
        groups(first: 10) { edges { node { id name } } }
      }
    \`;
    export const query = graphql\`
      query UserDetailQuery($userPoolId: String!, $username: String!) {
        user(userPoolId: $userPoolId, username: $username) { ...UserDetail_user }
      }
    \`;
  `,
  'GroupMembers.ts': `
    import { graphql } from 'relay-runtime';
    export const fragment = graphql\`
      fragment GroupMembers_group on Group
        @refetchable(queryName: "GroupMembersPaginationQuery")
        @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
        name description
        members(first: $count, after: $cursor) @connection(key: "GroupMembers_members") { edges { node { id username } } }
      }
    \`;
    export const query = graphql\`
      query GroupPageQuery($userPoolId: String!, $name: String!) { group(userPoolId: $userPoolId, name: $name) { id ...GroupMembers_group } }
    \`;
  `,
  'SignIn.ts': `
    import { graphql } from 'relay-runtime';
    export const mutation = graphql\`
      mutation SignInMutation($input: InitiateAuthInput!) {
        initiateAuth(input: $input) {
          __typename
          ... on InitiateAuthPayload { tokens { accessToken expiresIn } challenge { name } }
          ... on NotAuthorizedError { message }
          ... on InvalidInputError { field reason }
        }
      }
    \`;
  `,
};

let workdir: string;
let compiled: { status: number | null; output: string };
const operations = new Map<string, string>();

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'relay-compiler-'));
  await mkdir(join(workdir, 'src', '__generated__'), { recursive: true });
  for (const [file, source] of Object.entries(SOURCES)) await writeFile(join(workdir, 'src', file), source);
  await writeFile(
    join(workdir, 'relay.config.json'),
    JSON.stringify({ src: './src', schema: clientSchema, language: 'typescript', artifactDirectory: './src/__generated__' }),
  );
  const run = spawnSync(process.execPath, [require.resolve('relay-compiler/cli.js')], { cwd: workdir, encoding: 'utf8', timeout: 60_000 });
  compiled = { status: run.status, output: `${run.stdout}${run.stderr}` };
  const generated = join(workdir, 'src', '__generated__');
  for (const file of (await readdir(generated).catch(() => [])).filter((name) => name.endsWith('.graphql.ts'))) {
    const artifact = await readFile(join(generated, file), 'utf8');
    const text = /"text": ("(?:[^"\\]|\\.)*")/.exec(artifact)?.[1];
    if (text) operations.set(file.replace('.graphql.ts', ''), JSON.parse(text) as string);
  }
}, 90_000);

afterAll(async () => {
  await rm(workdir, { recursive: true, force: true });
});

const run = (name: string, variables: Record<string, unknown>, headers: Record<string, string> = asService) =>
  postQuery(gateway, operations.get(name)!, variables, headers);

function expectAnswered(answer: GraphQLResponse, name: string) {
  expect(answer.errors, `${name}: ${JSON.stringify(answer.errors)}`).toBeUndefined();
  expect(answer.data, name).toBeDefined();
}

describe('relay-compiler on a frontend’s fragments', () => {
  it('compiles them against schema.client.graphql', () => {
    expect(compiled.status, compiled.output).toBe(0);
    expect([...operations.keys()].sort()).toEqual([
      'GroupMembersPaginationQuery',
      'GroupPageQuery',
      'PoolPageQuery',
      'PoolUsersPaginationQuery',
      'SignInMutation',
      'UserDetailQuery',
    ]);
  });

  it('a pool’s first page, then the next one through the generated pagination query (node by id)', async () => {
    const first = await run('PoolPageQuery', { userPoolId: demoPool.userPoolId });
    expectAnswered(first, 'PoolPageQuery');
    const pool = first.data!.userPool;
    expect(pool.users.edges).toHaveLength(5);
    expect(pool.users.pageInfo.hasNextPage).toBe(true);
    const next = await run('PoolUsersPaginationQuery', { id: pool.id, count: 5, cursor: pool.users.pageInfo.endCursor });
    expectAnswered(next, 'PoolUsersPaginationQuery');
    expect(next.data!.node.__typename).toBe('UserPool');
    const seen = (page: any) => page.users.edges.map((edge: any) => edge.node.username);
    const both = [...seen(pool), ...seen(next.data!.node)];
    expect(new Set(both).size).toBe(10);
  });

  it('a user’s detail', async () => {
    const username = demo.accounts.find((account) => account.role === 'user')!.username;
    const answer = await run('UserDetailQuery', { userPoolId: demoPool.userPoolId, username });
    expectAnswered(answer, 'UserDetailQuery');
    expect(answer.data!.user).toMatchObject({ username, status: 'CONFIRMED' });
  });

  it('a group’s members, and their next page by the generated pagination query', async () => {
    const group = await run('GroupPageQuery', { userPoolId: demoPool.userPoolId, name: 'engineering' });
    expectAnswered(group, 'GroupPageQuery');
    const members = group.data!.group.members;
    expect(members.edges).toHaveLength(10);
    const next = await run('GroupMembersPaginationQuery', { id: group.data!.group.id, count: 10, cursor: members.pageInfo.endCursor });
    expectAnswered(next, 'GroupMembersPaginationQuery');
    expect(next.data!.node.members.edges).toHaveLength(10);
  });

  it('a sign-in form', async () => {
    const account = demo.accounts.find((a) => a.role === 'user')!;
    const answer = await run(
      'SignInMutation',
      {
        input: {
          clientId: webAppClient(demo).clientId,
          username: account.username,
          password: account.password,
          authFlow: 'USER_PASSWORD_AUTH',
        },
      },
      {},
    );
    expectAnswered(answer, 'SignInMutation');
    expect(answer.data!.initiateAuth.__typename).toBe('InitiateAuthPayload');
    expect(answer.data!.initiateAuth.tokens.accessToken).toBeTruthy();
  });
});
