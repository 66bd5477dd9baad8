/** What GraphiQL shows first: the pools, and a page of the first pool's users with their groups. */
export const graphiqlDefaultQuery = /* GraphQL */ `# Welcome to cognito-graphql-gateway.
# Run this query, then page on: copy pageInfo.endCursor into \`after\`.
query Directory($after: String) {
  userPools(first: 5) {
    edges {
      node {
        userPoolId
        name
        estimatedNumberOfUsers
        groups(first: 10) { edges { node { name description } } }
        users(first: 7, after: $after) {
          edges {
            node {
              username
              email
              status
              enabled
              groups(first: 5) { edges { node { name } } }
            }
          }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
}
`;
