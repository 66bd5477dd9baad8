/** What GraphiQL opens with: sign in, then the pools, then a pool's users a page at a time. */
export interface GraphiqlExample {
  userPoolId: string;
  clientId: string;
  username: string;
  password: string;
}

/** Literal arguments, not variables: GraphiQL ignores the variables of the tab it opens on. */
function signInMutation(example: GraphiqlExample): string {
  const literal = (value: string) => JSON.stringify(value);
  return `# Administrative fields need a signed-in administrator.
# Run this, then paste tokens.accessToken into the Headers of the next tabs.
mutation SignIn {
  initiateAuth(input: {
    clientId: ${literal(example.clientId)}
    username: ${literal(example.username)}
    password: ${literal(example.password)}
    authFlow: USER_PASSWORD_AUTH
  }) {
    __typename
    ... on InitiateAuthPayload { tokens { accessToken expiresIn } challenge { name } }
    ... on CognitoError { code message }
  }
}
`;
}

const poolsQuery = /* GraphQL */ `
  # The user pools this gateway sees.
  query Pools {
    userPools(first: 10) {
      edges {
        node {
          userPoolId
          name
          groups(first: 10) {
            edges {
              node {
                name
                description
              }
            }
          }
          clients(first: 10) {
            edges {
              node {
                clientId
                name
                hasSecret
              }
            }
          }
        }
      }
    }
  }
`;

const usersQuery = /* GraphQL */ `
  # Users with their groups, 7 at a time.
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
            groups(first: 10) {
              edges {
                node {
                  name
                }
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

const placeholder: GraphiqlExample = {
  userPoolId: 'eu-west-1_XXXXXXXXX',
  clientId: 'your-app-client-id',
  username: 'an-administrator',
  password: '',
};

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function graphiqlTabs(example: GraphiqlExample = placeholder) {
  const authorization = json({ Authorization: 'Bearer <tokens.accessToken from the SignIn tab>' });
  return [
    { query: signInMutation(example) },
    { query: poolsQuery, headers: authorization },
    { query: usersQuery, variables: json({ userPoolId: example.userPoolId, after: null }), headers: authorization },
  ];
}
