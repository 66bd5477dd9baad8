import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { printGatewaySchema } from '../../src/schema';
import { TEST_SERVICE_KEY, localGateway } from '../support/gateway';
import { signInDemoAccount } from '../support/tokens';
import { createOrdersSubgraph, ordersTypeDefs, type Order } from './orders-subgraph';

/**
 * The subgraph behind Apollo's own router code: composed by @apollo/composition with the orders
 * subgraph (which has Node and PageInfo of its own) and served by Apollo Gateway in an Apollo
 * Server. Apollo Gateway drops any subgraph answer that is not 2xx, so a plain user's partial
 * answer reaches the client only because the gateway answers 200 whenever there is data.
 */

const COGNITO_URL = 'http://cognito.subgraph/graphql';
const ORDERS_URL = 'http://orders.subgraph/graphql';
const demo = inject('demo');
const demoPoolId = demo.pools[0]!.userPoolId;

interface Caller {
  authorization?: string;
  serviceKey?: string;
}

const cognito = localGateway();
let server: ApolloServer<Caller>;
let orders: Order[];
let userToken: string;

beforeAll(async () => {
  const composed = composeServices([
    { name: 'cognito', typeDefs: parse(printGatewaySchema()), url: COGNITO_URL },
    { name: 'orders', typeDefs: parse(ordersTypeDefs), url: ORDERS_URL },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  const listed = await cognito.query(
    `query ($id: String!) { userPool(userPoolId: $id) { group(name: "admins") { members(first: 3) { edges { node { sub } } } } } }`,
    { id: demoPoolId },
  );
  orders = listed.data!.userPool.group.members.edges.map((edge: { node: { sub: string } }, index: number) => ({
    id: `o-${index}`,
    total: 10 + index,
    buyerSub: edge.node.sub,
  }));
  const ordersSubgraph = createOrdersSubgraph(orders);
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<Caller>({
        url,
        // In process: each subgraph's own fetch, as a socket would carry it.
        fetcher: ((target: string, init: RequestInit) =>
          (target.startsWith(COGNITO_URL) ? cognito.gateway : ordersSubgraph).fetch(target, init)) as never,
        willSendRequest: ({ request, context }) => {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          if (context.serviceKey) request.http?.headers.set('x-service-key', context.serviceKey);
        },
      }),
  });
  server = new ApolloServer<Caller>({ gateway });
  await server.start();
  userToken = (await signInDemoAccount(cognito.gateway, demo, 'user')).accessToken;
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function ask(caller: Caller, query: string) {
  const response = await server.executeOperation({ query }, { contextValue: caller });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe('through Apollo Gateway', () => {
  it('one Node interface over both subgraphs: Relay’s `... on Node { id }` reads an order’s id and its buyer’s', async () => {
    const answer = await ask(
      { serviceKey: TEST_SERVICE_KEY },
      '{ orders { __typename ... on Node { id } buyer { __typename ... on Node { id } username } } }',
    );
    expect(answer.errors).toBeUndefined();
    const [first] = answer.data.orders;
    expect(first).toMatchObject({ __typename: 'Order', id: orders[0]!.id, buyer: { __typename: 'User' } });
    // The buyer's global id is the gateway's own: node(id:) of the gateway, called directly, finds the same user.
    const direct = await cognito.query('query ($id: ID!) { node(id: $id) { ... on User { username } } }', { id: first.buyer.id });
    expect(direct.data?.node).toEqual({ username: first.buyer.username });
  });

  it('an administrator (the router’s service key) crosses from orders into users and their groups', async () => {
    const answer = await ask(
      { serviceKey: TEST_SERVICE_KEY },
      '{ orders { id buyer { sub username groups(first: 5) { edges { node { name } } } } } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.orders.map((order: { buyer: { sub: string } }) => order.buyer.sub)).toEqual(orders.map((o) => o.buyerSub));
    for (const order of answer.data.orders) expect(order.buyer.groups.edges.map((e: any) => e.node.name)).toContain('admins');
  });

  it('a plain user gets its viewer and the orders, with FORBIDDEN only where it may not read', async () => {
    const answer = await ask(
      { authorization: `Bearer ${userToken}` },
      '{ viewer { username } orders { id } userPools(first: 1) { edges { node { name } } } }',
    );
    expect(answer.data.viewer.username).toBe(demo.accounts.find((account) => account.role === 'user')!.username);
    expect(answer.data.orders).toHaveLength(orders.length);
    expect(answer.data.userPools).toBeNull();
    expect(answer.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
  });
});
