import { createGatewayRuntime, useCustomFetch } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { printGatewaySchema } from '../../src/schema';
import { asService, bearer, localGateway } from '../support/gateway';
import { signInDemoAccount } from '../support/tokens';
import { createOrdersSubgraph, ordersTypeDefs, type Order } from './orders-subgraph';

const COGNITO_URL = 'http://cognito.subgraph/graphql';
const ORDERS_URL = 'http://orders.subgraph/graphql';
const demo = inject('demo');
const demoPoolId = demo.pools[0]!.userPoolId;

/** Composition happens at import: a subgraph SDL that does not compose fails the whole suite. */
const composition = composeServices([
  { name: 'cognito', typeDefs: parse(printGatewaySchema()), url: COGNITO_URL },
  { name: 'orders', typeDefs: parse(ordersTypeDefs), url: ORDERS_URL },
]);

describe('composition', () => {
  it('composes the printed subgraph beside another Relay subgraph (Node, PageInfo) without errors', () => {
    expect(composition.errors ?? []).toEqual([]);
    expect(composition.supergraphSdl).toContain('join__graph(name: "cognito"');
  });

  it('has one owner per root field: no node to clash, our lookups ours', () => {
    const supergraph = composition.supergraphSdl ?? '';
    expect(supergraph).not.toMatch(/^\s+node\(/m);
    expect(supergraph).toMatch(/^\s+orders: \[Order!\]!.*@join__field\(graph: ORDERS\)/m);
    expect(supergraph).toMatch(/^\s+userPools\(.*@join__field\(graph: COGNITO\)/m);
  });
});

describe('end to end through a gateway runtime', () => {
  const cognito = localGateway();
  let orders: Order[];
  let subOf: Map<string, string>;
  let router: ReturnType<typeof createGatewayRuntime>;
  let adminToken: string;
  let userToken: string;

  beforeAll(async () => {
    const listed = await cognito.query(
      `query ($id: String!) { userPool(userPoolId: $id) { group(name: "admins") { members(first: 10) { edges { node { username sub } } } } } }`,
      {
        id: demoPoolId,
      },
    );
    const members = listed.data!.userPool.group.members.edges.map((edge: { node: { username: string; sub: string } }) => edge.node);
    subOf = new Map(members.map((member: { username: string; sub: string }) => [member.username, member.sub]));
    orders = members.flatMap((member: { sub: string }, index: number) => [
      { id: `o-${index}-a`, total: 10 + index, buyerSub: member.sub },
      { id: `o-${index}-b`, total: 20 + index, buyerSub: member.sub },
    ]);
    const ordersSubgraph = createOrdersSubgraph(orders);
    router = createGatewayRuntime({
      supergraph: composition.supergraphSdl!,
      logging: false,
      // A failure inside the router (not a subgraph's answer) shows its cause in the test output.
      maskedErrors: false,
      // What a router must forward for the caller model to hold: the user's token, or a service key.
      propagateHeaders: {
        fromClientToSubgraphs: ({ request }) => ({
          authorization: request.headers.get('authorization'),
          'x-service-key': request.headers.get('x-service-key'),
        }),
      },
      plugins: () => [
        useCustomFetch((url, init) => {
          const target = url.startsWith(COGNITO_URL) ? cognito.gateway : url.startsWith(ORDERS_URL) ? ordersSubgraph : undefined;
          if (!target) throw new Error(`no subgraph at ${url}`);
          return target.fetch(url, init as RequestInit) as Promise<Response>;
        }),
      ],
    });
    adminToken = (await signInDemoAccount(cognito.gateway, demo, 'administrator')).accessToken;
    userToken = (await signInDemoAccount(cognito.gateway, demo, 'user')).accessToken;
  });

  async function ask(headers: Record<string, string>, query: string) {
    const response = await router.fetch('http://router.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }

  const CROSSING = /* GraphQL */ `
    {
      orders {
        id
        total
        buyer {
          sub
          username
          email
          groups(first: 5) {
            edges {
              node {
                name
                members(first: 3) {
                  edges {
                    node {
                      username
                      orders {
                        id
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

  it('starts in orders, crosses into User and Group by key, and back into orders for members', async () => {
    const answer = await ask(bearer(adminToken), CROSSING);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.orders).toHaveLength(orders.length);
    for (const order of answer.data.orders) {
      const expected = orders.find((o) => o.id === order.id)!;
      expect(order.buyer.sub).toBe(expected.buyerSub);
      expect(subOf.get(order.buyer.username)).toBe(expected.buyerSub);
      expect(order.buyer.email).toBe(`${order.buyer.username}@example.com`);
      const admins = order.buyer.groups.edges.find((edge: { node: { name: string } }) => edge.node.name === 'admins');
      expect(admins).toBeDefined();
      // Back into orders: every admin member shown has exactly the orders the orders subgraph holds.
      for (const { node: member } of admins.node.members.edges) {
        const theirs = orders.filter((o) => o.buyerSub === subOf.get(member.username)).map((o) => ({ id: o.id }));
        expect(member.orders).toEqual(theirs);
      }
    }
  });

  it('holds the caller model through the router: a plain user’s forwarded token cannot read User fields', async () => {
    const answer = await ask(bearer(userToken), '{ orders { id buyer { email } } }');
    expect(answer.errors?.length).toBeGreaterThan(0);
    expect(answer.errors!.map((error) => error.extensions?.['code'])).toContain('FORBIDDEN');
    expect(JSON.stringify(answer.data ?? {})).not.toContain('@example.com');
    const anonymous = await ask({}, '{ orders { id buyer { email } } }');
    expect(anonymous.errors!.map((error) => error.extensions?.['code'])).toContain('UNAUTHENTICATED');
  });

  it('one Node interface over both subgraphs: Relay’s `... on Node { id }` reads an order’s id and its buyer’s', async () => {
    const answer = await ask(asService, '{ orders { __typename ... on Node { id } buyer { __typename ... on Node { id } username } } }');
    expect(answer.errors).toBeUndefined();
    const [first] = answer.data.orders;
    expect(first).toMatchObject({ __typename: 'Order', id: orders[0]!.id, buyer: { __typename: 'User' } });
    const direct = await cognito.query('query ($id: ID!) { node(id: $id) { ... on User { username } } }', { id: first.buyer.id });
    expect(direct.data?.node).toEqual({ username: first.buyer.username });
  });

  it('serves a router holding a service key as an administrator', async () => {
    const answer = await ask(asService, '{ orders { buyer { username } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data.orders.map((order: { buyer: { username: string } }) => subOf.get(order.buyer.username))).toEqual(
      orders.map((o) => o.buyerSub),
    );
  });
});
