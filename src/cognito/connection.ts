import type { Connection, ConnectionArgs, Edge, PageInfo } from '../domain/connection';
import { GatewayError, invalidInput } from '../domain/gateway-error';
import type { CognitoCall } from './call';
import type { InputOf } from './commands';
import { connectionBinding, itemDigest, type CursorCodec, type CursorPosition } from './cursor';
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
 *
 * Lists change while they are paged. A cursor inside a Cognito page names the page (its token)
 * and the edge's item and the next one by digest, so a resume finds its place by them when items
 * before it were deleted or added; when neither is on the page any more, or Cognito no longer
 * takes the page's token, the answer is STALE_CURSOR rather than a silent skip.
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
    ? paging.codec.decode(args.after, binding, 'after', maxPageSize(operation))
    : firstPage(operation);
  const hasPreviousPage = Boolean(args.after);
  if (start.kind === 'end') return new ReadConnection([], false, hasPreviousPage);
  if (start.kind !== 'page') throw staleCursor(operation, 'it does not name a page of this list');

  const keyOf = (item: ListItem<Name>) => String((item as Record<string, unknown>)[listOperations[operation].key] ?? '');
  const edges: LazyEdge<ListItem<Name>>[] = [];
  let position: PagePosition = start;
  let pages = 0;
  let hasNextPage: boolean | (() => Promise<boolean>) = () => anyItemFrom(start);
  const fetch = async (at: PagePosition) => {
    if (pages === paging.maxPagesPerField) throw tooManyPages(operation, pages);
    pages += 1;
    const resuming = at === start && args.after != null && at.token !== null;
    try {
      return await fetchPage(call, operation, input, at);
    } catch (error) {
      if (resuming && refusesToken(error)) throw staleCursor(operation, 'Cognito no longer takes the page token it holds');
      throw error;
    }
  };
  /** The items of `page` from the resume point `at` names: by digest when the page has changed. */
  const itemsFrom = (page: Page<ListItem<Name>>, at: PagePosition): ListItem<Name>[] => {
    if (at.offset === 0 || at.after === undefined) return page.items.slice(at.offset);
    const atOffset = page.items[at.offset - 1];
    if (atOffset !== undefined && itemDigest(keyOf(atOffset)) === at.after) return page.items.slice(at.offset);
    const after = page.items.findIndex((item) => itemDigest(keyOf(item)) === at.after);
    if (after >= 0) return page.items.slice(after + 1);
    const next = at.next === undefined ? -1 : page.items.findIndex((item) => itemDigest(keyOf(item)) === at.next);
    if (next >= 0) return page.items.slice(next);
    throw staleCursor(operation, 'the items on either side of it are no longer on its page');
  };
  // Whether anything follows `from`: pages may be empty yet carry a token, so follow them.
  const anyItemFrom = async (from: PagePosition): Promise<boolean> => {
    for (let at = from; ;) {
      const page = await fetch(at);
      if (itemsFrom(page, at).length > 0) return true;
      if (!page.nextToken) return false;
      at = pageAfter(operation, page.nextToken);
    }
  };

  while (edges.length < first) {
    const page = await fetch(position);
    const items = itemsFrom(page, position);
    const skipped = page.items.length - items.length;
    const taken = items.slice(0, first - edges.length);
    const { token, pageSize } = position;
    const nextToken = page.nextToken;
    taken.forEach((node, index) => {
      const next = items[index + 1];
      // Worked out only if the cursor is read: digests cost what signing does, and most queries read no cursor.
      const after = (): CursorPosition =>
        next
          ? { kind: 'page', token, pageSize, offset: skipped + index + 1, after: itemDigest(keyOf(node)), next: itemDigest(keyOf(next)) }
          : nextToken
            ? pageAfter(operation, nextToken)
            : { kind: 'end' };
      edges.push(new LazyEdge(node, () => paging.codec.encode(binding, after())));
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

/** A resume whose page token Cognito refuses: the token expired, or named an item since deleted. */
function refusesToken(error: unknown): boolean {
  if (!(error instanceof GatewayError)) return false;
  if (error.exception === 'InvalidParameterException') return true;
  return error.unknownException !== undefined && /token|pagination/i.test(`${error.unknownException} ${error.message}`);
}

function staleCursor(operation: string, reason: string): GatewayError {
  return new GatewayError(
    'STALE_CURSOR',
    `\`after\` can no longer be resumed: ${reason}, because the list changed. Page again from the start (no \`after\`), or from a later cursor.`,
    { field: 'after', operation, details: { argument: 'after' } },
  );
}

interface Page<Item> {
  items: Item[];
  nextToken: string | undefined;
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
 * A connection over a list read whole by other means and kept in order of `keyOf` (a user's
 * groups: see membership.ts). Its cursors name the edge's key, so a resume starts at the first
 * item whose key comes after it, whatever was added or removed meanwhile.
 */
export function orderedListConnection<Node>(
  nodes: readonly Node[],
  keyOf: (node: Node) => string,
  args: ConnectionArgs,
  paging: PagingOptions,
  binding: () => string,
): Connection<Node> {
  const first = checkArgs(args, paging);
  const start = args.after ? paging.codec.decode(args.after, binding()) : undefined;
  let from = 0;
  if (start?.kind === 'end') from = nodes.length;
  else if (start?.kind === 'key') {
    const after = nodes.findIndex((node) => keyOf(node) > start.key);
    from = after < 0 ? nodes.length : after;
  } else if (start) throw staleCursor('a list read whole', 'it names a page, and this list has none');
  const taken = nodes.slice(from, from + first);
  const edges = taken.map((node) => new LazyEdge(node, () => paging.codec.encode(binding(), { kind: 'key', key: keyOf(node) })));
  return new ReadConnection(edges, from + first < nodes.length, Boolean(args.after));
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
): Promise<Page<ListItem<Name>>> {
  const spec = listOperations[operation];
  const request = {
    ...input,
    // Without a size member Cognito picks the page size; the cursor records the documented most.
    ...(spec.pageSize ? { [spec.pageSize]: position.pageSize } : {}),
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
  // The schema offers neither (forward-connections.ts); code that calls this helper gets the same answer.
  for (const argument of ['last', 'before'] as const) {
    if (args[argument] != null)
      throw invalidInput(argument, 'is not served: Cognito lists can only be read forwards; page with `first` and `after`');
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
