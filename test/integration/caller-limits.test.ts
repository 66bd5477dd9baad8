import { beforeAll, describe, expect, inject, it } from 'vitest';
import { asService, bearer, localGateway, type GraphQLResponse } from '../support/gateway';
import { signInDemoAccount, webAppClient, type SignedIn } from '../support/tokens';

/**
 * Per-caller limits and the per-request call budget, through HTTP and the real SDK to
 * cognito-local: the audit's batches (10 operations × 30 aliases) as a signed-in user and as an
 * administrator. Each gateway here is made for the test, so its limiters start empty. Read-only.
 */

const demo = inject('demo');
const demoPoolId = webAppClient(demo).userPoolId;
const json = { 'content-type': 'application/json', accept: 'application/json' };

interface Answer {
  status: number;
  headers: Headers;
  body: GraphQLResponse | GraphQLResponse[];
}

async function postBatch(
  gateway: ReturnType<typeof localGateway>['gateway'],
  operations: unknown[],
  headers: Record<string, string>,
): Promise<Answer> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify(operations),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse | GraphQLResponse[] };
}

const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const batchOf = (operations: number, query: string) => Array.from({ length: operations }, () => ({ query }));

describe('per-caller limit on Cognito calls (SELF_SERVICE_CALL_LIMIT, ADMIN_CALL_LIMIT)', () => {
  const { gateway, query } = localGateway();
  let user: SignedIn;
  beforeAll(async () => {
    user = await signInDemoAccount(gateway, demo, 'user');
  });

  it('a signed-in user’s batch of 10 × 30 viewer aliases gets 30 GetUser calls; the other 270 fields are refused naming the limit, and an administrator is still served', async () => {
    const answer = await postBatch(gateway, batchOf(10, aliased(30, 'viewer { username }')), bearer(user.accessToken));
    expect(answer.status).toBe(200);
    const results = answer.body as GraphQLResponse[];
    expect(results).toHaveLength(10);
    const calls = results.reduce((sum, result) => sum + (result.extensions?.cognitoCalls?.total ?? 0), 0);
    expect(calls).toBe(30);
    const served = results.flatMap((result) => Object.values(result.data ?? {}).filter((value) => value !== null));
    expect(served).toHaveLength(30);
    expect(served[0]).toEqual({ username: 'demo.user' });
    const errors = results.flatMap((result) => result.errors ?? []);
    expect(errors).toHaveLength(270);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'SELF_SERVICE_CALL_LIMIT' });
      expect(error.message).toMatch(
        /^Too many Cognito calls by this signed-in user: SELF_SERVICE_CALL_LIMIT allows 30 a minute; retry in \d+ s\.$/,
      );
    }

    // The same user's next request is refused before Cognito, with Retry-After; the administrator is another caller.
    const again = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { ...json, ...bearer(user.accessToken) },
      body: JSON.stringify({ query: '{ viewer { username } }' }),
    });
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    const refused = (await again.json()) as GraphQLResponse;
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.extensions?.cognitoCalls?.total).toBe(0);
    const admin = await query<{ user: { username: string } }>(`{ user(userPoolId: "${demoPoolId}", username: "demo.user") { username } }`);
    expect(admin.errors).toBeUndefined();
    expect(admin.data?.user.username).toBe('demo.user');
  });

  it('an administrator’s limit is its own, by service key: another key’s calls do not count against it', async () => {
    const otherKey = 'another-service-key-0123456789abcdef-012345';
    const limited = localGateway({
      callerLimits: { selfServicePerMinute: 30, adminPerMinute: 3 },
      serviceKeys: [asService['x-service-key'], otherKey],
    });
    const many = await postBatch(
      limited.gateway,
      Array.from({ length: 4 }, (_, i) => ({ query: `{ user(userPoolId: "${demoPoolId}", username: "user${i}") { username } }` })),
      asService,
    );
    const codes = (many.body as GraphQLResponse[]).flatMap((result) => (result.errors ?? []).map((error) => error.extensions?.limit));
    // One AdminGetUser each: the fourth is refused, naming the administrators' limit.
    expect(codes).toEqual(['ADMIN_CALL_LIMIT']);
    const other = await postBatch(limited.gateway, [{ query: `{ userPool(userPoolId: "${demoPoolId}") { name } }` }], {
      'x-service-key': otherKey,
    });
    expect((other.body as GraphQLResponse[])[0]!.errors).toBeUndefined();
  });
});

describe('one budget of Cognito calls per HTTP request (MAX_CALLS_PER_REQUEST)', () => {
  const { gateway } = localGateway();
  const mfaOfUsers = `{ userPool(userPoolId: "${demoPoolId}") { users(first: 60) { edges { node { username mfa { enabled } } } } } }`;

  it('refuses upfront, with CALL_BUDGET_EXCEEDED and no call, an administrator’s batch whose per-item calls sum over the budget', async () => {
    // Each operation: 1 lookup + 2 pages + 60 AdminGetUser = 63; ten of them 630, over 500.
    const answer = await postBatch(gateway, batchOf(10, mfaOfUsers), asService);
    expect(answer.status).toBe(400);
    const body = answer.body as GraphQLResponse;
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'CALL_BUDGET_EXCEEDED', estimatedCalls: 630, limit: 500 });
    expect(body.errors![0]!.message).toMatch(
      /^This request may make 630 Cognito calls \((63 \+ ){9}63 over its 10 operations\), over the 500 MAX_CALLS_PER_REQUEST allows; nothing was sent\./,
    );
    expect(body.extensions?.cognitoCalls).toBeUndefined();
  });

  it('serves a batch that fits, with its per-item calls', async () => {
    const answer = await postBatch(gateway, batchOf(2, mfaOfUsers), asService);
    expect(answer.status).toBe(200);
    for (const result of answer.body as GraphQLResponse[]) {
      expect(result.errors).toBeUndefined();
      expect(result.extensions?.cognitoCalls?.byOperation['AdminGetUser']).toBeGreaterThan(0);
    }
  });

  it('a single operation is held to the same budget: 30 aliased user lists with mfa are refused', async () => {
    const answer = await postBatch(
      gateway,
      [{ query: aliased(30, `userPool(userPoolId: "${demoPoolId}") { users(first: 20) { edges { node { mfa { enabled } } } } }`) }],
      asService,
    );
    expect(answer.status).toBe(400);
    expect((answer.body as GraphQLResponse).errors![0]!.extensions).toMatchObject({
      code: 'CALL_BUDGET_EXCEEDED',
      estimatedCalls: 30 * 22,
    });
  });
});
