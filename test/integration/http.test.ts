import { describe, expect, it } from 'vitest';
import { graphiqlDefaultQuery } from '../../src/graphiql-default-query';
import { localGateway, type GraphQLResponse } from '../support/gateway';

/** The gateway as an HTTP endpoint, through `gateway.fetch` (no socket). */

const { gateway } = localGateway();
const URL = 'http://gateway.test/graphql';

describe('HTTP', () => {
  it('serves GraphiQL to a browser, opening on a query of the user pools', async () => {
    const response = await gateway.fetch(URL, { method: 'GET', headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html.toLowerCase()).toContain('graphiql');
    expect(html).toContain('cognito-graphql-gateway');
    expect(graphiqlDefaultQuery).toContain('userPools');
    // The default query is embedded in the page (JSON-escaped), so look for a line of it.
    expect(html).toContain('userPools(first: 5)');
    expect(html).toContain(JSON.stringify(graphiqlDefaultQuery).slice(1, -1));
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
    expect(body.errors![0]!.message).not.toMatch(/unexpected error/i);
  });
});
