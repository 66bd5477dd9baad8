import { GraphQLError } from 'graphql';
import type { CognitoCall } from './call';
import type { InputOf } from './commands';
import { connectionBinding, type CursorCodec, type CursorPosition } from './cursor';
import { listOperations, type ListInput, type ListItem, type ListOperationName } from './list-operations';

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfo;
}

export interface PagingOptions {
  codec: CursorCodec;
  /** Largest `first` accepted (documented cap). */
  maxSize: number;
  /** `first` when the client gives none. */
  defaultSize: number;
  /**
   * Most Cognito pages one connection field may fetch. Cognito can answer short or empty pages
   * before the end (ListUsers with a filter does), so pages are followed until `first` is filled,
   * but never without bound.
   */
  maxPagesPerField: number;
}

/**
 * The one connection helper: serves `first`/`after` over any Cognito list operation by following
 * its continuation tokens. Fetches one item beyond `first`, so `hasNextPage` is exact even when
 * Cognito hands out a token with nothing behind it.
 */
export async function listConnection<Name extends ListOperationName>(
  call: CognitoCall,
  paging: PagingOptions,
  operation: Name,
  input: ListInput<Name>,
  args: ConnectionArgs,
): Promise<Connection<ListItem<Name>>> {
  const first = checkArgs(args, paging);
  const binding = connectionBinding(operation, input);
  const start: CursorPosition = args.after
    ? paging.codec.decode(args.after, binding)
    : { kind: 'page', token: null, pageSize: maxPageSize(operation), offset: 0 };
  const hasPreviousPage = Boolean(args.after);
  if (start.kind === 'end') return emptyConnection(hasPreviousPage);

  const wanted = first + 1;
  const collected: { cursor: string; node: ListItem<Name> }[] = [];
  let position = start;
  for (let pages = 0; collected.length < wanted; pages++) {
    if (pages === paging.maxPagesPerField) throw tooManyPages(operation, pages);
    const page = await fetchPage(call, operation, input, position);
    page.items.slice(position.offset).forEach((node, index, rest) => {
      if (collected.length === wanted) return;
      const isLastOfPage = index === rest.length - 1;
      const after: CursorPosition = !isLastOfPage
        ? { ...position, offset: position.offset + index + 1 }
        : page.nextToken
          ? { kind: 'page', token: page.nextToken, pageSize: maxPageSize(operation), offset: 0 }
          : { kind: 'end' };
      collected.push({ cursor: paging.codec.encode(binding, after), node });
    });
    if (!page.nextToken) break;
    position = { kind: 'page', token: page.nextToken, pageSize: maxPageSize(operation), offset: 0 };
  }

  const edges = collected.slice(0, first);
  return {
    edges,
    pageInfo: {
      hasNextPage: collected.length > first,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * A connection over a list read whole by other means (see membership.ts). Only for clients that
 * asked for no cursor: a cursor names a position in a Cognito list, and this list has none.
 */
export function wholeListConnection<Node>(nodes: readonly Node[], args: ConnectionArgs, paging: PagingOptions): Connection<Node> {
  const first = checkArgs(args, paging);
  return {
    edges: nodes.slice(0, first).map((node) => ({ cursor: '', node })),
    pageInfo: { hasNextPage: nodes.length > first, hasPreviousPage: false, startCursor: null, endCursor: null },
  };
}

export function mapConnection<From, To>(connection: Connection<From>, map: (node: From) => To): Connection<To> {
  return { ...connection, edges: connection.edges.map(({ cursor, node }) => ({ cursor, node: map(node) })) };
}

async function fetchPage<Name extends ListOperationName>(
  call: CognitoCall,
  operation: Name,
  input: ListInput<Name>,
  position: Extract<CursorPosition, { kind: 'page' }>,
): Promise<{ items: ListItem<Name>[]; nextToken: string | undefined }> {
  const spec = listOperations[operation];
  const request = {
    ...input,
    [spec.pageSize]: position.pageSize,
    ...(position.token ? { [spec.token]: position.token } : {}),
  } as unknown as InputOf<Name>;
  const output = (await call(operation, request)) as Record<string, unknown>;
  const items = (output[spec.items] ?? []) as ListItem<Name>[];
  const nextToken = output[spec.token];
  return { items, nextToken: typeof nextToken === 'string' && nextToken !== '' ? nextToken : undefined };
}

function maxPageSize(operation: ListOperationName): number {
  return listOperations[operation].maxPageSize;
}

function checkArgs(args: ConnectionArgs, paging: PagingOptions): number {
  for (const argument of ['last', 'before'] as const) {
    if (args[argument] != null) {
      throw new GraphQLError(
        `Argument \`${argument}\` is not supported: Cognito lists can only be read forwards. Page with \`first\` and \`after\`.`,
        { extensions: { code: 'BACKWARD_PAGINATION_UNSUPPORTED', argument } },
      );
    }
  }
  const first = args.first ?? paging.defaultSize;
  if (!Number.isInteger(first) || first < 0) {
    throw new GraphQLError('Argument `first` must be a whole number of 0 or more.', {
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  }
  if (first > paging.maxSize) {
    throw new GraphQLError(
      `Argument \`first\` is ${first}, above the limit of ${paging.maxSize} items per connection. Ask for fewer and page on with \`after\`.`,
      { extensions: { code: 'CONNECTION_TOO_LARGE', argument: 'first', limit: paging.maxSize } },
    );
  }
  return first;
}

function emptyConnection<Node>(hasPreviousPage: boolean): Connection<Node> {
  return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage, startCursor: null, endCursor: null } };
}

function tooManyPages(operation: string, pages: number): GraphQLError {
  return new GraphQLError(
    `${operation} returned ${pages} pages without filling the connection; ask for fewer items or narrow the filter.`,
    { extensions: { code: 'PAGE_LIMIT_REACHED', operation, pages } },
  );
}
