/**
 * Relay connections as the gateway serves them, whatever list they page: the shapes the one
 * connection helper (src/cognito/connection.ts) builds and the schema's connection fields return.
 */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageInfo {
  /**
   * A promise where knowing it takes one more read: Cognito may hand out a continuation token with
   * nothing behind it, so a full page ending on a token is followed only if the client asks.
   */
  readonly hasNextPage: boolean | Promise<boolean>;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface Edge<Node> {
  /** Signed when read: most queries ask for nodes only, and signing is the helper's main cost. */
  readonly cursor: string;
  readonly node: Node;
}

export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfo;
}

/**
 * A connection as Pothos's connection fields take it. Pothos types `PageInfo.hasNextPage` as a
 * boolean; GraphQL awaits a promise in any field, and that is what keeps the read-ahead lazy.
 */
export type RelayConnection<Node> = Omit<Connection<Node>, 'pageInfo'> & {
  pageInfo: Omit<PageInfo, 'hasNextPage'> & { hasNextPage: boolean };
};

export function forRelay<Node>(connection: Connection<Node>): RelayConnection<Node> {
  return connection as RelayConnection<Node>;
}
