/** What GraphiQL opens with: the pools, then a pool's users a page at a time. */
const poolsQuery = /* GraphQL */ `# The user pools this gateway sees. Open the next tab to page through a pool's users.
query Pools {
  userPools(first: 10) {
    edges {
      node {
        userPoolId
        name
        groups(first: 10) { edges { node { name description } } }
        clients(first: 10) { edges { node { clientId name hasSecret } } }
      }
    }
  }
}
`;

const usersQuery = /* GraphQL */ `# Users with their groups, 7 at a time.
# To page on, copy pageInfo.endCursor into "after" below.
query Users($userPoolId: String!, $after: String) {
  userPool(userPoolId: $userPoolId) {
    name
    users(first: 7, after: $after) {
      edges {
        node {
          username
          email
          status
          enabled
          groups(first: 10) { edges { node { name } } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}
`;

export function graphiqlTabs(exampleUserPoolId = 'eu-west-1_XXXXXXXXX') {
  return [
    { query: poolsQuery },
    { query: usersQuery, variables: JSON.stringify({ userPoolId: exampleUserPoolId, after: null }, null, 2) },
  ];
}
