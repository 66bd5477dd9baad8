import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '../support/gateway';
import { pagedList, range, scriptedGateway, scriptedGroup, scriptedUser, type ScriptedPage } from '../support/scripted-cognito';

const POOL = 'eu-west-1_Paging1';
type Scripted = ReturnType<typeof scriptedGateway>;

const USERS_PAGE = /* GraphQL */ `
  query Users($first: Int, $after: String) {
    userPool(userPoolId: "${POOL}") {
      users(first: $first, after: $after) {
        edges { cursor node { username } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`;

interface UsersPage {
  userPool: {
    users: {
      edges: { cursor: string; node: { username: string } }[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    };
  };
}

function scriptUsers(scripted: Scripted, pages: ScriptedPage<number>[]) {
  const serve = pagedList({
    pages: pages.map((page) => ({ ...page, items: page.items.map(scriptedUser) })),
    tokenField: 'PaginationToken',
    sizeField: 'Limit',
    itemsField: 'Users',
  });
  scripted.cognito.on(ListUsersCommand).callsFake(serve);
  scripted.cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Name: 'paging' } });
}

/** The token each ListUsers call sent, in order (undefined = first page). */
function listUsersTokens(scripted: Scripted): (string | undefined)[] {
  return scripted.cognito.commandCalls(ListUsersCommand).map((call) => {
    expect(call.args[0].input).toMatchObject({ UserPoolId: POOL, Limit: 60 });
    return call.args[0].input.PaginationToken;
  });
}

const usernames = (indexes: number[]) => indexes.map((i) => scriptedUser(i).Username);

describe('connections over Cognito pagination tokens (scripted multi-page ListUsers)', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    // 112 users: a full page, a short page, an empty page before the end, then the rest.
    scriptUsers(scripted, [
      { items: range(0, 60), next: 'T1' },
      { items: range(60, 62), next: 'T2' },
      { items: [], next: 'T3' },
      { items: range(62, 112) },
    ]);
  });

  it('pages through every user 7 at a time with no duplicate and no gap', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: GraphQLResponse<UsersPage> = await scripted.query<UsersPage>(USERS_PAGE, { first: 7, after });
      expect(result.errors).toBeUndefined();
      const { edges, pageInfo } = result.data!.userPool.users;
      seen.push(...edges.map((edge) => edge.node.username));
      pages++;
      expect(pageInfo.hasPreviousPage).toBe(after !== null);
      if (!pageInfo.hasNextPage) break;
      expect(edges).toHaveLength(7);
      after = pageInfo.endCursor;
      expect(pages).toBeLessThan(30);
    }
    expect(seen).toEqual(usernames(range(0, 112)));
    expect(pages).toBe(16);
  });

  it('fetches as many Cognito pages as `first` needs, following short and empty pages', async () => {
    const result = await scripted.query<UsersPage>(USERS_PAGE, { first: 101 });
    const { edges, pageInfo } = result.data!.userPool.users;
    expect(edges.map((e) => e.node.username)).toEqual(usernames(range(0, 101)));
    expect(pageInfo.hasNextPage).toBe(true);
    expect(listUsersTokens(scripted)).toEqual([undefined, 'T1', 'T2', 'T3']);
  });

  it('says hasNextPage false exactly at the end, and a cursor past the end costs no call', async () => {
    const all = await scripted.query<UsersPage>(USERS_PAGE, { first: 112 });
    const { edges, pageInfo } = all.data!.userPool.users;
    expect(edges).toHaveLength(112);
    expect(pageInfo.hasNextPage).toBe(false);
    expect(listUsersTokens(scripted)).toHaveLength(4);

    scripted.cognito.resetHistory();
    const after = await scripted.query<UsersPage>(USERS_PAGE, { first: 5, after: pageInfo.endCursor });
    expect(after.data!.userPool.users.edges).toEqual([]);
    expect(after.data!.userPool.users.pageInfo.hasNextPage).toBe(false);
    expect(listUsersTokens(scripted)).toEqual([]);
  });

  it('resumes right after an edge in the middle of a Cognito page, from every edge cursor', async () => {
    const first = await scripted.query<UsersPage>(USERS_PAGE, { first: 10 });
    const edges = first.data!.userPool.users.edges;
    scripted.cognito.resetHistory();
    const resumed = await scripted.query<UsersPage>(USERS_PAGE, { first: 3, after: edges[6]!.cursor });
    expect(resumed.data!.userPool.users.edges.map((e) => e.node.username)).toEqual(usernames([7, 8, 9]));
    // The page is fetched again with the same size so that Cognito cuts it the same way.
    expect(listUsersTokens(scripted)).toEqual([undefined]);
  });

  it('resumes from the last edge of a page with the next token, not by re-reading the page', async () => {
    const first = await scripted.query<UsersPage>(USERS_PAGE, { first: 60 });
    scripted.cognito.resetHistory();
    const next = await scripted.query<UsersPage>(USERS_PAGE, { first: 2, after: first.data!.userPool.users.pageInfo.endCursor });
    expect(next.data!.userPool.users.edges.map((e) => e.node.username)).toEqual(usernames([60, 61]));
    expect(listUsersTokens(scripted)).toEqual(['T1', 'T2', 'T3']);
  });
});

