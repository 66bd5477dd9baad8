/** What GraphiQL's preset tabs and sign-in bar start with: the demo pool and administrator in embedded mode. */
export interface GraphiqlExample {
  userPoolId: string;
  clientId: string;
  username: string;
  /** The demo administrator's published password; production has none to show. */
  password: string;
}

export interface GraphiqlTab {
  query: string;
  variables?: string;
  headers?: string;
}

const poolsQuery = /* GraphQL */ `
  # The user pools this gateway sees, with groups and
  # app clients. Every tab sends the token of the sign-in
  # bar above, unless its Headers set an Authorization.
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
  # Users with their groups, 7 at a time. To page on,
  # copy pageInfo.endCursor into "after" in Variables.
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

const meQuery = /* GraphQL */ `
  # Who the signed-in user is, read with their own token.
  query Me {
    viewer {
      username
      sub
      email
    }
  }
`;

const signInMutation = /* GraphQL */ `
  # The sign-in bar above does this for you, and every
  # tab then sends the token. This tab shows what an
  # application calls: tokens also has accessToken,
  # idToken and refreshToken; a challenge (challenge
  # { name session }) is answered with
  # respondToAuthChallenge.
  mutation SignIn($input: InitiateAuthInput!) {
    initiateAuth(input: $input) {
      __typename
      ... on InitiateAuthPayload {
        tokens {
          expiresIn
          tokenType
        }
        challenge {
          name
        }
      }
      ... on CognitoError {
        code
        message
      }
    }
  }
`;

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** A query as written above, without its leading blank line and source indentation. */
function tidy(query: string): string {
  const lines = query.replace(/^\n/, '').trimEnd().split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length));
  return `${lines.map((line) => line.slice(indent)).join('\n')}\n`;
}

/**
 * The preset tabs, built from the ids of this start (a re-seeded demo has new ones). Ids travel as
 * variables, never inside queries, so that an edited query keeps working with the next ids.
 */
export function graphiqlTabs(example: Partial<GraphiqlExample> = {}): GraphiqlTab[] {
  const pool = example.userPoolId ?? 'eu-west-1_XXXXXXXXX';
  const signIn = {
    clientId: example.clientId ?? 'your-app-client-id',
    username: example.username ?? 'your-username',
    password: example.password ?? '',
    authFlow: 'USER_PASSWORD_AUTH',
  };
  return [
    { query: tidy(poolsQuery) },
    { query: tidy(usersQuery), variables: json({ userPoolId: pool, after: null }) },
    { query: tidy(meQuery) },
    { query: tidy(signInMutation), variables: json({ input: signIn }) },
  ];
}
