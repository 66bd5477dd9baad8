import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';
import { estimateCognitoCalls, perItemCalls } from '../../src/schema/call-cost';

/**
 * The cost model of MAX_CALLS_PER_REQUEST: the most Cognito calls an operation may make, counted
 * before it runs, per-item calls included. Each figure below is worked out by hand from the rules
 * in src/schema/call-cost.ts and compared with what the gateway really sends where that is known.
 */

const POOL = 'local_Pool0001';
const estimate = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  estimateCognitoCalls(schema, parse(query), variables, operationName);

describe('estimateCognitoCalls', () => {
  it('the README’s representative query: pool + 50 users + each user’s groups = 1 + 1 + 50 (the gateway sends 8: groups read pool-wide)', () => {
    const query = `query ($id: String!) { userPool(userPoolId: $id) { name
      users(first: 50) { edges { node { username email groups { edges { node { name } } } } } pageInfo { hasNextPage endCursor } } } }`;
    expect(estimate(query, { id: POOL })).toBe(52);
  });

  it('User.mfa costs one AdminGetUser per listed user: 1000 users with mfa = 1 + 17 pages + 1000', () => {
    const query = `{ userPool(userPoolId: "${POOL}") { users(first: 1000) { edges { node { username mfa { preferred } } } } } }`;
    expect(estimate(query)).toBe(1018);
    // Without mfa: the pages only (17 pages of 60 cover 1000 items and the look-ahead).
    expect(estimate(`{ userPool(userPoolId: "${POOL}") { users(first: 1000) { edges { node { username email } } } } }`)).toBe(18);
  });

  it('a user’s groups with cursors and devices: one list each per listed user', () => {
    const query = `{ userPool(userPoolId: "${POOL}") { users(first: 60) { edges { node {
      groups(first: 5) { edges { cursor node { name } } } devices { edges { node { deviceKey } } } } } } } }`;
    // 1 lookup + 2 pages of users (60 and the look-ahead) + 60 × (1 groups + 1 devices)
    expect(estimate(query)).toBe(123);
  });

  it('description fields of a listed pool or client share one Describe per item; summary fields cost nothing', () => {
    expect(estimate(`{ userPools(first: 10) { edges { node { name arn tier domain { domain } } } } }`)).toBe(11);
    expect(estimate(`{ userPools(first: 10) { edges { node { name createdAt } } } }`)).toBe(1);
    expect(
      estimate(`{ userPool(userPoolId: "${POOL}") { clients(first: 30) { edges { node { name clientId hasSecret callbackUrls } } } } }`),
    ).toBe(1 + 1 + 30);
  });

  it('the pool every listed user links to is one call, and what is below it is counted once', () => {
    const query = `{ userPool(userPoolId: "${POOL}") { users(first: 60) { edges { node { pool { name arn } } } } } }`;
    // 1 lookup + 2 pages + (1 link + 1 DescribeUserPool), not 60 of each
    expect(estimate(query)).toBe(5);
  });

  it('aliases and fragments count every time they are selected; variables set `first`', () => {
    const viewers = Array.from({ length: 30 }, (_, i) => `v${i}: viewer { username }`).join(' ');
    expect(estimate(`{ ${viewers} }`)).toBe(30);
    const query = `query ($n: Int) { userPool(userPoolId: "${POOL}") { ...P } } fragment P on UserPool { users(first: $n) { edges { node { ...U } } } } fragment U on User { mfa { preferred } }`;
    expect(estimate(query, { n: 100 })).toBe(1 + 2 + 100);
  });

  it('nodes, _entities and bulk mutations: one call per id, representation or username', () => {
    expect(estimate(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ['a', 'b', 'c'] })).toBe(3);
    expect(
      estimate(`query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, {
        r: Array.from({ length: 20 }, (_, i) => ({ __typename: 'User', sub: String(i) })),
      }),
    ).toBe(20);
    const bulk = `mutation { addUsersToGroup(input: { userPoolId: "${POOL}", groupName: "g", usernames: ["a", "b", "c", "d"] }) { succeeded } }`;
    expect(estimate(bulk)).toBe(4);
  });

  it('picks the named operation; undefined for what the server refuses anyway', () => {
    const two = `query A { viewer { username } } query B { a: viewer { username } b: viewer { username } }`;
    expect(estimate(two, {}, 'B')).toBe(2);
    expect(estimate(two)).toBeUndefined();
    expect(estimate(`query ($n: Int!) { userPools(first: $n) { edges { node { name } } } }`, { n: 'many' })).toBeUndefined();
    expect(estimate(`{ a: viewer { ...F } } fragment F on CognitoViewer { ...G } fragment G on CognitoViewer { ...F }`)).toBeUndefined();
  });

  it('a fragment spread many times at many levels is costed once per level (no blow-up before validation)', () => {
    let fragments = 'fragment F0 on CognitoViewer { username }';
    for (let i = 1; i <= 40; i++) fragments += ` fragment F${i} on CognitoViewer { ...F${i - 1} ...F${i - 1} }`;
    const calls = estimate(`{ viewer { ...F40 } } ${fragments}`);
    expect(calls).toBe(1);
  });

  it('branding and terms: a client’s style, hosted UI and terms are a read each; a listed terms summary’s links one DescribeTerms each', () => {
    const client = `{ userPool(userPoolId: "${POOL}") { client(clientId: "c1") { name managedLoginBranding { settings } uiCustomization { css } terms(name: TERMS_OF_USE) { termsId } } } }`;
    // DescribeUserPool, DescribeUserPoolClient, then one read each.
    expect(estimate(client)).toBe(5);
    const listed = `{ userPool(userPoolId: "${POOL}") { terms(first: 10) { edges { node { termsId source links { url } clientId pool { userPoolId } } } } } }`;
    expect(estimate(listed)).toBe(1 + 1 + 10 + 1);
    expect(estimate(`mutation { updateTerms(input: { userPoolId: "${POOL}", termsId: "t" }) { __typename } }`)).toBe(2);
  });

  it('counts the reads that are one call each on top of their parent: risk configuration and auth factors', () => {
    const query = `{ userPool(userPoolId: "${POOL}") { riskConfiguration { userPoolId } client(clientId: "c1") { name riskConfiguration { userPoolId } } users(first: 10) { edges { node { username authFactors { preferredMfa } } } } } }`;
    // DescribeUserPool, DescribeRiskConfiguration, DescribeUserPoolClient, DescribeRiskConfiguration for the client, one ListUsers page, 10 AdminGetUserAuthFactors.
    expect(estimate(query)).toBe(1 + 1 + 1 + 1 + 1 + 10);
  });

  it('every field the table names exists in the schema', () => {
    for (const key of Object.keys(perItemCalls)) {
      const [type, field] = key.split('.') as [string, string];
      const named = schema.getType(type) as { getFields?: () => Record<string, unknown> } | undefined;
      expect(named?.getFields?.()[field], key).toBeDefined();
    }
  });
});
