import { DescribeUserPoolClientCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { getNamedType, isInterfaceType, isLeafType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, demoDirectory, type DemoPoolSpec, type DemoUserSpec } from '../../src/local/demo-data';
import { schema } from '../../src/schema';
import { standardAttributes } from '../../src/schema/user';
import { asService, localGateway, type GraphQLResponse } from '../support/gateway';

/**
 * Every data-reading field of the schema against the run's cognito-local and its demo directory.
 * Expected values come from demo-data (or, for what Cognito itself assigns, from the SDK).
 * Read-only: the directory is shared by every test file.
 */

const { gateway, client, query } = localGateway();
const demo = inject('demo');

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

interface Edge<Node> {
  cursor: string;
  node: Node;
}
interface Page<Node = { username: string }> {
  edges: Edge<Node>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

function poolId(spec: DemoPoolSpec): string {
  const pool = demo.pools.find((p) => p.name === spec.name);
  if (!pool) throw new Error(`the run's demo summary lacks pool ${spec.name}`);
  return pool.userPoolId;
}

const demoPool = demoDirectory[0]!;
const sorted = (list: readonly string[]) => [...list].sort();
const usernamesWhere = (spec: DemoPoolSpec, predicate: (u: DemoUserSpec) => boolean) =>
  sorted(spec.users.filter(predicate).map((u) => u.username));
const names = <Node extends { username: string }>(page: Page<Node>) => page.edges.map((e) => e.node.username);
const attributeName = (field: keyof typeof standardAttributes) => standardAttributes[field].attribute;

/** Asserts the answer has no error and returns its data. */
async function ok(q: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const result = await query(q, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data).toBeDefined();
  return result.data!;
}

/** Asserts the answer carries exactly one error and returns it. */
async function onlyError(q: string, variables?: Record<string, unknown>) {
  const result: GraphQLResponse = await query(q, variables);
  expect(result.errors, JSON.stringify(result.data)).toHaveLength(1);
  return result.errors![0]!;
}

function expectDateTime(value: unknown, label: string): Date {
  expect(value, label).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  const date = new Date(value as string);
  expect(Number.isNaN(date.getTime()), label).toBe(false);
  expect(date.getTime(), label).toBeLessThanOrEqual(Date.now() + 1000);
  return date;
}

/**
 * Pages through a connection `size` at a time and returns the usernames in order. Every page but
 * the last is full and says hasNextPage; the last says it has none.
 */
async function pageThrough(fetchPage: (after: string | null) => Promise<Page>, size: number): Promise<{ seen: string[]; pages: number }> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(after);
    seen.push(...names(page));
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!page.pageInfo.hasNextPage) return { seen, pages };
    expect(page.edges).toHaveLength(size);
    expect(page.pageInfo.endCursor).toBe(page.edges[size - 1]!.cursor);
    after = page.pageInfo.endCursor;
    expect(pages, 'no end in sight').toBeLessThan(200);
  }
}

/** A selection of every field of `type` that needs no argument, following object fields `depth` deep. */
/** Fields whose operations cognito-local does not implement (they have contract tests instead). */
const notInCognitoLocal = new Set(['csvHeader', 'riskConfiguration']);

function everyField(type: GraphQLObjectType, depth: number): string {
  return Object.values(type.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)) && !notInCognitoLocal.has(field.name))
    .map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      if (isObjectType(named) && depth > 0 && !named.name.endsWith('Connection'))
        return `${field.name} { ${everyField(named, depth - 1)} }`;
      return '';
    })
    .filter(Boolean)
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Pools
// ---------------------------------------------------------------------------------------------

