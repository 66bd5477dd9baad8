import { describe, expect, inject, it } from 'vitest';
import { DEMO_POOL_NAME } from '../../src/local/demo-data';
import { localGateway, type GraphQLResponse } from '../support/gateway';

/** The gateway as an HTTP endpoint, through `gateway.fetch` (no socket). */

const URL = 'http://gateway.test/graphql';
const demoPoolId = inject('demo').pools.find((p) => p.name === DEMO_POOL_NAME)!.userPoolId;
const example = { userPoolId: demoPoolId, clientId: 'demo-web-client', username: 'admin', password: 'shown-in-the-sign-in-tab' };
const { gateway } = localGateway({ graphiqlExample: example });

describe('HTTP', () => {
  it('serves GraphiQL to a browser, with tabs for the pools, a page of users and the sign-in mutation', async () => {
    const response = await gateway.fetch(URL, { method: 'GET', headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html.toLowerCase()).toContain('graphiql');
    expect(html).toMatch(/<title>cognito-graphql-gateway<\/title>/);
    // GraphiQL's options are embedded in the page as JSON; the query it opens with is there.
    const options = html.slice(html.indexOf('"defaultTabs"'));
    expect(options.length).toBeLessThan(html.length);
    expect(options).toMatch(/"query":"[^"]*userPools\(/);
    expect(options).toContain(demoPoolId);
    expect(options).toMatch(/"query":"[^"]*initiateAuth\(/);
    expect(options).toContain(example.clientId);
    // Served from the package, so no script comes from elsewhere.
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
  });

  it('answers a POST with a syntax error with a GraphQL error, not a server error', async () => {
    const response = await gateway.fetch(URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ userPools(first: 1) { edges { node { name } }' }),
    });
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).toMatch(/json/);
    const body = (await response.json()) as GraphQLResponse;
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.message).toMatch(/^Syntax Error/);
    expect(body.errors![0]!.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.extensions?.cognitoCalls).toBeUndefined();
  });
});
