/**
 * A third subgraph, written for the tests, as a company's own accounts service would be: it has
 * its own `Error` interface (with other fields than the gateway's), its own `Viewer`, and Relay's
 * `Node` and `PageInfo` as every Relay subgraph does. The gateway's subgraph must compose beside it.
 */
export const accountsTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable"])

  interface Node {
    id: ID!
  }

  interface Error {
    message: String!
    status: Int!
  }

  type PageInfo @shareable {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type AccountNotFound implements Error {
    message: String!
    status: Int!
  }

  type Account implements Node @key(fields: "id") {
    id: ID!
    plan: String!
  }

  type Viewer {
    account: Account
    locale: String!
  }

  union MeResult = Viewer | AccountNotFound

  type Query {
    me: MeResult!
  }
`;
