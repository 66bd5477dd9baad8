import { generate } from '@graphql-codegen/cli';
import { print, type DocumentNode } from 'graphql';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asService, localGateway, postQuery } from '../support/gateway';
import { webAppClient } from '../support/tokens';

/**
 * GraphQL Code Generator (its client preset, as a React or Vue app sets it up) on a frontend's
 * operations, against the committed client schema. It validates every operation against the
 * schema and emits typed document nodes; those documents, as generated, then run against the gateway.
 */

const clientSchema = fileURLToPath(new URL('../../schema.client.graphql', import.meta.url));
const demo = inject('demo');
const demoPool = demo.pools.find((pool) => pool.name === 'demo')!;
const { gateway } = localGateway();

const DOCUMENTS = `
query PoolUsers($userPoolId: String!, $after: String) {
  userPool(userPoolId: $userPoolId) {
    id name
    users(first: 5, after: $after) { edges { cursor node { id username email status } } pageInfo { hasNextPage endCursor } }
  }
}

query UserDetail($userPoolId: String!, $username: String!) {
  user(userPoolId: $userPoolId, username: $username) { id username email status enabled groups(first: 10) { edges { node { id name } } } }
}

query GroupMembers($userPoolId: String!, $name: String!) {
  group(userPoolId: $userPoolId, name: $name) { id name members(first: 10) { edges { node { id username } } } }
}

mutation SignInForm($input: InitiateAuthInput!) {
  initiateAuth(input: $input) {
    __typename
    ... on InitiateAuthPayload { tokens { accessToken } challenge { name } }
    ... on NotAuthorizedError { message }
  }
}
`;

let workdir: string;
let generated: Record<string, string>;
const documents = new Map<string, DocumentNode>();

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'graphql-codegen-'));
  await writeFile(join(workdir, 'operations.graphql'), DOCUMENTS);
  const files = await generate(
    {
      schema: clientSchema,
      documents: join(workdir, 'operations.graphql'),
      generates: { [`${join(workdir, 'gql')}/`]: { preset: 'client' } },
      silent: true,
    },
    false,
  );
  generated = Object.fromEntries(files.map((file: { filename: string; content: string }) => [file.filename, file.content]));
  const types = Object.entries(generated).find(([name]) => name.endsWith('graphql.ts'))![1];
  // The preset emits each document as a literal DocumentNode: `export const XDocument = {...} as unknown as DocumentNode<...>;`
  for (const match of types.matchAll(/export const (\w+)Document = (\{.*?\}) as unknown as DocumentNode/gs)) {
    documents.set(match[1]!, JSON.parse(match[2]!) as DocumentNode);
  }
}, 90_000);

afterAll(async () => {
  await rm(workdir, { recursive: true, force: true });
});

const run = (name: string, variables: Record<string, unknown>, headers: Record<string, string> = asService) =>
  postQuery(gateway, print(documents.get(name)!), variables, headers);

describe('GraphQL Code Generator on a frontend’s operations', () => {
  it('generates typed documents and result types for every operation', () => {
    expect([...documents.keys()].sort()).toEqual(['GroupMembers', 'PoolUsers', 'SignInForm', 'UserDetail']);
    const types = Object.entries(generated).find(([name]) => name.endsWith('graphql.ts'))![1];
    expect(types).toMatch(/export type PoolUsersQuery = /);
    expect(types).toMatch(/export type SignInFormMutationVariables = /);
  });

  it('the generated documents run against the gateway and answer what they ask', async () => {
    const page = await run('PoolUsers', { userPoolId: demoPool.userPoolId });
    expect(page.errors).toBeUndefined();
    const next = await run('PoolUsers', { userPoolId: demoPool.userPoolId, after: page.data!.userPool.users.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    const usernames = [page, next].flatMap((answer) => answer.data!.userPool.users.edges.map((edge: any) => edge.node.username));
    expect(new Set(usernames).size).toBe(10);

    const username = demo.accounts.find((account) => account.role === 'user')!.username;
    const user = await run('UserDetail', { userPoolId: demoPool.userPoolId, username });
    expect(user.errors).toBeUndefined();
    expect(user.data!.user.username).toBe(username);

    const group = await run('GroupMembers', { userPoolId: demoPool.userPoolId, name: 'engineering' });
    expect(group.errors).toBeUndefined();
    expect(group.data!.group.members.edges).toHaveLength(10);

    const account = demo.accounts.find((a) => a.role === 'user')!;
    const input = {
      clientId: webAppClient(demo).clientId,
      username: account.username,
      password: account.password,
      authFlow: 'USER_PASSWORD_AUTH',
    };
    const signIn = await run('SignInForm', { input }, {});
    expect(signIn.errors).toBeUndefined();
    expect(signIn.data!.initiateAuth.__typename).toBe('InitiateAuthPayload');
  });
});