describe('user pools', () => {
  it('lists both demo pools, by the names demo-data gives them and the ids they were seeded with', async () => {
    const data = await ok(
      `{ userPools(first: 10) { edges { node { id userPoolId name createdAt updatedAt } } pageInfo { hasNextPage hasPreviousPage } } }`,
    );
    const listed = (
      data.userPools as Page<{ id: string; userPoolId: string; name: string; createdAt: string; updatedAt: string }>
    ).edges.map((e) => e.node);
    const expected = demoDirectory.map((spec) => ({ userPoolId: poolId(spec), name: spec.name }));
    expect(listed.map(({ userPoolId, name }) => ({ userPoolId, name })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      expected.sort((a, b) => a.name.localeCompare(b.name)),
    );
    for (const pool of listed) {
      expect(pool.userPoolId).toMatch(/^local_\w{8}$/);
      // Served from the list summary: the same dates DescribeUserPool gives.
      const { UserPool: real } = await client.send(new DescribeUserPoolCommand({ UserPoolId: pool.userPoolId }));
      expect(expectDateTime(pool.createdAt, 'createdAt').getTime()).toBe(real?.CreationDate?.getTime());
      expect(expectDateTime(pool.updatedAt, 'updatedAt').getTime()).toBe(real?.LastModifiedDate?.getTime());
    }
    expect(data.userPools.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false });
  });

  it('describes each pool by key: name, dates, arn, estimate, sign-in attributes, password policy', async () => {
    for (const spec of demoDirectory) {
      const userPoolId = poolId(spec);
      const data = await ok(
        `query ($id: String!) { userPool(userPoolId: $id) {
          userPoolId name createdAt updatedAt arn estimatedNumberOfUsers usernameAttributes autoVerifiedAttributes
          passwordPolicy { minimumLength requireUppercase requireLowercase requireNumbers requireSymbols }
        } }`,
        { id: userPoolId },
      );
      const pool = data.userPool;
      const { UserPool: real } = await client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
      expect(pool.userPoolId).toBe(userPoolId);
      expect(pool.name).toBe(spec.name);
      expect(expectDateTime(pool.createdAt, 'createdAt').getTime()).toBe(real?.CreationDate?.getTime());
      expect(expectDateTime(pool.updatedAt, 'updatedAt').getTime()).toBe(real?.LastModifiedDate?.getTime());
      expect(pool.arn).toBe(real?.Arn);
      expect(pool.arn).toMatch(new RegExp(`:userpool/${userPoolId}$`));
      expect(pool.estimatedNumberOfUsers).toBe(real?.EstimatedNumberOfUsers ?? null);
      if (pool.estimatedNumberOfUsers !== null) expect(Number.isInteger(pool.estimatedNumberOfUsers)).toBe(true);
      // The seeder signs users in by username (no UsernameAttributes) and auto-verifies email.
      expect(pool.usernameAttributes).toEqual([]);
      expect(pool.autoVerifiedAttributes).toEqual(['email']);
      expect(pool.passwordPolicy).toEqual({
        minimumLength: 8,
        requireUppercase: true,
        requireLowercase: true,
        requireNumbers: true,
        requireSymbols: true,
      });
    }
  });

  it("lists each pool's schema attributes, its custom ones named custom:… and flagged custom", async () => {
    for (const spec of demoDirectory) {
      const data = await ok(`query ($id: String!) { userPool(userPoolId: $id) { schemaAttributes { name custom dataType mutable } } }`, {
        id: poolId(spec),
      });
      const attributes: { name: string; custom: boolean; dataType: string; mutable: boolean }[] = data.userPool.schemaAttributes;
      const custom = attributes.filter((a) => a.custom);
      expect(sorted(custom.map((a) => a.name))).toEqual(sorted(spec.customAttributes.map((a) => `custom:${a.name}`)));
      for (const expected of spec.customAttributes) {
        expect(custom.find((a) => a.name === `custom:${expected.name}`)).toEqual({
          name: `custom:${expected.name}`,
          custom: true,
          dataType: expected.type,
          mutable: true,
        });
      }
      for (const standard of ['sub', 'email', 'given_name', 'family_name']) {
        expect(attributes.find((a) => a.name === standard)?.custom, standard).toBe(false);
      }
      for (const attribute of attributes) expect(attribute.custom, attribute.name).toBe(attribute.name.startsWith('custom:'));
    }
  });

  it('answers null, without an error, for a well-formed pool id that names no pool', async () => {
    const unknown = 'local_Zz9Zz9Zz';
    expect(demo.pools.map((p) => p.userPoolId)).not.toContain(unknown);
    const data = await ok(`query ($id: String!) { userPool(userPoolId: $id) { name } }`, { id: unknown });
    expect(data.userPool).toBeNull();
  });

  it('refuses malformed keys with BAD_USER_INPUT naming the argument', async () => {
    const id = poolId(demoPool);
    const cases: [string, Record<string, unknown>, string][] = [
      ['query ($v: String!) { userPool(userPoolId: $v) { name } }', { v: 'not a pool' }, 'userPoolId'],
      ['query ($v: String!) { user(userPoolId: $v, username: "admin") { username } }', { v: 'not a pool' }, 'userPoolId'],
      [`query ($v: String!) { user(userPoolId: "${id}", username: $v) { username } }`, { v: '' }, 'username'],
      [`query ($v: String!) { group(userPoolId: "${id}", name: $v) { name } }`, { v: '' }, 'name'],
      [`query ($v: String!) { client(userPoolId: "${id}", clientId: $v) { name } }`, { v: 'not a client' }, 'clientId'],
    ];
    for (const [q, variables, field] of cases) {
      const error = await onlyError(q, variables);
      expect(error.extensions, q).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error.message).toContain(field);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

const USERS_PAGE = /* GraphQL */ `
  query ($id: String!, $first: Int, $after: String) {
    userPool(userPoolId: $id) {
      users(first: $first, after: $after) {
        edges {
          cursor
          node {
            username
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          endCursor
        }
      }
    }
  }
`;

async function usersPage(userPoolId: string, first: number, after: string | null): Promise<Page> {
  return (await ok(USERS_PAGE, { id: userPoolId, first, after })).userPool.users;
}

/** The fields each listed user is checked on; custom attribute by name comes per pool. */
function userFields(customAttribute: string): string {
  return `id username userPoolId sub status enabled createdAt updatedAt attributes { name value }
    custom: attribute(name: "${customAttribute}")
    ${Object.keys(standardAttributes).join(' ')}
    groups(first: 10) { edges { node { name } } }`;
}

describe('users', () => {
  it('pages through every user of every pool 7 at a time: no duplicate, no gap', async () => {
    for (const spec of demoDirectory) {
      const userPoolId = poolId(spec);
      const { seen, pages } = await pageThrough((after) => usersPage(userPoolId, 7, after), 7);
      expect(new Set(seen).size, 'duplicates').toBe(seen.length);
      expect(sorted(seen)).toEqual(usernamesWhere(spec, () => true));
      expect(pages).toBe(Math.ceil(spec.users.length / 7));
    }
  });

  it('resumes right after an edge from the middle of a page', async () => {
    const userPoolId = poolId(demoPool);
    const all = names(await usersPage(userPoolId, 200, null));
    expect(all).toHaveLength(demoPool.users.length);
    const second = await usersPage(userPoolId, 7, (await usersPage(userPoolId, 7, null)).pageInfo.endCursor);
    for (const [page, offset] of [
      [await usersPage(userPoolId, 7, null), 0],
      [second, 7],
    ] as const) {
      for (const index of [0, 3, 5]) {
        const resumed = await usersPage(userPoolId, 7, page.edges[index]!.cursor);
        expect(names(resumed), `after edge ${offset + index}`).toEqual(all.slice(offset + index + 1, offset + index + 8));
        expect(resumed.pageInfo.hasPreviousPage).toBe(true);
      }
    }
  });

  it('gives every listed user the username, status, enabled flag, attributes and groups of demo-data', async () => {
    for (const spec of demoDirectory) {
      const userPoolId = poolId(spec);
      const customAttribute = `custom:${spec.customAttributes[0]!.name}`;
      const data = await ok(
        `query ($id: String!) { userPool(userPoolId: $id) { users(first: 200) { edges { node { ${userFields(customAttribute)} } } } } }`,
        {
          id: userPoolId,
        },
      );
      const users: Record<string, any>[] = (data.userPool.users as Page<Record<string, any>>).edges.map((e) => e.node);
      expect(sorted(users.map((u) => u.username))).toEqual(usernamesWhere(spec, () => true));
      const subs = new Set<string>();
      for (const user of users) {
        const expected = spec.users.find((u) => u.username === user.username)!;
        const label = user.username as string;
        expect(user.userPoolId, label).toBe(userPoolId);
        expect(user.status, label).toBe(expected.status);
        expect(user.enabled, label).toBe(expected.enabled);
        const created = expectDateTime(user.createdAt, `${label} createdAt`);
        expect(expectDateTime(user.updatedAt, `${label} updatedAt`).getTime()).toBeGreaterThanOrEqual(created.getTime());

        const attributes = Object.fromEntries((user.attributes as { name: string; value: string }[]).map((a) => [a.name, a.value]));
        expect(user.sub, label).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(attributes, label).toEqual({ ...expected.attributes, sub: user.sub });
        subs.add(user.sub);

        expect(user.custom, `${label} ${customAttribute}`).toBe(expected.attributes[customAttribute] ?? null);
        for (const [field, { attribute, type }] of Object.entries(standardAttributes)) {
          const raw = expected.attributes[attribute];
          const value = raw === undefined ? null : type === 'boolean' ? raw === 'true' : raw;
          expect(user[field], `${label} ${field}`).toBe(value);
        }
        const groups = (user.groups as Page<{ name: string }>).edges.map((e) => e.node.name);
        expect(sorted(groups), `${label} groups`).toEqual(sorted(expected.groups));
      }
      expect(subs.size).toBe(users.length);
      // The demo sets these somewhere, so the typed fields above were not only checked against null.
      for (const field of [
        'email',
        'emailVerified',
        'givenName',
        'familyName',
        'name',
        'phoneNumber',
        'preferredUsername',
        'locale',
        'zoneinfo',
      ] as const) {
        if (spec === demoPool)
          expect(
            users.some((u) => u[field] !== null),
            field,
          ).toBe(true);
      }
      expect(sorted(users.filter((u) => u.enabled === false).map((u) => u.username))).toEqual(usernamesWhere(spec, (u) => !u.enabled));
      expect(users.some((u) => u.enabled === false)).toBe(true);
    }
  });

  it('finds a user by key, through Query.user and UserPool.user, with MFA settings, pool and groups', async () => {
    const userPoolId = poolId(demoPool);
    const noGroup = demoPool.users.find((u) => u.groups.length === 0 && u.status === 'CONFIRMED' && u.enabled)!;
    expect(noGroup).toBeDefined();
    const usernames = [...DEMO_ACCOUNTS.map((a) => a.username), noGroup.username];
    const listed = await ok(
      `query ($id: String!) { userPool(userPoolId: $id) { users(first: 200) { edges { node { username sub } } } } }`,
      {
        id: userPoolId,
      },
    );
    const subOf = new Map(
      (listed.userPool.users as Page<{ username: string; sub: string }>).edges.map((e) => [e.node.username, e.node.sub]),
    );
    for (const username of usernames) {
      const expected = demoPool.users.find((u) => u.username === username)!;
      const data = await ok(
        `query ($id: String!, $username: String!) {
          user(userPoolId: $id, username: $username) {
            username userPoolId sub status enabled createdAt email givenName familyName
            dept: attribute(name: "custom:department")
            mfa { preferred enabled }
            pool { userPoolId name }
            groups(first: 10) { edges { node { name userPoolId } } }
          }
          userPool(userPoolId: $id) { user(username: $username) { username sub email } }
        }`,
        { id: userPoolId, username },
      );
      const user = data.user;
      expect(user).toMatchObject({
        username,
        userPoolId,
        sub: subOf.get(username),
        status: expected.status,
        enabled: expected.enabled,
        email: expected.attributes.email,
        givenName: expected.attributes.given_name,
        familyName: expected.attributes.family_name,
        dept: expected.attributes['custom:department'] ?? null,
        // The demo sets up no MFA, and its pools have MFA off.
        mfa: { preferred: null, enabled: [] },
        pool: { userPoolId, name: demoPool.name },
      });
      expectDateTime(user.createdAt, 'createdAt');
      const groups = (user.groups as Page<{ name: string; userPoolId: string }>).edges.map((e) => e.node);
      expect(sorted(groups.map((g) => g.name)), username).toEqual(sorted(expected.groups));
      for (const group of groups) expect(group.userPoolId).toBe(userPoolId);
      expect(data.userPool.user).toEqual({ username, sub: subOf.get(username), email: expected.attributes.email });
    }
    expect(sorted(demoPool.users.find((u) => u.username === 'admin')!.groups)).toEqual(['admins']);
  });

  it('answers null, without an error, for a username that names no user', async () => {
    const username = 'no.such.user';
    expect(demoPool.users.map((u) => u.username)).not.toContain(username);
    const data = await ok(
      `query ($id: String!, $username: String!) {
        user(userPoolId: $id, username: $username) { username }
        userPool(userPoolId: $id) { name user(username: $username) { username } }
      }`,
      { id: poolId(demoPool), username },
    );
    expect(data).toEqual({ user: null, userPool: { name: demoPool.name, user: null } });
  });

  it('no connection of the schema offers `last` or `before`', () => {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!getNamedType(field.type).name.endsWith('Connection')) continue;
        expect(
          field.args.map((arg) => arg.name).filter((name) => name === 'last' || name === 'before'),
          `${type.name}.${field.name}`,
        ).toEqual([]);
        expect(field.args.map((arg) => arg.name)).toEqual(expect.arrayContaining(['first', 'after']));
      }
    }
  });
});

describe('user filters', () => {
  const FILTERED = /* GraphQL */ `
    query ($id: String!, $filter: UserFilter!) {
      userPool(userPoolId: $id) {
        users(first: 200, filter: $filter) {
          edges {
            node {
              username
            }
          }
          pageInfo {
            hasNextPage
          }
        }
      }
    }
  `;

  async function filtered(spec: DemoPoolSpec, filter: Record<string, unknown>): Promise<string[]> {
    const data = await ok(FILTERED, { id: poolId(spec), filter });
    expect(data.userPool.users.pageInfo.hasNextPage).toBe(false);
    return sorted(names(data.userPool.users));
  }

  const attributeIs = (attribute: string, test: (value: string) => boolean) => (u: DemoUserSpec) => {
    const value = u.attributes[attribute];
    return value !== undefined && test(value);
  };

  it('enabled: true and false give the enabled and the disabled users, as on AWS (the emulator’s own text adapted)', async () => {
    expect(await filtered(demoPool, { enabled: false })).toEqual(sorted(usernamesWhere(demoPool, (u) => !u.enabled)));
    expect(await filtered(demoPool, { enabled: true })).toEqual(sorted(usernamesWhere(demoPool, (u) => u.enabled)));
    expect(usernamesWhere(demoPool, (u) => !u.enabled)).toHaveLength(15);
  });

  it('matches a username exactly', async () => {
    for (const username of [...DEMO_ACCOUNTS.map((a) => a.username), demoPool.users[10]!.username]) {
      expect(await filtered(demoPool, { username: { equals: username } })).toEqual([username]);
    }
  });

  it('matches the beginning of an email, a given name and a family name as demo-data predicts', async () => {
    const emailPrefix = 'ada.';
    const emailMatches = usernamesWhere(
      demoPool,
      attributeIs(attributeName('email'), (v) => v.startsWith(emailPrefix)),
    );
    expect(emailMatches.length).toBeGreaterThan(1);
    expect(await filtered(demoPool, { email: { startsWith: emailPrefix } })).toEqual(emailMatches);

    const given = 'Grace';
    const givenMatches = usernamesWhere(
      demoPool,
      attributeIs(attributeName('givenName'), (v) => v === given),
    );
    expect(givenMatches.length).toBeGreaterThan(1);
    expect(await filtered(demoPool, { givenName: { equals: given } })).toEqual(givenMatches);

    const familyPrefix = 'Ho';
    const familyMatches = usernamesWhere(
      demoPool,
      attributeIs(attributeName('familyName'), (v) => v.startsWith(familyPrefix)),
    );
    expect(new Set(familyMatches.map((u) => demoPool.users.find((d) => d.username === u)!.attributes.family_name)).size).toBeGreaterThan(1);
    expect(await filtered(demoPool, { familyName: { startsWith: familyPrefix } })).toEqual(familyMatches);
    expect(await filtered(demoPool, { familyName: { equals: 'Hopper' } })).toEqual(
      usernamesWhere(
        demoPool,
        attributeIs('family_name', (v) => v === 'Hopper'),
      ),
    );
  });

  it('matches every status demo-data uses, with as many unconfirmed users as the seed reported', async () => {
    for (const spec of demoDirectory) {
      const statuses = new Set(spec.users.map((u) => u.status));
      for (const status of statuses) {
        expect(await filtered(spec, { status }), `${spec.name} ${status}`).toEqual(usernamesWhere(spec, (u) => u.status === status));
      }
    }
    const unconfirmed = await filtered(demoPool, { status: 'UNCONFIRMED' });
    expect(unconfirmed.length).toBeGreaterThan(0);
    expect(unconfirmed).toHaveLength(demo.pools.find((p) => p.name === demoPool.name)!.unconfirmedCount);
    expect(unconfirmed).toHaveLength(demoPool.users.filter((u) => u.status === 'UNCONFIRMED').length);
  });

  it('finds exactly the user with a given sub', async () => {
    const data = await ok(`query ($id: String!) { userPool(userPoolId: $id) { users(first: 30) { edges { node { username sub } } } } }`, {
      id: poolId(demoPool),
    });
    const picked = (data.userPool.users as Page<{ username: string; sub: string }>).edges.map((e) => e.node);
    for (const user of [picked[0]!, picked[17]!, picked[29]!]) {
      expect(await filtered(demoPool, { sub: user.sub })).toEqual([user.username]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

describe('groups', () => {
  it('lists every group of every pool with its description and precedence', async () => {
    for (const spec of demoDirectory) {
      const data = await ok(
        `query ($id: String!) { userPool(userPoolId: $id) { groups(first: 50) {
          edges { node { name description precedence userPoolId createdAt } } pageInfo { hasNextPage } } } }`,
        { id: poolId(spec) },
      );
      const groups = (data.userPool.groups as Page<Record<string, any>>).edges.map((e) => e.node);
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
      expect(groups.map(({ name, description, precedence }) => ({ name, description, precedence })).sort(byName)).toEqual(
        spec.groups.map(({ name, description, precedence }) => ({ name, description, precedence })).sort(byName),
      );
      for (const group of groups) {
        expect(group.userPoolId).toBe(poolId(spec));
        expectDateTime(group.createdAt, group.name);
      }
      expect(data.userPool.groups.pageInfo.hasNextPage).toBe(false);
    }
  });

  it('finds a group by key, through Query.group and UserPool.group, with its pool', async () => {
    for (const spec of demoDirectory) {
      const userPoolId = poolId(spec);
      for (const group of spec.groups) {
        const data = await ok(
          `query ($id: String!, $name: String!) {
            group(userPoolId: $id, name: $name) { name userPoolId description precedence pool { userPoolId name } }
            userPool(userPoolId: $id) { group(name: $name) { name description precedence } }
          }`,
          { id: userPoolId, name: group.name },
        );
        expect(data.group).toEqual({ ...group, userPoolId, pool: { userPoolId, name: spec.name } });
        expect(data.userPool.group).toEqual({ ...group });
      }
    }
  });

  it('answers null, without an error, for a group name that names no group', async () => {
    const data = await ok(
      `query ($id: String!) { group(userPoolId: $id, name: "no-such-group") { name } userPool(userPoolId: $id) { group(name: "no-such-group") { name } } }`,
      { id: poolId(demoPool) },
    );
    expect(data).toEqual({ group: null, userPool: { group: null } });
  });

  it('pages through the members of the largest group 7 at a time: exactly its demo-data members', async () => {
    const memberCount = (name: string) => demoPool.users.filter((u) => u.groups.includes(name)).length;
    const largest = [...demoPool.groups].sort((a, b) => memberCount(b.name) - memberCount(a.name))[0]!;
    expect(memberCount(largest.name)).toBeGreaterThan(60);
    const { seen, pages } = await pageThrough(async (after) => {
      const data = await ok(
        `query ($id: String!, $name: String!, $after: String) { group(userPoolId: $id, name: $name) {
          members(first: 7, after: $after) { edges { cursor node { username } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`,
        { id: poolId(demoPool), name: largest.name, after },
      );
      return data.group.members;
    }, 7);
    expect(new Set(seen).size, 'duplicates').toBe(seen.length);
    expect(sorted(seen)).toEqual(usernamesWhere(demoPool, (u) => u.groups.includes(largest.name)));
    expect(pages).toBe(Math.ceil(memberCount(largest.name) / 7));
  });

  it('lists the members of every group as demo-data puts them', async () => {
    for (const spec of demoDirectory) {
      for (const group of spec.groups) {
        const data = await ok(
          `query ($id: String!, $name: String!) { userPool(userPoolId: $id) { group(name: $name) { members(first: 200) { edges { node { username } } } } } }`,
          { id: poolId(spec), name: group.name },
        );
        expect(sorted(names(data.userPool.group.members)), group.name).toEqual(usernamesWhere(spec, (u) => u.groups.includes(group.name)));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// App clients
// ---------------------------------------------------------------------------------------------

describe('app clients', () => {
  it('lists every client of every pool, and finds each by key, with its pool, secret flag and auth flows', async () => {
    for (const spec of demoDirectory) {
      const userPoolId = poolId(spec);
      const data = await ok(
        `query ($id: String!) { userPool(userPoolId: $id) { clients(first: 50) { edges { node { clientId name userPoolId } } pageInfo { hasNextPage } } } }`,
        { id: userPoolId },
      );
      const listed = (data.userPool.clients as Page<{ clientId: string; name: string; userPoolId: string }>).edges.map((e) => e.node);
      expect(sorted(listed.map((c) => c.name))).toEqual(sorted(spec.clients.map((c) => c.name)));
      expect(data.userPool.clients.pageInfo.hasNextPage).toBe(false);

      for (const { clientId, name } of listed) {
        const expected = spec.clients.find((c) => c.name === name)!;
        const seeded = demo.pools.find((p) => p.name === spec.name)!.clients.find((c) => c.name === name)!;
        expect(clientId).toBe(seeded.clientId);
        const byKey = await ok(
          `query ($id: String!, $clientId: String!) {
            client(userPoolId: $id, clientId: $clientId) { clientId name userPoolId hasSecret explicitAuthFlows createdAt pool { userPoolId name } }
            userPool(userPoolId: $id) { client(clientId: $clientId) { clientId name hasSecret } }
          }`,
          { id: userPoolId, clientId },
        );
        expect(byKey.client).toMatchObject({
          clientId,
          name,
          userPoolId,
          hasSecret: expected.generateSecret,
          pool: { userPoolId, name: spec.name },
        });
        expect(sorted(byKey.client.explicitAuthFlows)).toEqual(sorted(expected.explicitAuthFlows));
        expectDateTime(byKey.client.createdAt, name);
        expect(byKey.userPool.client).toEqual({ clientId, name, hasSecret: expected.generateSecret });
      }
    }
    // hasSecret is not constant: the demo has clients with and without a secret.
    const flags = demoDirectory.flatMap((spec) => spec.clients.map((c) => c.generateSecret));
    expect(flags).toContain(true);
    expect(flags).toContain(false);
  });

  it('answers null, without an error, for a client id that names no client', async () => {
    const data = await ok(
      `query ($id: String!) { client(userPoolId: $id, clientId: "nosuchclient0") { name } userPool(userPoolId: $id) { client(clientId: "nosuchclient0") { name } } }`,
      { id: poolId(demoPool) },
    );
    expect(data).toEqual({ client: null, userPool: { client: null } });
  });

  it('never returns a client secret, whichever way every Client field is asked for', async () => {
    const clientType = schema.getType('Client');
    if (!isObjectType(clientType)) throw new Error('schema lacks the Client type');
    const fields = everyField(clientType, 1);
    const withSecret = demo.pools.flatMap((pool) =>
      pool.clients.filter((c) => c.hasSecret).map((c) => ({ ...c, userPoolId: pool.userPoolId })),
    );
    expect(withSecret.length).toBeGreaterThan(0);
    for (const seeded of withSecret) {
      const described = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: seeded.userPoolId, ClientId: seeded.clientId }));
      const secret = described.UserPoolClient?.ClientSecret ?? '';
      expect(secret.length).toBeGreaterThan(8);

      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...asService },
        body: JSON.stringify({
          query: `query ($id: String!, $clientId: String!) {
            client(userPoolId: $id, clientId: $clientId) { ${fields} }
            userPool(userPoolId: $id) { client(clientId: $clientId) { ${fields} } clients(first: 50) { edges { node { ${fields} } } } }
          }`,
          variables: { id: seeded.userPoolId, clientId: seeded.clientId },
        }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as GraphQLResponse;
      // The client's configuration beyond the classic API (secrets, session settings, branding,
      // terms, ...) is not in cognito-local: those fields are null with that error, the rest answers.
      expect((body.errors ?? []).map((error) => error.extensions?.['code'])).toEqual(
        (body.errors ?? []).map(() => 'NOT_SUPPORTED_BY_LOCAL_COGNITO'),
      );
      expect(body.data?.client).toMatchObject({ clientId: seeded.clientId, hasSecret: true });
      expect(text).not.toContain(secret);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Relay
// ---------------------------------------------------------------------------------------------

describe('federation entity lookups', () => {
  const ENTITY_FIELDS = /* GraphQL */ `
    __typename ... on Node { id }
    ... on UserPool { userPoolId name }
    ... on User { userPoolId username sub }
    ... on Group { userPoolId name description }
    ... on Client { userPoolId clientId name }
  `;

  async function samples(): Promise<Record<string, any>[]> {
    const data = await ok(
      `query ($id: String!) { userPool(userPoolId: $id) {
        __typename id userPoolId name
        users(first: 3) { edges { node { __typename id userPoolId username sub } } }
        groups(first: 1) { edges { node { __typename id userPoolId name description } } }
        clients(first: 1) { edges { node { __typename id userPoolId clientId name } } }
      } }`,
      { id: poolId(demoPool) },
    );
    const { users, groups, clients, ...pool } = data.userPool;
    const found = [pool, users.edges[2].node, groups.edges[0].node, clients.edges[0].node];
    expect(found.map((s) => s.__typename)).toEqual(['UserPool', 'User', 'Group', 'Client']);
    expect(new Set(found.map((s) => s.id)).size).toBe(found.length);
    return found;
  }

  /** The representation a router sends for each entity, by the key another subgraph knows. */
  function representation(entity: Record<string, any>): Record<string, unknown> {
    switch (entity.__typename) {
      case 'UserPool':
        return { __typename: 'UserPool', userPoolId: entity.userPoolId };
      case 'User':
        return { __typename: 'User', sub: entity.sub };
      case 'Group':
        return { __typename: 'Group', userPoolId: entity.userPoolId, name: entity.name };
      default:
        return { __typename: 'Client', userPoolId: entity.userPoolId, clientId: entity.clientId };
    }
  }

  it('_entities returns, by its key, the same pool, user, group and client, in the order asked', async () => {
    const found = await samples();
    const data = await ok(`query ($r: [_Any!]!) { _entities(representations: $r) { ${ENTITY_FIELDS} } }`, {
      r: [...found].reverse().map(representation),
    });
    expect(data._entities).toEqual([...found].reverse());
  });

  it('_entities finds a user by (userPoolId, username) as well as by sub', async () => {
    const [, user] = await samples();
    const data = await ok(`query ($r: [_Any!]!) { _entities(representations: $r) { ${ENTITY_FIELDS} } }`, {
      r: [{ __typename: 'User', userPoolId: user!.userPoolId, username: user!.username }],
    });
    expect(data._entities).toEqual([user]);
  });

  it('answers null for a key that names nothing, and an error naming the field for a representation without a key', async () => {
    const data = await ok(`query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, {
      r: [
        { __typename: 'User', sub: '00000000-0000-4000-8000-000000000000' },
        { __typename: 'Group', userPoolId: poolId(demoPool), name: 'no-such-group' },
      ],
    });
    expect(data._entities).toEqual([null, null]);
    const bad = await query(`query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, { r: [{ __typename: 'User' }] });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations' });
  });
});
