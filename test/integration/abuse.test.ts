import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { asService, localGateway, type GraphQLResponse } from '../support/gateway';
import { webAppClient } from '../support/tokens';

/**
 * Requests a hostile or careless client might send, through `gateway.fetch` with headers set by
 * hand: over-deep, over-wide and over-costly queries, batches, CSRF-able requests, schema
 * discovery, cross-origin callers. Each is refused with a clear answer; a control next to each
 * shows the same kind of request within the limits is served. Read-only.
 */

const URL = 'http://gateway.test/graphql';
const demo = inject('demo');
const web = webAppClient(demo);
const demoPoolId = web.userPoolId;
const { gateway } = localGateway();
/** The query cost limit alone: the Cognito call budget (MAX_CALLS_PER_REQUEST) would refuse these queries first. */
const { gateway: complexityOnly } = localGateway({ limits: { ...loadConfig({}).limits, callsPerRequest: Number.MAX_SAFE_INTEGER } });

const json = { 'content-type': 'application/json', accept: 'application/json' };
const CSRF = { 'x-graphql-yoga-csrf': '1' };

interface Answer<Body = GraphQLResponse> {
  status: number;
  headers: Headers;
  body: Body;
}

async function post<Body = GraphQLResponse>(
  body: unknown,
  headers: Record<string, string> = asService,
  target: { fetch: (typeof gateway)['fetch'] } = gateway,
): Promise<Answer<Body>> {
  const response = await target.fetch(URL, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
}

/** The one error of a request refused before execution: no data, no Cognito call. */
function refusedBeforeExecution(answer: Answer, message: RegExp) {
  const label = JSON.stringify(answer.body).slice(0, 500);
  expect(answer.body.data, label).toBeUndefined();
  expect(answer.body.errors, label).toHaveLength(1);
  expect(answer.body.errors![0]!.message, label).toMatch(message);
  // Execution never started, so no call log either.
  expect(answer.body.extensions?.cognitoCalls, label).toBeUndefined();
}

function served(answer: Answer, label: string) {
  expect(answer.status, label).toBe(200);
  expect(answer.body.errors, `${label}: ${JSON.stringify(answer.body.errors)}`).toBeUndefined();
  expect(answer.body.data, label).toBeDefined();
}

/** `levels` more `pool { users { edges { node { … } } } }` hops under a user of the demo pool. */
function nestedQuery(levels: number): string {
  let inner = '__typename';
  for (let i = 0; i < levels; i++) inner = `pool { users(first: 1) { edges { node { ${inner} } } } }`;
  return `{ userPool(userPoolId: "${demoPoolId}") { users(first: 1) { edges { node { ${inner} } } } } }`;
}

describe('query shape limits (graphql-armor)', () => {
  it('refuses a query nested deeper than 16 levels, and serves one within', async () => {
    const deep = await post({ query: nestedQuery(6) });
    refusedBeforeExecution(deep, /Query depth limit of 16 exceeded, found \d+/);
    expect(deep.body.errors![0]!.extensions?.code).toBe('QUERY_TOO_DEEP');
    served(await post({ query: nestedQuery(2) }), 'depth 13');
  });

  it('refuses 1000 aliases (and 31), serves 30', async () => {
    const aliases = (n: number) =>
      `{ userPools(first: 1) { edges { node { ${Array.from({ length: n }, (_, i) => `a${i}: name`).join(' ')} } } } }`;
    refusedBeforeExecution(await post({ query: aliases(1000) }), /Aliases limit of 30 exceeded, found 1000/);
    const justOver = await post({ query: aliases(31) });
    refusedBeforeExecution(justOver, /Aliases limit of 30 exceeded, found 31/);
    expect(justOver.body.errors![0]!.extensions?.code).toBe('TOO_MANY_ALIASES');
    served(await post({ query: aliases(30) }), '30 aliases');
  });

  it('refuses a document of more than 5000 tokens', async () => {
    const answer = await post({ query: `{ ${'__typename '.repeat(6000)}}` });
    refusedBeforeExecution(answer, /Token limit of 5000 exceeded/);
    expect(answer.body.errors![0]!.extensions?.code).toBe('QUERY_TOO_LONG');
    // Control: nearly 4000 tokens (distinct response names, so graphql's own overlap budget is not at stake).
    served(await post({ query: `{ ${Array.from({ length: 1300 }, (_, i) => `t${i}: __typename`).join(' ')} }` }), '3902 tokens');
  });

  it('refuses more than 10 directives, serves 10', async () => {
    // One directive per field, so only the count (not graphql's one-per-location rule) is at stake.
    const directives = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `d${i}: __typename @include(if: true)`).join(' ')} }`;
    refusedBeforeExecution(await post({ query: directives(11) }), /Directives limit of 10 exceeded, found 11/);
    served(await post({ query: directives(10) }), '10 directives');
  });

  it('keeps field suggestions to itself: a misspelt field is named, no "Did you mean"', async () => {
    const answer = await post({ query: '{ userPools(first: 1) { edges { node { nme } } } }' });
    refusedBeforeExecution(answer, /Cannot query field "nme" on type "UserPool"/);
    expect(answer.body.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.errors![0]!.message).not.toMatch(/Did you mean|"name"/);
  });
});

describe('batching', () => {
  const operations = (n: number) => Array.from({ length: n }, (_, i) => ({ query: `{ n${i}: __typename }` }));

  it('refuses a batch of 11 operations as a whole, with 413', async () => {
    const answer = await post<GraphQLResponse>(operations(11));
    expect(answer.status).toBe(413);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors![0]!.message).toBe('Batching is limited to 10 operations per request.');
    expect(answer.body.errors![0]!.extensions?.code).toBe('BAD_REQUEST');
  });

  it('serves a batch of 10, one answer per operation', async () => {
    const answer = await post<GraphQLResponse[]>(operations(10));
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(10);
    answer.body.forEach((result, i) => expect(result.data).toEqual({ [`n${i}`]: 'Query' }));
  });
});

describe('query cost (Pothos complexity)', () => {
  const tooComplex = /* GraphQL */ `
    {
      userPools(first: 1000) {
        edges {
          node {
            users(first: 1000) {
              edges {
                node {
                  groups(first: 60) {
                    edges {
                      node {
                        members(first: 60) {
                          edges {
                            node {
                              username
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  `;

  function refusedAsTooComplex(answer: Answer, fields: string[]) {
    const label = JSON.stringify(answer.body).slice(0, 500);
    // Refused at each root field, so the response has data (those fields, null): 200, as the GraphQL-over-HTTP spec asks.
    expect(answer.status, label).toBe(200);
    expect(
      answer.body.errors?.map((e) => e.extensions?.code),
      label,
    ).toEqual(fields.map(() => 'QUERY_TOO_COMPLEX'));
    expect(answer.body.errors![0]!.message, label).toMatch(/^Query complexity \d+ is over the limit of 25000; ask for fewer items\.$/);
    for (const field of fields) expect(answer.body.data?.[field], label).toBeNull();
    expect(answer.body.extensions?.cognitoCalls?.total, label).toBe(0);
  }

  it('refuses users × groups × members of 1000 × 60 × 60 before any Cognito call', async () => {
    refusedAsTooComplex(await post({ query: tooComplex }, asService, complexityOnly), ['userPools']);
  });

  it('counts `first` given as a variable, and refuses the whole operation even when its first field is cheap', async () => {
    refusedAsTooComplex(
      await post(
        {
          query:
            'query ($n: Int) { userPools(first: $n) { edges { node { users(first: $n) { edges { node { groups(first: 60) { edges { node { name } } } } } } } } } }',
          variables: { n: 1000 },
        },
        asService,
        complexityOnly,
      ),
      ['userPools'],
    );
    refusedAsTooComplex(
      await post(
        { query: `{ cheap: userPools(first: 1) { __typename } costly: ${tooComplex.trim().slice(1, -1)} }` },
        asService,
        complexityOnly,
      ),
      ['cheap', 'costly'],
    );
  });

  it('serves a query of moderate cost', async () => {
    const answer = await post({ query: '{ userPools(first: 1) { edges { node { users(first: 60) { edges { node { username } } } } } } }' });
    served(answer, 'moderate');
    expect(answer.body.extensions?.cognitoCalls?.total).toBeGreaterThan(0);
  });

  it('refuses an entity fetch of more representations than a connection may hold, before any call', async () => {
    const representations = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ __typename: 'User', userPoolId: demoPoolId, username: `nobody-${i}` }));
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    const tooMany = await post({ query, variables: { r: representations(1001) } }, asService, complexityOnly);
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations' });
    expect(tooMany.body.errors?.[0]?.message).toMatch(/1001 entities in one fetch is above the limit of 1000/);
    expect(tooMany.body.extensions?.cognitoCalls?.total).toBe(0);
    const some = await post({ query, variables: { r: representations(3) } });
    expect(some.body.data?._entities).toEqual([null, null, null]);
    expect(some.body.extensions?.cognitoCalls?.byOperation).toEqual({ AdminGetUser: 3 });
  });
});

describe('HTTP methods and CSRF', () => {
  const get = (query: string, headers: Record<string, string>) =>
    gateway.fetch(`${URL}?query=${encodeURIComponent(query)}`, { method: 'GET', headers: { accept: 'application/json', ...headers } });

  it('refuses a mutation over GET with 405, allowing POST', async () => {
    const response = await get('mutation { globalSignOut(input: {}) { __typename } }', { ...CSRF, ...asService });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    const body = (await response.json()) as GraphQLResponse;
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.message).toMatch(/Can only perform a mutation operation from a POST request/);
  });

  it('refuses a GET query without the x-graphql-yoga-csrf header (403) and serves it with the header', async () => {
    const without = await get('{ userPools(first: 1) { edges { node { name } } } }', asService);
    expect(without.status).toBe(403);
    expect(((await without.json()) as GraphQLResponse).errors![0]!.message).toBe('Required CSRF header(s) not present');

    const withHeader = await get('{ userPools(first: 1) { edges { node { name } } } }', { ...CSRF, ...asService });
    expect(withHeader.status).toBe(200);
    const body = (await withHeader.json()) as GraphQLResponse;
    expect(body.errors).toBeUndefined();
    expect(body.data?.['userPools'].edges).toHaveLength(1);
  });

  it.each([
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent('{ __typename }')}`],
    ['text/plain', JSON.stringify({ query: '{ __typename }' })],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--\r\n',
    ],
  ])('refuses a %s POST (a form a browser sends cross-site) without the CSRF header, with 403', async (contentType, body) => {
    const response = await gateway.fetch(URL, {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/json', ...asService },
      body,
    });
    expect(response.status).toBe(403);
    const answer = (await response.json()) as GraphQLResponse;
    expect(answer.data).toBeUndefined();
    expect(answer.errors![0]!.message).toBe('Required CSRF header(s) not present');
  });
});

describe('schema discovery', () => {
  const introspection = '{ __schema { queryType { name } } }';

  it('refuses introspection when created with introspection: false', async () => {
    const closed = localGateway({ introspection: false }).gateway;
    for (const query of [introspection, '{ __type(name: "Query") { name } }']) {
      const answer = await post({ query }, asService, closed);
      const label = JSON.stringify(answer.body);
      expect(answer.body.data, label).toBeUndefined();
      expect(answer.body.errors!.length, label).toBeGreaterThan(0);
      expect(answer.body.errors![0]!.message, label).toMatch(/GraphQL introspection has been disabled/);
      expect(answer.body.errors![0]!.extensions?.code, label).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    // __typename is no introspection: still answered.
    served(await post({ query: '{ __typename }' }, asService, closed), '__typename');
  });

  it('answers introspection when created with introspection: true', async () => {
    const open = localGateway({ introspection: true }).gateway;
    const answer = await post({ query: introspection }, {}, open);
    served(answer, 'introspection');
    expect(answer.body.data?.['__schema']).toEqual({ queryType: { name: 'Query' } });
  });

  it('serves no GraphiQL page when created with graphiql: false', async () => {
    const page = (target: typeof gateway) => target.fetch(URL, { method: 'GET', headers: { accept: 'text/html' } });
    const off = await page(localGateway({ graphiql: false }).gateway);
    expect(off.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect((await off.text()).toLowerCase()).not.toContain('<html');
    expect(off.status).not.toBe(200);

    // Control: the same request to a gateway with GraphiQL on gets the page.
    const on = await page(localGateway({ graphiql: true }).gateway);
    expect(on.status).toBe(200);
    expect(on.headers.get('content-type')).toMatch(/^text\/html/);
    await on.body?.cancel();
  });
});

describe('CORS allow-list', () => {
  const preflight = (target: typeof gateway, origin: string) =>
    target.fetch(URL, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
  const request = async (target: typeof gateway, origin: string) => {
    const response = await target.fetch(URL, {
      method: 'POST',
      headers: { ...json, origin },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await response.body?.cancel();
    return response;
  };

  it('allows the configured origin and no other (one origin configured)', async () => {
    const cors = localGateway({ corsOrigins: ['https://app.example'] }).gateway;
    for (const response of [await preflight(cors, 'https://app.example'), await request(cors, 'https://app.example')]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    }
    for (const response of [await preflight(cors, 'https://evil.example'), await request(cors, 'https://evil.example')]) {
      // The header names the allowed origin (a browser then blocks evil.example), never the caller's, never *.
      const allowed = response.headers.get('access-control-allow-origin');
      expect(allowed).not.toBe('https://evil.example');
      expect(allowed).not.toBe('*');
    }
  });

  it('echoes each listed origin and no other (several origins configured)', async () => {
    const cors = localGateway({ corsOrigins: ['https://app.example', 'https://admin.example'] }).gateway;
    expect((await preflight(cors, 'https://admin.example')).headers.get('access-control-allow-origin')).toBe('https://admin.example');
    expect((await request(cors, 'https://app.example')).headers.get('access-control-allow-origin')).toBe('https://app.example');
    for (const response of [await preflight(cors, 'https://evil.example'), await request(cors, 'https://evil.example')]) {
      const allowed = response.headers.get('access-control-allow-origin');
      expect(allowed).not.toBe('https://evil.example');
      expect(allowed).not.toBe('*');
    }
  });

  it('sends no CORS headers at all when no origin is configured', async () => {
    const response = await request(gateway, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('AUTH_DISABLED (embedded demo only)', () => {
  const pools = '{ userPools(first: 5) { edges { node { name } } } }';

  it('lets an anonymous caller read userPools when auth is disabled', async () => {
    const open = localGateway({ authDisabled: true }).gateway;
    const answer = await post({ query: pools }, {}, open);
    served(answer, 'anonymous, auth disabled');
    expect((answer.body.data?.['userPools'].edges as { node: { name: string } }[]).map((e) => e.node.name)).toEqual(
      expect.arrayContaining(demo.pools.map((p) => p.name)),
    );
  });

  it('control: the same anonymous request is refused when auth is on', async () => {
    const answer = await post({ query: pools }, {});
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.body.data?.['userPools']).toBeNull();
  });
});

describe('public flow rate limit', () => {
  it('refuses sign-ins over the per-address limit, before any Cognito call, whatever X-Forwarded-For says', async () => {
    const limited = localGateway({ publicFlowRateLimit: 2 }).gateway;
    const attempt = (headers: Record<string, string> = {}) =>
      post(
        {
          query: 'mutation ($input: InitiateAuthInput!) { initiateAuth(input: $input) { __typename ... on CognitoError { code } } }',
          variables: {
            input: {
              authFlow: 'USER_PASSWORD_AUTH',
              clientId: web.clientId,
              username: 'no-such-user-rate-limit',
              password: 'Wrong#Password1',
            },
          },
        },
        headers,
        limited,
      );
    for (let i = 0; i < 2; i++) {
      const answer = await attempt();
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
      expect(answer.body.extensions?.cognitoCalls?.total).toBe(1);
    }
    // The proxy header is not trusted by default: a made-up address does not reset the count.
    const headerSets: Record<string, string>[] = [{}, { 'x-forwarded-for': '203.0.113.7' }];
    for (const headers of headerSets) {
      const answer = await attempt(headers);
      const label = JSON.stringify(answer.body);
      expect(answer.body.errors?.[0]?.extensions?.code, label).toBe('RATE_LIMITED');
      expect(answer.body.errors?.[0]?.message, label).toMatch(/Too many sign-up or sign-in requests from this address; retry in \d+ s\./);
      expect(answer.body.extensions?.cognitoCalls?.total, label).toBe(0);
    }
  });
});
