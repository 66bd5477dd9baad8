import { randomUUID } from 'node:crypto';
import { listOperations } from '../../src/cognito/list-operations';

export interface PagedReply {
  status: number;
  body: Buffer;
}

/** What to do with one request: answer it here, or pass it on and page the backend's answer. */
export type PagingDecision =
  | { kind: 'answer'; reply: PagedReply }
  | {
      kind: 'forward';
      page: (reply: PagedReply) => PagedReply;
      /** What to send the backend instead of the request as it came. */
      body?: Buffer;
    };

/** Pages list answers of a backend that answers whole lists. */
export interface ListPaging {
  decide(operation: string, requestBody: Buffer): PagingDecision;
}

interface Remainder {
  /** The first answer without its items: what every later page repeats. */
  rest: Record<string, unknown>;
  items: unknown[];
}

/** Tokens kept at most; the oldest are dropped first, as an expired token would be. */
const MAX_REMAINDERS = 1_000;

/**
 * Pages list answers the way Cognito does, for a backend that answers whole lists (cognito-local
 * ignores page sizes and tokens): at most the requested page size (up to the documented maximum)
 * per answer, with a token for the rest. Later pages are cut from the first answer, like a
 * snapshot, and a token may be used again; an unknown token or a page size above the maximum gets Cognito's
 * InvalidParameterException.
 */
export class CognitoPaging implements ListPaging {
  private readonly remainders = new Map<string, Remainder>();

  decide(operation: string, requestBody: Buffer): PagingDecision {
    const asked = pageAsked(operation, requestBody);
    if ('kind' in asked) return asked;
    const { spec, size, token } = asked;
    if (typeof token === 'string') {
      const remainder = this.remainders.get(token);
      if (!remainder) return invalid('Invalid pagination token');
      return { kind: 'answer', reply: this.cut(spec, remainder, size) };
    }
    return {
      kind: 'forward',
      page: (reply) => {
        if (reply.status !== 200) return reply;
        const { [spec.items]: items, ...rest } = JSON.parse(reply.body.toString('utf8')) as Record<string, unknown>;
        delete rest[spec.token];
        return this.cut(spec, { rest, items: Array.isArray(items) ? items : [] }, size);
      },
    };
  }

  private cut(spec: { items: string; token: string }, remainder: Remainder, size: number): PagedReply {
    const page = remainder.items.slice(0, size);
    const left = remainder.items.slice(size);
    const answer: Record<string, unknown> = { ...remainder.rest, [spec.items]: page };
    if (left.length > 0) {
      const token = randomUUID();
      this.remainders.set(token, { rest: remainder.rest, items: left });
      if (this.remainders.size > MAX_REMAINDERS) this.remainders.delete(this.remainders.keys().next().value!);
      answer[spec.token] = token;
    }
    return { status: 200, body: Buffer.from(JSON.stringify(answer)) };
  }
}

type ListSpec = (typeof listOperations)[keyof typeof listOperations];

/** The page a list request asks for, or the decision for a request that is not a list's or is refused. */
function pageAsked(
  operation: string,
  requestBody: Buffer,
): PagingDecision | { spec: ListSpec; request: Record<string, unknown>; size: number; token: unknown } {
  const spec = (listOperations as Record<string, ListSpec | undefined>)[operation];
  if (!spec) return { kind: 'forward', page: (reply) => reply };
  const request = JSON.parse(requestBody.toString('utf8') || '{}') as Record<string, unknown>;
  const size = (spec.pageSize === null ? undefined : request[spec.pageSize]) ?? spec.maxPageSize;
  if (typeof size !== 'number' || size < 1 || size > spec.maxPageSize) {
    return invalid(`1 validation error detected: Value '${String(size)}' at '${spec.pageSize}' failed to satisfy constraint`);
  }
  return { spec, request, size, token: request[spec.token] };
}

function invalid(message: string): PagingDecision {
  return {
    kind: 'answer',
    reply: { status: 400, body: Buffer.from(JSON.stringify({ __type: 'InvalidParameterException', message })) },
  };
}

/**
 * Pages list answers as Cognito does, over the list as it is now: every request, with a token or
 * without, is answered from the backend's current list, so items deleted, disabled or added
 * between pages show as they would on AWS. Items are kept in order of their key, and a token is
 * opaque and stands for "after the key this page ended on": like AWS's, it still leads to the
 * right place when items already returned are deleted. Options make it harder on the gateway:
 * `shortPages` answers every other page with half the items asked (and an empty page before the
 * first item), as filtered ListUsers does; `forgetTokens` refuses every token issued so far, as an
 * expired token is refused, with InvalidParameterException.
 */
export class LiveCognitoPaging implements ListPaging {
  private readonly tokens = new Map<string, string>();
  private answered = 0;
  shortPages = false;
  /** Item keys of every page answered, in order: what each list request saw. */
  readonly pages: { operation: string; keys: string[] }[] = [];

  forgetTokens(): void {
    this.tokens.clear();
  }

  decide(operation: string, requestBody: Buffer): PagingDecision {
    const asked = pageAsked(operation, requestBody);
    if ('kind' in asked) return asked;
    const { spec, request, size, token } = asked;
    let afterKey: string | undefined;
    if (typeof token === 'string') {
      afterKey = this.tokens.get(token);
      if (afterKey === undefined) return invalid('Invalid pagination token');
    }
    const { [spec.token]: _token, [spec.pageSize ?? spec.token]: _size, ...whole } = request;
    return {
      kind: 'forward',
      body: Buffer.from(JSON.stringify(whole)),
      page: (reply) => {
        if (reply.status !== 200) return reply;
        const { [spec.items]: items, ...rest } = JSON.parse(reply.body.toString('utf8')) as Record<string, unknown>;
        delete rest[spec.token];
        const keyOf = (item: unknown) => String((item as Record<string, unknown>)[spec.key] ?? '');
        const sorted = (Array.isArray(items) ? items : []).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
        const left = afterKey === undefined ? sorted : sorted.filter((item) => keyOf(item) > afterKey!);
        this.answered += 1;
        const cut = this.shortPages ? (this.answered % 2 === 1 && afterKey === undefined ? 0 : Math.ceil(size / 2)) : size;
        const page = left.slice(0, cut);
        const answer: Record<string, unknown> = { ...rest, [spec.items]: page };
        if (page.length < left.length) {
          const next = randomUUID();
          // An empty page continues after the same key it started after.
          this.tokens.set(next, page.length > 0 ? keyOf(page[page.length - 1]) : (afterKey ?? ''));
          answer[spec.token] = next;
        }
        this.pages.push({ operation, keys: page.map(keyOf) });
        return { status: 200, body: Buffer.from(JSON.stringify(answer)) };
      },
    };
  }
}