describe('exact hasNextPage when Cognito hands out a token with nothing behind it', () => {
  it('follows the token to an empty last page and answers false', async () => {
    const scripted = scriptedGateway();
    scriptUsers(scripted, [{ items: range(0, 60), next: 'T1' }, { items: range(60, 65), next: 'T2' }, { items: [] }]);
    const result = await scripted.query<UsersPage>(USERS_PAGE, { first: 65 });
    expect(result.data!.userPool.users.edges).toHaveLength(65);
    expect(result.data!.userPool.users.pageInfo.hasNextPage).toBe(false);
    expect(listUsersTokens(scripted)).toEqual([undefined, 'T1', 'T2']);
  });

  it('looks one item ahead when `first` ends exactly at a page boundary', async () => {
    const scripted = scriptedGateway();
    scriptUsers(scripted, [{ items: range(0, 60), next: 'T1' }, { items: range(60, 61) }]);
    const result = await scripted.query<UsersPage>(USERS_PAGE, { first: 60 });
    expect(result.data!.userPool.users.pageInfo.hasNextPage).toBe(true);
    expect(listUsersTokens(scripted)).toEqual([undefined, 'T1']);
  });
});

describe('connection arguments refused before any list call', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway({ maxConnectionSize: 1000 });
    scriptUsers(scripted, [{ items: range(0, 30) }]);
  });

  async function refusal(variables: Record<string, unknown>) {
    const result = await scripted.query<UsersPage>(USERS_PAGE, variables);
    // Only the connection is null: the pool around it is answered.
    expect(result.data?.userPool).toEqual({ users: null });
    expect(result.errors?.[0]?.path).toEqual(['userPool', 'users']);
    expect(scripted.cognito.commandCalls(ListUsersCommand)).toHaveLength(0);
    return result.errors![0]!;
  }

  it('offers no `last` or `before`: Cognito lists only go forwards, so a query asking for them is not valid', async () => {
    const backward = await scripted.query(`{ userPool(userPoolId: "${POOL}") { users(last: 5, before: "abc") { edges { cursor } } } }`);
    expect(backward.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
    expect(backward.errors?.[0]?.message).toMatch(/Unknown argument "last"/);
    expect(scripted.cognito.calls()).toHaveLength(0);
  });

  it('refuses `first` above the documented cap, and negative `first`', async () => {
    const tooMany = await refusal({ first: 1001 });
    expect(tooMany.extensions).toMatchObject({ code: 'CONNECTION_TOO_LARGE', argument: 'first', limit: 1000 });
    const negative = await refusal({ first: -1 });
    expect(negative.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('refuses a cursor of another connection and a tampered cursor', async () => {
    scripted.cognito.on(ListGroupsCommand).resolves({ Groups: [scriptedGroup(POOL, 'a'), scriptedGroup(POOL, 'b')] });
    const groups = await scripted.query(`{ userPool(userPoolId: "${POOL}") { groups(first: 1) { pageInfo { endCursor } } } }`);
    const groupCursor = groups.data!.userPool.groups.pageInfo.endCursor as string;
    const foreign = await refusal({ first: 5, after: groupCursor });
    expect(foreign.extensions).toMatchObject({ code: 'INVALID_CURSOR', argument: 'after' });
    expect(foreign.message).toMatch(/different connection/);

    const [payload, mac] = groupCursor.split('.') as [string, string];
    const tampered = await refusal({ first: 5, after: `${payload}x.${mac}` });
    expect(tampered.extensions).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('refuses a bad filter before any call: two attributes, or an empty prefix', async () => {
    const query = `query($filter: UserFilter) { userPool(userPoolId: "${POOL}") { users(first: 5, filter: $filter) { edges { node { username } } } } }`;
    const two = await scripted.query(query, { filter: { email: { equals: 'a@x' }, name: { equals: 'b' } } });
    expect(two.errors?.[0]?.message).toMatch(/exactly one key/i);
    const emptyPrefix = await scripted.query(query, { filter: { email: { startsWith: '' } } });
    expect(emptyPrefix.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.email.startsWith' });
    expect(scripted.cognito.commandCalls(ListUsersCommand)).toHaveLength(0);
  });

  it('sends the built filter string to Cognito', async () => {
    const result = await scripted.query(
      `{ userPool(userPoolId: "${POOL}") { users(first: 5, filter: { familyName: { startsWith: "O'\\"B" } }) { edges { node { username } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(scripted.cognito.commandCalls(ListUsersCommand)[0]!.args[0].input.Filter).toBe('family_name ^= "O\'\\"B"');
  });
});

describe('the same helper serves every list operation', () => {
  it('ListUserPools: sends the required MaxResults and follows NextToken', async () => {
    const scripted = scriptedGateway();
    const pool = (i: number) => ({ Id: `eu-west-1_Pool${i}`, Name: `pool ${i}`, CreationDate: new Date(0), LastModifiedDate: new Date(0) });
    scripted.cognito.on(ListUserPoolsCommand).callsFake(
      pagedList({
        pages: [{ items: range(0, 60).map(pool), next: 'P1' }, { items: range(60, 63).map(pool) }],
        tokenField: 'NextToken',
        sizeField: 'MaxResults',
        itemsField: 'UserPools',
      }),
    );
    const result = await scripted.query(`{ userPools(first: 62) { edges { node { userPoolId name } } pageInfo { hasNextPage } } }`);
    expect(result.data!.userPools.edges).toHaveLength(62);
    expect(result.data!.userPools.edges[61].node).toEqual({ userPoolId: 'eu-west-1_Pool61', name: 'pool 61' });
    expect(result.data!.userPools.pageInfo.hasNextPage).toBe(true);
    expect(scripted.cognito.commandCalls(ListUserPoolsCommand).map((c) => c.args[0].input)).toEqual([
      { MaxResults: 60 },
      { MaxResults: 60, NextToken: 'P1' },
    ]);
    // Names come from the list summaries: no DescribeUserPool.
    expect(scripted.cognito.commandCalls(DescribeUserPoolCommand)).toHaveLength(0);
  });

  it("AdminListGroupsForUser: a user's groups across short and empty pages", async () => {
    const scripted = scriptedGateway();
    scripted.cognito
      .on(AdminGetUserCommand)
      .resolves({ Username: 'user001', UserAttributes: [{ Name: 'sub', Value: 's' }], Enabled: true, UserStatus: 'CONFIRMED' });
    scripted.cognito.on(AdminListGroupsForUserCommand).callsFake(
      pagedList({
        pages: [
          { items: ['a', 'b'].map((n) => scriptedGroup(POOL, n)), next: 'G1' },
          { items: [], next: 'G2' },
          { items: ['c'].map((n) => scriptedGroup(POOL, n)) },
        ],
        tokenField: 'NextToken',
        sizeField: 'Limit',
        itemsField: 'Groups',
      }),
    );
    const result = await scripted.query(
      `{ user(userPoolId: "${POOL}", username: "user001") { groups(first: 10) { edges { node { name } } pageInfo { hasNextPage } } } }`,
    );
    expect(result.data!.user.groups.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['a', 'b', 'c']);
    expect(result.data!.user.groups.pageInfo.hasNextPage).toBe(false);
    expect(scripted.cognito.commandCalls(AdminListGroupsForUserCommand).map((c) => c.args[0].input.NextToken)).toEqual([
      undefined,
      'G1',
      'G2',
    ]);
  });
});
