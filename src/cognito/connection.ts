import type { Connection, ConnectionArgs, Edge, PageInfo } from '../domain/connection';
import { GatewayError } from '../domain/gateway-error';
import type { CognitoCall } from './call';
import type { InputOf } from './commands';
import { connectionBinding, type CursorCodec, type CursorPosition } from './cursor';
import { listOperations, type ListInput, type ListItem, type ListOperationName } from './list-operations';

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

type PagePosition = Extract<CursorPosition, { kind: 'page' }>;

/**
 * The one connection helper: serves `first`/`after` over any Cognito list operation by following
 * its continuation tokens until `first` items are read. Whether more follow is exact: read from
 * the next page, lazily, only when the page ended on a token and the client selects `hasNextPage`.
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
  const start: CursorPosition = args.after ? paging.codec.decode(args.after, binding) : firstPage(operation);
  const hasPreviousPage = Boolean(args.after);
  if (start.kind === 'end') return new ReadConnection([], false, hasPreviousPage);

  const encode = (position: CursorPosition) => () => paging.codec.encode(binding, position);
  const edges: LazyEdge<ListItem<Name>>[] = [];
  let position: PagePosition = start;
  let pages = 0;
  let hasNextPage: boolean | (() => Promise<boolean>) = () => anyItemFrom(start);
  const fetch = async (at: PagePosition) => {
    if (pages === paging.maxPagesPerField) throw tooManyPages(operation, pages);
    pages += 1;
    return fetchPage(call, operation, input, at);
  };
  // Whether anything follows `from`: pages may be empty yet carry a token, so follow them.
  const anyItemFrom = async (from: PagePosition): Promise<boolean> => {
    for (let at = from; ;) {
      const page = await fetch(at);
      if (page.items.length > at.offset) return true;
      if (!page.nextToken) return false;
      at = pageAfter(operation, page.nextToken);
    }
  };

  while (edges.length < first) {
    const page = await fetch(position);
    const items = page.items.slice(position.offset);
    const taken = items.slice(0, first - edges.length);
    taken.forEach((node, index) => {
      const after: CursorPosition =
        index < items.length - 1
          ? { ...position, offset: position.offset + index + 1 }
          : page.nextToken
            ? pageAfter(operation, page.nextToken)
            : { kind: 'end' };
      edges.push(new LazyEdge(node, encode(after)));
    });
    if (taken.length < items.length) {
      hasNextPage = true;
      break;
    }
    if (!page.nextToken) {
      hasNextPage = false;
      break;
    }
    const next = pageAfter(operation, page.nextToken);
    hasNextPage = () => anyItemFrom(next);
    position = next;
  }
  return new ReadConnection(edges, hasNextPage, hasPreviousPage);
}

class LazyEdge<Node> implements Edge<Node> {
  private encoded: string | undefined;
  constructor(
    readonly node: Node,
    private readonly encode: () => string,
  ) {}
  get cursor(): string {
    this.encoded ??= this.encode();
    return this.encoded;
  }
}

class ReadConnection<Node> implements Connection<Node> {
  readonly pageInfo: PageInfo;
  constructor(
    readonly edges: Edge<Node>[],
    hasNextPage: boolean | (() => Promise<boolean>),
    hasPreviousPage: boolean,
  ) {
    let readAhead: Promise<boolean> | undefined;
    this.pageInfo = {
      get hasNextPage() {
        if (typeof hasNextPage === 'boolean') return hasNextPage;
        readAhead ??= hasNextPage();
        return readAhead;
      },
      hasPreviousPage,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    };
  }
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
  return { ...connection, edges: connection.edges.map((edge) => new MappedEdge(edge, map(edge.node))) };
}

class MappedEdge<Node> implements Edge<Node> {
  constructor(
    private readonly source: Edge<unknown>,
    readonly node: Node,
  ) {}
  get cursor(): string {
    return this.source.cursor;
  }
}

async function fetchPage<Name extends ListOperationName>(
  call: CognitoCall,
  operation: Name,
  input: ListInput<Name>,
  position: PagePosition,
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

function firstPage(operation: ListOperationName): PagePosition {
  return { kind: 'page', token: null, pageSize: maxPageSize(operation), offset: 0 };
}

/** The start of the page a continuation token leads to. */
function pageAfter(operation: ListOperationName, token: string): PagePosition {
  return { ...firstPage(operation), token };
}

function maxPageSize(operation: ListOperationName): number {
  return listOperations[operation].maxPageSize;
}

function checkArgs(args: ConnectionArgs, paging: PagingOptions): number {
  for (const argument of ['last', 'before'] as const) {
    if (args[argument] != null) {
      throw new GatewayError(
        'BACKWARD_PAGINATION_UNSUPPORTED',
        `\`${argument}\` is not supported: Cognito lists can only be read forwards. Page with \`first\` and \`after\`.`,
        { field: argument, details: { argument } },
      );
    }
  }
  const first = args.first ?? paging.defaultSize;
  if (!Number.isInteger(first) || first < 0) {
    throw new GatewayError('BAD_USER_INPUT', '`first` must be a whole number of 0 or more.', {
      field: 'first',
      details: { argument: 'first', reason: 'must be a whole number of 0 or more' },
    });
  }
  if (first > paging.maxSize) {
    throw new GatewayError(
      'CONNECTION_TOO_LARGE',
      `\`first\` is ${first}, above the limit of ${paging.maxSize} items per connection. Ask for fewer and page on with \`after\`.`,
      { field: 'first', details: { argument: 'first', limit: paging.maxSize } },
    );
  }
  return first;
}

function tooManyPages(operation: string, pages: number): GatewayError {
  return new GatewayError(
    'PAGE_LIMIT_REACHED',
    `${operation} returned ${pages} pages without filling the connection; ask for fewer items or narrow the filter.`,
    { operation, details: { pages } },
  );
}
