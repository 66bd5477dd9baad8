import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

/**
 * A second subgraph written for the tests: orders that reference User by `sub` (what a service
 * knows from a token) and extend User with its orders. It also defines Relay's PageInfo and Node,
 * as other Relay subgraphs of a company supergraph do, so composition beside them is tested.
 */
export const ordersTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable"])

  interface Node {
    id: ID!
  }

  type PageInfo @shareable {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type Order implements Node @key(fields: "id") {
    id: ID!
    total: Float!
    buyer: User!
  }

  type User @key(fields: "sub") {
    sub: String!
    orders: [Order!]!
  }

  type Query {
    orders: [Order!]!
  }
`;

export interface Order {
  id: string;
  total: number;
  buyerSub: string;
}

export function createOrdersSubgraph(orders: Order[]) {
  const schema = buildSubgraphSchema({
    typeDefs: parse(ordersTypeDefs),
    resolvers: {
      Query: { orders: () => orders },
      Order: { buyer: (order: Order) => ({ sub: order.buyerSub }) },
      User: {
        __resolveReference: (user: { sub: string }) => user,
        orders: (user: { sub: string }) => orders.filter((order) => order.buyerSub === user.sub),
      },
    },
  });
  return createYoga({ schema, logging: false, maskedErrors: false });
}
